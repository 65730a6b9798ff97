//! The words of the consistency rules' findings.

use rust_decimal::Decimal;

use crate::diagnostic::Words;
use crate::model::Currency;
use crate::present::catalogue::{list, montant};
use crate::rules::consistency::{Dated, Found, Unused};

pub(super) fn words(found: &Found) -> Words {
    match found {
        Found::PeriodInverted { start, end } => Words::new(format!(
            "la convention prend fin le {end} mais commence le {start}\u{a0}: la période est inversée"
        )),
        Found::MilestoneBeforeStart {
            milestone,
            due,
            start,
        } => Words::new(format!(
            "{} est prévue le {due}, avant le début de la convention ({start})",
            etape(milestone.as_deref())
        )),
        Found::MilestoneAfterEnd {
            milestone,
            due,
            end,
        } => Words::new(format!(
            "{} est prévue le {due}, après la fin de la convention ({end})",
            etape(milestone.as_deref())
        )),
        Found::DatedBeforeStart { what, date, start } => Words::new(format!(
            "{} {date}, avant le début de la convention ({start})",
            date_de(what)
        )),
        Found::DatedLongAfterEnd {
            what,
            date,
            end,
            grace_days,
        } => Words::new(format!(
            "{} {date}, plus de {grace_days}\u{a0}jours après la fin de la convention ({end})",
            date_de(what)
        )),
        Found::ContributionsOffBudget {
            total,
            budget,
            currency,
        } => off_budget(
            *total,
            *budget,
            *currency,
            "les contributions financières totalisent {total}, alors que le budget est de {budget}",
            "{gap} du budget ne sont pas financés\u{a0}: ajoutez les [[funds.contribution]] manquantes avec `kind = \"financial\"` et leur `amount` (une contribution demandée compte), ou réduisez `budget`",
            "les contributions dépassent le budget de {gap}\u{a0}: augmentez `budget`, ou réduisez l\u{2019}`amount` d\u{2019}une [[funds.contribution]]",
        ),
        Found::LinesOffBudget {
            total,
            budget,
            currency,
        } => off_budget(
            *total,
            *budget,
            *currency,
            "les lignes du budget totalisent {total}, alors que le budget est de {budget}",
            "{gap} du budget ne figurent sur aucune ligne\u{a0}: ajoutez une [[funds.line]] ou augmentez l\u{2019}`amount` de l\u{2019}une d\u{2019}elles, ou réduisez `budget`",
            "les lignes dépassent le budget de {gap}\u{a0}: réduisez l\u{2019}`amount` d\u{2019}une [[funds.line]], ou augmentez `budget`",
        ),
        Found::OverDisbursed {
            party,
            paid,
            committed,
            currency,
        } => Words::new(format!(
            "le partenaire `{party}` verse {} au total, plus que ses contributions financières ({})",
            montant(*paid, *currency),
            montant(*committed, *currency)
        ))
        .help(format!(
            "à partir de ce versement, les versements dépassent la contribution\u{a0}: réduisez-les de {}, ou augmentez la contribution financière de `{party}`",
            montant(paid - committed, *currency)
        )),
        Found::PartyWithoutRole { party } => Words::new(format!(
            "le partenaire `{party}` n\u{2019}a pas de rôle"
        ))
        .help(format!(
            "ajoutez un [[role]] avec `party = \"{party}\"` et ses `responsibilities`"
        )),
        Found::ObjectiveWithoutIndicator { objective } => {
            let quoi = match objective {
                Some(id) => format!("l\u{2019}objectif `{id}`"),
                None => "cet objectif".to_string(),
            };
            Words::new(format!(
                "{quoi} n\u{2019}a pas d\u{2019}indicateur\u{a0}: rien ne dit comment il sera évalué"
            ))
        }
        Found::ReportWithoutDue { report } => Words::new(format!(
            "{} ne dit pas quand il est dû",
            compte_rendu(report.as_deref())
        ))
        .help(
            "ajoutez `due = AAAA-MM-JJ`, `every = \"quarterly\"` (ou monthly, semiannual, annual), ou `after_end_days = N`",
        ),
        Found::ReportDueManyWays { report, keys } => {
            let n = keys.len();
            let either = quoted(keys, "ou");
            let keys = quoted(keys, "et");
            Words::new(format!(
                "{} fixe son échéance de {n} façons ({keys})\u{a0}: une seule s\u{2019}applique",
                compte_rendu(report.as_deref())
            ))
            .help(format!("ne conservez que l\u{2019}une des clés {either}"))
        }
        Found::AuditWithoutDates => Words::new(
            "le contrôle ne fixe aucune date pour ses évaluations et vérifications",
        ),
        Found::GestionDispositionsMissing { missing } => {
            let missing = quoted(missing, "et");
            Words::new(format!(
                "la clause de résiliation d\u{2019}une convention de gestion ne règle pas {missing}"
            ))
            .help(format!(
                "ajoutez {missing} à [termination]\u{a0}: ce que deviennent les biens, le personnel, un excédent et un déficit"
            ))
        }
        Found::NoDisposition => Words::new(
            "la clause de résiliation ne règle ni le sort des biens, ni celui d\u{2019}un excédent, ni celui d\u{2019}un déficit",
        ),
        Found::ThresholdMissing => Words::new(
            "la règle de décision est la majorité qualifiée, mais aucun `threshold` n\u{2019}en fixe le seuil",
        ),
        Found::NoCoordinator => Words::new(
            "aucun rôle ne porte `coordinator = true`\u{a0}: aucun partenaire ne coordonne le partenariat",
        ),
        Found::TooFewOriginals { parties, copies } => Words::new(format!(
            "{parties} partenaires signent sur papier, mais seulement {copies} {}",
            if *copies <= 1 {
                "original est établi"
            } else {
                "originaux sont établis"
            },
        ))
        .help(format!(
            "indiquez `copies = {parties}`, afin que chaque partenaire conserve un original signé"
        )),
        Found::PlaceholderLeft { placeholder } => Words::new(format!(
            "ce texte contient encore l\u{2019}espace réservé `{placeholder}`"
        )),
        Found::UnusedWaiver { rule, name, why } => {
            let why = match why {
                Unused::RuleOff => "la règle est désactivée",
                Unused::DidNotFire => "la règle n\u{2019}a rien relevé",
            };
            Words::new(format!(
                "cette dérogation à {rule} ({name}) ne lève aucun constat\u{a0}: {why}"
            ))
        }
    }
}

/// `l’étape `M3``, or `une étape` when it has no id.
fn etape(id: Option<&str>) -> String {
    match id {
        Some(id) => format!("l\u{2019}étape `{id}`"),
        None => "une étape".to_string(),
    }
}

/// `le compte rendu `R1``, or `ce compte rendu` when it has no id.
fn compte_rendu(id: Option<&str>) -> String {
    match id {
        Some(id) => format!("le compte rendu `{id}`"),
        None => "ce compte rendu".to_string(),
    }
}

/// What K002 found dated, with its verb: `un versement de `ville` est
/// daté du`, `un contrôle est prévu le`.
fn date_de(what: &Dated) -> String {
    match what {
        Dated::Disbursement { from: Some(p) } => format!("un versement de `{p}` est daté du"),
        Dated::Disbursement { from: None } => "un versement est daté du".to_string(),
        Dated::Audit => "un contrôle est prévu le".to_string(),
    }
}

/// Keys in backquotes, as a French list joined by `and` (`et`) or `or`
/// (`ou`): `` `a` ``, `` `a` et `b` ``, `` `a`, `b` et `c` ``.
fn quoted(keys: &[&str], and: &str) -> String {
    let parts: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
    list(&parts, and)
}

/// A sum (of the financial contributions, or of the budget lines) that is
/// not the budget: `said` with `{total}` and `{budget}`, and the help
/// `short` (the sum falls short by `{gap}`) or `over` (it exceeds by `{gap}`).
fn off_budget(
    total: Decimal,
    budget: Decimal,
    currency: Option<Currency>,
    said: &str,
    short: &str,
    over: &str,
) -> Words {
    let gap = budget - total;
    let help = if gap > Decimal::ZERO {
        short.replace("{gap}", &montant(gap, currency))
    } else {
        over.replace("{gap}", &montant(-gap, currency))
    };
    Words::new(
        said.replace("{total}", &montant(total, currency))
            .replace("{budget}", &montant(budget, currency)),
    )
    .help(help)
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::model::Currency;
    use crate::present::catalogue::fr::proofread::proofread;
    use crate::rules::Code;

    const EUR: Option<Currency> = Some(Currency {
        code: "EUR",
        minor_unit: 2,
    });

    /// One finding of each kind, with the French sentence expected where
    /// it is checked word for word.
    fn samples() -> Vec<(Found, Option<&'static str>)> {
        vec![
            (
                Found::PeriodInverted {
                    start: date(2026, 2, 1),
                    end: date(2025, 11, 30),
                },
                Some("la convention prend fin le 2025-11-30 mais commence le 2026-02-01\u{a0}: la période est inversée"),
            ),
            (
                Found::MilestoneBeforeStart {
                    milestone: Some("M1".into()),
                    due: date(2026, 1, 15),
                    start: date(2026, 2, 1),
                },
                Some("l\u{2019}étape `M1` est prévue le 2026-01-15, avant le début de la convention (2026-02-01)"),
            ),
            (
                Found::MilestoneAfterEnd {
                    milestone: None,
                    due: date(2027, 9, 20),
                    end: date(2026, 11, 30),
                },
                Some("une étape est prévue le 2027-09-20, après la fin de la convention (2026-11-30)"),
            ),
            (
                Found::DatedBeforeStart {
                    what: Dated::Disbursement {
                        from: Some("ville".into()),
                    },
                    date: date(2026, 1, 5),
                    start: date(2026, 2, 1),
                },
                Some("un versement de `ville` est daté du 2026-01-05, avant le début de la convention (2026-02-01)"),
            ),
            (
                Found::DatedBeforeStart {
                    what: Dated::Disbursement { from: None },
                    date: date(2026, 1, 5),
                    start: date(2026, 2, 1),
                },
                None,
            ),
            (
                Found::DatedLongAfterEnd {
                    what: Dated::Audit,
                    date: date(2028, 3, 1),
                    end: date(2026, 11, 30),
                    grace_days: 365,
                },
                Some("un contrôle est prévu le 2028-03-01, plus de 365\u{a0}jours après la fin de la convention (2026-11-30)"),
            ),
            (
                Found::ContributionsOffBudget {
                    total: Decimal::from(38000),
                    budget: Decimal::from(42000),
                    currency: EUR,
                },
                Some("les contributions financières totalisent 38\u{202f}000\u{a0}EUR, alors que le budget est de 42\u{202f}000\u{a0}EUR"),
            ),
            (
                Found::ContributionsOffBudget {
                    total: Decimal::from(45000),
                    budget: Decimal::from(42000),
                    currency: EUR,
                },
                None,
            ),
            (
                Found::LinesOffBudget {
                    total: Decimal::from(41000),
                    budget: Decimal::from(42000),
                    currency: EUR,
                },
                None,
            ),
            (
                Found::LinesOffBudget {
                    total: Decimal::from(43000),
                    budget: Decimal::from(42000),
                    currency: None,
                },
                None,
            ),
            (
                Found::OverDisbursed {
                    party: "ville".into(),
                    paid: Decimal::from(30000),
                    committed: Decimal::from(25000),
                    currency: EUR,
                },
                Some("le partenaire `ville` verse 30\u{202f}000\u{a0}EUR au total, plus que ses contributions financières (25\u{202f}000\u{a0}EUR)"),
            ),
            (
                Found::PartyWithoutRole {
                    party: "theatre".into(),
                },
                Some("le partenaire `theatre` n\u{2019}a pas de rôle"),
            ),
            (
                Found::ObjectiveWithoutIndicator {
                    objective: Some("O1".into()),
                },
                Some("l\u{2019}objectif `O1` n\u{2019}a pas d\u{2019}indicateur\u{a0}: rien ne dit comment il sera évalué"),
            ),
            (
                Found::ObjectiveWithoutIndicator { objective: None },
                None,
            ),
            (
                Found::ReportWithoutDue { report: None },
                Some("ce compte rendu ne dit pas quand il est dû"),
            ),
            (
                Found::ReportDueManyWays {
                    report: Some("R1".into()),
                    keys: vec!["due", "every"],
                },
                Some("le compte rendu `R1` fixe son échéance de 2 façons (`due` et `every`)\u{a0}: une seule s\u{2019}applique"),
            ),
            (
                Found::AuditWithoutDates,
                Some("le contrôle ne fixe aucune date pour ses évaluations et vérifications"),
            ),
            (
                Found::GestionDispositionsMissing {
                    missing: vec!["staff", "deficit"],
                },
                Some("la clause de résiliation d\u{2019}une convention de gestion ne règle pas `staff` et `deficit`"),
            ),
            (Found::NoDisposition, None),
            (
                Found::ThresholdMissing,
                Some("la règle de décision est la majorité qualifiée, mais aucun `threshold` n\u{2019}en fixe le seuil"),
            ),
            (
                Found::NoCoordinator,
                Some("aucun rôle ne porte `coordinator = true`\u{a0}: aucun partenaire ne coordonne le partenariat"),
            ),
            (
                Found::TooFewOriginals {
                    parties: 3,
                    copies: 1,
                },
                Some("3 partenaires signent sur papier, mais seulement 1 original est établi"),
            ),
            (
                Found::TooFewOriginals {
                    parties: 4,
                    copies: 2,
                },
                Some("4 partenaires signent sur papier, mais seulement 2 originaux sont établis"),
            ),
            (
                Found::PlaceholderLeft {
                    placeholder: "TODO".into(),
                },
                Some("ce texte contient encore l\u{2019}espace réservé `TODO`"),
            ),
            (
                Found::UnusedWaiver {
                    rule: Code::K012,
                    name: "too-few-originals",
                    why: Unused::DidNotFire,
                },
                Some("cette dérogation à K012 (too-few-originals) ne lève aucun constat\u{a0}: la règle n\u{2019}a rien relevé"),
            ),
            (
                Found::UnusedWaiver {
                    rule: Code::K006,
                    name: "objective-without-indicator",
                    why: Unused::RuleOff,
                },
                Some("cette dérogation à K006 (objective-without-indicator) ne lève aucun constat\u{a0}: la règle est désactivée"),
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
        let w = words(&Found::OverDisbursed {
            party: "ville".into(),
            paid: Decimal::from(30000),
            committed: Decimal::from(25000),
            currency: EUR,
        });
        assert_eq!(
            w.help.as_deref(),
            Some("à partir de ce versement, les versements dépassent la contribution\u{a0}: réduisez-les de 5\u{202f}000\u{a0}EUR, ou augmentez la contribution financière de `ville`")
        );
        let w = words(&Found::ReportDueManyWays {
            report: None,
            keys: vec!["due", "every", "after_end_days"],
        });
        assert_eq!(
            w.help.as_deref(),
            Some("ne conservez que l\u{2019}une des clés `due`, `every` ou `after_end_days`")
        );
    }
}
