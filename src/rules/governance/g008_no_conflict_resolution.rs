use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::rules::governance::Found;
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That `[decision]` has a `conflicts` key saying what happens when the
    /// partners disagree.
    ///
    /// ## Why it matters
    /// Partners who agree on everything at signing still disagree later: on a
    /// date, a share of the costs, the use of a surplus. If the agreement does
    /// not say how a deadlock is broken (a second meeting, a mediator, the
    /// arbitration of an elected official), the project stalls or the dispute
    /// goes straight to court. A written path keeps the partnership working
    /// while the disagreement is settled.
    ///
    /// ## Example
    /// ```toml
    /// [decision]
    /// body = "Comité de pilotage"
    /// rule = "consensus"
    /// minutes = true
    /// # nothing on disagreements
    /// ```
    ///
    /// ## Fix
    /// ```toml
    /// [decision]
    /// body = "Comité de pilotage"
    /// rule = "consensus"
    /// minutes = true
    /// conflicts = "Nouvelle réunion sous quinze jours, puis médiation par un tiers choisi d'un commun accord"
    /// ```
    pub struct NoConflictResolution {
        code: G008,
        name: "no-conflict-resolution",
        family: Governance,
        levels: Levels::all(Level::Warning),
        summary: "`decision.conflicts` is absent: say what happens when partners disagree",
        help: "add `conflicts = \"…\"` to [decision]: how a disagreement is settled (new meeting, mediation, arbitration)",
    }
}

impl Rule for NoConflictResolution {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(decision) = cx.doc.decision.get() else {
            return;
        };
        if decision.conflicts.is_absent() {
            out.push(Self::META.found(
                decision.conflicts.span_or(decision.span),
                Found::NoConflictResolution,
            ));
        }
    }
}
