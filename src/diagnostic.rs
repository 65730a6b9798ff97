//! Findings (what a rule reports, with a byte span) and diagnostics (a
//! finding resolved to a file, a severity and line/column positions).

use serde::Serialize;

use crate::source::{Position, SourceFile, Span};

/// What a rule (or the reader) found in one file. Findings are data.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub code: &'static str,
    pub span: Option<Span>,
    pub message: String,
    /// Overrides the rule's default help line.
    pub help: Option<String>,
}

impl Finding {
    pub fn new(
        code: &'static str,
        span: impl Into<Option<Span>>,
        message: impl Into<String>,
    ) -> Self {
        Finding {
            code,
            span: span.into(),
            message: message.into(),
            help: None,
        }
    }
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// The level of a rule, and the severity of a diagnostic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Info,
    Warning,
    Error,
}

impl Level {
    pub fn parse(s: &str) -> Option<Level> {
        Some(match s {
            "error" => Level::Error,
            "warning" => Level::Warning,
            "info" => Level::Info,
            "off" => Level::Off,
            _ => return None,
        })
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Off => "off",
            Level::Info => "info",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

impl std::fmt::Display for Level {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A finding resolved for output: file, severity, positions and the source
/// line it points at (kept so that the source text itself can be dropped).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diagnostic {
    pub file: String,
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Level,
    pub message: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub end_line: Option<usize>,
    pub end_column: Option<usize>,
    pub help: String,
    /// The text of `line`, for snippets.
    #[serde(skip)]
    pub source_line: Option<String>,
}

impl Diagnostic {
    /// Resolves a span against its file.
    pub fn locate(
        file: Option<&SourceFile>,
        span: Option<Span>,
    ) -> (Option<Position>, Option<Position>, Option<String>) {
        match (file, span) {
            (Some(f), Some(s)) => {
                let start = f.position(s.start);
                let end = f.position(s.end.max(s.start));
                (
                    Some(start),
                    Some(end),
                    Some(f.line_text(start.line).to_string()),
                )
            }
            _ => (None, None, None),
        }
    }

    /// The order of CLI.md: file, then line (null first), column, code.
    pub fn sort_key(&self) -> (&str, Option<usize>, Option<usize>, &str) {
        (&self.file, self.line, self.column, self.code)
    }
}
