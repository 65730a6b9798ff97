//! G — partnership quality, from the guidance on sound partnerships.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::rules::Rule;

mod found;
pub use found::Found;

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

/// `part / total` as a percentage for a message: two decimals at most, no
/// trailing zeros ("60", "66.67"). The comparison a rule makes is exact and
/// done elsewhere; this is only how the share reads. A share that is not a
/// whole percentage never reads as one (more decimals are shown instead), so
/// a message never says "50%" for "more than half" or "40%" for "under 40%".
pub(crate) fn percent(part: Decimal, total: Decimal) -> String {
    if total.is_zero() {
        return "0".into();
    }
    let exact = part * Decimal::ONE_HUNDRED / total;
    let whole = exact.fract().is_zero();
    let mut dp = 2;
    loop {
        let shown = exact
            .round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
            .normalize();
        if whole || !shown.fract().is_zero() || dp >= 8 {
            return shown.to_string();
        }
        dp += 1;
    }
}

/// A decimal as written by a person: no trailing zeros ("3", "1.5").
pub(crate) fn plain(d: Decimal) -> String {
    d.normalize().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn percentages_read_naturally() {
        assert_eq!(percent(d("3"), d("5")), "60");
        assert_eq!(percent(d("2"), d("3")), "66.67");
        assert_eq!(percent(d("1"), d("3")), "33.33");
        assert_eq!(percent(d("1"), d("2")), "50");
        assert_eq!(percent(d("1.5"), d("2.5")), "60");
        assert_eq!(percent(d("0"), d("4")), "0");
    }

    #[test]
    fn just_over_half_never_reads_as_fifty() {
        assert_eq!(percent(d("100001"), d("200000")), "50.001");
        assert_eq!(percent(d("10001"), d("20000")), "50.01");
        assert_eq!(percent(d("399999"), d("1000000")), "39.9999");
    }

    #[test]
    fn plain_drops_trailing_zeros() {
        assert_eq!(plain(d("3.00")), "3");
        assert_eq!(plain(d("1.50")), "1.5");
    }
}
