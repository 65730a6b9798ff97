//! The words of the french_law rules' findings.

use rust_decimal::Decimal;

use crate::diagnostic::Words;
use crate::present::catalogue::list;
use crate::rules::french_law::Found;

pub(super) fn words(found: &Found) -> Words {
    match found {
        Found::ConditionsOfUseMissing {
            giver,
            beneficiary,
            annual_amount,
            threshold,
        } => Words::new(format!(
            "the public grants of `{giver}` to `{beneficiary}` come to {} a year, over {}, and the convention does not state their conditions of use",
            euros(*annual_amount),
            euros(*threshold)
        )),
        Found::FinancialReportMissing {
            giver,
            beneficiary,
            years,
        } => Words::new(format!(
            "no financial report from `{beneficiary}` to `{giver}` is due within six months of the end of budget year{} {}",
            if years.len() == 1 { "" } else { "s" },
            year_list(years)
        )),
        Found::CommitmentNotRecalled { beneficiary, givers } => {
            let who: Vec<String> = givers.iter().map(|g| format!("`{g}`")).collect();
            Words::new(format!(
                "`{beneficiary}` receives a public grant from {} and the convention does not recall its contrat d'engagement républicain",
                list(&who, "and")
            ))
        }
        Found::AuditorThresholdReached {
            beneficiary,
            annual_amount,
            threshold,
        } => Words::new(format!(
            "`{beneficiary}` receives {} a year of financial public grants in this convention, over {}: it may have to appoint a commissaire aux comptes",
            euros(*annual_amount),
            euros(*threshold)
        )),
    }
}

/// An amount in euros, to the cent: `23000.01 EUR`.
fn euros(d: Decimal) -> String {
    format!("{:.2} EUR", d.round_dp(2))
}

/// Years: `2026`, `2026 and 2027`, `2026, 2027 and 2028`.
fn year_list(ys: &[i64]) -> String {
    let parts: Vec<String> = ys.iter().map(i64::to_string).collect();
    list(&parts, "and")
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
        assert_eq!(year_list(&[2026]), "2026");
        assert_eq!(year_list(&[2026, 2027]), "2026 and 2027");
        assert_eq!(year_list(&[2026, 2027, 2028]), "2026, 2027 and 2028");
    }

    #[test]
    fn one_year_or_several() {
        let w = |years: Vec<i64>| {
            words(&Found::FinancialReportMissing {
                giver: "region".into(),
                beneficiary: "asso".into(),
                years,
            })
            .message
        };
        assert_eq!(
            w(vec![2026]),
            "no financial report from `asso` to `region` is due within six months of the end of budget year 2026"
        );
        assert_eq!(
            w(vec![2026, 2027]),
            "no financial report from `asso` to `region` is due within six months of the end of budget years 2026 and 2027"
        );
    }
}
