use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::rules::consistency::Found;
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That an `[audit]` table gives the `dates` of the evaluations and
    /// controls it describes. (No `[audit]` at all is C008.)
    ///
    /// ## Why it matters
    /// An evaluation "at mid-term and at the end" that is never dated tends
    /// not to happen, or to happen too late to change anything. Dates let
    /// the partners book the steering committee, let the auditor plan the
    /// work, and let `pacte` remind everyone when they approach.
    ///
    /// ## Example
    /// ```toml
    /// [audit]
    /// evaluation = "Évaluation à mi-parcours et évaluation finale"
    /// expense_control = "Contrôle des dépenses au regard du plan d'action"
    /// ```
    ///
    /// ## Fix
    /// ```toml
    /// [audit]
    /// evaluation = "Évaluation à mi-parcours et évaluation finale"
    /// dates = [2026-06-30, 2026-11-20]
    /// expense_control = "Contrôle des dépenses au regard du plan d'action"
    /// ```
    pub struct AuditWithoutDates {
        code: K008,
        name: "audit-without-dates",
        family: Consistency,
        levels: Levels::all(Level::Info),
        summary: "`[audit]` has no `dates`",
        help: "add `dates = [YYYY-MM-DD, …]` to [audit]",
    }
}

impl Rule for AuditWithoutDates {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(audit) = cx.doc.audit.spanned() else {
            return;
        };
        let dates = &audit.value.dates;
        if dates.is_absent() {
            out.push(Self::META.found(dates.span_or(audit.span), Found::AuditWithoutDates));
        }
    }
}
