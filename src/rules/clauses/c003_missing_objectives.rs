use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::rules::clauses::Found;
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That the convention states its object (`convention.purpose`) and at
    /// least one objective (`[[objective]]`). One finding names what is
    /// missing.
    ///
    /// ## Why it matters
    /// The purpose is Article 1 of the agreement: it says what the partners
    /// do together, and it is what an elected assembly votes on. Objectives
    /// turn it into results the partners can be held to; without them the
    /// evaluation has nothing to measure, and a funder cannot say whether its
    /// money achieved anything.
    ///
    /// ## Example
    /// ```toml
    /// [convention]
    /// id = "festival-campus-2026"
    /// title = "Festival pluridisciplinaire du campus"
    /// # no purpose, and no [[objective]] in the file
    /// ```
    ///
    /// ## Fix
    /// ```toml
    /// [convention]
    /// purpose = "Organiser ensemble un festival gratuit sur le campus de la Doua."
    ///
    /// [[objective]]
    /// id = "O1"
    /// text = "Proposer trois jours de spectacles gratuits"
    /// indicators = [{ name = "Spectateurs", target = 1500, unit = "personnes" }]
    /// ```
    pub struct MissingObjectives {
        code: C003,
        name: "missing-objectives",
        family: Clauses,
        levels: Levels::all(Level::Error),
        summary: "no `purpose`, or no `[[objective]]`",
        help: "add `purpose = \"…\"` to [convention] and at least one [[objective]] with `id` and `text`",
    }
}

impl Rule for MissingObjectives {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let purpose = &cx.doc.convention.purpose;
        let objectives = &cx.doc.objectives;
        let finding = match (purpose.is_absent(), objectives.is_absent()) {
            (false, false) => return,
            (true, true) => Self::META.found(cx.header(), Found::NoPurposeNorObjective),
            (true, false) => Self::META.found(purpose.span_or(cx.header()), Found::NoPurpose),
            (false, true) => Self::META.found(objectives.span_or(cx.header()), Found::NoObjective),
        };
        out.push(finding);
    }
}
