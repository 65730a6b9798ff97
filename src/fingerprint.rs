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
    let json = terms_json(root);
    // Cannot fail: every key is a string and every number is finite
    // (non-finite floats were turned into null).
    serde_json_canonicalizer::to_string(&json).expect("JCS serialisation of a JSON value")
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
    format!("sha256:{}", sha256_hex(canonical_terms(root).as_bytes()))
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
    let lf = if s.contains('\r') {
        std::borrow::Cow::Owned(s.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(s)
    };
    // Most texts are already NFC: checking is much cheaper than rebuilding.
    match unicode_normalization::is_nfc_quick(lf.chars()) {
        unicode_normalization::IsNormalized::Yes => lf.into_owned(),
        _ => lf.nfc().collect(),
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
}
