//! C — required clauses: the articles every partnership convention carries.

use crate::diagnostic::Finding;
use crate::model::Field;
use crate::rules::{Context, Rule, RuleMeta};
use crate::source::Span;

mod found;
pub use found::Found;

pub mod c001_missing_title;
pub mod c002_too_few_parties;
pub mod c003_missing_objectives;
pub mod c004_missing_schedule;
pub mod c005_missing_decision_process;
pub mod c006_missing_fund_management;
pub mod c007_missing_roles;
pub mod c008_missing_audit;
pub mod c009_missing_termination;
pub mod c010_missing_signatory;
pub mod c011_missing_legal_framework;
pub mod c012_missing_governance;
pub mod c013_missing_action_plan;
pub mod c014_missing_reporting;
pub mod c015_missing_repayment;

/// The family's rules, in code order.
pub static RULES: &[&dyn Rule] = &[
    &c001_missing_title::MissingTitle,
    &c002_too_few_parties::TooFewParties,
    &c003_missing_objectives::MissingObjectives,
    &c004_missing_schedule::MissingSchedule,
    &c005_missing_decision_process::MissingDecisionProcess,
    &c006_missing_fund_management::MissingFundManagement,
    &c007_missing_roles::MissingRoles,
    &c008_missing_audit::MissingAudit,
    &c009_missing_termination::MissingTermination,
    &c010_missing_signatory::MissingSignatory,
    &c011_missing_legal_framework::MissingLegalFramework,
    &c012_missing_governance::MissingGovernance,
    &c013_missing_action_plan::MissingActionPlan,
    &c014_missing_reporting::MissingReporting,
    &c015_missing_repayment::MissingRepayment,
];

/// Joins phrases for a message: "a", "a and b", "a, b and c".
pub(crate) fn join_and(parts: &[String]) -> String {
    match parts.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// What is missing, for a message: "no `a`, no `b` and no `c`".
pub(crate) fn no_keys(keys: &[&str]) -> String {
    let parts: Vec<String> = keys.iter().map(|k| format!("no `{k}`")).collect();
    join_and(&parts)
}

/// The clause's table, when present and valid. Absent: `absent` is reported
/// (at the `[convention]` header); invalid: silence, S003 reports it.
pub(crate) fn table<'a, T>(
    field: &'a Field<T>,
    meta: &'static RuleMeta,
    cx: &Context<'_>,
    absent: (&str, &str),
    out: &mut Vec<Finding>,
) -> Option<&'a T> {
    if field.is_absent() {
        out.push(
            meta.finding(field.span_or(cx.header()), absent.0)
                .with_fr(absent.1, None),
        );
    }
    field.get()
}

/// `n’a pas de `a``, `n’a ni `a` ni `b``, `n’a ni `a`, ni `b` ni `c``.
pub(crate) fn fr_no_keys(keys: &[&str]) -> String {
    match keys {
        [] => String::new(),
        [one] => format!("n\u{2019}a pas de `{one}`"),
        _ => {
            let quoted: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
            let quoted: Vec<&str> = quoted.iter().map(String::as_str).collect();
            format!("n\u{2019}a {}", fr_ni(&quoted))
        }
    }
}

/// `ni a ni b`, `ni a, ni b ni c`.
pub(crate) fn fr_ni(parts: &[&str]) -> String {
    match parts.split_last() {
        None => String::new(),
        Some((last, [])) => format!("ni {last}"),
        Some((last, rest)) => format!("ni {} ni {last}", rest.join(", ni ")),
    }
}

/// A required key of a present table.
pub(crate) struct Required {
    pub key: &'static str,
    pub missing: bool,
    /// Where it is written (empty), if it is.
    pub span: Option<Span>,
    /// The help line when it alone is missing.
    pub help: &'static str,
}

impl Required {
    pub fn of<T>(key: &'static str, field: &Field<T>, help: &'static str) -> Self {
        Required {
            key,
            missing: field.is_absent(),
            span: field.span(),
            help,
        }
    }
}

/// One finding for the keys of `[name]` that are missing, or none. A lone
/// missing key written empty (`body = ""`) is pointed at, with its own help;
/// several are reported at the table, with `help`.
pub(crate) fn missing_keys(
    meta: &'static RuleMeta,
    name: &str,
    table_span: Span,
    keys: &[Required],
    help: &'static str,
    why: (&str, &str),
) -> Option<Finding> {
    let missing: Vec<&Required> = keys.iter().filter(|k| k.missing).collect();
    let (span, help) = match missing.as_slice() {
        [] => return None,
        [one] => (one.span.unwrap_or(table_span), one.help),
        _ => (table_span, help),
    };
    let names: Vec<&str> = missing.iter().map(|k| k.key).collect();
    Some(
        meta.finding(span, format!("[{name}] has {}{}", no_keys(&names), why.0))
            .with_help(help)
            .with_fr(format!("[{name}] {}{}", fr_no_keys(&names), why.1), None),
    )
}

#[cfg(test)]
mod tests {
    use super::no_keys;

    #[test]
    fn lists_read_as_french() {
        use super::fr_no_keys;
        assert_eq!(fr_no_keys(&["body"]), "n\u{2019}a pas de `body`");
        assert_eq!(
            fr_no_keys(&["body", "rule"]),
            "n\u{2019}a ni `body` ni `rule`"
        );
        assert_eq!(
            fr_no_keys(&["board", "officers", "management"]),
            "n\u{2019}a ni `board`, ni `officers` ni `management`"
        );
    }

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
}
