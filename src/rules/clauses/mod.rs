//! C — required clauses: the articles every partnership convention carries.

use crate::diagnostic::Finding;
use crate::model::Field;
use crate::rules::{Context, Rule, RuleMeta};
use crate::source::Span;

mod found;
pub use found::{
    AuditItem, DecisionKey, Found, FundsKey, GovernanceKey, PartyRef, ScheduleItem, SignatoryKey,
    TerminationKey,
};

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

/// The clause's table, when present and valid. Absent: `absent` is reported
/// (at the `[convention]` header); invalid: silence, S003 reports it.
pub(crate) fn table<'a, T>(
    field: &'a Field<T>,
    meta: &'static RuleMeta,
    cx: &Context<'_>,
    absent: Found,
    out: &mut Vec<Finding>,
) -> Option<&'a T> {
    if field.is_absent() {
        out.push(meta.found(field.span_or(cx.header()), absent));
    }
    field.get()
}

/// A required key of a present table.
pub(crate) struct Required<K> {
    pub key: K,
    pub missing: bool,
    /// Where it is written (empty), if it is.
    pub span: Option<Span>,
}

impl<K> Required<K> {
    pub fn of<T>(key: K, field: &Field<T>) -> Self {
        Required {
            key,
            missing: field.is_absent(),
            span: field.span(),
        }
    }
}

/// The keys of a present table that are missing, and where to report
/// them, or `None` when none is. A lone missing key written empty
/// (`body = ""`) is pointed at; several are reported at the table.
pub(crate) fn missing_keys<K: Copy>(
    table_span: Span,
    keys: &[Required<K>],
) -> Option<(Span, Vec<K>)> {
    let missing: Vec<&Required<K>> = keys.iter().filter(|k| k.missing).collect();
    let span = match missing.as_slice() {
        [] => return None,
        [one] => one.span.unwrap_or(table_span),
        _ => table_span,
    };
    Some((span, missing.iter().map(|k| k.key).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lone_missing_key_is_pointed_at_several_at_the_table() {
        let table = Span { start: 0, end: 10 };
        let at = Span { start: 4, end: 6 };
        let keys = [
            Required {
                key: 1,
                missing: true,
                span: Some(at),
            },
            Required {
                key: 2,
                missing: false,
                span: None,
            },
        ];
        assert_eq!(missing_keys(table, &keys), Some((at, vec![1])));
        let keys = [
            Required {
                key: 1,
                missing: true,
                span: Some(at),
            },
            Required {
                key: 2,
                missing: true,
                span: None,
            },
        ];
        assert_eq!(missing_keys(table, &keys), Some((table, vec![1, 2])));
        let keys = [Required {
            key: 1,
            missing: false,
            span: None,
        }];
        assert_eq!(missing_keys(table, &keys), None);
    }
}
