use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::rules::clauses::Found;
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That the convention has a `title`.
    ///
    /// ## Why it matters
    /// The title is how partners, elected officials and auditors refer to the
    /// agreement: it heads the signed document and every report. A convention
    /// without a title is hard to find in a portfolio and to cite in a
    /// deliberation.
    ///
    /// ## Example
    /// ```toml
    /// [convention]
    /// id = "festival-campus-2026"
    /// # no title
    /// ```
    ///
    /// ## Fix
    /// ```toml
    /// [convention]
    /// id = "festival-campus-2026"
    /// title = "Festival pluridisciplinaire du campus"
    /// ```
    pub struct MissingTitle {
        code: C001,
        name: "missing-title",
        family: Clauses,
        levels: Levels::all(Level::Error),
        summary: "`convention.title` is absent",
        help: "add `title = \"…\"` to [convention]",
    }
}

impl Rule for MissingTitle {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let title = &cx.doc.convention.title;
        if title.is_absent() {
            out.push(Self::META.found(title.span_or(cx.header()), Found::NoTitle));
        }
    }
}
