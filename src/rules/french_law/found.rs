//! What the rules of this family find, as data: one variant per kind of
//! finding, with the values it found. The sentences are written by the
//! catalogue of each language (`src/present/catalogue/<lang>/french_law.rs`).

use rust_decimal::Decimal;

/// A finding of this family, as data.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    /// F001: the public grants of `giver` to `beneficiary` come to
    /// `annual_amount` euros a year, over `threshold`, and `funds.conditions`
    /// is absent.
    ConditionsOfUseMissing {
        giver: String,
        beneficiary: String,
        annual_amount: Decimal,
        threshold: Decimal,
    },
    /// F002: no financial (or final) report from `beneficiary` to `giver`
    /// is due within six months of the end of these budget years.
    FinancialReportMissing {
        giver: String,
        beneficiary: String,
        years: Vec<i64>,
    },
    /// F003: `beneficiary`, an association or foundation, receives public
    /// grants from `givers` and no clause recalls its contrat
    /// d'engagement républicain.
    CommitmentNotRecalled {
        beneficiary: String,
        givers: Vec<String>,
    },
    /// F004: `beneficiary`, an association or foundation, receives
    /// `annual_amount` euros a year of financial public grants, over
    /// `threshold`.
    AuditorThresholdReached {
        beneficiary: String,
        annual_amount: Decimal,
        threshold: Decimal,
    },
}
