//! Reading a file: bytes to text (S001 for what is not UTF-8 text), then
//! TOML or YAML to the value tree.

use std::path::Path;

use crate::rules::structure::Found;
use crate::source::Span;
use crate::value::{IssueKind, Parsed, Syntax, SyntaxIssue};

pub mod hints;
pub mod toml;
pub mod yaml;

/// The syntax of a file, from its extension.
pub fn syntax_of(path: &Path) -> Option<Syntax> {
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "toml" => Some(Syntax::Toml),
        "yaml" | "yml" => Some(Syntax::Yaml),
        _ => None,
    }
}

/// Bytes to text: a UTF-8 BOM is dropped; a NUL byte or invalid UTF-8 is a
/// located parse error (the text returned is then a lossy copy, for display).
pub fn decode_text(bytes: Vec<u8>) -> (String, Option<SyntaxIssue>) {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        let text = String::from_utf8_lossy(&bytes[..nul]).into_owned();
        let at = text.len();
        return (
            text,
            Some(SyntaxIssue {
                kind: IssueKind::Parse,
                span: Some(Span::new(at, at)),
                found: Box::new(Found::BinaryFile),
            }),
        );
    }
    match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(err) => {
            let valid = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            let text = String::from_utf8_lossy(&bytes).into_owned();
            // The lossy text is identical up to `valid`.
            (
                text,
                Some(SyntaxIssue {
                    kind: IssueKind::Parse,
                    span: Some(Span::new(valid, valid + 1)),
                    found: Box::new(Found::InvalidUtf8),
                }),
            )
        }
    }
}

pub fn parse(text: &str, syntax: Syntax) -> Parsed {
    match syntax {
        Syntax::Toml => toml::parse(text),
        Syntax::Yaml => yaml::parse(text),
    }
}
