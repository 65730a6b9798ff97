//! What the rules of this family find, as data: one variant per kind of
//! finding, with the values it found. The sentences are written by the
//! catalogue of each language (`src/present/catalogue/<lang>/clauses.rs`).

/// A finding of this family, as data.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    /// C001: the convention has no `title`.
    NoTitle,
    /// C002: the convention names no party at all.
    NoParty,
    /// C002: the convention names a single party: its `id`, else its
    /// `name`, when it gives one.
    OneParty { party: Option<String> },
    /// C003: neither `purpose` nor any `[[objective]]`.
    NoPurposeNorObjective,
    /// C003: no `purpose` (there are objectives).
    NoPurpose,
    /// C003: no `[[objective]]` (there is a purpose).
    NoObjective,
    /// C004: what the schedule lacks, in the order of the format (never
    /// empty).
    NoSchedule { missing: Vec<ScheduleItem> },
    /// C005: there is no `[decision]` table.
    NoDecisionTable,
    /// C005: the keys `[decision]` lacks (never empty).
    DecisionLacks { keys: Vec<DecisionKey> },
    /// C006: there is no `[funds]` table.
    NoFundsTable,
    /// C006: `[funds]` has no `budget`.
    NoBudget,
    /// C006: a subvention whose `[funds]` has no contribution from a party.
    NoGrantFromAParty,
    /// C006: the keys `[funds]` lacks although its budget is above 0
    /// (never empty).
    FundsLack { keys: Vec<FundsKey> },
    /// C007: there is no `[[role]]`.
    NoRole,
    /// C008: there is no `[audit]` table.
    NoAuditTable,
    /// C008: what `[audit]` lacks (never empty).
    AuditLacks { missing: Vec<AuditItem> },
    /// C009: there is no `[termination]` table.
    NoTerminationTable,
    /// C009: the keys `[termination]` lacks (never empty).
    TerminationLacks { keys: Vec<TerminationKey> },
    /// C010: a party has no `signatory`.
    NoSignatory { party: PartyRef },
    /// C010: the keys a party's `signatory` lacks (never empty).
    SignatoryLacks {
        party: PartyRef,
        keys: Vec<SignatoryKey>,
    },
    /// C011: the convention has no `legal_framework`.
    NoLegalFramework,
    /// C012: there is no `[governance]` table.
    NoGovernanceTable,
    /// C012: the keys `[governance]` lacks (never empty).
    GovernanceLacks { keys: Vec<GovernanceKey> },
    /// C013: no action plan, as there is no `[governance]` table at all.
    NoActionPlanTable,
    /// C013: `[governance]` has no `action_plan`.
    NoActionPlan,
    /// C014: there is no `[[report]]`.
    NoReport,
    /// C015: no `[[clause]]` of kind `repayment`, while these parties make
    /// a financial contribution (their ids, in order of first contribution).
    NoRepaymentClause { funders: Vec<String> },
}

/// C004: a part of the schedule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScheduleItem {
    /// `convention.start`
    Start,
    /// `convention.end`
    End,
    /// at least one `[[milestone]]`
    Milestone,
}

/// C005: a required key of `[decision]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecisionKey {
    Body,
    Rule,
}

/// C006: a key of `[funds]` required when the budget is above 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FundsKey {
    Holder,
    Justification,
}

/// C008: what `[audit]` may lack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuditItem {
    /// `evaluation`
    Evaluation,
    /// `expense_control` (nor a `control` clause), in a gestion convention
    /// with a budget, which needs both an expense control and a financial
    /// audit.
    ExpenseControl,
    /// `financial_audit`, in a gestion convention with a budget, which
    /// needs both an expense control and a financial audit.
    FinancialAudit,
    /// neither `expense_control` (nor a `control` clause) nor
    /// `financial_audit`, where one of them is enough.
    ExpenseControlOrFinancialAudit,
}

/// C009: a required key of `[termination]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TerminationKey {
    NoticeDays,
    Grounds,
}

/// C010: a required key of a `signatory`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignatoryKey {
    Name,
    Title,
}

/// C012: a required key of `[governance]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GovernanceKey {
    Board,
    Officers,
    Deliberations,
    Management,
}

/// C010: how a party is named in a finding: its `id`, else its `name`,
/// else its place among the `[[party]]` (from 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PartyRef {
    Id(String),
    Name(String),
    Number(usize),
}

impl DecisionKey {
    /// The key as the format writes it.
    pub fn key(self) -> &'static str {
        match self {
            DecisionKey::Body => "body",
            DecisionKey::Rule => "rule",
        }
    }
}

impl FundsKey {
    /// The key as the format writes it.
    pub fn key(self) -> &'static str {
        match self {
            FundsKey::Holder => "holder",
            FundsKey::Justification => "justification",
        }
    }
}

impl TerminationKey {
    /// The key as the format writes it.
    pub fn key(self) -> &'static str {
        match self {
            TerminationKey::NoticeDays => "notice_days",
            TerminationKey::Grounds => "grounds",
        }
    }
}

impl SignatoryKey {
    /// The key as the format writes it.
    pub fn key(self) -> &'static str {
        match self {
            SignatoryKey::Name => "name",
            SignatoryKey::Title => "title",
        }
    }
}

impl GovernanceKey {
    /// The key as the format writes it.
    pub fn key(self) -> &'static str {
        match self {
            GovernanceKey::Board => "board",
            GovernanceKey::Officers => "officers",
            GovernanceKey::Deliberations => "deliberations",
            GovernanceKey::Management => "management",
        }
    }
}
