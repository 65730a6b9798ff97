//! F — French public funding law (revision 1.1): rules that run only when
//! the jurisdiction is `FR` and the currency `EUR`. "Public grant",
//! "beneficiary", "budget years" and "annual amount" are computed by
//! [`crate::grants`] as FORMAT.md defines them.

use crate::rules::{Context, Rule};

mod found;
pub use found::Found;

pub mod f001_public_grant_terms;
pub mod f002_missing_financial_report;
pub mod f003_republican_commitment;
pub mod f004_statutory_auditor;

/// The family's rules, in code order.
pub static RULES: &[&dyn Rule] = &[
    &f001_public_grant_terms::PublicGrantTerms,
    &f002_missing_financial_report::MissingFinancialReport,
    &f003_republican_commitment::RepublicanCommitment,
    &f004_statutory_auditor::StatutoryAuditor,
];

/// Whether French public funding law applies: jurisdiction `FR`, currency `EUR`.
pub(crate) fn applies(cx: &Context<'_>) -> bool {
    cx.jurisdiction == Some("FR")
        && cx
            .doc
            .convention
            .currency
            .get()
            .is_some_and(|c| c.code() == "EUR")
}
