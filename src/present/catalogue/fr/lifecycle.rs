//! The words of the lifecycle rules' findings.

use rust_decimal::Decimal;

use crate::diagnostic::Words;
use crate::model::{Currency, Lang};
use crate::present::format::number;
use crate::rules::lifecycle::{AnnexProblem, Found};

pub(super) fn words(found: &Found) -> Words {
    match found {
        Found::MilestoneOverdue {
            milestone,
            title,
            due,
            days_late,
        } => {
            let title = title
                .as_deref()
                .map(|t| format!(" ({t})"))
                .unwrap_or_default();
            Words::new(format!(
                "l\u{2019}étape `{milestone}`{title} était prévue le {due} et n\u{2019}est pas enregistrée comme atteinte\u{a0}: {} de retard",
                jours(*days_late)
            ))
            .help(format!(
                "si elle a été atteinte, inscrivez-en la date\u{a0}: `[tracking] milestones = {{ {milestone} = AAAA-MM-JJ }}`\u{202f}; sinon convenez d\u{2019}une nouvelle date par avenant"
            ))
        }
        Found::ReportOverdue {
            report,
            kind,
            period,
            due,
            days_late,
        } => {
            let kind = kind.map(|k| format!(" ({k})")).unwrap_or_default();
            let period = period
                .map(|(s, e)| format!(" pour la période du {s} au {e}"))
                .unwrap_or_default();
            Words::new(format!(
                "le compte rendu `{report}`{kind}{period} était dû le {due} et aucune transmission n\u{2019}est enregistrée\u{a0}: {} de retard",
                jours(*days_late)
            ))
            .help(format!(
                "transmettez le compte rendu et inscrivez-en la date\u{a0}: `[tracking] reports = {{ {report} = [AAAA-MM-JJ] }}`"
            ))
        }
        Found::Expired {
            end,
            days_ago,
            status,
        } => Words::new(format!(
            "la convention a pris fin le {end} (il y a {}) mais son statut est toujours `{status}`",
            jours(*days_ago)
        )),
        Found::SignedOtherTerms {
            party,
            signed_on,
            fingerprint,
        } => Words::new(format!(
            "les clauses ont changé depuis la signature du partenaire `{party}` le {signed_on}\u{a0}: l\u{2019}empreinte de sa signature n\u{2019}est pas celle des clauses actuelles"
        ))
        .help(format!(
            "rétablissez les clauses que `{party}` a signées, ou faites-lui signer les clauses actuelles\u{a0}: `pacte sign FICHIER --party {party} --name NOM`, ou un nouveau [[signature]] avec `fingerprint = \"{fingerprint}\"`"
        )),
        Found::NotSigned {
            party,
            name,
            status,
        } => {
            let name = name
                .as_deref()
                .map(|n| format!(" ({n})"))
                .unwrap_or_default();
            Words::new(format!(
                "le partenaire `{party}`{name} n\u{2019}a pas signé, mais le statut de la convention est `{status}`"
            ))
            .help(format!(
                "enregistrez sa signature avec `pacte sign FICHIER --party {party} --name NOM`, ou écrivez un [[signature]] avec `party = \"{party}\"`, `name`, `date` et le `fingerprint` (l\u{2019}empreinte) que donne `pacte fingerprint FICHIER`\u{202f}; ou conservez `status = \"draft\"` jusqu\u{2019}à sa signature"
            ))
        }
        Found::ExpensesOverBudget {
            as_of,
            spent,
            budget,
            currency,
        } => Words::new(format!(
            "les dépenses enregistrées jusqu\u{2019}au {as_of} totalisent {}, soit {} de plus que le budget de {}",
            money(*spent, *currency),
            money(spent - budget, *currency),
            money(*budget, *currency)
        )),
        Found::ExpensesOverLine {
            line,
            as_of,
            spent,
            amount,
            currency,
        } => Words::new(format!(
            "les dépenses enregistrées sur la ligne budgétaire «\u{a0}{line}\u{a0}» jusqu\u{2019}au {as_of} totalisent {}, soit {} de plus que son montant de {}",
            money(*spent, *currency),
            money(spent - amount, *currency),
            money(*amount, *currency)
        )),
        Found::AnnexUnverified { title, problem } => {
            let of = match title {
                Some(t) => format!("de l\u{2019}annexe «\u{a0}{t}\u{a0}»"),
                None => "d\u{2019}une annexe".to_string(),
            };
            match problem {
                AnnexProblem::NoReference => Words::new(match title {
                    Some(t) => format!(
                        "l\u{2019}annexe «\u{a0}{t}\u{a0}» porte un `sha256` mais pas de `ref`\u{a0}: il n\u{2019}y a aucun fichier à vérifier"
                    ),
                    None => "une annexe porte un `sha256` mais pas de `ref`\u{a0}: il n\u{2019}y a aucun fichier à vérifier".to_string(),
                })
                .help(
                    "ajoutez `ref = \"annexes/….pdf\"`, le chemin du fichier de l\u{2019}annexe, relatif à la convention",
                ),
                AnnexProblem::Missing { reference } => Words::new(format!(
                    "le fichier `{reference}` {of} est introuvable\u{a0}: son `sha256` ne peut pas être vérifié"
                )),
                AnnexProblem::NotRegularInside { reference } => Words::new(format!(
                    "le chemin `{reference}` {of} ne désigne pas un fichier ordinaire à l\u{2019}intérieur de l\u{2019}espace de travail\u{a0}: il n\u{2019}est pas lu et son `sha256` ne peut pas être vérifié"
                )),
                AnnexProblem::TooLarge {
                    reference,
                    limit_mb,
                } => Words::new(format!(
                    "le fichier `{reference}` {of} dépasse {limit_mb}\u{a0}Mo\u{a0}: il n\u{2019}est pas lu et son `sha256` ne peut pas être vérifié"
                )),
                AnnexProblem::Unreadable { reference, error } => Words::new(format!(
                    "le fichier `{reference}` {of} ne peut pas être lu ({error})"
                )),
                AnnexProblem::Changed { reference, actual } => Words::new(format!(
                    "le fichier `{reference}` {of} a changé depuis l\u{2019}inscription de son `sha256` (son empreinte est désormais {actual})"
                )),
            }
        }
        Found::InstallmentLate {
            id,
            from,
            amount,
            currency,
            due,
            days_late,
        } => Words::new(format!(
            "le versement `{id}` de {} dû par `{from}` le {due} n\u{2019}a pas été reçu\u{a0}: {} de retard",
            money(*amount, *currency),
            jours(*days_late)
        ))
        .help(format!(
            "à réception, enregistrez-le\u{a0}: `[[tracking.payment]]` avec `date`, `amount` et `from = \"{from}\"`"
        )),
    }
}

/// `1 jour`, `31 jours` (a no-break space before the unit).
fn jours(n: i64) -> String {
    if n.abs() <= 1 {
        format!("{n}\u{a0}jour")
    } else {
        format!("{n}\u{a0}jours")
    }
}

/// An amount written the French way, and the currency's code:
/// `12 000 EUR`, `0,25 EUR` (narrow no-break spaces between thousands, a
/// no-break space before the code).
fn money(amount: Decimal, currency: Option<Currency>) -> String {
    let n = number(amount, Lang::Fr);
    match currency {
        Some(c) => format!("{n}\u{a0}{}", c.code()),
        None => n,
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;
    use std::str::FromStr;

    use super::*;
    use crate::model::{ReportKind, Status};
    use crate::present::catalogue::fr::proofread::proofread;

    const EUR: Option<Currency> = Some(Currency {
        code: "EUR",
        minor_unit: 2,
    });

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn annex(title: Option<&str>, problem: AnnexProblem) -> Found {
        Found::AnnexUnverified {
            title: title.map(str::to_string),
            problem,
        }
    }

    /// One finding of each kind, with the French sentence expected where
    /// it is checked word for word.
    fn samples() -> Vec<(Found, Option<&'static str>)> {
        let r = || "annexes/budget.pdf".to_string();
        vec![
            (
                Found::MilestoneOverdue {
                    milestone: "M1".into(),
                    title: Some("Programme".into()),
                    due: date(2026, 3, 1),
                    days_late: 31,
                },
                Some("l\u{2019}étape `M1` (Programme) était prévue le 2026-03-01 et n\u{2019}est pas enregistrée comme atteinte\u{a0}: 31\u{a0}jours de retard"),
            ),
            (
                Found::ReportOverdue {
                    report: "R1".into(),
                    kind: Some(ReportKind::Financial),
                    period: Some((date(2026, 1, 1), date(2026, 3, 31))),
                    due: date(2026, 4, 30),
                    days_late: 1,
                },
                Some("le compte rendu `R1` (financial) pour la période du 2026-01-01 au 2026-03-31 était dû le 2026-04-30 et aucune transmission n\u{2019}est enregistrée\u{a0}: 1\u{a0}jour de retard"),
            ),
            (
                Found::ReportOverdue {
                    report: "R2".into(),
                    kind: None,
                    period: None,
                    due: date(2026, 4, 30),
                    days_late: 12,
                },
                None,
            ),
            (
                Found::Expired {
                    end: date(2026, 11, 30),
                    days_ago: 15,
                    status: Status::Active,
                },
                Some("la convention a pris fin le 2026-11-30 (il y a 15\u{a0}jours) mais son statut est toujours `active`"),
            ),
            (
                Found::SignedOtherTerms {
                    party: "ville".into(),
                    signed_on: date(2026, 1, 30),
                    fingerprint: "sha256:ab".into(),
                },
                Some("les clauses ont changé depuis la signature du partenaire `ville` le 2026-01-30\u{a0}: l\u{2019}empreinte de sa signature n\u{2019}est pas celle des clauses actuelles"),
            ),
            (
                Found::NotSigned {
                    party: "theatre".into(),
                    name: Some("Théâtre du Port".into()),
                    status: Status::Signed,
                },
                Some("le partenaire `theatre` (Théâtre du Port) n\u{2019}a pas signé, mais le statut de la convention est `signed`"),
            ),
            (
                Found::ExpensesOverBudget {
                    as_of: date(2026, 6, 15),
                    spent: d("12500.00"),
                    budget: d("12000"),
                    currency: EUR,
                },
                Some("les dépenses enregistrées jusqu\u{2019}au 2026-06-15 totalisent 12\u{202f}500\u{a0}EUR, soit 500\u{a0}EUR de plus que le budget de 12\u{202f}000\u{a0}EUR"),
            ),
            (
                Found::ExpensesOverLine {
                    line: "Technique".into(),
                    as_of: date(2026, 6, 15),
                    spent: d("0.25"),
                    amount: d("0.20"),
                    currency: None,
                },
                Some("les dépenses enregistrées sur la ligne budgétaire «\u{a0}Technique\u{a0}» jusqu\u{2019}au 2026-06-15 totalisent 0,25, soit 0,05 de plus que son montant de 0,2"),
            ),
            (
                annex(Some("Budget détaillé"), AnnexProblem::NoReference),
                Some("l\u{2019}annexe «\u{a0}Budget détaillé\u{a0}» porte un `sha256` mais pas de `ref`\u{a0}: il n\u{2019}y a aucun fichier à vérifier"),
            ),
            (annex(None, AnnexProblem::NoReference), None),
            (
                annex(None, AnnexProblem::Missing { reference: r() }),
                Some("le fichier `annexes/budget.pdf` d\u{2019}une annexe est introuvable\u{a0}: son `sha256` ne peut pas être vérifié"),
            ),
            (
                annex(
                    Some("Budget"),
                    AnnexProblem::NotRegularInside { reference: r() },
                ),
                None,
            ),
            (
                annex(
                    Some("Budget"),
                    AnnexProblem::TooLarge {
                        reference: r(),
                        limit_mb: 64,
                    },
                ),
                Some("le fichier `annexes/budget.pdf` de l\u{2019}annexe «\u{a0}Budget\u{a0}» dépasse 64\u{a0}Mo\u{a0}: il n\u{2019}est pas lu et son `sha256` ne peut pas être vérifié"),
            ),
            (
                annex(
                    None,
                    AnnexProblem::Unreadable {
                        reference: r(),
                        error: "Permission denied (os error 13)".into(),
                    },
                ),
                None,
            ),
            (
                annex(
                    Some("Budget"),
                    AnnexProblem::Changed {
                        reference: r(),
                        actual: "ab12".into(),
                    },
                ),
                Some("le fichier `annexes/budget.pdf` de l\u{2019}annexe «\u{a0}Budget\u{a0}» a changé depuis l\u{2019}inscription de son `sha256` (son empreinte est désormais ab12)"),
            ),
            (
                Found::InstallmentLate {
                    id: "D2".into(),
                    from: "ville".into(),
                    amount: Decimal::new(1500000, 2),
                    currency: EUR,
                    due: date(2026, 7, 1),
                    days_late: 62,
                },
                Some("le versement `D2` de 15\u{202f}000\u{a0}EUR dû par `ville` le 2026-07-01 n\u{2019}a pas été reçu\u{a0}: 62\u{a0}jours de retard"),
            ),
        ]
    }

    #[test]
    fn every_finding_reads_in_french() {
        for (found, expected) in samples() {
            let w = words(&found);
            proofread(&format!("{found:?}"), &w);
            if let Some(expected) = expected {
                assert_eq!(w.message, expected);
            }
        }
    }

    #[test]
    fn the_help_says_what_to_do_in_french() {
        let w = words(&Found::MilestoneOverdue {
            milestone: "M1".into(),
            title: None,
            due: date(2026, 3, 1),
            days_late: 2,
        });
        assert_eq!(
            w.help.as_deref(),
            Some("si elle a été atteinte, inscrivez-en la date\u{a0}: `[tracking] milestones = { M1 = AAAA-MM-JJ }`\u{202f}; sinon convenez d\u{2019}une nouvelle date par avenant")
        );
        let w = words(&annex(None, AnnexProblem::NoReference));
        assert_eq!(
            w.help.as_deref(),
            Some("ajoutez `ref = \"annexes/….pdf\"`, le chemin du fichier de l\u{2019}annexe, relatif à la convention")
        );
    }
}
