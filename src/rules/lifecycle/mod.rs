//! L — lifecycle: what falls due, signatures and annexes, relative to the as-of date.

use jiff::civil::Date;

use crate::rules::Rule;

mod found;
pub use found::Found;

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

/// "1 day", "12 days".
fn days(n: i64) -> String {
    if n == 1 {
        "1 day".into()
    } else {
        format!("{n} days")
    }
}

/// `1 jour`, `31 jours`.
fn jours(n: i64) -> String {
    if n.abs() <= 1 {
        format!("{n}\u{a0}jour")
    } else {
        format!("{n}\u{a0}jours")
    }
}

/// `31 jours de retard` for a due date before `as_of`.
fn en_retard(due: Date, as_of: Date) -> String {
    format!("{} de retard", jours(crate::due::days_between(due, as_of)))
}

/// "31 days overdue" for a due date before `as_of`.
fn overdue_by(due: Date, as_of: Date) -> String {
    format!("{} overdue", days(crate::due::days_between(due, as_of)))
}
