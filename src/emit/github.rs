//! `--format github`: GitHub Actions workflow commands, one per diagnostic.

use std::io::Write;

use crate::check::Run;
use crate::diagnostic::Level;

use super::{summary_line_in, Emitter};

pub struct Github {
    /// The language of messages.
    pub lang: crate::model::Lang,
}

/// Escapes the message part of a workflow command (control and bidi
/// characters first shown as visible escapes, line breaks then encoded).
fn data(s: &str) -> String {
    crate::escape::visible_lines(s)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (`file=`, `title=`).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

impl Emitter for Github {
    fn emit<T>(&self, run: &Run<T>, out: &mut dyn Write) -> std::io::Result<()> {
        for d in run.reports().flat_map(|r| &r.diagnostics) {
            let said = d.words(self.lang);
            let command = match d.severity {
                Level::Error => "error",
                Level::Warning => "warning",
                Level::Info | Level::Off => "notice",
            };
            let mut props = vec![format!("file={}", property(&d.file))];
            if let (Some(l), Some(c)) = (d.line, d.column) {
                props.push(format!("line={l}"));
                props.push(format!("col={c}"));
                if let (Some(el), Some(ec)) = (d.end_line, d.end_column) {
                    props.push(format!("endLine={el}"));
                    props.push(format!("endColumn={ec}"));
                }
            }
            props.push(format!(
                "title={}",
                property(&format!("{} {}", d.code, d.name))
            ));
            writeln!(
                out,
                "::{command} {}::{}",
                props.join(","),
                data(&super::with_help(&said, self.lang))
            )?;
        }
        writeln!(out, "{}", summary_line_in(run, self.lang))
    }
}
