//! `--format markdown`: a table fit for a pull-request comment.

use std::io::Write;

use crate::check::Run;
use crate::diagnostic::Level;

use super::{summary_line_in, Emitter};

pub struct Markdown {
    /// The language of messages.
    pub lang: crate::model::Lang,
}

/// A table cell: no line breaks, `|` escaped, HTML-sensitive characters
/// neutralised, control and bidi characters as visible escapes.
fn cell(s: &str) -> String {
    crate::escape::visible_lines(s)
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace(['\r', '\n'], " ")
}

impl Emitter for Markdown {
    fn emit<T>(&self, run: &Run<T>, out: &mut dyn Write) -> std::io::Result<()> {
        let errors = run.count(Level::Error);
        let mark = if errors > 0 { "❌" } else { "✅" };
        let colon = match self.lang {
            crate::model::Lang::Fr => "\u{a0}:",
            crate::model::Lang::En => ":",
        };
        writeln!(
            out,
            "### {mark} pacte{colon} {}\n",
            summary_line_in(run, self.lang)
        )?;
        let diags: Vec<_> = run.reports().flat_map(|r| &r.diagnostics).collect();
        if diags.is_empty() {
            return Ok(());
        }
        let fr = self.lang == crate::model::Lang::Fr;
        if fr {
            writeln!(out, "| | Règle | Où | Constat | Correction |")?;
        } else {
            writeln!(out, "| | Rule | Where | Finding | How to fix |")?;
        }
        writeln!(out, "| --- | --- | --- | --- | --- |")?;
        for d in diags {
            let icon = match (d.severity, fr) {
                (Level::Error, false) => "🔴 error",
                (Level::Warning, false) => "🟠 warning",
                (Level::Info | Level::Off, false) => "🔵 info",
                (Level::Error, true) => "🔴 erreur",
                (Level::Warning, true) => "🟠 avertissement",
                (Level::Info | Level::Off, true) => "🔵 information",
            };
            let said = d.words(self.lang);
            let at = match (d.line, d.column) {
                (Some(l), Some(c)) => format!(
                    "`{}:{l}:{c}`",
                    crate::escape::visible(&d.file).replace('`', "'")
                ),
                _ => format!("`{}`", crate::escape::visible(&d.file).replace('`', "'")),
            };
            writeln!(
                out,
                "| {icon} | {} {} | {at} | {} | {} |",
                d.code,
                d.name,
                cell(&said.message),
                cell(&said.help)
            )?;
        }
        Ok(())
    }
}
