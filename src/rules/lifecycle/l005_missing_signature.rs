use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::model::Status;
use crate::rules::lifecycle::Found;
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// For a convention that is `signed`, `active` or `closed`: that every
    /// party has at least one `[[signature]]`. One finding per party that
    /// has none.
    ///
    /// ## Why it matters
    /// A party that has not signed is not bound: it owes neither its
    /// contribution nor its reports, and a public body may not pay under a
    /// convention its authorised signatory has not signed. Recording each
    /// signature (who, when, on which terms) is also what lets the partners
    /// show, years later, that everyone agreed to the same text.
    ///
    /// ## Example
    /// ```toml
    /// [convention]
    /// status = "signed"
    ///
    /// [[party]]
    /// id = "musique"
    /// name = "Musiques Croisées"
    /// # … and no [[signature]] with party = "musique"
    /// ```
    ///
    /// ## Fix
    /// Record the party's signature:
    /// ```toml
    /// [[signature]]
    /// party = "musique"
    /// name = "Paul Girard"
    /// date = 2026-01-28
    /// place = "Lyon"
    /// fingerprint = "sha256:…"   # from `pacte fingerprint FILE`
    /// ```
    /// If the party has not signed yet, keep `status = "draft"` until it does.
    pub struct MissingSignature {
        code: L005,
        name: "missing-signature",
        family: Lifecycle,
        levels: Levels::all(Level::Error),
        summary: "status `signed`, `active` or `closed` and a party has no signature at all",
        help: "record the party's signature with `pacte sign FILE --party ID --name NAME` (or a [[signature]] with the fingerprint `pacte fingerprint FILE` gives), or keep `status = \"draft\"` until every party has signed",
    }
}

impl Rule for MissingSignature {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if !matches!(cx.status, Status::Signed | Status::Active | Status::Closed) {
            return;
        }
        let signatures = cx.doc.signatures.items();
        for party in cx.doc.parties.items() {
            let Some(id) = party.id.get() else { continue };
            if signatures.iter().any(|s| s.party.get() == Some(id)) {
                continue;
            }
            out.push(Self::META.found(
                party.span,
                Found::NotSigned {
                    party: id.to_string(),
                    name: party.name.get().cloned(),
                    status: cx.status,
                },
            ));
        }
    }
}
