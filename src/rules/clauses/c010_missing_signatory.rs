use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::model::Party;
use crate::rules::clauses::{Found, PartyRef, SignatoryKey};
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That every party names its signatory: `signatory` with the person's
    /// `name` and `title` (the capacity in which they sign). One finding per
    /// party.
    ///
    /// ## Why it matters
    /// A convention binds an organisation only if it is signed by someone
    /// entitled to commit it: the mayor or a deputy holding a delegation,
    /// the president of an association, the director of a company. Naming
    /// the signatory and their title before the signing ceremony lets each
    /// partner check that this person really has that power, and avoids a
    /// convention that a treasurer or a prefecture later refuses as signed
    /// by the wrong person.
    ///
    /// ## Example
    /// ```toml
    /// [[party]]
    /// id = "theatre"
    /// name = "Théâtre des Pentes"
    /// sector = "civil_society"
    /// signatory = { name = "Sophie Lambert" }   # no title
    /// ```
    ///
    /// ## Fix
    /// ```toml
    /// [[party]]
    /// id = "theatre"
    /// name = "Théâtre des Pentes"
    /// sector = "civil_society"
    /// signatory = { name = "Sophie Lambert", title = "Présidente" }
    /// ```
    pub struct MissingSignatory {
        code: C010,
        name: "missing-signatory",
        family: Clauses,
        levels: Levels::all(Level::Error),
        summary: "a party has no `signatory` with a name and a title",
        help: "add `signatory = { name = \"…\", title = \"…\" }` to this party: who signs for it, and in what capacity",
    }
}

/// How a party is named in a message.
/// The party as a French message names it: `le partenaire `ville``.
/// How the finding names `p`, the `index`-th party (from 0).
fn party_ref(p: &Party, index: usize) -> PartyRef {
    match (p.id.get(), p.name.get()) {
        (Some(id), _) => PartyRef::Id(id.clone()),
        (None, Some(name)) => PartyRef::Name(name.clone()),
        (None, None) => PartyRef::Number(index + 1),
    }
}

impl Rule for MissingSignatory {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for (i, party) in cx.doc.parties.items().iter().enumerate() {
            let signatory = &party.signatory;
            if signatory.is_invalid() {
                continue; // S003 reports it
            }
            let Some(s) = signatory.get() else {
                out.push(Self::META.found(
                    signatory.span_or(party.span),
                    Found::NoSignatory {
                        party: party_ref(party, i),
                    },
                ));
                continue;
            };
            let mut keys = Vec::new();
            if s.name.is_absent() {
                keys.push(SignatoryKey::Name);
            }
            if s.title.is_absent() {
                keys.push(SignatoryKey::Title);
            }
            let span = match keys.as_slice() {
                [] => continue,
                [SignatoryKey::Name] => s.name.span_or(s.span),
                [SignatoryKey::Title] => s.title.span_or(s.span),
                _ => s.span,
            };
            out.push(Self::META.found(
                span,
                Found::SignatoryLacks {
                    party: party_ref(party, i),
                    keys,
                },
            ));
        }
    }
}
