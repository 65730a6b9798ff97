//! `report --format json` and `status --format json` (CLI.md "status,
//! report"). Amounts are exact: each decimal is written as the JSON number
//! of its shortest exact decimal form (serde_json's `RawValue`), never
//! through a float.

use std::io::Write;

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use super::summary::{Entry, State, Summary};
use super::totals::{self, Totals};
use crate::model::Kind;

/// A JSON object with its keys in the order given.
pub struct Pairs<V>(pub Vec<(String, V)>);

impl<V: Serialize> Serialize for Pairs<V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

type Map = Pairs<usize>;

/// An exact decimal written as a JSON number.
#[derive(Clone, Copy, Debug)]
pub struct Num(pub Decimal);

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let text = self.0.normalize().to_string();
        match serde_json::value::RawValue::from_string(text) {
            Ok(raw) => raw.serialize(s),
            Err(_) => s.serialize_str(&self.0.to_string()),
        }
    }
}

#[derive(Serialize)]
struct DueRef<'a> {
    kind: &'static str,
    id: &'a str,
    occurrence: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    due: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    days_late: Option<i64>,
    owner: Option<&'a str>,
    contact: Option<ContactOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    amount: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    waiting_for: Option<&'a str>,
}

#[derive(Serialize)]
struct ContactOut<'a> {
    name: Option<&'a str>,
    email: Option<&'a str>,
}

/// One item of `deadlines`: every due item with its state (CLI.md).
#[derive(Serialize)]
struct DeadlineOut<'a> {
    #[serde(flatten)]
    item: DueRef<'a>,
    state: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    met_on: Option<String>,
}

impl<'a> DeadlineOut<'a> {
    fn new(e: &'a Entry) -> Self {
        DeadlineOut {
            item: DueRef::new(e),
            state: e.state.csv_key(),
            met_on: match e.state {
                State::OnTime { on } | State::Late { on, .. } => Some(on.to_string()),
                _ => None,
            },
        }
    }
}

impl<'a> DueRef<'a> {
    fn new(e: &'a Entry) -> Self {
        DueRef {
            kind: e.kind.as_str(),
            id: &e.id,
            occurrence: e.occurrence,
            title: e.title.as_deref(),
            due: e.due.to_string(),
            days_late: match e.state {
                State::Overdue { days } => Some(days),
                _ => None,
            },
            owner: e.owner.as_deref(),
            contact: e.contact.as_ref().map(|c| ContactOut {
                name: c.name.as_deref(),
                email: c.email.as_deref(),
            }),
            amount: e.amount.map(Num),
            waiting_for: e.waiting_for.as_deref(),
        }
    }
}

#[derive(Serialize)]
struct ConventionOut<'a> {
    file: &'a str,
    id: Option<&'a str>,
    title: Option<&'a str>,
    kind: &'static str,
    status: &'static str,
    lang: &'static str,
    completeness: Option<f64>,
    /// The parties whose latest signature carries the current terms.
    signed_by: &'a [String],
    errors: usize,
    warnings: usize,
    infos: usize,
    start: Option<String>,
    end: Option<String>,
    budget: Option<Num>,
    spent: Num,
    currency: Option<&'a str>,
    next_deadline: Option<DueRef<'a>>,
    overdue: Vec<DueRef<'a>>,
    upcoming: Vec<DueRef<'a>>,
    expired: bool,
    deadlines: Vec<DeadlineOut<'a>>,
    money: MoneyOut<'a>,
}

#[derive(Serialize)]
struct FunderOut<'a> {
    id: &'a str,
    name: &'a str,
    is_party: bool,
    granted: Num,
    requested: Num,
    scheduled: Num,
    received: Num,
    late: Num,
    late_count: usize,
}

#[derive(Serialize)]
struct InKindOut<'a> {
    name: &'a str,
    kind: &'static str,
    amount: Option<Num>,
    description: Option<&'a str>,
}

/// Money followed (revision 1.1); the shares rounded to 4 decimals.
#[derive(Serialize)]
struct MoneyOut<'a> {
    funders: Vec<FunderOut<'a>>,
    in_kind: Vec<InKindOut<'a>>,
    in_kind_total: Num,
    budget_share_spent: Option<Num>,
    period_share_elapsed: Option<Num>,
}

fn money(m: &super::money::Money) -> MoneyOut<'_> {
    MoneyOut {
        funders: m
            .funders
            .iter()
            .map(|f| FunderOut {
                id: &f.id,
                name: &f.name,
                is_party: f.is_party,
                granted: Num(f.granted),
                requested: Num(f.requested),
                scheduled: Num(f.scheduled),
                received: Num(f.received),
                late: Num(f.late),
                late_count: f.late_count,
            })
            .collect(),
        in_kind: m
            .in_kind
            .iter()
            .map(|k| InKindOut {
                name: &k.name,
                kind: k.kind.as_str(),
                amount: k.amount.map(Num),
                description: k.description.as_deref(),
            })
            .collect(),
        in_kind_total: Num(m.in_kind_total),
        budget_share_spent: m.budget_share_spent.map(|v| Num(v.round_dp(4))),
        period_share_elapsed: m.period_share_elapsed.map(|v| Num(v.round_dp(4))),
    }
}

#[derive(Serialize)]
struct PartyOut<'a> {
    party: &'a str,
    sector: &'static str,
    granted: Num,
    requested: Num,
    conventions: usize,
}

#[derive(Serialize)]
struct TotalsOut<'a> {
    conventions: usize,
    by_status: Map,
    by_kind: Map,
    parties_by_sector: Map,
    contributions_by_sector: Pairs<Pairs<Num>>,
    requested_by_sector: Pairs<Pairs<Num>>,
    contributions_by_party: Pairs<Vec<PartyOut<'a>>>,
    overdue: usize,
    errors: usize,
    warnings: usize,
}

fn count_map<'a>(pairs: impl Iterator<Item = (&'a str, usize)>) -> Map {
    Pairs(pairs.map(|(k, v)| (k.to_string(), v)).collect())
}

fn by_sector(m: &std::collections::BTreeMap<String, [Decimal; 4]>) -> Pairs<Pairs<Num>> {
    Pairs(
        m.iter()
            .map(|(cur, row)| {
                let pairs = totals::SECTORS
                    .iter()
                    .zip(row)
                    .filter(|(_, v)| !v.is_zero())
                    .map(|(k, v)| (k.to_string(), Num(*v)))
                    .collect();
                (cur.clone(), Pairs(pairs))
            })
            .collect(),
    )
}

/// How many conventions are serialized in parallel before being written:
/// the view and text of a convention live only until its chunk is written.
const CHUNK: usize = 64;

/// `value` as serde_json's pretty printer writes it `depth` levels down
/// (two spaces a level): the text at depth 0 with every line after the
/// first indented. JSON strings escape their line breaks, so every line
/// break of the text is the printer's.
fn pretty_at(value: &impl Serialize, depth: usize) -> serde_json::Result<Vec<u8>> {
    pretty_with(&mut Vec::new(), value, depth)
}

/// [`pretty_at`], the text at depth 0 written into `scratch` (reused).
fn pretty_with(
    scratch: &mut Vec<u8>,
    value: &impl Serialize,
    depth: usize,
) -> serde_json::Result<Vec<u8>> {
    scratch.clear();
    serde_json::to_writer_pretty(&mut *scratch, value)?;
    let text = &scratch[..];
    let indent = 2 * depth;
    let lines = memchr::memchr_iter(b'\n', text).count();
    let mut out = Vec::with_capacity(text.len() + lines * indent);
    let mut start = 0;
    for i in memchr::memchr_iter(b'\n', text) {
        out.extend_from_slice(&text[start..=i]);
        out.resize(out.len() + indent, b' ');
        start = i + 1;
    }
    out.extend_from_slice(&text[start..]);
    Ok(out)
}

/// The `conventions` array, at depth 1 of the document: the conventions
/// are serialized in parallel, a chunk at a time, and written in order.
fn write_conventions(out: &mut dyn Write, summaries: &[Summary]) -> std::io::Result<()> {
    use rayon::prelude::*;
    if summaries.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(b"[")?;
    let mut first = true;
    for chunk in summaries.chunks(CHUNK) {
        let texts: Vec<serde_json::Result<Vec<u8>>> = chunk
            .par_iter()
            .map_init(Vec::new, |scratch, s| {
                pretty_with(scratch, &convention(s), 2)
            })
            .collect();
        for text in texts {
            out.write_all(if first { b"\n    " } else { b",\n    " })?;
            first = false;
            out.write_all(&text?)?;
        }
    }
    out.write_all(b"\n  ]")
}

fn convention(s: &Summary) -> ConventionOut<'_> {
    ConventionOut {
        file: &s.file,
        id: s.id.as_deref(),
        title: s.title.as_deref(),
        kind: s.kind.as_str(),
        status: s.status.as_str(),
        lang: s.lang.as_str(),
        completeness: s.completeness,
        signed_by: &s.signed_by,
        errors: s.errors,
        warnings: s.warnings,
        infos: s.infos,
        start: s.start.map(|d| d.to_string()),
        end: s.end.map(|d| d.to_string()),
        budget: s.budget.map(Num),
        spent: Num(s.spent),
        currency: s.currency_code(),
        next_deadline: s.next_deadline().map(DueRef::new),
        overdue: s.overdue().map(DueRef::new).collect(),
        upcoming: s.upcoming().map(DueRef::new).collect(),
        expired: s.expired(),
        deadlines: s.entries.iter().map(DeadlineOut::new).collect(),
        money: money(&s.money),
    }
}

pub fn write(
    out: &mut dyn Write,
    as_of: Date,
    summaries: &[Summary],
    t: &Totals,
) -> std::io::Result<()> {
    let parties = Pairs(
        t.by_party
            .iter()
            .map(|(cur, rows)| {
                let rows = rows
                    .iter()
                    .map(|p| PartyOut {
                        party: &p.name,
                        sector: p.sector,
                        granted: Num(p.granted),
                        requested: Num(p.requested),
                        conventions: p.conventions,
                    })
                    .collect();
                (cur.clone(), rows)
            })
            .collect(),
    );
    let totals = TotalsOut {
        conventions: t.conventions,
        by_status: count_map(
            totals::STATUSES
                .iter()
                .zip(t.by_status)
                .map(|(s, n)| (s.as_str(), n)),
        ),
        by_kind: count_map(
            Kind::ALL
                .iter()
                .zip(t.by_kind)
                .map(|(k, n)| (k.as_str(), n)),
        ),
        parties_by_sector: count_map(
            totals::SECTORS
                .iter()
                .zip(t.parties_by_sector)
                .map(|(s, n)| (*s, n)),
        ),
        contributions_by_sector: by_sector(&t.granted_by_sector),
        requested_by_sector: by_sector(&t.requested_by_sector),
        contributions_by_party: parties,
        overdue: t.overdue,
        errors: t.errors,
        warnings: t.warnings,
    };
    // The document as serde_json's pretty printer writes it, the
    // conventions serialized in parallel (the frame is written by hand).
    let as_of = serde_json::to_string(&as_of.to_string())?;
    write!(
        out,
        "{{\n  \"version\": 1,\n  \"as_of\": {as_of},\n  \"conventions\": "
    )?;
    write_conventions(out, summaries)?;
    out.write_all(b",\n  \"totals\": ")?;
    out.write_all(&pretty_at(&totals, 1)?)?;
    out.write_all(b"\n}\n")
}
