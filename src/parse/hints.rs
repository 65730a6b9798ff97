//! Syntax errors said in plain words, at the right place, with the help
//! that knows how French users write: a number with a thousands space or a
//! decimal comma (`18 000`, `4000,50`), a currency sign inside a number
//! (`18000 €`), `[party]` written twice where `[[party]]` is meant. The
//! parser's own message is kept only when no better one applies.

use crate::diagnostic::{Finding, Message};
use crate::rules::structure::{Found, NumberFault, SyntaxProblem};
use crate::rules::Code;
use crate::source::Span;
use crate::value::Syntax;

/// What a number written the French way should be: `18 000` → `18000`,
/// `4 000,50 €` → `4000.50`. `None` when `raw` is not such a number (or is
/// already a plain one). What was wrong with it: a space, a comma, a sign.
pub fn plain_number(raw: &str) -> Option<(String, Vec<NumberFault>)> {
    let mut s = raw.trim();
    let mut faults = Vec::new();
    // A currency sign or code, before or after.
    for sign in ["€", "EUR", "eur", "$", "£"] {
        if let Some(rest) = s.strip_suffix(sign) {
            s = rest.trim_end();
            faults.push(NumberFault::Currency);
        } else if let Some(rest) = s.strip_prefix(sign) {
            s = rest.trim_start();
            faults.push(NumberFault::Currency);
        }
    }
    let (sign, digits) = match s.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", s),
    };
    let mut out = String::from(sign);
    let mut decimal = false;
    for c in digits.chars() {
        match c {
            '0'..='9' => out.push(c),
            '.' if !decimal => {
                out.push('.');
                decimal = true;
            }
            // A thousands separator: a space (also no-break), `_` or `'`.
            ' ' | '\u{a0}' | '\u{202f}' | '_' | '\'' if !decimal => {
                if c != '_' && !faults.contains(&NumberFault::Space) {
                    faults.push(NumberFault::Space);
                }
            }
            ',' if !decimal => {
                decimal = true;
                out.push('.');
                faults.push(NumberFault::Comma);
            }
            _ => return None,
        }
    }
    let body = out.trim_start_matches('-');
    if body.is_empty() || body.starts_with('.') || body.ends_with('.') || faults.is_empty() {
        return None;
    }
    Some((out, faults))
}

/// The value written after `=` on the line holding `at`, with its span:
/// `(key, value, span)`. The value stops at a `#` comment.
fn toml_assignment(text: &str, at: usize) -> Option<(&str, &str, Span)> {
    let at = at.min(text.len());
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = &text[start..end];
    let eq = line.find('=')?;
    let key = line[..eq].trim();
    if key.is_empty() || key.starts_with('[') || key.contains(['"', '\'']) {
        return None;
    }
    let after = &line[eq + 1..];
    let value_raw = after.split('#').next().unwrap_or("");
    let value = value_raw.trim();
    let lead = value_raw.len() - value_raw.trim_start().len();
    let vstart = start + eq + 1 + lead;
    Some((key, value, Span::new(vstart, vstart + value.len())))
}

/// A TOML header `[name]` or `[[name]]` on the line holding `at`.
fn header_at(text: &str, at: usize) -> Option<(&str, bool, Span)> {
    let at = at.min(text.len());
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = text[start..end].split('#').next().unwrap_or("").trim_end();
    let lead = line.len() - line.trim_start().len();
    let line = line.trim_start();
    let (name, double) = if let Some(n) = line.strip_prefix("[[").and_then(|l| l.strip_suffix("]]"))
    {
        (n.trim(), true)
    } else {
        (line.strip_prefix('[')?.strip_suffix(']')?.trim(), false)
    };
    Some((
        name,
        double,
        Span::new(start + lead, start + lead + line.len()),
    ))
}

/// Whether a single-bracket header `[name]` appears in `text` before `before`.
fn earlier_header(text: &str, name: &str, before: usize) -> bool {
    for line in text[..before.min(text.len())].lines() {
        let l = line.split('#').next().unwrap_or("").trim();
        if let Some(n) = l.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            if !n.starts_with('[') && n.trim() == name {
                return true;
            }
        }
    }
    false
}

/// What the reader's syntax error a finding reports is about, if it is one.
fn problem(f: &Finding) -> Option<SyntaxProblem> {
    match &f.message {
        Message::Structure(Found::Syntax { problem, .. }) => Some(*problem),
        _ => None,
    }
}

/// The S001 findings of a file, rewritten where plain words apply. A
/// duplicate key that only follows from a header written twice is dropped:
/// one cause, one finding.
pub fn rewrite(text: &str, syntax: Syntax, findings: Vec<Finding>) -> Vec<Finding> {
    if syntax != Syntax::Toml {
        return findings;
    }
    let mut out: Vec<Finding> = Vec::with_capacity(findings.len());
    // The headers already said to be written twice, and where they start.
    let mut doubled: Vec<(String, usize)> = Vec::new();
    for f in findings {
        let Some(span) = f.span else {
            out.push(f);
            continue;
        };
        // A key of a table whose header was written twice.
        let problem = problem(&f);
        let duplicate = problem == Some(SyntaxProblem::DuplicateKey);
        if duplicate && header_at(text, span.start).is_none() {
            let in_doubled = doubled.iter().any(|(_, at)| {
                *at < span.start
                    && !text[*at..span.start]
                        .lines()
                        .skip(1)
                        .any(|l| l.trim_start().starts_with('['))
            });
            if in_doubled {
                continue;
            }
        }
        if duplicate {
            if let Some((name, false, hspan)) = header_at(text, span.start) {
                if earlier_header(text, name, hspan.start) {
                    doubled.push((name.to_string(), hspan.start));
                    out.push(Finding::of(
                        Code::S001,
                        hspan,
                        Found::TableWrittenTwice {
                            name: name.to_string(),
                        }
                        .into(),
                    ));
                    continue;
                }
            }
        }
        if let Some((key, value, vspan)) = toml_assignment(text, span.start) {
            if let Some((plain, faults)) = plain_number(value) {
                out.push(Finding::of(
                    Code::S001,
                    vspan,
                    Found::NotATomlNumber {
                        key: key.to_string(),
                        value: value.to_string(),
                        plain,
                        faults,
                    }
                    .into(),
                ));
                continue;
            }
            if problem == Some(SyntaxProblem::Unquoted) {
                out.push(Finding::of(
                    Code::S001,
                    vspan,
                    Found::UnquotedText {
                        key: key.to_string(),
                        value: value.to_string(),
                    }
                    .into(),
                ));
                continue;
            }
        }
        out.push(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_numbers_become_plain() {
        let p = |s| plain_number(s).map(|(n, _)| n);
        assert_eq!(p("18 000"), Some("18000".into()));
        assert_eq!(p("18\u{202f}000"), Some("18000".into()));
        assert_eq!(p("4000,00"), Some("4000.00".into()));
        assert_eq!(p("4 000,50 €"), Some("4000.50".into()));
        assert_eq!(p("18000€"), Some("18000".into()));
        assert_eq!(p("-1 500"), Some("-1500".into()));
        assert_eq!(p("18000"), None);
        assert_eq!(p("4000.50"), None);
        assert_eq!(p("douze"), None);
        assert_eq!(p(""), None);
        assert_eq!(p("€"), None);
        assert_eq!(p(","), None);
        assert_eq!(p("1,2,3"), None);
    }

    /// The S001 findings of a TOML text, rewritten.
    fn rewritten(text: &str) -> Vec<Found> {
        let findings = crate::parse::toml::parse(text)
            .issues
            .into_iter()
            .map(|i| Finding::of(Code::S001, i.span, (*i.found).into()))
            .collect();
        rewrite(text, Syntax::Toml, findings)
            .into_iter()
            .map(|f| match f.message {
                Message::Structure(found) => found,
                other => panic!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn the_reader_s_errors_are_recognised_by_their_problem() {
        assert_eq!(
            rewritten("[party]\nid = \"a\"\n[party]\nid = \"b\"\n"),
            [Found::TableWrittenTwice {
                name: "party".into()
            }]
        );
        assert_eq!(
            rewritten("[convention]\ntitle = Atelier\n"),
            [Found::UnquotedText {
                key: "title".into(),
                value: "Atelier".into()
            }]
        );
        assert_eq!(
            rewritten("[funds]\nbudget = 18 000\n"),
            [Found::NotATomlNumber {
                key: "budget".into(),
                value: "18 000".into(),
                plain: "18000".into(),
                faults: vec![NumberFault::Space]
            }]
        );
        // A key written twice in one table stays the reader's finding.
        assert!(matches!(
            rewritten("[convention]\nid = \"a\"\nid = \"b\"\n")[..],
            [Found::Syntax {
                problem: SyntaxProblem::DuplicateKey,
                ..
            }]
        ));
    }
}
