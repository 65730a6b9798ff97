use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::rules::consistency::Found;
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That, when the convention has three or more parties and defines
    /// roles, one of them has `coordinator = true`. Two partners deal with
    /// each other directly. (No `[[role]]` at all is C007.)
    ///
    /// ## Why it matters
    /// Someone has to convene the meetings, keep the schedule and speak for
    /// the partnership to funders. When no partner is named coordinator,
    /// each assumes another one is, and the steering committee never meets.
    /// Funders usually want one interlocutor.
    ///
    /// ## Example
    /// ```toml
    /// [[role]]
    /// party = "theatre"
    /// responsibilities = ["Coordination générale", "Billetterie"]
    /// # coordinator = true is missing
    /// ```
    ///
    /// ## Fix
    /// ```toml
    /// [[role]]
    /// party = "theatre"
    /// responsibilities = ["Coordination générale", "Billetterie"]
    /// coordinator = true
    /// ```
    pub struct NoCoordinator {
        code: K011,
        name: "no-coordinator",
        family: Consistency,
        levels: Levels::PerKind([Level::Warning, Level::Warning, Level::Warning, Level::Off]),
        summary: "three or more parties, roles exist, and none has `coordinator = true`",
        help: "add `coordinator = true` to the role of the coordinating party",
    }
}

impl Rule for NoCoordinator {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        // Two partners need no coordinator: each deals with the other.
        if cx.doc.parties.items().len() < 3 {
            return;
        }
        let roles = cx.doc.roles.items();
        let Some(first) = roles.first() else {
            return; // C007
        };
        // An invalid `coordinator` (S003) may have meant true.
        if roles
            .iter()
            .any(|r| r.coordinator.get() == Some(&true) || r.coordinator.is_invalid())
        {
            return;
        }
        out.push(Self::META.found(first.span, Found::NoCoordinator));
    }
}
