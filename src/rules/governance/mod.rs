//! G — partnership quality, from the guidance on sound partnerships.

use crate::rules::Rule;

mod found;
pub use found::{Found, MajorityRule};

pub mod g001_officer_is_president;
pub mod g002_dominant_member;
pub mod g003_signatory_without_mandate;
pub mod g004_no_minutes;
pub mod g005_single_contributor;
pub mod g006_board_gender_balance;
pub mod g007_no_communication_plan;
pub mod g008_no_conflict_resolution;
pub mod g009_no_officer;
pub mod g010_public_signatory_without_mandate;

/// The family's rules, in code order.
pub static RULES: &[&dyn Rule] = &[
    &g001_officer_is_president::OfficerIsPresident,
    &g002_dominant_member::DominantMember,
    &g003_signatory_without_mandate::SignatoryWithoutMandate,
    &g004_no_minutes::NoMinutes,
    &g005_single_contributor::SingleContributor,
    &g006_board_gender_balance::BoardGenderBalance,
    &g007_no_communication_plan::NoCommunicationPlan,
    &g008_no_conflict_resolution::NoConflictResolution,
    &g009_no_officer::NoOfficer,
    &g010_public_signatory_without_mandate::PublicSignatoryWithoutMandate,
];
