//! Findings (what a rule reports, with a byte span) and diagnostics (a
//! finding resolved to a file, a severity and line/column positions).

use serde::Serialize;

use crate::source::{Locator, Position, Span};

/// What a rule (or the reader) found in one file. Findings are data.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub code: &'static str,
    pub span: Option<Span>,
    pub message: String,
    /// Overrides the rule's default help line.
    pub help: Option<String>,
    /// The sentence and help in French, where the finding's violation
    /// writes them ([`crate::rules::Violation::french`]).
    pub fr: Option<Box<Words>>,
}

/// A finding's words in another language: its sentence, and its help when
/// it overrides the rule's default.
#[derive(Clone, Debug, PartialEq)]
pub struct Words {
    pub message: String,
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
            fr: None,
        }
    }
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
    /// The finding's words in French (typography written in the text);
    /// a help of `None`: the rule's default help in French.
    pub fn with_fr(mut self, message: impl Into<String>, help: Option<String>) -> Self {
        self.fr = Some(Box::new(Words {
            message: message.into(),
            help,
        }));
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

/// A finding resolved for output: file, severity and positions. The line
/// it points at is kept once per file, in the file's report
/// ([`crate::check::FileReport::lines`]), never once per diagnostic.
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
    /// The byte span in the file, for snippets.
    #[serde(skip)]
    pub span: Option<Span>,
    /// The French words, for the language of messages.
    #[serde(skip)]
    pub fr: Option<Box<Words>>,
}

impl Diagnostic {
    /// Resolves a span against its file.
    pub fn locate(
        locator: &mut Locator<'_>,
        span: Option<Span>,
    ) -> (Option<Position>, Option<Position>) {
        match span {
            Some(s) => {
                let start = locator.position(s.start);
                let end = locator.position(s.end.max(s.start));
                (Some(start), Some(end))
            }
            None => (None, None),
        }
    }

    /// The order of CLI.md: file, then line (null first), column, code.
    pub fn sort_key(&self) -> (&str, Option<usize>, Option<usize>, &str) {
        (&self.file, self.line, self.column, self.code)
    }
}
