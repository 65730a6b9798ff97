use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::due::DueKind;
use crate::model::Status;
use crate::rules::lifecycle::Found;
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// For a convention that is `signed` or `active`: that every milestone
    /// whose `due` date is before the as-of date has a date in
    /// `[tracking] milestones`. One finding per overdue milestone.
    ///
    /// ## Why it matters
    /// Milestones are the calendar the partners committed to. A milestone
    /// that has passed with no recorded date is either late (the partners
    /// and the funder should know, and perhaps adjust the schedule by an
    /// amendment) or done but not recorded (the follow-up shown to the
    /// steering committee and to auditors is then wrong). Payments are often
    /// tied to milestones, so a treasurer needs to know which are behind.
    ///
    /// ## Example
    /// ```toml
    /// [convention]
    /// status = "active"
    ///
    /// [[milestone]]
    /// id = "M2"
    /// title = "Programmation arrêtée"
    /// due = 2026-05-15
    /// # and no date for M2 in [tracking] milestones
    /// ```
    ///
    /// ## Fix
    /// Record the date the milestone was reached:
    /// ```toml
    /// [tracking]
    /// milestones = { M2 = 2026-05-20 }
    /// ```
    /// If it has not been reached, agree a new date with the partners and
    /// record it in an amendment (`[[amendment]]`) that changes `due`.
    pub struct OverdueMilestone {
        code: L001,
        name: "overdue-milestone",
        family: Lifecycle,
        levels: Levels::all(Level::Warning),
        summary: "status `signed` or `active`; a milestone is due before the as-of date and `tracking.milestones` has no date for it",
        help: "record the date it was reached in `[tracking] milestones`, or agree a new date by an amendment",
    }
}

impl Rule for OverdueMilestone {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if !matches!(cx.status, Status::Signed | Status::Active) {
            return;
        }
        for item in cx.due_items() {
            if item.kind != DueKind::Milestone || !item.is_overdue() {
                continue;
            }
            out.push(Self::META.found(
                item.span,
                Found::MilestoneOverdue {
                    milestone: item.id.clone(),
                    title: item.title.clone(),
                    due: item.due,
                    days_late: crate::due::days_between(item.due, cx.as_of),
                },
            ));
        }
    }
}
