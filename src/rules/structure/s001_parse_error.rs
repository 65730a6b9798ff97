use crate::declare_rule;
use crate::diagnostic::Level;
use crate::rules::{Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That the file is valid TOML (1.0, with the additions of 1.1) or YAML
    /// (1.2 core schema, one document), valid UTF-8 text, and that every TOML
    /// date exists (`2026-02-30` does not). YAML duplicate keys are parse
    /// errors too.
    ///
    /// ## Why it matters
    /// A file that cannot be read cannot be checked, rendered or signed:
    /// nothing else is said about it until it reads.
    ///
    /// ## Example
    /// ```toml
    /// [convention]
    /// title = "Festival   # the closing quote is missing
    /// ```
    ///
    /// ## Fix
    /// Correct the syntax at the line and column shown. Texts go between
    /// double quotes, dates are written `2026-03-01` without quotes in TOML.
    pub struct ParseError {
        code: S001,
        name: "parse-error",
        family: Structure,
        levels: Levels::all(Level::Error),
        summary: "the file is not valid TOML or YAML, or a TOML date is impossible",
        help: "correct the syntax at the position shown",
    }
}

impl Rule for ParseError {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }
}
