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
}

impl DueKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DueKind::Milestone => "milestone",
            DueKind::Report => "report",
        }
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
    /// The `[[milestone]]` or `[[report]]` table header, for diagnostics.
    pub span: Span,
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
                span: r.span,
            });
        }
    }

    out.sort_by(|a, b| {
        (a.due, a.kind, &a.id, a.occurrence).cmp(&(b.due, b.kind, &b.id, b.occurrence))
    });
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
            .map(|i| (i.id.clone(), i.occurrence, i.due, i.status))
            .collect()
    }

    #[test]
    fn a_realistic_convention() {
        let as_of = d("2026-09-15");
        let items = due_items(&festival(), as_of);
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
        assert!(items.iter().all(|i| i.kind == DueKind::Milestone));
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
}
