//! Findings (what a rule reports, with a byte span) and diagnostics (a
//! finding resolved to a file, a severity and line/column positions).

use serde::Serialize;

use crate::model::Lang;
use crate::rules::Code;
use crate::source::{Locator, Position, Span};

/// What a rule (or the reader) found in one file. Findings are data: a
/// code, a place and a typed [`Message`]; the sentences are written at the
/// edge, in the language of messages ([`crate::present::catalogue`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub code: Code,
    pub span: Option<Span>,
    pub message: Message,
}

/// What a finding says, as the values it found (the party, the amount, the
/// missing keys), one enum per family of rules; the catalogue of each
/// language writes the sentence and the help line.
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    Structure(crate::rules::structure::Found),
    Clauses(crate::rules::clauses::Found),
    Consistency(crate::rules::consistency::Found),
    Governance(crate::rules::governance::Found),
    FrenchLaw(crate::rules::french_law::Found),
    Lifecycle(crate::rules::lifecycle::Found),
    /// More findings of the same rule in this file than are listed
    /// ([`crate::check::MAX_FINDINGS_PER_RULE`]): how many more.
    MoreFindings {
        more: usize,
    },
    /// More syntax errors than are listed ([`crate::check::MAX_SYNTAX_ERRORS`]).
    MoreSyntaxErrors {
        more: usize,
    },
}

impl From<crate::rules::structure::Found> for Message {
    fn from(found: crate::rules::structure::Found) -> Message {
        Message::Structure(found)
    }
}

impl From<crate::rules::clauses::Found> for Message {
    fn from(found: crate::rules::clauses::Found) -> Message {
        Message::Clauses(found)
    }
}

impl From<crate::rules::consistency::Found> for Message {
    fn from(found: crate::rules::consistency::Found) -> Message {
        Message::Consistency(found)
    }
}

impl From<crate::rules::governance::Found> for Message {
    fn from(found: crate::rules::governance::Found) -> Message {
        Message::Governance(found)
    }
}

impl From<crate::rules::french_law::Found> for Message {
    fn from(found: crate::rules::french_law::Found) -> Message {
        Message::FrenchLaw(found)
    }
}

impl From<crate::rules::lifecycle::Found> for Message {
    fn from(found: crate::rules::lifecycle::Found) -> Message {
        Message::Lifecycle(found)
    }
}

/// A finding's words in one language: its sentence, and its help when it
/// is not the rule's default.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Words {
    pub message: String,
    pub help: Option<String>,
}

impl Words {
    pub fn new(message: impl Into<String>) -> Words {
        Words {
            message: message.into(),
            help: None,
        }
    }
    pub fn help(mut self, help: impl Into<String>) -> Words {
        self.help = Some(help.into());
        self
    }
}

impl Finding {
    /// The finding of `code` at `span` saying `message`.
    pub fn of(code: Code, span: impl Into<Option<Span>>, message: Message) -> Self {
        Finding {
            code,
            span: span.into(),
            message,
        }
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
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub file: String,
    pub code: Code,
    pub name: &'static str,
    pub severity: Level,
    /// What it says, written in a language by [`Diagnostic::words`].
    pub message: Message,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub end_line: Option<usize>,
    pub end_column: Option<usize>,
    /// The byte span in the file, for snippets.
    pub span: Option<Span>,
}

/// A diagnostic's words in one language: its sentence and its help line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Said {
    pub message: String,
    pub help: String,
}

/// A diagnostic as the machine formats write it, in one language (the
/// fields and order of CLI.md).
#[derive(Serialize)]
pub struct Written<'a> {
    pub file: &'a str,
    pub code: Code,
    pub name: &'static str,
    pub severity: Level,
    pub message: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub end_line: Option<usize>,
    pub end_column: Option<usize>,
    pub help: String,
}

impl Diagnostic {
    /// Its sentence and help line in `lang`, each cut to
    /// [`crate::check::MAX_MESSAGE`] characters.
    pub fn words(&self, lang: Lang) -> Said {
        crate::present::catalogue::said(self.code, &self.message, lang)
    }

    /// The diagnostic with its words in `lang`, for the machine formats.
    pub fn written(&self, lang: Lang) -> Written<'_> {
        let Said { message, help } = self.words(lang);
        Written {
            file: &self.file,
            code: self.code,
            name: self.name,
            severity: self.severity,
            message,
            line: self.line,
            column: self.column,
            end_line: self.end_line,
            end_column: self.end_column,
            help,
        }
    }

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
    pub fn sort_key(&self) -> (&str, Option<usize>, Option<usize>, &'static str) {
        (&self.file, self.line, self.column, self.code.as_str())
    }
}
