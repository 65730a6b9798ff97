//! The rule catalogue: one rule per file, grouped by family.
//!
//! Each rule is declared with [`declare_rule!`], whose doc comment (What it
//! checks / Why it matters / Example / Fix) is what `pacte explain` prints.

use jiff::civil::Date;

use crate::diagnostic::{Finding, Level, Message};
use crate::model::{Document, Kind, Status};
use crate::source::Span;
use crate::value::Node;

pub use code::Code;

pub mod clauses;
pub mod code;
pub mod consistency;
pub mod french_law;
pub mod governance;
pub mod lifecycle;
pub mod structure;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    Structure,
    Clauses,
    Consistency,
    Governance,
    FrenchLaw,
    Lifecycle,
}

impl Family {
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Structure => "structure",
            Family::Clauses => "clauses",
            Family::Consistency => "consistency",
            Family::Governance => "governance",
            Family::FrenchLaw => "french_law",
            Family::Lifecycle => "lifecycle",
        }
    }
}

/// The default level of a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Levels {
    /// realisation, gestion, protocole, subvention
    PerKind([Level; 4]),
    /// `warning` for a draft, `error` otherwise (K013).
    ErrorUnlessDraft,
}

impl Levels {
    pub const fn all(level: Level) -> Levels {
        Levels::PerKind([level, level, level, level])
    }
    pub fn default_for(self, kind: Kind, status: Status) -> Level {
        match self {
            Levels::PerKind(l) => l[kind.index()],
            Levels::ErrorUnlessDraft => {
                if status == Status::Draft {
                    Level::Warning
                } else {
                    Level::Error
                }
            }
        }
    }
}

/// What the catalogue knows of a rule.
#[derive(Debug)]
pub struct RuleMeta {
    pub code: Code,
    pub name: &'static str,
    pub family: Family,
    pub levels: Levels,
    /// One line: when it fires.
    pub summary: &'static str,
    /// The default help line of its findings: how to fix.
    pub help: &'static str,
    /// The full explanation (the rule's doc comment).
    pub doc: &'static str,
}

impl RuleMeta {
    /// The explanation, with the one leading space of each doc line removed.
    pub fn explanation(&self) -> String {
        let mut out = String::new();
        for line in self.doc.lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
        out.trim().to_string()
    }
    /// The finding of this rule at `span`: what it found, as data.
    pub fn found(
        &'static self,
        span: impl Into<Option<Span>>,
        found: impl Into<Message>,
    ) -> Finding {
        Finding::of(self.code, span, found.into())
    }
}

/// What a rule sees of one convention.
pub struct Context<'a> {
    pub doc: &'a Document,
    /// The value tree as written (for the fingerprint and text scans).
    pub root: &'a Node,
    pub kind: Kind,
    pub status: Status,
    pub as_of: Date,
    /// The country whose law applies: `convention.jurisdiction`, else the
    /// workspace's; `None` when neither is given or the convention's is invalid.
    pub jurisdiction: Option<&'a str>,
    /// The folder of the convention file (annex paths are relative to it).
    pub base_dir: &'a std::path::Path,
    /// The workspace root ([`crate::workspace::root`]): annexes are read
    /// only inside it.
    pub workspace_root: &'a std::path::Path,
    /// The terms' fingerprint, computed once when first asked for.
    pub fingerprint: std::sync::OnceLock<String>,
    /// Every due date at `as_of`, computed once when first asked for.
    pub due_items: std::sync::OnceLock<Vec<crate::due::DueItem>>,
}

impl<'a> Context<'a> {
    pub fn fingerprint(&self) -> &str {
        self.fingerprint
            .get_or_init(|| crate::fingerprint::fingerprint(self.root))
    }
    /// Every milestone and report due date, judged at `as_of` (L001, L002,
    /// status and report share them).
    pub fn due_items(&self) -> &[crate::due::DueItem] {
        self.due_items
            .get_or_init(|| crate::due::due_items_in(self.doc, self.as_of, self.jurisdiction))
    }
    /// Where to report a missing thing: the `[convention]` header.
    pub fn header(&self) -> Span {
        self.doc.header
    }
}

pub trait Rule: Sync + Send {
    fn meta(&self) -> &'static RuleMeta;
    /// Appends the rule's findings. Structure rules emitted by the reader
    /// (S001–S003, S006, S007) have nothing to check here.
    fn check(&self, _cx: &Context<'_>, _out: &mut Vec<Finding>) {}
}

/// Declares a rule: its doc comment becomes its explanation.
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident {
            code: $code:ident,
            name: $rname:literal,
            family: $family:ident,
            levels: $levels:expr,
            summary: $summary:literal,
            help: $help:literal $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        pub struct $name;

        impl $name {
            pub const META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
                code: $crate::rules::Code::$code,
                name: $rname,
                family: $crate::rules::Family::$family,
                levels: $levels,
                summary: $summary,
                help: $help,
                doc: concat!($($doc, "\n"),*),
            };
        }
    };
}

/// Every rule, in code order: the families' lists, concatenated once.
pub static CATALOGUE: std::sync::LazyLock<Vec<&'static dyn Rule>> =
    std::sync::LazyLock::new(|| {
        let mut all: Vec<&'static dyn Rule> = Vec::new();
        all.extend_from_slice(structure::RULES);
        all.extend_from_slice(clauses::RULES);
        all.extend_from_slice(consistency::RULES);
        all.extend_from_slice(governance::RULES);
        all.extend_from_slice(french_law::RULES);
        all.extend_from_slice(lifecycle::RULES);
        all
    });

/// The rule with this code or name.
pub fn find(code_or_name: &str) -> Option<&'static dyn Rule> {
    match Code::parse(code_or_name) {
        Some(code) => Some(rule(code)),
        None => {
            let wanted = code_or_name.trim();
            CATALOGUE.iter().copied().find(|r| r.meta().name == wanted)
        }
    }
}

/// The rule of a code: the catalogue holds every code, in the order of
/// [`Code::ALL`] (a unit test guards it).
pub fn rule(code: Code) -> &'static dyn Rule {
    CATALOGUE[code.index()]
}

/// The metadata of a code.
pub fn meta(code: Code) -> &'static RuleMeta {
    rule(code).meta()
}

/// Compares names (officer, representative, signatory) ignoring case,
/// accents and repeated whitespace.
pub fn same_name(a: &str, b: &str) -> bool {
    fold_name(a) == fold_name(b)
}

pub fn fold_name(s: &str) -> String {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;
    let stripped: String = s.nfd().filter(|c| !is_combining_mark(*c)).collect();
    stripped
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests;
