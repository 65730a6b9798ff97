//! A convention in memory, loaded from text: a file on disk, a git
//! revision's blob or a text about to be written are all checked,
//! fingerprinted and diffed the same way.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::check::{self, FileReport, Options};
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::discover::Candidate;
use crate::model::Document;
use crate::value::{Node, Syntax};

/// One convention in memory, with its diagnostics and the facts computed once.
pub struct Loaded {
    pub path: PathBuf,
    pub syntax: Syntax,
    pub text: String,
    pub root: Node,
    pub doc: Document,
    pub report: FileReport,
    pub fingerprint: String,
}

/// Why a text could not be loaded as a convention.
#[derive(Debug)]
pub enum LoadError {
    /// Not a convention at all (no `convention` table, or nothing to read).
    NotAConvention,
    /// The first structure error (S rule), located.
    Structure(Box<Diagnostic>),
}

impl LoadError {
    /// One line for an `error:` message.
    pub fn describe(&self, shown: &str) -> String {
        match self {
            LoadError::NotAConvention => format!("{shown}: not a convention"),
            LoadError::Structure(d) => {
                let at = match (d.line, d.column) {
                    (Some(l), Some(c)) => format!("{shown}:{l}:{c}"),
                    _ => shown.to_string(),
                };
                format!("{at}: {} [{}]", d.message, d.code)
            }
        }
    }
}

/// Loads `bytes` as the content of `path` (which gives the syntax, the
/// folder annexes are read from and the path shown), checked at `as_of`.
pub fn load(
    path: &Path,
    bytes: Vec<u8>,
    config: &Config,
    as_of: Date,
) -> Result<Loaded, LoadError> {
    let candidate = Candidate {
        path: path.to_path_buf(),
        explicit: true,
        matched_glob: false,
    };
    let opts = Options {
        config,
        as_of,
        progress: None,
    };
    let syntax = crate::parse::syntax_of(path).unwrap_or(Syntax::Toml);
    let result = check::check_text(&candidate, bytes, &opts, &|a| {
        (
            a.file.text.clone(),
            a.root.clone(),
            a.doc.clone(),
            a.cx.fingerprint().to_string(),
        )
    });
    let Some((report, extra)) = result else {
        return Err(LoadError::NotAConvention);
    };
    if let Some(d) = report.diagnostics.iter().find(|d| d.code.starts_with('S')) {
        return Err(LoadError::Structure(Box::new(d.clone())));
    }
    let Some((text, root, doc, fingerprint)) = extra else {
        return Err(LoadError::NotAConvention);
    };
    Ok(Loaded {
        path: path.to_path_buf(),
        syntax,
        text,
        root,
        doc,
        report,
        fingerprint,
    })
}

/// The terms of a text without running the rules: its tree, document and
/// fingerprint, or `None` when it does not read as a convention (syntax or
/// decoding errors). For walking many revisions (`pacte log`).
pub fn terms_only(path: &Path, bytes: Vec<u8>) -> Option<(Node, Document, String)> {
    let (text, bad) = crate::parse::decode_text(bytes);
    if bad.is_some() {
        return None;
    }
    let syntax = crate::parse::syntax_of(path).unwrap_or(Syntax::Toml);
    let parsed = crate::parse::parse(&text, syntax);
    if !parsed.issues.is_empty() {
        return None;
    }
    let root = parsed.root?;
    let is_convention =
        matches!(&root.value, crate::value::Value::Table(t) if t.get("convention").is_some());
    if !is_convention {
        return None;
    }
    let (doc, findings) = crate::decode::decode(&root, syntax);
    if findings.iter().any(|f| f.code.starts_with('S')) {
        return None;
    }
    let fp = crate::fingerprint::fingerprint(&root);
    Some((root, doc, fp))
}
