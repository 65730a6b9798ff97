//! The YAML reader: YAML text to the span-carrying value tree.
//!
//! A convention file is one YAML 1.2 document read with the core schema and
//! without tags. The tree is built from `saphyr-parser` events with an explicit
//! stack (never recursively), so no input can overflow the stack; aliases are
//! resolved by copying the anchored node, within a node budget and a nesting
//! limit that stop "billion laughs" documents early.
//!
//! Spans are byte offsets into the text given to [`parse`] (saphyr's markers
//! count characters; they are converted here).

use std::borrow::Cow;
use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Tag};

use crate::rules::structure::{Found, SyntaxProblem, ValueType};
use crate::source::Span;
use crate::value::{Entry, IssueKind, Node, Parsed, SyntaxIssue, Table, Value};

/// The most nodes a document may produce, alias copies included.
pub(crate) const MAX_NODES: usize = 1_000_000;
/// The deepest nesting of sequences and mappings a document may have.
const MAX_DEPTH: usize = 256;

/// Reads YAML text (one document) into a value tree.
///
/// `root` is `None` when the text holds no document (empty, or only
/// comments) or when it could not be read (a [`IssueKind::Parse`] issue says
/// why). Duplicate keys are reported as parse issues but the tree is still
/// returned; invalid keys, merge keys and tags are reported and left out (or,
/// for tags, ignored).
pub fn parse(text: &str) -> Parsed {
    let mut builder = Builder::new(text);
    let root = match builder.run() {
        Ok(root) => root,
        Err(issue) => {
            builder.issues.push(issue);
            None
        }
    };
    Parsed {
        root,
        issues: builder.issues,
    }
}

/// Converts saphyr's character indices to byte offsets.
struct Offsets<'a> {
    text: &'a str,
    /// The byte offset of every `STRIDE`-th character; empty for ASCII text.
    checkpoints: Vec<usize>,
}

const STRIDE: usize = 64;

impl<'a> Offsets<'a> {
    fn new(text: &'a str) -> Self {
        let checkpoints = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices()
                .step_by(STRIDE)
                .map(|(byte, _)| byte)
                .collect()
        };
        Offsets { text, checkpoints }
    }

    /// The byte offset of a character index (clamped to the end of the text).
    fn byte(&self, char_index: usize) -> usize {
        if self.checkpoints.is_empty() {
            return char_index.min(self.text.len());
        }
        let Some(&base) = self.checkpoints.get(char_index / STRIDE) else {
            return self.text.len();
        };
        self.text[base..]
            .char_indices()
            .nth(char_index % STRIDE)
            .map_or(self.text.len(), |(i, _)| base + i)
    }

    fn span(&self, span: saphyr_parser::Span) -> Span {
        let start = self.byte(span.start.index());
        let end = self.byte(span.end.index()).max(start);
        Span::new(start, end)
    }
}

/// Where a mapping's pending key stands once the key node is complete.
enum PendingKey {
    Keep(String, Span),
    /// Reported already (not text, or a merge key): the value is dropped.
    Drop,
}

enum FrameKind {
    Sequence(Vec<Node>),
    Mapping {
        table: Table,
        /// Each key seen so far, with the span of its first occurrence.
        seen: HashMap<String, Span>,
        key: Option<PendingKey>,
    },
}

/// A collection being read.
struct Frame {
    kind: FrameKind,
    /// Start of the collection (past any anchor or tag).
    start: usize,
    /// End of the last child read (whether or not it was kept).
    last_end: usize,
    anchor: usize,
    /// Nodes in this subtree so far, the collection itself included.
    count: usize,
    /// Nesting levels of this subtree (1 for a collection of scalars).
    height: usize,
}

/// A node as stored for its anchor, with its size for the budget checks.
struct Anchored {
    node: Node,
    count: usize,
    height: usize,
}

/// A finished node and what its parent needs to know about it.
struct Done {
    node: Node,
    count: usize,
    height: usize,
    anchor: usize,
    /// A plain, untagged `<<`: a merge key when in key position.
    merge: bool,
}

struct Builder<'a> {
    text: &'a str,
    offsets: Offsets<'a>,
    issues: Vec<SyntaxIssue>,
    stack: Vec<Frame>,
    anchors: HashMap<usize, Anchored>,
    /// Nodes produced so far (alias copies and anchored copies included).
    total: usize,
}

impl<'a> Builder<'a> {
    fn new(text: &'a str) -> Self {
        Builder {
            text,
            offsets: Offsets::new(text),
            issues: Vec::new(),
            stack: Vec::new(),
            anchors: HashMap::new(),
            total: 0,
        }
    }

    /// Reads the events; `Err` is the parse issue that stopped reading.
    fn run(&mut self) -> Result<Option<Node>, SyntaxIssue> {
        let mut parser = Parser::new_from_str(self.text);
        let mut documents = 0usize;
        let mut root: Option<Node> = None;
        while let Some(event) = parser.next_event() {
            let (event, span) = event.map_err(|e| self.scan_issue(&e))?;
            let byte_span = self.offsets.span(span);
            let done = match event {
                Event::StreamStart | Event::DocumentEnd | Event::Nothing => continue,
                Event::StreamEnd => break,
                Event::DocumentStart(_) => {
                    documents += 1;
                    if documents > 1 {
                        return Err(SyntaxIssue {
                            kind: IssueKind::Parse,
                            span: Some(byte_span),
                            found: Box::new(Found::SeveralDocuments),
                        });
                    }
                    continue;
                }
                Event::Scalar(value, style, anchor, tag) => {
                    self.scalar(&value, style, anchor, tag.as_deref(), byte_span)?
                }
                Event::Alias(id) => self.alias(id, byte_span)?,
                Event::SequenceStart(anchor, tag) => {
                    self.open(FrameKind::Sequence(Vec::new()), anchor, tag, byte_span)?;
                    continue;
                }
                Event::MappingStart(anchor, tag) => {
                    let kind = FrameKind::Mapping {
                        table: Table::default(),
                        seen: HashMap::new(),
                        key: None,
                    };
                    self.open(kind, anchor, tag, byte_span)?;
                    continue;
                }
                Event::SequenceEnd | Event::MappingEnd => self.close(byte_span),
            };
            if let Some(node) = self.finish(done)? {
                // The document's top-level node. An empty document (`---`
                // alone) counts as no document at all.
                let empty = matches!(node.value, Value::Null) && node.span.start == node.span.end;
                if !empty {
                    root = Some(node);
                }
            }
        }
        Ok(root)
    }

    fn scan_issue(&self, error: &ScanError) -> SyntaxIssue {
        let start = self.offsets.byte(error.marker().index());
        let end = match self.text[start..].chars().next() {
            Some(c) if c != '\n' && c != '\r' => start + c.len_utf8(),
            _ => start,
        };
        SyntaxIssue {
            kind: IssueKind::Parse,
            span: Some(Span::new(start, end)),
            found: Box::new(Found::Syntax {
                problem: SyntaxProblem::of_yaml(error.info()),
                reader: error.info().to_string(),
            }),
        }
    }

    fn too_large(&self, span: Span) -> SyntaxIssue {
        SyntaxIssue {
            kind: IssueKind::Parse,
            span: Some(span),
            found: Box::new(Found::TooLarge),
        }
    }

    /// Counts `n` more nodes against the budget.
    fn spend(&mut self, n: usize, span: Span) -> Result<(), SyntaxIssue> {
        self.total = self.total.saturating_add(n);
        if self.total > MAX_NODES {
            return Err(self.too_large(span));
        }
        Ok(())
    }

    /// Skips a node's properties (anchor, tag) at the start of its event span,
    /// reporting a tag. Returns where the node's content starts.
    fn properties(&mut self, span: Span, has_tag: bool) -> usize {
        let bytes = self.text.as_bytes();
        let mut pos = span.start;
        let mut tag_found = false;
        while pos < span.end && matches!(bytes[pos], b'&' | b'!') {
            let token_start = pos;
            while pos < span.end && !matches!(bytes[pos], b' ' | b'\t' | b'\r' | b'\n') {
                pos += 1;
            }
            if bytes[token_start] == b'!' && has_tag {
                tag_found = true;
                self.issues.push(SyntaxIssue {
                    kind: IssueKind::Invalid,
                    span: Some(Span::new(token_start, pos)),
                    found: Box::new(Found::YamlTag),
                });
            }
            // Separation: blanks, line breaks and comments.
            while pos < span.end {
                match bytes[pos] {
                    b' ' | b'\t' | b'\r' | b'\n' => pos += 1,
                    b'#' => {
                        while pos < span.end && bytes[pos] != b'\n' {
                            pos += 1;
                        }
                    }
                    _ => break,
                }
            }
        }
        if has_tag && !tag_found {
            // The tag was not found in the text (should not happen): report it on the node.
            self.issues.push(SyntaxIssue {
                kind: IssueKind::Invalid,
                span: Some(span),
                found: Box::new(Found::YamlTag),
            });
        }
        pos
    }

    fn scalar(
        &mut self,
        value: &str,
        style: ScalarStyle,
        anchor: usize,
        tag: Option<&Tag>,
        span: Span,
    ) -> Result<Done, SyntaxIssue> {
        let mut start = span.start;
        if anchor != 0 || tag.is_some() {
            start = self.properties(span, tag.is_some());
        }
        let mut span = Span::new(start, span.end.max(start));
        let (value, merge) = match style {
            ScalarStyle::Plain => {
                if value.is_empty() {
                    // Saphyr may give an empty scalar the span of the next token.
                    span.end = span.start;
                }
                (resolve_plain(value), value == "<<" && tag.is_none())
            }
            ScalarStyle::Literal | ScalarStyle::Folded => {
                span = self.block_scalar_span(span);
                (Value::String(value.to_string()), false)
            }
            _ => (Value::String(value.to_string()), false),
        };
        self.spend(1, span)?;
        Ok(Done {
            node: Node { value, span },
            count: 1,
            height: 0,
            anchor,
            merge,
        })
    }

    /// A block scalar's span: its content without the trailing blank lines,
    /// or, when it has no content, its header (`|`, `>-`, ...).
    fn block_scalar_span(&self, span: Span) -> Span {
        let trimmed = self.text[span.start..span.end].trim_end();
        if !trimmed.is_empty() {
            return Span::new(span.start, span.start + trimmed.len());
        }
        let before = self.text[..span.start].trim_end();
        let header = before.trim_end_matches(|c: char| c.is_ascii_digit() || c == '+' || c == '-');
        if header.ends_with(['|', '>']) {
            return Span::new(header.len() - 1, before.len());
        }
        Span::new(span.start, span.start)
    }

    fn alias(&mut self, id: usize, span: Span) -> Result<Done, SyntaxIssue> {
        let Some(anchored) = self.anchors.get(&id) else {
            return Err(SyntaxIssue {
                kind: IssueKind::Parse,
                span: Some(span),
                found: Box::new(Found::RecursiveAlias),
            });
        };
        let (count, height) = (anchored.count, anchored.height);
        if self.stack.len() + height > MAX_DEPTH {
            return Err(self.too_large(span));
        }
        self.spend(count, span)?;
        let mut node = self.anchors[&id].node.clone();
        set_spans(&mut node, span);
        Ok(Done {
            node,
            count,
            height,
            anchor: 0,
            merge: false,
        })
    }

    fn open(
        &mut self,
        kind: FrameKind,
        anchor: usize,
        tag: Option<Cow<'_, Tag>>,
        span: Span,
    ) -> Result<(), SyntaxIssue> {
        let mut start = span.start;
        if anchor != 0 || tag.is_some() {
            start = self.properties(span, tag.is_some());
        }
        if self.stack.len() >= MAX_DEPTH {
            return Err(self.too_large(Span::new(start, span.end.max(start))));
        }
        self.spend(1, Span::new(start, span.end.max(start)))?;
        self.stack.push(Frame {
            kind,
            start,
            last_end: span.end.max(start),
            anchor,
            count: 1,
            height: 1,
        });
        Ok(())
    }

    /// Ends the innermost collection. `end` is the end event's span: the
    /// closing bracket of a flow collection, empty for a block collection.
    fn close(&mut self, end: Span) -> Done {
        let Some(frame) = self.stack.pop() else {
            // Unbalanced events cannot come from saphyr; read as nothing.
            return Done {
                node: Node {
                    value: Value::Null,
                    span: end,
                },
                count: 0,
                height: 0,
                anchor: 0,
                merge: false,
            };
        };
        let flow = matches!(self.text.as_bytes().get(frame.start), Some(b'[' | b'{'))
            && end.end > end.start;
        let span_end = if flow { end.end } else { frame.last_end };
        let span = Span::new(frame.start, span_end.max(frame.start));
        let value = match frame.kind {
            FrameKind::Sequence(items) => Value::Array(items),
            FrameKind::Mapping { table, .. } => Value::Table(table),
        };
        Done {
            node: Node { value, span },
            count: frame.count,
            height: frame.height,
            anchor: frame.anchor,
            merge: false,
        }
    }

    /// Hands a finished node to its parent; returns it when it is the
    /// document's top-level node.
    fn finish(&mut self, done: Done) -> Result<Option<Node>, SyntaxIssue> {
        if done.anchor != 0 {
            // The stored copy counts against the budget too.
            self.spend(done.count, done.node.span)?;
            self.anchors.insert(
                done.anchor,
                Anchored {
                    node: done.node.clone(),
                    count: done.count,
                    height: done.height,
                },
            );
        }
        let Some(frame) = self.stack.last_mut() else {
            return Ok(Some(done.node));
        };
        frame.count = frame.count.saturating_add(done.count);
        frame.height = frame.height.max(done.height + 1);
        frame.last_end = frame.last_end.max(done.node.span.end);
        let mut issue = None;
        match &mut frame.kind {
            FrameKind::Sequence(items) => items.push(done.node),
            FrameKind::Mapping { table, seen, key } => match key.take() {
                None => {
                    let span = done.node.span;
                    *key = Some(match done.node.value {
                        _ if done.merge => {
                            issue = Some(SyntaxIssue {
                                kind: IssueKind::UnknownKey,
                                span: Some(span),
                                found: Box::new(Found::MergeKey),
                            });
                            PendingKey::Drop
                        }
                        Value::String(name) => PendingKey::Keep(name, span),
                        other => {
                            issue = Some(SyntaxIssue {
                                kind: IssueKind::Invalid,
                                span: Some(span),
                                found: Box::new(Found::KeyNotText {
                                    found: ValueType::of(&other),
                                }),
                            });
                            PendingKey::Drop
                        }
                    });
                }
                Some(PendingKey::Drop) => {}
                Some(PendingKey::Keep(name, key_span)) => {
                    if let Some(first) = seen.get(&name) {
                        let line = self.text[..first.start].matches('\n').count() + 1;
                        issue = Some(SyntaxIssue {
                            kind: IssueKind::Parse,
                            span: Some(key_span),
                            found: Box::new(Found::RepeatedYamlKey {
                                key: name,
                                first_line: line,
                            }),
                        });
                    } else {
                        seen.insert(name.clone(), key_span);
                        table.entries.push(Entry {
                            key: name,
                            key_span,
                            value: done.node,
                        });
                    }
                }
            },
        }
        self.issues.extend(issue);
        Ok(None)
    }
}

/// Gives every node of a copied tree (and every key) the alias's span.
fn set_spans(node: &mut Node, span: Span) {
    let mut todo = vec![node];
    while let Some(node) = todo.pop() {
        node.span = span;
        match &mut node.value {
            Value::Array(items) => todo.extend(items.iter_mut()),
            Value::Table(table) => {
                for entry in &mut table.entries {
                    entry.key_span = span;
                    todo.push(&mut entry.value);
                }
            }
            _ => {}
        }
    }
}

/// Resolves a plain scalar with the YAML 1.2 core schema (dates stay text).
fn resolve_plain(s: &str) -> Value {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        ".nan" | ".NaN" | ".NAN" => return float(f64::NAN, s),
        _ => {}
    }
    let (negative, unsigned) = match s.as_bytes()[0] {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    if matches!(unsigned, ".inf" | ".Inf" | ".INF") {
        let value = if negative {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        };
        return float(value, s);
    }
    if !unsigned.is_empty() && unsigned.bytes().all(|b| b.is_ascii_digit()) {
        return match s.parse::<i64>() {
            Ok(n) => Value::Integer(n),
            Err(_) => float(s.parse().unwrap_or(f64::INFINITY), s),
        };
    }
    if let Some(digits) = s.strip_prefix("0o") {
        if let Some(value) = radix_int(digits, 8, s) {
            return value;
        }
    }
    if let Some(digits) = s.strip_prefix("0x") {
        if let Some(value) = radix_int(digits, 16, s) {
            return value;
        }
    }
    if is_core_float(unsigned) {
        if let Ok(value) = s.parse::<f64>() {
            return float(value, s);
        }
    }
    Value::String(s.to_string())
}

fn float(value: f64, raw: &str) -> Value {
    Value::Float {
        value,
        raw: raw.into(),
    }
}

/// `0o…` / `0x…` digits; an integer too large for i64 becomes a float.
fn radix_int(digits: &str, radix: u32, raw: &str) -> Option<Value> {
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    Some(match i64::from_str_radix(digits, radix) {
        Ok(n) => Value::Integer(n),
        Err(_) => {
            let value = digits.chars().fold(0f64, |acc, c| {
                acc * f64::from(radix) + f64::from(c.to_digit(radix).unwrap_or(0))
            });
            float(value, raw)
        }
    })
}

/// `(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` (the sign already removed).
fn is_core_float(s: &str) -> bool {
    let bytes = s.as_bytes();
    let digits = |i: usize| bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
    let mut i = 0;
    let whole = digits(i);
    i += whole;
    if bytes.get(i) == Some(&b'.') {
        i += 1;
        let fraction = digits(i);
        if whole == 0 && fraction == 0 {
            return false;
        }
        i += fraction;
    } else if whole == 0 {
        return false;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(bytes.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        let exponent = digits(i);
        if exponent == 0 {
            return false;
        }
        i += exponent;
    }
    i == bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An issue's sentence in English.
    fn en(issue: &SyntaxIssue) -> String {
        issue.words(crate::model::Lang::En)
    }

    /// Parses text that must read without any issue.
    fn ok(text: &str) -> Node {
        let parsed = parse(text);
        assert_eq!(parsed.issues, vec![], "issues for {text:?}");
        parsed.root.expect("a root")
    }

    fn table(node: &Node) -> &Table {
        match &node.value {
            Value::Table(t) => t,
            other => panic!("not a table: {other:?}"),
        }
    }

    fn array(node: &Node) -> &[Node] {
        match &node.value {
            Value::Array(a) => a,
            other => panic!("not an array: {other:?}"),
        }
    }

    fn entry<'t>(node: &'t Node, key: &str) -> &'t Entry {
        table(node)
            .get(key)
            .unwrap_or_else(|| panic!("no key {key}"))
    }

    fn at(text: &str, span: Span) -> &str {
        &text[span.start..span.end]
    }

    fn plain(s: &str) -> Value {
        let text = format!("k: {s}\n");
        entry(&ok(&text), "k").value.value.clone()
    }

    fn string(s: &str) -> Value {
        Value::String(s.into())
    }

    fn is_float(v: &Value, raw_expected: &str) -> f64 {
        match v {
            Value::Float { value, raw } => {
                assert_eq!(&**raw, raw_expected);
                *value
            }
            other => panic!("not a float: {other:?}"),
        }
    }

    #[test]
    fn nested_spans() {
        let text = "convention:\n  title: \"Festival\"\n  parties:\n    - name: A\n      share: 40\n    - {name: B, share: 60}\n  tags: [a, 'b']\nend: 1\n";
        let root = ok(text);
        assert_eq!(at(text, root.span), text.trim_end());
        let conv = entry(&root, "convention");
        assert_eq!(at(text, conv.key_span), "convention");
        assert!(at(text, conv.value.span).starts_with("title: \"Festival\""));
        assert!(at(text, conv.value.span).ends_with("[a, 'b']"));
        let title = entry(&conv.value, "title");
        assert_eq!(at(text, title.key_span), "title");
        assert_eq!(at(text, title.value.span), "\"Festival\"");
        assert_eq!(title.value.value, string("Festival"));
        let parties = entry(&conv.value, "parties");
        assert_eq!(
            at(text, parties.value.span),
            "- name: A\n      share: 40\n    - {name: B, share: 60}"
        );
        let items = array(&parties.value);
        assert_eq!(items.len(), 2);
        assert_eq!(at(text, items[0].span), "name: A\n      share: 40");
        assert_eq!(at(text, items[1].span), "{name: B, share: 60}");
        let share = entry(&items[1], "share");
        assert_eq!(at(text, share.key_span), "share");
        assert_eq!(at(text, share.value.span), "60");
        assert_eq!(share.value.value, Value::Integer(60));
        let tags = entry(&conv.value, "tags");
        assert_eq!(at(text, tags.value.span), "[a, 'b']");
        let tags = array(&tags.value);
        assert_eq!(at(text, tags[1].span), "'b'");
        assert_eq!(tags[1].value, string("b"));
        let keys: Vec<_> = table(&root)
            .entries
            .iter()
            .map(|e| e.key.as_str())
            .collect();
        assert_eq!(keys, ["convention", "end"]);
    }

    #[test]
    fn multibyte_offsets() {
        let text = "titré: \"été\"\nnom: Société générale\nliste: [é, ü, 日本]\n".repeat(3)
            + "dernier: x\n";
        // Duplicate keys are expected here; only the last key is checked.
        let parsed = parse(&text);
        let root = parsed.root.unwrap();
        let t = entry(&root, "titré");
        assert_eq!(at(&text, t.key_span), "titré");
        assert_eq!(at(&text, t.value.span), "\"été\"");
        let n = entry(&root, "nom");
        assert_eq!(at(&text, n.value.span), "Société générale");
        let l = array(&entry(&root, "liste").value);
        assert_eq!(at(&text, l[2].span), "日本");
        let d = entry(&root, "dernier");
        assert_eq!(at(&text, d.key_span), "dernier");
        assert_eq!(at(&text, d.value.span), "x");
        // Long multibyte runs across the checkpoint stride.
        let long = format!("a: {}\nb: [x]\n", "é".repeat(200));
        let root = ok(&long);
        assert_eq!(at(&long, entry(&root, "a").value.span), "é".repeat(200));
        assert_eq!(at(&long, entry(&root, "b").value.span), "[x]");
    }

    #[test]
    fn crlf_and_bom() {
        let text = "a: 1\r\nb:\r\n  - \"é\"\r\n  - x\r\nc: |\r\n  line\r\n";
        let root = ok(text);
        assert_eq!(at(text, entry(&root, "a").value.span), "1");
        let b = entry(&root, "b");
        assert_eq!(at(text, b.key_span), "b");
        assert_eq!(at(text, b.value.span), "- \"é\"\r\n  - x");
        assert_eq!(at(text, array(&b.value)[1].span), "x");
        let c = entry(&root, "c");
        assert_eq!(at(text, c.value.span), "line");
        assert_eq!(c.value.value, string("line\n"));

        let text = "\u{feff}a: é\nb: 2\n";
        let root = ok(text);
        assert_eq!(at(text, entry(&root, "a").key_span), "a");
        assert_eq!(at(text, entry(&root, "b").value.span), "2");
    }

    #[test]
    fn core_schema() {
        assert_eq!(plain("42"), Value::Integer(42));
        assert_eq!(plain("-17"), Value::Integer(-17));
        assert_eq!(plain("+5"), Value::Integer(5));
        assert_eq!(plain("007"), Value::Integer(7));
        assert_eq!(plain("0o17"), Value::Integer(15));
        assert_eq!(plain("0x1F"), Value::Integer(31));
        assert_eq!(plain("0x1f"), Value::Integer(31));
        assert_eq!(plain("0x"), string("0x"));
        assert_eq!(plain("0o8"), string("0o8"));
        assert_eq!(plain("-0x1F"), string("-0x1F"));
        assert_eq!(plain("1_000"), string("1_000"));
        assert_eq!(plain("true"), Value::Bool(true));
        assert_eq!(plain("True"), Value::Bool(true));
        assert_eq!(plain("FALSE"), Value::Bool(false));
        assert_eq!(plain("yes"), string("yes"));
        assert_eq!(plain("tRue"), string("tRue"));
        assert_eq!(is_float(&plain("1.5"), "1.5"), 1.5);
        assert_eq!(is_float(&plain("1500.00"), "1500.00"), 1500.0);
        assert_eq!(is_float(&plain("-.5"), "-.5"), -0.5);
        assert_eq!(is_float(&plain("1."), "1."), 1.0);
        assert_eq!(is_float(&plain("1e3"), "1e3"), 1000.0);
        assert_eq!(is_float(&plain("+2.5E-1"), "+2.5E-1"), 0.25);
        assert_eq!(plain("."), string("."));
        assert_eq!(plain("1e"), string("1e"));
        assert_eq!(plain("1.2.3"), string("1.2.3"));
        assert_eq!(is_float(&plain(".inf"), ".inf"), f64::INFINITY);
        assert_eq!(is_float(&plain("+.Inf"), "+.Inf"), f64::INFINITY);
        assert_eq!(is_float(&plain("-.INF"), "-.INF"), f64::NEG_INFINITY);
        assert!(is_float(&plain(".nan"), ".nan").is_nan());
        assert!(is_float(&plain(".NaN"), ".NaN").is_nan());
        assert_eq!(plain("-.nan"), string("-.nan"));
        assert_eq!(plain("inf"), string("inf"));
        // Oversized integers become floats carrying their text.
        let big = "123456789012345678901234567890";
        assert_eq!(is_float(&plain(big), big), 1.2345678901234568e29);
        assert_eq!(
            is_float(&plain("0xFFFFFFFFFFFFFFFFFF"), "0xFFFFFFFFFFFFFFFFFF"),
            2f64.powi(72) - 1.0
        );
        assert_eq!(plain("9223372036854775807"), Value::Integer(i64::MAX));
        assert_eq!(plain("-9223372036854775808"), Value::Integer(i64::MIN));
        // Dates, quoted and block scalars stay text.
        assert_eq!(plain("2026-01-30"), string("2026-01-30"));
        assert_eq!(plain("\"123\""), string("123"));
        assert_eq!(plain("'true'"), string("true"));
        assert_eq!(plain("'~'"), string("~"));
        assert_eq!(plain("\"\""), string(""));
        assert_eq!(plain("|\n  12\n"), string("12\n"));
        assert_eq!(plain(">-\n  12\n"), string("12"));
        assert_eq!(plain("12 months"), string("12 months"));
    }

    #[test]
    fn null_forms() {
        for s in ["null", "Null", "NULL", "~", ""] {
            assert_eq!(plain(s), Value::Null, "{s:?}");
        }
        assert_eq!(plain("nULL"), string("nULL"));
        let text = "a:\nb: ~\nc: [x, ]\n";
        let root = ok(text);
        let a = entry(&root, "a");
        assert_eq!(a.value.value, Value::Null);
        assert_eq!(a.value.span.start, a.value.span.end);
        assert_eq!(at(text, entry(&root, "b").value.span), "~");
        let text = "{a: 1, b}";
        let root = ok(text);
        let b = entry(&root, "b");
        assert_eq!(b.value.value, Value::Null);
        assert_eq!(at(text, b.value.span), "");
    }

    #[test]
    fn non_string_keys() {
        let text = "1: a\ntrue: b\n~: c\n1.5: d\n[x]: e\n{y: z}: f\nok: g\n\"2\": h\n? - s\n: i\n";
        let parsed = parse(text);
        let root = parsed.root.unwrap();
        let keys: Vec<_> = table(&root)
            .entries
            .iter()
            .map(|e| e.key.as_str())
            .collect();
        assert_eq!(keys, ["ok", "2"]);
        let found: Vec<_> = parsed
            .issues
            .iter()
            .map(|i| (i.kind, at(text, i.span.unwrap()), en(i)))
            .collect();
        assert_eq!(
            found,
            [
                (
                    IssueKind::Invalid,
                    "1",
                    "keys must be text, found an integer"
                ),
                (
                    IssueKind::Invalid,
                    "true",
                    "keys must be text, found a boolean"
                ),
                (IssueKind::Invalid, "~", "keys must be text, found null"),
                (
                    IssueKind::Invalid,
                    "1.5",
                    "keys must be text, found a number"
                ),
                (
                    IssueKind::Invalid,
                    "[x]",
                    "keys must be text, found an array"
                ),
                (
                    IssueKind::Invalid,
                    "{y: z}",
                    "keys must be text, found a table"
                ),
                (
                    IssueKind::Invalid,
                    "- s",
                    "keys must be text, found an array"
                ),
            ]
            .map(|(k, a, m)| (k, a, m.to_string()))
        );
    }

    #[test]
    fn duplicate_keys() {
        let text = "a: 1\nb:\n  x: 1\n  x: 2\na: 3\n";
        let parsed = parse(text);
        let root = parsed.root.unwrap();
        assert_eq!(entry(&root, "a").value.value, Value::Integer(1));
        assert_eq!(table(&entry(&root, "b").value).entries.len(), 1);
        let found: Vec<_> = parsed
            .issues
            .iter()
            .map(|i| (i.kind, i.span.unwrap(), en(i)))
            .collect();
        assert_eq!(
            found,
            [
                (
                    IssueKind::Parse,
                    Span::new(17, 18),
                    "duplicate key `x` (first at line 3)"
                ),
                (
                    IssueKind::Parse,
                    Span::new(22, 23),
                    "duplicate key `a` (first at line 1)"
                ),
            ]
            .map(|(k, a, m)| (k, a, m.to_string()))
        );
        // The same key in different mappings is fine.
        ok("- a: 1\n- a: 2\n");
    }

    #[test]
    fn merge_key() {
        let text = "base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n";
        let parsed = parse(text);
        let root = parsed.root.unwrap();
        let other = table(&entry(&root, "other").value);
        assert_eq!(other.entries.len(), 1);
        assert_eq!(other.entries[0].key, "y");
        assert_eq!(parsed.issues.len(), 1);
        let issue = &parsed.issues[0];
        assert_eq!(issue.kind, IssueKind::UnknownKey);
        assert_eq!(at(text, issue.span.unwrap()), "<<");
        assert_eq!(en(issue), "merge keys (`<<`) are not part of the format");
    }

    #[test]
    fn tags() {
        let text = "a: !!str 12\nb: !foo\n  - 1\nc: !t |\n  z\nd: &x !!int 3\n";
        let parsed = parse(text);
        let root = parsed.root.unwrap();
        assert_eq!(entry(&root, "a").value.value, Value::Integer(12));
        assert_eq!(at(text, entry(&root, "a").value.span), "12");
        assert_eq!(at(text, entry(&root, "b").value.span), "- 1");
        assert_eq!(entry(&root, "c").value.value, string("z\n"));
        assert_eq!(at(text, entry(&root, "d").value.span), "3");
        let found: Vec<_> = parsed
            .issues
            .iter()
            .map(|i| (i.kind, at(text, i.span.unwrap()), en(i)))
            .collect();
        let msg = "tags are not part of the format";
        assert_eq!(
            found,
            [
                (IssueKind::Invalid, "!!str", msg),
                (IssueKind::Invalid, "!foo", msg),
                (IssueKind::Invalid, "!t", msg),
                (IssueKind::Invalid, "!!int", msg),
            ]
            .map(|(k, a, m)| (k, a, m.to_string()))
        );
    }

    #[test]
    fn aliases() {
        let text = "base: &b\n  x: 1\n  y: [2, 3]\ncopy: *b\nname: &n Festival\nagain: *n\n";
        let root = ok(text);
        let base = entry(&root, "base");
        assert_eq!(at(text, base.value.span), "x: 1\n  y: [2, 3]");
        let copy = entry(&root, "copy");
        assert_eq!(at(text, copy.value.span), "*b");
        let x = entry(&copy.value, "x");
        assert_eq!(x.value.value, Value::Integer(1));
        assert_eq!(at(text, x.key_span), "*b");
        assert_eq!(
            at(text, array(&entry(&copy.value, "y").value)[1].span),
            "*b"
        );
        assert_eq!(at(text, entry(&root, "name").value.span), "Festival");
        let again = entry(&root, "again");
        assert_eq!(again.value.value, string("Festival"));
        assert_eq!(at(text, again.value.span), "*n");
        // An alias as a key is fine when it is text.
        let root = ok("- &k name\n- {*k : 1}\n");
        assert_eq!(
            entry(&array(&root)[1], "name").value.value,
            Value::Integer(1)
        );
    }

    #[test]
    fn two_documents() {
        let text = "a: 1\n---\nb: 2\n";
        let parsed = parse(text);
        assert!(parsed.root.is_none());
        assert_eq!(parsed.issues.len(), 1);
        assert_eq!(parsed.issues[0].kind, IssueKind::Parse);
        assert_eq!(at(text, parsed.issues[0].span.unwrap()), "---");
        assert_eq!(
            en(&parsed.issues[0]),
            "a convention file holds one YAML document"
        );
        // One explicit document, with or without an end marker, is fine.
        ok("---\na: 1\n...\n");
        ok("# head\n---\na: 1\n");
        assert_eq!(parse("a: 1\n---\n").issues.len(), 1);
    }

    #[test]
    fn syntax_errors_are_located() {
        let text = "a: 1\nb: \"unclosed\n";
        let parsed = parse(text);
        assert!(parsed.root.is_none());
        assert_eq!(parsed.issues.len(), 1);
        let issue = &parsed.issues[0];
        assert_eq!(issue.kind, IssueKind::Parse);
        assert_eq!(at(text, issue.span.unwrap()), "\"");
        assert!(en(issue).contains("quoted scalar"), "{}", en(issue));

        let text = "é: [1, 2\nb: 2\n";
        let parsed = parse(text);
        assert!(parsed.root.is_none());
        let span = parsed.issues[0].span.unwrap();
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        assert!(span.start > 3);

        for bad in [
            "a: b: c",
            "- a\nb: 1",
            "a:\n\tb: 1",
            "[a, b",
            "{a: 1",
            "a: *nope",
            "'a",
            "a: !e!x 1",
            "a:\n  - 1\n  b: 2\n",
        ] {
            let parsed = parse(bad);
            assert!(parsed.root.is_none(), "{bad:?}");
            assert_eq!(parsed.issues.len(), 1, "{bad:?}");
            assert_eq!(parsed.issues[0].kind, IssueKind::Parse);
        }
    }

    #[test]
    fn empty_documents() {
        for text in [
            "",
            "\n\n",
            "# only\n# comments\n",
            "\u{feff}",
            "---\n",
            "---\n...\n",
            "# c\n---\n# c\n",
        ] {
            let parsed = parse(text);
            assert!(parsed.root.is_none(), "{text:?}");
            assert_eq!(parsed.issues, vec![], "{text:?}");
        }
        // A top level that is not a mapping is returned as is.
        assert_eq!(ok("just text\n").value, string("just text"));
        assert_eq!(array(&ok("- 1\n- 2\n")).len(), 2);
        assert_eq!(ok("~\n").value, Value::Null);
    }

    fn too_large(text: &str) {
        let start = std::time::Instant::now();
        let parsed = parse(text);
        assert!(parsed.root.is_none());
        assert_eq!(parsed.issues.len(), 1);
        assert_eq!(parsed.issues[0].kind, IssueKind::Parse);
        assert!(start.elapsed().as_secs() < 5, "took {:?}", start.elapsed());
    }

    #[test]
    fn deep_nesting_does_not_crash() {
        too_large(&"[".repeat(100_000));
        too_large(&format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)));
        too_large(&"{a: ".repeat(100_000));
        too_large(&"- ".repeat(100_000));
        let parsed = parse(&"- ".repeat(100_000));
        assert_eq!(*parsed.issues[0].found, Found::TooLarge);
        let mut deep = String::new();
        for i in 0..300 {
            deep.push_str(&" ".repeat(i));
            deep.push_str("a:\n");
        }
        too_large(&deep);
        // Up to the limit is fine.
        let ok_deep = format!("{}x{}", "- ".repeat(MAX_DEPTH), "\n");
        let root = ok(&ok_deep);
        let mut node = &root;
        let mut depth = 0;
        while let Value::Array(items) = &node.value {
            node = &items[0];
            depth += 1;
        }
        assert_eq!(depth, MAX_DEPTH);
        assert_eq!(node.value, string("x"));
        too_large(&format!("{}x\n", "- ".repeat(MAX_DEPTH + 1)));
    }

    #[test]
    fn deep_aliases_are_limited() {
        let text = format!("a: &a {}x{}\nb: [[*a]]\n", "[".repeat(200), "]".repeat(200));
        assert!(parse(&text).root.is_some());
        let text = format!(
            "a: &a {}x{}\nb: {}*a{}\n",
            "[".repeat(200),
            "]".repeat(200),
            "[".repeat(100),
            "]".repeat(100)
        );
        too_large(&text);
    }

    #[test]
    fn billion_laughs() {
        let mut text = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        let mut previous = 'a';
        for name in 'b'..='z' {
            text.push_str(&format!("{name}: &{name} [*{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}]\n"));
            previous = name;
        }
        too_large(&text);
        let parsed = parse(&text);
        assert_eq!(*parsed.issues[0].found, Found::TooLarge);
    }

    #[test]
    fn self_referencing_alias() {
        let parsed = parse("a: &a [1, *a]\n");
        assert!(parsed.root.is_none());
        assert_eq!(parsed.issues.len(), 1);
        assert_eq!(parsed.issues[0].kind, IssueKind::Parse);
    }

    #[test]
    fn block_scalar_spans() {
        let text = "a: |\n  line one\n  line two\n\nb: >-\n  folded\nc: |\nd: x\n";
        let root = ok(text);
        assert_eq!(
            at(text, entry(&root, "a").value.span),
            "line one\n  line two"
        );
        assert_eq!(at(text, entry(&root, "b").value.span), "folded");
        let c = entry(&root, "c");
        assert_eq!(c.value.value, string(""));
        assert_eq!(at(text, c.value.span), "|");
        let text = "a: plain\n  multi line\nb: x\n";
        let root = ok(text);
        assert_eq!(
            at(text, entry(&root, "a").value.span),
            "plain\n  multi line"
        );
    }

    #[test]
    fn flow_pair_in_sequence() {
        let text = "[a: b, c]";
        let root = ok(text);
        let items = array(&root);
        assert_eq!(at(text, items[0].span), "a: b");
        assert_eq!(entry(&items[0], "a").value.value, string("b"));
    }
}
