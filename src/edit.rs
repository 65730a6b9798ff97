//! Layout-preserving edits of a convention's text: `toml_edit` for TOML,
//! splices at the value tree's spans for YAML. Everything outside the
//! inserted or replaced bytes stays byte-identical (comments, key order,
//! blank lines, quoting, line endings). Used by `sign`; meant for fixes too.

use anyhow::Result;

use crate::failure::{Fail as _, Failure};

use crate::value::{Node, Syntax, Table, Value};

/// A key's new value: text, or a date written as a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scalar {
    Text(String),
    Date(jiff::civil::Date),
}

/// One change to make.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Sets (adds or replaces) `convention.<key>`.
    SetConvention { key: String, value: Scalar },
    /// Adds `key = value` to the `index`-th `[[array]]` item (0-based).
    AddToItem {
        array: String,
        index: usize,
        key: String,
        value: Scalar,
    },
    /// Appends one item to the top-level array of tables `array`.
    AppendItem {
        array: String,
        entries: Vec<(String, Scalar)>,
    },
}

/// Applies the edits to `text`; `root` is its parsed tree (for YAML spans).
pub fn apply(text: &str, syntax: Syntax, root: &Node, edits: &[Edit]) -> Result<String> {
    match syntax {
        Syntax::Toml => toml_apply(text, edits),
        Syntax::Yaml => {
            let mut out = text.to_string();
            // Splices from the end backwards, so earlier spans stay valid;
            // appends at the end of the file go last.
            let mut splices: Vec<(usize, usize, String)> = Vec::new();
            for e in edits {
                splices.push(yaml_splice(text, root, e)?);
            }
            splices.sort_by_key(|s| std::cmp::Reverse(s.0));
            for (start, end, with) in splices {
                out.replace_range(start..end, &with);
            }
            Ok(out)
        }
    }
}

// ---------- TOML ----------

fn toml_value(v: &Scalar) -> Result<toml_edit::Value> {
    Ok(match v {
        Scalar::Text(s) => toml_edit::Value::from(s.as_str()),
        Scalar::Date(d) => {
            let dt: toml_edit::Datetime =
                d.to_string()
                    .parse()
                    .map_err(|_| Failure::EditInvalidDate {
                        date: d.to_string(),
                    })?;
            toml_edit::Value::from(dt)
        }
    })
}

fn toml_apply(text: &str, edits: &[Edit]) -> Result<String> {
    let mut doc: toml_edit::DocumentMut = text.parse().or_fail(|| Failure::EditUnparsable)?;
    for e in edits {
        match e {
            Edit::SetConvention { key, value } => {
                let table = doc
                    .get_mut("convention")
                    .and_then(|i| i.as_table_like_mut())
                    .or_fail(|| Failure::EditNoConvention { yaml: false })?;
                match table.get_mut(key).and_then(|i| i.as_value_mut()) {
                    Some(old) => {
                        let decor = old.decor().clone();
                        let mut new = toml_value(value)?;
                        *new.decor_mut() = decor;
                        *old = new;
                    }
                    None => {
                        table.insert(key, toml_edit::Item::Value(toml_value(value)?));
                    }
                }
            }
            Edit::AddToItem {
                array,
                index,
                key,
                value,
            } => {
                let item = doc
                    .get_mut(array)
                    .and_then(|i| i.as_array_of_tables_mut())
                    .and_then(|a| a.get_mut(*index))
                    .or_fail(|| Failure::EditNoItem {
                        array: array.to_string(),
                        number: index + 1,
                        yaml: false,
                    })?;
                item.insert(key, toml_edit::Item::Value(toml_value(value)?));
            }
            Edit::AppendItem { array, entries } => {
                let mut table = toml_edit::Table::new();
                for (k, v) in entries {
                    table.insert(k, toml_edit::Item::Value(toml_value(v)?));
                }
                match doc.get_mut(array) {
                    None => {
                        let mut aot = toml_edit::ArrayOfTables::new();
                        aot.push(table);
                        doc.insert(array, toml_edit::Item::ArrayOfTables(aot));
                    }
                    Some(item)
                        if item.as_array().is_some_and(|a| a.is_empty())
                            || item.as_array_of_tables().is_some_and(|a| a.is_empty()) =>
                    {
                        // `signature = []`: gives way to the first [[signature]],
                        // at the end of the file.
                        doc.remove(array);
                        let mut aot = toml_edit::ArrayOfTables::new();
                        aot.push(table);
                        doc.insert(array, toml_edit::Item::ArrayOfTables(aot));
                    }
                    Some(item) => {
                        let aot =
                            item.as_array_of_tables_mut()
                                .or_fail(|| Failure::EditNotTables {
                                    array: array.to_string(),
                                })?;
                        // Place it right after the last existing item.
                        let last = aot.iter().filter_map(|t| t.position()).max();
                        if let Some(p) = last {
                            table.set_position(Some(p));
                        }
                        aot.push(table);
                    }
                }
            }
        }
    }
    let mut out = doc.to_string();
    let lone_lf = text
        .bytes()
        .enumerate()
        .any(|(i, b)| b == b'\n' && (i == 0 || text.as_bytes()[i - 1] != b'\r'));
    if text.contains("\r\n") && !lone_lf {
        out = to_crlf(&out);
    }
    Ok(out)
}

/// toml_edit writes new lines with LF; a CRLF file gets CRLF on them too.
fn to_crlf(edited: &str) -> String {
    let mut out = String::with_capacity(edited.len() + 64);
    let mut prev = '\0';
    for ch in edited.chars() {
        if ch == '\n' && prev != '\r' {
            out.push('\r');
        }
        out.push(ch);
        prev = ch;
    }
    out
}

// ---------- YAML ----------

fn eol(text: &str) -> &'static str {
    if text.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    }
}

fn yaml_scalar(v: &Scalar) -> String {
    match v {
        // A JSON string is a valid YAML double-quoted scalar.
        Scalar::Text(s) => serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into()),
        Scalar::Date(d) => d.to_string(),
    }
}

fn root_table(root: &Node) -> Result<&Table> {
    match &root.value {
        Value::Table(t) => Ok(t),
        _ => Err(Failure::EditDocumentNotMapping.into()),
    }
}

/// The offset just after the line where a span ending at `at` ends (its
/// line ending included).
fn after_line(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    if at > 0 && text.as_bytes()[at - 1] == b'\n' {
        return at;
    }
    match text[at..].find('\n') {
        Some(i) => at + i + 1,
        None => text.len(),
    }
}

fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

fn is_flow(text: &str, node: &Node) -> bool {
    matches!(text.as_bytes().get(node.span.start), Some(b'[' | b'{'))
}

/// A new entry after the last entry of a block mapping.
fn yaml_add_to_mapping(
    text: &str,
    table: &Table,
    key: &str,
    value: &Scalar,
) -> Result<(usize, usize, String)> {
    let (Some(first), Some(last)) = (table.entries.first(), table.entries.last()) else {
        return Err(Failure::EditEmptyMapping {
            key: key.to_string(),
        }
        .into());
    };
    let ls = line_start(text, first.key_span.start);
    let indent = " ".repeat(first.key_span.start - ls);
    let end = last.value.span.end.max(last.key_span.end);
    let at = after_line(text, end);
    let nl = eol(text);
    let lead = if at == text.len() && !text.ends_with('\n') {
        nl
    } else {
        ""
    };
    Ok((
        at,
        at,
        format!("{lead}{indent}{key}: {}{nl}", yaml_scalar(value)),
    ))
}

/// A new entry at the end of a flow mapping `{ a: 1, b: 2 }`, before its `}`.
fn flow_add(text: &str, node: &Node, key: &str, value: &Scalar) -> Result<(usize, usize, String)> {
    let inner = &text[node.span.start..node.span.end];
    let Some(close) = inner.rfind('}') else {
        return Err(Failure::EditFlowMappingEnd.into());
    };
    let before = inner[..close].trim_end();
    let at = node.span.start + before.len();
    let sep = if before.ends_with('{') || before.ends_with(',') {
        " "
    } else {
        ", "
    };
    Ok((at, at, format!("{sep}{key}: {}", yaml_scalar(value))))
}

fn yaml_splice(text: &str, root: &Node, e: &Edit) -> Result<(usize, usize, String)> {
    let top = root_table(root)?;
    let nl = eol(text);
    match e {
        Edit::SetConvention { key, value } => {
            let conv = top
                .get("convention")
                .or_fail(|| Failure::EditNoConvention { yaml: true })?;
            let Value::Table(t) = &conv.value.value else {
                return Err(Failure::EditNotMapping {
                    name: "convention".into(),
                    number: None,
                }
                .into());
            };
            if is_flow(text, &conv.value) {
                return Err(Failure::EditFlow {
                    name: "convention".into(),
                    list: false,
                }
                .into());
            }
            match t.get(key) {
                Some(entry) => {
                    let s = entry.value.span;
                    let old = &text[s.start..s.end];
                    let new = match (old.chars().next(), value) {
                        (Some('\''), Scalar::Text(v)) if !v.contains('\'') => format!("'{v}'"),
                        (Some('"'), _) | (Some('\''), _) => yaml_scalar(value),
                        (_, Scalar::Text(v))
                            if v.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') =>
                        {
                            v.clone()
                        }
                        _ => yaml_scalar(value),
                    };
                    Ok((s.start, s.end, new))
                }
                None => yaml_add_to_mapping(text, t, key, value),
            }
        }
        Edit::AddToItem {
            array,
            index,
            key,
            value,
        } => {
            let node = top.get(array).or_fail(|| Failure::EditNoArray {
                array: array.to_string(),
            })?;
            let Value::Array(items) = &node.value.value else {
                return Err(Failure::EditNotList {
                    array: array.to_string(),
                }
                .into());
            };
            let item = items.get(*index).or_fail(|| Failure::EditNoItem {
                array: array.to_string(),
                number: index + 1,
                yaml: true,
            })?;
            let Value::Table(t) = &item.value else {
                return Err(Failure::EditNotMapping {
                    name: array.to_string(),
                    number: Some(index + 1),
                }
                .into());
            };
            if is_flow(text, item) {
                return flow_add(text, item, key, value);
            }
            yaml_add_to_mapping(text, t, key, value)
        }
        Edit::AppendItem { array, entries } => {
            let render = |dash: &str, keys: &str| {
                let mut s = String::new();
                for (i, (k, v)) in entries.iter().enumerate() {
                    let lead = if i == 0 { dash } else { keys };
                    s.push_str(&format!("{lead}{k}: {}{nl}", yaml_scalar(v)));
                }
                s
            };
            match top.get(array) {
                None => {
                    let lead = if text.is_empty() || text.ends_with('\n') {
                        ""
                    } else {
                        nl
                    };
                    let at = text.len();
                    Ok((
                        at,
                        at,
                        format!("{lead}{array}:{nl}{}", render("  - ", "    ")),
                    ))
                }
                Some(entry) => {
                    let Value::Array(items) = &entry.value.value else {
                        return Err(Failure::EditNotList {
                            array: array.to_string(),
                        }
                        .into());
                    };
                    if is_flow(text, &entry.value) && items.is_empty() {
                        // `signature: []` becomes a block list.
                        let ls = line_start(text, entry.key_span.start);
                        let indent = " ".repeat(entry.key_span.start - ls);
                        let s = entry.value.span;
                        let start = text[..s.start].trim_end_matches(' ').len();
                        let block = render(&format!("{indent}  - "), &format!("{indent}    "));
                        let block = block.strip_suffix(nl).unwrap_or(&block);
                        return Ok((start, s.end, format!("{nl}{block}")));
                    }
                    if is_flow(text, &entry.value) {
                        return Err(Failure::EditFlow {
                            name: array.to_string(),
                            list: true,
                        }
                        .into());
                    }
                    let Some(first) = items.first() else {
                        return Err(Failure::EditEmptyList {
                            array: array.to_string(),
                        }
                        .into());
                    };
                    let ls = line_start(text, first.span.start);
                    let prefix = &text[ls..first.span.start];
                    let Some(dash) = prefix.rfind('-') else {
                        return Err(Failure::EditNotBlockList {
                            array: array.to_string(),
                        }
                        .into());
                    };
                    if !prefix[..dash].chars().all(|c| c == ' ') {
                        return Err(Failure::EditLayout {
                            array: array.to_string(),
                        }
                        .into());
                    }
                    let dash_lead = format!("{}-{}", &prefix[..dash], &prefix[dash + 1..]);
                    if is_flow(text, first) {
                        // Items written `- { … }` get one more such line.
                        let fields: Vec<String> = entries
                            .iter()
                            .map(|(k, v)| format!("{k}: {}", yaml_scalar(v)))
                            .collect();
                        let at = after_line(text, entry.value.span.end);
                        let lead = if at == text.len() && !text.ends_with('\n') {
                            nl
                        } else {
                            ""
                        };
                        return Ok((
                            at,
                            at,
                            format!("{lead}{dash_lead}{{ {} }}{nl}", fields.join(", ")),
                        ));
                    }
                    let keys_lead = " ".repeat(prefix.chars().count());
                    let end = entry.value.span.end;
                    let at = after_line(text, end);
                    let lead = if at == text.len() && !text.ends_with('\n') {
                        nl
                    } else {
                        ""
                    };
                    Ok((at, at, format!("{lead}{}", render(&dash_lead, &keys_lead))))
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yaml(text: &str) -> Node {
        crate::parse::parse(text, Syntax::Yaml).root.expect("yaml")
    }

    #[test]
    fn yaml_insertions_after_a_multibyte_last_character() {
        let text = "convention:\n  id: x\n  place: Fès é\nannex:\n  - title: Budget détaillé\n    ref: b.pdf é\n";
        let root = yaml(text);
        let out = apply(
            text,
            Syntax::Yaml,
            &root,
            &[
                Edit::SetConvention {
                    key: "status".into(),
                    value: Scalar::Text("signed".into()),
                },
                Edit::AddToItem {
                    array: "annex".into(),
                    index: 0,
                    key: "sha256".into(),
                    value: Scalar::Text("ab".into()),
                },
            ],
        )
        .unwrap();
        assert_eq!(
            out,
            "convention:\n  id: x\n  place: Fès é\n  status: \"signed\"\nannex:\n  - title: Budget détaillé\n    ref: b.pdf é\n    sha256: \"ab\"\n"
        );
    }

    /// Every TOML file of the repository reads and writes back byte for byte.
    #[test]
    fn toml_files_round_trip_unchanged() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut stack = vec![root.join("examples"), root.join("tests/fixtures")];
        let mut n = 0;
        while let Some(dir) = stack.pop() {
            for e in std::fs::read_dir(&dir).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "toml") {
                    let Ok(text) = std::fs::read_to_string(&p) else {
                        continue;
                    };
                    let Ok(doc) = text.parse::<toml_edit::DocumentMut>() else {
                        continue;
                    };
                    assert_eq!(doc.to_string(), text, "{}", p.display());
                    n += 1;
                }
            }
        }
        assert!(n > 20, "{n} files");
    }

    #[test]
    fn yaml_flow_items_get_the_new_key_inside_their_braces() {
        let text =
            "convention:\n  id: x\nannex:\n  - { title: Budget, ref: b.pdf }\n  - {title: Plan}\n";
        let root = yaml(text);
        let edits = [
            Edit::AddToItem {
                array: "annex".into(),
                index: 0,
                key: "sha256".into(),
                value: Scalar::Text("ab".into()),
            },
            Edit::AddToItem {
                array: "annex".into(),
                index: 1,
                key: "sha256".into(),
                value: Scalar::Text("cd".into()),
            },
        ];
        let out = apply(text, Syntax::Yaml, &root, &edits).unwrap();
        assert_eq!(
            out,
            "convention:\n  id: x\nannex:\n  - { title: Budget, ref: b.pdf, sha256: \"ab\" }\n  - {title: Plan, sha256: \"cd\"}\n"
        );
    }

    #[test]
    fn toml_status_replaced_in_place_keeps_its_comment() {
        let text =
            "[convention]\nid = \"x\"\nstatus = \"draft\"   # to sign\n\n[[party]]\nid = \"a\"\n";
        let root = crate::parse::parse(text, Syntax::Toml).root.unwrap();
        let out = apply(
            text,
            Syntax::Toml,
            &root,
            &[Edit::SetConvention {
                key: "status".into(),
                value: Scalar::Text("signed".into()),
            }],
        )
        .unwrap();
        assert_eq!(out, text.replace("\"draft\"", "\"signed\""));
    }
}
