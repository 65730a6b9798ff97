use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::model::Document;
use crate::rules::lifecycle::Found;
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That the expenses recorded in `[[tracking.expense]]`, dated on or
    /// before the as-of date, do not add up to more than `funds.budget`; and,
    /// for each `[[funds.line]]`, that the expenses recorded against it
    /// (`line` = the line's `label`) do not add up to more than its
    /// `amount`. Refunds (negative amounts) count. One finding for the
    /// budget, one per line exceeded. Sums are exact.
    ///
    /// ## Why it matters
    /// The budget is what the partners agreed to finance. Spending beyond it,
    /// or beyond a line, means someone will have to cover the difference,
    /// often the party holding the funds, and a public funder may refuse
    /// expenses outside the agreed lines. The treasurer should see it as soon
    /// as it happens, so that the partners can decide together: cut other
    /// lines, find more money, or amend the budget.
    ///
    /// ## Example
    /// ```toml
    /// [[funds.line]]
    /// label = "Technique"
    /// amount = 12000
    ///
    /// [[tracking.expense]]
    /// date = 2026-04-10
    /// amount = 9000
    /// label = "Location de la sonorisation"
    /// line = "Technique"
    ///
    /// [[tracking.expense]]
    /// date = 2026-05-20
    /// amount = 3500
    /// label = "Éclairage de scène"
    /// line = "Technique"
    /// ```
    ///
    /// ## Fix
    /// Check the recorded expenses (a wrong amount, an expense filed under
    /// the wrong line, a refund not recorded). If the overspending is real,
    /// the partners decide how to cover it, and the new budget is written in
    /// an amendment:
    /// ```toml
    /// [[funds.line]]
    /// label = "Technique"
    /// amount = 12500
    /// ```
    pub struct Overspent {
        code: L006,
        name: "overspent",
        family: Lifecycle,
        levels: Levels::all(Level::Warning),
        summary: "tracked expenses exceed the budget, or a budget line",
        help: "check the recorded expenses; if the overspending is real, agree how to cover it and amend the budget",
    }
}

/// The total of the expenses counted as of `as_of`, all lines together, and
/// that of those recorded against `line` (when given).
fn spent(doc: &Document, as_of: Date, line: Option<&str>) -> Decimal {
    doc.expenses_as_of(as_of)
        .filter(|(x, _)| line.is_none_or(|l| x.line.get().is_some_and(|xl| xl == l)))
        .map(|(_, a)| a)
        .sum()
}

impl Rule for Overspent {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(funds) = cx.doc.funds.get() else {
            return;
        };
        if cx.doc.expenses_as_of(cx.as_of).next().is_none() {
            return;
        }
        let currency = cx.doc.convention.currency.get().copied();
        if let Some(budget) = funds.budget.spanned() {
            let total = spent(cx.doc, cx.as_of, None);
            if total > budget.value {
                out.push(Self::META.found(
                    budget.span,
                    Found::ExpensesOverBudget {
                        as_of: cx.as_of,
                        spent: total,
                        budget: budget.value,
                        currency,
                    },
                ));
            }
        }
        for line in funds.lines.items() {
            let (Some(label), Some(amount)) = (line.label.get(), line.amount.get()) else {
                continue;
            };
            let total = spent(cx.doc, cx.as_of, Some(label));
            if total > *amount {
                out.push(Self::META.found(
                    line.amount.span_or(line.span),
                    Found::ExpensesOverLine {
                        line: label.clone(),
                        as_of: cx.as_of,
                        spent: total,
                        amount: *amount,
                        currency,
                    },
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::test_ok as ok;
    use crate::model::Expense;
    use crate::model::{Field, Tracking};

    use std::str::FromStr;

    fn expense(date: &str, amount: &str, line: Option<&str>) -> Expense {
        Expense {
            date: ok(date.parse().unwrap()),
            amount: ok(Decimal::from_str(amount).unwrap()),
            line: line.map_or(Field::Absent, |l| ok(l.into())),
            ..Expense::default()
        }
    }

    #[test]
    fn sums_are_exact_count_refunds_and_stop_at_the_as_of_date() {
        let doc = Document {
            tracking: ok(Tracking {
                expenses: ok(vec![
                    expense("2026-04-10", "0.10", Some("Technique")),
                    expense("2026-04-11", "0.20", Some("Technique")),
                    expense("2026-05-01", "-0.05", Some("Technique")),
                    expense("2026-05-02", "100", None),
                    expense("2026-07-01", "1000", Some("Technique")),
                ]),
                ..Tracking::default()
            }),
            ..Document::default()
        };
        let as_of: Date = "2026-06-15".parse().unwrap();
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert_eq!(spent(&doc, as_of, Some("Technique")), d("0.25"));
        assert_eq!(spent(&doc, as_of, None), d("100.25"));
        assert_eq!(spent(&doc, as_of, Some("Communication")), d("0"));
    }
}
