//! Geometry of the inline SVG charts of the html report: computed here,
//! drawn by the template. Coordinates are written with one decimal, so the
//! output is deterministic.

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::Serialize;

use super::summary::Summary;
use super::totals::{self, Totals};
use super::view::{f, Words};
use crate::due::{self, DueKind};

const LABEL_W: f64 = 190.0;
const PLOT_W: f64 = 560.0;
const ROW_H: f64 = 18.0;
const TOP: f64 = 22.0;
pub const WIDTH: f64 = LABEL_W + PLOT_W + 20.0;
/// Charts show at most this many conventions (one row each); a note says
/// how many more the tables list. A 10,000-row chart is unreadable, and
/// would weigh on memory for nothing.
pub const MAX_ROWS: usize = 200;

fn n(x: f64) -> String {
    let v = (x * 10.0).round() / 10.0;
    if v == v.trunc() {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

#[derive(Serialize)]
pub struct Tick {
    pub x: String,
    pub label: String,
}

#[derive(Serialize)]
pub struct Mark {
    pub x: String,
    pub y: String,
    pub class: &'static str,
    pub title: String,
    /// `milestone` (a circle), `report` (a square) or `disbursement` (a
    /// diamond): the timeline draws reports and disbursements too.
    pub shape: &'static str,
    /// The square's corner, or the diamond's points.
    pub x0: String,
    pub y0: String,
    pub points: String,
}

/// Whether the timeline draws this due item.
fn drawn(kind: DueKind) -> bool {
    matches!(
        kind,
        DueKind::Milestone | DueKind::Report | DueKind::Disbursement
    )
}

#[derive(Serialize)]
pub struct Bar {
    pub x: String,
    pub w: String,
}

#[derive(Serialize)]
pub struct TimelineRow {
    pub y: String,
    pub text_y: String,
    pub label: String,
    pub title: String,
    pub bar: Option<Bar>,
    pub marks: Vec<Mark>,
}

#[derive(Serialize)]
pub struct Timeline {
    pub width: String,
    pub height: String,
    pub plot_x: String,
    pub plot_end: String,
    pub bottom: String,
    pub as_of_x: String,
    pub as_of_label: String,
    pub ticks: Vec<Tick>,
    pub rows: Vec<TimelineRow>,
    /// Conventions left out (beyond [`MAX_ROWS`]).
    pub omitted: usize,
}

#[derive(Serialize)]
pub struct HBar {
    pub y: String,
    pub text_y: String,
    pub label: String,
    pub w: String,
    pub value: String,
    pub value_x: String,
}

#[derive(Serialize)]
pub struct BarChart {
    pub title: String,
    pub width: String,
    pub height: String,
    pub plot_x: String,
    pub rows: Vec<HBar>,
}

#[derive(Serialize)]
pub struct BudgetRow {
    pub y: String,
    pub spent_y: String,
    pub text_y: String,
    pub label: String,
    pub budget_w: String,
    pub spent_w: String,
    pub over: bool,
    pub value: String,
    pub value_x: String,
}

#[derive(Serialize)]
pub struct BudgetChart {
    pub width: String,
    pub height: String,
    pub plot_x: String,
    pub rows: Vec<BudgetRow>,
    /// Conventions with a budget left out (beyond [`MAX_ROWS`]).
    pub omitted: usize,
}

#[derive(Serialize)]
pub struct Charts {
    pub timeline: Option<Timeline>,
    pub sectors: Vec<BarChart>,
    pub budget: Option<BudgetChart>,
}

fn short(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

fn timeline(all: &[Summary], as_of: Date, w: &Words<'_>) -> Option<Timeline> {
    let summaries = &all[..all.len().min(MAX_ROWS)];
    let mut lo = as_of;
    let mut hi = as_of;
    let mut any = false;
    for s in summaries {
        for d in s
            .start
            .iter()
            .chain(s.end.iter())
            .chain(s.entries.iter().filter(|e| drawn(e.kind)).map(|e| &e.due))
        {
            lo = lo.min(*d);
            hi = hi.max(*d);
            any = true;
        }
    }
    if !any {
        return None;
    }
    // Whole months around the range.
    lo = lo.first_of_month();
    hi = hi.last_of_month();
    let span = due::days_between(lo, hi).max(1) as f64;
    let x = |d: Date| LABEL_W + due::days_between(lo, d) as f64 / span * PLOT_W;
    let mut rows = Vec::new();
    for (i, s) in summaries.iter().enumerate() {
        let y = TOP + i as f64 * ROW_H;
        let bar = match (s.start, s.end) {
            (Some(a), Some(b)) if b >= a => Some(Bar {
                x: n(x(a)),
                w: n((x(b) - x(a)).max(1.0)),
            }),
            _ => None,
        };
        let marks = s
            .entries
            .iter()
            .filter(|e| drawn(e.kind))
            .map(|e| {
                let (cx, cy) = (x(e.due), y + ROW_H / 2.0);
                Mark {
                    x: n(cx),
                    y: n(cy),
                    class: e.state.key(),
                    title: format!(
                        "{} {} — {} — {}",
                        e.id,
                        e.title.as_deref().unwrap_or(""),
                        w.date(e.due),
                        w.state(e.state)
                    ),
                    shape: e.kind.as_str(),
                    x0: n(cx - 3.5),
                    y0: n(cy - 3.5),
                    points: format!(
                        "{},{} {},{} {},{} {},{}",
                        n(cx),
                        n(cy - 4.5),
                        n(cx + 4.5),
                        n(cy),
                        n(cx),
                        n(cy + 4.5),
                        n(cx - 4.5),
                        n(cy)
                    ),
                }
            })
            .collect();
        rows.push(TimelineRow {
            y: n(y + 4.0),
            text_y: n(y + ROW_H / 2.0 + 4.0),
            label: short(s.display_id(), 28),
            title: s.title.clone().unwrap_or_default(),
            bar,
            marks,
        });
    }
    let mut ticks = Vec::new();
    let mut year = lo.year();
    loop {
        let Ok(d) = Date::new(year, 1, 1) else { break };
        if d > hi {
            break;
        }
        if d >= lo {
            ticks.push(Tick {
                x: n(x(d)),
                label: year.to_string(),
            });
        }
        year += 1;
    }
    let bottom = TOP + summaries.len() as f64 * ROW_H;
    Some(Timeline {
        width: n(WIDTH),
        height: n(bottom + 8.0),
        plot_x: n(LABEL_W),
        plot_end: n(LABEL_W + PLOT_W),
        bottom: n(bottom),
        as_of_x: n(x(as_of)),
        as_of_label: w.date(as_of),
        ticks,
        rows,
        omitted: all.len() - summaries.len(),
    })
}

fn bar_chart(title: String, rows: Vec<(String, Decimal, String)>) -> BarChart {
    let max = rows
        .iter()
        .map(|r| r.1)
        .max()
        .unwrap_or(Decimal::ZERO)
        .max(Decimal::ONE);
    let plot = PLOT_W - 150.0;
    let out: Vec<HBar> = rows
        .into_iter()
        .enumerate()
        .map(|(i, (label, v, text))| {
            let y = 4.0 + i as f64 * (ROW_H + 4.0);
            let wv = (f(v) / f(max) * plot).max(0.0);
            HBar {
                y: n(y),
                text_y: n(y + ROW_H / 2.0 + 4.0),
                label,
                w: n(wv),
                value: text,
                value_x: n(LABEL_W + wv + 6.0),
            }
        })
        .collect();
    BarChart {
        title,
        width: n(WIDTH),
        height: n(8.0 + out.len() as f64 * (ROW_H + 4.0)),
        plot_x: n(LABEL_W),
        rows: out,
    }
}

fn budget(summaries: &[Summary], w: &Words<'_>) -> Option<BudgetChart> {
    let plot = PLOT_W - 190.0;
    let mut rows = Vec::new();
    let mut omitted = 0;
    for s in summaries {
        let Some(b) = s.budget else { continue };
        if rows.len() == MAX_ROWS {
            omitted += 1;
            continue;
        }
        // Each row on its own scale (currencies differ): the larger of the
        // budget and the expenses fills the bar.
        let full = b.max(s.spent);
        let (bw, sw) = if full > Decimal::ZERO {
            (
                f(b) / f(full) * plot,
                f(s.spent.max(Decimal::ZERO)) / f(full) * plot,
            )
        } else {
            (0.0, 0.0)
        };
        let y = 4.0 + rows.len() as f64 * (ROW_H + 6.0);
        let cur = s.currency.as_ref();
        rows.push(BudgetRow {
            y: n(y),
            spent_y: n(y + 5.0),
            text_y: n(y + ROW_H / 2.0 + 4.0),
            label: short(s.display_id(), 28),
            budget_w: n(bw),
            spent_w: n(sw),
            over: s.spent > b,
            value: format!(
                "{} / {}",
                crate::render::format::amount(s.spent, cur, w.lang),
                crate::render::format::amount(b, cur, w.lang)
            ),
            value_x: n(LABEL_W + bw.max(sw) + 6.0),
        });
    }
    if rows.is_empty() {
        return None;
    }
    Some(BudgetChart {
        width: n(WIDTH),
        height: n(8.0 + rows.len() as f64 * (ROW_H + 6.0)),
        plot_x: n(LABEL_W),
        rows,
        omitted,
    })
}

pub fn build(summaries: &[Summary], t: &Totals, as_of: Date, w: &Words<'_>) -> Charts {
    let mut sectors = Vec::new();
    for (code, row) in &t.granted_by_sector {
        let cur = summaries
            .iter()
            .find_map(|s| s.currency.filter(|c| c.code() == code));
        let rows: Vec<(String, Decimal, String)> = totals::SECTORS
            .iter()
            .zip(row)
            .filter(|(_, v)| !v.is_zero())
            .map(|(k, v)| {
                (
                    w.l.get(&format!("report.sector.{k}")),
                    *v,
                    crate::render::format::amount(*v, cur.as_ref(), w.lang),
                )
            })
            .collect();
        if !rows.is_empty() {
            sectors.push(bar_chart(code.clone(), rows));
        }
    }
    Charts {
        timeline: timeline(summaries, as_of, w),
        sectors,
        budget: budget(summaries, w),
    }
}
