//! `--format gitlab`: a GitLab Code Quality report (an array of issues).
//!
//! Each issue carries `description`, `check_name`, `fingerprint`,
//! `severity` and `location.path` / `location.lines.begin`. The fingerprint
//! is a hash of the file, the code, the line, the column and the finding's
//! rank among those with the same file, code and position: never of the
//! message, so it is the same in every language and stable across runs.

use std::collections::HashMap;
use std::io::Write;

use serde::Serialize;

use crate::check::Run;
use crate::diagnostic::{Diagnostic, Level};

use super::Emitter;

pub struct Gitlab {
    /// The language of messages.
    pub lang: crate::model::Lang,
}

#[derive(Serialize)]
struct Issue<'a> {
    description: String,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
}

/// File, code, line and column: what the rank is counted among.
type Position<'a> = (&'a str, &'a str, Option<usize>, Option<usize>);

/// GitLab's severities are info, minor, major, critical and blocker.
fn severity(l: Level) -> &'static str {
    match l {
        Level::Error => "major",
        Level::Warning => "minor",
        Level::Info | Level::Off => "info",
    }
}

/// The fingerprint of a diagnostic at `rank` among those with the same
/// file, code and position (0 for the first).
pub fn fingerprint(d: &Diagnostic, rank: usize) -> String {
    let pos = |p: Option<usize>| p.map_or_else(|| "-".to_string(), |n| n.to_string());
    let key = format!(
        "{}\0{}\0{}\0{}\0{}",
        d.file,
        d.code,
        pos(d.line),
        pos(d.column),
        rank
    );
    crate::fingerprint::sha256_hex(key.as_bytes())
}

impl Emitter for Gitlab {
    fn emit<T>(&self, run: &Run<T>, out: &mut dyn Write) -> std::io::Result<()> {
        let mut diagnostics: Vec<&Diagnostic> =
            run.reports().flat_map(|r| &r.diagnostics).collect();
        diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        let mut seen: HashMap<Position<'_>, usize> = HashMap::new();
        let issues: Vec<Issue> = diagnostics
            .iter()
            .map(|d| {
                let rank = seen
                    .entry((d.file.as_str(), d.code.as_str(), d.line, d.column))
                    .or_insert(0);
                let fingerprint = fingerprint(d, *rank);
                *rank += 1;
                Issue {
                    description: format!("{} {}: {}", d.code, d.name, d.words(self.lang).message),
                    check_name: d.code.as_str(),
                    fingerprint,
                    severity: severity(d.severity),
                    location: Location {
                        path: &d.file,
                        // A finding about the whole file points at its first line.
                        lines: Lines {
                            begin: d.line.unwrap_or(1),
                        },
                    },
                }
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &issues)?;
        writeln!(out)
    }
}
