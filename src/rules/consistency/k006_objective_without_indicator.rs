use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::rules::consistency::Found;
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That every `[[objective]]` has at least one indicator
    /// (`indicators = [...]`). One finding per objective without one.
    ///
    /// ## Why it matters
    /// An objective without an indicator cannot be evaluated: at the end of
    /// the convention, partners and funders will have no agreed way to say
    /// whether it was reached, and the evaluation turns into a matter of
    /// opinion. A target, even a qualitative one, is what the final report
    /// is measured against.
    ///
    /// ## Example
    /// ```toml
    /// [[objective]]
    /// id = "O2"
    /// text = "Associer des étudiants à l'organisation"
    /// # no indicators
    /// ```
    ///
    /// ## Fix
    /// ```toml
    /// [[objective]]
    /// id = "O2"
    /// text = "Associer des étudiants à l'organisation"
    /// indicators = [{ name = "Bénévoles étudiants", target = 40, unit = "personnes" }]
    /// ```
    pub struct ObjectiveWithoutIndicator {
        code: K006,
        name: "objective-without-indicator",
        family: Consistency,
        levels: Levels::all(Level::Warning),
        summary: "an objective has no indicator",
        help: "add `indicators = [{ name = \"…\", target = … }]` to this objective",
    }
}

impl Rule for ObjectiveWithoutIndicator {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for o in cx.doc.objectives.items() {
            if !o.indicators.is_absent() {
                continue;
            }
            out.push(Self::META.found(
                o.indicators.span_or(o.span),
                Found::ObjectiveWithoutIndicator {
                    objective: o.id.get().cloned(),
                },
            ));
        }
    }
}
