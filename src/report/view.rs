//! The view model of the md and html report: every value already written
//! for the reader's language (dates, amounts, percentages, states), so
//! that the templates only lay it out. Plain values are escaped by the
//! template engine; the fields named `*_html` are safe HTML built by pacte
//! (Markdown through [`crate::markdown::to_html`]).

use std::collections::BTreeMap;

use jiff::civil::Date;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::Serialize;

use super::summary::{bucket, Bucket, Entry, State, Summary};
use super::totals::{self, Totals};
use crate::due::DueKind;
use crate::model::{Currency, Kind, Lang, Quantity};
use crate::render::format;
use crate::render::labels::Labels;

/// Markdown or HTML: what rich text becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Markdown,
    Html,
}

/// Words and formats of one language.
pub struct Words<'a> {
    pub l: &'a Labels,
    pub lang: Lang,
}

impl Words<'_> {
    fn get(&self, key: &str) -> String {
        self.l.get(key)
    }
    fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        self.l.fill(key, values)
    }
    pub fn date(&self, d: Date) -> String {
        format::date(d, self.lang)
    }
    fn opt_date(&self, d: Option<Date>) -> String {
        d.map(|d| self.date(d)).unwrap_or_default()
    }
    fn money(&self, v: Decimal, c: Option<&Currency>) -> String {
        format::amount(v, c, self.lang)
    }
    fn number(&self, v: Decimal) -> String {
        format::number(v, self.lang)
    }
    fn days(&self, n: i64) -> String {
        let key = if n.abs() <= 1 {
            "report.days_one"
        } else {
            "report.days_many"
        };
        self.fill(key, &[("n", &self.number(Decimal::from(n)))])
    }
    fn pct(&self, v: Decimal) -> String {
        let p = self.number(v);
        match self.lang {
            Lang::Fr => format!("{p}\u{202F}%"),
            Lang::En => format!("{p}%"),
        }
    }
    pub fn completeness(&self, c: Option<f64>) -> String {
        match c {
            Some(c) => self.pct(Decimal::from((c * 100.0).round() as i64)),
            None => "—".to_string(),
        }
    }
    fn due_kind(&self, e: &Entry) -> String {
        match e.kind {
            DueKind::Milestone => self.get("report.milestone"),
            DueKind::Report => match e.report_kind {
                Some(k) => self.get(&format!("report_kind.{}", k.as_str())),
                None => self.get("report.report"),
            },
            k => self.get(&format!("report.{}", k.as_str())),
        }
    }
    /// The state of a due date in words.
    pub fn state(&self, s: State) -> String {
        match s {
            State::OnTime { on } => self.fill("report.state.on_time", &[("date", &self.date(on))]),
            State::Late { on, days } => self.fill(
                "report.state.late",
                &[("date", &self.date(on)), ("days", &self.days(days))],
            ),
            State::Overdue { days } => {
                self.fill("report.state.overdue", &[("days", &self.days(days))])
            }
            State::Lapsed { .. } => self.get("report.state.lapsed"),
            State::Passed { .. } => self.get("report.state.passed"),
            State::Pending { in_days: 0 } => self.get("report.state.today"),
            State::Pending { in_days } => {
                self.fill("report.state.pending", &[("days", &self.days(in_days))])
            }
        }
    }
}

/// Above this many conventions, the HTML report summarises and links: a
/// convention gets its own execution section only when it needs attention
/// ([`needs_section`]); the others are one row of the conventions table.
pub const LARGE_PORTFOLIO: usize = 200;

/// A convention with something overdue or an installment late (its errors
/// and warnings are counted in the conventions table).
pub fn needs_section(s: &Summary) -> bool {
    s.overdue().next().is_some() || s.money.funders.iter().any(|f| f.late_count > 0)
}

/// Whether the report gives each convention of `summaries` a section.
pub fn sections_for_all(summaries: &[Summary], target: Target) -> bool {
    target != Target::Html || summaries.len() <= LARGE_PORTFOLIO
}

fn anchor(s: &Summary, i: usize) -> String {
    match &s.id {
        Some(id) => format!("c-{id}"),
        None => format!("c-{}", i + 1),
    }
}

fn rich(md: &Option<String>, target: Target) -> Option<String> {
    md.as_ref().map(|m| match target {
        Target::Markdown => crate::markdown::to_markdown(m),
        Target::Html => crate::markdown::to_html(m),
    })
}

// ---------------------------------------------------------------------
// One convention's execution.

#[derive(Serialize)]
pub struct DueRow {
    pub id: String,
    pub occurrence: usize,
    pub periodic: bool,
    pub title: String,
    pub kind: String,
    pub period: String,
    pub due: String,
    pub state: &'static str,
    pub state_text: String,
}

#[derive(Serialize)]
pub struct DisbursementRow {
    pub date: String,
    pub amount: String,
    pub from: String,
    pub condition: String,
}

#[derive(Serialize)]
pub struct LineRow {
    pub label: String,
    pub amount: String,
    pub spent: String,
    pub rate: String,
    pub over: bool,
}

#[derive(Serialize)]
pub struct IndicatorRow {
    pub objective: String,
    pub name: String,
    pub baseline: String,
    pub target: String,
    pub measure: String,
    pub measured_on: String,
    pub progress: String,
    /// `reached`, `short` or empty (not comparable).
    pub verdict: &'static str,
}

#[derive(Serialize)]
pub struct ConventionView {
    pub anchor: String,
    pub id: String,
    pub title: String,
    pub file: String,
    pub kind: String,
    pub status: String,
    pub completeness: String,
    pub errors: usize,
    pub warnings: usize,
    pub findings: String,
    /// "Signed on the current terms by: …".
    pub signatures: String,
    pub period: String,
    pub structure_errors: bool,
    pub milestones: Vec<DueRow>,
    pub milestones_summary: String,
    /// Every overdue item (the compact section of a large portfolio).
    pub overdue_items: Vec<DueRow>,
    pub reports: Vec<DueRow>,
    pub reports_summary: String,
    pub disbursements: Vec<DisbursementRow>,
    pub budget: String,
    /// A budget above zero, budget lines or expenses: the expenses table.
    pub has_expenses_table: bool,
    pub spent: String,
    pub spent_rate: String,
    pub over_budget: bool,
    pub lines: Vec<LineRow>,
    pub unassigned: String,
    pub expenses: usize,
    pub indicators: Vec<IndicatorRow>,
    pub difficulties: Option<String>,
    pub lessons: Option<String>,
    /// Money followed (revision 1.1).
    pub funders: Vec<FunderRow>,
    pub in_kind: Vec<InKindRow>,
    pub in_kind_total: String,
    /// "Budget spent: 12 % · period elapsed: 45 %", or empty.
    pub shares: String,
}

#[derive(Serialize, Clone, Debug)]
pub struct FunderRow {
    pub name: String,
    pub granted: String,
    pub scheduled: String,
    pub received: String,
    pub late: String,
    pub is_late: bool,
}

#[derive(Serialize, Clone, Debug)]
pub struct InKindRow {
    pub name: String,
    pub kind: String,
    pub valuation: String,
    pub description: String,
}

fn rate(spent: Decimal, of: Decimal, w: &Words<'_>) -> String {
    if of.is_zero() {
        return String::new();
    }
    spent
        .checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|v| v.checked_div(of))
        .map(|v| w.pct(v.round_dp(0)))
        .unwrap_or_default()
}

fn quantity(q: &Quantity, unit: &Option<String>, w: &Words<'_>) -> String {
    match q {
        Quantity::Number(n) => match unit {
            Some(u) => format!("{}\u{A0}{u}", w.number(*n)),
            None => w.number(*n),
        },
        Quantity::Text(t) => t.clone(),
    }
}

fn due_rows<'a>(
    entries: impl Iterator<Item = &'a Entry>,
    w: &Words<'_>,
) -> (Vec<DueRow>, [usize; 6]) {
    let mut counts = [0usize; 6];
    let rows = entries
        .map(|e| {
            let i = match e.state {
                State::OnTime { .. } => 0,
                State::Late { .. } => 1,
                State::Overdue { .. } => 2,
                State::Lapsed { .. } => 3,
                State::Pending { .. } => 4,
                State::Passed { .. } => 5,
            };
            counts[i] += 1;
            let period = match (e.period_start, e.period_end) {
                (Some(a), Some(b)) if e.periodic => w.fill(
                    "report.period",
                    &[("start", &w.date(a)), ("end", &w.date(b))],
                ),
                _ => String::new(),
            };
            DueRow {
                id: e.id.clone(),
                occurrence: e.occurrence,
                periodic: e.periodic,
                title: e.title.clone().unwrap_or_default(),
                kind: w.due_kind(e),
                period,
                due: w.date(e.due),
                state: e.state.key(),
                state_text: w.state(e.state),
            }
        })
        .collect();
    (rows, counts)
}

fn counts_text(c: [usize; 6], w: &Words<'_>) -> String {
    let n = |x: usize| x.to_string();
    w.fill(
        "report.counts",
        &[
            ("on_time", &n(c[0])),
            ("late", &n(c[1])),
            ("overdue", &n(c[2] + c[3])),
            ("pending", &n(c[4])),
        ],
    )
}

pub fn convention(s: &Summary, i: usize, w: &Words<'_>, target: Target) -> ConventionView {
    let cur = s.currency.as_ref();
    let (milestones, mc) = due_rows(s.entries.iter().filter(|e| e.kind == DueKind::Milestone), w);
    let (reports, rc) = due_rows(s.entries.iter().filter(|e| e.kind == DueKind::Report), w);
    let (overdue_items, _) = due_rows(s.entries.iter().filter(|e| e.is_overdue()), w);
    let d = s.detail.clone().unwrap_or_default();
    let money = |v: Decimal| w.money(v, cur);
    let period = match (s.start, s.end) {
        (Some(a), Some(b)) => w.fill(
            "report.from_to",
            &[("start", &w.date(a)), ("end", &w.date(b))],
        ),
        (Some(a), None) => w.fill("report.from", &[("start", &w.date(a))]),
        (None, Some(b)) => w.fill("report.to", &[("end", &w.date(b))]),
        (None, None) => String::new(),
    };
    ConventionView {
        anchor: anchor(s, i),
        id: s.display_id().to_string(),
        title: s.title.clone().unwrap_or_default(),
        file: s.file.clone(),
        kind: w.get(&format!("report.kind.{}", s.kind.as_str())),
        status: w.get(&format!("report.status.{}", s.status.as_str())),
        completeness: w.completeness(s.completeness),
        errors: s.errors,
        warnings: s.warnings,
        findings: w.fill(
            "report.findings",
            &[
                ("errors", &s.errors.to_string()),
                ("warnings", &s.warnings.to_string()),
            ],
        ),
        signatures: {
            let names: Vec<String> = s
                .parties
                .iter()
                .filter(|p| s.signed_by.contains(&p.id))
                .map(|p| p.name.clone())
                .collect();
            if names.is_empty() {
                w.get("report.signed.none")
            } else {
                w.fill(
                    "report.signed.by",
                    &[
                        ("names", &names.join(", ")),
                        ("n", &names.len().to_string()),
                        ("of", &s.parties.len().to_string()),
                    ],
                )
            }
        },
        period,
        structure_errors: s.completeness.is_none(),
        milestones_summary: counts_text(mc, w),
        overdue_items,
        milestones,
        reports_summary: counts_text(rc, w),
        reports,
        disbursements: d
            .disbursements
            .iter()
            .map(|x| DisbursementRow {
                date: w.opt_date(x.date),
                amount: x.amount.map(money).unwrap_or_default(),
                from: x.from.clone().unwrap_or_default(),
                condition: match (&x.condition, &x.after) {
                    (Some(c), Some(a)) => {
                        format!("{c} ({})", w.fill("funds.after", &[("ref", a.as_str())]))
                    }
                    (Some(c), None) => c.clone(),
                    (None, Some(a)) => w.fill("funds.after", &[("ref", a.as_str())]),
                    (None, None) => String::new(),
                },
            })
            .collect(),
        budget: s.budget.map(money).unwrap_or_default(),
        has_expenses_table: s.budget.is_some_and(|b| !b.is_zero())
            || !d.lines.is_empty()
            || d.expenses > 0,
        spent: money(s.spent),
        spent_rate: s.budget.map(|b| rate(s.spent, b, w)).unwrap_or_default(),
        over_budget: s.budget.is_some_and(|b| s.spent > b),
        lines: d
            .lines
            .iter()
            .map(|l| LineRow {
                label: l.label.clone(),
                amount: l.amount.map(money).unwrap_or_default(),
                spent: money(l.spent),
                rate: l.amount.map(|a| rate(l.spent, a, w)).unwrap_or_default(),
                over: l.amount.is_some_and(|a| l.spent > a),
            })
            .collect(),
        unassigned: if d.unassigned.is_zero() {
            String::new()
        } else {
            money(d.unassigned)
        },
        expenses: d.expenses,
        indicators: d
            .indicators
            .iter()
            .map(|x| IndicatorRow {
                objective: x.objective.clone(),
                name: x.name.clone(),
                baseline: x
                    .baseline
                    .map(|b| quantity(&Quantity::Number(b), &x.unit, w))
                    .unwrap_or_default(),
                target: x
                    .target
                    .as_ref()
                    .map(|t| {
                        let t = quantity(t, &x.unit, w);
                        match x.direction {
                            crate::model::Direction::Decrease => {
                                format!("{t} ({})", w.get("object.decrease"))
                            }
                            crate::model::Direction::Increase => t,
                        }
                    })
                    .unwrap_or_default(),
                measure: x
                    .measure
                    .as_ref()
                    .map(|(q, _)| quantity(q, &x.unit, w))
                    .unwrap_or_else(|| w.get("report.not_measured")),
                measured_on: x
                    .measure
                    .as_ref()
                    .map(|(_, d)| w.date(*d))
                    .unwrap_or_default(),
                progress: x.progress().map(|p| w.pct(p)).unwrap_or_default(),
                verdict: match x.reached() {
                    Some(true) => "reached",
                    Some(false) => "short",
                    None => "",
                },
            })
            .collect(),
        difficulties: rich(&d.difficulties, target),
        lessons: rich(&d.lessons, target),
        funders: s
            .money
            .funders
            .iter()
            .map(|f| FunderRow {
                name: f.name.clone(),
                granted: money(f.granted),
                scheduled: money(f.scheduled),
                received: money(f.received),
                late: if f.late.is_zero() {
                    String::new()
                } else {
                    money(f.late)
                },
                is_late: !f.late.is_zero(),
            })
            .collect(),
        in_kind: s
            .money
            .in_kind
            .iter()
            .map(|k| InKindRow {
                name: k.name.clone(),
                kind: w.get(&format!("contribution_kind.{}", k.kind.as_str())),
                valuation: k.amount.map(money).unwrap_or_default(),
                description: k.description.clone().unwrap_or_default(),
            })
            .collect(),
        in_kind_total: money(s.money.in_kind_total),
        shares: match (s.money.budget_share_spent, s.money.period_share_elapsed) {
            (Some(b), Some(p)) => w.fill(
                "report.shares",
                &[
                    ("spent", &w.pct((b * Decimal::ONE_HUNDRED).round_dp(0))),
                    ("elapsed", &w.pct((p * Decimal::ONE_HUNDRED).round_dp(0))),
                ],
            ),
            _ => String::new(),
        },
    }
}

// ---------------------------------------------------------------------
// The portfolio.

#[derive(Serialize)]
pub struct Count {
    pub key: &'static str,
    pub label: String,
    pub n: usize,
}

#[derive(Serialize)]
pub struct SectorRow {
    pub label: String,
    pub granted: String,
    pub requested: String,
}

#[derive(Serialize)]
pub struct PartyRow {
    pub name: String,
    pub sector: String,
    pub granted: String,
    pub requested: String,
    pub conventions: usize,
}

#[derive(Serialize)]
pub struct CurrencyBlock {
    pub currency: String,
    pub sectors: Vec<SectorRow>,
    pub total_granted: String,
    pub total_requested: String,
    pub parties: Vec<PartyRow>,
}

#[derive(Serialize)]
pub struct ConventionRow {
    pub anchor: String,
    pub id: String,
    pub title: String,
    pub kind: String,
    pub status: String,
    pub completeness: String,
    pub errors: usize,
    pub warnings: usize,
    pub budget: String,
    pub spent: String,
    pub over_budget: bool,
    pub next: String,
    pub overdue: usize,
}

#[derive(Serialize)]
pub struct DeadlineRow {
    pub anchor: String,
    pub convention: String,
    pub kind: String,
    pub id: String,
    pub title: String,
    pub due: String,
    pub when: String,
}

#[derive(Serialize, Default)]
pub struct Deadlines {
    pub overdue: Vec<DeadlineRow>,
    pub near: Vec<DeadlineRow>,
    pub later: Vec<DeadlineRow>,
}

/// One bucket of deadlines, for templates that loop over them.
#[derive(Serialize)]
pub struct DeadlineBucket {
    /// `overdue`, `near` or `later`.
    pub key: &'static str,
    pub rows: Vec<DeadlineRow>,
}

#[derive(Serialize)]
pub struct Frame {
    /// Conventions summarised in the tables only (a large HTML portfolio).
    pub summarised: usize,
    pub lang: &'static str,
    pub single: bool,
    pub title: String,
    pub subtitle: String,
    pub as_of: String,
    pub count: usize,
    pub by_status: Vec<Count>,
    pub by_kind: Vec<Count>,
    pub by_sector: Vec<Count>,
    pub overdue: usize,
    pub errors: usize,
    pub warnings: usize,
    pub contributions: Vec<CurrencyBlock>,
    pub conventions: Vec<ConventionRow>,
    pub deadlines: Vec<DeadlineBucket>,
    pub charts: Option<super::charts::Charts>,
}

fn entry_title(e: &Entry, w: &Words<'_>) -> String {
    match e.kind {
        DueKind::Milestone => e.title.clone().unwrap_or_default(),
        DueKind::Report if e.periodic => {
            w.fill("report.occurrence", &[("n", &e.occurrence.to_string())])
        }
        DueKind::Report => String::new(),
        DueKind::Disbursement => e.title.clone().unwrap_or_default(),
        _ => String::new(),
    }
}

fn deadline_text(e: &Entry, w: &Words<'_>) -> String {
    format!("{} — {} {}", w.date(e.due), w.due_kind(e), e.id)
}

pub fn frame(
    summaries: &[Summary],
    t: &Totals,
    as_of: Date,
    w: &Words<'_>,
    target: Target,
) -> Frame {
    let single = summaries.len() == 1;
    let all = sections_for_all(summaries, target);
    // The link to a convention's section, or none when it has no section.
    let link = |s: &Summary, i: usize| {
        if all || needs_section(s) {
            anchor(s, i)
        } else {
            String::new()
        }
    };
    let title = match summaries {
        [one] => {
            let name = one.title.clone().unwrap_or_else(|| one.display_id().into());
            w.fill("report.bilan_title", &[("title", &name)])
        }
        _ => w.get("report.portfolio_title"),
    };
    let subtitle = if single {
        w.fill("report.as_of", &[("date", &w.date(as_of))])
    } else {
        w.fill(
            "report.as_of_portfolio",
            &[
                ("date", &w.date(as_of)),
                ("n", &summaries.len().to_string()),
            ],
        )
    };
    let by_status = totals::STATUSES
        .iter()
        .zip(t.by_status)
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| Count {
            key: s.as_str(),
            label: w.get(&format!("report.status.{}", s.as_str())),
            n,
        })
        .collect();
    let by_kind = Kind::ALL
        .iter()
        .zip(t.by_kind)
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| Count {
            key: k.as_str(),
            label: w.get(&format!("report.kind.{}", k.as_str())),
            n,
        })
        .collect();
    let sector_label = |k: &str| w.get(&format!("report.sector.{k}"));
    let by_sector = totals::SECTORS
        .iter()
        .zip(t.parties_by_sector)
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| Count {
            key: k,
            label: sector_label(k),
            n,
        })
        .collect();
    let mut currencies: BTreeMap<&str, Option<Currency>> = BTreeMap::new();
    for s in summaries {
        if let Some(c) = &s.currency {
            currencies.entry(c.code()).or_insert(Some(*c));
        }
    }
    let contributions = currencies
        .iter()
        .filter_map(|(code, cur)| {
            let g = t.granted_by_sector.get(*code);
            let r = t.requested_by_sector.get(*code);
            if g.is_none() && r.is_none() {
                return None;
            }
            let zero = [Decimal::ZERO; 4];
            let g = g.unwrap_or(&zero);
            let r = r.unwrap_or(&zero);
            let money = |v: Decimal| w.money(v, cur.as_ref());
            let opt = |v: Decimal| if v.is_zero() { String::new() } else { money(v) };
            Some(CurrencyBlock {
                currency: code.to_string(),
                sectors: totals::SECTORS
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| !g[*i].is_zero() || !r[*i].is_zero())
                    .map(|(i, k)| SectorRow {
                        label: sector_label(k),
                        granted: opt(g[i]),
                        requested: opt(r[i]),
                    })
                    .collect(),
                total_granted: money(g.iter().sum()),
                total_requested: opt(r.iter().sum()),
                parties: t
                    .by_party
                    .get(*code)
                    .map(|rows| {
                        rows.iter()
                            .map(|p| PartyRow {
                                name: p.name.clone(),
                                sector: sector_label(p.sector),
                                granted: opt(p.granted),
                                requested: opt(p.requested),
                                conventions: p.conventions,
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            })
        })
        .collect();
    let mut deadlines = Deadlines::default();
    let mut conventions = Vec::with_capacity(summaries.len());
    for (i, s) in summaries.iter().enumerate() {
        let cur = s.currency.as_ref();
        conventions.push(ConventionRow {
            anchor: link(s, i),
            id: s.display_id().to_string(),
            title: s.title.clone().unwrap_or_default(),
            kind: w.get(&format!("report.kind.{}", s.kind.as_str())),
            status: w.get(&format!("report.status.{}", s.status.as_str())),
            completeness: w.completeness(s.completeness),
            errors: s.errors,
            warnings: s.warnings,
            budget: s.budget.map(|b| w.money(b, cur)).unwrap_or_default(),
            spent: if s.budget.is_some() || !s.spent.is_zero() {
                w.money(s.spent, cur)
            } else {
                String::new()
            },
            over_budget: s.budget.is_some_and(|b| s.spent > b),
            next: s
                .next_deadline()
                .map(|e| deadline_text(e, w))
                .unwrap_or_default(),
            overdue: s.overdue().count(),
        });
    }
    // Each bucket by due date, then convention, then the convention's order.
    let mut keys: Vec<(Date, usize, usize, Bucket)> = Vec::new();
    for (i, s) in summaries.iter().enumerate() {
        for (j, e) in s.entries.iter().enumerate() {
            if let Some(b) = bucket(e) {
                keys.push((e.due, i, j, b));
            }
        }
    }
    keys.sort_by_key(|k| (k.0, k.1, k.2));
    for (_, i, j, b) in keys {
        let s = &summaries[i];
        let e = &s.entries[j];
        let row = DeadlineRow {
            anchor: link(s, i),
            convention: s.display_id().to_string(),
            kind: w.due_kind(e),
            id: e.id.clone(),
            title: entry_title(e, w),
            due: w.date(e.due),
            when: w.state(e.state),
        };
        match b {
            Bucket::Overdue => deadlines.overdue.push(row),
            Bucket::Near => deadlines.near.push(row),
            Bucket::Later => deadlines.later.push(row),
        }
    }
    Frame {
        summarised: if all {
            0
        } else {
            summaries.iter().filter(|s| !needs_section(s)).count()
        },
        lang: w.lang.as_str(),
        single,
        title,
        subtitle,
        as_of: w.date(as_of),
        count: summaries.len(),
        by_status,
        by_kind,
        by_sector,
        overdue: t.overdue,
        errors: t.errors,
        warnings: t.warnings,
        contributions,
        conventions,
        deadlines: vec![
            DeadlineBucket {
                key: "overdue",
                rows: deadlines.overdue,
            },
            DeadlineBucket {
                key: "near",
                rows: deadlines.near,
            },
            DeadlineBucket {
                key: "later",
                rows: deadlines.later,
            },
        ],
        charts: match target {
            Target::Html => Some(super::charts::build(summaries, t, as_of, w)),
            Target::Markdown => None,
        },
    }
}

/// A decimal as a float, for chart geometry only.
pub fn f(v: Decimal) -> f64 {
    v.to_f64().unwrap_or(0.0)
}
