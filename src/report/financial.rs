//! `pacte report FILE --financial` (CLI.md "status, report", revision
//! 1.1): the financial account of one convention, laid out like the French
//! compte rendu financier (Cerfa n° 15059): each budget line planned and
//! spent, with the gap (spent − planned) in amount and in percent of
//! planned, and the rate spent / planned; income planned and received per
//! funder; in-kind contributions; totals; the difficulties and lessons.
//! Markdown, HTML and JSON. Exact decimals; percentages rounded to one
//! decimal for display only.

use std::io::Write;

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::Serialize;

use super::json::Num;
use super::summary::Summary;
use crate::model::Lang;
use crate::render::format;
use crate::render::templates::{self, TemplateSet};

/// One budget line (or the expenses on no line).
#[derive(Clone, Debug, PartialEq)]
pub struct LineAccount {
    pub label: String,
    pub planned: Option<Decimal>,
    pub spent: Decimal,
}

impl LineAccount {
    /// spent − planned.
    pub fn gap(&self) -> Option<Decimal> {
        self.planned.map(|p| self.spent - p)
    }
    /// The gap in percent of planned.
    pub fn gap_pct(&self) -> Option<Decimal> {
        let p = self.planned.filter(|p| !p.is_zero())?;
        self.gap()?
            .checked_mul(Decimal::ONE_HUNDRED)?
            .checked_div(p)
    }
    /// spent / planned.
    pub fn rate(&self) -> Option<Decimal> {
        let p = self.planned.filter(|p| !p.is_zero())?;
        self.spent.checked_div(p)
    }
}

/// The financial account of one convention.
#[derive(Clone, Debug, PartialEq)]
pub struct Account {
    pub lines: Vec<LineAccount>,
    pub total: LineAccount,
    /// (funder, planned: granted + requested, received).
    pub income: Vec<(String, Decimal, Decimal)>,
    pub income_planned: Decimal,
    pub income_received: Decimal,
    /// (contributor, kind, valuation, description).
    pub in_kind: Vec<(String, &'static str, Decimal, String)>,
    pub in_kind_total: Decimal,
    pub difficulties: Option<String>,
    pub lessons: Option<String>,
}

/// Builds the account from a summary built with its detail.
pub fn account(s: &Summary) -> Account {
    let d = s.detail.clone().unwrap_or_default();
    let mut lines: Vec<LineAccount> = d
        .lines
        .iter()
        .map(|l| LineAccount {
            label: l.label.clone(),
            planned: l.amount,
            spent: l.spent,
        })
        .collect();
    if !d.unassigned.is_zero() {
        lines.push(LineAccount {
            label: String::new(),
            planned: None,
            spent: d.unassigned,
        });
    }
    let total = LineAccount {
        label: String::new(),
        planned: s.budget,
        spent: s.spent,
    };
    let income: Vec<(String, Decimal, Decimal)> = s
        .money
        .funders
        .iter()
        .map(|f| (f.name.clone(), f.granted + f.requested, f.received))
        .collect();
    Account {
        income_planned: income.iter().map(|x| x.1).sum(),
        income_received: income.iter().map(|x| x.2).sum(),
        income,
        lines,
        total,
        in_kind: s
            .money
            .in_kind
            .iter()
            .map(|k| {
                (
                    k.name.clone(),
                    k.kind.as_str(),
                    k.amount.unwrap_or_default(),
                    k.description.clone().unwrap_or_default(),
                )
            })
            .collect(),
        in_kind_total: s.money.in_kind_total,
        difficulties: d.difficulties.clone(),
        lessons: d.lessons.clone(),
    }
}

struct W {
    lang: Lang,
}

impl W {
    fn pct(&self, v: Option<Decimal>) -> String {
        match v {
            Some(v) => {
                let n = format::number(v.round_dp(1), self.lang);
                let n = match n.strip_prefix('-') {
                    Some(rest) => format!("\u{2212}{rest}"),
                    None => n,
                };
                match self.lang {
                    Lang::Fr => format!("{n}\u{202F}%"),
                    Lang::En => format!("{n}%"),
                }
            }
            None => String::new(),
        }
    }
}

/// Writes the account in `format` ("md", "html" or "json").
/// Writes the account in `format` (`md`, `html` or `json`); md and html
/// through the templates `financial.md` and `financial.html` of `set`
/// (built-in, or overridden by name), with the words of its labels.
pub fn write(
    out: &mut dyn Write,
    format: &str,
    s: &Summary,
    as_of: Date,
    lang: Lang,
    set: &TemplateSet,
) -> anyhow::Result<()> {
    let a = account(s);
    let w = W { lang };
    let cur = s.currency.as_ref();
    // A negative gap with the minus sign (U+2212), as print writes it.
    let money = |v: Decimal| {
        let text = format::amount(v, cur, lang);
        match text.strip_prefix('-') {
            Some(rest) => format!("\u{2212}{rest}"),
            None => text,
        }
    };
    if format == "json" {
        return Ok(json(out, s, &a, as_of)?);
    }
    // pacte's own words take the typography of the language, as in render.
    let mut labels = set.labels(lang)?;
    labels.typeset(lang);
    let l = |key: &str| labels.get(&format!("financial.{key}"));
    let opt = |v: Option<Decimal>| v.map(money).unwrap_or_default();
    let unassigned = l("unassigned");
    let line_cells = |acc: &LineAccount, label: &str| -> Vec<String> {
        vec![
            label.to_string(),
            opt(acc.planned),
            money(acc.spent),
            opt(acc.gap()),
            w.pct(acc.gap_pct()),
            w.pct(acc.rate().map(|r| r * Decimal::ONE_HUNDRED)),
        ]
    };
    let mut line_rows: Vec<Vec<String>> = a
        .lines
        .iter()
        .map(|acc| {
            let label = if acc.label.is_empty() {
                unassigned.as_str()
            } else {
                &acc.label
            };
            line_cells(acc, label)
        })
        .collect();
    line_rows.push(line_cells(&a.total, &l("total_lines")));
    let mut income_rows: Vec<Vec<String>> = a
        .income
        .iter()
        .map(|(n, p, r)| vec![n.clone(), money(*p), money(*r)])
        .collect();
    income_rows.push(vec![
        l("total_income"),
        money(a.income_planned),
        money(a.income_received),
    ]);
    let mut kind_rows: Vec<Vec<String>> = a
        .in_kind
        .iter()
        .map(|(n, k, v, d)| vec![n.clone(), l(&format!("kinds.{k}")), money(*v), d.clone()])
        .collect();
    kind_rows.push(vec![
        l("total_kind"),
        String::new(),
        money(a.in_kind_total),
        String::new(),
    ]);
    let cols = |keys: &[(&str, bool)]| -> Vec<serde_json::Value> {
        keys.iter()
            .map(|(k, num)| serde_json::json!({ "text": l(k), "num": num }))
            .collect()
    };
    let mut tables = vec![
        serde_json::json!({
            "heading": l("h_lines"),
            "cols": cols(&[("line", false), ("planned", true), ("spent", true), ("gap", true), ("gap_pct", true), ("rate", true)]),
            "rows": line_rows,
        }),
        serde_json::json!({
            "heading": l("h_income"),
            "cols": cols(&[("funder", false), ("planned", true), ("received", true)]),
            "rows": income_rows,
        }),
    ];
    if !a.in_kind.is_empty() {
        tables.push(serde_json::json!({
            "heading": l("h_kind"),
            "cols": cols(&[("given_by", false), ("kind", false), ("valuation", true), ("description", false)]),
            "rows": kind_rows,
        }));
    }
    let texts: Vec<serde_json::Value> = [
        ("h_difficulties", &a.difficulties),
        ("h_lessons", &a.lessons),
    ]
    .into_iter()
    .filter_map(|(h, t)| {
        t.as_ref()
            .map(|t| serde_json::json!({ "heading": l(h), "text": t }))
    })
    .collect();
    let mut cx = tera::Context::new();
    cx.insert("heading", &l("heading"));
    cx.insert("title", s.title.as_deref().unwrap_or(s.display_id()));
    cx.insert(
        "as_of",
        &labels.fill("financial.as_of", &[("date", &format::date(as_of, lang))]),
    );
    cx.insert("tables", &tables);
    cx.insert("texts", &texts);
    cx.insert("l", &labels.to_json());
    cx.insert("lang", lang.as_str());
    let (kind, name) = match format {
        "html" => (templates::Kind::Html, "financial.html"),
        _ => (templates::Kind::Markdown, "financial.md"),
    };
    let tera = set.tera(kind)?;
    let text = tera
        .render(name, &cx)
        .map_err(|e| templates::template_error(name, None, &e))?;
    // (The template's opening comment leaves a line break.)
    out.write_all(text.trim_start_matches('\n').as_bytes())?;
    Ok(())
}

/// The account as JSON: exact decimals.
fn json(out: &mut dyn Write, s: &Summary, a: &Account, as_of: Date) -> std::io::Result<()> {
    #[derive(Serialize)]
    struct LineOut<'a> {
        label: Option<&'a str>,
        planned: Option<Num>,
        spent: Num,
        gap: Option<Num>,
        gap_pct: Option<Num>,
        rate: Option<Num>,
    }
    let line = |l: &'_ LineAccount| LineOut {
        label: None,
        planned: l.planned.map(Num),
        spent: Num(l.spent),
        gap: l.gap().map(Num),
        gap_pct: l.gap_pct().map(|v| Num(v.round_dp(2))),
        rate: l.rate().map(|v| Num(v.round_dp(4))),
    };
    let lines: Vec<LineOut<'_>> = a
        .lines
        .iter()
        .map(|l| LineOut {
            label: (!l.label.is_empty()).then_some(l.label.as_str()),
            ..line(l)
        })
        .collect();
    let v = serde_json::json!({
        "as_of": as_of.to_string(),
        "file": s.file,
        "id": s.id,
        "title": s.title,
        "currency": s.currency_code(),
        "expenses": {
            "lines": serde_json::to_value(&lines).unwrap_or_default(),
            "total": serde_json::to_value(line(&a.total)).unwrap_or_default(),
        },
        "income": {
            "funders": a.income.iter().map(|(n, p, r)| serde_json::json!({
                "name": n,
                "planned": serde_json::to_value(Num(*p)).unwrap_or_default(),
                "received": serde_json::to_value(Num(*r)).unwrap_or_default(),
            })).collect::<Vec<_>>(),
            "planned": serde_json::to_value(Num(a.income_planned)).unwrap_or_default(),
            "received": serde_json::to_value(Num(a.income_received)).unwrap_or_default(),
        },
        "in_kind": {
            "contributions": a.in_kind.iter().map(|(n, k, v, d)| serde_json::json!({
                "name": n, "kind": k,
                "valuation": serde_json::to_value(Num(*v)).unwrap_or_default(),
                "description": d,
            })).collect::<Vec<_>>(),
            "total": serde_json::to_value(Num(a.in_kind_total)).unwrap_or_default(),
        },
        "difficulties": a.difficulties,
        "lessons": a.lessons,
    });
    serde_json::to_writer_pretty(&mut *out, &v)?;
    writeln!(out)
}
