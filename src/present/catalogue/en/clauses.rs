//! The words of the clauses rules' findings.

use crate::diagnostic::Words;
use crate::present::catalogue::list;
use crate::rules::clauses::{
    AuditItem, DecisionKey, Found, FundsKey, GovernanceKey, PartyRef, ScheduleItem, SignatoryKey,
    TerminationKey,
};

pub(super) fn words(found: &Found) -> Words {
    match found {
        Found::NoTitle => Words::new("the convention has no title"),
        Found::NoParty => {
            Words::new("the convention has no party: a partnership needs at least two")
        }
        Found::OneParty { party } => {
            let who = party
                .as_ref()
                .map(|p| format!(" (`{p}`)"))
                .unwrap_or_default();
            Words::new(format!(
                "the convention has only one party{who}: a partnership needs at least two"
            ))
            .help("add the other partners, each as its own [[party]]")
        }
        Found::NoPurposeNorObjective => {
            Words::new("the convention has no `purpose` and no [[objective]]")
        }
        Found::NoPurpose => {
            Words::new("the convention has no `purpose`: say what the partnership is for")
                .help("add `purpose = \"…\"` to [convention]: the object of the partnership")
        }
        Found::NoObjective => Words::new("the convention has no [[objective]]")
            .help("add at least one [[objective]] with `id`, `text` and its indicators"),
        Found::NoSchedule { missing } => match missing.as_slice() {
            [one] => Words::new(format!("the convention has no {}", schedule_item(*one)))
                .help(schedule_help(*one)),
            many => {
                let parts: Vec<String> = many
                    .iter()
                    .map(|m| format!("no {}", schedule_item(*m)))
                    .collect();
                Words::new(format!("the convention has {}", list(&parts, "and")))
            }
        },
        Found::NoDecisionTable => Words::new(
            "the convention has no [decision] table: who decides, and how, is not said",
        ),
        Found::DecisionLacks { keys } => lacks(
            "decision",
            keys,
            DecisionKey::key,
            "",
            |k| match k {
                DecisionKey::Body => "add `body = \"…\"` to [decision]: the body that takes decisions (e.g. \"Comité de pilotage\")",
                DecisionKey::Rule => "add `rule` to [decision]: \"consensus\", \"majority\", \"qualified_majority\" or \"unanimity\"",
            },
            None,
        ),
        Found::NoFundsTable => Words::new(
            "the convention has no [funds] table: its budget and how the money is managed are not said",
        ),
        Found::NoBudget => Words::new("[funds] has no `budget`").help(
            "add `budget` to [funds]: the financial budget, or `budget = 0` when no money changes hands",
        ),
        Found::NoGrantFromAParty => Words::new(
            "[funds] has no contribution from a party: the grant of a subvention is not said",
        )
        .help(
            "add a [[funds.contribution]] with `party` (the funder), `kind`, `amount` and `to` (the beneficiary)",
        ),
        Found::FundsLack { keys } => lacks(
            "funds",
            keys,
            FundsKey::key,
            ": required when the budget is above 0",
            |k| match k {
                FundsKey::Holder => "add `holder` to [funds]: the id of the party that manages the funds, or \"each\" when every party manages its own share",
                FundsKey::Justification => "add `justification` to [funds]: which supporting documents are produced, to whom and how often",
            },
            Some("add `holder` (the party that manages the funds, or \"each\") and `justification` (which supporting documents, to whom, how often) to [funds]"),
        ),
        Found::NoRole => {
            Words::new("the convention has no [[role]]: what each partner does is not said")
        }
        Found::NoAuditTable => Words::new(
            "the convention has no [audit] table: how the partnership is evaluated and its money controlled is not said",
        ),
        Found::AuditLacks { missing } => {
            let parts: Vec<String> = missing
                .iter()
                .map(|m| {
                    match m {
                        AuditItem::Evaluation => "no `evaluation`",
                        AuditItem::ExpenseControl => "no `expense_control`",
                        AuditItem::FinancialAudit => "no `financial_audit`",
                        AuditItem::ExpenseControlOrFinancialAudit => {
                            "neither `expense_control` nor `financial_audit`"
                        }
                    }
                    .to_string()
                })
                .collect();
            let mut message = format!("[audit] has {}", list(&parts, "and"));
            if missing
                .iter()
                .any(|m| matches!(m, AuditItem::ExpenseControl | AuditItem::FinancialAudit))
            {
                message.push_str(
                    ": a gestion convention needs both an expense control and a financial audit",
                );
            }
            Words::new(message)
        }
        Found::NoTerminationTable => Words::new(
            "the convention has no [termination] table: how a partner can end the agreement is not said",
        ),
        Found::TerminationLacks { keys } => lacks(
            "termination",
            keys,
            TerminationKey::key,
            "",
            |k| match k {
                TerminationKey::NoticeDays => "add `notice_days` to [termination]: the days of notice a partner gives before the agreement ends (e.g. `notice_days = 60`)",
                TerminationKey::Grounds => "add `grounds` to [termination]: the reasons for which the agreement can be ended (e.g. `grounds = [\"Accord des parties\"]`)",
            },
            None,
        ),
        Found::NoSignatory { party } => {
            Words::new(format!("{} has no signatory", party_label(party)))
        }
        Found::SignatoryLacks { party, keys } => {
            let names: Vec<&str> = keys.iter().map(|k| k.key()).collect();
            let words = Words::new(format!(
                "the signatory of {} has {}",
                party_label(party),
                no_keys(&names)
            ));
            match keys.as_slice() {
                [SignatoryKey::Name] => {
                    words.help("add the `name` of the person who signs to this `signatory`")
                }
                [SignatoryKey::Title] => words.help(
                    "add the `title` of the signatory to this `signatory`: the capacity in which they sign (e.g. \"Présidente\", \"Adjointe à la culture\")",
                ),
                _ => words,
            }
        }
        Found::NoLegalFramework => Words::new(
            "the convention has no `legal_framework`: the legal basis of the joint management is not cited",
        ),
        Found::NoGovernanceTable => Words::new(
            "the convention has no [governance] table: its board, officers, deliberations and management are not said",
        ),
        Found::GovernanceLacks { keys } => lacks(
            "governance",
            keys,
            GovernanceKey::key,
            "",
            |k| match k {
                GovernanceKey::Board => "add `board` to [governance]: its seats, party by party (e.g. `{ party = \"ville\", seats = 3 }`)",
                GovernanceKey::Officers => "add `officers` to [governance]: who presides, who keeps the accounts, how they are chosen",
                GovernanceKey::Deliberations => "add `deliberations` to [governance]: how the board meets, its quorum and majority",
                GovernanceKey::Management => "add `management` to [governance]: who runs the facility or programme between board meetings",
            },
            None,
        ),
        Found::NoActionPlanTable => {
            Words::new("the convention has no action plan: there is no [governance] table")
        }
        Found::NoActionPlan => Words::new("[governance] has no `action_plan`"),
        Found::NoReport => Words::new(
            "the convention plans no [[report]]: who reports what to whom, and when, is not said",
        ),
        Found::NoRepaymentClause { funders } => {
            let who: Vec<String> = funders.iter().map(|f| format!("`{f}`")).collect();
            Words::new(format!(
                "no [[clause]] of kind `repayment`: what becomes of the money of {} if it is unspent or not used as agreed is not said",
                list(&who, "and")
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
        ScheduleItem::Start => "add `start` to [convention], the date the partnership begins (e.g. `start = 2026-02-01`)",
        ScheduleItem::End => "add `end` to [convention], the date the partnership ends (e.g. `end = 2026-11-30`)",
        ScheduleItem::Milestone => "add at least one [[milestone]] with `id`, `title` and `due`",
    }
}

/// The keys a table lacks: `[name] has no `a` and no `b``, then `why`;
/// the help of the key when it alone is missing, else `several` (`None`:
/// the rule's default).
fn lacks<K: Copy>(
    table: &str,
    keys: &[K],
    key: fn(K) -> &'static str,
    why: &str,
    help: fn(K) -> &'static str,
    several: Option<&str>,
) -> Words {
    let names: Vec<&str> = keys.iter().map(|k| key(*k)).collect();
    let words = Words::new(format!("[{table}] has {}{why}", no_keys(&names)));
    match (keys, several) {
        ([one], _) => words.help(help(*one)),
        (_, Some(h)) => words.help(h),
        (_, None) => words,
    }
}

/// How a finding names a party: party `id`, party "name", party #2.
fn party_label(party: &PartyRef) -> String {
    match party {
        PartyRef::Id(id) => format!("party `{id}`"),
        PartyRef::Name(name) => format!("party \"{name}\""),
        PartyRef::Number(n) => format!("party #{n}"),
    }
}

/// What is missing: "no `a`, no `b` and no `c`".
fn no_keys(keys: &[&str]) -> String {
    let parts: Vec<String> = keys.iter().map(|k| format!("no `{k}`")).collect();
    list(&parts, "and")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_as_english() {
        assert_eq!(no_keys(&[]), "");
        assert_eq!(no_keys(&["body"]), "no `body`");
        assert_eq!(no_keys(&["body", "rule"]), "no `body` and no `rule`");
        assert_eq!(
            no_keys(&["board", "officers", "management"]),
            "no `board`, no `officers` and no `management`"
        );
    }

    #[test]
    fn a_lone_missing_key_has_its_own_help() {
        let one = words(&Found::DecisionLacks {
            keys: vec![DecisionKey::Rule],
        });
        assert_eq!(one.message, "[decision] has no `rule`");
        assert!(one.help.unwrap().starts_with("add `rule` to [decision]"));
        let both = words(&Found::DecisionLacks {
            keys: vec![DecisionKey::Body, DecisionKey::Rule],
        });
        assert_eq!(both.message, "[decision] has no `body` and no `rule`");
        assert_eq!(both.help, None);
    }

    #[test]
    fn a_gestion_audit_says_why_both_are_needed() {
        let w = words(&Found::AuditLacks {
            missing: vec![AuditItem::Evaluation, AuditItem::FinancialAudit],
        });
        assert_eq!(
            w.message,
            "[audit] has no `evaluation` and no `financial_audit`: a gestion convention needs both an expense control and a financial audit"
        );
        let w = words(&Found::AuditLacks {
            missing: vec![AuditItem::ExpenseControlOrFinancialAudit],
        });
        assert_eq!(
            w.message,
            "[audit] has neither `expense_control` nor `financial_audit`"
        );
    }
}
