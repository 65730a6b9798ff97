//! The TOML reader: `toml`'s spanned document, converted into [`Node`]s.

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::parse::yaml::MAX_NODES;
use crate::rules::structure::{Found, SyntaxProblem};
use crate::source::Span;
use crate::value::{Entry, IssueKind, Node, Parsed, SyntaxIssue, Table, Value};

/// Reads a TOML document. Every syntax error is reported (S001); when there
/// is any, no tree is returned.
pub fn parse(text: &str) -> Parsed {
    if let Some(at) = node_budget_exceeded(text, MAX_NODES) {
        return Parsed {
            root: None,
            issues: vec![SyntaxIssue {
                kind: IssueKind::Parse,
                span: Some(Span::new(at, at + 1)),
                found: Box::new(Found::TooLarge),
            }],
        };
    }
    let (doc, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        let issues = errors
            .into_iter()
            .map(|e| SyntaxIssue {
                kind: IssueKind::Parse,
                span: e.span().map(Span::from),
                found: {
                    let reader = first_line(e.message());
                    Box::new(Found::Syntax {
                        problem: SyntaxProblem::of_toml(&reader),
                        reader,
                    })
                },
            })
            .collect();
        return Parsed { root: None, issues };
    }
    let span = Span::from(doc.span());
    let root = Node {
        value: Value::Table(table(doc.into_inner())),
        span,
    };
    Parsed {
        root: Some(root),
        issues: Vec::new(),
    }
}

/// Where a document goes over `budget` values, if it does, found before
/// `toml` builds its tree (which takes far more memory than the text): a
/// scan that counts every `=`, `,` and `[` outside strings and comments, a
/// bound on the number of keys, array items and tables.
fn node_budget_exceeded(text: &str, budget: usize) -> Option<usize> {
    let b = text.as_bytes();
    // A document this short cannot hold that many values.
    if b.len() <= budget {
        return None;
    }
    let mut count = 0usize;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            q @ (b'"' | b'\'') => {
                let multi = b[i..].starts_with(&[q, q, q]);
                i += if multi { 3 } else { 1 };
                while i < b.len() {
                    if q == b'"' && b[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if b[i] == q && (!multi || b[i..].starts_with(&[q, q, q])) {
                        i += if multi { 2 } else { 0 };
                        break;
                    }
                    if !multi && b[i] == b'\n' {
                        break;
                    }
                    i += 1;
                }
            }
            b'=' | b',' | b'[' => {
                count += 1;
                if count > budget {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

fn first_line(message: &str) -> String {
    message
        .lines()
        .next()
        .unwrap_or("invalid TOML")
        .trim()
        .to_string()
}

fn table(t: DeTable<'_>) -> Table {
    let entries = t
        .into_iter()
        .map(|(k, v)| Entry {
            key_span: Span::from(k.span()),
            key: k.into_inner().into_owned(),
            value: node(v),
        })
        .collect();
    Table { entries }
}

fn node(v: Spanned<DeValue<'_>>) -> Node {
    let span = Span::from(v.span());
    let value = match v.into_inner() {
        DeValue::String(s) => Value::String(s.into_owned()),
        DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
            Ok(n) => Value::Integer(n),
            // Beyond i64: kept as an (oversized) number so that it is reported as such.
            Err(_) => Value::Float {
                value: f64::INFINITY,
                raw: i.to_string().into(),
            },
        },
        DeValue::Float(f) => {
            let raw = f.as_str();
            let value = match raw.trim_start_matches(['+', '-']) {
                "inf" => {
                    if raw.starts_with('-') {
                        f64::NEG_INFINITY
                    } else {
                        f64::INFINITY
                    }
                }
                "nan" => f64::NAN,
                _ => raw.parse().unwrap_or(f64::NAN),
            };
            Value::Float {
                value,
                raw: raw.into(),
            }
        }
        DeValue::Boolean(b) => Value::Bool(b),
        DeValue::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
            (Some(d), None, None) => {
                match jiff::civil::Date::new(d.year as i16, d.month as i8, d.day as i8) {
                    Ok(date) => Value::Date(date),
                    Err(_) => Value::DateTime(dt.to_string().into()),
                }
            }
            _ => Value::DateTime(dt.to_string().into()),
        },
        DeValue::Array(a) => Value::Array(a.into_iter().map(node).collect()),
        DeValue::Table(t) => Value::Table(table(t)),
    };
    Node { value, span }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_point_at_headers_keys_and_values() {
        let text =
            "[convention]\nid = \"x\"\nstart = 2026-02-01\nn = 1_000.50\n\n[[party]]\nid = \"a\"\n";
        let p = parse(text);
        assert!(p.issues.is_empty());
        let Value::Table(root) = p.root.unwrap().value else {
            panic!()
        };
        let conv = &root.get("convention").unwrap().value;
        assert_eq!(&text[conv.span.start..conv.span.end], "[convention]");
        let Value::Table(c) = &conv.value else {
            panic!()
        };
        let start = c.get("start").unwrap();
        assert_eq!(&text[start.key_span.start..start.key_span.end], "start");
        assert_eq!(
            start.value.value,
            Value::Date(jiff::civil::date(2026, 2, 1))
        );
        let n = c.get("n").unwrap();
        assert!(matches!(&n.value.value, Value::Float { raw, .. } if &**raw == "1000.50"));
        let Value::Array(parties) = &root.get("party").unwrap().value.value else {
            panic!()
        };
        assert_eq!(
            &text[parties[0].span.start..parties[0].span.end],
            "[[party]]"
        );
    }

    #[test]
    fn impossible_date_is_a_located_parse_error() {
        let text = "[convention]\nstart = 2026-02-30\n";
        let p = parse(text);
        assert!(p.root.is_none());
        assert_eq!(p.issues.len(), 1);
        let span = p.issues[0].span.unwrap();
        assert_eq!(&text[span.start..span.end], "2026-02-30");
    }

    #[test]
    fn datetimes_and_huge_integers_are_kept_for_reporting() {
        let p = parse("a = 2026-02-01T10:00:00\nb = 99999999999999999999\n");
        // toml rejects integers beyond i64 itself.
        assert!(p.root.is_none() || p.issues.is_empty());
        let p = parse("a = 2026-02-01T10:00:00\n");
        let Value::Table(t) = p.root.unwrap().value else {
            panic!()
        };
        assert!(matches!(
            t.get("a").unwrap().value.value,
            Value::DateTime(_)
        ));
    }

    #[test]
    fn too_many_values_are_refused_before_the_tree_is_built() {
        let text = format!("[meta]\nx = [{}1]\n", "1,".repeat(MAX_NODES));
        let p = parse(&text);
        assert!(p.root.is_none());
        assert_eq!(p.issues.len(), 1);
        assert_eq!(*p.issues[0].found, Found::TooLarge);
        let at = p.issues[0].span.unwrap().start;
        assert!(at > MAX_NODES && at < text.len(), "{at}");
        // Separators inside strings and comments do not count.
        let text = format!(
            "a = \"{0}\"\nb = '{0}'\nc = \"\"\"{0}\"\"\"\nd = '''{0}'''\n# {0}\ne = 1\n",
            ",=[".repeat(MAX_NODES / 2)
        );
        let p = parse(&text);
        assert!(p.issues.is_empty(), "{:?}", p.issues.first());
        // Counted: `=`, `[` and `,` (a longer text than the budget only).
        assert_eq!(node_budget_exceeded("a = [1, 2]", 2), Some(6));
        assert_eq!(node_budget_exceeded("a = [1, 2]", 3), None);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let text = format!("a = {}{}", "[".repeat(100_000), "]".repeat(100_000));
        let p = parse(&text);
        assert!(p.root.is_none());
        assert!(!p.issues.is_empty());
    }
}
