//! What the report keeps of one convention: built while its document is in
//! memory (the `analyze` closure of [`crate::check::check`]), so that the
//! documents themselves are dropped at once, even over 10,000 files.

use std::sync::Arc;

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::check::{Analysis, FileReport};
use crate::diagnostic::Level;
use crate::due::{self, DueItem, DueKind};
use crate::model::{
    ContributionKind, ContributionStatus, Currency, Direction, Document, Kind, Lang, Quantity,
    ReportKind, Sector, Status,
};
use crate::schedule::DueStatus;

/// How far ahead `upcoming` looks, in days.
pub const HORIZON_DAYS: i64 = 90;
/// The first bucket of upcoming deadlines ("next 30 days").
pub const NEAR_DAYS: i64 = 30;

/// Where a due date stands as of the report date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    /// Met on or before its due date.
    OnTime { on: Date },
    /// Met after its due date, `days` late.
    Late { on: Date, days: i64 },
    /// Not met, due before the as-of date, and reported by L001/L002.
    Overdue { days: i64 },
    /// Not met and due before the as-of date, but the convention's status
    /// makes it nobody's overdue (a draft; a milestone of a closed or
    /// terminated convention): L001/L002 say nothing.
    Lapsed { days: i64 },
    /// Due on or after the as-of date, not met yet.
    Pending { in_days: i64 },
    /// A `renewal_notice` or `expiry` whose date is before the as-of date.
    Passed { days: i64 },
}

impl State {
    pub fn key(&self) -> &'static str {
        match self {
            State::OnTime { .. } => "on_time",
            State::Late { .. } => "late",
            State::Overdue { .. } => "overdue",
            State::Lapsed { .. } => "lapsed",
            State::Pending { .. } => "pending",
            State::Passed { .. } => "passed",
        }
    }

    /// The state as CLI.md names it in `deadlines` and CSV: `met`,
    /// `met_late`, `overdue` (an item with an owner due before the as-of
    /// date and not met, whether or not a rule reports it), `pending`,
    /// `passed`.
    pub fn csv_key(&self) -> &'static str {
        match self {
            State::OnTime { .. } => "met",
            State::Late { .. } => "met_late",
            State::Overdue { .. } | State::Lapsed { .. } => "overdue",
            State::Pending { .. } => "pending",
            State::Passed { .. } => "passed",
        }
    }
}

/// Whether L001 (milestones), L002 (reports) or L008 (disbursements of a
/// party whose payments are followed) judges this item of a convention
/// with this status: exactly their conditions in RULES.md. The other kinds
/// are never findings.
pub fn overdue_applies(item: &DueItem, status: Status) -> bool {
    match item.kind {
        DueKind::Milestone => matches!(status, Status::Signed | Status::Active),
        DueKind::Report => matches!(status, Status::Signed | Status::Active | Status::Closed),
        DueKind::Disbursement => item.followed && matches!(status, Status::Signed | Status::Active),
        _ => false,
    }
}

/// Classifies one due item of a convention with `status`, as of `as_of`.
pub fn classify(item: &DueItem, status: Status, as_of: Date) -> State {
    match item.status {
        DueStatus::Met { on, late } => {
            if late {
                State::Late {
                    on,
                    days: due::days_between(item.due, on),
                }
            } else {
                State::OnTime { on }
            }
        }
        DueStatus::Overdue => {
            let days = due::days_between(item.due, as_of);
            if item.kind.is_term_date() {
                State::Passed { days }
            } else if overdue_applies(item, status) {
                State::Overdue { days }
            } else {
                State::Lapsed { days }
            }
        }
        DueStatus::Pending => State::Pending {
            in_days: due::days_between(as_of, item.due),
        },
    }
}

/// One milestone or report due date.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub kind: DueKind,
    pub id: String,
    pub occurrence: usize,
    /// The milestone's title.
    pub title: Option<String>,
    pub report_kind: Option<ReportKind>,
    /// A periodic report (`every`): its due dates are numbered.
    pub periodic: bool,
    pub period_start: Option<Date>,
    pub period_end: Option<Date>,
    pub due: Date,
    pub state: State,
    /// The party that owes it (its id), and its contact: shared by the
    /// entries of the convention that name the same party.
    pub owner: Option<Arc<str>>,
    pub contact: Option<Arc<due::ContactRef>>,
    /// A disbursement's amount.
    pub amount: Option<Decimal>,
    /// A disbursement waiting for this milestone or report.
    pub waiting_for: Option<String>,
}

impl Entry {
    pub fn is_overdue(&self) -> bool {
        matches!(self.state, State::Overdue { .. })
    }
    pub fn is_pending(&self) -> bool {
        matches!(self.state, State::Pending { in_days } if in_days >= 0)
            && self.waiting_for.is_none()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct PartyRef {
    pub id: String,
    pub name: String,
    pub sector: Option<Sector>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Contribution {
    /// The party's name, or the `source`.
    pub name: String,
    /// The party's sector; `None` for a `source` (not a party).
    pub sector: Option<Sector>,
    pub is_party: bool,
    pub kind: ContributionKind,
    pub amount: Option<Decimal>,
    pub status: ContributionStatus,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Disbursement {
    pub date: Option<Date>,
    pub amount: Option<Decimal>,
    /// The paying party's name (its id when unknown).
    pub from: Option<String>,
    pub condition: Option<String>,
    pub after: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub label: String,
    pub amount: Option<Decimal>,
    pub spent: Decimal,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Indicator {
    pub objective: String,
    pub name: String,
    pub unit: Option<String>,
    pub baseline: Option<Decimal>,
    pub target: Option<Quantity>,
    pub direction: Direction,
    /// The latest measure on or before the as-of date, and its date.
    pub measure: Option<(Quantity, Date)>,
}

impl Indicator {
    /// Progress from the baseline (0 when absent, for an increase) toward a
    /// numeric target, in percent (rounded to a whole number; may exceed 100
    /// or be negative). `None` for a text target or measure, when nothing
    /// is measured, or when it cannot be computed (target equal to the
    /// baseline; a decrease with no baseline).
    pub fn progress(&self) -> Option<Decimal> {
        let (Some(Quantity::Number(target)), Some((Quantity::Number(value), _))) =
            (&self.target, &self.measure)
        else {
            return None;
        };
        let baseline = match (self.baseline, self.direction) {
            (Some(b), _) => b,
            (None, Direction::Increase) => Decimal::ZERO,
            (None, Direction::Decrease) => return None,
        };
        let span = target.checked_sub(baseline)?;
        if span.is_zero() {
            return None;
        }
        let done = value.checked_sub(baseline)?;
        let pct = done.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(span)?;
        Some(pct.round_dp(0).normalize())
    }

    /// Whether the measure reaches a numeric target, in the indicator's
    /// direction.
    pub fn reached(&self) -> Option<bool> {
        match (&self.target, &self.measure) {
            (Some(Quantity::Number(t)), Some((Quantity::Number(v), _))) => {
                Some(match self.direction {
                    Direction::Increase => v >= t,
                    Direction::Decrease => v <= t,
                })
            }
            _ => None,
        }
    }
}

/// The execution data shown per convention in md and html.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Detail {
    pub disbursements: Vec<Disbursement>,
    pub lines: Vec<Line>,
    /// Expenses counted but on no known budget line.
    pub unassigned: Decimal,
    /// Number of expenses counted (dated on or before the as-of date).
    pub expenses: usize,
    pub indicators: Vec<Indicator>,
    pub difficulties: Option<String>,
    pub lessons: Option<String>,
}

/// What a summary keeps beyond the due items and the parties.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Keep {
    /// The signatures, contributions and money (every output but csv and
    /// ics, which write the due items only).
    pub money: bool,
    /// The execution data (md and html sections, `--financial`); only
    /// with `money`.
    pub detail: bool,
}

/// One convention as the report sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub file: String,
    pub id: Option<String>,
    pub title: Option<String>,
    pub kind: Kind,
    pub status: Status,
    pub lang: Lang,
    pub completeness: Option<f64>,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub currency: Option<Currency>,
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub budget: Option<Decimal>,
    /// Expenses dated on or before the as-of date.
    pub spent: Decimal,
    /// Every milestone and report due date, sorted by (due, kind, id, occurrence).
    pub entries: Vec<Entry>,
    pub parties: Vec<PartyRef>,
    pub contributions: Vec<Contribution>,
    pub detail: Option<Detail>,
    /// The parties whose latest signature carries the current terms.
    pub signed_by: Vec<String>,
    /// Money followed: per funder, in kind, shares spent and elapsed.
    pub money: super::money::Money,
}

impl Summary {
    /// What the check alone tells of a file that could not be decoded.
    pub fn from_report(report: &FileReport) -> Summary {
        Summary {
            file: report.path.clone(),
            id: report.id.clone(),
            title: report.title.clone(),
            kind: report.kind,
            status: report.status,
            lang: Lang::Fr,
            completeness: report.completeness,
            errors: report.count(Level::Error),
            warnings: report.count(Level::Warning),
            infos: report.count(Level::Info),
            currency: None,
            start: None,
            end: None,
            budget: None,
            spent: Decimal::ZERO,
            entries: Vec::new(),
            parties: Vec::new(),
            contributions: Vec::new(),
            detail: None,
            signed_by: Vec::new(),
            money: Default::default(),
        }
    }

    /// Builds the summary while the document is in memory; `keep` says what
    /// the output needs beyond the due items.
    pub fn build(a: &Analysis<'_>, as_of: Date, keep: Keep) -> Summary {
        let doc = a.doc;
        let c = &doc.convention;
        let mut s = Summary::from_report(a.report);
        s.lang = c.lang();
        s.currency = c.currency.get().copied();
        s.start = c.start.get().copied();
        s.end = c.end.get().copied();
        s.budget = doc.funds.get().and_then(|f| f.budget.get().copied());
        s.spent = doc.expenses_as_of(as_of).map(|(_, a)| a).sum();
        // The due dates the L rules judged, at the same as-of date.
        debug_assert_eq!(a.cx.as_of, as_of);
        // One copy of each owner and contact per convention.
        let mut owners: Vec<Arc<str>> = Vec::new();
        let mut contacts: Vec<Arc<due::ContactRef>> = Vec::new();
        let mut owner_of = |o: &Option<String>| -> Option<Arc<str>> {
            let o = o.as_deref()?;
            if let Some(a) = owners.iter().find(|a| &***a == o) {
                return Some(a.clone());
            }
            let a: Arc<str> = Arc::from(o);
            owners.push(a.clone());
            Some(a)
        };
        let mut contact_of = |c: &Option<due::ContactRef>| -> Option<Arc<due::ContactRef>> {
            let c = c.as_ref()?;
            if let Some(a) = contacts.iter().find(|a| ***a == *c) {
                return Some(a.clone());
            }
            let a = Arc::new(c.clone());
            contacts.push(a.clone());
            Some(a)
        };
        s.entries =
            a.cx.due_items()
                .iter()
                .map(|i| Entry {
                    kind: i.kind,
                    id: i.id.clone(),
                    occurrence: i.occurrence,
                    title: i.title.clone(),
                    report_kind: i.report_kind,
                    periodic: i.every.is_some(),
                    period_start: i.period_start,
                    period_end: i.period_end,
                    due: i.due,
                    state: classify(i, s.status, as_of),
                    owner: owner_of(&i.owner),
                    contact: contact_of(&i.contact),
                    amount: i.amount,
                    waiting_for: i.waiting_for.clone(),
                })
                .collect();
        s.parties = doc
            .parties
            .items()
            .iter()
            .filter_map(|p| {
                Some(PartyRef {
                    id: p.id.get()?.clone(),
                    name: p.name.get().or(p.id.get())?.clone(),
                    sector: p.sector.get().copied(),
                })
            })
            .collect();
        s.parties.shrink_to_fit();
        if !keep.money {
            return s;
        }
        let current = a.cx.fingerprint();
        s.signed_by = crate::rules::lifecycle::l004_signature_mismatch::latest_signatures(doc)
            .into_iter()
            .filter(|(_, sig)| {
                sig.fingerprint
                    .get()
                    .is_some_and(|f| f.trim().eq_ignore_ascii_case(current))
            })
            .map(|(p, _)| p.to_string())
            .collect();
        if let Some(funds) = doc.funds.get() {
            s.contributions = funds
                .contributions
                .items()
                .iter()
                .filter_map(|x| {
                    let kind = *x.kind.get()?;
                    let (name, sector, is_party) = match (x.party.get(), x.source.get()) {
                        (Some(p), _) => match doc.party(p) {
                            Some(party) => (
                                party.name.get().unwrap_or(p).clone(),
                                party.sector.get().copied(),
                                true,
                            ),
                            None => (p.clone(), None, true),
                        },
                        (None, Some(src)) => (src.clone(), None, false),
                        (None, None) => return None,
                    };
                    Some(Contribution {
                        name,
                        sector,
                        is_party,
                        kind,
                        amount: x.amount.get().copied(),
                        status: x
                            .status
                            .get()
                            .copied()
                            .unwrap_or(ContributionStatus::Granted),
                    })
                })
                .collect();
        }
        s.money = super::money::build(doc, as_of, &s.entries, s.spent);
        // Kept for the whole run: no spare capacity (filter_map and push
        // grow by doubling).
        s.signed_by.shrink_to_fit();
        s.contributions.shrink_to_fit();
        s.money.funders.shrink_to_fit();
        s.money.in_kind.shrink_to_fit();
        if keep.detail {
            s.detail = Some(build_detail(doc, as_of));
        }
        s
    }

    pub fn currency_code(&self) -> Option<&str> {
        self.currency.as_ref().map(|c| c.code())
    }

    pub fn overdue(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| e.is_overdue())
    }

    /// Pending due dates from the as-of date to `HORIZON_DAYS` after it.
    pub fn upcoming(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| {
            e.is_pending()
                && matches!(e.state, State::Pending { in_days } if in_days <= HORIZON_DAYS)
        })
    }

    /// Whether the convention's end has passed: its `expiry` is `passed`
    /// while its status is still `signed` or `active` (CLI.md: `status`
    /// flags it).
    pub fn expired(&self) -> bool {
        matches!(self.status, Status::Signed | Status::Active)
            && self
                .entries
                .iter()
                .any(|e| e.kind == DueKind::Expiry && matches!(e.state, State::Passed { .. }))
    }

    /// The earliest pending due date (on or after the as-of date).
    pub fn next_deadline(&self) -> Option<&Entry> {
        self.entries.iter().find(|e| e.is_pending())
    }

    /// The name of a party of this convention, or the id itself.
    pub fn party_name<'s>(&'s self, id: &'s str) -> &'s str {
        self.parties
            .iter()
            .find(|p| p.id == id)
            .map_or(id, |p| p.name.as_str())
    }

    pub fn display_id(&self) -> &str {
        self.id.as_deref().unwrap_or(&self.file)
    }
}

fn build_detail(doc: &Document, as_of: Date) -> Detail {
    let mut d = Detail::default();
    let party_name = |id: &String| -> String {
        doc.party(id)
            .and_then(|p| p.name.get())
            .unwrap_or(id)
            .clone()
    };
    if let Some(funds) = doc.funds.get() {
        d.disbursements = funds
            .disbursements
            .items()
            .iter()
            .map(|x| Disbursement {
                date: x.date.get().copied(),
                amount: x.amount.get().copied(),
                from: x.from.get().map(party_name),
                condition: x.condition.get().cloned(),
                after: x.after.get().cloned(),
            })
            .collect();
        // By date (undated last), file order within a date.
        d.disbursements.sort_by_key(|x| (x.date.is_none(), x.date));
        d.lines = funds
            .lines
            .items()
            .iter()
            .filter_map(|l| {
                Some(Line {
                    label: l.label.get()?.clone(),
                    amount: l.amount.get().copied(),
                    spent: Decimal::ZERO,
                })
            })
            .collect();
    }
    for (x, amount) in doc.expenses_as_of(as_of) {
        d.expenses += 1;
        let line = x
            .line
            .get()
            .and_then(|l| d.lines.iter_mut().find(|line| line.label == *l));
        match line {
            Some(line) => line.spent += amount,
            None => d.unassigned += amount,
        }
    }
    let measures = doc
        .tracking
        .get()
        .map(|t| t.measures.items())
        .unwrap_or_default();
    for o in doc.objectives.items() {
        let Some(oid) = o.id.get() else { continue };
        for i in o.indicators.items() {
            let Some(name) = i.name.get() else { continue };
            // The latest measure on or before the as-of date; ties go to the
            // later one in the file.
            let mut latest: Option<(Quantity, Date)> = None;
            for m in measures {
                let (Some(mo), Some(mi), Some(v), Some(&date)) = (
                    m.objective.get(),
                    m.indicator.get(),
                    m.value.get(),
                    m.date.get(),
                ) else {
                    continue;
                };
                if mo != oid || mi != name || date > as_of {
                    continue;
                }
                if latest.as_ref().is_none_or(|(_, d)| date >= *d) {
                    latest = Some((v.clone(), date));
                }
            }
            d.indicators.push(Indicator {
                objective: oid.clone(),
                name: name.clone(),
                unit: i.unit.get().cloned(),
                baseline: i.baseline.get().copied(),
                target: i.target.get().cloned(),
                direction: i.direction.get().copied().unwrap_or(Direction::Increase),
                measure: latest,
            });
        }
    }
    if let Some(t) = doc.tracking.get() {
        d.difficulties = t.difficulties.get().cloned();
        d.lessons = t.lessons.get().cloned();
    }
    d
}

/// Where an upcoming deadline falls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bucket {
    Overdue,
    /// Due from the as-of date to 30 days after it.
    Near,
    /// Due 31 to 90 days after the as-of date.
    Later,
}

/// The deadline bucket of an entry, `None` when it is met, lapsed or due
/// more than 90 days ahead.
pub fn bucket(e: &Entry) -> Option<Bucket> {
    if e.waiting_for.is_some() {
        return None;
    }
    match e.state {
        State::Overdue { .. } => Some(Bucket::Overdue),
        State::Pending { in_days } if in_days < 0 => None,
        State::Pending { in_days } if in_days <= NEAR_DAYS => Some(Bucket::Near),
        State::Pending { in_days } if in_days <= HORIZON_DAYS => Some(Bucket::Later),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Span;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn item(kind: DueKind, due: &str, status: DueStatus) -> DueItem {
        DueItem {
            kind,
            id: "X".into(),
            occurrence: 1,
            title: None,
            report_kind: None,
            every: None,
            period_start: None,
            period_end: None,
            due: d(due),
            status,
            owner: None,
            contact: None,
            amount: None,
            waiting_for: None,
            followed: false,
            span: Span::default(),
        }
    }

    #[test]
    fn met_on_time_or_late() {
        let as_of = d("2027-03-01");
        let on_time = item(
            DueKind::Milestone,
            "2027-01-31",
            DueStatus::Met {
                on: d("2027-01-31"),
                late: false,
            },
        );
        assert_eq!(
            classify(&on_time, Status::Active, as_of),
            State::OnTime {
                on: d("2027-01-31")
            }
        );
        let late = item(
            DueKind::Report,
            "2027-01-31",
            DueStatus::Met {
                on: d("2027-02-10"),
                late: true,
            },
        );
        assert_eq!(
            classify(&late, Status::Closed, as_of),
            State::Late {
                on: d("2027-02-10"),
                days: 10
            }
        );
    }

    #[test]
    fn overdue_follows_l001_and_l002() {
        let as_of = d("2027-03-01");
        let m = item(DueKind::Milestone, "2027-02-27", DueStatus::Overdue);
        let r = item(DueKind::Report, "2027-02-27", DueStatus::Overdue);
        let overdue = State::Overdue { days: 2 };
        let lapsed = State::Lapsed { days: 2 };
        // L001: signed or active.
        for (status, want) in [
            (Status::Draft, lapsed),
            (Status::Signed, overdue),
            (Status::Active, overdue),
            (Status::Closed, lapsed),
            (Status::Terminated, lapsed),
        ] {
            assert_eq!(classify(&m, status, as_of), want, "milestone, {status}");
        }
        // L002: signed, active or closed.
        for (status, want) in [
            (Status::Draft, lapsed),
            (Status::Signed, overdue),
            (Status::Active, overdue),
            (Status::Closed, overdue),
            (Status::Terminated, lapsed),
        ] {
            assert_eq!(classify(&r, status, as_of), want, "report, {status}");
        }
    }

    #[test]
    fn buckets() {
        let as_of = d("2027-03-01");
        let at = |due: &str| {
            let i = item(DueKind::Milestone, due, DueStatus::Pending);
            let e = Entry {
                kind: i.kind,
                id: i.id.clone(),
                occurrence: 1,
                title: None,
                report_kind: None,
                periodic: false,
                period_start: None,
                period_end: None,
                due: i.due,
                state: classify(&i, Status::Active, as_of),
                owner: None,
                contact: None,
                amount: None,
                waiting_for: None,
            };
            bucket(&e)
        };
        assert_eq!(at("2027-03-01"), Some(Bucket::Near)); // due today: not overdue
        assert_eq!(at("2027-03-31"), Some(Bucket::Near)); // 30 days
        assert_eq!(at("2027-04-01"), Some(Bucket::Later)); // 31 days
        assert_eq!(at("2027-05-30"), Some(Bucket::Later)); // 90 days
        assert_eq!(at("2027-05-31"), None); // 91 days
        let overdue = Entry {
            kind: DueKind::Report,
            id: "R".into(),
            occurrence: 1,
            title: None,
            report_kind: None,
            periodic: false,
            period_start: None,
            period_end: None,
            due: d("2027-02-01"),
            state: State::Overdue { days: 28 },
            owner: None,
            contact: None,
            amount: None,
            waiting_for: None,
        };
        assert_eq!(bucket(&overdue), Some(Bucket::Overdue));
        let lapsed = Entry {
            state: State::Lapsed { days: 28 },
            ..overdue.clone()
        };
        assert_eq!(bucket(&lapsed), None);
    }

    #[test]
    fn indicator_progress_respects_direction() {
        let n = |s: &str| Quantity::Number(s.parse().unwrap());
        let mut i = Indicator {
            objective: "O1".into(),
            name: "Déchets".into(),
            unit: None,
            baseline: Some("500".parse().unwrap()),
            target: Some(n("200")),
            direction: Direction::Decrease,
            measure: Some((n("350"), d("2027-04-01"))),
        };
        assert_eq!(i.progress(), Some("50".parse().unwrap()));
        assert_eq!(i.reached(), Some(false));
        i.measure = Some((n("150"), d("2027-04-01")));
        assert_eq!(i.reached(), Some(true));
        i.baseline = None;
        assert_eq!(i.progress(), None);
        i.direction = Direction::Increase;
        i.target = Some(Quantity::Text("Bons retours".into()));
        assert_eq!(i.progress(), None);
        assert_eq!(i.reached(), None);
    }
}
