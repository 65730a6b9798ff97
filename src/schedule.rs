//! Due-date computation ("Due dates" in the product contract).
//!
//! Pure functions, no I/O, no dependency on the rest of the crate: the caller
//! extracts the relevant fields from a convention (start, end, termination,
//! renewal, report settings) and the tracking entries (submission dates), and
//! gets back due dates ([`Period`]) and their status ([`DueStatus`]).
//!
//! Every function here is panic-free for any date in jiff's range
//! (`-9999-01-01..=9999-12-31`): date arithmetic is checked, and generation
//! stops (rather than panicking or wrapping) when a date would leave the range.
//! The number of periods generated for one report is bounded by
//! [`MAX_PERIODS`].
//!
//! # Conventions
//!
//! * `addm(d, m)` ([`add_months`]) adds `m` months and clamps the day to the
//!   last day of the target month. Periods anchored at `start` are always
//!   counted from `start` (never chained): 01-31 + 1 month = 02-28 (or 29),
//!   01-31 + 2 months = 03-31.
//! * A period is cut at the term's start and (effective) end, and at
//!   `terminated_on`: periods starting after the cut do not exist, the period
//!   containing the cut ends there and is due on the cut date plus
//!   `delay_days`.
//! * Without an end (open-ended convention) periods are generated while their
//!   start is on or before `as_of + 90 days`; they are not cut at that limit.
//! * Under tacit renewal the end used for due dates is the end of the term
//!   that covers `as_of` (see [`Term::effective_end`]).

use jiff::civil::Date;
use jiff::Span;
use std::collections::BTreeMap;

/// Upper bound on the number of periods [`periodic_due_dates`] returns for
/// one report. Only absurd inputs (e.g. a monthly report starting in year 1)
/// reach it; the *first* `MAX_PERIODS` periods are kept, so a caller can
/// detect truncation with `periods.len() == MAX_PERIODS`.
pub const MAX_PERIODS: usize = 10_000;

/// How many days past `as_of` an open-ended convention's periods run.
pub const OPEN_ENDED_HORIZON_DAYS: i64 = 90;

/// The `every` value of a periodic report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Every {
    /// `"monthly"`: 1 month.
    Monthly,
    /// `"quarterly"`: 3 months.
    Quarterly,
    /// `"semiannual"`: 6 months.
    Semiannual,
    /// `"annual"`: 12 months.
    Annual,
}

impl Every {
    /// All values, in increasing period length.
    pub const ALL: [Every; 4] = [
        Every::Monthly,
        Every::Quarterly,
        Every::Semiannual,
        Every::Annual,
    ];

    /// Length of one period in months: 1, 3, 6 or 12.
    pub fn months(self) -> i32 {
        match self {
            Every::Monthly => 1,
            Every::Quarterly => 3,
            Every::Semiannual => 6,
            Every::Annual => 12,
        }
    }

    /// Parses the file spelling (`"monthly"`, `"quarterly"`, `"semiannual"`,
    /// `"annual"`); exact and case-sensitive. `None` for anything else.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "monthly" => Some(Every::Monthly),
            "quarterly" => Some(Every::Quarterly),
            "semiannual" => Some(Every::Semiannual),
            "annual" => Some(Every::Annual),
            _ => None,
        }
    }

    /// The value for a period length in months (1, 3, 6 or 12).
    pub fn from_months(months: i64) -> Option<Self> {
        match months {
            1 => Some(Every::Monthly),
            3 => Some(Every::Quarterly),
            6 => Some(Every::Semiannual),
            12 => Some(Every::Annual),
            _ => None,
        }
    }

    /// The file spelling, inverse of [`Every::parse`].
    pub fn as_str(self) -> &'static str {
        match self {
            Every::Monthly => "monthly",
            Every::Quarterly => "quarterly",
            Every::Semiannual => "semiannual",
            Every::Annual => "annual",
        }
    }
}

/// The `anchor` value of a periodic report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Anchor {
    /// `"start"`: periods counted from the convention's start date.
    #[default]
    Start,
    /// `"calendar"`: calendar months, quarters (Jan–Mar, …), half-years
    /// (Jan–Jun, Jul–Dec) or years; the first is the one containing `start`,
    /// cut at `start`.
    Calendar,
}

impl Anchor {
    /// Parses `"start"` or `"calendar"` (exact, case-sensitive).
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "start" => Some(Anchor::Start),
            "calendar" => Some(Anchor::Calendar),
            _ => None,
        }
    }

    /// The file spelling, inverse of [`Anchor::parse`].
    pub fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Calendar => "calendar",
        }
    }
}

/// `addm(d, months)`: adds `months` (may be negative) to `d`, clamping the
/// day to the last day of the resulting month (01-31 + 1 month = 02-28 or
/// 02-29). `None` when the result is outside jiff's date range.
pub fn add_months(d: Date, months: i32) -> Option<Date> {
    let index = month_index(d) + i64::from(months);
    let year = index.div_euclid(12);
    let month = index.rem_euclid(12) + 1;
    let year = i16::try_from(year).ok()?;
    let month = i8::try_from(month).ok()?;
    let first = Date::new(year, month, 1).ok()?;
    let day = d.day().min(first.days_in_month());
    Date::new(year, month, day).ok()
}

/// Adds `days` (may be negative) to `d`; `None` outside jiff's range.
pub fn add_days(d: Date, days: i64) -> Option<Date> {
    let span = Span::new().try_days(days).ok()?;
    d.checked_add(span).ok()
}

/// `addm(d, months) − 1 day`: the last day of a span of `months` months
/// starting on `d`. Unlike composing [`add_months`] and `yesterday`, this
/// gives `9999-12-31` when `addm` would be `10000-01-01` (just out of range).
fn day_before_months_later(d: Date, months: i32) -> Option<Date> {
    match add_months(d, months) {
        Some(next) => next.yesterday().ok(),
        None if d.day() == 1
            && month_index(d) + i64::from(months) == month_index(Date::MAX) + 1 =>
        {
            Some(Date::MAX)
        }
        None => None,
    }
}

/// Months since year 0, January (`year * 12 + month - 1`).
fn month_index(d: Date) -> i64 {
    i64::from(d.year()) * 12 + i64::from(d.month()) - 1
}

/// The contractual term of a convention, as far as due dates are concerned.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Term {
    /// `start`; periodic reports need it (S006).
    pub start: Option<Date>,
    /// `end` of the first term; `None` for an open-ended convention.
    pub end: Option<Date>,
    /// `terminated_on`: nothing falls due after it.
    pub terminated_on: Option<Date>,
    /// `Some(n)` when `renewal = "tacit"`, with `n` = `renewal_months`, or
    /// [`Term::default_renewal_months`] when that is absent. `None` otherwise.
    /// Values below 1 are treated as 1.
    pub tacit_renewal_months: Option<i32>,
}

impl Term {
    /// The end used for due dates as of `as_of`.
    ///
    /// * `None` when there is no `end`.
    /// * Without tacit renewal, or when `as_of <= end`: `end`.
    /// * Under tacit renewal with `as_of > end`: the end of the first renewal
    ///   term that covers `as_of`. Renewal term `k` (k ≥ 1) ends on
    ///   `addm(end + 1 day, k · renewal_months) − 1 day` (counted from the
    ///   day after the first term, never chained); the smallest `k` whose end
    ///   is on or after `as_of` is taken.
    /// * If that term's end lies beyond jiff's range (as-of near year 9999),
    ///   `Date::MAX` is returned.
    ///
    /// `terminated_on` is not applied here; the due-date functions apply it.
    pub fn effective_end(&self, as_of: Date) -> Option<Date> {
        let end = self.end?;
        let months = match self.tacit_renewal_months {
            None => return Some(end),
            Some(m) => i64::from(m.max(1)),
        };
        if as_of <= end {
            return Some(end);
        }
        // end < as_of <= Date::MAX, so end + 1 day exists.
        let base = end.tomorrow().ok()?;
        let term_end = |k: i64| -> Option<Date> {
            let total = i32::try_from(k.checked_mul(months)?).ok()?;
            day_before_months_later(base, total)
        };
        // Renewal term k = diff / months - 1 ends at least one month before
        // as_of's month, so the answer is strictly above it: start the search
        // there (at most a few iterations).
        let diff = month_index(as_of) - month_index(base);
        let mut k = (diff / months - 1).max(1);
        loop {
            match term_end(k) {
                Some(e) if e >= as_of => return Some(e),
                Some(_) => k += 1,
                None => return Some(Date::MAX),
            }
        }
    }

    /// Default `renewal_months`: the first term's length in whole months,
    /// counted from `start` with [`add_months`] clamping.
    ///
    /// It is the largest `m` with `addm(start, m) <= end + 1 day`, at least 1.
    /// When the first term is whole months (`addm(start, m) == end + 1 day`)
    /// this is exactly its length (2026-01-01..2026-12-31 → 12); otherwise it
    /// is rounded down (2026-01-01..2026-03-15 → 2); a term shorter than a
    /// month, or an `end` before `start`, gives 1.
    pub fn default_renewal_months(start: Date, end: Date) -> i32 {
        // `addm(start, m) <= end + 1 day`. When `end` is `Date::MAX`, `end + 1`
        // is 10000-01-01: an `addm` beyond the range fits only if it is that
        // very date (day 1 of the month right after December 9999).
        let after_end = end.tomorrow().ok();
        let limit_index = month_index(end) + 1;
        let fits = |m: i64| -> bool {
            let Ok(m32) = i32::try_from(m) else {
                return false;
            };
            match (add_months(start, m32), after_end) {
                (Some(d), Some(limit)) => d <= limit,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => start.day() == 1 && month_index(start) + m == limit_index,
            }
        };
        let mut m = match after_end {
            Some(limit) => month_index(limit) - month_index(start),
            None => limit_index - month_index(start),
        };
        while m > 1 && !fits(m) {
            m -= 1;
        }
        i32::try_from(m.max(1)).unwrap_or(i32::MAX)
    }
}

/// One due date and the period it relates to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    /// First day of the period: submissions dated before it do not count for
    /// this due date. `None` means no lower bound.
    pub start: Option<Date>,
    /// Last day of the period (after cutting). For a single `due` date this
    /// is the due date itself; for `after_end_days`, the term's (effective)
    /// end.
    pub end: Date,
    /// The due date.
    pub due: Date,
}

/// The periods and due dates of a report with `every`.
///
/// Empty when `term.start` is `None` (S006 is the validator's business).
///
/// * [`Anchor::Start`]: period `k` is `[addm(start, k·n), addm(start, (k+1)·n) − 1 day]`.
/// * [`Anchor::Calendar`]: calendar blocks of `n` months (Jan-aligned), the
///   first being the one containing `start`, cut at `start`.
/// * Each period is cut at `min(effective end, terminated_on)` (periods
///   starting after it are dropped, the one containing it ends there).
/// * Without an end, periods are kept while their start is
///   `<= as_of + 90 days`, uncut by that limit (still cut by `terminated_on`).
/// * Each period is due on its (cut) last day plus `delay_days`.
///
/// Generation stops at [`MAX_PERIODS`] periods, or when a period's end or due
/// date would fall outside jiff's range. The result is sorted by start and,
/// for a fixed `delay_days`, by due date.
pub fn periodic_due_dates(
    term: &Term,
    every: Every,
    anchor: Anchor,
    delay_days: i64,
    as_of: Date,
) -> Vec<Period> {
    let mut out = Vec::new();
    let Some(start) = term.start else {
        return out;
    };
    let end = term.effective_end(as_of);
    let cut = match (end, term.terminated_on) {
        (Some(e), Some(t)) => Some(e.min(t)),
        (e, t) => e.or(t),
    };
    // Open-ended: periods run to as_of + 90 days (a start on or before it).
    let horizon = match end {
        Some(_) => None,
        None => Some(add_days(as_of, OPEN_ENDED_HORIZON_DAYS).unwrap_or(Date::MAX)),
    };
    let n = every.months();
    // The date periods are counted from: `start` itself, or the first day of
    // the calendar block containing it.
    let origin = match anchor {
        Anchor::Start => start,
        Anchor::Calendar => {
            // Months since the calendar block began: 0..=11.
            let into_block = month_index(start).rem_euclid(i64::from(n));
            let into_block = i32::try_from(into_block).unwrap_or(0);
            match add_months(start.first_of_month(), -into_block) {
                Some(d) => d,
                None => return out,
            }
        }
    };

    let mut k: i32 = 0;
    while out.len() < MAX_PERIODS {
        let Some(natural_start) = k.checked_mul(n).and_then(|m| add_months(origin, m)) else {
            break;
        };
        let p_start = natural_start.max(start);
        if cut.is_some_and(|c| p_start > c) || horizon.is_some_and(|h| p_start > h) {
            break;
        }
        // The next period's start minus one day; `None` when beyond range.
        let natural_end = k
            .checked_add(1)
            .and_then(|k1| k1.checked_mul(n))
            .and_then(|m| day_before_months_later(origin, m));
        let (p_end, last) = match (natural_end, cut) {
            (Some(e), Some(c)) if c <= e => (c, true),
            (Some(e), _) => (e, false),
            (None, Some(c)) => (c, true),
            (None, None) => break,
        };
        let Some(due) = add_days(p_end, delay_days) else {
            break;
        };
        out.push(Period {
            start: Some(p_start),
            end: p_end,
            due,
        });
        if last || natural_end.is_none() {
            break;
        }
        k += 1;
    }
    out
}

/// A single due date (a milestone's `due`, or a report's `due`).
///
/// The period starts at `term.start` (no lower bound when absent) and ends on
/// the due date. `None` when `due` is after `terminated_on`.
pub fn single_due_date(term: &Term, due: Date) -> Option<Period> {
    if term.terminated_on.is_some_and(|t| due > t) {
        return None;
    }
    Some(Period {
        start: term.start,
        end: due,
        due,
    })
}

/// The due date of a report with `after_end_days = days`: the effective end
/// (see [`Term::effective_end`]) plus `days`.
///
/// The period runs from `term.start` (or unbounded) to the effective end.
/// `None` when there is no `end` (S006 is the validator's business), when the
/// due date is outside jiff's range, or when it is after `terminated_on`.
pub fn after_end_due_date(term: &Term, days: i64, as_of: Date) -> Option<Period> {
    let end = term.effective_end(as_of)?;
    let due = add_days(end, days)?;
    if term.terminated_on.is_some_and(|t| due > t) {
        return None;
    }
    Some(Period {
        start: term.start,
        end,
        due,
    })
}

/// The status of one due date as of a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DueStatus {
    /// A submission dated `on` was matched; `late` when `on > due`.
    Met {
        /// Date of the matched submission.
        on: Date,
        /// The submission came after the due date.
        late: bool,
    },
    /// No submission and the due date is before `as_of`.
    Overdue,
    /// No submission and the due date is on or after `as_of`.
    Pending,
}

/// Matches submissions to due dates and gives each its status.
///
/// Submissions dated after `as_of` are ignored. Due dates are taken in order
/// of due date (ties in input order; the input is normally already sorted),
/// and each takes the earliest submission not yet used dated on or after its
/// period's start (any, when the start is `None`). A submission serves at
/// most one due date; the same date listed twice is two submissions.
///
/// The result has the same length and order as `periods`.
pub fn match_submissions(periods: &[Period], submissions: &[Date], as_of: Date) -> Vec<DueStatus> {
    // Multiset of usable submission dates.
    let mut pool: BTreeMap<Date, usize> = BTreeMap::new();
    for &s in submissions.iter().filter(|&&s| s <= as_of) {
        *pool.entry(s).or_insert(0) += 1;
    }
    let mut order: Vec<usize> = (0..periods.len()).collect();
    order.sort_by_key(|&i| periods[i].due);

    let mut out = vec![DueStatus::Pending; periods.len()];
    for i in order {
        let p = &periods[i];
        let found = match p.start {
            Some(from) => pool.range(from..).next().map(|(&d, _)| d),
            None => pool.keys().next().copied(),
        };
        out[i] = match found {
            Some(on) => {
                if let Some(count) = pool.get_mut(&on) {
                    *count -= 1;
                    if *count == 0 {
                        pool.remove(&on);
                    }
                }
                DueStatus::Met {
                    on,
                    late: on > p.due,
                }
            }
            None if p.due < as_of => DueStatus::Overdue,
            None => DueStatus::Pending,
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    /// `"2026-01-31"` or `"-9999-01-01"` (jiff's parser wants six-digit
    /// signed years for negative ones).
    fn d(s: &str) -> Date {
        let (sign, rest) = match s.strip_prefix('-') {
            Some(rest) => (-1, rest),
            None => (1, s),
        };
        let parts: Vec<i16> = rest.split('-').map(|x| x.parse().unwrap()).collect();
        date(sign * parts[0], parts[1] as i8, parts[2] as i8)
    }

    fn term(start: &str, end: Option<&str>) -> Term {
        Term {
            start: Some(d(start)),
            end: end.map(d),
            ..Term::default()
        }
    }

    /// `(start, end, due)` triples, for compact assertions.
    fn spans(periods: &[Period]) -> Vec<(Date, Date, Date)> {
        periods
            .iter()
            .map(|p| (p.start.unwrap(), p.end, p.due))
            .collect()
    }

    fn p(start: &str, end: &str, due: &str) -> (Date, Date, Date) {
        (d(start), d(end), d(due))
    }

    fn single(start: Option<&str>, due: &str) -> Period {
        Period {
            start: start.map(d),
            end: d(due),
            due: d(due),
        }
    }

    // ---- Every / Anchor ----

    #[test]
    fn every_months_parse_roundtrip() {
        assert_eq!(Every::parse("monthly"), Some(Every::Monthly));
        assert_eq!(Every::parse("quarterly"), Some(Every::Quarterly));
        assert_eq!(Every::parse("semiannual"), Some(Every::Semiannual));
        assert_eq!(Every::parse("annual"), Some(Every::Annual));
        assert_eq!(Every::parse("Annual"), None);
        assert_eq!(Every::parse("yearly"), None);
        assert_eq!(Every::parse(""), None);
        let months: Vec<i32> = Every::ALL.iter().map(|e| e.months()).collect();
        assert_eq!(months, vec![1, 3, 6, 12]);
        for e in Every::ALL {
            assert_eq!(Every::parse(e.as_str()), Some(e));
            assert_eq!(Every::from_months(i64::from(e.months())), Some(e));
        }
        assert_eq!(Every::from_months(2), None);
        assert_eq!(Every::from_months(0), None);
    }

    #[test]
    fn anchor_parse_roundtrip() {
        assert_eq!(Anchor::parse("start"), Some(Anchor::Start));
        assert_eq!(Anchor::parse("calendar"), Some(Anchor::Calendar));
        assert_eq!(Anchor::parse("Calendar"), None);
        for a in [Anchor::Start, Anchor::Calendar] {
            assert_eq!(Anchor::parse(a.as_str()), Some(a));
        }
        assert_eq!(Anchor::default(), Anchor::Start);
    }

    // ---- add_months ----

    #[test]
    fn add_months_clamps_to_month_end() {
        assert_eq!(add_months(d("2026-01-31"), 1), Some(d("2026-02-28")));
        assert_eq!(add_months(d("2028-01-31"), 1), Some(d("2028-02-29")));
        assert_eq!(add_months(d("2026-03-31"), 1), Some(d("2026-04-30")));
        assert_eq!(add_months(d("2024-02-29"), 12), Some(d("2025-02-28")));
        assert_eq!(add_months(d("2024-02-29"), 48), Some(d("2028-02-29")));
    }

    #[test]
    fn add_months_counts_from_the_original_date() {
        // Not chained: Jan 31 + 2 is Mar 31, not (Jan 31 + 1) + 1 = Mar 28.
        assert_eq!(add_months(d("2026-01-31"), 2), Some(d("2026-03-31")));
        let chained = add_months(add_months(d("2026-01-31"), 1).unwrap(), 1);
        assert_eq!(chained, Some(d("2026-03-28")));
    }

    #[test]
    fn add_months_crosses_years_and_goes_backwards() {
        assert_eq!(add_months(d("2026-11-15"), 3), Some(d("2027-02-15")));
        assert_eq!(add_months(d("2026-12-01"), 1), Some(d("2027-01-01")));
        assert_eq!(add_months(d("2026-01-15"), -1), Some(d("2025-12-15")));
        assert_eq!(add_months(d("2026-03-31"), -1), Some(d("2026-02-28")));
        assert_eq!(add_months(d("2026-05-20"), 0), Some(d("2026-05-20")));
        assert_eq!(add_months(d("2026-05-20"), -24), Some(d("2024-05-20")));
    }

    #[test]
    fn add_months_out_of_range_is_none() {
        assert_eq!(add_months(Date::MAX, 1), None);
        assert_eq!(add_months(Date::MIN, -1), None);
        assert_eq!(add_months(Date::MAX, i32::MAX), None);
        assert_eq!(add_months(Date::MIN, i32::MIN), None);
        assert_eq!(add_months(d("9999-11-30"), 1), Some(d("9999-12-30")));
        assert_eq!(add_months(d("9999-10-31"), 2), Some(Date::MAX));
        assert_eq!(add_months(d("-9999-02-28"), -1), Some(d("-9999-01-28")));
    }

    #[test]
    fn day_before_months_later_reaches_the_last_representable_day() {
        assert_eq!(
            day_before_months_later(d("2026-01-31"), 1),
            Some(d("2026-02-27"))
        );
        assert_eq!(day_before_months_later(d("9999-12-01"), 1), Some(Date::MAX));
        assert_eq!(
            day_before_months_later(d("9999-01-01"), 12),
            Some(Date::MAX)
        );
        assert_eq!(day_before_months_later(d("9999-12-02"), 1), None);
        assert_eq!(day_before_months_later(d("9999-12-01"), 2), None);
        assert_eq!(day_before_months_later(Date::MIN, 0), None);
    }

    #[test]
    fn add_days_is_checked() {
        assert_eq!(add_days(d("2026-02-28"), 1), Some(d("2026-03-01")));
        assert_eq!(add_days(d("2026-03-01"), -1), Some(d("2026-02-28")));
        assert_eq!(add_days(Date::MAX, 1), None);
        assert_eq!(add_days(Date::MIN, -1), None);
        assert_eq!(add_days(d("2026-01-01"), i64::MAX), None);
        assert_eq!(add_days(d("2026-01-01"), i64::MIN), None);
    }

    // ---- anchored at start ----

    #[test]
    fn quarterly_from_start_cut_at_end() {
        let t = term("2026-02-01", Some("2026-11-30"));
        let got = periodic_due_dates(&t, Every::Quarterly, Anchor::Start, 0, d("2026-06-01"));
        assert_eq!(
            spans(&got),
            vec![
                p("2026-02-01", "2026-04-30", "2026-04-30"),
                p("2026-05-01", "2026-07-31", "2026-07-31"),
                p("2026-08-01", "2026-10-31", "2026-10-31"),
                p("2026-11-01", "2026-11-30", "2026-11-30"),
            ]
        );
    }

    #[test]
    fn monthly_from_start_clamps_without_chaining() {
        let t = term("2026-01-31", Some("2026-05-30"));
        let got = periodic_due_dates(&t, Every::Monthly, Anchor::Start, 0, d("2026-01-31"));
        assert_eq!(
            spans(&got),
            vec![
                p("2026-01-31", "2026-02-27", "2026-02-27"),
                p("2026-02-28", "2026-03-30", "2026-03-30"),
                p("2026-03-31", "2026-04-29", "2026-04-29"),
                p("2026-04-30", "2026-05-30", "2026-05-30"),
            ]
        );
    }

    #[test]
    fn semiannual_and_annual_from_start() {
        let t = term("2026-03-15", Some("2028-03-14"));
        let got = periodic_due_dates(&t, Every::Semiannual, Anchor::Start, 0, d("2026-03-15"));
        assert_eq!(
            spans(&got),
            vec![
                p("2026-03-15", "2026-09-14", "2026-09-14"),
                p("2026-09-15", "2027-03-14", "2027-03-14"),
                p("2027-03-15", "2027-09-14", "2027-09-14"),
                p("2027-09-15", "2028-03-14", "2028-03-14"),
            ]
        );
        let got = periodic_due_dates(&t, Every::Annual, Anchor::Start, 0, d("2026-03-15"));
        assert_eq!(
            spans(&got),
            vec![
                p("2026-03-15", "2027-03-14", "2027-03-14"),
                p("2027-03-15", "2028-03-14", "2028-03-14"),
            ]
        );
    }

    #[test]
    fn end_on_a_period_boundary_adds_no_empty_period() {
        let t = term("2026-01-01", Some("2026-12-31"));
        let got = periodic_due_dates(&t, Every::Quarterly, Anchor::Start, 0, d("2026-01-01"));
        assert_eq!(got.len(), 4);
        assert_eq!(got[3].end, d("2026-12-31"));
        // End one day into a new period: that period exists, one day long.
        let t = term("2026-01-01", Some("2027-01-01"));
        let got = periodic_due_dates(&t, Every::Quarterly, Anchor::Start, 0, d("2026-01-01"));
        assert_eq!(got.len(), 5);
        assert_eq!(
            spans(&got[4..]),
            vec![p("2027-01-01", "2027-01-01", "2027-01-01")]
        );
    }

    #[test]
    fn term_shorter_than_one_period() {
        let t = term("2026-01-10", Some("2026-02-20"));
        let got = periodic_due_dates(&t, Every::Annual, Anchor::Start, 30, d("2026-01-10"));
        assert_eq!(
            spans(&got),
            vec![p("2026-01-10", "2026-02-20", "2026-03-22")]
        );
        // start == end: one one-day period.
        let t = term("2026-01-10", Some("2026-01-10"));
        let got = periodic_due_dates(&t, Every::Monthly, Anchor::Start, 0, d("2026-01-10"));
        assert_eq!(
            spans(&got),
            vec![p("2026-01-10", "2026-01-10", "2026-01-10")]
        );
    }

    #[test]
    fn end_before_start_gives_nothing() {
        let t = term("2026-05-01", Some("2026-04-30"));
        assert!(
            periodic_due_dates(&t, Every::Monthly, Anchor::Start, 0, d("2026-05-01")).is_empty()
        );
        assert!(
            periodic_due_dates(&t, Every::Monthly, Anchor::Calendar, 0, d("2026-05-01")).is_empty()
        );
    }

    #[test]
    fn no_start_gives_nothing() {
        let t = Term {
            end: Some(d("2026-12-31")),
            ..Term::default()
        };
        for anchor in [Anchor::Start, Anchor::Calendar] {
            assert!(periodic_due_dates(&t, Every::Monthly, anchor, 0, d("2026-05-01")).is_empty());
        }
    }

    #[test]
    fn delay_days_shift_every_due_date_including_the_cut_one() {
        let t = term("2026-02-01", Some("2026-11-30"));
        let got = periodic_due_dates(&t, Every::Quarterly, Anchor::Start, 45, d("2026-02-01"));
        assert_eq!(
            spans(&got),
            vec![
                p("2026-02-01", "2026-04-30", "2026-06-14"),
                p("2026-05-01", "2026-07-31", "2026-09-14"),
                p("2026-08-01", "2026-10-31", "2026-12-15"),
                p("2026-11-01", "2026-11-30", "2027-01-14"),
            ]
        );
    }

    #[test]
    fn periods_do_not_depend_on_as_of_when_there_is_an_end() {
        let t = term("2026-02-01", Some("2026-11-30"));
        let a = periodic_due_dates(&t, Every::Quarterly, Anchor::Start, 0, d("2020-01-01"));
        let b = periodic_due_dates(&t, Every::Quarterly, Anchor::Start, 0, d("2030-01-01"));
        assert_eq!(a, b);
        assert_eq!(a.len(), 4);
    }

    // ---- calendar anchor ----

    #[test]
    fn quarterly_calendar_first_period_cut_at_start() {
        let t = term("2026-02-15", Some("2026-12-31"));
        let got = periodic_due_dates(&t, Every::Quarterly, Anchor::Calendar, 0, d("2026-02-15"));
        assert_eq!(
            spans(&got),
            vec![
                p("2026-02-15", "2026-03-31", "2026-03-31"),
                p("2026-04-01", "2026-06-30", "2026-06-30"),
                p("2026-07-01", "2026-09-30", "2026-09-30"),
                p("2026-10-01", "2026-12-31", "2026-12-31"),
            ]
        );
    }

    #[test]
    fn monthly_calendar_cut_at_both_ends() {
        let t = term("2026-01-20", Some("2026-04-10"));
        let got = periodic_due_dates(&t, Every::Monthly, Anchor::Calendar, 10, d("2026-01-20"));
        assert_eq!(
            spans(&got),
            vec![
                p("2026-01-20", "2026-01-31", "2026-02-10"),
                p("2026-02-01", "2026-02-28", "2026-03-10"),
                p("2026-03-01", "2026-03-31", "2026-04-10"),
                p("2026-04-01", "2026-04-10", "2026-04-20"),
            ]
        );
    }

    #[test]
    fn semiannual_calendar_uses_half_years() {
        let t = term("2026-09-01", Some("2027-10-31"));
        let got = periodic_due_dates(&t, Every::Semiannual, Anchor::Calendar, 0, d("2026-09-01"));
        assert_eq!(
            spans(&got),
            vec![
                p("2026-09-01", "2026-12-31", "2026-12-31"),
                p("2027-01-01", "2027-06-30", "2027-06-30"),
                p("2027-07-01", "2027-10-31", "2027-10-31"),
            ]
        );
    }

    #[test]
    fn annual_calendar_uses_calendar_years() {
        let t = term("2026-06-10", Some("2028-03-31"));
        let got = periodic_due_dates(&t, Every::Annual, Anchor::Calendar, 0, d("2026-06-10"));
        assert_eq!(
            spans(&got),
            vec![
                p("2026-06-10", "2026-12-31", "2026-12-31"),
                p("2027-01-01", "2027-12-31", "2027-12-31"),
                p("2028-01-01", "2028-03-31", "2028-03-31"),
            ]
        );
    }

    #[test]
    fn calendar_quarters_are_jan_aligned_for_every_start_month() {
        for month in 1..=12i8 {
            let start = date(2026, month, 1);
            let t = Term {
                start: Some(start),
                end: Some(d("2027-12-31")),
                ..Term::default()
            };
            let got = periodic_due_dates(&t, Every::Quarterly, Anchor::Calendar, 0, start);
            assert_eq!(got[0].start, Some(start));
            for per in &got[1..] {
                let s = per.start.unwrap();
                assert_eq!(s.day(), 1);
                assert_eq!((s.month() - 1) % 3, 0, "{s}");
            }
            for per in &got {
                // Every period ends on a quarter end (the term end is one too).
                assert_eq!(per.end.month() % 3, 0);
                assert_eq!(per.end, per.end.last_of_month());
            }
        }
    }

    #[test]
    fn calendar_start_on_block_boundary_is_not_cut() {
        let t = term("2026-04-01", Some("2026-09-30"));
        let got = periodic_due_dates(&t, Every::Quarterly, Anchor::Calendar, 0, d("2026-04-01"));
        assert_eq!(
            spans(&got),
            vec![
                p("2026-04-01", "2026-06-30", "2026-06-30"),
                p("2026-07-01", "2026-09-30", "2026-09-30"),
            ]
        );
    }

    // ---- open-ended ----

    #[test]
    fn open_ended_runs_to_as_of_plus_90_days() {
        let t = term("2026-01-01", None);
        // as_of + 90 = 2026-06-29: the period starting 2026-06-01 is in (uncut),
        // the one starting 2026-07-01 is not.
        let got = periodic_due_dates(&t, Every::Monthly, Anchor::Start, 0, d("2026-03-31"));
        assert_eq!(got.len(), 6);
        assert_eq!(
            spans(&got[5..]),
            vec![p("2026-06-01", "2026-06-30", "2026-06-30")]
        );
    }

    #[test]
    fn open_ended_limit_is_inclusive() {
        let t = term("2026-01-01", None);
        // as_of + 90 = 2026-07-01 exactly: the period starting that day is in.
        let as_of = d("2026-04-02");
        assert_eq!(add_days(as_of, 90), Some(d("2026-07-01")));
        let got = periodic_due_dates(&t, Every::Quarterly, Anchor::Start, 0, as_of);
        assert_eq!(
            spans(&got),
            vec![
                p("2026-01-01", "2026-03-31", "2026-03-31"),
                p("2026-04-01", "2026-06-30", "2026-06-30"),
                p("2026-07-01", "2026-09-30", "2026-09-30"),
            ]
        );
        let got = periodic_due_dates(&t, Every::Quarterly, Anchor::Start, 0, d("2026-04-01"));
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn open_ended_with_start_after_horizon_gives_nothing() {
        let t = term("2027-01-01", None);
        assert!(
            periodic_due_dates(&t, Every::Monthly, Anchor::Start, 0, d("2026-01-01")).is_empty()
        );
        // On the horizon exactly: one period.
        let got = periodic_due_dates(&t, Every::Monthly, Anchor::Start, 0, d("2026-10-03"));
        assert_eq!(
            spans(&got),
            vec![p("2027-01-01", "2027-01-31", "2027-01-31")]
        );
    }

    // ---- terminated_on ----

    #[test]
    fn terminated_on_cuts_the_period_containing_it() {
        let t = Term {
            terminated_on: Some(d("2026-06-15")),
            ..term("2026-01-01", Some("2026-12-31"))
        };
        let got = periodic_due_dates(&t, Every::Quarterly, Anchor::Start, 30, d("2026-09-01"));
        assert_eq!(
            spans(&got),
            vec![
                p("2026-01-01", "2026-03-31", "2026-04-30"),
                p("2026-04-01", "2026-06-15", "2026-07-15"),
            ]
        );
    }

    #[test]
    fn terminated_on_last_day_of_a_period() {
        let t = Term {
            terminated_on: Some(d("2026-03-31")),
            ..term("2026-01-01", Some("2026-12-31"))
        };
        let got = periodic_due_dates(&t, Every::Quarterly, Anchor::Calendar, 0, d("2026-09-01"));
        assert_eq!(
            spans(&got),
            vec![p("2026-01-01", "2026-03-31", "2026-03-31")]
        );
    }

    #[test]
    fn terminated_on_first_day_of_a_period_keeps_a_one_day_period() {
        let t = Term {
            terminated_on: Some(d("2026-04-01")),
            ..term("2026-01-01", Some("2026-12-31"))
        };
        let got = periodic_due_dates(&t, Every::Quarterly, Anchor::Start, 0, d("2026-09-01"));
        assert_eq!(
            spans(&got),
            vec![
                p("2026-01-01", "2026-03-31", "2026-03-31"),
                p("2026-04-01", "2026-04-01", "2026-04-01"),
            ]
        );
    }

    #[test]
    fn terminated_on_open_ended_and_before_start() {
        let t = Term {
            terminated_on: Some(d("2026-02-10")),
            ..term("2026-01-01", None)
        };
        let got = periodic_due_dates(&t, Every::Monthly, Anchor::Start, 5, d("2026-12-01"));
        assert_eq!(
            spans(&got),
            vec![
                p("2026-01-01", "2026-01-31", "2026-02-05"),
                p("2026-02-01", "2026-02-10", "2026-02-15"),
            ]
        );
        let t = Term {
            terminated_on: Some(d("2025-12-31")),
            ..term("2026-01-01", None)
        };
        assert!(
            periodic_due_dates(&t, Every::Monthly, Anchor::Start, 0, d("2026-12-01")).is_empty()
        );
    }

    #[test]
    fn terminated_on_after_end_changes_nothing() {
        let base = term("2026-01-01", Some("2026-12-31"));
        let t = Term {
            terminated_on: Some(d("2027-06-01")),
            ..base
        };
        assert_eq!(
            periodic_due_dates(&t, Every::Quarterly, Anchor::Start, 0, d("2026-05-01")),
            periodic_due_dates(&base, Every::Quarterly, Anchor::Start, 0, d("2026-05-01")),
        );
    }

    #[test]
    fn terminated_on_drops_single_due_dates_after_it() {
        let t = Term {
            terminated_on: Some(d("2026-06-15")),
            ..term("2026-01-01", Some("2026-12-31"))
        };
        assert_eq!(
            single_due_date(&t, d("2026-06-15")),
            Some(single(Some("2026-01-01"), "2026-06-15"))
        );
        assert_eq!(single_due_date(&t, d("2026-06-16")), None);
        assert_eq!(after_end_due_date(&t, 30, d("2026-07-01")), None);
    }

    // ---- tacit renewal ----

    fn tacit(start: &str, end: &str, months: i32) -> Term {
        Term {
            tacit_renewal_months: Some(months),
            ..term(start, Some(end))
        }
    }

    #[test]
    fn effective_end_without_renewal_or_end() {
        let t = term("2026-01-01", Some("2026-12-31"));
        assert_eq!(t.effective_end(d("2030-01-01")), Some(d("2026-12-31")));
        let t = term("2026-01-01", None);
        assert_eq!(t.effective_end(d("2030-01-01")), None);
        let t = Term {
            tacit_renewal_months: Some(12),
            ..term("2026-01-01", None)
        };
        assert_eq!(t.effective_end(d("2030-01-01")), None);
    }

    #[test]
    fn effective_end_under_tacit_renewal() {
        let t = tacit("2026-01-01", "2026-12-31", 12);
        assert_eq!(t.effective_end(d("2026-06-01")), Some(d("2026-12-31")));
        assert_eq!(t.effective_end(d("2026-12-31")), Some(d("2026-12-31")));
        assert_eq!(t.effective_end(d("2027-01-01")), Some(d("2027-12-31")));
        assert_eq!(t.effective_end(d("2027-12-31")), Some(d("2027-12-31")));
        assert_eq!(t.effective_end(d("2028-01-01")), Some(d("2028-12-31")));
        assert_eq!(t.effective_end(d("2041-07-14")), Some(d("2041-12-31")));
        // Before start: still the first term.
        assert_eq!(t.effective_end(d("2020-01-01")), Some(d("2026-12-31")));
    }

    #[test]
    fn effective_end_renewal_terms_differ_from_first_term() {
        // Two-year first term renewed by 6-month terms.
        let t = tacit("2025-01-01", "2026-12-31", 6);
        assert_eq!(t.effective_end(d("2027-01-01")), Some(d("2027-06-30")));
        assert_eq!(t.effective_end(d("2027-07-01")), Some(d("2027-12-31")));
        assert_eq!(t.effective_end(d("2029-03-10")), Some(d("2029-06-30")));
    }

    #[test]
    fn effective_end_counts_from_the_day_after_end_without_chaining() {
        // end + 1 = 2026-01-31; monthly terms end addm(01-31, k) - 1 day.
        let t = tacit("2025-12-31", "2026-01-30", 1);
        assert_eq!(t.effective_end(d("2026-02-10")), Some(d("2026-02-27")));
        assert_eq!(t.effective_end(d("2026-02-28")), Some(d("2026-03-30")));
        assert_eq!(t.effective_end(d("2026-03-31")), Some(d("2026-04-29")));
    }

    #[test]
    fn effective_end_matches_a_brute_force_search() {
        let t = tacit("2024-02-29", "2025-03-30", 5);
        let base = d("2025-03-31");
        let mut as_of = d("2025-03-01");
        while as_of < d("2031-01-01") {
            let expected = if as_of <= d("2025-03-30") {
                d("2025-03-30")
            } else {
                (1..)
                    .map(|k| add_months(base, 5 * k).unwrap().yesterday().unwrap())
                    .find(|e| *e >= as_of)
                    .unwrap()
            };
            assert_eq!(t.effective_end(as_of), Some(expected), "as_of {as_of}");
            as_of = as_of.tomorrow().unwrap();
        }
    }

    #[test]
    fn effective_end_nonpositive_months_treated_as_one() {
        let t = tacit("2026-01-01", "2026-01-31", 0);
        assert_eq!(t.effective_end(d("2026-03-15")), Some(d("2026-03-31")));
        let t = tacit("2026-01-01", "2026-01-31", -7);
        assert_eq!(t.effective_end(d("2026-03-15")), Some(d("2026-03-31")));
    }

    #[test]
    fn effective_end_beyond_range_saturates() {
        let t = tacit("9990-01-01", "9990-12-31", 120);
        assert_eq!(t.effective_end(d("9999-06-01")), Some(Date::MAX));
        let t = tacit("9990-01-01", "9999-12-31", 12);
        assert_eq!(t.effective_end(Date::MAX), Some(Date::MAX));
        let t = tacit("-9999-01-01", "-9999-01-31", i32::MAX);
        assert_eq!(t.effective_end(d("2026-01-01")), Some(Date::MAX));
        let t = tacit("-9999-01-01", "-9999-01-31", 1);
        assert_eq!(t.effective_end(Date::MAX), Some(Date::MAX));
    }

    #[test]
    fn tacit_renewal_extends_periodic_due_dates() {
        let t = tacit("2026-01-01", "2026-12-31", 12);
        let got = periodic_due_dates(&t, Every::Quarterly, Anchor::Start, 0, d("2027-02-01"));
        assert_eq!(got.len(), 8);
        assert_eq!(got[7].end, d("2027-12-31"));
    }

    #[test]
    fn default_renewal_months_examples() {
        let f = Term::default_renewal_months;
        assert_eq!(f(d("2026-01-01"), d("2026-12-31")), 12);
        assert_eq!(f(d("2026-01-01"), d("2028-12-31")), 36);
        assert_eq!(f(d("2026-03-15"), d("2026-09-14")), 6);
        assert_eq!(f(d("2026-01-01"), d("2026-03-15")), 2);
        assert_eq!(f(d("2026-01-01"), d("2026-03-30")), 2);
        assert_eq!(f(d("2026-01-01"), d("2026-03-31")), 3);
        // Clamped whole months: Jan 31 + 1 month = Feb 28, so Jan 31..Feb 27 is 1.
        assert_eq!(f(d("2026-01-31"), d("2026-02-27")), 1);
        assert_eq!(f(d("2026-01-31"), d("2026-03-30")), 2);
        assert_eq!(f(d("2026-01-31"), d("2026-02-28")), 1);
        // Shorter than a month, or inverted: 1.
        assert_eq!(f(d("2026-01-01"), d("2026-01-20")), 1);
        assert_eq!(f(d("2026-01-01"), d("2026-01-01")), 1);
        assert_eq!(f(d("2026-05-01"), d("2026-01-01")), 1);
        // Range edges.
        assert_eq!(f(d("9999-01-01"), Date::MAX), 12);
        assert_eq!(f(d("9999-01-02"), Date::MAX), 11);
        assert_eq!(f(Date::MIN, Date::MAX), 19_999 * 12);
    }

    // ---- single and after_end ----

    #[test]
    fn single_due_date_period_starts_at_term_start() {
        let t = term("2026-01-01", Some("2026-12-31"));
        assert_eq!(
            single_due_date(&t, d("2026-05-01")),
            Some(single(Some("2026-01-01"), "2026-05-01"))
        );
        assert_eq!(
            single_due_date(&Term::default(), d("2026-05-01")),
            Some(single(None, "2026-05-01"))
        );
        // A due date after end is still due (only terminated_on drops it).
        assert!(single_due_date(&t, d("2027-05-01")).is_some());
    }

    #[test]
    fn after_end_days_due_date() {
        let t = term("2026-01-01", Some("2026-12-31"));
        assert_eq!(
            after_end_due_date(&t, 60, d("2026-03-01")),
            Some(Period {
                start: Some(d("2026-01-01")),
                end: d("2026-12-31"),
                due: d("2027-03-01"),
            })
        );
        assert_eq!(
            after_end_due_date(&t, 0, d("2026-03-01")).map(|p| p.due),
            Some(d("2026-12-31"))
        );
        // No end: no due date (S006).
        assert_eq!(
            after_end_due_date(&term("2026-01-01", None), 60, d("2026-03-01")),
            None
        );
        // No start: no lower bound.
        let t = Term {
            end: Some(d("2026-12-31")),
            ..Term::default()
        };
        assert_eq!(
            after_end_due_date(&t, 1, d("2026-03-01")).unwrap().start,
            None
        );
        // Out of range.
        let t = term("9999-01-01", Some("9999-12-31"));
        assert_eq!(after_end_due_date(&t, 1, d("9999-03-01")), None);
    }

    #[test]
    fn after_end_days_uses_the_effective_end() {
        let t = tacit("2026-01-01", "2026-12-31", 12);
        assert_eq!(
            after_end_due_date(&t, 30, d("2027-03-01")).map(|p| p.due),
            Some(d("2028-01-30"))
        );
    }

    #[test]
    fn after_end_days_with_terminated_on() {
        let t = Term {
            terminated_on: Some(d("2027-02-01")),
            ..term("2026-01-01", Some("2026-12-31"))
        };
        assert_eq!(
            after_end_due_date(&t, 31, d("2026-03-01")).map(|p| p.due),
            Some(d("2027-01-31"))
        );
        assert_eq!(
            after_end_due_date(&t, 32, d("2026-03-01")).map(|p| p.due),
            Some(d("2027-02-01"))
        );
        assert_eq!(after_end_due_date(&t, 33, d("2026-03-01")), None);
    }

    // ---- matching ----

    fn met(on: &str, late: bool) -> DueStatus {
        DueStatus::Met { on: d(on), late }
    }

    fn quarters_2026() -> Vec<Period> {
        let t = term("2026-01-01", Some("2026-12-31"));
        periodic_due_dates(&t, Every::Quarterly, Anchor::Start, 30, d("2026-01-01"))
    }

    #[test]
    fn matching_on_time_late_and_missing() {
        let periods = quarters_2026(); // due 04-30, 07-30, 10-30, 2027-01-30
        let subs = [d("2026-04-20"), d("2026-08-15")];
        let got = match_submissions(&periods, &subs, d("2026-11-01"));
        assert_eq!(
            got,
            vec![
                met("2026-04-20", false),
                met("2026-08-15", true),
                DueStatus::Overdue,
                DueStatus::Pending,
            ]
        );
    }

    #[test]
    fn matching_submission_on_due_date_is_on_time() {
        let periods = quarters_2026();
        let got = match_submissions(&periods[..1], &[d("2026-04-30")], d("2026-12-01"));
        assert_eq!(got, vec![met("2026-04-30", false)]);
    }

    #[test]
    fn matching_ignores_submissions_before_period_start() {
        let periods = quarters_2026();
        // Sent 2026-03-31, before the 2nd period (starts 04-01): it serves Q1,
        // and nothing is left for Q2.
        let got = match_submissions(&periods[..2], &[d("2026-03-31")], d("2026-08-01"));
        assert_eq!(got, vec![met("2026-03-31", false), DueStatus::Overdue]);
        // Only the 2nd period: the early submission cannot serve it.
        let got = match_submissions(&periods[1..2], &[d("2026-03-31")], d("2026-08-01"));
        assert_eq!(got, vec![DueStatus::Overdue]);
    }

    #[test]
    fn matching_one_submission_serves_one_due_date() {
        let periods = quarters_2026();
        let got = match_submissions(&periods[..2], &[d("2026-07-10")], d("2026-08-01"));
        assert_eq!(got, vec![met("2026-07-10", true), DueStatus::Overdue]);
        // Duplicated date: two submissions.
        let got = match_submissions(
            &periods[..2],
            &[d("2026-07-10"), d("2026-07-10")],
            d("2026-08-01"),
        );
        assert_eq!(got, vec![met("2026-07-10", true), met("2026-07-10", false)]);
    }

    #[test]
    fn matching_takes_earliest_unused_in_order() {
        let periods = quarters_2026();
        let subs = [d("2026-07-20"), d("2026-02-01"), d("2026-04-25")];
        let got = match_submissions(&periods[..3], &subs, d("2026-12-01"));
        assert_eq!(
            got,
            vec![
                met("2026-02-01", false),
                met("2026-04-25", false),
                met("2026-07-20", false),
            ]
        );
    }

    #[test]
    fn matching_ignores_submissions_after_as_of() {
        let periods = quarters_2026();
        let got = match_submissions(&periods[..1], &[d("2026-05-10")], d("2026-05-09"));
        assert_eq!(got, vec![DueStatus::Overdue]);
        let got = match_submissions(&periods[..1], &[d("2026-05-10")], d("2026-05-10"));
        assert_eq!(got, vec![met("2026-05-10", true)]);
    }

    #[test]
    fn matching_boundary_due_equal_as_of_is_pending() {
        let periods = [single(None, "2026-05-01")];
        assert_eq!(
            match_submissions(&periods, &[], d("2026-04-30")),
            vec![DueStatus::Pending]
        );
        assert_eq!(
            match_submissions(&periods, &[], d("2026-05-01")),
            vec![DueStatus::Pending]
        );
        assert_eq!(
            match_submissions(&periods, &[], d("2026-05-02")),
            vec![DueStatus::Overdue]
        );
    }

    #[test]
    fn matching_single_due_dates_bounds() {
        // With a start: a submission before start does not count.
        let periods = [single(Some("2026-01-01"), "2026-05-01")];
        let got = match_submissions(&periods, &[d("2025-12-31")], d("2026-06-01"));
        assert_eq!(got, vec![DueStatus::Overdue]);
        // Without a start: any submission counts.
        let periods = [single(None, "2026-05-01")];
        let got = match_submissions(&periods, &[d("2020-01-01")], d("2026-06-01"));
        assert_eq!(got, vec![met("2020-01-01", false)]);
    }

    #[test]
    fn matching_processes_by_due_date_but_answers_in_input_order() {
        let a = single(Some("2026-01-01"), "2026-06-01");
        let b = single(Some("2026-01-01"), "2026-03-01");
        let got = match_submissions(
            &[a, b],
            &[d("2026-02-01"), d("2026-05-01")],
            d("2026-07-01"),
        );
        // b (due first) takes 02-01, a takes 05-01.
        assert_eq!(
            got,
            vec![met("2026-05-01", false), met("2026-02-01", false)]
        );
    }

    #[test]
    fn matching_empty_inputs() {
        assert!(match_submissions(&[], &[d("2026-01-01")], d("2026-01-01")).is_empty());
        let got = match_submissions(&quarters_2026(), &[], d("2026-07-30"));
        assert_eq!(
            got,
            vec![
                DueStatus::Overdue,
                DueStatus::Pending,
                DueStatus::Pending,
                DueStatus::Pending,
            ]
        );
    }

    // ---- robustness ----

    #[test]
    fn absurd_open_ended_input_is_bounded() {
        let t = term("0001-01-01", None);
        let got = periodic_due_dates(&t, Every::Monthly, Anchor::Start, 0, Date::MAX);
        assert_eq!(got.len(), MAX_PERIODS);
        assert_eq!(got[0].start, Some(d("0001-01-01")));
        let t = term("-9999-01-01", Some("9999-12-31"));
        let got = periodic_due_dates(&t, Every::Monthly, Anchor::Calendar, 0, Date::MIN);
        assert_eq!(got.len(), MAX_PERIODS);
    }

    #[test]
    fn near_max_date_stops_without_panicking() {
        // Cut at Date::MAX: the last period ends there.
        let t = term("9999-11-15", Some("9999-12-31"));
        let got = periodic_due_dates(&t, Every::Monthly, Anchor::Start, 0, d("9999-11-15"));
        assert_eq!(
            spans(&got),
            vec![
                p("9999-11-15", "9999-12-14", "9999-12-14"),
                p("9999-12-15", "9999-12-31", "9999-12-31"),
            ]
        );
        // Open-ended: the period whose end is beyond range is not produced.
        let t = term("9999-11-15", None);
        let got = periodic_due_dates(&t, Every::Monthly, Anchor::Start, 0, Date::MAX);
        assert_eq!(
            spans(&got),
            vec![p("9999-11-15", "9999-12-14", "9999-12-14")]
        );
        let got = periodic_due_dates(&t, Every::Annual, Anchor::Calendar, 0, Date::MAX);
        assert_eq!(
            spans(&got),
            vec![p("9999-11-15", "9999-12-31", "9999-12-31")]
        );
        // A due date beyond range stops generation.
        let t = term("9999-10-01", Some("9999-12-31"));
        let got = periodic_due_dates(&t, Every::Monthly, Anchor::Start, 20, d("9999-10-01"));
        assert_eq!(
            spans(&got),
            vec![
                p("9999-10-01", "9999-10-31", "9999-11-20"),
                p("9999-11-01", "9999-11-30", "9999-12-20"),
            ]
        );
        // Huge delays.
        let t = term("2026-01-01", Some("2026-12-31"));
        for delay in [i64::MAX, i64::MIN, 10_000_000, -10_000_000] {
            assert!(
                periodic_due_dates(&t, Every::Monthly, Anchor::Start, delay, Date::MAX).is_empty()
            );
            assert_eq!(after_end_due_date(&t, delay, Date::MAX), None);
        }
    }

    #[test]
    fn near_min_date_does_not_panic() {
        for anchor in [Anchor::Start, Anchor::Calendar] {
            for every in Every::ALL {
                let t = term("-9999-01-01", Some("-9998-06-30"));
                let got = periodic_due_dates(&t, every, anchor, -400, Date::MIN);
                // Due dates before Date::MIN stop generation.
                assert!(got.is_empty());
                let got = periodic_due_dates(&t, every, anchor, 0, Date::MIN);
                assert_eq!(got[0].start, Some(Date::MIN));
                assert_eq!(got.last().unwrap().end, d("-9998-06-30"));
            }
        }
    }

    #[test]
    fn extreme_terms_for_every_combination_do_not_panic() {
        let dates = [Date::MIN, d("2026-01-31"), d("9999-12-01"), Date::MAX];
        for &start in &dates {
            let optional = dates.iter().copied().map(Some).chain([None]);
            for end in optional.clone() {
                for terminated_on in optional.clone() {
                    for renewal in [None, Some(i32::MAX)] {
                        let t = Term {
                            start: Some(start),
                            end,
                            terminated_on,
                            tacit_renewal_months: renewal,
                        };
                        for &as_of in &[Date::MIN, Date::MAX] {
                            let _ = t.effective_end(as_of);
                            let _ = after_end_due_date(&t, 1, as_of);
                            let _ = single_due_date(&t, as_of);
                            for anchor in [Anchor::Start, Anchor::Calendar] {
                                let got = periodic_due_dates(&t, Every::Annual, anchor, 0, as_of);
                                assert!(got.len() <= MAX_PERIODS);
                                for w in got.windows(2) {
                                    assert!(w[0].end < w[1].start.unwrap());
                                }
                                let _ = match_submissions(&got, &dates, as_of);
                            }
                        }
                    }
                }
            }
            let _ = Term::default_renewal_months(start, Date::MIN);
            let _ = Term::default_renewal_months(start, Date::MAX);
        }
    }

    #[test]
    fn periods_are_contiguous_and_sorted() {
        for anchor in [Anchor::Start, Anchor::Calendar] {
            for every in Every::ALL {
                let t = term("2025-08-31", Some("2031-02-27"));
                let got = periodic_due_dates(&t, every, anchor, 7, d("2026-01-01"));
                assert_eq!(got[0].start, Some(d("2025-08-31")));
                assert_eq!(got.last().unwrap().end, d("2031-02-27"));
                for w in got.windows(2) {
                    assert_eq!(w[0].end.tomorrow().unwrap(), w[1].start.unwrap());
                    assert!(w[0].due < w[1].due);
                }
                for per in &got {
                    assert!(per.start.unwrap() <= per.end);
                    assert_eq!(add_days(per.end, 7), Some(per.due));
                }
            }
        }
    }
}
