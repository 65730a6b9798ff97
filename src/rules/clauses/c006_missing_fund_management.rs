use rust_decimal::Decimal;

use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::model::Kind;
use crate::rules::clauses::{missing_keys, table, Found, FundsKey, Required};
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
        let Some(f) = table(&cx.doc.funds, &Self::META, cx, Found::NoFundsTable, out) else {
            return;
        };
        if f.budget.is_absent() {
            out.push(Self::META.found(f.budget.span_or(f.span), Found::NoBudget));
            return;
        }
        // A grant names what each funder gives (an invalid list is S003's).
        if cx.kind == Kind::Subvention
            && !f.contributions.is_invalid()
            && f.contributions.items().iter().all(|c| c.party.is_absent())
        {
            out.push(Self::META.found(f.contributions.span_or(f.span), Found::NoGrantFromAParty));
        }
        // An invalid budget (S003) says nothing of whether money changes hands.
        let Some(budget) = f.budget.get() else {
            return;
        };
        if *budget <= Decimal::ZERO {
            return;
        }
        let keys = [
            Required::of(FundsKey::Holder, &f.holder),
            Required::of(FundsKey::Justification, &f.justification),
        ];
        if let Some((span, keys)) = missing_keys(f.span, &keys) {
            out.push(Self::META.found(span, Found::FundsLack { keys }));
        }
    }
}
