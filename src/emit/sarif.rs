//! `--format sarif`: SARIF 2.1.0, as GitHub code scanning accepts it.

use std::io::Write;

use serde_json::{json, Value};

use crate::check::Run;
use crate::diagnostic::Level;
use crate::rules::CATALOGUE;

use super::Emitter;

pub struct Sarif {
    /// The language of messages.
    pub lang: crate::model::Lang,
}

fn level(l: Level) -> &'static str {
    match l {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Info | Level::Off => "note",
    }
}

impl Emitter for Sarif {
    fn emit<T>(&self, run: &Run<T>, out: &mut dyn Write) -> std::io::Result<()> {
        let rules: Vec<Value> = CATALOGUE
            .iter()
            .map(|r| {
                let m = r.meta();
                let summary = crate::present::messages::summary(m, self.lang);
                let explanation = crate::present::messages::explanation(m, self.lang);
                json!({
                    "id": m.code.as_str(),
                    "name": m.name,
                    "shortDescription": { "text": summary },
                    "fullDescription": { "text": summary },
                    "help": { "text": explanation, "markdown": explanation },
                    "properties": { "family": m.family.as_str() },
                })
            })
            .collect();
        let index = |code: crate::rules::Code| code.index();
        let results: Vec<Value> = run
            .reports()
            .flat_map(|r| &r.diagnostics)
            .map(|d| {
                // Code scanning wants a region: a finding about the whole file points at line 1.
                let region = match (d.line, d.column, d.end_line, d.end_column) {
                    (Some(l), Some(c), Some(el), Some(ec)) => {
                        json!({ "startLine": l, "startColumn": c, "endLine": el, "endColumn": ec.max(c + usize::from(el == l && ec == c)) })
                    }
                    _ => json!({ "startLine": 1 }),
                };
                json!({
                    "ruleId": d.code,
                    "ruleIndex": index(d.code),
                    "level": level(d.severity),
                    "message": { "text": super::with_help(&d.words(self.lang), self.lang) },
                    "locations": [{
                        "physicalLocation": {
                            "artifactLocation": { "uri": d.file.replace('\\', "/") },
                            "region": region,
                        }
                    }],
                })
            })
            .collect();
        let sarif = json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": { "driver": {
                    "name": "pacte",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                } },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }],
        });
        serde_json::to_writer_pretty(&mut *out, &sarif)?;
        writeln!(out)
    }
}
