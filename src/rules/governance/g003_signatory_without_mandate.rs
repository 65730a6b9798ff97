use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::model::Sector;
use crate::rules::governance::Found;
use crate::rules::{same_name, Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// For each private or civil-society party (`sector = "private"` or
    /// `"civil_society"`): when its signatory is not its representative, that
    /// the signatory has a `mandate` saying what empowers them to sign. Names
    /// are compared ignoring case, accents and repeated spaces.
    ///
    /// ## Why it matters
    /// An association or a company is committed by its legal representative,
    /// or by someone that person or its board has empowered. If the treasurer
    /// or the director signs without a written delegation, the other partners
    /// cannot be sure the organisation is bound, and a funder may refuse to pay
    /// on an agreement signed by someone without authority.
    ///
    /// ## Example
    /// ```toml
    /// [[party]]
    /// id = "theatre"
    /// sector = "civil_society"
    /// representative = { name = "Sophie Lambert", title = "Présidente" }
    /// signatory = { name = "Marc Dupuis", title = "Trésorier" }
    /// ```
    ///
    /// ## Fix
    /// ```toml
    /// signatory = { name = "Marc Dupuis", title = "Trésorier", mandate = "Délégation de signature du conseil d'administration du 12 janvier 2026" }
    /// ```
    /// or have the representative sign.
    pub struct SignatoryWithoutMandate {
        code: G003,
        name: "signatory-without-mandate",
        family: Governance,
        levels: Levels::all(Level::Warning),
        summary: "a non-public party's signatory differs from its representative and has no `mandate`",
        help: "add `mandate = \"…\"` to the signatory (the board decision or delegation that empowers them), or have the representative sign",
    }
}

impl Rule for SignatoryWithoutMandate {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for party in cx.doc.parties.items() {
            if !matches!(
                party.sector.get(),
                Some(Sector::Private | Sector::CivilSociety)
            ) {
                continue;
            }
            let Some(signatory) = party.signatory.spanned() else {
                continue;
            };
            let Some(signer) = signatory.value.name.get() else {
                continue;
            };
            let Some(rep) = party.representative.get().and_then(|r| r.name.get()) else {
                continue;
            };
            if same_name(signer, rep) || !signatory.value.mandate.is_absent() {
                continue;
            }
            out.push(Self::META.found(
                signatory.span,
                Found::SignatoryNotRepresentative {
                    party: party.id.get().cloned(),
                    signatory: signer.clone(),
                    representative: rep.clone(),
                },
            ));
        }
    }
}
