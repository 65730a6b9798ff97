//! Money followed (CLI.md "status, report", revision 1.1): per funder, the
//! contributions granted, the disbursements scheduled, the payments
//! received and what is late; the share of the budget spent against the
//! share of the period elapsed; in-kind contributions with their
//! valuation, apart from money. Exact decimals, never rounded here.

use jiff::civil::Date;
use rust_decimal::Decimal;

use super::summary::{Entry, State};
use crate::due::DueKind;
use crate::model::{ContributionKind, ContributionStatus, Document};

/// One funder: a party or a source with a financial contribution, or a
/// party that disburses or pays.
#[derive(Clone, Debug, PartialEq)]
pub struct Funder {
    /// The party id, or the `source`.
    pub id: String,
    /// The party's name, or the `source`.
    pub name: String,
    pub is_party: bool,
    /// Financial contributions granted.
    pub granted: Decimal,
    /// Financial contributions requested (not granted yet).
    pub requested: Decimal,
    /// Disbursements scheduled.
    pub scheduled: Decimal,
    /// Payments received on or before the as-of date.
    pub received: Decimal,
    /// Disbursements due before the as-of date and not paid.
    pub late: Decimal,
    pub late_count: usize,
}

/// An in-kind, service or staff contribution and its valuation.
#[derive(Clone, Debug, PartialEq)]
pub struct InKind {
    pub name: String,
    pub kind: ContributionKind,
    pub amount: Option<Decimal>,
    pub description: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Money {
    pub funders: Vec<Funder>,
    pub in_kind: Vec<InKind>,
    /// The sum of the in-kind valuations (never part of the budget).
    pub in_kind_total: Decimal,
    /// Spent / budget (0..), when the budget is above zero.
    pub budget_share_spent: Option<Decimal>,
    /// Days elapsed / days of the period, between 0 and 1, when `start`
    /// and `end` are known.
    pub period_share_elapsed: Option<Decimal>,
}

impl Money {
    pub fn totals(&self) -> (Decimal, Decimal, Decimal, Decimal) {
        self.funders.iter().fold(
            (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO),
            |(g, s, r, l), f| (g + f.granted, s + f.scheduled, r + f.received, l + f.late),
        )
    }
}

/// The share of the period elapsed at `as_of`: `(as_of − start + 1) /
/// (end − start + 1)` in days, clamped to 0..1.
pub fn period_share(start: Date, end: Date, as_of: Date) -> Option<Decimal> {
    let total = crate::due::days_between(start, end) + 1;
    if total <= 0 {
        return None;
    }
    let done = (crate::due::days_between(start, as_of) + 1).clamp(0, total);
    Some(Decimal::from(done) / Decimal::from(total))
}

/// Builds the money of one convention; `entries` are its due items (for
/// what is late).
pub fn build(doc: &Document, as_of: Date, entries: &[Entry], spent: Decimal) -> Money {
    let mut m = Money::default();
    let name_of = |id: &str| -> String {
        doc.party(id)
            .and_then(|p| p.name.get())
            .map_or_else(|| id.to_string(), Clone::clone)
    };
    let funder = |m: &mut Money, id: &str, is_party: bool| -> usize {
        if let Some(i) = m
            .funders
            .iter()
            .position(|f| f.id == id && f.is_party == is_party)
        {
            return i;
        }
        m.funders.push(Funder {
            id: id.to_string(),
            name: if is_party {
                name_of(id)
            } else {
                id.to_string()
            },
            is_party,
            granted: Decimal::ZERO,
            requested: Decimal::ZERO,
            scheduled: Decimal::ZERO,
            received: Decimal::ZERO,
            late: Decimal::ZERO,
            late_count: 0,
        });
        m.funders.len() - 1
    };
    let funds = doc.funds.get();
    for c in funds.map(|f| f.contributions.items()).unwrap_or_default() {
        let Some(kind) = c.kind.get().copied() else {
            continue;
        };
        let (id, is_party) = match (c.party.get(), c.source.get()) {
            (Some(p), _) => (p.as_str(), true),
            (None, Some(s)) => (s.as_str(), false),
            _ => continue,
        };
        let amount = c.amount.get().copied();
        if kind == ContributionKind::Financial {
            let i = funder(&mut m, id, is_party);
            let a = amount.unwrap_or_default();
            match c
                .status
                .get()
                .copied()
                .unwrap_or(ContributionStatus::Granted)
            {
                ContributionStatus::Granted => m.funders[i].granted += a,
                ContributionStatus::Requested => m.funders[i].requested += a,
            }
        } else {
            m.in_kind_total += amount.unwrap_or_default();
            m.in_kind.push(InKind {
                name: if is_party {
                    name_of(id)
                } else {
                    id.to_string()
                },
                kind,
                amount,
                description: c.description.get().cloned(),
            });
        }
    }
    for d in funds.map(|f| f.disbursements.items()).unwrap_or_default() {
        let (Some(from), Some(a)) = (d.from.get(), d.amount.get()) else {
            continue;
        };
        let i = funder(&mut m, from, true);
        m.funders[i].scheduled += *a;
    }
    let payers: Vec<String> = doc
        .tracking
        .get()
        .map(|t| t.payments.items())
        .unwrap_or_default()
        .iter()
        .filter_map(|p| p.from.get().cloned())
        .collect();
    for p in payers {
        let i = funder(&mut m, &p, true);
        if m.funders[i].received.is_zero() {
            m.funders[i].received = crate::due::payments_from(doc, &p, as_of)
                .iter()
                .map(|(_, a)| *a)
                .sum();
        }
    }
    for e in entries {
        if e.kind != DueKind::Disbursement
            || !matches!(e.state, State::Overdue { .. } | State::Lapsed { .. })
        {
            continue;
        }
        if let (Some(owner), Some(a)) = (&e.owner, e.amount) {
            let i = funder(&mut m, owner, true);
            m.funders[i].late += a;
            m.funders[i].late_count += 1;
        }
    }
    let c = &doc.convention;
    let budget = funds.and_then(|f| f.budget.get().copied());
    m.budget_share_spent = budget
        .filter(|b| *b > Decimal::ZERO)
        .and_then(|b| spent.checked_div(b));
    m.period_share_elapsed = match (c.start.get(), c.end.get()) {
        (Some(&s), Some(&e)) => period_share(s, e, as_of),
        _ => None,
    };
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn share_of_the_period() {
        let s = date(2026, 1, 1);
        let e = date(2026, 12, 31);
        assert_eq!(period_share(s, e, date(2025, 6, 1)), Some(Decimal::ZERO));
        assert_eq!(period_share(s, e, date(2027, 6, 1)), Some(Decimal::ONE));
        // 1 January to 2 July 2026 inclusive: 183 days of 365.
        assert_eq!(
            period_share(s, e, date(2026, 7, 2)),
            Some(Decimal::from(183) / Decimal::from(365))
        );
        assert_eq!(period_share(e, s, date(2026, 7, 2)), None);
    }
}
