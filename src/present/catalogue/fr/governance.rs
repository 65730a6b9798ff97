//! The words of the governance rules' findings.

use rust_decimal::Decimal;

use crate::diagnostic::Words;
use crate::present::catalogue::shares;
use crate::rules::governance::{Found, MajorityRule};

pub(super) fn words(found: &Found) -> Words {
    match found {
        Found::OfficerIsRepresentative {
            officer,
            party,
            title,
        } => {
            let title = title.as_ref().map(|t| format!(" ({t})")).unwrap_or_default();
            Words::new(format!(
                "le référent du partenariat, {officer}, représente aussi légalement `{party}`{title}"
            ))
        }
        Found::DominantVotes {
            party,
            votes,
            total,
            body,
            rule,
        } => {
            let body = match body {
                Some(b) => format!("«\u{a0}{b}\u{a0}»"),
                None => "de décision".to_string(),
            };
            let why = match rule {
                MajorityRule::QualifiedMajority { threshold } => format!(
                    "assez pour atteindre seul la majorité qualifiée de {}\u{202f}%",
                    percent(*threshold, Decimal::ONE)
                ),
                MajorityRule::Majority => {
                    "assez pour emporter seul un vote à la majorité".to_string()
                }
            };
            Words::new(format!(
                "le partenaire `{party}` détient {}\u{202f}% des voix de l\u{2019}instance {body} ({} sur {}), {why}",
                percent(*votes, *total),
                plain(*votes),
                plain(*total),
            ))
            .help(match rule {
                MajorityRule::QualifiedMajority { .. } => {
                    "donnez davantage de voix aux autres membres ou relevez le `threshold` au-dessus de la part de ce partenaire, afin qu\u{2019}aucun partenaire ne décide seul"
                }
                MajorityRule::Majority => {
                    "donnez davantage de voix aux autres membres, ou décidez par consensus ou à la majorité qualifiée, afin qu\u{2019}aucun partenaire ne décide seul"
                }
            })
        }
        Found::DominantSeats {
            party,
            seats,
            total,
        } => Words::new(format!(
            "le partenaire `{party}` détient {}\u{202f}% des sièges avec voix délibérative au conseil ({} sur {})",
            percent(*seats, *total),
            plain(*seats),
            plain(*total),
        ))
        .help(
            "donnez davantage de sièges avec voix délibérative aux autres partenaires, ou consignez dans un [[waiver]] pourquoi ce partenaire doit détenir la majorité",
        ),
        Found::SignatoryNotRepresentative {
            party,
            signatory,
            representative,
        } => Words::new(match party {
            Some(id) => format!(
                "le signataire de `{id}`, {signatory}, n\u{2019}en est pas le représentant légal ({representative}) et n\u{2019}a pas de `mandate`"
            ),
            None => format!(
                "le signataire d\u{2019}un partenaire, {signatory}, n\u{2019}en est pas le représentant légal ({representative}) et n\u{2019}a pas de `mandate`"
            ),
        }),
        Found::MinutesFalse { body } => Words::new(match body {
            Some(body) => format!(
                "`minutes = false`\u{a0}: les décisions de l\u{2019}instance «\u{a0}{body}\u{a0}» ne laissent aucune trace écrite"
            ),
            None => "`minutes = false`\u{a0}: les décisions de l\u{2019}instance ne laissent aucune trace écrite".to_string(),
        }),
        Found::NoMinutes => {
            Words::new("le processus de décision ne prévoit pas de procès-verbal")
        }
        Found::SingleContributor { party } => Words::new(format!(
            "toutes les contributions des partenaires proviennent de `{party}`\u{a0}: les autres partenaires n\u{2019}apportent rien"
        )),
        Found::FewWomen { women, seats } => Words::new(format!(
            "les femmes occupent {}\u{202f}% des sièges des partenaires au conseil ({women} sur {seats})",
            percent(Decimal::from(*women), Decimal::from(*seats))
        )),
        Found::NoCommunicationPlan => Words::new(
            "cette convention de gestion n\u{2019}a pas de plan de [communication]",
        ),
        Found::NoConflictResolution => Words::new(
            "le processus de décision ne dit pas comment les désaccords entre partenaires sont réglés",
        ),
        Found::NoOfficer => {
            Words::new("la convention ne désigne pas de référent du partenariat")
        }
        Found::PublicSignatoryWithoutMandate { party, signatory } => {
            let qui = match party {
                Some(id) => format!("du partenaire public `{id}`"),
                None => "d\u{2019}un partenaire public".to_string(),
            };
            Words::new(match signatory {
                Some(name) => {
                    format!("le signataire {qui}, {name}, n\u{2019}a pas de `mandate`")
                }
                None => format!("le signataire {qui} n\u{2019}a pas de `mandate`"),
            })
        }
    }
}

/// A share as a percentage, with the decimal comma: `66,67`.
fn percent(part: Decimal, total: Decimal) -> String {
    shares::percent(part, total).replace('.', ",")
}

/// A number of votes or seats, with the decimal comma: `1,5`.
fn plain(d: Decimal) -> String {
    shares::plain(d).replace('.', ",")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    /// One sample of every finding of the family.
    fn samples() -> Vec<Found> {
        vec![
            Found::OfficerIsRepresentative {
                officer: "Marie Dupont".into(),
                party: "ville".into(),
                title: Some("Maire".into()),
            },
            Found::DominantVotes {
                party: "ville".into(),
                votes: d("3"),
                total: d("5"),
                body: Some("Comité de pilotage".into()),
                rule: MajorityRule::Majority,
            },
            Found::DominantVotes {
                party: "ville".into(),
                votes: d("2"),
                total: d("3"),
                body: None,
                rule: MajorityRule::QualifiedMajority {
                    threshold: d("0.66"),
                },
            },
            Found::DominantSeats {
                party: "ville".into(),
                seats: d("4"),
                total: d("7"),
            },
            Found::SignatoryNotRepresentative {
                party: Some("theatre".into()),
                signatory: "Paul Martin".into(),
                representative: "Claire Roche".into(),
            },
            Found::SignatoryNotRepresentative {
                party: None,
                signatory: "Paul Martin".into(),
                representative: "Claire Roche".into(),
            },
            Found::MinutesFalse {
                body: Some("Comité de pilotage".into()),
            },
            Found::MinutesFalse { body: None },
            Found::NoMinutes,
            Found::SingleContributor {
                party: "ville".into(),
            },
            Found::FewWomen { women: 1, seats: 3 },
            Found::NoCommunicationPlan,
            Found::NoConflictResolution,
            Found::NoOfficer,
            Found::PublicSignatoryWithoutMandate {
                party: Some("ville".into()),
                signatory: Some("Marie Dupont".into()),
            },
            Found::PublicSignatoryWithoutMandate {
                party: None,
                signatory: None,
            },
        ]
    }

    #[test]
    fn every_finding_reads_in_french_typography() {
        for found in samples() {
            let w = words(&found);
            let mut texts = vec![w.message.clone()];
            texts.extend(w.help.clone());
            for text in texts {
                assert!(!text.is_empty(), "{found:?}");
                assert!(!text.contains('\''), "{found:?}: {text}");
                for mark in [" :", " ;", " !", " ?", " %"] {
                    assert!(!text.contains(mark), "{found:?}: {text}");
                }
            }
            assert_ne!(
                w,
                crate::present::catalogue::words(&found.clone().into(), crate::model::Lang::En),
                "{found:?}"
            );
        }
    }

    #[test]
    fn sentences_of_each_rule() {
        let said = |f: Found| words(&f).message;
        assert_eq!(
            said(Found::OfficerIsRepresentative {
                officer: "Marie Dupont".into(),
                party: "ville".into(),
                title: Some("Maire".into()),
            }),
            "le référent du partenariat, Marie Dupont, représente aussi légalement `ville` (Maire)"
        );
        assert_eq!(
            said(Found::DominantVotes {
                party: "ville".into(),
                votes: d("1.5"),
                total: d("2.5"),
                body: Some("Comité de pilotage".into()),
                rule: MajorityRule::QualifiedMajority {
                    threshold: d("0.555"),
                },
            }),
            "le partenaire `ville` détient 60\u{202f}% des voix de l’instance «\u{a0}Comité de pilotage\u{a0}» (1,5 sur 2,5), assez pour atteindre seul la majorité qualifiée de 55,5\u{202f}%"
        );
        assert_eq!(
            said(Found::DominantSeats {
                party: "ville".into(),
                seats: d("2"),
                total: d("3"),
            }),
            "le partenaire `ville` détient 66,67\u{202f}% des sièges avec voix délibérative au conseil (2 sur 3)"
        );
        assert_eq!(
            said(Found::SignatoryNotRepresentative {
                party: Some("theatre".into()),
                signatory: "Paul Martin".into(),
                representative: "Claire Roche".into(),
            }),
            "le signataire de `theatre`, Paul Martin, n’en est pas le représentant légal (Claire Roche) et n’a pas de `mandate`"
        );
        assert_eq!(
            said(Found::MinutesFalse { body: None }),
            "`minutes = false`\u{a0}: les décisions de l’instance ne laissent aucune trace écrite"
        );
        assert_eq!(
            said(Found::NoMinutes),
            "le processus de décision ne prévoit pas de procès-verbal"
        );
        assert_eq!(
            said(Found::SingleContributor {
                party: "mairie".into()
            }),
            "toutes les contributions des partenaires proviennent de `mairie`\u{a0}: les autres partenaires n’apportent rien"
        );
        assert_eq!(
            said(Found::FewWomen { women: 1, seats: 3 }),
            "les femmes occupent 33,33\u{202f}% des sièges des partenaires au conseil (1 sur 3)"
        );
        assert_eq!(
            said(Found::NoCommunicationPlan),
            "cette convention de gestion n’a pas de plan de [communication]"
        );
        assert_eq!(
            said(Found::NoConflictResolution),
            "le processus de décision ne dit pas comment les désaccords entre partenaires sont réglés"
        );
        assert_eq!(
            said(Found::NoOfficer),
            "la convention ne désigne pas de référent du partenariat"
        );
        assert_eq!(
            said(Found::PublicSignatoryWithoutMandate {
                party: Some("ville".into()),
                signatory: Some("Marie Dupont".into()),
            }),
            "le signataire du partenaire public `ville`, Marie Dupont, n’a pas de `mandate`"
        );
        assert_eq!(
            said(Found::PublicSignatoryWithoutMandate {
                party: None,
                signatory: None,
            }),
            "le signataire d’un partenaire public n’a pas de `mandate`"
        );
    }
}
