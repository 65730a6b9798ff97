use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::rules::clauses::{missing_keys, table, DecisionKey, Found, Required};
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That the convention has a `[decision]` table naming the decision
    /// body (`body`) and its decision rule (`rule`: `consensus`, `majority`,
    /// `qualified_majority` or `unanimity`). One finding names what is
    /// missing.
    ///
    /// ## Why it matters
    /// Partners will have to decide things the text did not foresee: change
    /// the programme, move money between budget lines, welcome a new
    /// partner. If the agreement does not say who decides and how, every
    /// such question becomes a negotiation, and the stronger partner tends to
    /// decide alone. A named body and a clear rule also let an elected
    /// official check that public money is governed fairly.
    ///
    /// ## Example
    /// ```toml
    /// [decision]
    /// body = "Comité de pilotage"
    /// # no rule
    /// ```
    ///
    /// ## Fix
    /// ```toml
    /// [decision]
    /// body = "Comité de pilotage"
    /// members = ["theatre", "musique", "ville"]
    /// rule = "consensus"
    /// minutes = true
    /// ```
    pub struct MissingDecisionProcess {
        code: C005,
        name: "missing-decision-process",
        family: Clauses,
        levels: Levels::PerKind([Level::Error, Level::Error, Level::Error, Level::Off]),
        summary: "no `[decision]`, or no `body` or `rule`",
        help: "add a [decision] table with `body` (who decides) and `rule` (\"consensus\", \"majority\", \"qualified_majority\" or \"unanimity\")",
    }
}

impl Rule for MissingDecisionProcess {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(d) = table(
            &cx.doc.decision,
            &Self::META,
            cx,
            Found::NoDecisionTable,
            out,
        ) else {
            return;
        };
        let keys = [
            Required::of(DecisionKey::Body, &d.body),
            Required::of(DecisionKey::Rule, &d.rule),
        ];
        if let Some((span, keys)) = missing_keys(d.span, &keys) {
            out.push(Self::META.found(span, Found::DecisionLacks { keys }));
        }
    }
}
