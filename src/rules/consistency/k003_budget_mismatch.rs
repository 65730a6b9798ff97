use rust_decimal::Decimal;

use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::model::{Contribution, ContributionKind, Field};
use crate::rules::consistency::{currency, written_len, Found};
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// Two things, each reported on its own:
    /// - that the financial contributions (from parties and from other
    ///   sources, granted or requested) add up exactly to `funds.budget`;
    ///   no contribution at all counts as 0;
    /// - when the budget is broken down into `[[funds.line]]`, that the
    ///   lines add up exactly to `funds.budget`.
    ///
    /// Contributions in kind, in services or in staff are valued for the
    /// record but never count: the budget is the money that changes hands.
    ///
    /// ## Why it matters
    /// The budget is what the partners commit to finance. If the
    /// contributions fall short, the project starts with a hole that someone
    /// will have to fill; if they exceed it, a funder may claim back the
    /// surplus. Budget lines that do not add up make the financial report
    /// impossible to reconcile for the treasurer and for the auditor.
    ///
    /// ## Example
    /// ```toml
    /// [funds]
    /// budget = 42000
    ///
    /// [[funds.contribution]]
    /// party = "ville"
    /// kind = "financial"
    /// amount = 30000
    ///
    /// [[funds.contribution]]
    /// party = "musique"
    /// kind = "financial"
    /// amount = 8000
    /// # 38 000 in all: 4 000 are missing
    /// ```
    ///
    /// ## Fix
    /// Add the missing resources (a contribution still `requested` counts),
    /// or correct the budget:
    /// ```toml
    /// [[funds.contribution]]
    /// source = "Billetterie solidaire et buvette"
    /// kind = "financial"
    /// amount = 4000
    /// ```
    pub struct BudgetMismatch {
        code: K003,
        name: "budget-mismatch",
        family: Consistency,
        levels: Levels::all(Level::Error),
        summary: "the financial contributions, or the budget lines, do not add up to `budget`",
        help: "make the `amount`s of the [[funds.contribution]] (kind \"financial\") and of the [[funds.line]] add up to `budget`, or correct `budget`",
    }
}

/// The sum of the financial contributions, or `None` when one of them
/// cannot be read (its kind or amount is missing or invalid: S003/S006).
pub(crate) fn financial_total<'a>(
    contributions: impl IntoIterator<Item = &'a Contribution>,
) -> Option<Decimal> {
    let mut total = Decimal::ZERO;
    for c in contributions {
        match c.kind.get()? {
            ContributionKind::Financial => total += *c.amount.get()?,
            _ => continue,
        }
    }
    Some(total)
}

impl Rule for BudgetMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(funds) = cx.doc.funds.get() else {
            return;
        };
        let Some(budget) = funds.budget.spanned() else {
            return;
        };
        let cur = currency(cx.doc);
        let complete = |field_len: usize, key: &str| {
            written_len(cx.root, &["funds", key]).is_none_or(|n| n == field_len)
        };

        // (a) the financial contributions.
        let contributions = match &funds.contributions {
            Field::Invalid(_) => None,
            f if !complete(f.items().len(), "contribution") => None,
            f => financial_total(f.items()),
        };
        if let Some(total) = contributions {
            if total != budget.value {
                out.push(Self::META.found(
                    budget.span,
                    Found::ContributionsOffBudget {
                        total,
                        budget: budget.value,
                        currency: cur,
                    },
                ));
            }
        }

        // (b) the budget lines.
        let lines = funds.lines.items();
        if lines.is_empty() || !complete(lines.len(), "line") {
            return;
        }
        let total: Option<Decimal> = lines.iter().map(|l| l.amount.get().copied()).sum();
        let Some(total) = total else { return };
        if total != budget.value {
            out.push(Self::META.found(
                lines[0].span,
                Found::LinesOffBudget {
                    total,
                    budget: budget.value,
                    currency: cur,
                },
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::test_ok as ok;

    use crate::source::Span;

    fn c(kind: Option<ContributionKind>, amount: Option<i64>) -> Contribution {
        Contribution {
            kind: kind.map_or(Field::Invalid(Span::default()), ok),
            amount: amount.map_or(Field::Absent, |a| ok(Decimal::from(a))),
            ..Contribution::default()
        }
    }

    #[test]
    fn only_financial_contributions_count() {
        use ContributionKind::*;
        let list = [
            c(Some(Financial), Some(30000)),
            c(Some(InKind), Some(6000)),
            c(Some(Staff), None),
            c(Some(Financial), Some(8000)),
        ];
        assert_eq!(financial_total(&list), Some(Decimal::from(38000)));
        assert_eq!(financial_total(&[]), Some(Decimal::ZERO));
    }

    #[test]
    fn an_unreadable_contribution_stops_the_sum() {
        use ContributionKind::*;
        assert_eq!(financial_total(&[c(Some(Financial), None)]), None);
        assert_eq!(financial_total(&[c(None, Some(10))]), None);
    }
}
