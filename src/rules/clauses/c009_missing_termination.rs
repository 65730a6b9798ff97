use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::rules::clauses::{missing_keys, table, Found, Required, TerminationKey};
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That the convention has a `[termination]` table giving the notice a
    /// partner must give before leaving (`notice_days`) and the grounds on
    /// which the agreement can be ended (`grounds`). One finding names what
    /// is missing.
    ///
    /// ## Why it matters
    /// Partnerships end, sometimes early: a partner loses its funding, an
    /// association dissolves, a new municipal team changes priorities. A
    /// termination clause lets a partner leave in an orderly way, with a
    /// notice period the others can plan around, and only for stated
    /// reasons. Without it, one partner walking away can leave the others
    /// with commitments they cannot pay for, and the dispute goes to court.
    ///
    /// ## Example
    /// ```toml
    /// [termination]
    /// grounds = ["Accord des parties"]
    /// # no notice_days
    /// ```
    ///
    /// ## Fix
    /// ```toml
    /// [termination]
    /// notice_days = 60
    /// cure_days = 30
    /// grounds = ["Manquement grave non corrigé dans le délai de mise en demeure", "Accord des parties"]
    /// ```
    pub struct MissingTermination {
        code: C009,
        name: "missing-termination",
        family: Clauses,
        levels: Levels::all(Level::Error),
        summary: "no `[termination]`, no `notice_days`, or no `grounds`",
        help: "add a [termination] table with `notice_days` (the notice, in days) and `grounds` (the reasons to end the agreement)",
    }
}

impl Rule for MissingTermination {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(t) = table(
            &cx.doc.termination,
            &Self::META,
            cx,
            Found::NoTerminationTable,
            out,
        ) else {
            return;
        };
        let keys = [
            Required::of(TerminationKey::NoticeDays, &t.notice_days),
            Required::of(TerminationKey::Grounds, &t.grounds),
        ];
        if let Some((span, keys)) = missing_keys(t.span, &keys) {
            out.push(Self::META.found(span, Found::TerminationLacks { keys }));
        }
    }
}
