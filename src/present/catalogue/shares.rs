//! Shares and counts as the findings write them, in every language (the
//! French catalogue then writes its decimal comma).

use rust_decimal::{Decimal, RoundingStrategy};

/// `part / total` as a percentage for a message: two decimals at most, no
/// trailing zeros ("60", "66.67"). The comparison a rule makes is exact and
/// done elsewhere; this is only how the share reads. A share that is not a
/// whole percentage never reads as one (more decimals are shown instead), so
/// a message never says "50%" for "more than half" or "40%" for "under 40%".
pub(super) fn percent(part: Decimal, total: Decimal) -> String {
    if total.is_zero() {
        return "0".into();
    }
    // Multiplied first, for the exact digits; divided first when the
    // product would not fit.
    let Some(exact) = part
        .checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|p| p.checked_div(total))
        .or_else(|| part.checked_div(total)?.checked_mul(Decimal::ONE_HUNDRED))
    else {
        return "0".into();
    };
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
pub(super) fn plain(d: Decimal) -> String {
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
    fn huge_shares_do_not_overflow() {
        assert_eq!(percent(Decimal::MAX, Decimal::MAX), "100");
        assert_eq!(percent(Decimal::MAX / d("2"), Decimal::MAX), "50");
    }

    #[test]
    fn plain_drops_trailing_zeros() {
        assert_eq!(plain(d("3.00")), "3");
        assert_eq!(plain(d("1.50")), "1.5");
    }
}
