use jiff::civil::Date;
use jiff::ToSpan;

use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::model::Spanned;
use crate::rules::consistency::{Dated, Found};
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That the dates of the convention fall within its period:
    /// - each milestone's `due` date is between `start` and `end` (both
    ///   included);
    /// - each disbursement `date` and each `[audit]` date is not before
    ///   `start`, and not more than 365 days after `end` (a last payment or
    ///   a final audit often comes after the activities end).
    ///
    /// Each bound is checked only when it is written and valid; nothing is
    /// checked when the period itself is inverted (K001 reports that).
    ///
    /// ## Why it matters
    /// A commitment dated outside the agreement binds no one: a milestone
    /// after the end cannot be required of a partner, and a payment before
    /// the start has no legal basis for the paying body's accountant. Such a
    /// date is usually a typo (the wrong year) that partners would only
    /// discover when the payment or the deliverable is late.
    ///
    /// ## Example
    /// ```toml
    /// [convention]
    /// start = 2026-02-01
    /// end = 2026-11-30
    ///
    /// [[milestone]]
    /// id = "M3"
    /// title = "Festival"
    /// due = 2027-09-20   # after the end
    /// ```
    ///
    /// ## Fix
    /// Correct the date, or extend the period if the work really runs later:
    /// ```toml
    /// [[milestone]]
    /// id = "M3"
    /// title = "Festival"
    /// due = 2026-09-20
    /// ```
    pub struct DateOutsidePeriod {
        code: K002,
        name: "date-outside-period",
        family: Consistency,
        levels: Levels::all(Level::Warning),
        summary: "a milestone is outside `start`..`end`; a disbursement or audit date is before `start` or more than 365 days after `end`",
        help: "correct the date, or change `start`/`end` if the work really runs outside the period",
    }
}

/// How long after `end` a payment or an audit may still come.
const GRACE_DAYS: i32 = 365;

impl Rule for DateOutsidePeriod {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let d = cx.doc;
        let start = d.convention.start.get().copied();
        let end = d.convention.end.get().copied();
        if let (Some(s), Some(e)) = (start, end) {
            if e < s {
                return; // K001
            }
        }
        let late = end.and_then(|e| e.checked_add(GRACE_DAYS.days()).ok());

        for m in d.milestones.items() {
            let Some(due) = m.due.spanned() else { continue };
            let milestone = m.id.get().cloned();
            if let Some(s) = start.filter(|s| due.value < *s) {
                out.push(Self::META.found(
                    due.span,
                    Found::MilestoneBeforeStart {
                        milestone,
                        due: due.value,
                        start: s,
                    },
                ));
            } else if let Some(e) = end.filter(|e| due.value > *e) {
                out.push(Self::META.found(
                    due.span,
                    Found::MilestoneAfterEnd {
                        milestone,
                        due: due.value,
                        end: e,
                    },
                ));
            }
        }

        let mut dated = |what: Dated, date: &Spanned<Date>| {
            if let Some(s) = start.filter(|s| date.value < *s) {
                out.push(Self::META.found(
                    date.span,
                    Found::DatedBeforeStart {
                        what,
                        date: date.value,
                        start: s,
                    },
                ));
            } else if let (Some(e), Some(l)) = (end, late) {
                if date.value > l {
                    out.push(Self::META.found(
                        date.span,
                        Found::DatedLongAfterEnd {
                            what,
                            date: date.value,
                            end: e,
                            grace_days: GRACE_DAYS.unsigned_abs(),
                        },
                    ));
                }
            }
        };
        if let Some(f) = d.funds.get() {
            for x in f.disbursements.items() {
                if let Some(date) = x.date.spanned() {
                    let from = x.from.get().cloned();
                    dated(Dated::Disbursement { from }, date);
                }
            }
        }
        if let Some(a) = d.audit.get() {
            for date in a.dates.items() {
                dated(Dated::Audit, date);
            }
        }
    }
}
