//! What the rules of this family find, as data: one variant per kind of
//! finding, with the values it found. The sentences are written by the
//! catalogue of each language (`src/present/catalogue/<lang>/governance.rs`).

use rust_decimal::Decimal;

/// A finding of this family, as data.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    /// G001: the partnership officer is the representative of their own
    /// party (`title`: the representative's, when given).
    OfficerIsRepresentative {
        officer: String,
        party: String,
        title: Option<String>,
    },
    /// G002: one party holds enough of the votes of the decision body
    /// (`body`, when named) to decide alone under `rule`.
    DominantVotes {
        party: String,
        votes: Decimal,
        total: Decimal,
        body: Option<String>,
        rule: MajorityRule,
    },
    /// G002: one party holds more than half of the voting seats on the
    /// board.
    DominantSeats {
        party: String,
        seats: Decimal,
        total: Decimal,
    },
    /// G003: the signatory of a private or civil-society party (its `id`,
    /// when given) is not its representative and has no `mandate`.
    SignatoryNotRepresentative {
        party: Option<String>,
        signatory: String,
        representative: String,
    },
    /// G004: `minutes = false` (the decision body, when named).
    MinutesFalse { body: Option<String> },
    /// G004: `[decision]` does not say that minutes are kept.
    NoMinutes,
    /// G005: every contribution made by a party comes from this party.
    SingleContributor { party: String },
    /// G006: women hold fewer than 40% of the party seats on the board.
    FewWomen { women: usize, seats: usize },
    /// G007: a gestion convention without `[communication]`.
    NoCommunicationPlan,
    /// G008: `[decision]` has no `conflicts`.
    NoConflictResolution,
    /// G009: there is no `[officer]`.
    NoOfficer,
    /// G010: the signatory of a public party (its `id`, when given; the
    /// signatory's `name`, when given) has no `mandate`.
    PublicSignatoryWithoutMandate {
        party: Option<String>,
        signatory: Option<String>,
    },
}

/// G002: the rule by which one party decides alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MajorityRule {
    /// `rule = "majority"`: more than half of the votes.
    Majority,
    /// `rule = "qualified_majority"`, with its `threshold` (a share, 0.66).
    QualifiedMajority { threshold: Decimal },
}
