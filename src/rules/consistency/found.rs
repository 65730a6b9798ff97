//! What the rules of this family find, as data: one variant per kind of
//! finding, with the values it found. The sentences are written by the
//! catalogue of each language (`src/present/catalogue/<lang>/consistency.rs`).

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::model::Currency;
use crate::rules::Code;

/// A finding of this family, as data.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    /// K001: the convention ends on `end`, before it starts on `start`.
    PeriodInverted { start: Date, end: Date },
    /// K002: a milestone (its `id`, when written) is due before `start`.
    MilestoneBeforeStart {
        milestone: Option<String>,
        due: Date,
        start: Date,
    },
    /// K002: a milestone (its `id`, when written) is due after `end`.
    MilestoneAfterEnd {
        milestone: Option<String>,
        due: Date,
        end: Date,
    },
    /// K002: a disbursement or an audit is dated before `start`.
    DatedBeforeStart {
        what: Dated,
        date: Date,
        start: Date,
    },
    /// K002: a disbursement or an audit is dated more than `grace_days`
    /// after `end`.
    DatedLongAfterEnd {
        what: Dated,
        date: Date,
        end: Date,
        grace_days: u32,
    },
    /// K003: the financial contributions add up to `total`, not `budget`.
    ContributionsOffBudget {
        total: Decimal,
        budget: Decimal,
        currency: Option<Currency>,
    },
    /// K003: the budget lines add up to `total`, not `budget`.
    LinesOffBudget {
        total: Decimal,
        budget: Decimal,
        currency: Option<Currency>,
    },
    /// K004: `party` pays out `paid` in disbursements, more than the
    /// `committed` financial contributions (reported at the disbursement
    /// from which the running total goes over).
    OverDisbursed {
        party: String,
        paid: Decimal,
        committed: Decimal,
        currency: Option<Currency>,
    },
    /// K005: `party` has no `[[role]]`.
    PartyWithoutRole { party: String },
    /// K006: an objective (its `id`, when written) has no `indicators`.
    ObjectiveWithoutIndicator { objective: Option<String> },
    /// K007: a report (its `id`, when written) has none of `due`, `every`,
    /// `after_end_days`.
    ReportWithoutDue { report: Option<String> },
    /// K007: a report (its `id`, when written) has several of them: the
    /// keys written, in file order.
    ReportDueManyWays {
        report: Option<String>,
        keys: Vec<&'static str>,
    },
    /// K008: `[audit]` has no `dates`.
    AuditWithoutDates,
    /// K009: the termination clause of a gestion convention lacks these
    /// keys (among `assets`, `staff`, `surplus`, `deficit`).
    GestionDispositionsMissing { missing: Vec<&'static str> },
    /// K009: the termination clause gives none of `assets`, `surplus`,
    /// `deficit`.
    NoDisposition,
    /// K010: `rule = "qualified_majority"` without `threshold`.
    ThresholdMissing,
    /// K011: no role has `coordinator = true`.
    NoCoordinator,
    /// K012: `parties` sign on paper, and only `copies` originals are made.
    TooFewOriginals { parties: usize, copies: i64 },
    /// K013: a text still holds `placeholder` (as written in the file).
    PlaceholderLeft { placeholder: String },
    /// K014: a waiver of the rule `rule` (`name`) suppresses nothing.
    UnusedWaiver {
        rule: Code,
        name: &'static str,
        why: Unused,
    },
}

/// What K002 found dated outside the period.
#[derive(Clone, Debug, PartialEq)]
pub enum Dated {
    /// A disbursement, from this party when written.
    Disbursement { from: Option<String> },
    /// One of the `[audit]` dates.
    Audit,
}

/// Why a waiver suppresses nothing (K014).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unused {
    /// The rule it waives is turned off.
    RuleOff,
    /// The rule it waives did not fire.
    DidNotFire,
}
