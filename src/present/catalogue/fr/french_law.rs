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
            "les subventions publiques de `{giver}` à `{beneficiary}` s\u{2019}élèvent à {} par an, soit plus que le seuil de {}, et la convention n\u{2019}en fixe pas les conditions d\u{2019}utilisation",
            euros(*annual_amount),
            euros(*threshold)
        )),
        Found::FinancialReportMissing {
            giver,
            beneficiary,
            years,
        } => Words::new(format!(
            "aucun compte rendu financier de `{beneficiary}` à `{giver}` n\u{2019}est dû dans les six mois suivant la fin {} {}",
            if years.len() == 1 {
                "de l\u{2019}exercice"
            } else {
                "des exercices"
            },
            year_list(years)
        )),
        Found::CommitmentNotRecalled { beneficiary, givers } => {
            // « de A, de B et de C »: the preposition before each giver.
            let who: Vec<String> = givers.iter().map(|g| format!("de `{g}`")).collect();
            Words::new(format!(
                "`{beneficiary}` reçoit une subvention publique {}, et la convention ne rappelle pas son contrat d\u{2019}engagement républicain",
                list(&who, "et")
            ))
        }
        Found::AuditorThresholdReached {
            beneficiary,
            annual_amount,
            threshold,
        } => Words::new(format!(
            "`{beneficiary}` reçoit dans cette convention {} par an de subventions publiques en numéraire, soit plus que le seuil de {}\u{a0}: elle peut être tenue de nommer un commissaire aux comptes",
            euros(*annual_amount),
            euros(*threshold)
        )),
    }
}

/// An amount in euros: `23 000,01 EUR` (a narrow no-break space between
/// thousands, a comma before the cents, a no-break space before `EUR`).
fn euros(d: Decimal) -> String {
    let cents = crate::present::format::decimal(d.round_dp(2), Some(2), crate::model::Lang::Fr);
    format!("{cents}\u{a0}EUR")
}

/// Years: `2026`, `2026 et 2027`, `2026, 2027 et 2028`.
fn year_list(ys: &[i64]) -> String {
    let parts: Vec<String> = ys.iter().map(i64::to_string).collect();
    list(&parts, "et")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::catalogue::fr::proofread::proofread;
    use std::str::FromStr;

    #[test]
    fn amounts_and_years_read_the_french_way() {
        assert_eq!(
            euros(Decimal::from_str("23000.01").unwrap()),
            "23\u{202f}000,01\u{a0}EUR"
        );
        assert_eq!(euros(Decimal::from(153000)), "153\u{202f}000,00\u{a0}EUR");
        assert_eq!(euros(Decimal::from(500)), "500,00\u{a0}EUR");
        assert_eq!(euros(Decimal::from(-1500)), "-1\u{202f}500,00\u{a0}EUR");
        assert_eq!(year_list(&[2026]), "2026");
        assert_eq!(year_list(&[2026, 2027]), "2026 et 2027");
        assert_eq!(year_list(&[2026, 2027, 2028]), "2026, 2027 et 2028");
    }

    /// One finding of each kind, with the French sentence expected.
    fn samples() -> Vec<(Found, &'static str)> {
        vec![
            (
                Found::ConditionsOfUseMissing {
                    giver: "region".into(),
                    beneficiary: "asso".into(),
                    annual_amount: Decimal::from(30000),
                    threshold: Decimal::from(23000),
                },
                "les subventions publiques de `region` à `asso` s\u{2019}élèvent à 30\u{202f}000,00\u{a0}EUR par an, soit plus que le seuil de 23\u{202f}000,00\u{a0}EUR, et la convention n\u{2019}en fixe pas les conditions d\u{2019}utilisation",
            ),
            (
                Found::FinancialReportMissing {
                    giver: "region".into(),
                    beneficiary: "asso".into(),
                    years: vec![2026],
                },
                "aucun compte rendu financier de `asso` à `region` n\u{2019}est dû dans les six mois suivant la fin de l\u{2019}exercice 2026",
            ),
            (
                Found::FinancialReportMissing {
                    giver: "region".into(),
                    beneficiary: "asso".into(),
                    years: vec![2026, 2027, 2028],
                },
                "aucun compte rendu financier de `asso` à `region` n\u{2019}est dû dans les six mois suivant la fin des exercices 2026, 2027 et 2028",
            ),
            (
                Found::CommitmentNotRecalled {
                    beneficiary: "asso".into(),
                    givers: vec!["ville".into(), "region".into()],
                },
                "`asso` reçoit une subvention publique de `ville` et de `region`, et la convention ne rappelle pas son contrat d\u{2019}engagement républicain",
            ),
            (
                Found::CommitmentNotRecalled {
                    beneficiary: "asso".into(),
                    givers: vec!["ville".into()],
                },
                "`asso` reçoit une subvention publique de `ville`, et la convention ne rappelle pas son contrat d\u{2019}engagement républicain",
            ),
            (
                Found::AuditorThresholdReached {
                    beneficiary: "asso".into(),
                    annual_amount: Decimal::from_str("160000.5").unwrap(),
                    threshold: Decimal::from(153000),
                },
                "`asso` reçoit dans cette convention 160\u{202f}000,50\u{a0}EUR par an de subventions publiques en numéraire, soit plus que le seuil de 153\u{202f}000,00\u{a0}EUR\u{a0}: elle peut être tenue de nommer un commissaire aux comptes",
            ),
        ]
    }

    #[test]
    fn every_finding_reads_in_french() {
        for (found, expected) in samples() {
            let w = words(&found);
            proofread(&format!("{found:?}"), &w);
            assert_eq!(w.message, expected);
            // The rule's default help, from the French rule catalogue.
            assert_eq!(w.help, None);
        }
    }
}
