use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::model::Field;
use crate::rules::governance::Found;
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That `[decision]` says `minutes = true`: the decisions of the
    /// decision body are written down. It fires when `minutes` is missing or
    /// `false`.
    ///
    /// ## Why it matters
    /// Minutes are the only proof of what the partners agreed: a change of
    /// programme, a reallocation of budget, a new partner. A treasurer needs
    /// them to justify a payment, an auditor to check that spending followed
    /// the decisions, and an elected official to answer for the commitment of
    /// public money. Without them, a disagreement a year later comes down to
    /// each partner's memory.
    ///
    /// ## Example
    /// ```toml
    /// [decision]
    /// body = "Comité de pilotage"
    /// rule = "consensus"
    /// # no `minutes`
    /// ```
    ///
    /// ## Fix
    /// ```toml
    /// [decision]
    /// body = "Comité de pilotage"
    /// rule = "consensus"
    /// minutes = true
    /// ```
    /// and say in `meetings` who writes the minutes and when they are sent.
    pub struct NoMinutes {
        code: G004,
        name: "no-minutes",
        family: Governance,
        levels: Levels::all(Level::Warning),
        summary: "`decision.minutes` is not `true`: decisions must leave a written trace",
        help: "write `minutes = true` in [decision] and keep minutes of every meeting",
    }
}

impl Rule for NoMinutes {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(decision) = cx.doc.decision.get() else {
            return;
        };
        match &decision.minutes {
            Field::Ok(m) if m.value => {}
            Field::Ok(m) => out.push(Self::META.found(
                m.span,
                Found::MinutesFalse {
                    body: decision.body.get().cloned(),
                },
            )),
            Field::Absent | Field::Empty(_) => out
                .push(Self::META.found(decision.minutes.span_or(decision.span), Found::NoMinutes)),
            Field::Invalid(_) => {}
        }
    }
}
