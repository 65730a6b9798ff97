//! `check --statistics`: the count of findings per rule over all files,
//! most frequent first (ties by code).

use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;

use crate::check::Run;
use crate::model::Lang;

/// How many findings one rule gave over the run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RuleCount {
    pub code: &'static str,
    pub name: &'static str,
    pub count: usize,
}

/// The count per rule, most frequent first, then by code.
pub fn statistics<T>(run: &Run<T>) -> Vec<RuleCount> {
    let mut counts: BTreeMap<&'static str, (&'static str, usize)> = BTreeMap::new();
    for d in run.reports().flat_map(|r| &r.diagnostics) {
        counts.entry(d.code.as_str()).or_insert((d.name, 0)).1 += 1;
    }
    let mut rows: Vec<RuleCount> = counts
        .into_iter()
        .map(|(code, (name, count))| RuleCount { code, name, count })
        .collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(b.code)));
    rows
}

/// The human table printed after the diagnostics.
pub fn write_human(rows: &[RuleCount], lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    let title = match lang {
        Lang::Fr => "Constats par règle\u{a0}:",
        Lang::En => "Findings per rule:",
    };
    writeln!(out)?;
    writeln!(out, "{title}")?;
    if rows.is_empty() {
        let none = match lang {
            Lang::Fr => "  aucun constat",
            Lang::En => "  no finding",
        };
        return writeln!(out, "{none}");
    }
    let width = rows
        .iter()
        .map(|r| r.count.to_string().len())
        .max()
        .unwrap_or(1);
    for r in rows {
        writeln!(out, "  {:>width$}  {} {}", r.count, r.code, r.name)?;
    }
    Ok(())
}
