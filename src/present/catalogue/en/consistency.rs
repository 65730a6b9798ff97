//! The words of the consistency rules' findings.

use rust_decimal::Decimal;

use crate::diagnostic::Words;
use crate::present::catalogue::amount;
use crate::rules::consistency::Found;

pub(super) fn words(found: &Found) -> Words {
    match found {
        Found::ContributionsOffBudget {
            total,
            budget,
            currency,
        } => {
            let gap = budget - total;
            let help = if gap > Decimal::ZERO {
                format!(
                    "{} of the budget are not financed: add the missing [[funds.contribution]] with `kind = \"financial\"` and its `amount` (a requested one counts), or lower `budget`",
                    amount(gap, *currency)
                )
            } else {
                format!(
                    "the contributions exceed the budget by {}: raise `budget`, or lower the `amount` of a [[funds.contribution]]",
                    amount(-gap, *currency)
                )
            };
            Words::new(format!(
                "the financial contributions add up to {}, the budget is {}",
                amount(*total, *currency),
                amount(*budget, *currency)
            ))
            .help(help)
        }
        Found::LinesOffBudget {
            total,
            budget,
            currency,
        } => {
            let gap = budget - total;
            let help = if gap > Decimal::ZERO {
                format!(
                    "{} of the budget are on no line: add a [[funds.line]] or raise the `amount` of one, or lower `budget`",
                    amount(gap, *currency)
                )
            } else {
                format!(
                    "the lines exceed the budget by {}: lower the `amount` of a [[funds.line]], or raise `budget`",
                    amount(-gap, *currency)
                )
            };
            Words::new(format!(
                "the budget lines add up to {}, the budget is {}",
                amount(*total, *currency),
                amount(*budget, *currency)
            ))
            .help(help)
        }
    }
}
