//! A convention in memory, loaded from text: a file on disk, a git
//! revision's blob or a text about to be written are all checked,
//! fingerprinted and diffed the same way.
//!
//! [`load`] reads a text (syntax, value tree, typed document, decoding
//! findings) without any configuration; `check::lint` runs the rules on
//! it; [`checked`] does both for the commands that need one convention.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::check::{self, FileReport, Options};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Finding};
use crate::discover::Candidate;
use crate::model::Document;
use crate::source::SourceFile;
use crate::value::{IssueKind, Node, Syntax, SyntaxIssue, Value};

/// What a text holds.
#[derive(Debug)]
pub enum Content {
    /// Not UTF-8, or a syntax error (S001): the issues.
    Unreadable(Vec<SyntaxIssue>),
    /// It parses, but has no `convention` table.
    NotAConvention,
    /// A convention, with what the syntax and the decoder found (S002, S003, S006…).
    Convention {
        root: Node,
        doc: Box<Document>,
        findings: Vec<Finding>,
    },
}

/// One text, read as the content of `path` (which gives the syntax).
#[derive(Debug)]
pub struct Source {
    pub path: PathBuf,
    pub syntax: Syntax,
    pub file: SourceFile,
    pub content: Content,
}

impl Source {
    /// The fingerprint of the terms, for a convention without structure
    /// findings from reading (rules such as S005 are not run).
    pub fn fingerprint(&self) -> Option<String> {
        match &self.content {
            Content::Convention { root, findings, .. }
                if !findings.iter().any(|f| f.code.is_structure()) =>
            {
                Some(crate::fingerprint::fingerprint(root))
            }
            _ => None,
        }
    }
}

/// Reads `bytes` as the content of `path`: no file system, no configuration.
pub fn load(path: &Path, bytes: Vec<u8>) -> Source {
    let (text, bad_text) = crate::parse::decode_text(bytes);
    let file = SourceFile::new(path.to_path_buf(), text);
    let syntax = crate::parse::syntax_of(path).unwrap_or(Syntax::Toml);
    let content = match bad_text {
        Some(issue) => Content::Unreadable(vec![issue]),
        None => {
            let parsed = crate::parse::parse(&file.text, syntax);
            if parsed.issues.iter().any(|i| i.kind == IssueKind::Parse) {
                Content::Unreadable(
                    parsed
                        .issues
                        .into_iter()
                        .filter(|i| i.kind == IssueKind::Parse)
                        .collect(),
                )
            } else {
                match parsed.root {
                    Some(root) if matches!(&root.value, Value::Table(t) if t.get("convention").is_some()) =>
                    {
                        let (doc, mut findings) = crate::decode::decode(&root, syntax);
                        for issue in parsed.issues {
                            let code = match issue.kind {
                                IssueKind::UnknownKey => crate::rules::Code::S002,
                                _ => crate::rules::Code::S003,
                            };
                            findings.push(Finding::of(code, issue.span, (*issue.found).into()));
                        }
                        Content::Convention {
                            root,
                            doc: Box::new(doc),
                            findings,
                        }
                    }
                    _ => Content::NotAConvention,
                }
            }
        }
    };
    Source {
        path: path.to_path_buf(),
        syntax,
        file,
        content,
    }
}

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

/// Loads `bytes` as the content of `path` (which gives the syntax, the
/// folder annexes are read from and the path shown), checked at `as_of`;
/// an error for a text that is not a convention or has structure errors.
pub fn checked(
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
        structure_only: false,
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
    if let Some(d) = report.diagnostics.iter().find(|d| d.code.is_structure()) {
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
    let src = load(path, bytes);
    let fp = src.fingerprint()?;
    match src.content {
        Content::Convention { root, doc, .. } => Some((root, *doc, fp)),
        _ => None,
    }
}
