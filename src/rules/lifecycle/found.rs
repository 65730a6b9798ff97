//! What the rules of this family find, as data: one variant per kind of
//! finding, with the values it found. The sentences are written by the
//! catalogue of each language (`src/present/catalogue/<lang>/lifecycle.rs`).

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::model::{Currency, ReportKind, Status};

/// A finding of this family, as data.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    /// L001: milestone `milestone` (its `title`, when written) was due on
    /// `due` and is not recorded as reached, `days_late` days later.
    MilestoneOverdue {
        milestone: String,
        title: Option<String>,
        due: Date,
        days_late: i64,
    },
    /// L002: report `report` (its `kind`, when written; the period of a
    /// periodic report) was due on `due` and no submission is recorded,
    /// `days_late` days later.
    ReportOverdue {
        report: String,
        kind: Option<ReportKind>,
        period: Option<(Date, Date)>,
        due: Date,
        days_late: i64,
    },
    /// L003: the convention ended on `end`, `days_ago` days ago, and its
    /// status is still `status`.
    Expired {
        end: Date,
        days_ago: i64,
        status: Status,
    },
    /// L004: the fingerprint of `party`'s latest signature (of `signed_on`)
    /// is not that of the current terms, `fingerprint`.
    SignedOtherTerms {
        party: String,
        signed_on: Date,
        fingerprint: String,
    },
    /// L005: `party` (its `name`, when written) has not signed, and the
    /// status is `status`.
    NotSigned {
        party: String,
        name: Option<String>,
        status: Status,
    },
    /// L006: the expenses recorded up to `as_of` add up to `spent`, over
    /// the `budget`.
    ExpensesOverBudget {
        as_of: Date,
        spent: Decimal,
        budget: Decimal,
        currency: Option<Currency>,
    },
    /// L006: the expenses recorded against the budget line `line` (its
    /// label) up to `as_of` add up to `spent`, over its `amount`.
    ExpensesOverLine {
        line: String,
        as_of: Date,
        spent: Decimal,
        amount: Decimal,
        currency: Option<Currency>,
    },
    /// L007: an annex (its `title`, when written) has a `sha256` and the
    /// file cannot be checked against it, or no longer matches it.
    AnnexUnverified {
        title: Option<String>,
        problem: AnnexProblem,
    },
    /// L008: disbursement `id` of `amount` from `from`, due on `due`, is
    /// not paid, `days_late` days later.
    InstallmentLate {
        id: String,
        from: String,
        amount: Decimal,
        currency: Option<Currency>,
        due: Date,
        days_late: i64,
    },
}

/// What stands between an annex and its recorded `sha256` (L007); the
/// `reference` is its `ref` as written.
#[derive(Clone, Debug, PartialEq)]
pub enum AnnexProblem {
    /// No `ref`: there is no file to verify.
    NoReference,
    /// Nothing at that path.
    Missing { reference: String },
    /// Outside the workspace root, or not a regular file.
    NotRegularInside { reference: String },
    /// Larger than the limit of `limit_mb` megabytes: not read.
    TooLarge { reference: String, limit_mb: u64 },
    /// Another failure to read it, as the system tells it.
    Unreadable { reference: String, error: String },
    /// Its hash is now `actual`.
    Changed { reference: String, actual: String },
}
