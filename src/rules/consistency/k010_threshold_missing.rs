use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::model::DecisionRule;
use crate::rules::consistency::Found;
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That a decision `rule = "qualified_majority"` comes with its
    /// `threshold`: the share of votes needed, above one half (`0.66` for
    /// two thirds).
    ///
    /// ## Why it matters
    /// "A qualified majority" without a figure is no rule at all: at the
    /// first contested vote, partners will argue over whether 60% was
    /// enough. The threshold is also what tells a small partner whether the
    /// larger ones can outvote it.
    ///
    /// ## Example
    /// ```toml
    /// [decision]
    /// body = "Comité de pilotage"
    /// rule = "qualified_majority"
    /// ```
    ///
    /// ## Fix
    /// ```toml
    /// [decision]
    /// body = "Comité de pilotage"
    /// rule = "qualified_majority"
    /// threshold = 0.66
    /// ```
    pub struct ThresholdMissing {
        code: K010,
        name: "threshold-missing",
        family: Consistency,
        levels: Levels::all(Level::Error),
        summary: "`rule = \"qualified_majority\"` without `threshold`",
        help: "add `threshold = 0.66` (the share of votes needed, above 0.5) to [decision]",
    }
}

impl Rule for ThresholdMissing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(d) = cx.doc.decision.get() else {
            return;
        };
        let Some(rule) = d.rule.spanned() else {
            return;
        };
        if rule.value == DecisionRule::QualifiedMajority && d.threshold.is_absent() {
            out.push(Self::META.found(rule.span, Found::ThresholdMissing));
        }
    }
}
