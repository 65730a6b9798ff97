use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::model::Sector;
use crate::rules::governance::Found;
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// For each public party (`sector = "public"`), that its signatory has a
    /// `mandate`: the act that empowers them to sign.
    ///
    /// ## Why it matters
    /// A public body signs on the strength of an act: the deliberation of the
    /// council that approves the agreement, and, when an elected deputy or an
    /// official signs, the delegation order (arrêté de délégation). Citing it
    /// lets the other partners and the public accountant check that the
    /// commitment is valid; an agreement signed without it can be challenged
    /// and its payments blocked.
    ///
    /// ## Example
    /// ```toml
    /// [[party]]
    /// id = "ville"
    /// sector = "public"
    /// signatory = { name = "Claire Roche", title = "Adjointe à la culture" }
    /// ```
    ///
    /// ## Fix
    /// ```toml
    /// signatory = { name = "Claire Roche", title = "Adjointe à la culture", mandate = "Arrêté de délégation n° 2026-031 ; délibération n° 2026-014 du 26 janvier 2026" }
    /// ```
    pub struct PublicSignatoryWithoutMandate {
        code: G010,
        name: "public-signatory-without-mandate",
        family: Governance,
        levels: Levels::all(Level::Warning),
        summary: "a `public` party's signatory has no `mandate`: a public body signs on the strength of the act (deliberation, delegation order) that empowers its signatory",
        help: "add `mandate = \"…\"` to the signatory: the deliberation approving the agreement and, if needed, the delegation order",
    }
}

impl Rule for PublicSignatoryWithoutMandate {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for party in cx.doc.parties.items() {
            if party.sector.get() != Some(&Sector::Public) {
                continue;
            }
            let Some(signatory) = party.signatory.spanned() else {
                continue;
            };
            if !signatory.value.mandate.is_absent() {
                continue;
            }
            out.push(Self::META.found(
                signatory.span,
                Found::PublicSignatoryWithoutMandate {
                    party: party.id.get().cloned(),
                    signatory: signatory.value.name.get().cloned(),
                },
            ));
        }
    }
}
