use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::rules::clauses::{table, Found};
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That a `gestion` convention (joint management of a facility or
    /// programme) has an action plan: `governance.action_plan`. It fires
    /// also when there is no `[governance]` table at all (C012 then reports
    /// the rest of the governance). Other kinds do not need it (the rule is
    /// off for them unless `pacte.toml` turns it on).
    ///
    /// ## Why it matters
    /// A jointly managed facility lasts for years; the action plan says what
    /// the partners intend to do with it and how that plan is adopted and
    /// revised. It is what the board follows, what expenses are checked
    /// against, and what the partners' assemblies look at before renewing
    /// their support. Without it, the board manages from one meeting to the
    /// next.
    ///
    /// ## Example
    /// ```toml
    /// [governance]
    /// board = [{ party = "ville", seats = 3 }, { party = "theatre", seats = 3 }]
    /// officers = "Présidence tournante"
    /// deliberations = "Majorité des deux tiers"
    /// management = "Une directrice salariée"
    /// # no action_plan
    /// ```
    ///
    /// ## Fix
    /// ```toml
    /// [governance]
    /// action_plan = "Plan d'action triennal adopté par le conseil chaque automne, révisé à mi-parcours"
    /// ```
    pub struct MissingActionPlan {
        code: C013,
        name: "missing-action-plan",
        family: Clauses,
        levels: Levels::PerKind([Level::Off, Level::Error, Level::Off, Level::Off]),
        summary: "no `governance.action_plan`",
        help: "add `action_plan = \"…\"` to [governance]: what the partners plan to do, and how the plan is adopted and revised",
    }
}

impl Rule for MissingActionPlan {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(g) = table(
            &cx.doc.governance,
            &Self::META,
            cx,
            Found::NoActionPlanTable,
            out,
        ) else {
            return;
        };
        if g.action_plan.is_absent() {
            out.push(Self::META.found(g.action_plan.span_or(g.span), Found::NoActionPlan));
        }
    }
}
