//! Portfolio totals: conventions by status and kind, parties by sector,
//! financial contributions by sector and by party, per currency.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::model::{ContributionKind, ContributionStatus, Kind, Sector, Status};

use super::summary::Summary;

pub const STATUSES: [Status; 5] = [
    Status::Draft,
    Status::Signed,
    Status::Active,
    Status::Closed,
    Status::Terminated,
];
pub const SECTORS: [&str; 4] = ["public", "private", "civil_society", "other"];

/// The sector key of a contribution or party: `other` for a `source` that is
/// not a party (or a party whose sector could not be read).
pub fn sector_key(s: Option<Sector>) -> &'static str {
    s.map_or("other", |s| s.as_str())
}

/// Granted and requested financial contributions of one party (or source)
/// across the portfolio, in one currency.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PartyTotal {
    pub name: String,
    pub sector: &'static str,
    pub granted: Decimal,
    pub requested: Decimal,
    /// Number of conventions it contributes to.
    pub conventions: usize,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Totals {
    pub conventions: usize,
    pub by_status: [usize; 5],
    pub by_kind: [usize; 4],
    /// Parties per sector (each party of each convention counts once).
    pub parties_by_sector: [usize; 4],
    /// Granted financial contributions: currency -> sector -> amount.
    pub granted_by_sector: BTreeMap<String, [Decimal; 4]>,
    /// Requested (not yet granted) financial contributions.
    pub requested_by_sector: BTreeMap<String, [Decimal; 4]>,
    /// Currency -> parties, largest granted first, then by name.
    pub by_party: BTreeMap<String, Vec<PartyTotal>>,
    pub overdue: usize,
    pub errors: usize,
    pub warnings: usize,
}

fn sector_index(key: &str) -> usize {
    SECTORS.iter().position(|s| *s == key).unwrap_or(3)
}

pub fn totals(summaries: &[Summary]) -> Totals {
    let mut t = Totals {
        conventions: summaries.len(),
        ..Totals::default()
    };
    let mut parties: BTreeMap<String, BTreeMap<String, PartyTotal>> = BTreeMap::new();
    for s in summaries {
        let si = STATUSES.iter().position(|x| *x == s.status).unwrap_or(0);
        t.by_status[si] += 1;
        t.by_kind[Kind::index(s.kind)] += 1;
        t.overdue += s.overdue().count();
        t.errors += s.errors;
        t.warnings += s.warnings;
        for p in &s.parties {
            t.parties_by_sector[sector_index(sector_key(p.sector))] += 1;
        }
        let Some(cur) = s.currency_code() else {
            continue;
        };
        let mut seen: Vec<&str> = Vec::new();
        for c in &s.contributions {
            let (ContributionKind::Financial, Some(amount)) = (c.kind, c.amount) else {
                continue;
            };
            let sector = sector_key(c.sector);
            let by_sector = match c.status {
                ContributionStatus::Granted => &mut t.granted_by_sector,
                ContributionStatus::Requested => &mut t.requested_by_sector,
            };
            let row = by_sector.entry(cur.to_string()).or_default();
            row[sector_index(sector)] += amount;
            let party = parties
                .entry(cur.to_string())
                .or_default()
                .entry(c.name.clone())
                .or_insert_with(|| PartyTotal {
                    name: c.name.clone(),
                    sector,
                    ..PartyTotal::default()
                });
            match c.status {
                ContributionStatus::Granted => party.granted += amount,
                ContributionStatus::Requested => party.requested += amount,
            }
            if !seen.contains(&c.name.as_str()) {
                seen.push(&c.name);
                party.conventions += 1;
            }
        }
    }
    for (cur, map) in parties {
        let mut rows: Vec<PartyTotal> = map.into_values().collect();
        rows.sort_by(|a, b| {
            (b.granted, b.requested)
                .cmp(&(a.granted, a.requested))
                .then_with(|| a.name.cmp(&b.name))
        });
        t.by_party.insert(cur, rows);
    }
    t
}
