//! `--format json`: the shape of CLI.md, stable.

use std::io::Write;

use serde::Serialize;

use crate::check::Run;
use crate::diagnostic::{Diagnostic, Level};

use super::Emitter;

pub struct Json {
    /// The language of messages.
    pub lang: crate::model::Lang,
}

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    checked: usize,
    diagnostics: Vec<crate::diagnostic::Written<'a>>,
    summary: Summary,
    /// With `--statistics`: the count of findings per rule.
    #[serde(skip_serializing_if = "Option::is_none")]
    statistics: Option<Vec<super::statistics::RuleCount>>,
}

#[derive(Serialize)]
struct Summary {
    errors: usize,
    warnings: usize,
    infos: usize,
    waived: usize,
}

impl Emitter for Json {
    fn emit<T>(&self, run: &Run<T>, out: &mut dyn Write) -> std::io::Result<()> {
        self.emit_with(run, false, out)
    }
}

impl Json {
    /// The JSON document, with a `statistics` array when `statistics` is set.
    pub fn emit_with<T>(
        &self,
        run: &Run<T>,
        statistics: bool,
        out: &mut dyn Write,
    ) -> std::io::Result<()> {
        let mut diagnostics: Vec<&Diagnostic> =
            run.reports().flat_map(|r| &r.diagnostics).collect();
        diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        let output = Output {
            version: 1,
            checked: run.files.len(),
            diagnostics: diagnostics.iter().map(|d| d.written(self.lang)).collect(),
            summary: Summary {
                errors: run.count(Level::Error),
                warnings: run.count(Level::Warning),
                infos: run.count(Level::Info),
                waived: run.waived(),
            },
            statistics: statistics.then(|| super::statistics::statistics(run)),
        };
        serde_json::to_writer_pretty(&mut *out, &output)?;
        writeln!(out)
    }
}
