use rust_decimal::Decimal;

use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::model::Kind;
use crate::rules::clauses::{missing_keys, table, Required};
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That the convention has a `[funds]` table with a `budget`, and, when
    /// the budget is above 0, the party that holds the funds (`holder`) and
    /// how expenses are justified (`justification`). `budget = 0` declares
    /// that no money changes hands: then neither is required. One finding
    /// names what is missing. A `subvention` also needs at least one
    /// `[[funds.contribution]]` from a party: the grant itself.
    ///
    /// ## Why it matters
    /// Money is where partnerships most often go wrong. The budget is what
    /// each partner's assembly commits to; the holder is the partner whose
    /// accounts receive and pay out the money, and who answers for it to the
    /// others and to the auditors; the justification says which receipts a
    /// treasurer must produce, and when. Leaving these out invites
    /// misunderstandings, late payments and ineligible expenses.
    ///
    /// ## Example
    /// ```toml
    /// [funds]
    /// budget = 42000
    /// # no holder, no justification
    /// ```
    ///
    /// ## Fix
    /// ```toml
    /// [funds]
    /// budget = 42000
    /// holder = "theatre"   # or "each": every party manages its own share
    /// justification = "Pièces justificatives transmises chaque trimestre au comité de pilotage"
    /// ```
    /// When no money changes hands, say so: `budget = 0`.
    pub struct MissingFundManagement {
        code: C006,
        name: "missing-fund-management",
        family: Clauses,
        levels: Levels::PerKind([Level::Error, Level::Error, Level::Warning, Level::Error]),
        summary: "no `[funds]`, no `budget`, or (budget > 0) no `holder` or `justification`; subvention: also no contribution from a party",
        help: "add a [funds] table with `budget` (0 if no money changes hands), and, for a budget above 0, `holder` and `justification`",
    }
}

impl Rule for MissingFundManagement {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(f) = table(
            &cx.doc.funds,
            &Self::META,
            cx,
            ("the convention has no [funds] table: its budget and how the money is managed are not said", "la convention n\u{2019}a pas de table [funds]\u{a0}: son budget et la gestion des fonds ne sont pas dits"),
            out,
        ) else {
            return;
        };
        if f.budget.is_absent() {
            out.push(
                Self::META
                    .finding(f.budget.span_or(f.span), "[funds] has no `budget`")
                    .with_help(
                        "add `budget` to [funds]: the financial budget, or `budget = 0` when no money changes hands",
                    )
                    .with_fr(
                        "[funds] n\u{2019}a pas de `budget`",
                        Some("ajoutez `budget` à [funds]\u{a0}: le budget financier, ou `budget = 0` si aucune somme n\u{2019}est versée".into()),
                    ),
            );
            return;
        }
        // A grant names what each funder gives (an invalid list is S003's).
        if cx.kind == Kind::Subvention
            && !f.contributions.is_invalid()
            && f.contributions.items().iter().all(|c| c.party.is_absent())
        {
            out.push(
                Self::META
                    .finding(
                        f.contributions.span_or(f.span),
                        "[funds] has no contribution from a party: the grant of a subvention is not said",
                    )
                    .with_help(
                        "add a [[funds.contribution]] with `party` (the funder), `kind`, `amount` and `to` (the beneficiary)",
                    )
                    .with_fr(
                        "[funds] n\u{2019}a aucune contribution d\u{2019}un partenaire\u{a0}: la subvention accordée n\u{2019}est pas dite",
                        Some("ajoutez une [[funds.contribution]] avec `party` (le financeur), `kind`, `amount` et `to` (le bénéficiaire)".into()),
                    ),
            );
        }
        // An invalid budget (S003) says nothing of whether money changes hands.
        let Some(budget) = f.budget.get() else {
            return;
        };
        if *budget <= Decimal::ZERO {
            return;
        }
        let keys = [
            Required::of("holder", &f.holder, "add `holder` to [funds]: the id of the party that manages the funds, or \"each\" when every party manages its own share"),
            Required::of("justification", &f.justification, "add `justification` to [funds]: which supporting documents are produced, to whom and how often"),
        ];
        out.extend(missing_keys(
            &Self::META,
            "funds",
            f.span,
            &keys,
            "add `holder` (the party that manages the funds, or \"each\") and `justification` (which supporting documents, to whom, how often) to [funds]",
            (": required when the budget is above 0", "\u{a0}: requis lorsque le budget est supérieur à 0"),
        ));
    }
}
