use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::model::Field;
use crate::rules::consistency::Found;
use crate::rules::{Context, Levels, Rule, RuleMeta};
use crate::source::Span;

declare_rule! {
    /// ## What it checks
    /// That every `[[report]]` says when it is due in exactly one way:
    /// - `due`: on a date;
    /// - `every`: periodically (`"monthly"`, `"quarterly"`, `"semiannual"`,
    ///   `"annual"`);
    /// - `after_end_days`: a number of days after the convention ends.
    ///
    /// ## Why it matters
    /// A report with no due date is a report nobody will ask for, and a
    /// report with two is ambiguous: the partner who writes it and the
    /// funder who waits for it may each read a different deadline. A
    /// funder's payment often depends on the report arriving on time.
    ///
    /// ## Example
    /// ```toml
    /// [[report]]
    /// id = "R1"
    /// kind = "activity"
    /// from = "theatre"
    /// # when?
    /// ```
    ///
    /// ## Fix
    /// ```toml
    /// [[report]]
    /// id = "R1"
    /// kind = "activity"
    /// from = "theatre"
    /// due = 2026-06-30
    /// ```
    pub struct ReportWithoutDue {
        code: K007,
        name: "report-without-due",
        family: Consistency,
        levels: Levels::all(Level::Error),
        summary: "a report has none, or more than one, of `due`, `every`, `after_end_days`",
        help: "give the report exactly one of `due`, `every` or `after_end_days`",
    }
}

/// Where a key is written, valid or not (an invalid value is still a choice
/// of how the report falls due).
fn written<T>(f: &Field<T>) -> Option<Span> {
    match f {
        Field::Ok(s) => Some(s.span),
        Field::Invalid(s) => Some(*s),
        Field::Absent | Field::Empty(_) => None,
    }
}

impl Rule for ReportWithoutDue {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for r in cx.doc.reports.items() {
            let mut ways: Vec<(&'static str, Span)> = [
                ("due", written(&r.due)),
                ("every", written(&r.every)),
                ("after_end_days", written(&r.after_end_days)),
            ]
            .into_iter()
            .filter_map(|(k, s)| s.map(|s| (k, s)))
            .collect();
            match ways.len() {
                0 => out.push(Self::META.found(
                    r.span,
                    Found::ReportWithoutDue {
                        report: r.id.get().cloned(),
                    },
                )),
                1 => {}
                _ => {
                    ways.sort_by_key(|(_, s)| *s);
                    out.push(Self::META.found(
                        ways[1].1,
                        Found::ReportDueManyWays {
                            report: r.id.get().cloned(),
                            keys: ways.iter().map(|(k, _)| *k).collect(),
                        },
                    ));
                }
            }
        }
    }
}
