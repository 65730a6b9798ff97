//! The due items of a convention: every milestone and every report due date,
//! with its status as of a date ("Due dates" in FORMAT.md).
//!
//! This module reads the typed [`Document`] and hands the date arithmetic to
//! [`crate::schedule`]. It is what the lifecycle rules (L001, L002) judge, and
//! what `pacte status` and `pacte report` list.
//!
//! Items whose id or date is missing or invalid are skipped: the structure
//! rules report them. So is a report with none, or more than one, of `due`,
//! `every` and `after_end_days` (K007), and a report whose `anchor` or
//! `delay_days` is invalid. A milestone whose `tracking.milestones` date is
//! invalid is skipped too (S003 reports the date; whether it was done is
//! unknown).

use jiff::civil::Date;

use crate::model::{self, Document, Field, Renewal, ReportKind, Status};
use crate::schedule::{self, DueStatus, Period, Term};
use crate::source::Span;

/// What falls due.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DueKind {
    Milestone,
    Report,
    Disbursement,
    RenewalNotice,
    Expiry,
    FinancialAccount,
    Publication,
}

impl DueKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DueKind::Milestone => "milestone",
            DueKind::Report => "report",
            DueKind::Disbursement => "disbursement",
            DueKind::RenewalNotice => "renewal_notice",
            DueKind::Expiry => "expiry",
            DueKind::FinancialAccount => "financial_account",
            DueKind::Publication => "publication",
        }
    }

    /// Every kind, in the order of the enum.
    pub const ALL: [DueKind; 7] = [
        DueKind::Milestone,
        DueKind::Report,
        DueKind::Disbursement,
        DueKind::RenewalNotice,
        DueKind::Expiry,
        DueKind::FinancialAccount,
        DueKind::Publication,
    ];

    /// `renewal_notice` and `expiry` have no owner: once their date is
    /// before the as-of date they are `passed`, never overdue.
    pub fn is_term_date(self) -> bool {
        matches!(self, DueKind::RenewalNotice | DueKind::Expiry)
    }
}

impl std::fmt::Display for DueKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One due date of a milestone or a report, and its status as of a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueItem {
    pub kind: DueKind,
    /// The milestone or report id.
    pub id: String,
    /// 1-based rank of this due date among those of the same item (always 1
    /// for a milestone and for a report with `due` or `after_end_days`).
    pub occurrence: usize,
    /// The milestone's title; `None` for a report.
    pub title: Option<String>,
    /// The report's kind (`None` for a milestone, or when invalid).
    pub report_kind: Option<ReportKind>,
    /// The report's `every` (a periodic report); `None` otherwise.
    pub every: Option<schedule::Every>,
    /// First day of the reporting period (submissions dated before it do not
    /// count). `None` for a milestone, or when unbounded (no `start`).
    pub period_start: Option<Date>,
    /// Last day of the reporting period (for a periodic report, cut at the
    /// end or at `terminated_on`; for `after_end_days`, the term's end; for a
    /// fixed `due`, the due date). `None` for a milestone.
    pub period_end: Option<Date>,
    pub due: Date,
    pub status: DueStatus,
    /// The party that owes it (milestone `owner`, report and disbursement
    /// `from`, the beneficiary of a compte rendu financier, the giver of a
    /// publication); `None` for `renewal_notice` and `expiry`.
    pub owner: Option<String>,
    /// The owner's `contact`, when it has one.
    pub contact: Option<ContactRef>,
    /// A disbursement's amount.
    pub amount: Option<rust_decimal::Decimal>,
    /// A disbursement whose `after` item is not met yet: not due while it
    /// is unmet (`due` is then its `date`).
    pub waiting_for: Option<String>,
    /// A disbursement whose paying party has a payment recorded on or
    /// before the as-of date: its payments are followed, and L008 judges it.
    pub followed: bool,
    /// The `[[milestone]]` or `[[report]]` table header, for diagnostics.
    pub span: Span,
}

/// A party's contact (`contact = { name, email }`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContactRef {
    pub name: Option<String>,
    pub email: Option<String>,
}

impl ContactRef {
    /// "Name <email>", "Name", "email", as one line.
    pub fn line(&self) -> String {
        match (&self.name, &self.email) {
            (Some(n), Some(e)) => format!("{n} <{e}>"),
            (Some(n), None) => n.clone(),
            (None, Some(e)) => e.clone(),
            (None, None) => String::new(),
        }
    }
}

/// The contact of party `id`, when it has a name or an email.
pub fn contact_of(doc: &Document, id: &str) -> Option<ContactRef> {
    let c = doc.party(id)?.contact.get()?;
    let r = ContactRef {
        name: c.name.get().cloned(),
        email: c.email.get().cloned(),
    };
    (r.name.is_some() || r.email.is_some()).then_some(r)
}

impl DueItem {
    pub fn is_overdue(&self) -> bool {
        self.status == DueStatus::Overdue
    }
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: Date, to: Date) -> i64 {
    from.until(to).map(|s| i64::from(s.get_days())).unwrap_or(0)
}

/// The convention's term as far as due dates are concerned: `start`, `end`,
/// `terminated_on` (only when the status is `terminated`) and, when
/// `renewal = "tacit"`, the length of each renewed term: `renewal_months`,
/// else the first term's length in whole months, else (no `start` or no
/// `end`) 12 months.
pub fn term(doc: &Document) -> Term {
    let c = &doc.convention;
    let start = c.start.get().copied();
    let end = c.end.get().copied();
    let terminated_on = match c.status() {
        Status::Terminated => c.terminated_on.get().copied(),
        _ => None,
    };
    let tacit_renewal_months = match c.renewal.get() {
        Some(Renewal::Tacit) => Some(match c.renewal_months.get() {
            Some(&m) => i32::try_from(m).unwrap_or(i32::MAX).max(1),
            None => match (start, end) {
                (Some(s), Some(e)) => Term::default_renewal_months(s, e),
                _ => 12,
            },
        }),
        _ => None,
    };
    Term {
        start,
        end,
        terminated_on,
        tacit_renewal_months,
    }
}

/// Every milestone and every report due date of `doc`, with its status as of
/// `as_of`, sorted by (due, kind, id, occurrence).
///
/// * A milestone is due on its `due` date (dropped when after
///   `terminated_on`). It is met when `tracking.milestones` gives it a date
///   on or before `as_of` (late when after `due`); tracking dates after
///   `as_of` are ignored. Otherwise it is overdue when `due < as_of`.
/// * A report is due on `due`, on each period's last day plus `delay_days`
///   (`every`, anchored at `start` by default), or on the term's end plus
///   `after_end_days`; its `tracking.reports` dates are matched to its due
///   dates by [`schedule::match_submissions`].
///
/// Nothing falls due before the signing date, when it is known
/// ([`signing_date`]): a due date before it is not tracked.
pub fn due_items(doc: &Document, as_of: Date) -> Vec<DueItem> {
    due_items_in(
        doc,
        as_of,
        doc.convention.jurisdiction.get().map(String::as_str),
    )
}

/// [`due_items`] where the jurisdiction is known (the workspace default
/// applied), with the other kinds of revision 1.1: disbursements
/// ([`disbursements`]), the renewal-refusal deadline and the expiry of the
/// current term ([`term_dates`]) and, for `FR` in `EUR`, the compte rendu
/// financier and the publication of the grant ([`french_items`]).
pub fn due_items_in(doc: &Document, as_of: Date, jurisdiction: Option<&str>) -> Vec<DueItem> {
    let term = term(doc);
    let tracking = doc.tracking.get();
    let signed = signing_date(doc);
    let tracked = |due: Date| signed.is_none_or(|s| due >= s);
    let mut out = Vec::new();

    for m in doc.milestones.items() {
        let (Some(id), Some(&due)) = (m.id.get(), m.due.get()) else {
            continue;
        };
        if schedule::single_due_date(&term, due).is_none() || !tracked(due) {
            continue;
        }
        let done = tracking.and_then(|t| {
            t.milestones
                .items()
                .iter()
                .find(|(k, _)| k.value == *id)
                .map(|(_, v)| v)
        });
        let done = match done {
            None | Some(Field::Absent | Field::Empty(_)) => None,
            Some(Field::Invalid(_)) => continue,
            Some(Field::Ok(d)) => Some(d.value).filter(|&d| d <= as_of),
        };
        let status = match done {
            Some(on) => DueStatus::Met { on, late: on > due },
            None if due < as_of => DueStatus::Overdue,
            None => DueStatus::Pending,
        };
        out.push(DueItem {
            kind: DueKind::Milestone,
            id: id.clone(),
            occurrence: 1,
            title: m.title.get().cloned(),
            report_kind: None,
            every: None,
            period_start: None,
            period_end: None,
            due,
            status,
            owner: m.owner.get().cloned(),
            contact: m.owner.get().and_then(|o| contact_of(doc, o)),
            amount: None,
            waiting_for: None,
            followed: false,
            span: m.span,
        });
    }

    for r in doc.reports.items() {
        let Some(id) = r.id.get() else { continue };
        let Some(mut periods) = report_periods(r, &term, as_of) else {
            continue;
        };
        periods.retain(|p| tracked(p.due));
        let submitted =
            tracking.and_then(|t| t.reports.items().iter().find(|(k, _)| k.value == *id));
        let submissions: Vec<Date> = match submitted.map(|(_, dates)| dates) {
            // Unreadable submission dates (S003): whether it was sent is unknown.
            Some(Field::Invalid(_)) => continue,
            Some(dates) => dates.items().iter().map(|d| d.value).collect(),
            None => Vec::new(),
        };
        let statuses = schedule::match_submissions(&periods, &submissions, as_of);
        for (i, (p, status)) in periods.iter().zip(statuses).enumerate() {
            out.push(DueItem {
                kind: DueKind::Report,
                id: id.clone(),
                occurrence: i + 1,
                title: None,
                report_kind: r.kind.get().copied(),
                every: r.every.get().copied().map(convert_every),
                period_start: p.start,
                period_end: Some(p.end),
                due: p.due,
                status,
                owner: r.from.get().cloned(),
                contact: r.from.get().and_then(|o| contact_of(doc, o)),
                amount: None,
                waiting_for: None,
                followed: false,
                span: r.span,
            });
        }
    }

    out.extend(disbursements(doc, as_of, &term, signed));
    out.extend(term_dates(doc, as_of, &term));
    if jurisdiction == Some("FR")
        && doc
            .convention
            .currency
            .get()
            .is_some_and(|c| c.code() == "EUR")
    {
        out.extend(french_items(doc, as_of, signed));
    }
    out.sort_by(|a, b| {
        (a.due, a.kind, &a.id, a.occurrence).cmp(&(b.due, b.kind, &b.id, b.occurrence))
    });

    out
}

/// The date `tracking.milestones` gives milestone `id`, when on or before `as_of`.
fn milestone_done(doc: &Document, id: &str, as_of: Date) -> Option<Date> {
    let t = doc.tracking.get()?;
    let (_, v) = t.milestones.items().iter().find(|(k, _)| k.value == id)?;
    v.get().copied().filter(|&d| d <= as_of)
}

/// The submission dates of report `id` on or before `as_of`, sorted.
fn submissions(doc: &Document, id: &str, as_of: Date) -> Vec<Date> {
    let Some(t) = doc.tracking.get() else {
        return Vec::new();
    };
    let mut out: Vec<Date> = t
        .reports
        .items()
        .iter()
        .filter(|(k, _)| k.value == id)
        .flat_map(|(_, v)| v.items().iter().map(|d| d.value))
        .filter(|&d| d <= as_of)
        .collect();
    out.sort_unstable();
    out
}

/// The payments recorded from party `from`, dated on or before `as_of`,
/// sorted by date.
pub fn payments_from(
    doc: &Document,
    from: &str,
    as_of: Date,
) -> Vec<(Date, rust_decimal::Decimal)> {
    let Some(t) = doc.tracking.get() else {
        return Vec::new();
    };
    let mut out: Vec<(Date, rust_decimal::Decimal)> = t
        .payments
        .items()
        .iter()
        .filter(|p| p.from.get().is_some_and(|f| f == from))
        .filter_map(|p| Some((*p.date.get()?, *p.amount.get()?)))
        .filter(|(d, _)| *d <= as_of)
        .collect();
    out.sort_by_key(|(d, _)| *d);
    out
}

/// The scheduled disbursements `D1`, `D2`, … (file order), with their due
/// date and whether they are paid ("Due dates" in FORMAT.md):
///
/// * due on `date`, or on the signing date when `date` is before it ("à la
///   signature"); with `after`, on the later of that and the date the
///   milestone it names was met, or the first submission of the report it
///   names on or after `date`; while that is unmet it is not due (pending,
///   [`DueItem::waiting_for`]);
/// * a party's payments (on or before `as_of`) are matched to its
///   disbursements taken in the order of their `date` (then file order) by
///   running totals: a disbursement is paid on the first payment date where
///   the party's payments, summed, reach the sum of its disbursements up to
///   and including this one;
/// * none falls due after `terminated_on`.
///
/// A disbursement without a valid `date`, `amount` or `from` is skipped (S006).
fn disbursements(doc: &Document, as_of: Date, term: &Term, signed: Option<Date>) -> Vec<DueItem> {
    let Some(funds) = doc.funds.get() else {
        return Vec::new();
    };
    let reports: Vec<&str> = doc
        .reports
        .items()
        .iter()
        .filter_map(|r| r.id.get().map(String::as_str))
        .collect();
    // (file index, date, amount, from)
    let all: Vec<(
        usize,
        &model::Disbursement,
        Date,
        rust_decimal::Decimal,
        &str,
    )> = funds
        .disbursements
        .items()
        .iter()
        .enumerate()
        .filter_map(|(i, d)| {
            Some((
                i,
                d,
                *d.date.get()?,
                *d.amount.get()?,
                d.from.get()?.as_str(),
            ))
        })
        .collect();
    // Paid dates, by running totals per party.
    let mut paid: Vec<Option<Date>> = vec![None; all.len()];
    let mut followed: Vec<bool> = vec![false; all.len()];
    let mut parties: Vec<&str> = all.iter().map(|x| x.4).collect();
    parties.sort_unstable();
    parties.dedup();
    for party in parties {
        let payments = payments_from(doc, party, as_of);
        let mut order: Vec<usize> = (0..all.len()).filter(|&k| all[k].4 == party).collect();
        order.sort_by_key(|&k| (all[k].2, all[k].0));
        let mut owed = rust_decimal::Decimal::ZERO;
        for k in order {
            owed = owed.saturating_add(all[k].3);
            followed[k] = !payments.is_empty();
            let mut sum = rust_decimal::Decimal::ZERO;
            paid[k] = payments.iter().find_map(|(d, a)| {
                sum = sum.saturating_add(*a);
                (sum >= owed).then_some(*d)
            });
        }
    }
    let mut out = Vec::new();
    for (k, (i, d, date, amount, from)) in all.iter().enumerate() {
        let mut due = match signed {
            Some(s) if *date < s => s,
            _ => *date,
        };
        let mut waiting_for = None;
        if let Some(after) = d.after.get() {
            let met = if reports.contains(&after.as_str()) {
                submissions(doc, after, as_of)
                    .into_iter()
                    .find(|s| s >= date)
            } else {
                milestone_done(doc, after, as_of)
            };
            match met {
                Some(m) => due = due.max(m),
                None => waiting_for = Some(after.clone()),
            }
        }
        if term.terminated_on.is_some_and(|t| due > t) {
            continue;
        }
        let status = match paid[k] {
            Some(on) => DueStatus::Met {
                on,
                late: waiting_for.is_none() && on > due,
            },
            None if waiting_for.is_none() && due < as_of => DueStatus::Overdue,
            None => DueStatus::Pending,
        };
        out.push(DueItem {
            kind: DueKind::Disbursement,
            id: format!("D{}", i + 1),
            occurrence: 1,
            title: d.condition.get().cloned(),
            report_kind: None,
            every: None,
            period_start: None,
            period_end: None,
            due,
            status,
            owner: Some(from.to_string()),
            contact: contact_of(doc, from),
            amount: Some(*amount),
            waiting_for,
            followed: followed[k],
            span: d.span,
        });
    }
    out
}

/// The terms of a convention: `(n, first day, last day)` of the term that
/// covers `as_of` (the first one when `as_of` is on or before `end`); for a
/// convention without tacit renewal, the one term. `None` without `end`.
pub fn current_term(term: &Term, as_of: Date) -> Option<(u32, Option<Date>, Date)> {
    let end = term.end?;
    let Some(months) = term.tacit_renewal_months else {
        return Some((1, term.start, end));
    };
    if as_of <= end {
        return Some((1, term.start, end));
    }
    let base = end.tomorrow().ok()?;
    let effective = term.effective_end(as_of)?;
    // Count the renewal terms up to the one ending on `effective`.
    let mut n: u32 = 1;
    let mut first = base;
    loop {
        let months_total = i32::try_from(i64::from(n) * i64::from(months.max(1))).ok()?;
        let last = match schedule::add_months(base, months_total) {
            Some(d) => d.yesterday().ok()?,
            None => Date::MAX,
        };
        if last >= effective || n >= 100_000 {
            return Some((n + 1, Some(first), last));
        }
        first = last.tomorrow().ok()?;
        n += 1;
    }
}

/// The last day to refuse a tacit renewal of the current term (its end
/// minus `renewal_notice_days`), and the end of the current term (the
/// expiry), `T1` for the first term. Neither has an owner: each is pending,
/// then passed (an overdue [`DueStatus`] that [`DueKind::is_term_date`]
/// marks). None after `terminated_on`.
fn term_dates(doc: &Document, as_of: Date, term: &Term) -> Vec<DueItem> {
    let Some((n, _, last)) = current_term(term, as_of) else {
        return Vec::new();
    };
    let c = &doc.convention;
    let span = c.end.span().unwrap_or_default();
    let mut out = Vec::new();
    let status = |due: Date| {
        if due < as_of {
            DueStatus::Overdue
        } else {
            DueStatus::Pending
        }
    };
    let item = |kind, due: Date| DueItem {
        kind,
        id: format!("T{n}"),
        occurrence: 1,
        title: None,
        report_kind: None,
        every: None,
        period_start: None,
        period_end: None,
        due,
        status: status(due),
        owner: None,
        contact: None,
        amount: None,
        waiting_for: None,
        followed: false,
        span,
    };
    let cut = |d: Date| term.terminated_on.is_none_or(|t| d <= t);
    if term.tacit_renewal_months.is_some() {
        if let Some(&days) = c.renewal_notice_days.get() {
            if let Some(notice) = schedule::add_days(last, -days.max(0)) {
                if cut(notice) {
                    out.push(item(DueKind::RenewalNotice, notice));
                }
            }
        }
    }
    if cut(last) {
        out.push(item(DueKind::Expiry, last));
    }
    out
}

/// For a convention under French law (`FR`, `EUR`): the compte rendu
/// financier of each budget year Y of a financial public grant for a
/// project (id `GIVER-Y`, owed by the beneficiary, due 30 June of Y + 1,
/// met by the first submission, dated from the earlier of `end` and
/// 31 December of Y, of a report of kind `financial` or `final` from the
/// beneficiary to the giver: the reports F002 accepts); and the publication
/// of the grant's essential data (id: the giver), when a giver's grants to
/// one beneficiary exceed 23 000 EUR a year, due three months after the
/// signing date (absent while it is unknown), met by `tracking.published`.
fn french_items(doc: &Document, as_of: Date, signed: Option<Date>) -> Vec<DueItem> {
    use crate::grants::{pairs, public_grants};
    let end = doc.convention.end.get().copied();
    let mut out = Vec::new();
    let item = |kind, id: String, due: Date, status, owner: &str, span| DueItem {
        kind,
        id,
        occurrence: 1,
        title: None,
        report_kind: None,
        every: None,
        period_start: None,
        period_end: None,
        due,
        status,
        owner: Some(owner.to_string()),
        contact: contact_of(doc, owner),
        amount: None,
        waiting_for: None,
        followed: false,
        span,
    };
    let state = |due: Date, met: Option<Date>| match met {
        Some(on) => DueStatus::Met { on, late: on > due },
        None if due < as_of => DueStatus::Overdue,
        None => DueStatus::Pending,
    };
    let all = pairs(public_grants(doc));
    for pair in &all {
        let Some(fin) = pair.only(|g| g.financial && g.project) else {
            continue;
        };
        let accepted: Vec<&str> = doc
            .reports
            .items()
            .iter()
            .filter(|r| {
                matches!(
                    r.kind.get(),
                    Some(ReportKind::Financial | ReportKind::Final)
                ) && r.from.get().is_some_and(|f| f == pair.beneficiary)
                    && match &r.to {
                        Field::Ok(to) => to.value.iter().any(|t| t.value == pair.giver),
                        Field::Absent | Field::Empty(_) => true,
                        Field::Invalid(_) => false,
                    }
            })
            .filter_map(|r| r.id.get().map(String::as_str))
            .collect();
        let span = fin.grants[0].span;
        for y in fin.budget_years(doc) {
            let (Ok(y16), Ok(next)) = (i16::try_from(y), i16::try_from(y + 1)) else {
                continue;
            };
            let (Ok(dec31), Ok(due)) = (Date::new(y16, 12, 31), Date::new(next, 6, 30)) else {
                continue;
            };
            if signed.is_some_and(|s| due < s) {
                continue;
            }
            let from = end.map_or(dec31, |e| e.min(dec31));
            let met = accepted
                .iter()
                .filter_map(|id| submissions(doc, id, as_of).into_iter().find(|d| *d >= from))
                .min();
            out.push(item(
                DueKind::FinancialAccount,
                format!("{}-{y}", pair.giver),
                due,
                state(due, met),
                pair.beneficiary,
                span,
            ));
        }
    }
    if let Some(signed) = signed {
        let threshold = crate::rules::french_law::f001_public_grant_terms::THRESHOLD;
        let mut givers: Vec<(&str, Span)> = Vec::new();
        for pair in &all {
            if pair.annual_amount(doc) > threshold && !givers.iter().any(|(g, _)| *g == pair.giver)
            {
                givers.push((pair.giver, pair.grants[0].span));
            }
        }
        for (giver, span) in givers {
            let Some(due) = schedule::add_months(signed, 3) else {
                continue;
            };
            let met = doc.tracking.get().and_then(|t| {
                t.published
                    .items()
                    .iter()
                    .find(|(k, _)| k.value == giver)
                    .and_then(|(_, v)| v.get().copied())
                    .filter(|&d| d <= as_of)
            });
            out.push(item(
                DueKind::Publication,
                giver.to_string(),
                due,
                state(due, met),
                giver,
                span,
            ));
        }
    }
    out
}

/// The signing date: the latest, over the parties, of each party's earliest
/// `signature.date`; known only when every party (with a valid id) has a
/// signature with a valid date.
pub fn signing_date(doc: &Document) -> Option<Date> {
    let signatures = doc.signatures.items();
    let mut latest: Option<Date> = None;
    let mut any = false;
    for id in doc.party_ids() {
        any = true;
        let earliest = signatures
            .iter()
            .filter(|s| s.party.get().is_some_and(|p| p == id))
            .filter_map(|s| s.date.get().copied())
            .min()?;
        latest = Some(latest.map_or(earliest, |l| l.max(earliest)));
    }
    latest.filter(|_| any)
}

/// Every due date a report's terms define at `as_of`, before any cut at the
/// signing date (F002 judges what the convention asks for); empty when the
/// report cannot be scheduled.
pub fn report_due_dates(doc: &Document, r: &model::Report, as_of: Date) -> Vec<Date> {
    report_periods(r, &term(doc), as_of)
        .unwrap_or_default()
        .iter()
        .map(|p| p.due)
        .collect()
}

/// The periods of one report, `None` when it cannot be scheduled (K007, or an
/// invalid key: other rules report it).
fn report_periods(r: &model::Report, term: &Term, as_of: Date) -> Option<Vec<Period>> {
    let written = [
        r.due.is_absent(),
        r.every.is_absent(),
        r.after_end_days.is_absent(),
    ]
    .iter()
    .filter(|absent| !**absent)
    .count();
    if written != 1 {
        return None;
    }
    if let Some(&due) = r.due.get() {
        return Some(schedule::single_due_date(term, due).into_iter().collect());
    }
    if let Some(&every) = r.every.get() {
        let anchor = match &r.anchor {
            Field::Ok(a) => convert_anchor(a.value),
            Field::Absent | Field::Empty(_) => schedule::Anchor::Start,
            Field::Invalid(_) => return None,
        };
        let delay = match &r.delay_days {
            Field::Ok(d) => d.value,
            Field::Absent | Field::Empty(_) => 0,
            Field::Invalid(_) => return None,
        };
        return Some(schedule::periodic_due_dates(
            term,
            convert_every(every),
            anchor,
            delay,
            as_of,
        ));
    }
    if let Some(&days) = r.after_end_days.get() {
        return Some(
            schedule::after_end_due_date(term, days, as_of)
                .into_iter()
                .collect(),
        );
    }
    None
}

fn convert_every(e: model::Every) -> schedule::Every {
    match e {
        model::Every::Monthly => schedule::Every::Monthly,
        model::Every::Quarterly => schedule::Every::Quarterly,
        model::Every::Semiannual => schedule::Every::Semiannual,
        model::Every::Annual => schedule::Every::Annual,
    }
}

fn convert_anchor(a: model::Anchor) -> schedule::Anchor {
    match a {
        model::Anchor::Start => schedule::Anchor::Start,
        model::Anchor::Calendar => schedule::Anchor::Calendar,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::test_ok as ok;
    use crate::model::{Convention, Milestone, Report, Spanned, Tracking};
    use jiff::civil::date;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn milestone(id: &str, title: &str, due: &str) -> Milestone {
        Milestone {
            id: ok(id.into()),
            title: ok(title.into()),
            due: ok(d(due)),
            ..Milestone::default()
        }
    }

    fn key(k: &str) -> Spanned<String> {
        Spanned {
            value: k.into(),
            span: Span::default(),
        }
    }

    fn dates(ds: &[&str]) -> Vec<Spanned<Date>> {
        ds.iter()
            .map(|s| Spanned {
                value: d(s),
                span: Span::default(),
            })
            .collect()
    }

    /// A festival convention, Feb–Nov 2026: a quarterly financial report
    /// (30 days after each quarter), a final report 90 days after the end,
    /// three milestones, one done late, one done early, one not done.
    fn festival() -> Document {
        let quarterly = Report {
            id: ok("R1".into()),
            kind: ok(ReportKind::Financial),
            every: ok(model::Every::Quarterly),
            delay_days: ok(30),
            ..Report::default()
        };
        let last = Report {
            id: ok("R2".into()),
            kind: ok(ReportKind::Final),
            after_end_days: ok(90),
            ..Report::default()
        };
        Document {
            convention: Convention {
                start: ok(d("2026-02-01")),
                end: ok(d("2026-11-30")),
                status: ok(Status::Active),
                ..Convention::default()
            },
            milestones: ok(vec![
                milestone("M1", "Dépôt du dossier", "2026-03-01"),
                milestone("M2", "Programmation arrêtée", "2026-05-15"),
                milestone("M3", "Festival", "2026-09-20"),
                milestone("M4", "Bilan", "2026-06-01"),
            ]),
            reports: ok(vec![quarterly, last]),
            tracking: ok(Tracking {
                milestones: ok(vec![
                    (key("M1"), ok(d("2026-02-27"))),
                    (key("M2"), ok(d("2026-05-20"))),
                    // After the as-of date: ignored.
                    (key("M4"), ok(d("2026-07-01"))),
                ]),
                reports: ok(vec![(key("R1"), ok(dates(&["2026-06-10", "2026-08-01"])))]),
                ..Tracking::default()
            }),
            ..Document::default()
        }
    }

    fn summary(items: &[DueItem]) -> Vec<(String, usize, Date, DueStatus)> {
        items
            .iter()
            .filter(|i| matches!(i.kind, DueKind::Milestone | DueKind::Report))
            .map(|i| (i.id.clone(), i.occurrence, i.due, i.status))
            .collect()
    }

    #[test]
    fn a_realistic_convention() {
        let as_of = d("2026-09-15");
        let items: Vec<DueItem> = due_items(&festival(), as_of)
            .into_iter()
            .filter(|i| i.kind != DueKind::Expiry)
            .collect();
        let met = |on: &str, late| DueStatus::Met { on: d(on), late };
        assert_eq!(
            summary(&items),
            vec![
                ("M1".into(), 1, d("2026-03-01"), met("2026-02-27", false)),
                ("M2".into(), 1, d("2026-05-15"), met("2026-05-20", true)),
                // Quarter Feb–Apr, due 30 days after: submitted late on 06-10.
                ("R1".into(), 1, d("2026-05-30"), met("2026-06-10", true)),
                // Done on 07-01, but as of 09-15 that is known: met late.
                ("M4".into(), 1, d("2026-06-01"), met("2026-07-01", true)),
                // Quarter May–Jul, due 08-30: the 08-01 submission is in time.
                ("R1".into(), 2, d("2026-08-30"), met("2026-08-01", false)),
                ("M3".into(), 1, d("2026-09-20"), DueStatus::Pending),
                // Aug–Oct, due 11-30; then Nov (cut at the end), due 12-30.
                ("R1".into(), 3, d("2026-11-30"), DueStatus::Pending),
                ("R1".into(), 4, d("2026-12-30"), DueStatus::Pending),
                ("R2".into(), 1, d("2027-02-28"), DueStatus::Pending),
            ]
        );
        let r1 = &items[2];
        assert_eq!(r1.kind, DueKind::Report);
        assert_eq!(r1.report_kind, Some(ReportKind::Financial));
        assert_eq!(r1.every, Some(schedule::Every::Quarterly));
        assert_eq!(items.last().unwrap().every, None);
        assert_eq!(r1.period_start, Some(d("2026-02-01")));
        assert_eq!(r1.period_end, Some(d("2026-04-30")));
        assert_eq!(items[0].title.as_deref(), Some("Dépôt du dossier"));
        let last_quarter = &items[7];
        assert_eq!(last_quarter.period_start, Some(d("2026-11-01")));
        assert_eq!(last_quarter.period_end, Some(d("2026-11-30")));
    }

    #[test]
    fn overdue_as_of_mid_june() {
        let as_of = d("2026-06-15");
        let items = due_items(&festival(), as_of);
        let overdue: Vec<(&str, usize)> = items
            .iter()
            .filter(|i| i.is_overdue())
            .map(|i| (i.id.as_str(), i.occurrence))
            .collect();
        // M4's tracking date (07-01) is after the as-of date: not done yet.
        // R1's first quarter (due 05-30) was submitted on 06-10: met.
        assert_eq!(overdue, vec![("M4", 1)]);
        // M4 was due on 06-01: 14 days overdue.
        assert_eq!(days_between(d("2026-06-01"), as_of), 14);
    }

    #[test]
    fn missing_submission_is_overdue_and_later_ones_fill_in_order() {
        let mut doc = festival();
        if let Field::Ok(t) = &mut doc.tracking {
            t.value.reports = ok(vec![(key("R1"), ok(dates(&["2026-09-01"])))]);
        }
        let items = due_items(&doc, d("2026-09-15"));
        let r1: Vec<(usize, DueStatus)> = items
            .iter()
            .filter(|i| i.id == "R1")
            .map(|i| (i.occurrence, i.status))
            .collect();
        // The one submission (09-01) goes to the first due date, late; the
        // second quarter (due 08-30) has none left.
        assert_eq!(
            r1[..2],
            [
                (
                    1,
                    DueStatus::Met {
                        on: d("2026-09-01"),
                        late: true
                    }
                ),
                (2, DueStatus::Overdue),
            ]
        );
    }

    #[test]
    fn termination_cuts_due_dates() {
        let mut doc = festival();
        doc.convention.status = ok(Status::Terminated);
        doc.convention.terminated_on = ok(d("2026-06-10"));
        let items = due_items(&doc, d("2026-09-15"));
        let ids: Vec<(&str, usize, Date)> = items
            .iter()
            .map(|i| (i.id.as_str(), i.occurrence, i.due))
            .collect();
        // M3 (09-20) and M4 (06-01 ≤ 06-10 stays) ; R1's second period is cut
        // at 06-10, due 07-10; R2 (after the end) falls after the termination.
        assert_eq!(
            ids,
            vec![
                ("M1", 1, d("2026-03-01")),
                ("M2", 1, d("2026-05-15")),
                ("R1", 1, d("2026-05-30")),
                ("M4", 1, d("2026-06-01")),
                ("R1", 2, d("2026-07-10")),
            ]
        );
        // terminated_on without the status `terminated` is ignored.
        doc.convention.status = ok(Status::Active);
        assert_eq!(term(&doc).terminated_on, None);
    }

    #[test]
    fn reports_that_cannot_be_scheduled_are_skipped() {
        let mut doc = festival();
        if let Field::Ok(reports) = &mut doc.reports {
            // K007: both `every` and `due`.
            reports.value[0].due = ok(d("2026-06-30"));
            // An invalid anchor (S003).
            reports.value[1].after_end_days = Field::Absent;
            reports.value[1].every = ok(model::Every::Annual);
            reports.value[1].anchor = Field::Invalid(Span::default());
        }
        let items = due_items(&doc, d("2026-06-15"));
        assert!(items
            .iter()
            .all(|i| matches!(i.kind, DueKind::Milestone | DueKind::Expiry)));
    }

    #[test]
    fn invalid_tracking_date_skips_the_milestone() {
        let mut doc = festival();
        if let Field::Ok(t) = &mut doc.tracking {
            t.value.milestones = ok(vec![(key("M1"), Field::Invalid(Span::default()))]);
        }
        let items = due_items(&doc, d("2026-06-15"));
        assert!(!items.iter().any(|i| i.id == "M1"));
        assert!(items.iter().any(|i| i.id == "M2" && i.is_overdue()));
    }

    #[test]
    fn tacit_renewal_term() {
        let mut doc = festival();
        doc.convention.renewal = ok(Renewal::Tacit);
        // Feb 1 .. Nov 30: 10 whole months by default.
        assert_eq!(term(&doc).tacit_renewal_months, Some(10));
        doc.convention.renewal_months = ok(12);
        assert_eq!(term(&doc).tacit_renewal_months, Some(12));
        doc.convention.start = Field::Absent;
        doc.convention.renewal_months = Field::Absent;
        assert_eq!(term(&doc).tacit_renewal_months, Some(12));
        // The final report follows the end of the current term.
        let mut doc = festival();
        doc.convention.renewal = ok(Renewal::Tacit);
        doc.convention.renewal_months = ok(12);
        let items = due_items(&doc, date(2027, 1, 15));
        let r2 = items.iter().find(|i| i.id == "R2").unwrap();
        // Second term: 2026-12-01 .. 2027-11-30, plus 90 days.
        assert_eq!(r2.due, date(2028, 2, 28));
    }

    fn disbursement(date: &str, amount: i64, after: Option<&str>) -> model::Disbursement {
        model::Disbursement {
            date: ok(d(date)),
            amount: ok(rust_decimal::Decimal::from(amount)),
            from: ok("ville".into()),
            after: after.map_or(Field::Absent, |a| ok(a.into())),
            ..model::Disbursement::default()
        }
    }

    fn payment(date: &str, amount: i64) -> model::Payment {
        model::Payment {
            date: ok(d(date)),
            amount: ok(rust_decimal::Decimal::from(amount)),
            from: ok("ville".into()),
            ..model::Payment::default()
        }
    }

    /// The festival with three installments from the Ville (10 000 on
    /// 03-15, 10 000 on 05-15, 10 000 on 07-15 after report R1) and these
    /// payments.
    fn paid(payments: Vec<model::Payment>) -> Document {
        let mut doc = festival();
        doc.funds = ok(model::Funds {
            disbursements: ok(vec![
                disbursement("2026-03-15", 10000, None),
                disbursement("2026-05-15", 10000, None),
                disbursement("2026-07-15", 10000, Some("R1")),
            ]),
            ..model::Funds::default()
        });
        if let Field::Ok(t) = &mut doc.tracking {
            t.value.payments = ok(payments);
        }
        doc
    }

    fn money(doc: &Document, as_of: &str) -> Vec<(String, Date, DueStatus, bool)> {
        due_items(doc, d(as_of))
            .into_iter()
            .filter(|i| i.kind == DueKind::Disbursement)
            .map(|i| (i.id, i.due, i.status, i.followed))
            .collect()
    }

    #[test]
    fn payments_are_matched_by_running_totals() {
        let met = |on: &str, late| DueStatus::Met { on: d(on), late };
        // Exact: one payment per installment, the second late.
        let doc = paid(vec![
            payment("2026-03-10", 10000),
            payment("2026-05-20", 10000),
        ]);
        assert_eq!(
            money(&doc, "2026-09-15"),
            vec![
                ("D1".into(), d("2026-03-15"), met("2026-03-10", false), true),
                ("D2".into(), d("2026-05-15"), met("2026-05-20", true), true),
                // After R1, whose first submission on or after 07-15 is 08-01.
                ("D3".into(), d("2026-08-01"), DueStatus::Overdue, true),
            ]
        );
        // Partial: 15 000 pays D1 only; D2 waits for the running total.
        let doc = paid(vec![payment("2026-03-10", 15000)]);
        let m = money(&doc, "2026-06-01");
        assert_eq!(m[0].2, met("2026-03-10", false));
        assert_eq!(m[1].2, DueStatus::Overdue);
        // Over-payment: 35 000 at once pays all three, D3 before it is due.
        let doc = paid(vec![payment("2026-03-10", 35000)]);
        let m = money(&doc, "2026-09-15");
        assert!(m
            .iter()
            .all(|x| matches!(x.2, DueStatus::Met { late: false, .. })));
        // None recorded: not followed (L008 says nothing), still overdue.
        let doc = paid(vec![]);
        let m = money(&doc, "2026-06-01");
        assert_eq!(m[1].2, DueStatus::Overdue);
        assert!(m.iter().all(|x| !x.3));
        // A payment after the as-of date is ignored.
        let doc = paid(vec![payment("2026-07-01", 10000)]);
        let m = money(&doc, "2026-06-01");
        assert!(m
            .iter()
            .all(|x| !x.3 && !matches!(x.2, DueStatus::Met { .. })));
    }

    #[test]
    fn a_disbursement_after_an_unmet_report_is_not_due() {
        let mut doc = paid(vec![payment("2026-03-10", 20000)]);
        if let Field::Ok(t) = &mut doc.tracking {
            t.value.reports = ok(vec![(key("R1"), ok(dates(&["2026-06-10"])))]);
        }
        // R1's only submission is before D3's date: D3 waits.
        let items = due_items(&doc, d("2026-09-15"));
        let d3 = items.iter().find(|i| i.id == "D3").unwrap();
        assert_eq!(d3.status, DueStatus::Pending);
        assert_eq!(d3.waiting_for.as_deref(), Some("R1"));
        assert_eq!(d3.due, d("2026-07-15"));
        assert_eq!(d3.owner.as_deref(), Some("ville"));
        // After a milestone: due when it was met, if later than its date.
        if let Field::Ok(f) = &mut doc.funds {
            f.value.disbursements = ok(vec![disbursement("2026-05-01", 10000, Some("M2"))]);
        }
        let items = due_items(&doc, d("2026-09-15"));
        let d1 = items.iter().find(|i| i.id == "D1").unwrap();
        assert_eq!(d1.due, d("2026-05-20"));
    }

    #[test]
    fn a_disbursement_before_signing_is_due_at_signing() {
        let mut doc = paid(vec![]);
        doc.parties = ok(vec![model::Party {
            id: ok("ville".into()),
            contact: ok(model::Contact {
                name: ok("Claire Roche".into()),
                email: ok("c.roche@example.org".into()),
                ..model::Contact::default()
            }),
            ..model::Party::default()
        }]);
        doc.signatures = ok(vec![model::Signature {
            party: ok("ville".into()),
            date: ok(d("2026-04-01")),
            ..model::Signature::default()
        }]);
        let items = due_items(&doc, d("2026-09-15"));
        let d1 = items.iter().find(|i| i.id == "D1").unwrap();
        assert_eq!(d1.due, d("2026-04-01"));
        let contact = d1.contact.as_ref().unwrap();
        assert_eq!(contact.line(), "Claire Roche <c.roche@example.org>");
    }

    #[test]
    fn renewal_notice_and_expiry_follow_the_current_term() {
        let mut doc = festival();
        doc.convention.start = ok(d("2026-01-01"));
        doc.convention.end = ok(d("2026-12-31"));
        doc.convention.renewal = ok(Renewal::Tacit);
        doc.convention.renewal_notice_days = ok(90);
        let terms = |doc: &Document, as_of: &str| -> Vec<(DueKind, String, Date, DueStatus)> {
            due_items(doc, d(as_of))
                .into_iter()
                .filter(|i| i.kind.is_term_date())
                .map(|i| (i.kind, i.id, i.due, i.status))
                .collect()
        };
        assert_eq!(
            terms(&doc, "2026-06-01"),
            vec![
                (
                    DueKind::RenewalNotice,
                    "T1".into(),
                    d("2026-10-02"),
                    DueStatus::Pending
                ),
                (
                    DueKind::Expiry,
                    "T1".into(),
                    d("2026-12-31"),
                    DueStatus::Pending
                ),
            ]
        );
        // Renewed twice: the third term, 2028.
        assert_eq!(
            terms(&doc, "2028-11-15"),
            vec![
                (
                    DueKind::RenewalNotice,
                    "T3".into(),
                    d("2028-10-02"),
                    DueStatus::Overdue
                ),
                (
                    DueKind::Expiry,
                    "T3".into(),
                    d("2028-12-31"),
                    DueStatus::Pending
                ),
            ]
        );
        // Without tacit renewal: the expiry only, passed after the end.
        doc.convention.renewal = ok(Renewal::None);
        assert_eq!(
            terms(&doc, "2027-02-01"),
            vec![(
                DueKind::Expiry,
                "T1".into(),
                d("2026-12-31"),
                DueStatus::Overdue
            )]
        );
    }
}
