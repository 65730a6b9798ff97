use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::model::Kind;
use crate::rules::governance::Found;
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That a management convention (`kind = "gestion"`) has a
    /// `[communication]` table.
    ///
    /// ## Why it matters
    /// A facility or programme run jointly is seen by the public under one
    /// name: who appears on the signs, the website and the press releases is a
    /// frequent source of friction between partners, and public funders often
    /// require their logo. Agreeing on it in advance avoids reprinting
    /// documents and protects each partner's visibility.
    ///
    /// ## Example
    /// ```toml
    /// [convention]
    /// kind = "gestion"
    /// # no [communication]
    /// ```
    ///
    /// ## Fix
    /// ```toml
    /// [communication]
    /// plan = "Chaque support mentionne les partenaires et porte le logo de la Ville ; les communiqués sont validés par le comité."
    /// ```
    pub struct NoCommunicationPlan {
        code: G007,
        name: "no-communication-plan",
        family: Governance,
        levels: Levels::all(Level::Warning),
        summary: "kind `gestion` without `[communication]`",
        help: "add a [communication] table whose `plan` says how the partners appear in all communication",
    }
}

impl Rule for NoCommunicationPlan {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if cx.kind == Kind::Gestion && cx.doc.communication.is_absent() {
            out.push(Self::META.found(cx.header(), Found::NoCommunicationPlan));
        }
    }
}
