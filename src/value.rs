//! The parsed value tree, as written, with the source span of every key and value.
//!
//! Both TOML and YAML are read into this one tree; the typed model
//! (`crate::model`) and the fingerprint are built from it.

use crate::source::Span;

/// Which syntax a tree was read from (dates are strings in YAML).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    Toml,
    Yaml,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    String(String),
    Integer(i64),
    /// A float with the text it was written as (underscores removed), kept
    /// so that amounts can be read as exact decimals.
    Float {
        value: f64,
        raw: Box<str>,
    },
    Bool(bool),
    /// A TOML local date.
    Date(jiff::civil::Date),
    /// A TOML date-time, local time or offset date-time (never valid in a convention).
    DateTime(Box<str>),
    /// A YAML null (`null`, `~`, empty): never valid in a convention.
    Null,
    Array(Vec<Node>),
    Table(Table),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub value: Value,
    /// The value's span; for a TOML standard table or array-of-tables
    /// element, its header (`[convention]`, `[[party]]`).
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Table {
    pub entries: Vec<Entry>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub key: String,
    pub key_span: Span,
    pub value: Node,
}

impl Table {
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.key == key)
    }
}

impl Value {
    /// A short name of the value's type, for messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::String(_) => "a string",
            Value::Integer(_) => "an integer",
            Value::Float { .. } => "a number",
            Value::Bool(_) => "a boolean",
            Value::Date(_) => "a date",
            Value::DateTime(_) => "a date-time",
            Value::Null => "null",
            Value::Array(_) => "an array",
            Value::Table(_) => "a table",
        }
    }
}

/// Something found while reading the syntax: a parse error (S001) or an
/// invalid value the syntax layer already knows about (S003).
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxIssue {
    pub kind: IssueKind,
    pub span: Option<Span>,
    /// What was found, as data (its words are written by the catalogue).
    pub found: Box<crate::rules::structure::Found>,
}

impl SyntaxIssue {
    /// Its sentence in `lang`.
    pub fn words(&self, lang: crate::model::Lang) -> String {
        crate::present::catalogue::words(&(*self.found).clone().into(), lang).message
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IssueKind {
    /// S001
    Parse,
    /// S002 (YAML merge keys)
    UnknownKey,
    /// S003
    Invalid,
}

/// The result of reading one file's syntax. `root` is `None` when the file
/// could not be read at all (a parse error stops everything else).
#[derive(Debug)]
pub struct Parsed {
    pub root: Option<Node>,
    pub issues: Vec<SyntaxIssue>,
}
