use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::rules::clauses::Found;
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That the convention says what each partner does: at least one
    /// `[[role]]`.
    ///
    /// ## Why it matters
    /// A partnership shares out work as well as money. Writing down each
    /// partner's responsibilities is what lets the steering committee ask
    /// "who was supposed to do this?" and get an answer from the text rather
    /// than from memory. It also shows an elected official or a funder that
    /// every partner brings something, and which partner coordinates.
    ///
    /// ## Example
    /// ```toml
    /// [[party]]
    /// id = "theatre"
    /// name = "Théâtre des Pentes"
    /// sector = "civil_society"
    /// # … and no [[role]] in the file
    /// ```
    ///
    /// ## Fix
    /// ```toml
    /// [[role]]
    /// party = "theatre"
    /// responsibilities = ["Coordination générale", "Billetterie"]
    /// coordinator = true
    ///
    /// [[role]]
    /// party = "musique"
    /// responsibilities = ["Programmation musicale"]
    /// ```
    pub struct MissingRoles {
        code: C007,
        name: "missing-roles",
        family: Clauses,
        levels: Levels::PerKind([Level::Error, Level::Error, Level::Error, Level::Warning]),
        summary: "no `[[role]]`",
        help: "add a [[role]] for each party, with `party` and its `responsibilities`",
    }
}

impl Rule for MissingRoles {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let roles = &cx.doc.roles;
        if roles.is_absent() {
            out.push(Self::META.found(roles.span_or(cx.header()), Found::NoRole));
        }
    }
}
