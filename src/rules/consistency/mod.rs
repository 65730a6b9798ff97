//! K — consistency: figures, dates and items that must agree.

use crate::model::{Currency, Document};
use crate::rules::Rule;
use crate::value::{Node, Value};

mod found;
pub use found::{Dated, Found, Unused};

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
