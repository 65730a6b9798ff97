use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::model::Party;
use crate::rules::clauses::no_keys;
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
fn party_label_fr(p: &Party, index: usize) -> String {
    match (p.id.get(), p.name.get()) {
        (Some(id), _) => format!("le partenaire `{id}`"),
        (None, Some(name)) => format!("le partenaire «\u{a0}{name}\u{a0}»"),
        (None, None) => format!("le partenaire nº\u{a0}{}", index + 1),
    }
}

fn party_label(p: &Party, index: usize) -> String {
    match (p.id.get(), p.name.get()) {
        (Some(id), _) => format!("party `{id}`"),
        (None, Some(name)) => format!("party \"{name}\""),
        (None, None) => format!("party #{}", index + 1),
    }
}

impl Rule for MissingSignatory {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for (i, party) in cx.doc.parties.items().iter().enumerate() {
            let who = party_label(party, i);
            let qui = party_label_fr(party, i);
            let signatory = &party.signatory;
            if signatory.is_invalid() {
                continue; // S003 reports it
            }
            let Some(s) = signatory.get() else {
                out.push(
                    Self::META
                        .finding(
                            signatory.span_or(party.span),
                            format!("{who} has no signatory"),
                        )
                        .with_fr(format!("{qui} n\u{2019}a pas de signataire"), None),
                );
                continue;
            };
            let mut missing = Vec::new();
            if s.name.is_absent() {
                missing.push("name");
            }
            if s.title.is_absent() {
                missing.push("title");
            }
            let (span, help) = match missing.as_slice() {
                [] => continue,
                ["name"] => (
                    s.name.span_or(s.span),
                    "add the `name` of the person who signs to this `signatory`",
                ),
                ["title"] => (
                    s.title.span_or(s.span),
                    "add the `title` of the signatory to this `signatory`: the capacity in which they sign (e.g. \"Présidente\", \"Adjointe à la culture\")",
                ),
                _ => (s.span, Self::META.help),
            };
            out.push(
                Self::META
                    .finding(
                        span,
                        format!("the signatory of {who} has {}", no_keys(&missing)),
                    )
                    .with_help(help)
                    .with_fr(
                        format!(
                            "le signataire de {} {}",
                            qui.trim_start_matches("le "),
                            super::fr_no_keys(&missing)
                        )
                        .replacen("de partenaire", "du partenaire", 1),
                        None,
                    ),
            );
        }
    }
}
