//! The fingerprint of the terms of a document.
//!
//! The fingerprint is `"sha256:"` followed by the lowercase hex SHA-256 of
//! the UTF-8 bytes of the RFC 8785 (JCS) canonical JSON of the document,
//! after removing the top-level keys `signature`, `tracking`, `waiver` and
//! `meta`, and the keys `status` and `terminated_on` of `convention`.
//!
//! - The document is the value tree as written: no defaults are added and
//!   nothing is coerced, so making a default explicit changes it.
//! - Dates become `"YYYY-MM-DD"` strings; other date-times keep their text.
//! - Every string (keys included) has CRLF and lone CR turned into LF and is
//!   put in Unicode NFC.
//! - Numbers are written as ECMAScript numbers (`42000.0` and `42000` are
//!   both `42000`); object keys are sorted by UTF-16 code units.
//!
//! Comments, key order and layout never change it, nor does the syntax
//! (TOML or YAML) the document was written in.

use std::borrow::Cow;

use serde_json::{Map, Number, Value as Json};
use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

use crate::value::{Node, Table, Value};

/// Top-level keys that are not terms.
const REMOVED_TOP_LEVEL: [&str; 4] = ["signature", "tracking", "waiver", "meta"];
/// Keys of `convention` that are not terms.
const REMOVED_FROM_CONVENTION: [&str; 2] = ["status", "terminated_on"];

/// The canonical JSON text (JCS) of the terms of a document.
///
/// The root is expected to be a table; any other root is canonicalised as
/// is, with nothing removed.
pub fn canonical_terms(root: &Node) -> String {
    let mut out = Vec::with_capacity(8192);
    jcs::node(&mut out, root, jcs::Drop::TopLevel);
    // Only whole UTF-8 strings and ASCII are ever written.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The terms of a document as JSON (strings normalised, non-terms removed),
/// in file order: what the fingerprint hashes and `pacte diff` compares.
pub fn terms_json(root: &Node) -> Json {
    let mut json = to_json(root);
    if let Json::Object(top) = &mut json {
        for key in REMOVED_TOP_LEVEL {
            top.shift_remove(key);
        }
        if let Some(Json::Object(convention)) = top.get_mut("convention") {
            for key in REMOVED_FROM_CONVENTION {
                convention.shift_remove(key);
            }
        }
    }
    json
}

/// The fingerprint of the terms of a document: `"sha256:<64 lowercase hex>"`.
pub fn fingerprint(root: &Node) -> String {
    let mut out = Vec::with_capacity(8192);
    jcs::node(&mut out, root, jcs::Drop::TopLevel);
    format!("sha256:{}", sha256_hex(&out))
}

/// The SHA-256 of arbitrary bytes, as lowercase hex without prefix.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for byte in digest {
        out.push(char::from_digit(u32::from(byte >> 4), 16).unwrap_or('0'));
        out.push(char::from_digit(u32::from(byte & 0xf), 16).unwrap_or('0'));
    }
    out
}

/// A string with CRLF and lone CR turned into LF, in Unicode NFC.
fn normalize_text(s: &str) -> String {
    normalized(s).into_owned()
}

/// [`normalize_text`], borrowing the text when it is already normal.
fn normalized(s: &str) -> Cow<'_, str> {
    let lf = if s.contains('\r') {
        Cow::Owned(s.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(s)
    };
    // Most texts are already NFC: checking is much cheaper than rebuilding,
    // and ASCII (always NFC) is checked by a byte scan.
    if lf.is_ascii() {
        return lf;
    }
    match unicode_normalization::is_nfc_quick(lf.chars()) {
        unicode_normalization::IsNormalized::Yes => lf,
        _ => Cow::Owned(lf.nfc().collect()),
    }
}

/// The canonical JSON (RFC 8785) of a value tree, written straight from
/// the tree: the same text as [`to_json`] then a JCS serializer would give
/// (keys normalised, sorted by UTF-16 code units, the last of equal keys
/// winning; numbers as ECMAScript writes them; strings escaped as JSON),
/// without building the JSON value first.
mod jcs {
    use std::borrow::Cow;

    use super::{normalized, Node, Table, Value};
    use super::{REMOVED_FROM_CONVENTION, REMOVED_TOP_LEVEL};

    /// Which keys of a table are not terms.
    #[derive(Clone, Copy, PartialEq, Eq)]
    pub enum Drop {
        /// The root: `signature`, `tracking`, `waiver`, `meta`.
        TopLevel,
        /// The `convention` table: `status`, `terminated_on`.
        Convention,
        None,
    }

    pub fn node(out: &mut Vec<u8>, node: &Node, drop: Drop) {
        match &node.value {
            Value::String(s) => string(out, &normalized(s)),
            Value::Integer(i) => number(out, *i as f64),
            Value::Float { value, .. } => {
                if value.is_finite() {
                    number(out, *value)
                } else {
                    out.extend_from_slice(b"null")
                }
            }
            Value::Bool(true) => out.extend_from_slice(b"true"),
            Value::Bool(false) => out.extend_from_slice(b"false"),
            Value::Date(d) => string(out, &d.to_string()),
            Value::DateTime(raw) => string(out, &normalized(raw)),
            Value::Null => out.extend_from_slice(b"null"),
            Value::Array(items) => {
                out.push(b'[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    self::node(out, item, Drop::None);
                }
                out.push(b']');
            }
            Value::Table(t) => table(out, t, drop),
        }
    }

    fn table(out: &mut Vec<u8>, table: &Table, drop: Drop) {
        let mut keys: Vec<(Cow<'_, str>, &Node)> = table
            .entries
            .iter()
            .map(|e| (normalized(&e.key), &e.value))
            .collect();
        // Stable: among equal keys, the last written stays last.
        keys.sort_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
        out.push(b'{');
        let mut first = true;
        for (i, (key, value)) in keys.iter().enumerate() {
            if keys.get(i + 1).is_some_and(|(next, _)| next == key) {
                continue;
            }
            let child = match drop {
                Drop::TopLevel if REMOVED_TOP_LEVEL.contains(&key.as_ref()) => continue,
                Drop::TopLevel if key == "convention" => Drop::Convention,
                Drop::Convention if REMOVED_FROM_CONVENTION.contains(&key.as_ref()) => continue,
                _ => Drop::None,
            };
            if !first {
                out.push(b',');
            }
            first = false;
            string(out, key);
            out.push(b':');
            node(out, value, child);
        }
        out.push(b'}');
    }

    /// A finite number as ECMAScript's `Number.prototype.toString` writes it.
    fn number(out: &mut Vec<u8>, value: f64) {
        let mut buffer = ryu_js::Buffer::new();
        out.extend_from_slice(buffer.format_finite(value).as_bytes());
    }

    /// A JSON string: `"` and `\\` escaped, the control characters as
    /// `\b \t \n \f \r` or `\u00xx`; everything else as is.
    fn string(out: &mut Vec<u8>, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        out.push(b'"');
        let bytes = s.as_bytes();
        let mut start = 0;
        let mut unicode = *b"\\u0000";
        for (i, &b) in bytes.iter().enumerate() {
            let escape: &[u8] = match b {
                b'"' => b"\\\"",
                b'\\' => b"\\\\",
                b'\x08' => b"\\b",
                b'\t' => b"\\t",
                b'\n' => b"\\n",
                b'\x0c' => b"\\f",
                b'\r' => b"\\r",
                0..=0x1f => {
                    unicode[4] = HEX[(b >> 4) as usize];
                    unicode[5] = HEX[(b & 0xf) as usize];
                    &unicode
                }
                _ => continue,
            };
            out.extend_from_slice(&bytes[start..i]);
            out.extend_from_slice(escape);
            start = i + 1;
        }
        out.extend_from_slice(&bytes[start..]);
        out.push(b'"');
    }
}

fn to_json(node: &Node) -> Json {
    match &node.value {
        Value::String(s) => Json::String(normalize_text(s)),
        Value::Integer(i) => Json::Number(Number::from(*i)),
        Value::Float { value, .. } => Number::from_f64(*value).map_or(Json::Null, Json::Number),
        Value::Bool(b) => Json::Bool(*b),
        Value::Date(d) => Json::String(d.to_string()),
        Value::DateTime(raw) => Json::String(normalize_text(raw)),
        Value::Null => Json::Null,
        Value::Array(items) => Json::Array(items.iter().map(to_json).collect()),
        Value::Table(table) => Json::Object(table_to_json(table)),
    }
}

/// When two keys of one table are equal once normalised (e.g. `"é"` written
/// composed and decomposed), the last one's value wins.
fn table_to_json(table: &Table) -> Map<String, Json> {
    let mut map = Map::with_capacity(table.entries.len());
    for entry in &table.entries {
        map.insert(normalize_text(&entry.key), to_json(&entry.value));
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Span;
    use crate::value::Entry;
    use jiff::civil::date;

    // ---- tiny builders, with dummy spans ----

    fn node(value: Value) -> Node {
        Node {
            value,
            span: Span::default(),
        }
    }
    fn s(text: &str) -> Node {
        node(Value::String(text.to_owned()))
    }
    fn int(i: i64) -> Node {
        node(Value::Integer(i))
    }
    fn float(value: f64, raw: &str) -> Node {
        node(Value::Float {
            value,
            raw: raw.into(),
        })
    }
    fn day(y: i16, m: i8, d: i8) -> Node {
        node(Value::Date(date(y, m, d)))
    }
    fn arr(items: Vec<Node>) -> Node {
        node(Value::Array(items))
    }
    fn tbl(entries: Vec<(&str, Node)>) -> Node {
        node(Value::Table(Table {
            entries: entries
                .into_iter()
                .map(|(key, value)| Entry {
                    key: key.to_owned(),
                    key_span: Span::default(),
                    value,
                })
                .collect(),
        }))
    }

    /// Vector 1: a small convention-like document. `full` adds the keys
    /// that are not terms.
    fn convention_doc(budget: Node, full: bool) -> Node {
        let mut convention = vec![
            ("id", s("CONV-2026-001")),
            ("title", s("Partenariat de recherche")),
            ("start", day(2026, 2, 1)),
            ("end", day(2027, 1, 31)),
            ("currency", s("EUR")),
        ];
        if full {
            convention.push(("status", s("signed")));
            convention.push(("terminated_on", day(2026, 12, 1)));
        }
        let mut doc = vec![
            ("convention", tbl(convention)),
            (
                "party",
                arr(vec![
                    tbl(vec![
                        ("id", s("univ")),
                        ("name", s("Université de Lyon")),
                        ("sector", s("public")),
                    ]),
                    tbl(vec![
                        ("id", s("acme")),
                        ("name", s("ACME SAS")),
                        ("sector", s("private")),
                    ]),
                ]),
            ),
            ("funds", tbl(vec![("budget", budget)])),
        ];
        if full {
            doc.push((
                "signature",
                arr(vec![tbl(vec![
                    ("party", s("univ")),
                    ("on", day(2026, 1, 20)),
                ])]),
            ));
            doc.push(("tracking", tbl(vec![("spent", int(1200))])));
            doc.push(("meta", tbl(vec![("author", s("jd"))])));
            doc.push(("waiver", arr(vec![s("R042")])));
        }
        tbl(doc)
    }

    /// Vector 3 and 4: a one-text document.
    fn text_doc(text: &str) -> Node {
        tbl(vec![(
            "convention",
            tbl(vec![("id", s("c")), ("object", s(text))]),
        )])
    }

    /// Vector 5: float thresholds, and a default (`kind`) left implicit or
    /// made explicit.
    fn threshold_doc(explicit_kind: bool) -> Node {
        let mut contribution = vec![("party", s("univ")), ("amount", int(1000))];
        if explicit_kind {
            contribution.push(("kind", s("realisation")));
        }
        tbl(vec![
            ("convention", tbl(vec![("id", s("c"))])),
            (
                "governance",
                tbl(vec![
                    ("threshold", float(0.66, "0.66")),
                    ("epsilon", float(1e-7, "1e-7")),
                ]),
            ),
            ("contribution", arr(vec![tbl(contribution)])),
        ])
    }

    /// Vector 6: keys whose UTF-16 order differs from their code point order.
    fn keys_doc() -> Node {
        tbl(vec![
            ("convention", tbl(vec![("id", s("k"))])),
            (
                "keys",
                tbl(vec![
                    ("\u{FB01}", int(1)),
                    ("\u{1F600}", int(2)),
                    ("\u{E9}", int(3)),
                ]),
            ),
        ])
    }

    // Expected values computed independently by
    // tests/vectors/fingerprint_vectors.py (Python, standard library only).
    const V1: &str = "sha256:344303b173f207991228f8bffc00526951ac670103937bccbe1d93b312be140c";
    const V3: &str = "sha256:87cfa29978600bd054fd9ba8a6095ffa3c33e5e482e59e21042cc8887e67ae44";
    const V4: &str = "sha256:330cd442011de451664e551350758ec9313f409c7c6190a5446a037f6fbe6ece";
    const V4_KEY: &str = "sha256:3b380fa57720429406dfa29c4c052613ed9675b25a5faf2692ed4ff3a96b875c";
    const V5: &str = "sha256:5980813d29eccf0b6deb5590bd946e990f3bb0a519f78537dd05d991dace7081";
    const V5_KIND: &str = "sha256:baa254aef230c8d5a313f5011e19086387b95683567766e4a13a81da8482b17a";
    const V6: &str = "sha256:4f15d8d37112a0745be0105e3cc6ce2a01b7244cc1dcf8bb801f21b7be7e840e";

    #[test]
    fn sha256_hex_known_values() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn fingerprint_format() {
        let fp = fingerprint(&text_doc("x"));
        let hex = fp.strip_prefix("sha256:").expect("prefix");
        assert_eq!(hex.len(), 64);
        assert!(hex
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
    }

    #[test]
    fn vector_1_convention_ignores_non_terms() {
        let full = convention_doc(int(42000), true);
        let bare = convention_doc(int(42000), false);
        assert_eq!(fingerprint(&full), V1);
        assert_eq!(fingerprint(&bare), V1);
        assert_eq!(
            canonical_terms(&full),
            "{\"convention\":{\"currency\":\"EUR\",\"end\":\"2027-01-31\",\
             \"id\":\"CONV-2026-001\",\"start\":\"2026-02-01\",\
             \"title\":\"Partenariat de recherche\"},\"funds\":{\"budget\":42000},\
             \"party\":[{\"id\":\"univ\",\"name\":\"Université de Lyon\",\"sector\":\"public\"},\
             {\"id\":\"acme\",\"name\":\"ACME SAS\",\"sector\":\"private\"}]}"
        );
    }

    #[test]
    fn key_order_does_not_matter() {
        let a = tbl(vec![(
            "convention",
            tbl(vec![("id", s("x")), ("n", int(1))]),
        )]);
        let b = tbl(vec![(
            "convention",
            tbl(vec![("n", int(1)), ("id", s("x"))]),
        )]);
        assert_eq!(fingerprint(&a), fingerprint(&b));
    }

    #[test]
    fn any_term_change_changes_it() {
        let a = convention_doc(int(42000), false);
        let b = convention_doc(int(42001), false);
        assert_ne!(fingerprint(&a), fingerprint(&b));
        // `status` is only removed from `convention`, not elsewhere.
        let c = tbl(vec![("party", tbl(vec![("status", s("x"))]))]);
        let d = tbl(vec![("party", tbl(vec![("status", s("y"))]))]);
        assert_ne!(fingerprint(&c), fingerprint(&d));
    }

    #[test]
    fn vector_2_integral_float_is_the_integer() {
        let as_float = convention_doc(float(42000.0, "42000.0"), true);
        assert_eq!(fingerprint(&as_float), V1);
    }

    #[test]
    fn vector_3_line_endings() {
        assert_eq!(fingerprint(&text_doc("a\nb")), V3);
        assert_eq!(fingerprint(&text_doc("a\r\nb")), V3);
        assert_eq!(fingerprint(&text_doc("a\rb")), V3);
        assert_eq!(canonical_terms(&text_doc("a\r\r\nb\r")), {
            "{\"convention\":{\"id\":\"c\",\"object\":\"a\\n\\nb\\n\"}}"
        });
    }

    #[test]
    fn vector_4_nfc() {
        assert_eq!(fingerprint(&text_doc("\u{e9}t\u{e9}")), V4);
        assert_eq!(fingerprint(&text_doc("e\u{301}te\u{301}")), V4);
        let key = |k: &str| tbl(vec![("convention", tbl(vec![("id", s("c")), (k, int(1))]))]);
        assert_eq!(fingerprint(&key("e\u{301}te\u{301}")), V4_KEY);
        assert_eq!(fingerprint(&key("\u{e9}t\u{e9}")), V4_KEY);
    }

    #[test]
    fn vector_5_floats_and_explicit_default() {
        assert_eq!(
            canonical_terms(&threshold_doc(false)),
            "{\"contribution\":[{\"amount\":1000,\"party\":\"univ\"}],\
             \"convention\":{\"id\":\"c\"},\
             \"governance\":{\"epsilon\":1e-7,\"threshold\":0.66}}"
        );
        assert_eq!(fingerprint(&threshold_doc(false)), V5);
        assert_eq!(fingerprint(&threshold_doc(true)), V5_KIND);
        assert_ne!(V5, V5_KIND);
    }

    #[test]
    fn vector_6_keys_sorted_by_utf16() {
        // UTF-16: U+E9 < U+1F600 (D83D DE00) < U+FB01; code points would put
        // U+FB01 before U+1F600.
        assert_eq!(
            canonical_terms(&keys_doc()),
            "{\"convention\":{\"id\":\"k\"},\"keys\":{\"\u{e9}\":3,\"\u{1F600}\":2,\"\u{FB01}\":1}}"
        );
        assert_eq!(fingerprint(&keys_doc()), V6);
    }

    #[test]
    fn small_doc_exact_text() {
        let doc = tbl(vec![(
            "convention",
            tbl(vec![
                ("t", float(0.66, "0.66")),
                ("n", float(42000.0, "42000.0")),
                ("id", s("x")),
            ]),
        )]);
        assert_eq!(
            canonical_terms(&doc),
            r#"{"convention":{"id":"x","n":42000,"t":0.66}}"#
        );
    }

    #[test]
    fn ecmascript_numbers() {
        let one = |n: Node| canonical_terms(&arr(vec![n]));
        assert_eq!(one(float(42000.0, "42000.0")), "[42000]");
        assert_eq!(one(int(42000)), "[42000]");
        assert_eq!(one(float(0.66, "0.66")), "[0.66]");
        assert_eq!(one(float(1e-7, "1e-7")), "[1e-7]");
        assert_eq!(one(float(1e21, "1e21")), "[1e+21]");
        assert_eq!(one(float(1e20, "1e20")), "[100000000000000000000]");
        assert_eq!(one(float(-0.0, "-0.0")), "[0]");
        assert_eq!(one(float(0.000001, "0.000001")), "[0.000001]");
        assert_eq!(one(float(-3.0, "-3.0")), "[-3]");
        assert_eq!(one(int(-7)), "[-7]");
        // Integers are IEEE 754 doubles in JCS: beyond 2^53 they are rounded.
        assert_eq!(one(int(i64::MAX)), "[9223372036854776000]");
        assert_eq!(one(int(9_007_199_254_740_993)), "[9007199254740992]");
        assert_eq!(one(float(f64::NAN, "nan")), "[null]");
        assert_eq!(one(float(f64::INFINITY, "inf")), "[null]");
    }

    #[test]
    fn other_values() {
        let doc = tbl(vec![
            ("b", node(Value::Bool(true))),
            ("d", day(2026, 2, 1)),
            ("dt", node(Value::DateTime("2026-02-01T10:00:00Z".into()))),
            ("n", node(Value::Null)),
            ("s", s("q\"\\/\t\u{1}\u{7f}")),
            ("z", arr(vec![])),
            ("y", tbl(vec![])),
        ]);
        assert_eq!(
            canonical_terms(&doc),
            "{\"b\":true,\"d\":\"2026-02-01\",\"dt\":\"2026-02-01T10:00:00Z\",\"n\":null,\
             \"s\":\"q\\\"\\\\/\\t\\u0001\u{7f}\",\"y\":{},\"z\":[]}"
        );
        assert_eq!(day(987, 3, 4).value, Value::Date(date(987, 3, 4)));
        assert_eq!(canonical_terms(&day(987, 3, 4)), "\"0987-03-04\"");
    }

    #[test]
    fn non_table_root_and_non_table_convention() {
        assert_eq!(canonical_terms(&s("a\r\nb")), "\"a\\nb\"");
        // Nothing is removed below the top level of a non-table root.
        let list = arr(vec![tbl(vec![("meta", int(1))])]);
        assert_eq!(canonical_terms(&list), r#"[{"meta":1}]"#);
        // A `convention` that is not a table is kept as is.
        let doc = tbl(vec![("convention", s("x")), ("meta", int(1))]);
        assert_eq!(canonical_terms(&doc), r#"{"convention":"x"}"#);
    }

    #[test]
    fn keys_equal_after_normalisation_collapse() {
        let doc = tbl(vec![
            ("\u{e9}", int(1)),
            ("a", int(0)),
            ("e\u{301}", int(2)),
        ]);
        assert_eq!(canonical_terms(&doc), "{\"a\":0,\"\u{e9}\":2}");
    }

    /// The JCS text as the reference serializer writes it from [`terms_json`].
    fn reference(root: &Node) -> String {
        serde_json_canonicalizer::to_string(&terms_json(root)).expect("JCS of a JSON value")
    }

    #[test]
    fn same_text_as_the_reference_serializer() {
        let doc = tbl(vec![
            ("waiver", arr(vec![s("x")])),
            (
                "convention",
                tbl(vec![
                    ("status", s("signed")),
                    ("terminated_on", day(2026, 1, 2)),
                    ("meta", s("kept below the top level")),
                    ("id", s("c\u{0}\u{1f}\u{8}\u{c}\"\\/\r\n\r\u{2028}\u{7f}")),
                ]),
            ),
            ("convention", tbl(vec![("id", s("the last one wins"))])),
            (
                "n",
                arr(vec![
                    int(0),
                    int(-1),
                    int(i64::MAX),
                    int(i64::MIN),
                    int(123_456_789_012_345_678),
                    float(-0.0, "-0.0"),
                    float(0.1, "0.1"),
                    float(1e21, "1e21"),
                    float(1e-7, "1e-7"),
                    float(123e-20, "123e-20"),
                    float(f64::NAN, "nan"),
                    float(f64::INFINITY, "inf"),
                    float(f64::MAX, "max"),
                    float(5e-324, "min"),
                ]),
            ),
            (
                "k",
                tbl(vec![
                    ("\u{FB01}", int(1)),
                    ("\u{1F600}", int(2)),
                    ("e\u{301}", int(3)),
                    ("\u{e9}", int(4)),
                    ("", int(5)),
                    ("a\r\nb", int(6)),
                    ("a\nb", int(7)),
                    ("\"", int(8)),
                ]),
            ),
            ("meta", tbl(vec![])),
            ("e", arr(vec![])),
            ("o", tbl(vec![])),
        ]);
        assert_eq!(canonical_terms(&doc), reference(&doc));
        for root in [
            convention_doc(int(42000), true),
            threshold_doc(true),
            keys_doc(),
            text_doc("e\u{301}\r\n"),
            arr(vec![tbl(vec![("signature", int(1))])]),
            s("x"),
        ] {
            assert_eq!(canonical_terms(&root), reference(&root));
        }
    }

    #[test]
    fn every_bundled_convention_has_the_reference_text() {
        let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut folders = vec![here.join("examples"), here.join("tests/fixtures")];
        let mut compared = 0;
        while let Some(folder) = folders.pop() {
            let Ok(entries) = std::fs::read_dir(&folder) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    folders.push(path);
                    continue;
                }
                if crate::parse::syntax_of(&path).is_none() {
                    continue;
                }
                let Ok(bytes) = std::fs::read(&path) else {
                    continue;
                };
                let src = crate::load::load(&path, bytes);
                if let crate::load::Content::Convention { root, .. } = &src.content {
                    assert_eq!(canonical_terms(root), reference(root), "{}", path.display());
                    compared += 1;
                }
            }
        }
        assert!(compared > 100, "only {compared} conventions compared");
    }
}
