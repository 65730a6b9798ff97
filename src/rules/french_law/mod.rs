//! F — French public funding law (revision 1.1): rules that run only when
//! the jurisdiction is `FR` and the currency `EUR`. "Public grant",
//! "beneficiary", "budget years" and "annual amount" are computed by
//! [`crate::grants`] as FORMAT.md defines them.

use rust_decimal::Decimal;

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

/// An amount in euros for a message, to the cent: `23000.01 EUR`.
pub(crate) fn euros(d: Decimal) -> String {
    format!("{:.2} EUR", d.round_dp(2))
}

/// An amount in euros for a French message: `23 000,01 EUR` (a narrow
/// no-break space between thousands, a comma before the cents).
pub(crate) fn euros_fr(d: Decimal) -> String {
    let s = format!("{:.2}", d.round_dp(2));
    let (int, cents) = s.split_once('.').unwrap_or((&s, "00"));
    let (sign, digits) = match int.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", int),
    };
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push('\u{202f}');
        }
        grouped.push(c);
    }
    format!("{sign}{grouped},{cents}\u{a0}EUR")
}

/// Years for a French message: `2026`, `2026 et 2027`, `2026, 2027 et 2028`.
pub(crate) fn years_fr(ys: &[i64]) -> String {
    let parts: Vec<String> = ys.iter().map(i64::to_string).collect();
    et(&parts)
}

/// A French list: `a`, `a et b`, `a, b et c`.
pub(crate) fn et(parts: &[String]) -> String {
    match parts.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} et {last}", rest.join(", ")),
    }
}

/// Years for a message: `2026`, `2026 and 2027`, `2026, 2027 and 2028`.
pub(crate) fn years(ys: &[i64]) -> String {
    let parts: Vec<String> = ys.iter().map(i64::to_string).collect();
    crate::rules::clauses::join_and(&parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn amounts_and_years_read_plainly() {
        assert_eq!(
            euros(Decimal::from_str("23000.01").unwrap()),
            "23000.01 EUR"
        );
        assert_eq!(
            euros(Decimal::from(70000) / Decimal::from(3)),
            "23333.33 EUR"
        );
        assert_eq!(euros(Decimal::from(153000)), "153000.00 EUR");
        assert_eq!(years(&[2026]), "2026");
        assert_eq!(years(&[2026, 2027, 2028]), "2026, 2027 and 2028");
        assert_eq!(
            euros_fr(Decimal::from_str("23000.01").unwrap()),
            "23\u{202f}000,01\u{a0}EUR"
        );
        assert_eq!(
            euros_fr(Decimal::from(153000)),
            "153\u{202f}000,00\u{a0}EUR"
        );
        assert_eq!(euros_fr(Decimal::from(500)), "500,00\u{a0}EUR");
        assert_eq!(years_fr(&[2026, 2027, 2028]), "2026, 2027 et 2028");
        assert_eq!(years_fr(&[2026]), "2026");
    }
}
