//! K — consistency: figures, dates and items that must agree.

use rust_decimal::Decimal;

use crate::model::{Currency, Document};
use crate::rules::Rule;
use crate::value::{Node, Value};

mod found;
pub use found::Found;

pub mod k001_period_inverted;
pub mod k002_date_outside_period;
pub mod k003_budget_mismatch;
pub mod k004_over_disbursement;
pub mod k005_party_without_role;
pub mod k006_objective_without_indicator;
pub mod k007_report_without_due;
pub mod k008_audit_without_dates;
pub mod k009_termination_without_dispositions;
pub mod k010_threshold_missing;
pub mod k011_no_coordinator;
pub mod k012_too_few_originals;
pub mod k013_placeholder_left;
pub mod k014_unused_waiver;

/// The family's rules, in code order.
pub static RULES: &[&dyn Rule] = &[
    &k001_period_inverted::PeriodInverted,
    &k002_date_outside_period::DateOutsidePeriod,
    &k003_budget_mismatch::BudgetMismatch,
    &k004_over_disbursement::OverDisbursement,
    &k005_party_without_role::PartyWithoutRole,
    &k006_objective_without_indicator::ObjectiveWithoutIndicator,
    &k007_report_without_due::ReportWithoutDue,
    &k008_audit_without_dates::AuditWithoutDates,
    &k009_termination_without_dispositions::TerminationWithoutDispositions,
    &k010_threshold_missing::ThresholdMissing,
    &k011_no_coordinator::NoCoordinator,
    &k012_too_few_originals::TooFewOriginals,
    &k013_placeholder_left::PlaceholderLeft,
    &k014_unused_waiver::UnusedWaiver,
];

/// An amount as people read it in a convention: thousands grouped with a
/// space, the currency's decimals when it has any, and its code
/// (`38 000 EUR`, `1 234.50 EUR`).
pub(crate) fn amount(value: Decimal, currency: Option<Currency>) -> String {
    let mut v = value.normalize();
    if let Some(c) = currency {
        if v.scale() > 0 && v.scale() < c.minor_unit {
            v.rescale(c.minor_unit);
        }
    }
    let text = v.abs().to_string();
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(' ');
        }
        grouped.push(ch);
    }
    let mut out = String::new();
    if v.is_sign_negative() && !v.is_zero() {
        out.push('-');
    }
    out.push_str(&grouped);
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    if let Some(c) = currency {
        out.push(' ');
        out.push_str(c.code());
    }
    out
}

/// The convention's currency, when valid.
pub(crate) fn currency(doc: &Document) -> Option<Currency> {
    doc.convention.currency.get().copied()
}

/// How many items the file writes under a top-level path (`funds`,
/// `contribution`): the decoder skips items that are not tables (and
/// reports them), so a sum over the decoded items may miss one.
pub(crate) fn written_len(root: &Node, path: &[&str]) -> Option<usize> {
    let mut node = root;
    for key in path {
        let Value::Table(t) = &node.value else {
            return None;
        };
        node = &t.get(key)?.value;
    }
    match &node.value {
        Value::Array(items) => Some(items.len()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn eur() -> Option<Currency> {
        Some(Currency {
            code: "EUR",
            minor_unit: 2,
        })
    }

    #[test]
    fn amounts_read_like_a_budget() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert_eq!(amount(d("38000"), eur()), "38 000 EUR");
        assert_eq!(amount(d("42000.00"), eur()), "42 000 EUR");
        assert_eq!(amount(d("1234.5"), eur()), "1 234.50 EUR");
        assert_eq!(amount(d("999"), eur()), "999 EUR");
        assert_eq!(amount(d("1000000"), None), "1 000 000");
        assert_eq!(amount(d("0"), eur()), "0 EUR");
        assert_eq!(amount(d("0.07"), eur()), "0.07 EUR");
    }
}
