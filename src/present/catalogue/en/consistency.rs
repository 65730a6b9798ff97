//! The words of the consistency rules' findings.

use rust_decimal::Decimal;

use crate::diagnostic::Words;
use crate::model::Currency;
use crate::present::catalogue::amount;
use crate::rules::consistency::{Dated, Found, Unused};

pub(super) fn words(found: &Found) -> Words {
    match found {
        Found::PeriodInverted { start, end } => Words::new(format!(
            "the convention ends on {end} but starts on {start}: the period is inverted"
        )),
        Found::MilestoneBeforeStart {
            milestone,
            due,
            start,
        } => Words::new(format!(
            "{} is due on {due}, before the convention starts ({start})",
            milestone_named(milestone.as_deref())
        )),
        Found::MilestoneAfterEnd {
            milestone,
            due,
            end,
        } => Words::new(format!(
            "{} is due on {due}, after the convention ends ({end})",
            milestone_named(milestone.as_deref())
        )),
        Found::DatedBeforeStart { what, date, start } => Words::new(format!(
            "{} {date}, before the convention starts ({start})",
            dated(what)
        )),
        Found::DatedLongAfterEnd {
            what,
            date,
            end,
            grace_days,
        } => Words::new(format!(
            "{} {date}, more than {grace_days} days after the convention ends ({end})",
            dated(what)
        )),
        Found::ContributionsOffBudget {
            total,
            budget,
            currency,
        } => off_budget(
            *total,
            *budget,
            *currency,
            "the financial contributions add up to {total}, the budget is {budget}",
            "{gap} of the budget are not financed: add the missing [[funds.contribution]] with `kind = \"financial\"` and its `amount` (a requested one counts), or lower `budget`",
            "the contributions exceed the budget by {gap}: raise `budget`, or lower the `amount` of a [[funds.contribution]]",
        ),
        Found::LinesOffBudget {
            total,
            budget,
            currency,
        } => off_budget(
            *total,
            *budget,
            *currency,
            "the budget lines add up to {total}, the budget is {budget}",
            "{gap} of the budget are on no line: add a [[funds.line]] or raise the `amount` of one, or lower `budget`",
            "the lines exceed the budget by {gap}: lower the `amount` of a [[funds.line]], or raise `budget`",
        ),
        Found::OverDisbursed {
            party,
            paid,
            committed,
            currency,
        } => Words::new(format!(
            "party `{party}` pays out {} in disbursements, more than its financial contributions ({})",
            amount(*paid, *currency),
            amount(*committed, *currency)
        ))
        .help(format!(
            "the payments go over from this disbursement on: lower the disbursements by {}, or raise the financial contribution of `{party}`",
            amount(paid - committed, *currency)
        )),
        Found::PartyWithoutRole { party } => Words::new(format!("party `{party}` has no role"))
            .help(format!(
                "add a [[role]] with `party = \"{party}\"` and its `responsibilities`"
            )),
        Found::ObjectiveWithoutIndicator { objective } => {
            let what = match objective {
                Some(id) => format!("objective `{id}`"),
                None => "this objective".to_string(),
            };
            Words::new(format!(
                "{what} has no indicator: nothing says how it will be evaluated"
            ))
        }
        Found::ReportWithoutDue { report } => Words::new(format!(
            "{} does not say when it is due",
            report_named(report.as_deref())
        ))
        .help(
            "add `due = YYYY-MM-DD`, `every = \"quarterly\"` (or monthly, semiannual, annual), or `after_end_days = N`",
        ),
        Found::ReportDueManyWays { report, keys } => {
            let n = keys.len();
            let keys = quoted(keys);
            Words::new(format!(
                "{} says when it is due in {n} ways ({keys}): only one applies",
                report_named(report.as_deref())
            ))
            .help(format!("keep only one of {keys}"))
        }
        Found::AuditWithoutDates => {
            Words::new("the audit gives no dates for its evaluations and controls")
        }
        Found::GestionDispositionsMissing { missing } => {
            let missing = quoted(missing);
            Words::new(format!(
                "the termination clause of a gestion convention does not settle {missing}"
            ))
            .help(format!(
                "add {missing} to [termination]: what becomes of the assets, the staff, a surplus and a deficit"
            ))
        }
        Found::NoDisposition => Words::new(
            "the termination clause says nothing of the assets, a surplus or a deficit",
        ),
        Found::ThresholdMissing => Words::new(
            "the decision rule is a qualified majority, but no `threshold` says how large",
        ),
        Found::NoCoordinator => Words::new(
            "no role is marked `coordinator = true`: no partner coordinates the partnership",
        ),
        Found::TooFewOriginals { parties, copies } => Words::new(format!(
            "{parties} parties sign on paper, but only {copies} original{} {} made",
            if *copies == 1 { "" } else { "s" },
            if *copies == 1 { "is" } else { "are" },
        ))
        .help(format!(
            "set `copies = {parties}`, so that each party keeps a signed original"
        )),
        Found::PlaceholderLeft { placeholder } => Words::new(format!(
            "this text still holds the placeholder `{placeholder}`"
        )),
        Found::UnusedWaiver { rule, name, why } => {
            let why = match why {
                Unused::RuleOff => "is turned off",
                Unused::DidNotFire => "did not fire",
            };
            Words::new(format!(
                "this waiver of {rule} ({name}) suppresses nothing: the rule {why}"
            ))
        }
    }
}

/// `milestone `M3``, or `a milestone` when it has no id.
fn milestone_named(id: Option<&str>) -> String {
    match id {
        Some(id) => format!("milestone `{id}`"),
        None => "a milestone".to_string(),
    }
}

/// `report `R1``, or `this report` when it has no id.
fn report_named(id: Option<&str>) -> String {
    match id {
        Some(id) => format!("report `{id}`"),
        None => "this report".to_string(),
    }
}

/// What K002 found dated, with its verb: `a disbursement from `ville` is
/// dated`, `an audit is planned on`.
fn dated(what: &Dated) -> String {
    match what {
        Dated::Disbursement { from: Some(p) } => format!("a disbursement from `{p}` is dated"),
        Dated::Disbursement { from: None } => "a disbursement is dated".to_string(),
        Dated::Audit => "an audit is planned on".to_string(),
    }
}

/// Keys in backquotes, separated by commas: `` `a`, `b` ``.
fn quoted(keys: &[&str]) -> String {
    keys.iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A sum (of the financial contributions, or of the budget lines) that is
/// not the budget: `said` with `{total}` and `{budget}`, and the help
/// `short` (the sum falls short by `{gap}`) or `over` (it exceeds by `{gap}`).
fn off_budget(
    total: Decimal,
    budget: Decimal,
    currency: Option<Currency>,
    said: &str,
    short: &str,
    over: &str,
) -> Words {
    let gap = budget - total;
    let help = if gap > Decimal::ZERO {
        short.replace("{gap}", &amount(gap, currency))
    } else {
        over.replace("{gap}", &amount(-gap, currency))
    };
    Words::new(
        said.replace("{total}", &amount(total, currency))
            .replace("{budget}", &amount(budget, currency)),
    )
    .help(help)
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::rules::Code;

    /// The English words of findings the fixtures do not show.
    #[test]
    fn the_rarer_findings_read_as_before() {
        let cases = [
            (
                Found::MilestoneBeforeStart {
                    milestone: None,
                    due: date(2026, 1, 15),
                    start: date(2026, 2, 1),
                },
                "a milestone is due on 2026-01-15, before the convention starts (2026-02-01)",
            ),
            (
                Found::DatedLongAfterEnd {
                    what: Dated::Disbursement { from: None },
                    date: date(2028, 3, 1),
                    end: date(2026, 11, 30),
                    grace_days: 365,
                },
                "a disbursement is dated 2028-03-01, more than 365 days after the convention ends (2026-11-30)",
            ),
            (
                Found::ObjectiveWithoutIndicator { objective: None },
                "this objective has no indicator: nothing says how it will be evaluated",
            ),
            (
                Found::ReportWithoutDue { report: None },
                "this report does not say when it is due",
            ),
            (
                Found::TooFewOriginals {
                    parties: 3,
                    copies: 1,
                },
                "3 parties sign on paper, but only 1 original is made",
            ),
            (
                Found::UnusedWaiver {
                    rule: Code::K006,
                    name: "objective-without-indicator",
                    why: Unused::RuleOff,
                },
                "this waiver of K006 (objective-without-indicator) suppresses nothing: the rule is turned off",
            ),
        ];
        for (found, expected) in cases {
            assert_eq!(words(&found).message, expected);
        }
    }
}
