use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::rules::clauses::Found;
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That the convention names at least two parties (`[[party]]`).
    ///
    /// ## Why it matters
    /// A partnership is an agreement between several organisations: with a
    /// single party there is nobody to commit to anything. A text with one
    /// party is usually an unfinished draft where a partner was forgotten, or
    /// a grant decision that should not be written as a partnership. Each
    /// partner must appear so that it can sign and be held to its commitments.
    ///
    /// ## Example
    /// ```toml
    /// [[party]]
    /// id = "ville"
    /// name = "Ville de Lyon"
    /// sector = "public"
    /// # and no other [[party]]
    /// ```
    ///
    /// ## Fix
    /// Add every partner as its own `[[party]]`:
    /// ```toml
    /// [[party]]
    /// id = "ville"
    /// name = "Ville de Lyon"
    /// sector = "public"
    ///
    /// [[party]]
    /// id = "theatre"
    /// name = "Théâtre des Pentes"
    /// sector = "civil_society"
    /// ```
    pub struct TooFewParties {
        code: C002,
        name: "too-few-parties",
        family: Clauses,
        levels: Levels::all(Level::Error),
        summary: "fewer than two parties",
        help: "add each partner as a [[party]] with `id`, `name` and `sector`",
    }
}

impl Rule for TooFewParties {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let parties = &cx.doc.parties;
        if parties.is_invalid() {
            return; // S003 reports it
        }
        match parties.items() {
            [] => out.push(Self::META.found(parties.span_or(cx.header()), Found::NoParty)),
            [only] => out.push(Self::META.found(
                only.span,
                Found::OneParty {
                    party: only.id.get().or(only.name.get()).cloned(),
                },
            )),
            _ => {}
        }
    }
}
