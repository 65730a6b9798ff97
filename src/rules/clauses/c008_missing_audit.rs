use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::model::Kind;
use crate::rules::clauses::{table, AuditItem, Found};
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That the convention has an `[audit]` table saying how the partnership
    /// is evaluated (`evaluation`) and how its money is controlled: an
    /// `expense_control` or a `financial_audit`. A `gestion` convention
    /// (joint management of a facility or programme) needs both controls.
    /// A `gestion` with `budget = 0` (no money changes hands) needs the
    /// evaluation alone. A `[[clause]]` of kind `control` (inspection by a
    /// funder, access to the books) counts as an expense control.
    /// One finding names what is missing.
    ///
    /// ## Why it matters
    /// Evaluation is how partners learn whether the objectives were met and
    /// decide whether to renew. Controlling expenses, and having the accounts
    /// checked, is how a treasurer or a public funder shows that the money
    /// went where the agreement said; a funder may ask for it back otherwise.
    /// A jointly managed facility handles money year after year, so it needs
    /// both a running control of expenses and an audit of its accounts.
    ///
    /// ## Example
    /// ```toml
    /// [audit]
    /// evaluation = "Évaluation finale par le comité de pilotage"
    /// # no expense_control, no financial_audit
    /// ```
    ///
    /// ## Fix
    /// ```toml
    /// [audit]
    /// evaluation = "Évaluation à mi-parcours et évaluation finale par le comité de pilotage"
    /// dates = [2026-06-30, 2026-11-20]
    /// expense_control = "Contrôle des dépenses au regard du plan d'action"
    /// financial_audit = "Vérification des comptes par un expert-comptable indépendant"
    /// ```
    pub struct MissingAudit {
        code: C008,
        name: "missing-audit",
        family: Clauses,
        levels: Levels::PerKind([Level::Error, Level::Error, Level::Warning, Level::Error]),
        summary: "no `[audit]`, no `evaluation`, or neither `expense_control` nor `financial_audit` (gestion: not both, unless `budget = 0`: then `evaluation` alone); a `[[clause]]` of kind `control` counts as `expense_control`",
        help: "add an [audit] table with `evaluation` and `expense_control` or `financial_audit` (gestion: both)",
    }
}

impl Rule for MissingAudit {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(a) = table(&cx.doc.audit, &Self::META, cx, Found::NoAuditTable, out) else {
            return;
        };
        // A gestion where no money changes hands needs the evaluation alone.
        let no_money = cx
            .doc
            .funds
            .get()
            .and_then(|f| f.budget.get())
            .is_some_and(|b| b.is_zero());
        let gestion = cx.kind == Kind::Gestion && !no_money;
        let mut missing: Vec<AuditItem> = Vec::new();
        if a.evaluation.is_absent() {
            missing.push(AuditItem::Evaluation);
        }
        // A `control` clause (inspection by a funder) controls the expenses.
        let no_control = a.expense_control.is_absent()
            && !cx.doc.may_have_clause(crate::model::ClauseKind::Control);
        let no_audit = a.financial_audit.is_absent();
        if cx.kind == Kind::Gestion && no_money {
            // `evaluation` alone.
        } else if gestion {
            if no_control {
                missing.push(AuditItem::ExpenseControl);
            }
            if no_audit {
                missing.push(AuditItem::FinancialAudit);
            }
        } else if no_control && no_audit {
            missing.push(AuditItem::ExpenseControlOrFinancialAudit);
        }
        if !missing.is_empty() {
            out.push(Self::META.found(a.span, Found::AuditLacks { missing }));
        }
    }
}
