use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::due::DueKind;
use crate::model::Status;
use crate::rules::lifecycle::Found;
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// For a convention that is `signed`, `active` or `closed`: that every
    /// report due date before the as-of date is met by a submission in
    /// `[tracking] reports`. Due dates come from `due`, from `every` (one per
    /// period, `delay_days` after it ends) or from `after_end_days`;
    /// submissions are matched to due dates in order, each taking the
    /// earliest one dated on or after the start of its period. One finding
    /// per overdue due date.
    ///
    /// ## Why it matters
    /// Reports are how the partners and the funders follow the project: a
    /// public funder usually pays the next instalment only once the report is
    /// in, and may ask for a grant back when the final report never comes.
    /// A missing report is also what an auditor notices first. Listing each
    /// overdue report lets the partnership officer chase the right one. A
    /// closed convention still owes its final report.
    ///
    /// ## Example
    /// ```toml
    /// [convention]
    /// status = "active"
    /// start = 2026-02-01
    ///
    /// [[report]]
    /// id = "R1"
    /// kind = "financial"
    /// every = "quarterly"
    /// delay_days = 30
    /// from = "theatre"
    /// # the first quarter (February to April) was due on 2026-05-30,
    /// # and [tracking] has no report R1
    /// ```
    ///
    /// ## Fix
    /// Record the date each report was sent:
    /// ```toml
    /// [tracking]
    /// reports = { R1 = [2026-06-02] }
    /// ```
    /// If it has not been sent, send it (and record it), or agree another
    /// calendar with the partners by an amendment.
    pub struct OverdueReport {
        code: L002,
        name: "overdue-report",
        family: Lifecycle,
        levels: Levels::all(Level::Warning),
        summary: "status `signed`, `active` or `closed`; a report due date before the as-of date is not met (FORMAT.md, due dates)",
        help: "send the report and record the date in `[tracking] reports`",
    }
}

impl Rule for OverdueReport {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if !matches!(cx.status, Status::Signed | Status::Active | Status::Closed) {
            return;
        }
        for item in cx.due_items() {
            if item.kind != DueKind::Report || !item.is_overdue() {
                continue;
            }
            // A periodic report names its period; a single due date does not.
            let period = match (item.every, item.period_start, item.period_end) {
                (Some(_), Some(s), Some(e)) => Some((s, e)),
                _ => None,
            };
            out.push(Self::META.found(
                item.span,
                Found::ReportOverdue {
                    report: item.id.clone(),
                    kind: item.report_kind,
                    period,
                    due: item.due,
                    days_late: crate::due::days_between(item.due, cx.as_of),
                },
            ));
        }
    }
}
