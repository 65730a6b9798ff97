//! The words of the clauses rules' findings.

use crate::diagnostic::Words;
use crate::present::catalogue::list;
use crate::rules::clauses::{
    AuditItem, DecisionKey, Found, FundsKey, GovernanceKey, PartyRef, ScheduleItem, SignatoryKey,
    TerminationKey,
};

pub(super) fn words(found: &Found) -> Words {
    match found {
        Found::NoTitle => Words::new("la convention n\u{2019}a pas de titre"),
        Found::NoParty => Words::new(
            "la convention n\u{2019}a aucun partenaire\u{a0}: un partenariat en suppose au moins deux",
        ),
        Found::OneParty { party } => {
            let who = party
                .as_ref()
                .map(|p| format!(" (`{p}`)"))
                .unwrap_or_default();
            Words::new(format!(
                "la convention n\u{2019}a qu\u{2019}un partenaire{who}\u{a0}: un partenariat en suppose au moins deux"
            ))
            .help("ajoutez les autres partenaires, chacun dans son propre [[party]]")
        }
        Found::NoPurposeNorObjective => {
            Words::new("la convention n\u{2019}a ni `purpose` ni [[objective]]")
        }
        Found::NoPurpose => Words::new(
            "la convention n\u{2019}a pas de `purpose`\u{a0}: dites à quoi sert le partenariat",
        )
        .help("ajoutez `purpose = \"…\"` à [convention]\u{a0}: l\u{2019}objet du partenariat"),
        Found::NoObjective => Words::new("la convention n\u{2019}a pas d\u{2019}[[objective]]")
            .help("ajoutez au moins un [[objective]] avec `id`, `text` et ses indicateurs"),
        Found::NoSchedule { missing } => match missing.as_slice() {
            [one] => Words::new(format!(
                "la convention n\u{2019}a pas de {}",
                schedule_item(*one)
            ))
            .help(schedule_help(*one)),
            many => {
                let names: Vec<&str> = many.iter().map(|m| schedule_item(*m)).collect();
                Words::new(format!("la convention n\u{2019}a {}", ni(&names)))
            }
        },
        Found::NoDecisionTable => Words::new(
            "la convention n\u{2019}a pas de table [decision]\u{a0}: qui décide, et comment, n\u{2019}est pas précisé",
        ),
        Found::DecisionLacks { keys } => lacks(
            "decision",
            keys,
            DecisionKey::key,
            "",
            |k| match k {
                DecisionKey::Body => "ajoutez `body = \"…\"` à [decision]\u{a0}: l\u{2019}instance qui prend les décisions (par exemple \"Comité de pilotage\")",
                DecisionKey::Rule => "ajoutez `rule` à [decision]\u{a0}: \"consensus\", \"majority\", \"qualified_majority\" ou \"unanimity\"",
            },
            None,
        ),
        Found::NoFundsTable => Words::new(
            "la convention n\u{2019}a pas de table [funds]\u{a0}: son budget et la gestion des fonds ne sont pas précisés",
        ),
        Found::NoBudget => Words::new("[funds] n\u{2019}a pas de `budget`").help(
            "ajoutez `budget` à [funds]\u{a0}: le budget financier, ou `budget = 0` si aucune somme n\u{2019}est versée",
        ),
        Found::NoGrantFromAParty => Words::new(
            "[funds] ne comporte aucune contribution de partenaire\u{a0}: la subvention accordée n\u{2019}est pas précisée",
        )
        .help(
            "ajoutez une [[funds.contribution]] avec `party` (le financeur), `kind`, `amount` et `to` (le bénéficiaire)",
        ),
        Found::FundsLack { keys } => lacks(
            "funds",
            keys,
            FundsKey::key,
            "\u{a0}: à renseigner dès que le budget est supérieur à 0",
            |k| match k {
                FundsKey::Holder => "ajoutez `holder` à [funds]\u{a0}: l\u{2019}`id` du partenaire qui gère les fonds, ou \"each\" lorsque chaque partenaire gère sa propre part",
                FundsKey::Justification => "ajoutez `justification` à [funds]\u{a0}: les pièces justificatives produites, à qui et à quelle fréquence",
            },
            Some("ajoutez à [funds] `holder` (le partenaire qui gère les fonds, ou \"each\") et `justification` (quelles pièces justificatives, à qui, à quelle fréquence)"),
        ),
        Found::NoRole => Words::new(
            "la convention n\u{2019}a pas de [[role]]\u{a0}: ce que fait chaque partenaire n\u{2019}est pas précisé",
        ),
        Found::NoAuditTable => Words::new(
            "la convention n\u{2019}a pas de table [audit]\u{a0}: l\u{2019}évaluation du partenariat et le contrôle de ses fonds ne sont pas prévus",
        ),
        Found::AuditLacks { missing } => {
            let parts: Vec<String> = missing
                .iter()
                .map(|m| {
                    match m {
                        AuditItem::Evaluation => "`evaluation`",
                        AuditItem::ExpenseControl => "`expense_control`",
                        AuditItem::FinancialAudit => "`financial_audit`",
                        AuditItem::ExpenseControlOrFinancialAudit => {
                            "`expense_control` ou `financial_audit`"
                        }
                    }
                    .to_string()
                })
                .collect();
            let mut message = format!("il manque à [audit]\u{a0}: {}", list(&parts, "et"));
            if missing
                .iter()
                .any(|m| matches!(m, AuditItem::ExpenseControl | AuditItem::FinancialAudit))
            {
                message.push_str("\u{202f}; une convention de gestion exige à la fois un contrôle des dépenses et un audit financier");
            }
            Words::new(message)
        }
        Found::NoTerminationTable => Words::new(
            "la convention n\u{2019}a pas de table [termination]\u{a0}: les conditions dans lesquelles un partenaire peut la résilier ne sont pas précisées",
        ),
        Found::TerminationLacks { keys } => lacks(
            "termination",
            keys,
            TerminationKey::key,
            "",
            |k| match k {
                TerminationKey::NoticeDays => "ajoutez `notice_days` à [termination]\u{a0}: le préavis, en jours, qu\u{2019}un partenaire doit respecter avant que la convention prenne fin (par exemple `notice_days = 60`)",
                TerminationKey::Grounds => "ajoutez `grounds` à [termination]\u{a0}: les motifs pour lesquels la convention peut être résiliée (par exemple `grounds = [\"Accord des parties\"]`)",
            },
            None,
        ),
        Found::NoSignatory { party } => Words::new(format!(
            "le {} n\u{2019}a pas de signataire",
            party_label(party)
        )),
        Found::SignatoryLacks { party, keys } => {
            let names: Vec<&str> = keys.iter().map(|k| k.key()).collect();
            let words = Words::new(format!(
                "le signataire du {} {}",
                party_label(party),
                no_keys(&names)
            ));
            match keys.as_slice() {
                [SignatoryKey::Name] => words.help(
                    "ajoutez à ce `signatory` le `name` de la personne qui signe",
                ),
                [SignatoryKey::Title] => words.help(
                    "ajoutez à ce `signatory` le `title` du signataire\u{a0}: la qualité en laquelle il signe (par exemple \"Présidente\", \"Adjointe à la culture\")",
                ),
                _ => words,
            }
        }
        Found::NoLegalFramework => Words::new(
            "la convention n\u{2019}a pas de `legal_framework`\u{a0}: le fondement juridique de la gestion commune n\u{2019}est pas visé",
        ),
        Found::NoGovernanceTable => Words::new(
            "la convention n\u{2019}a pas de table [governance]\u{a0}: son conseil, son bureau, ses délibérations et sa direction ne sont pas précisés",
        ),
        Found::GovernanceLacks { keys } => lacks(
            "governance",
            keys,
            GovernanceKey::key,
            "",
            |k| match k {
                GovernanceKey::Board => "ajoutez `board` à [governance]\u{a0}: ses sièges, partenaire par partenaire (par exemple `{ party = \"ville\", seats = 3 }`)",
                GovernanceKey::Officers => "ajoutez `officers` à [governance]\u{a0}: qui préside, qui tient les comptes, et comment ils sont désignés",
                GovernanceKey::Deliberations => "ajoutez `deliberations` à [governance]\u{a0}: comment le conseil se réunit, son quorum et sa majorité",
                GovernanceKey::Management => "ajoutez `management` à [governance]\u{a0}: qui dirige l\u{2019}équipement ou le programme entre deux réunions du conseil",
            },
            None,
        ),
        Found::NoActionPlanTable => Words::new(
            "la convention n\u{2019}a pas de plan d\u{2019}action\u{a0}: il n\u{2019}y a pas de table [governance]",
        ),
        Found::NoActionPlan => Words::new("[governance] n\u{2019}a pas d\u{2019}`action_plan`"),
        Found::NoReport => Words::new(
            "la convention ne prévoit aucun [[report]]\u{a0}: qui rend compte de quoi, à qui et quand, n\u{2019}est pas précisé",
        ),
        Found::NoRepaymentClause { funders } => {
            let who: Vec<String> = funders.iter().map(|f| format!("`{f}`")).collect();
            Words::new(format!(
                "aucune [[clause]] de type `repayment`\u{a0}: ce que deviennent les sommes versées par {} si elles ne sont pas dépensées ou pas employées conformément à la convention n\u{2019}est pas précisé",
                list(&who, "et")
            ))
        }
    }
}

/// A part of the schedule as the format writes it.
fn schedule_item(item: ScheduleItem) -> &'static str {
    match item {
        ScheduleItem::Start => "`start`",
        ScheduleItem::End => "`end`",
        ScheduleItem::Milestone => "[[milestone]]",
    }
}

/// The help when `item` alone is missing from the schedule.
fn schedule_help(item: ScheduleItem) -> &'static str {
    match item {
        ScheduleItem::Start => "ajoutez `start` à [convention]\u{a0}: la date à laquelle le partenariat commence (par exemple `start = 2026-02-01`)",
        ScheduleItem::End => "ajoutez `end` à [convention]\u{a0}: la date à laquelle le partenariat prend fin (par exemple `end = 2026-11-30`)",
        ScheduleItem::Milestone => "ajoutez au moins un [[milestone]] avec `id`, `title` et `due`",
    }
}

/// The keys a table lacks: `[name] n’a ni `a` ni `b``, then `why`; the
/// help of the key when it alone is missing, else `several` (`None`: the
/// rule's default).
fn lacks<K: Copy>(
    table: &str,
    keys: &[K],
    key: fn(K) -> &'static str,
    why: &str,
    help: fn(K) -> &'static str,
    several: Option<&str>,
) -> Words {
    let names: Vec<&str> = keys.iter().map(|k| key(*k)).collect();
    let words = Words::new(format!("[{table}] {}{why}", no_keys(&names)));
    match (keys, several) {
        ([one], _) => words.help(help(*one)),
        (_, Some(h)) => words.help(h),
        (_, None) => words,
    }
}

/// How a finding names a party, after its article: partenaire `id`,
/// partenaire « name », partenaire nº 2.
fn party_label(party: &PartyRef) -> String {
    match party {
        PartyRef::Id(id) => format!("partenaire `{id}`"),
        PartyRef::Name(name) => format!("partenaire «\u{a0}{name}\u{a0}»"),
        PartyRef::Number(n) => format!("partenaire n°\u{a0}{n}"),
    }
}

/// `n’a pas de `a``, `n’a ni `a` ni `b``, `n’a ni `a`, ni `b` ni `c``.
fn no_keys(keys: &[&str]) -> String {
    match keys {
        [] => String::new(),
        [one] if one.starts_with(['a', 'e', 'i', 'o', 'u']) => {
            format!("n\u{2019}a pas d\u{2019}`{one}`")
        }
        [one] => format!("n\u{2019}a pas de `{one}`"),
        _ => {
            let quoted: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
            let quoted: Vec<&str> = quoted.iter().map(String::as_str).collect();
            format!("n\u{2019}a {}", ni(&quoted))
        }
    }
}

/// `ni a ni b`, `ni a, ni b, ni c`.
fn ni(parts: &[&str]) -> String {
    match parts {
        [] => String::new(),
        [one] => format!("ni {one}"),
        [a, b] => format!("ni {a} ni {b}"),
        _ => format!("ni {}", parts.join(", ni ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One sample of every finding of the family.
    fn samples() -> Vec<Found> {
        vec![
            Found::NoTitle,
            Found::NoParty,
            Found::OneParty {
                party: Some("ville".into()),
            },
            Found::OneParty { party: None },
            Found::NoPurposeNorObjective,
            Found::NoPurpose,
            Found::NoObjective,
            Found::NoSchedule {
                missing: vec![ScheduleItem::End],
            },
            Found::NoSchedule {
                missing: vec![
                    ScheduleItem::Start,
                    ScheduleItem::End,
                    ScheduleItem::Milestone,
                ],
            },
            Found::NoDecisionTable,
            Found::DecisionLacks {
                keys: vec![DecisionKey::Body],
            },
            Found::DecisionLacks {
                keys: vec![DecisionKey::Body, DecisionKey::Rule],
            },
            Found::NoFundsTable,
            Found::NoBudget,
            Found::NoGrantFromAParty,
            Found::FundsLack {
                keys: vec![FundsKey::Justification],
            },
            Found::FundsLack {
                keys: vec![FundsKey::Holder, FundsKey::Justification],
            },
            Found::NoRole,
            Found::NoAuditTable,
            Found::AuditLacks {
                missing: vec![AuditItem::Evaluation],
            },
            Found::AuditLacks {
                missing: vec![AuditItem::ExpenseControl, AuditItem::FinancialAudit],
            },
            Found::AuditLacks {
                missing: vec![
                    AuditItem::Evaluation,
                    AuditItem::ExpenseControlOrFinancialAudit,
                ],
            },
            Found::NoTerminationTable,
            Found::TerminationLacks {
                keys: vec![TerminationKey::NoticeDays],
            },
            Found::TerminationLacks {
                keys: vec![TerminationKey::NoticeDays, TerminationKey::Grounds],
            },
            Found::NoSignatory {
                party: PartyRef::Id("ville".into()),
            },
            Found::SignatoryLacks {
                party: PartyRef::Name("Théâtre des Pentes".into()),
                keys: vec![SignatoryKey::Title],
            },
            Found::SignatoryLacks {
                party: PartyRef::Number(2),
                keys: vec![SignatoryKey::Name, SignatoryKey::Title],
            },
            Found::NoLegalFramework,
            Found::NoGovernanceTable,
            Found::GovernanceLacks {
                keys: vec![GovernanceKey::Officers],
            },
            Found::GovernanceLacks {
                keys: vec![
                    GovernanceKey::Board,
                    GovernanceKey::Officers,
                    GovernanceKey::Deliberations,
                    GovernanceKey::Management,
                ],
            },
            Found::NoActionPlanTable,
            Found::NoActionPlan,
            Found::NoReport,
            Found::NoRepaymentClause {
                funders: vec!["departement".into(), "ville".into()],
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
                for mark in [" :", " ;", " !", " ?"] {
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
        assert_eq!(said(Found::NoTitle), "la convention n’a pas de titre");
        assert_eq!(
            said(Found::OneParty {
                party: Some("ville".into())
            }),
            "la convention n’a qu’un partenaire (`ville`)\u{a0}: un partenariat en suppose au moins deux"
        );
        assert_eq!(
            said(Found::NoPurposeNorObjective),
            "la convention n’a ni `purpose` ni [[objective]]"
        );
        assert_eq!(
            said(Found::NoSchedule {
                missing: vec![
                    ScheduleItem::Start,
                    ScheduleItem::End,
                    ScheduleItem::Milestone
                ]
            }),
            "la convention n’a ni `start`, ni `end`, ni [[milestone]]"
        );
        assert_eq!(
            said(Found::DecisionLacks {
                keys: vec![DecisionKey::Body, DecisionKey::Rule]
            }),
            "[decision] n’a ni `body` ni `rule`"
        );
        assert_eq!(
            said(Found::FundsLack {
                keys: vec![FundsKey::Holder]
            }),
            "[funds] n’a pas de `holder`\u{a0}: à renseigner dès que le budget est supérieur à 0"
        );
        assert_eq!(
            said(Found::NoRole),
            "la convention n’a pas de [[role]]\u{a0}: ce que fait chaque partenaire n’est pas précisé"
        );
        assert_eq!(
            said(Found::AuditLacks {
                missing: vec![AuditItem::Evaluation, AuditItem::FinancialAudit]
            }),
            "il manque à [audit]\u{a0}: `evaluation` et `financial_audit`\u{202f}; une convention de gestion exige à la fois un contrôle des dépenses et un audit financier"
        );
        assert_eq!(
            said(Found::TerminationLacks {
                keys: vec![TerminationKey::Grounds]
            }),
            "[termination] n’a pas de `grounds`"
        );
        assert_eq!(
            said(Found::NoSignatory {
                party: PartyRef::Number(3)
            }),
            "le partenaire n°\u{a0}3 n’a pas de signataire"
        );
        assert_eq!(
            said(Found::SignatoryLacks {
                party: PartyRef::Name("Théâtre des Pentes".into()),
                keys: vec![SignatoryKey::Name, SignatoryKey::Title]
            }),
            "le signataire du partenaire «\u{a0}Théâtre des Pentes\u{a0}» n’a ni `name` ni `title`"
        );
        assert_eq!(
            said(Found::NoLegalFramework),
            "la convention n’a pas de `legal_framework`\u{a0}: le fondement juridique de la gestion commune n’est pas visé"
        );
        assert_eq!(
            said(Found::GovernanceLacks {
                keys: vec![GovernanceKey::Board, GovernanceKey::Management]
            }),
            "[governance] n’a ni `board` ni `management`"
        );
        assert_eq!(
            said(Found::NoActionPlan),
            "[governance] n’a pas d’`action_plan`"
        );
        assert_eq!(
            said(Found::NoReport),
            "la convention ne prévoit aucun [[report]]\u{a0}: qui rend compte de quoi, à qui et quand, n’est pas précisé"
        );
        assert_eq!(
            said(Found::NoRepaymentClause {
                funders: vec!["departement".into(), "ville".into()]
            }),
            "aucune [[clause]] de type `repayment`\u{a0}: ce que deviennent les sommes versées par `departement` et `ville` si elles ne sont pas dépensées ou pas employées conformément à la convention n’est pas précisé"
        );
    }

    #[test]
    fn a_lone_missing_key_has_its_own_help_in_french() {
        let w = words(&Found::SignatoryLacks {
            party: PartyRef::Id("ville".into()),
            keys: vec![SignatoryKey::Title],
        });
        assert_eq!(
            w.message,
            "le signataire du partenaire `ville` n’a pas de `title`"
        );
        assert!(w
            .help
            .unwrap()
            .starts_with("ajoutez à ce `signatory` le `title`"));
        let w = words(&Found::NoSchedule {
            missing: vec![ScheduleItem::Start, ScheduleItem::End],
        });
        assert_eq!(w.help, None);
        let w = words(&Found::FundsLack {
            keys: vec![FundsKey::Holder, FundsKey::Justification],
        });
        assert!(w.help.unwrap().starts_with("ajoutez à [funds] `holder`"));
    }
}
