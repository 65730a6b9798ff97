//! The typed convention: every table and key of FORMAT.md, each value with
//! its source span. Built from the value tree by [`crate::decode`].

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::source::Span;

/// A value with the span of its source text.
#[derive(Clone, Debug, PartialEq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

/// A key of the format: absent, present but empty (counts as absent),
/// present but invalid (already reported as S003), or a valid value.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Field<T> {
    #[default]
    Absent,
    Empty(Span),
    Invalid(Span),
    Ok(Spanned<T>),
}

impl<T> Field<T> {
    pub fn get(&self) -> Option<&T> {
        match self {
            Field::Ok(s) => Some(&s.value),
            _ => None,
        }
    }
    pub fn spanned(&self) -> Option<&Spanned<T>> {
        match self {
            Field::Ok(s) => Some(s),
            _ => None,
        }
    }
    /// Absent or empty: what the C and S006 rules report.
    pub fn is_absent(&self) -> bool {
        matches!(self, Field::Absent | Field::Empty(_))
    }
    pub fn is_invalid(&self) -> bool {
        matches!(self, Field::Invalid(_))
    }
    pub fn is_present(&self) -> bool {
        matches!(self, Field::Ok(_))
    }
    /// The span of the value, when the key is written at all.
    pub fn span(&self) -> Option<Span> {
        match self {
            Field::Absent => None,
            Field::Empty(s) | Field::Invalid(s) => Some(*s),
            Field::Ok(v) => Some(v.span),
        }
    }
    pub fn span_or(&self, fallback: Span) -> Span {
        self.span().unwrap_or(fallback)
    }
}

/// A valid value with no source position, for unit tests.
#[cfg(test)]
pub(crate) fn test_ok<T>(value: T) -> Field<T> {
    Field::Ok(Spanned {
        value,
        span: Span::default(),
    })
}

impl<T> Field<Vec<T>> {
    /// The items, or nothing when absent or invalid.
    pub fn items(&self) -> &[T] {
        match self {
            Field::Ok(s) => &s.value,
            _ => &[],
        }
    }
}

/// A closed set of string values.
pub trait Choice: Sized + Copy + 'static {
    const VALUES: &'static [(&'static str, Self)];
}

macro_rules! choice {
    ($(#[$m:meta])* $name:ident { $($var:ident = $s:literal),* $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($var),* }
        impl Choice for $name {
            const VALUES: &'static [(&'static str, Self)] = &[$(($s, Self::$var)),*];
        }
        impl $name {
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$var => $s),* }
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

choice!(Kind { Realisation = "realisation", Gestion = "gestion", Protocole = "protocole", Subvention = "subvention" });
choice!(Lang { Fr = "fr", En = "en" });
choice!(Status { Draft = "draft", Signed = "signed", Active = "active", Closed = "closed", Terminated = "terminated" });
choice!(Renewal { None = "none", Tacit = "tacit", Explicit = "explicit" });
choice!(Signing { Paper = "paper", Electronic = "electronic" });
choice!(Sector { Public = "public", Private = "private", CivilSociety = "civil_society" });
choice!(Gender { F = "f", M = "m", X = "x" });
choice!(Direction { Increase = "increase", Decrease = "decrease" });
choice!(MilestoneKind { Activity = "activity", Administrative = "administrative", Report = "report", Evaluation = "evaluation" });
choice!(DecisionRule { Consensus = "consensus", Majority = "majority", QualifiedMajority = "qualified_majority", Unanimity = "unanimity" });
choice!(ContributionKind { Financial = "financial", InKind = "in_kind", Service = "service", Staff = "staff" });
choice!(ContributionStatus { Granted = "granted", Requested = "requested" });
choice!(ReportKind { Activity = "activity", Financial = "financial", Final = "final" });
choice!(Every { Monthly = "monthly", Quarterly = "quarterly", Semiannual = "semiannual", Annual = "annual" });
choice!(Anchor { Start = "start", Calendar = "calendar" });
choice!(PartyForm { Association = "association", Foundation = "foundation", Cooperative = "cooperative", Mutual = "mutual", Company = "company", PublicBody = "public_body", Other = "other" });
choice!(Allocation { Project = "project", Operating = "operating" });
choice!(ClauseKind {
    Other = "other",
    IntellectualProperty = "intellectual_property",
    DataProtection = "data_protection",
    Confidentiality = "confidentiality",
    Insurance = "insurance",
    Liability = "liability",
    Publicity = "publicity",
    ForceMajeure = "force_majeure",
    Control = "control",
    Repayment = "repayment",
    RepublicanCommitment = "republican_commitment",
    AmendmentProcedure = "amendment_procedure",
    EntryIntoForce = "entry_into_force",
});

impl Kind {
    pub const ALL: [Kind; 4] = [
        Kind::Realisation,
        Kind::Gestion,
        Kind::Protocole,
        Kind::Subvention,
    ];
    pub fn index(self) -> usize {
        self as usize
    }
}

/// An ISO 4217 currency and its minor unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Currency {
    /// The ISO 4217 code, current or historic.
    pub code: &'static str,
    pub minor_unit: u32,
}

impl Currency {
    pub fn code(&self) -> &'static str {
        self.code
    }
}

/// A number or a text (indicator targets and measured values).
#[derive(Clone, Debug, PartialEq)]
pub enum Quantity {
    Number(Decimal),
    Text(String),
}

pub type Text = Field<String>;
pub type TextList = Field<Vec<Spanned<String>>>;
/// A table of id -> value (`tracking.milestones`, `tracking.reports`, `decision.votes`).
pub type IdMap<T> = Field<Vec<(Spanned<String>, T)>>;

/// The whole convention file.
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// The span of the `[convention]` header (where absent things are reported).
    pub header: Span,
    pub convention: Convention,
    pub parties: Field<Vec<Party>>,
    pub objectives: Field<Vec<Objective>>,
    pub milestones: Field<Vec<Milestone>>,
    pub decision: Field<Decision>,
    pub funds: Field<Funds>,
    pub roles: Field<Vec<Role>>,
    pub officer: Field<Officer>,
    pub reports: Field<Vec<Report>>,
    pub audit: Field<Audit>,
    pub termination: Field<Termination>,
    pub governance: Field<Governance>,
    pub communication: Field<Communication>,
    pub clauses: Field<Vec<Clause>>,
    pub annexes: Field<Vec<Annex>>,
    pub amendments: Field<Vec<Amendment>>,
    pub signatures: Field<Vec<Signature>>,
    pub waivers: Field<Vec<Waiver>>,
    pub tracking: Field<Tracking>,
}

#[derive(Clone, Debug, Default)]
pub struct Convention {
    pub id: Text,
    pub title: Text,
    pub kind: Field<Kind>,
    /// ISO 3166-1 alpha-2 (revision 1.1); the workspace default is applied by the check.
    pub jurisdiction: Text,
    pub lang: Field<Lang>,
    pub status: Field<Status>,
    pub terminated_on: Field<Date>,
    pub start: Field<Date>,
    pub end: Field<Date>,
    pub renewal: Field<Renewal>,
    pub renewal_months: Field<i64>,
    pub renewal_notice_days: Field<i64>,
    pub place: Text,
    pub signing: Field<Signing>,
    pub copies: Field<i64>,
    pub currency: Field<Currency>,
    pub purpose: Text,
    pub preamble: Text,
    pub legal_framework: Text,
}

impl Convention {
    pub fn kind(&self) -> Kind {
        self.kind.get().copied().unwrap_or(Kind::Realisation)
    }
    pub fn lang(&self) -> Lang {
        self.lang.get().copied().unwrap_or(Lang::Fr)
    }
    pub fn status(&self) -> Status {
        self.status.get().copied().unwrap_or(Status::Draft)
    }
    pub fn renewal(&self) -> Renewal {
        self.renewal.get().copied().unwrap_or(Renewal::None)
    }
    /// The jurisdiction that applies: this convention's, else the
    /// workspace's; none when the convention's is invalid (S003).
    pub fn jurisdiction_or<'a>(&'a self, workspace: Option<&'a str>) -> Option<&'a str> {
        match &self.jurisdiction {
            Field::Ok(j) => Some(j.value.as_str()),
            Field::Invalid(_) => None,
            Field::Absent | Field::Empty(_) => workspace,
        }
    }
    pub fn signing(&self) -> Signing {
        self.signing.get().copied().unwrap_or(Signing::Paper)
    }
}

#[derive(Clone, Debug, Default)]
pub struct Party {
    pub span: Span,
    pub id: Text,
    pub name: Text,
    pub designation: Text,
    pub form: Field<PartyForm>,
    pub sector: Field<Sector>,
    pub legal_form: Text,
    pub registration: Text,
    pub address: Text,
    pub representative: Field<Person>,
    pub signatory: Field<Signatory>,
    pub contact: Field<Contact>,
}

#[derive(Clone, Debug, Default)]
pub struct Person {
    pub span: Span,
    pub name: Text,
    pub title: Text,
    pub gender: Field<Gender>,
}

#[derive(Clone, Debug, Default)]
pub struct Signatory {
    pub span: Span,
    pub name: Text,
    pub title: Text,
    pub mandate: Text,
}

#[derive(Clone, Debug, Default)]
pub struct Contact {
    pub span: Span,
    pub name: Text,
    pub email: Text,
}

#[derive(Clone, Debug, Default)]
pub struct Objective {
    pub span: Span,
    pub id: Text,
    pub text: Text,
    pub target_public: Text,
    pub indicators: Field<Vec<Indicator>>,
}

#[derive(Clone, Debug, Default)]
pub struct Indicator {
    pub span: Span,
    pub name: Text,
    pub target: Field<Quantity>,
    pub unit: Text,
    pub baseline: Field<Decimal>,
    pub direction: Field<Direction>,
}

#[derive(Clone, Debug, Default)]
pub struct Milestone {
    pub span: Span,
    pub id: Text,
    pub title: Text,
    pub due: Field<Date>,
    pub kind: Field<MilestoneKind>,
    pub owner: Text,
}

#[derive(Clone, Debug, Default)]
pub struct Decision {
    pub span: Span,
    pub body: Text,
    pub members: TextList,
    /// Party id -> weight.
    pub votes: IdMap<Field<Decimal>>,
    pub rule: Field<DecisionRule>,
    pub threshold: Field<Decimal>,
    pub quorum: Field<Decimal>,
    pub meetings: Text,
    pub conflicts: Text,
    pub minutes: Field<bool>,
}

#[derive(Clone, Debug, Default)]
pub struct Funds {
    pub span: Span,
    pub budget: Field<Decimal>,
    pub holder: Text,
    pub account: Text,
    pub justification: Text,
    pub conditions: Text,
    pub contributions: Field<Vec<Contribution>>,
    pub disbursements: Field<Vec<Disbursement>>,
    pub lines: Field<Vec<BudgetLine>>,
}

#[derive(Clone, Debug, Default)]
pub struct Contribution {
    pub span: Span,
    pub party: Text,
    pub source: Text,
    pub kind: Field<ContributionKind>,
    pub amount: Field<Decimal>,
    pub status: Field<ContributionStatus>,
    pub to: Text,
    pub year: Field<i64>,
    pub allocation: Field<Allocation>,
    pub eu_notified: Field<bool>,
    pub description: Text,
}

#[derive(Clone, Debug, Default)]
pub struct Disbursement {
    pub span: Span,
    pub date: Field<Date>,
    pub amount: Field<Decimal>,
    pub from: Text,
    pub condition: Text,
    pub after: Text,
}

#[derive(Clone, Debug, Default)]
pub struct BudgetLine {
    pub span: Span,
    pub label: Text,
    pub amount: Field<Decimal>,
}

#[derive(Clone, Debug, Default)]
pub struct Role {
    pub span: Span,
    pub party: Text,
    pub responsibilities: TextList,
    pub coordinator: Field<bool>,
}

#[derive(Clone, Debug, Default)]
pub struct Officer {
    pub span: Span,
    pub name: Text,
    pub party: Text,
    pub email: Text,
}

#[derive(Clone, Debug, Default)]
pub struct Report {
    pub span: Span,
    pub id: Text,
    pub kind: Field<ReportKind>,
    pub due: Field<Date>,
    pub every: Field<Every>,
    pub anchor: Field<Anchor>,
    pub delay_days: Field<i64>,
    pub after_end_days: Field<i64>,
    pub from: Text,
    pub to: TextList,
    pub also_to: TextList,
}

#[derive(Clone, Debug, Default)]
pub struct Audit {
    pub span: Span,
    pub evaluation: Text,
    pub dates: Field<Vec<Spanned<Date>>>,
    pub expense_control: Text,
    pub financial_audit: Text,
    pub auditor: Text,
}

#[derive(Clone, Debug, Default)]
pub struct Termination {
    pub span: Span,
    pub notice_days: Field<i64>,
    pub cure_days: Field<i64>,
    pub grounds: TextList,
    pub assets: Text,
    pub staff: Text,
    pub surplus: Text,
    pub deficit: Text,
    pub disputes: Text,
}

#[derive(Clone, Debug, Default)]
pub struct Governance {
    pub span: Span,
    pub board: Field<Vec<Seat>>,
    pub officers: Text,
    pub deliberations: Text,
    pub management: Text,
    pub action_plan: Text,
}

#[derive(Clone, Debug, Default)]
pub struct Seat {
    pub span: Span,
    pub party: Text,
    pub label: Text,
    pub seats: Field<i64>,
    pub women: Field<i64>,
    pub voting: Field<bool>,
}

impl Seat {
    pub fn voting(&self) -> bool {
        self.voting.get().copied().unwrap_or(true)
    }
}

#[derive(Clone, Debug, Default)]
pub struct Communication {
    pub span: Span,
    pub plan: Text,
}

#[derive(Clone, Debug, Default)]
pub struct Clause {
    pub span: Span,
    pub kind: Field<ClauseKind>,
    pub title: Text,
    pub text: Text,
}

#[derive(Clone, Debug, Default)]
pub struct Annex {
    pub span: Span,
    pub title: Text,
    pub reference: Text,
    pub sha256: Text,
}

#[derive(Clone, Debug, Default)]
pub struct Amendment {
    pub span: Span,
    pub id: Text,
    pub date: Field<Date>,
    pub summary: Text,
}

#[derive(Clone, Debug, Default)]
pub struct Signature {
    pub span: Span,
    pub party: Text,
    pub name: Text,
    pub date: Field<Date>,
    pub place: Text,
    pub amendment: Text,
    pub fingerprint: Text,
}

#[derive(Clone, Debug, Default)]
pub struct Waiver {
    pub span: Span,
    pub rule: Text,
    pub reason: Text,
}

#[derive(Clone, Debug, Default)]
pub struct Tracking {
    pub span: Span,
    pub milestones: IdMap<Field<Date>>,
    pub reports: IdMap<Field<Vec<Spanned<Date>>>>,
    /// Giver -> date it published the grant's essential data.
    pub published: IdMap<Field<Date>>,
    pub difficulties: Text,
    pub lessons: Text,
    pub expenses: Field<Vec<Expense>>,
    pub measures: Field<Vec<Measure>>,
    pub payments: Field<Vec<Payment>>,
}

/// Money actually received (`[[tracking.payment]]`, revision 1.1).
#[derive(Clone, Debug, Default)]
pub struct Payment {
    pub span: Span,
    pub date: Field<Date>,
    pub amount: Field<Decimal>,
    pub from: Text,
}

#[derive(Clone, Debug, Default)]
pub struct Expense {
    pub span: Span,
    pub date: Field<Date>,
    pub amount: Field<Decimal>,
    pub label: Text,
    pub line: Text,
}

#[derive(Clone, Debug, Default)]
pub struct Measure {
    pub span: Span,
    pub objective: Text,
    pub indicator: Text,
    pub value: Field<Quantity>,
    pub date: Field<Date>,
}

impl Clause {
    pub fn kind(&self) -> ClauseKind {
        self.kind.get().copied().unwrap_or(ClauseKind::Other)
    }
}

impl Document {
    /// The clause of this kind (at most one, S004).
    pub fn clause(&self, kind: ClauseKind) -> Option<&Clause> {
        self.clauses
            .items()
            .iter()
            .find(|c| c.kind.get() == Some(&kind))
    }
    /// Whether a clause of this kind is there, or may be: the list of
    /// clauses, or some clause's `kind`, is invalid (S003), so that a rule
    /// asking for that clause stays silent (one cause, one finding).
    pub fn may_have_clause(&self, kind: ClauseKind) -> bool {
        self.clauses.is_invalid()
            || self
                .clauses
                .items()
                .iter()
                .any(|c| c.kind.is_invalid() || c.kind.get() == Some(&kind))
    }
    /// The party with this id.
    pub fn party(&self, id: &str) -> Option<&Party> {
        self.parties
            .items()
            .iter()
            .find(|p| p.id.get().is_some_and(|i| i == id))
    }
    /// The tracked expenses that count as of `as_of`: a valid date on or
    /// before it and a valid amount (L006 and the execution report agree on it).
    pub fn expenses_as_of(&self, as_of: Date) -> impl Iterator<Item = (&Expense, Decimal)> {
        self.tracking
            .get()
            .map(|t| t.expenses.items())
            .unwrap_or_default()
            .iter()
            .filter(move |x| x.date.get().is_some_and(|d| *d <= as_of))
            .filter_map(|x| x.amount.get().map(|a| (x, *a)))
    }
    /// Ids of the parties, in file order (parties without a valid id skipped).
    pub fn party_ids(&self) -> impl Iterator<Item = &str> {
        self.parties
            .items()
            .iter()
            .filter_map(|p| p.id.get().map(String::as_str))
    }
}
