use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::model::Kind;
use crate::rules::clauses::{join_and, table};
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
        let Some(a) = table(
            &cx.doc.audit,
            &Self::META,
            cx,
            ("the convention has no [audit] table: how the partnership is evaluated and its money controlled is not said", "la convention n\u{2019}a pas de table [audit]\u{a0}: l\u{2019}évaluation du partenariat et le contrôle de ses fonds ne sont pas prévus"),
            out,
        ) else {
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
        let mut missing: Vec<String> = Vec::new();
        if a.evaluation.is_absent() {
            missing.push("no `evaluation`".into());
        }
        // A `control` clause (inspection by a funder) controls the expenses.
        let no_control = a.expense_control.is_absent()
            && !cx.doc.may_have_clause(crate::model::ClauseKind::Control);
        let no_audit = a.financial_audit.is_absent();
        if cx.kind == Kind::Gestion && no_money {
            // `evaluation` alone.
        } else if gestion {
            if no_control {
                missing.push("no `expense_control`".into());
            }
            if no_audit {
                missing.push("no `financial_audit`".into());
            }
        } else if no_control && no_audit {
            missing.push("neither `expense_control` nor `financial_audit`".into());
        }
        if missing.is_empty() {
            return;
        }
        let mut message = format!("[audit] has {}", join_and(&missing));
        if gestion && (no_control || no_audit) {
            message.push_str(
                ": a gestion convention needs both an expense control and a financial audit",
            );
        }
        // The same in French: the keys missing, then why.
        let manque: Vec<String> = missing
            .iter()
            .map(|m| {
                m.replace("neither ", "")
                    .replace(" nor ", " ou ")
                    .replace("no ", "")
            })
            .collect();
        let mut fr = format!(
            "il manque à [audit]\u{a0}: {}",
            crate::rules::french_law::et(&manque)
        );
        if gestion && (no_control || no_audit) {
            fr.push_str("\u{202f}; une convention de gestion exige à la fois un contrôle des dépenses et un audit financier");
        }
        out.push(Self::META.finding(a.span, message).with_fr(fr, None));
    }
}
