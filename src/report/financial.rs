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
use crate::render::templates::{escape_html, escape_md};

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
    fn t(&self, fr: &'static str, en: &'static str) -> &'static str {
        match self.lang {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }
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
pub fn write(
    out: &mut dyn Write,
    format: &str,
    s: &Summary,
    as_of: Date,
    lang: Lang,
) -> std::io::Result<()> {
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
    let opt = |v: Option<Decimal>| v.map(money).unwrap_or_default();
    let unassigned = w.t("Hors postes budgétaires", "Not on a budget line");
    let kind_word = |k: &str| match (k, lang) {
        ("in_kind", Lang::Fr) => "en nature",
        ("service", Lang::Fr) => "prestation de services",
        ("staff", Lang::Fr) => "mise à disposition de personnel",
        ("in_kind", Lang::En) => "in kind",
        ("service", Lang::En) => "services",
        ("staff", Lang::En) => "staff",
        _ => "",
    };
    let title = s.title.as_deref().unwrap_or(s.display_id());
    let heading = w.t("Compte rendu financier", "Financial account");
    let as_of_text = match lang {
        Lang::Fr => format!("Situation au {}", format::date(as_of, lang)),
        Lang::En => format!("As of {}", format::date(as_of, lang)),
    };
    let cols_lines = [
        w.t("Poste", "Budget line"),
        w.t("Prévu", "Planned"),
        w.t("Réalisé", "Spent"),
        w.t("Écart", "Gap"),
        w.t("Écart (%)", "Gap (%)"),
        w.t("Taux de réalisation", "Rate spent"),
    ];
    let line_cells = |l: &LineAccount, label: &str| -> [String; 6] {
        [
            label.to_string(),
            opt(l.planned),
            money(l.spent),
            opt(l.gap()),
            w.pct(l.gap_pct()),
            w.pct(l.rate().map(|r| r * Decimal::ONE_HUNDRED)),
        ]
    };
    let mut line_rows: Vec<[String; 6]> = a
        .lines
        .iter()
        .map(|l| {
            let label = if l.label.is_empty() {
                unassigned
            } else {
                &l.label
            };
            line_cells(l, label)
        })
        .collect();
    line_rows.push(line_cells(
        &a.total,
        w.t("Total des charges", "Total expenses"),
    ));
    let cols_income = [
        w.t("Financeur", "Funder"),
        w.t("Prévu", "Planned"),
        w.t("Reçu", "Received"),
    ];
    let mut income_rows: Vec<[String; 3]> = a
        .income
        .iter()
        .map(|(n, p, r)| [n.clone(), money(*p), money(*r)])
        .collect();
    income_rows.push([
        w.t("Total des produits", "Total income").to_string(),
        money(a.income_planned),
        money(a.income_received),
    ]);
    let cols_kind = [
        w.t("Apporté par", "Given by"),
        w.t("Nature", "Kind"),
        w.t("Valorisation", "Valuation"),
        w.t("Description", "Description"),
    ];
    let mut kind_rows: Vec<[String; 4]> = a
        .in_kind
        .iter()
        .map(|(n, k, v, d)| [n.clone(), kind_word(k).to_string(), money(*v), d.clone()])
        .collect();
    kind_rows.push([
        w.t("Total des contributions en nature", "Total in kind")
            .to_string(),
        String::new(),
        money(a.in_kind_total),
        String::new(),
    ]);
    let h_lines = w.t("Charges : prévu et réalisé", "Expenses: planned and spent");
    let h_income = w.t(
        "Produits : prévu et reçu par financeur",
        "Income: planned and received per funder",
    );
    let h_kind = w.t(
        "Contributions volontaires en nature",
        "In-kind contributions",
    );
    let h_diff = w.t("Difficultés rencontrées", "Difficulties");
    let h_lessons = w.t("Enseignements", "Lessons");
    let fr_colon = |s: &str| match lang {
        Lang::Fr => s.replace(" : ", "\u{A0}: "),
        Lang::En => s.to_string(),
    };
    match format {
        "json" => {
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
        "html" => {
            let e = escape_html;
            let table =
                |out: &mut dyn Write, cols: &[&str], rows: &[Vec<String>]| -> std::io::Result<()> {
                    let numeric = |i: usize| i > 0 && !(cols.len() == 4 && (i == 1 || i == 3));
                    write!(out, "<table><thead><tr>")?;
                    for (i, c) in cols.iter().enumerate() {
                        let class = if numeric(i) { " class=\"num\"" } else { "" };
                        write!(out, "<th{class}>{}</th>", e(c))?;
                    }
                    writeln!(out, "</tr></thead><tbody>")?;
                    let last = rows.len().saturating_sub(1);
                    for (r, row) in rows.iter().enumerate() {
                        write!(out, "<tr>")?;
                        for (i, c) in row.iter().enumerate() {
                            let class = if numeric(i) { " class=\"num\"" } else { "" };
                            if r == last {
                                write!(out, "<td{class}><strong>{}</strong></td>", e(c))?;
                            } else {
                                write!(out, "<td{class}>{}</td>", e(c))?;
                            }
                        }
                        writeln!(out, "</tr>")?;
                    }
                    writeln!(out, "</tbody></table>")
                };
            let l = match lang {
                Lang::Fr => "fr",
                Lang::En => "en",
            };
            writeln!(out, "<!DOCTYPE html>\n<html lang=\"{l}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{} — {}</title>", e(heading), e(title))?;
            writeln!(out, "<style>body{{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}table{{border-collapse:collapse;width:100%;margin:1rem 0}}th,td{{border-bottom:1px solid #ccc;padding:.3rem .5rem;text-align:left}}.num{{text-align:right;white-space:nowrap}}</style>\n</head>\n<body>")?;
            writeln!(
                out,
                "<h1>{} — {}</h1>\n<p>{}</p>",
                e(heading),
                e(title),
                e(&as_of_text)
            )?;
            writeln!(out, "<h2>{}</h2>", e(&fr_colon(h_lines)))?;
            table(
                out,
                &cols_lines,
                &line_rows.iter().map(|r| r.to_vec()).collect::<Vec<_>>(),
            )?;
            writeln!(out, "<h2>{}</h2>", e(&fr_colon(h_income)))?;
            table(
                out,
                &cols_income,
                &income_rows.iter().map(|r| r.to_vec()).collect::<Vec<_>>(),
            )?;
            if !a.in_kind.is_empty() {
                writeln!(out, "<h2>{}</h2>", e(h_kind))?;
                table(
                    out,
                    &cols_kind,
                    &kind_rows.iter().map(|r| r.to_vec()).collect::<Vec<_>>(),
                )?;
            }
            for (h, text) in [(h_diff, &a.difficulties), (h_lessons, &a.lessons)] {
                if let Some(t) = text {
                    writeln!(out, "<h2>{}</h2>\n<p>{}</p>", e(h), e(t))?;
                }
            }
            writeln!(out, "</body>\n</html>")
        }
        _ => {
            let m = escape_md;
            let table =
                |out: &mut dyn Write, cols: &[&str], rows: &[Vec<String>]| -> std::io::Result<()> {
                    let numeric = |i: usize| i > 0 && !(cols.len() == 4 && (i == 1 || i == 3));
                    writeln!(out, "| {} |", cols.join(" | "))?;
                    let align: Vec<&str> = (0..cols.len())
                        .map(|i| if numeric(i) { "---:" } else { "---" })
                        .collect();
                    writeln!(out, "| {} |", align.join(" | "))?;
                    let last = rows.len().saturating_sub(1);
                    for (r, row) in rows.iter().enumerate() {
                        let cells: Vec<String> = row
                            .iter()
                            .map(|c| {
                                if r == last && !c.is_empty() {
                                    format!("**{}**", m(c))
                                } else {
                                    m(c)
                                }
                            })
                            .collect();
                        writeln!(out, "| {} |", cells.join(" | "))?;
                    }
                    writeln!(out)
                };
            writeln!(out, "# {} — {}\n\n{}\n", heading, m(title), as_of_text)?;
            writeln!(out, "## {}\n", fr_colon(h_lines))?;
            table(
                out,
                &cols_lines,
                &line_rows.iter().map(|r| r.to_vec()).collect::<Vec<_>>(),
            )?;
            writeln!(out, "## {}\n", fr_colon(h_income))?;
            table(
                out,
                &cols_income,
                &income_rows.iter().map(|r| r.to_vec()).collect::<Vec<_>>(),
            )?;
            if !a.in_kind.is_empty() {
                writeln!(out, "## {h_kind}\n")?;
                table(
                    out,
                    &cols_kind,
                    &kind_rows.iter().map(|r| r.to_vec()).collect::<Vec<_>>(),
                )?;
            }
            for (h, text) in [(h_diff, &a.difficulties), (h_lessons, &a.lessons)] {
                if let Some(t) = text {
                    writeln!(out, "## {h}\n\n{t}\n")?;
                }
            }
            Ok(())
        }
    }
}
