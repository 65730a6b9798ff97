use jiff::civil::Date;

use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::grants::{pairs, public_grants};
use crate::model::{Field, ReportKind};
use crate::rules::french_law::{applies, Found};
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// When French law applies (`jurisdiction = "FR"`, currency `EUR`):
    /// that for each budget year Y of a financial public grant for a
    /// project, a `[[report]]` of kind `financial` or `final`, from the
    /// beneficiary to the giver, falls due between the end of the action in
    /// that year (the earlier of `end` and 31 December of Y) and 30 June of
    /// Y + 1. One finding per giver and beneficiary, naming the years not
    /// covered. (No `[[report]]` at all is C014's.)
    ///
    /// The budget years are the `year`s of the grants when each carries
    /// one, otherwise the calendar years of the period, ending with the year
    /// of `end`. A grant with `allocation = "operating"` (to the
    /// beneficiary's general running) is not for a project. Every due date
    /// the report's terms define counts, even one before the signing date.
    ///
    /// ## Why it matters
    /// Loi n° 2000-321 du 12 avril 2000, article 10: when a grant is tied
    /// to a determined expense, the beneficiary produces a compte rendu
    /// financier attesting that the expenses conform to the object of the
    /// grant, within six months of the end of the budget year for which it
    /// was granted (its content is fixed by the arrêté du 11 octobre 2006,
    /// Cerfa n° 15059). A convention that schedules no such report for a
    /// year leaves the funder without the document its accountant needs,
    /// and the next grant blocked.
    ///
    /// ## Example
    /// ```toml
    /// [[funds.contribution]]
    /// party = "departement"
    /// kind = "financial"
    /// amount = 30000
    /// to = "association"
    /// year = 2026
    ///
    /// [[report]]
    /// id = "R1"
    /// kind = "financial"
    /// due = 2027-09-30   # later than 30 June 2027
    /// from = "association"
    /// ```
    ///
    /// ## Fix
    /// ```toml
    /// [[report]]
    /// id = "R1"
    /// kind = "financial"
    /// every = "annual"
    /// anchor = "calendar"
    /// delay_days = 181   # 30 June of the following year
    /// from = "association"
    /// to = ["departement"]
    /// ```
    pub struct MissingFinancialReport {
        code: F002,
        name: "missing-financial-report",
        family: FrenchLaw,
        levels: Levels::all(Level::Error),
        summary: "a financial public grant for a project, and for one of its budget years no financial or final report from the beneficiary to the giver is due by 30 June of the next year",
        help: "add a [[report]] of kind \"financial\" from the beneficiary to the giver, due within six months of the end of each budget year (loi n° 2000-321, art. 10)",
    }
}

/// The window of year `y`: from the earlier of `end` and 31 December to
/// 30 June of the next year, both included.
fn window(y: i64, end: Option<Date>) -> Option<(Date, Date)> {
    let y = i16::try_from(y).ok()?;
    let dec31 = Date::new(y, 12, 31).ok()?;
    let from = end.map_or(dec31, |e| e.min(dec31));
    Some((from, Date::new(y.checked_add(1)?, 6, 30).ok()?))
}

impl Rule for MissingFinancialReport {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let reports = cx.doc.reports.items();
        if !applies(cx) || reports.is_empty() {
            return; // C014 reports no [[report]]
        }
        let end = cx.doc.convention.end.get().copied();
        let parties: Vec<&str> = cx.doc.party_ids().collect();
        for pair in pairs(public_grants(cx.doc)) {
            let Some(pair) = pair.only(|g| g.financial && g.project) else {
                continue;
            };
            // Due dates of the reports that count for this pair.
            let mut due: Vec<Date> = Vec::new();
            for r in reports {
                let kind_ok = matches!(
                    r.kind.get(),
                    Some(ReportKind::Financial | ReportKind::Final)
                );
                let from_ok = r.from.get().is_some_and(|f| f == pair.beneficiary);
                let to_ok = match &r.to {
                    Field::Ok(to) => to.value.iter().any(|t| t.value == pair.giver),
                    // Default: every other party.
                    Field::Absent | Field::Empty(_) => parties.contains(&pair.giver),
                    Field::Invalid(_) => false,
                };
                if kind_ok && from_ok && to_ok {
                    due.extend(crate::due::report_due_dates(cx.doc, r, cx.as_of));
                }
            }
            due.sort_unstable();
            let covered = |from: Date, to: Date| {
                // The first due date on or after `from`, if it is by `to`.
                let i = due.partition_point(|d| *d < from);
                due.get(i).is_some_and(|d| *d <= to)
            };
            let missing: Vec<i64> = pair
                .budget_years(cx.doc)
                .into_iter()
                .filter(|&y| window(y, end).is_some_and(|(from, to)| !covered(from, to)))
                .collect();
            if missing.is_empty() {
                continue;
            }
            let span = pair.grants[0].span;
            out.push(Self::META.found(
                span,
                Found::FinancialReportMissing {
                    giver: pair.giver.to_string(),
                    beneficiary: pair.beneficiary.to_string(),
                    years: missing,
                },
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn the_window_runs_to_30_june() {
        assert_eq!(
            window(2026, None),
            Some((date(2026, 12, 31), date(2027, 6, 30)))
        );
        assert_eq!(
            window(2026, Some(date(2026, 9, 30))),
            Some((date(2026, 9, 30), date(2027, 6, 30)))
        );
        assert_eq!(
            window(2026, Some(date(2028, 3, 31))),
            Some((date(2026, 12, 31), date(2027, 6, 30)))
        );
        // Years out of the calendar's range are never judged (no panic).
        assert_eq!(window(9999, None), None);
        assert_eq!(window(-10000, None), None);
        assert_eq!(window(i64::MAX, None), None);
    }
}
