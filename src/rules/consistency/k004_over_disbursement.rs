use rust_decimal::Decimal;

use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::rules::consistency::k003_budget_mismatch::financial_total;
use crate::rules::consistency::{currency, written_len, Found};
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// For each party, that the disbursements it makes
    /// (`[[funds.disbursement]]` with `from` = the party) do not add up to
    /// more than its financial contributions (`[[funds.contribution]]` with
    /// `party` = the party and `kind = "financial"`). The finding points at
    /// the disbursement where the running total, in the order of the file,
    /// first goes over.
    ///
    /// ## Why it matters
    /// A payment schedule is what the paying body's accountant will execute.
    /// If it pays out more than the party committed, either the schedule or
    /// the contribution is wrong, and the difference will be refused at
    /// payment time or claimed back later, leaving the partner who counted on
    /// it short.
    ///
    /// ## Example
    /// ```toml
    /// [[funds.contribution]]
    /// party = "ville"
    /// kind = "financial"
    /// amount = 30000
    ///
    /// [[funds.disbursement]]
    /// date = 2026-03-15
    /// amount = 15000
    /// from = "ville"
    ///
    /// [[funds.disbursement]]
    /// date = 2026-10-15
    /// amount = 20000   # 35 000 in all
    /// from = "ville"
    /// ```
    ///
    /// ## Fix
    /// Make the payments add up to the contribution at most:
    /// ```toml
    /// [[funds.disbursement]]
    /// date = 2026-10-15
    /// amount = 15000
    /// from = "ville"
    /// ```
    pub struct OverDisbursement {
        code: K004,
        name: "over-disbursement",
        family: Consistency,
        levels: Levels::all(Level::Error),
        summary: "a party's disbursements exceed its financial contributions",
        help: "lower the disbursements, or raise the party's financial contribution",
    }
}

impl Rule for OverDisbursement {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(funds) = cx.doc.funds.get() else {
            return;
        };
        let disbursements = funds.disbursements.items();
        if disbursements.is_empty() {
            return;
        }
        // An unreadable contribution list (or an item that is not a table)
        // leaves every party's commitment unknown.
        if funds.contributions.is_invalid()
            || written_len(cx.root, &["funds", "contribution"])
                .is_some_and(|n| n != funds.contributions.items().len())
        {
            return;
        }
        let cur = currency(cx.doc);
        for party in cx.doc.party_ids() {
            let mine = funds
                .contributions
                .items()
                .iter()
                .filter(|c| c.party.get().is_some_and(|p| p == party));
            let Some(committed) = financial_total(mine) else {
                continue;
            };
            let paid: Vec<_> = disbursements
                .iter()
                .filter(|x| x.from.get().is_some_and(|p| p == party))
                .collect();
            if paid.iter().any(|x| x.amount.get().is_none()) {
                continue;
            }
            let mut running = Decimal::ZERO;
            let total: Decimal = paid.iter().filter_map(|x| x.amount.get()).sum();
            for x in &paid {
                running += x.amount.get().copied().unwrap_or_default();
                if running > committed {
                    out.push(Self::META.found(
                        x.span,
                        Found::OverDisbursed {
                            party: party.to_string(),
                            paid: total,
                            committed,
                            currency: cur,
                        },
                    ));
                    break;
                }
            }
        }
    }
}
