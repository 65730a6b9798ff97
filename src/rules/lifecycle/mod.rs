//! L — lifecycle: what falls due, signatures and annexes, relative to the as-of date.

use crate::rules::Rule;

mod found;
pub use found::{AnnexProblem, Found};

pub mod l001_overdue_milestone;
pub mod l002_overdue_report;
pub mod l003_expired;
pub mod l004_signature_mismatch;
pub mod l005_missing_signature;
pub mod l006_overspent;
pub mod l007_annex_changed;
pub mod l008_late_payment;

/// The family's rules, in code order.
pub static RULES: &[&dyn Rule] = &[
    &l001_overdue_milestone::OverdueMilestone,
    &l002_overdue_report::OverdueReport,
    &l003_expired::Expired,
    &l004_signature_mismatch::SignatureMismatch,
    &l005_missing_signature::MissingSignature,
    &l006_overspent::Overspent,
    &l007_annex_changed::AnnexChanged,
    &l008_late_payment::LatePayment,
];
