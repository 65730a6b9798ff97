//! rustc-style diagnostics with a source snippet, and a summary line.

use std::io::Write;

use annotate_snippets::{Level as SnippetLevel, Renderer, Snippet};

use crate::check::Run;
use crate::diagnostic::{Diagnostic, Level};

use super::{summary_line, Emitter};

pub struct Human {
    pub color: bool,
    /// Errors only, and no summary line.
    pub quiet: bool,
}

fn level(l: Level) -> SnippetLevel {
    match l {
        Level::Error => SnippetLevel::Error,
        Level::Warning => SnippetLevel::Warning,
        Level::Info | Level::Off => SnippetLevel::Info,
    }
}

/// The byte offset of a 1-based column (in scalar values) within a line.
fn byte_of_column(line: &str, column: usize) -> usize {
    line.char_indices()
        .nth(column.saturating_sub(1))
        .map(|(i, _)| i)
        .unwrap_or(line.len())
}

impl Human {
    fn render(&self, d: &Diagnostic) -> String {
        let lvl = level(d.severity);
        let code = d.code;
        let origin = d.file.clone();
        let mut message = lvl.title(&d.message).id(code);
        if let (Some(line), Some(col), Some(src)) = (d.line, d.column, &d.source_line) {
            let start = byte_of_column(src, col);
            let mut end = match (d.end_line, d.end_column) {
                (Some(el), Some(ec)) if el == line => byte_of_column(src, ec),
                _ => src.trim_end().len(),
            };
            if end <= start {
                // Point at one character (or just past the end of the line).
                end = src[start..]
                    .chars()
                    .next()
                    .map(|c| start + c.len_utf8())
                    .unwrap_or(start);
            }
            message = message.snippet(
                Snippet::source(src)
                    .line_start(line)
                    .origin(&d.file)
                    .annotation(lvl.span(start..end)),
            );
        }
        let help = d.help.as_str();
        if !help.is_empty() {
            message = message.footer(SnippetLevel::Help.title(help));
        }
        let renderer = if self.color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let text = renderer.render(message).to_string();
        if d.line.is_some() {
            return text;
        }
        // No position: name the file under the title, as rustc does.
        match text.split_once('\n') {
            Some((title, rest)) => format!("{title}\n --> {origin}\n{rest}"),
            None => format!("{text}\n --> {origin}"),
        }
    }
}

impl Emitter for Human {
    fn emit<T>(&self, run: &Run<T>, out: &mut dyn Write) -> std::io::Result<()> {
        for report in run.reports() {
            for d in &report.diagnostics {
                if self.quiet && d.severity != Level::Error {
                    continue;
                }
                writeln!(out, "{}\n", self.render(d))?;
            }
        }
        if !self.quiet {
            writeln!(out, "{}", summary_line(run))?;
        }
        Ok(())
    }
}
