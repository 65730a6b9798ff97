use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::rules::clauses::no_keys;
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
        code: "C005",
        name: "missing-decision-process",
        family: Clauses,
        levels: Levels::all(Level::Error),
        summary: "no `[decision]`, or no `body` or `rule`",
        help: "add a [decision] table with `body` (who decides) and `rule` (\"consensus\", \"majority\", \"qualified_majority\" or \"unanimity\")",
    }
}

impl Rule for MissingDecisionProcess {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let decision = &cx.doc.decision;
        if decision.is_invalid() {
            return; // S003 reports it
        }
        let Some(d) = decision.get() else {
            out.push(Self::META.finding(
                decision.span_or(cx.header()),
                "the convention has no [decision] table: who decides, and how, is not said",
            ));
            return;
        };
        let mut missing = Vec::new();
        if d.body.is_absent() {
            missing.push("body");
        }
        if d.rule.is_absent() {
            missing.push("rule");
        }
        if missing.is_empty() {
            return;
        }
        // A single key written empty (`body = ""`) is pointed at.
        let (span, help) = match missing.as_slice() {
            ["body"] => (d.body.span_or(d.span), "add `body = \"…\"` to [decision]: the body that takes decisions (e.g. \"Comité de pilotage\")"),
            ["rule"] => (d.rule.span_or(d.span), "add `rule` to [decision]: \"consensus\", \"majority\", \"qualified_majority\" or \"unanimity\""),
            _ => (d.span, Self::META.help),
        };
        out.push(
            Self::META
                .finding(span, format!("[decision] has {}", no_keys(&missing)))
                .with_help(help),
        );
    }
}
