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
                    "{} du budget ne sont pas financés\u{a0}: ajoutez les [[funds.contribution]] manquantes avec `kind = \"financial\"` et leur `amount` (une contribution demandée compte), ou réduisez `budget`",
                    amount(gap, *currency)
                )
            } else {
                format!(
                    "les contributions dépassent le budget de {}\u{a0}: augmentez `budget`, ou réduisez l\u{2019}`amount` d\u{2019}une [[funds.contribution]]",
                    amount(-gap, *currency)
                )
            };
            Words::new(format!(
                "les contributions financières totalisent {}, le budget est de {}",
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
                    "{} du budget ne figurent sur aucune ligne\u{a0}: ajoutez une [[funds.line]] ou augmentez l\u{2019}`amount` de l\u{2019}une d\u{2019}elles, ou réduisez `budget`",
                    amount(gap, *currency)
                )
            } else {
                format!(
                    "les lignes dépassent le budget de {}\u{a0}: réduisez l\u{2019}`amount` d\u{2019}une [[funds.line]], ou augmentez `budget`",
                    amount(-gap, *currency)
                )
            };
            Words::new(format!(
                "les lignes du budget totalisent {}, le budget est de {}",
                amount(*total, *currency),
                amount(*budget, *currency)
            ))
            .help(help)
        }
    }
}
