//! What the rules of this family find, as data: one variant per kind of
//! finding, with the values it found. The sentences are written by the
//! catalogue of each language (`src/present/catalogue/<lang>/consistency.rs`).

use rust_decimal::Decimal;

use crate::model::Currency;

/// A finding of this family, as data.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    /// K003: the financial contributions add up to `total`, not `budget`.
    ContributionsOffBudget {
        total: Decimal,
        budget: Decimal,
        currency: Option<Currency>,
    },
    /// K003: the budget lines add up to `total`, not `budget`.
    LinesOffBudget {
        total: Decimal,
        budget: Decimal,
        currency: Option<Currency>,
    },
}
