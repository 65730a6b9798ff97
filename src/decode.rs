//! From the value tree to the typed [`Document`], reporting every unknown
//! key (S002), invalid value (S003) and missing required key (S006) in one
//! pass: a bad value never hides the next one.

use std::str::FromStr;

use jiff::civil::Date;
use rust_decimal::Decimal;
use unicode_normalization::UnicodeNormalization;

use crate::diagnostic::Finding;
use crate::model::*;
use crate::rules::structure::{
    Expected, Found, IdShape, NumberHint, NumberLimit, ValueType, YearFound,
};
use crate::rules::Code;
use crate::source::Span;
use crate::value::{Entry, Node, Syntax, Table, Value};

/// 2^53: numbers beyond it are invalid (they do not survive JSON).
const MAX_NUMBER: i64 = 1 << 53;

pub const TOP_LEVEL_KEYS: &[&str] = &[
    "convention",
    "party",
    "objective",
    "milestone",
    "decision",
    "funds",
    "role",
    "officer",
    "report",
    "audit",
    "termination",
    "governance",
    "communication",
    "clause",
    "annex",
    "amendment",
    "signature",
    "waiver",
    "tracking",
    "meta",
];

/// Reads a document whose root is a table holding a `convention` table.
pub fn decode(root: &Node, syntax: Syntax) -> (Document, Vec<Finding>) {
    let mut d = Decoder {
        syntax,
        findings: Vec::new(),
        minor_unit: None,
        first_amount: None,
    };
    let doc = d.document(root);
    (doc, d.findings)
}

struct Decoder {
    syntax: Syntax,
    findings: Vec<Finding>,
    /// The currency's minor unit, once `convention.currency` is read.
    minor_unit: Option<u32>,
    /// Where the first amount was written (currency is then required).
    first_amount: Option<Span>,
}

/// One table being read: remembers which keys were asked for, so that the
/// others are reported as unknown (S002) with the closest known key.
struct Reader<'t> {
    path: &'static str,
    table: &'t Table,
    span: Span,
    known: Vec<&'static str>,
}

impl<'t> Reader<'t> {
    fn get(&mut self, key: &'static str) -> Option<&'t Entry> {
        self.known.push(key);
        self.table.get(key)
    }
}

fn nfc(s: &str) -> String {
    // ASCII is always NFC, and checking it is a byte scan.
    if s.is_ascii() || unicode_normalization::is_nfc(s) {
        s.to_string()
    } else {
        s.nfc().collect()
    }
}

fn is_slug(s: &str, upper: bool) -> bool {
    let mut chars = s.chars();
    let ok_first =
        |c: char| c.is_ascii_digit() || c.is_ascii_lowercase() || (upper && c.is_ascii_uppercase());
    match chars.next() {
        Some(c) if ok_first(c) => chars.all(|c| ok_first(c) || c == '_' || c == '-'),
        _ => false,
    }
}

/// The closest of `candidates` to `word`, if close enough to be a likely typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = word.to_lowercase();
    let len = lower.chars().count();
    candidates
        .into_iter()
        // The distance is at least the difference of lengths: a word far
        // longer (a hostile 100 KB value) is not compared at all.
        .filter(|c| {
            let n = c.chars().count();
            len.abs_diff(n) <= (n / 3).max(2)
        })
        .map(|c| (strsim::damerau_levenshtein(&lower, c), c))
        .filter(|(dist, c)| *dist <= (c.chars().count() / 3).max(2))
        .min_by_key(|(dist, _)| *dist)
        .map(|(_, c)| c)
}

impl Decoder {
    /// What a value that should be a number looks like: a number written
    /// the French way (`4000,00`, `18 000`, `300 €`) gets its plain form; a
    /// plain number that is a text was quoted.
    fn number_hint(&self, key: &str, v: &Value) -> NumberHint {
        let Value::String(s) = v else {
            return NumberHint::None;
        };
        if let Some((plain, _)) = crate::parse::hints::plain_number(s) {
            let written = match self.syntax {
                Syntax::Toml => format!("{key} = {plain}"),
                Syntax::Yaml => format!("{key}: {plain}"),
            };
            return NumberHint::FrenchNumber { written };
        }
        if s.trim().parse::<f64>().is_ok() {
            return NumberHint::QuotedNumber;
        }
        NumberHint::Text
    }

    fn push(&mut self, f: Finding) {
        self.findings.push(f);
    }

    /// An S003 finding: the value at `span` is invalid.
    fn invalid<T>(&mut self, span: Span, found: Found) -> Field<T> {
        self.push(Finding::of(Code::S003, span, found.into()));
        Field::Invalid(span)
    }

    /// An S006 finding at `span`.
    fn missing(&mut self, span: Span, found: Found) {
        self.push(Finding::of(Code::S006, span, found.into()));
    }

    fn open<'t>(&mut self, node: &'t Node, path: &'static str) -> Option<Reader<'t>> {
        match &node.value {
            Value::Table(table) => Some(Reader {
                path,
                table,
                span: node.span,
                known: Vec::new(),
            }),
            other => {
                let _: Field<()> = self.invalid(
                    node.span,
                    Found::NotATable {
                        path,
                        found: ValueType::of(other),
                        syntax: self.syntax,
                    },
                );
                None
            }
        }
    }

    fn close(&mut self, r: Reader<'_>) {
        // The known keys are those of the table of keys (crate::keys).
        let known = crate::keys::known(r.path);
        debug_assert!(r.known.iter().all(|k| known.contains(k)), "{}", r.path);
        for e in &r.table.entries {
            if !known.contains(&e.key.as_str()) {
                let french =
                    crate::present::french_names::english_for(&e.key, known.iter().copied());
                let suggestion = french.or_else(|| closest(&e.key, known.iter().copied()));
                self.push(Finding::of(
                    Code::S002,
                    e.key_span,
                    Found::UnknownKey {
                        key: e.key.clone(),
                        table: (!r.path.is_empty()).then_some(r.path),
                        suggestion,
                        known: known.clone(),
                    }
                    .into(),
                ));
            }
        }
    }

    fn require<T>(&mut self, field: &Field<T>, key: &'static str, table: &'static str, at: Span) {
        if field.is_absent() {
            self.missing(field.span_or(at), Found::MissingKey { key, table });
        }
    }

    // ---- scalars -------------------------------------------------------

    fn text(&mut self, e: Option<&Entry>) -> Text {
        let Some(e) = e else { return Field::Absent };
        match &e.value.value {
            Value::String(s) if s.trim().is_empty() => Field::Empty(e.value.span),
            Value::String(s) => Field::Ok(Spanned {
                value: nfc(s),
                span: e.value.span,
            }),
            other => self.invalid(
                e.value.span,
                Found::WrongType {
                    key: e.key.clone(),
                    expected: Expected::Text,
                    found: ValueType::of(other),
                },
            ),
        }
    }

    fn id(&mut self, e: Option<&Entry>, party_like: bool) -> Text {
        let f = self.text(e);
        if let Field::Ok(s) = &f {
            if !is_slug(&s.value, !party_like) {
                let shape = if party_like {
                    IdShape::LowerCase
                } else {
                    IdShape::AnyCase
                };
                return self.invalid(
                    s.span,
                    Found::NotAnId {
                        value: s.value.clone(),
                        shape,
                    },
                );
            }
        }
        f
    }

    fn boolean(&mut self, e: Option<&Entry>) -> Field<bool> {
        let Some(e) = e else { return Field::Absent };
        match &e.value.value {
            Value::Bool(b) => Field::Ok(Spanned {
                value: *b,
                span: e.value.span,
            }),
            other => self.invalid(
                e.value.span,
                Found::WrongType {
                    key: e.key.clone(),
                    expected: Expected::Boolean,
                    found: ValueType::of(other),
                },
            ),
        }
    }

    fn parse_date(&self, s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let digits = |r: std::ops::Range<usize>| -> Option<i32> {
            let part = &s[r];
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let (y, m, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
        Date::new(y as i16, m as i8, d as i8).ok()
    }

    fn date_node(&mut self, node: &Node, key: &str) -> Field<Date> {
        let span = node.span;
        let key = key.to_string();
        match &node.value {
            Value::Date(d) => Field::Ok(Spanned { value: *d, span }),
            Value::String(s) => match (self.parse_date(s.trim()), self.syntax) {
                (Some(d), Syntax::Yaml) => Field::Ok(Spanned { value: d, span }),
                (Some(_), Syntax::Toml) => self.invalid(
                    span,
                    Found::QuotedDate {
                        key,
                        written: s.trim().to_string(),
                    },
                ),
                (None, syntax) => self.invalid(
                    span,
                    Found::NotADate {
                        key,
                        written: s.clone(),
                        syntax,
                    },
                ),
            },
            Value::DateTime(raw) => self.invalid(
                span,
                Found::DateWithTime {
                    key,
                    written: raw.to_string(),
                },
            ),
            other => self.invalid(
                span,
                Found::WrongType {
                    key,
                    expected: Expected::Date,
                    found: ValueType::of(other),
                },
            ),
        }
    }

    fn date(&mut self, e: Option<&Entry>) -> Field<Date> {
        match e {
            None => Field::Absent,
            Some(e) => self.date_node(&e.value, &e.key),
        }
    }

    fn dates(&mut self, e: Option<&Entry>) -> Field<Vec<Spanned<Date>>> {
        let Some(e) = e else { return Field::Absent };
        let items: &[Node] = match &e.value.value {
            Value::Array(items) if items.is_empty() => return Field::Empty(e.value.span),
            Value::Array(items) => items,
            _ => std::slice::from_ref(&e.value),
        };
        let mut out = Vec::new();
        let mut bad = false;
        for n in items {
            match self.date_node(n, &e.key) {
                Field::Ok(d) => out.push(d),
                _ => bad = true,
            }
        }
        if bad {
            // One unreadable date makes the list unreliable as a whole.
            return Field::Invalid(e.value.span);
        }
        Field::Ok(Spanned {
            value: out,
            span: e.value.span,
        })
    }

    /// Any finite number within ±2^53, read exactly from its source text.
    fn number_node(&mut self, node: &Node, key: &str) -> Field<Decimal> {
        let span = node.span;
        let unusable = |fault| Found::UnusableNumber {
            key: key.to_string(),
            fault,
        };
        let value = match &node.value {
            Value::Integer(i) => {
                if i.unsigned_abs() > MAX_NUMBER as u64 {
                    return self.invalid(span, unusable(NumberLimit::TooLarge));
                }
                Decimal::from(*i)
            }
            Value::Float { value, raw } => {
                if !value.is_finite() {
                    return self.invalid(span, unusable(NumberLimit::NotFinite));
                }
                if value.abs() > MAX_NUMBER as f64 {
                    return self.invalid(span, unusable(NumberLimit::TooLarge));
                }
                let raw = raw.trim_start_matches('+').replace('_', "");
                let parsed = if raw.contains(['e', 'E']) {
                    Decimal::from_scientific(&raw)
                } else {
                    Decimal::from_str(&raw)
                };
                match parsed {
                    Ok(d) => d,
                    Err(_) => return self.invalid(span, unusable(NumberLimit::TooManyDigits)),
                }
            }
            other => {
                let hint = self.number_hint(key, other);
                return self.invalid(
                    span,
                    Found::NotANumber {
                        key: key.to_string(),
                        found: ValueType::of(other),
                        hint,
                    },
                );
            }
        };
        Field::Ok(Spanned { value, span })
    }

    fn number(&mut self, e: Option<&Entry>) -> Field<Decimal> {
        match e {
            None => Field::Absent,
            Some(e) => self.number_node(&e.value, &e.key),
        }
    }

    fn quantity(&mut self, e: Option<&Entry>) -> Field<Quantity> {
        let Some(e) = e else { return Field::Absent };
        match &e.value.value {
            Value::String(_) => match self.text(Some(e)) {
                Field::Ok(s) => Field::Ok(Spanned {
                    value: Quantity::Text(s.value),
                    span: s.span,
                }),
                Field::Empty(s) => Field::Empty(s),
                Field::Invalid(s) => Field::Invalid(s),
                Field::Absent => Field::Absent,
            },
            _ => match self.number(Some(e)) {
                Field::Ok(n) => Field::Ok(Spanned {
                    value: Quantity::Number(n.value),
                    span: n.span,
                }),
                _ => Field::Invalid(e.value.span),
            },
        }
    }

    /// A share: 0 < x ≤ 1 (or above `min` exclusive).
    fn share(&mut self, e: Option<&Entry>, min: Decimal) -> Field<Decimal> {
        let f = self.number(e);
        if let Field::Ok(n) = &f {
            if n.value <= min || n.value > Decimal::ONE {
                let key = e.map(|e| e.key.as_str()).unwrap_or_default();
                return self.invalid(
                    n.span,
                    Found::NotAShare {
                        key: key.to_string(),
                        min,
                        found: n.value,
                    },
                );
            }
        }
        f
    }

    fn integer(&mut self, e: Option<&Entry>, min: i64) -> Field<i64> {
        let Some(e) = e else { return Field::Absent };
        let span = e.value.span;
        match &e.value.value {
            Value::Integer(i) if *i >= min && *i <= MAX_NUMBER => {
                Field::Ok(Spanned { value: *i, span })
            }
            Value::Integer(i) => self.invalid(
                span,
                Found::BelowMinimum {
                    key: e.key.clone(),
                    min,
                    found: *i,
                },
            ),
            other => self.invalid(
                span,
                Found::WrongType {
                    key: e.key.clone(),
                    expected: Expected::WholeNumber,
                    found: ValueType::of(other),
                },
            ),
        }
    }

    /// An amount in the convention's currency.
    fn amount(&mut self, e: Option<&Entry>, allow_negative: bool) -> Field<Decimal> {
        let f = self.number(e);
        let (Some(e), Field::Ok(n)) = (e, &f) else {
            return f;
        };
        self.first_amount.get_or_insert(n.span);
        if n.value.is_sign_negative() && !n.value.is_zero() && !allow_negative {
            return self.invalid(
                n.span,
                Found::NegativeAmount {
                    key: e.key.clone(),
                    found: n.value,
                },
            );
        }
        if let Some(minor) = self.minor_unit {
            if n.value.normalize().scale() > minor {
                return self.invalid(
                    n.span,
                    Found::TooManyDecimals {
                        key: e.key.clone(),
                        minor,
                        found: n.value,
                    },
                );
            }
        }
        f
    }

    fn choice<T: Choice>(&mut self, e: Option<&Entry>) -> Field<T> {
        let f = self.text(e);
        match f {
            Field::Ok(s) => match T::VALUES.iter().find(|(name, _)| *name == s.value) {
                Some((_, v)) => Field::Ok(Spanned {
                    value: *v,
                    span: s.span,
                }),
                None => {
                    let names: Vec<&str> = T::VALUES.iter().map(|(n, _)| *n).collect();
                    let key = e.map(|e| e.key.as_str()).unwrap_or_default();
                    let french =
                        crate::present::french_names::english_for(&s.value, names.iter().copied());
                    let suggestion = french.or_else(|| closest(&s.value, names.iter().copied()));
                    self.invalid(
                        s.span,
                        Found::NotInSet {
                            key: key.to_string(),
                            value: s.value.clone(),
                            allowed: names,
                            suggestion,
                        },
                    )
                }
            },
            Field::Absent => Field::Absent,
            Field::Empty(s) => Field::Empty(s),
            Field::Invalid(s) => Field::Invalid(s),
        }
    }

    fn texts(&mut self, e: Option<&Entry>) -> TextList {
        let Some(e) = e else { return Field::Absent };
        let Value::Array(items) = &e.value.value else {
            return self.invalid(
                e.value.span,
                Found::WrongType {
                    key: e.key.clone(),
                    expected: Expected::ListOfTexts,
                    found: ValueType::of(&e.value.value),
                },
            );
        };
        let mut out = Vec::new();
        for n in items {
            match &n.value {
                Value::String(s) if s.trim().is_empty() => {}
                Value::String(s) => out.push(Spanned {
                    value: nfc(s),
                    span: n.span,
                }),
                other => {
                    let _: Field<()> = self.invalid(
                        n.span,
                        Found::WrongType {
                            key: e.key.clone(),
                            expected: Expected::TextItem,
                            found: ValueType::of(other),
                        },
                    );
                }
            }
        }
        if out.is_empty() {
            return Field::Empty(e.value.span);
        }
        Field::Ok(Spanned {
            value: out,
            span: e.value.span,
        })
    }

    fn currency(&mut self, e: Option<&Entry>) -> Field<Currency> {
        let f = self.text(e);
        let Field::Ok(s) = f else {
            return match f {
                Field::Empty(s) => Field::Empty(s),
                Field::Invalid(s) => Field::Invalid(s),
                _ => Field::Absent,
            };
        };
        let found = match iso_currency::Currency::from_code(&s.value) {
            Some(code) => Some((code.code(), code.exponent().map(u32::from).unwrap_or(0))),
            // Historic codes (FRF, NLG, XEU …) allow 2 decimals.
            None => crate::codes::historic_currency(&s.value).map(|code| (code, 2)),
        };
        match found {
            Some((code, minor_unit)) => {
                self.minor_unit = Some(minor_unit);
                Field::Ok(Spanned {
                    value: Currency { code, minor_unit },
                    span: s.span,
                })
            }
            None => self.invalid(
                s.span,
                Found::NotACurrency {
                    value: s.value.clone(),
                },
            ),
        }
    }

    /// An ISO 3166-1 alpha-2 country code, in capitals.
    fn country(&mut self, e: Option<&Entry>) -> Text {
        let f = self.text(e);
        let Field::Ok(s) = &f else { return f };
        if crate::codes::is_country(&s.value) {
            return f;
        }
        let upper = s.value.trim().to_uppercase();
        let capitals = crate::codes::is_country(&upper).then_some(upper);
        let key = e.map(|e| e.key.clone()).unwrap_or_default();
        self.invalid(
            s.span,
            Found::NotACountry {
                key,
                value: s.value.clone(),
                capitals,
            },
        )
    }

    /// A budget year (exercice): an integer from 1900 to 2999.
    fn year(&mut self, e: Option<&Entry>) -> Field<i64> {
        let Some(e) = e else { return Field::Absent };
        let span = e.value.span;
        match &e.value.value {
            Value::Integer(i) if (1900..=2999).contains(i) => {
                Field::Ok(Spanned { value: *i, span })
            }
            other => {
                let found = match other {
                    Value::Integer(i) => YearFound::Number(i.to_string()),
                    Value::Float { raw, .. } => YearFound::Number(raw.to_string()),
                    other => YearFound::Type(ValueType::of(other)),
                };
                self.invalid(
                    span,
                    Found::NotAYear {
                        key: e.key.clone(),
                        found,
                    },
                )
            }
        }
    }

    // ---- tables --------------------------------------------------------

    /// A sub-table read by `read`.
    fn section<T>(
        &mut self,
        e: Option<&Entry>,
        path: &'static str,
        read: impl FnOnce(&mut Self, &mut Reader<'_>) -> T,
    ) -> Field<T> {
        let Some(e) = e else { return Field::Absent };
        let Some(mut r) = self.open(&e.value, path) else {
            return Field::Invalid(e.value.span);
        };
        // A YAML block mapping starts at its first key: point at its own key instead.
        let span = match self.syntax {
            Syntax::Yaml => e.key_span,
            Syntax::Toml => e.value.span,
        };
        r.span = span;
        let value = read(self, &mut r);
        self.close(r);
        Field::Ok(Spanned { value, span })
    }

    /// An array of tables, each read by `read`.
    fn list<T>(
        &mut self,
        e: Option<&Entry>,
        path: &'static str,
        mut read: impl FnMut(&mut Self, &mut Reader<'_>) -> T,
    ) -> Field<Vec<T>> {
        let Some(e) = e else { return Field::Absent };
        let Value::Array(items) = &e.value.value else {
            return self.invalid(
                e.value.span,
                Found::NotAListOfTables {
                    path,
                    found: ValueType::of(&e.value.value),
                    syntax: self.syntax,
                },
            );
        };
        if items.is_empty() {
            return Field::Empty(e.value.span);
        }
        let mut out = Vec::new();
        for item in items {
            if let Some(mut r) = self.open(item, path) {
                out.push(read(self, &mut r));
                self.close(r);
            }
        }
        if out.is_empty() {
            return Field::Invalid(e.value.span);
        }
        Field::Ok(Spanned {
            value: out,
            span: e.value.span,
        })
    }

    /// A table of id -> value (tracking, votes).
    fn map<T>(
        &mut self,
        e: Option<&Entry>,
        path: &'static str,
        mut read: impl FnMut(&mut Self, &Entry) -> Option<T>,
    ) -> Field<Vec<(Spanned<String>, T)>> {
        let Some(e) = e else { return Field::Absent };
        let Some(r) = self.open(&e.value, path) else {
            return Field::Invalid(e.value.span);
        };
        let mut out = Vec::new();
        for entry in &r.table.entries {
            if let Some(v) = read(self, entry) {
                out.push((
                    Spanned {
                        value: nfc(&entry.key),
                        span: entry.key_span,
                    },
                    v,
                ));
            }
        }
        if out.is_empty() && r.table.entries.is_empty() {
            return Field::Empty(e.value.span);
        }
        Field::Ok(Spanned {
            value: out,
            span: e.value.span,
        })
    }

    // ---- the document ---------------------------------------------------

    fn document(&mut self, root: &Node) -> Document {
        let mut doc = Document::default();
        let Some(mut r) = self.open(root, "document") else {
            return doc;
        };
        r.path = "";
        if let Some(e) = r.get("convention") {
            doc.header = match self.syntax {
                Syntax::Yaml => e.key_span,
                Syntax::Toml => e.value.span,
            };
            if let Field::Ok(c) = self.section(Some(e), "convention", Self::convention) {
                doc.convention = c.value;
            }
        }
        doc.parties = self.list(r.get("party"), "party", Self::party);
        doc.objectives = self.list(r.get("objective"), "objective", Self::objective);
        doc.milestones = self.list(r.get("milestone"), "milestone", Self::milestone);
        doc.decision = self.section(r.get("decision"), "decision", Self::decision);
        doc.funds = self.section(r.get("funds"), "funds", Self::funds);
        doc.roles = self.list(r.get("role"), "role", Self::role);
        doc.officer = self.section(r.get("officer"), "officer", Self::officer);
        doc.reports = self.list(r.get("report"), "report", Self::report);
        doc.audit = self.section(r.get("audit"), "audit", Self::audit);
        doc.termination = self.section(r.get("termination"), "termination", Self::termination);
        doc.governance = self.section(r.get("governance"), "governance", Self::governance);
        doc.communication = self.section(r.get("communication"), "communication", |d, r| {
            Communication {
                span: r.span,
                plan: d.text(r.get("plan")),
            }
        });
        doc.clauses = self.list(r.get("clause"), "clause", |d, r| {
            let c = Clause {
                span: r.span,
                kind: d.choice(r.get("kind")),
                title: d.text(r.get("title")),
                text: d.text(r.get("text")),
            };
            d.require(&c.title, "title", "clause", r.span);
            d.require(&c.text, "text", "clause", r.span);
            c
        });
        doc.annexes = self.list(r.get("annex"), "annex", Self::annex);
        doc.amendments = self.list(r.get("amendment"), "amendment", |d, r| {
            let a = Amendment {
                span: r.span,
                id: d.id(r.get("id"), false),
                date: d.date(r.get("date")),
                summary: d.text(r.get("summary")),
            };
            d.require(&a.id, "id", "amendment", r.span);
            d.require(&a.date, "date", "amendment", r.span);
            d.require(&a.summary, "summary", "amendment", r.span);
            a
        });
        doc.signatures = self.list(r.get("signature"), "signature", Self::signature);
        doc.waivers = self.list(r.get("waiver"), "waiver", |d, r| {
            let w = Waiver {
                span: r.span,
                rule: d.text(r.get("rule")),
                reason: d.text(r.get("reason")),
            };
            d.require(&w.rule, "rule", "waiver", r.span);
            d.require(&w.reason, "reason", "waiver", r.span);
            w
        });
        doc.tracking = self.section(r.get("tracking"), "tracking", Self::tracking);
        let _ = r.get("meta"); // free-form, never checked
        self.close(r);

        // Cross-key requirements of the format.
        if let (Some(_), true) = (self.first_amount, doc.convention.currency.is_absent()) {
            self.missing(
                doc.convention.currency.span_or(doc.header),
                Found::MissingCurrency,
            );
        }
        for rep in doc.reports.items() {
            if let (Some(every), true) = (rep.every.spanned(), doc.convention.start.is_absent()) {
                self.missing(every.span, Found::EveryWithoutStart);
            }
            if let (Some(days), true) =
                (rep.after_end_days.spanned(), doc.convention.end.is_absent())
            {
                self.missing(days.span, Found::AfterEndWithoutEnd);
            }
        }
        doc
    }

    fn convention(&mut self, r: &mut Reader<'_>) -> Convention {
        let c = Convention {
            id: self.id(r.get("id"), true),
            title: self.text(r.get("title")),
            kind: self.choice(r.get("kind")),
            jurisdiction: self.country(r.get("jurisdiction")),
            lang: self.choice(r.get("lang")),
            status: self.choice(r.get("status")),
            terminated_on: self.date(r.get("terminated_on")),
            start: self.date(r.get("start")),
            end: self.date(r.get("end")),
            renewal: self.choice(r.get("renewal")),
            renewal_months: self.integer(r.get("renewal_months"), 1),
            renewal_notice_days: self.integer(r.get("renewal_notice_days"), 0),
            place: self.text(r.get("place")),
            signing: self.choice(r.get("signing")),
            copies: self.integer(r.get("copies"), 1),
            currency: self.currency(r.get("currency")),
            purpose: self.text(r.get("purpose")),
            preamble: self.text(r.get("preamble")),
            legal_framework: self.text(r.get("legal_framework")),
        };
        self.require(&c.id, "id", "convention", r.span);
        if let Some(t) = c.terminated_on.spanned() {
            if c.status.get() != Some(&Status::Terminated) && !c.status.is_invalid() {
                let _: Field<()> = self.invalid(t.span, Found::TerminatedOnWithoutStatus);
            }
        }
        c
    }

    fn person(&mut self, r: &mut Reader<'_>) -> Person {
        Person {
            span: r.span,
            name: self.text(r.get("name")),
            title: self.text(r.get("title")),
            gender: self.choice(r.get("gender")),
        }
    }

    fn party(&mut self, r: &mut Reader<'_>) -> Party {
        let p = Party {
            span: r.span,
            id: self.id(r.get("id"), true),
            name: self.text(r.get("name")),
            designation: self.text(r.get("designation")),
            form: self.choice(r.get("form")),
            sector: self.choice(r.get("sector")),
            legal_form: self.text(r.get("legal_form")),
            registration: self.text(r.get("registration")),
            address: self.text(r.get("address")),
            representative: self.section(
                r.get("representative"),
                "party.representative",
                Self::person,
            ),
            signatory: self.section(r.get("signatory"), "party.signatory", |d, r| Signatory {
                span: r.span,
                name: d.text(r.get("name")),
                title: d.text(r.get("title")),
                mandate: d.text(r.get("mandate")),
            }),
            contact: self.section(r.get("contact"), "party.contact", |d, r| Contact {
                span: r.span,
                name: d.text(r.get("name")),
                email: d.text(r.get("email")),
            }),
        };
        self.require(&p.id, "id", "party", r.span);
        self.require(&p.name, "name", "party", r.span);
        self.require(&p.sector, "sector", "party", r.span);
        p
    }

    fn objective(&mut self, r: &mut Reader<'_>) -> Objective {
        let o = Objective {
            span: r.span,
            id: self.id(r.get("id"), false),
            text: self.text(r.get("text")),
            target_public: self.text(r.get("target_public")),
            indicators: self.list(r.get("indicators"), "objective.indicators", |d, r| {
                let i = Indicator {
                    span: r.span,
                    name: d.text(r.get("name")),
                    target: d.quantity(r.get("target")),
                    unit: d.text(r.get("unit")),
                    baseline: d.number(r.get("baseline")),
                    direction: d.choice(r.get("direction")),
                };
                d.require(&i.name, "name", "objective.indicators", r.span);
                d.require(&i.target, "target", "objective.indicators", r.span);
                i
            }),
        };
        self.require(&o.id, "id", "objective", r.span);
        self.require(&o.text, "text", "objective", r.span);
        o
    }

    fn milestone(&mut self, r: &mut Reader<'_>) -> Milestone {
        let m = Milestone {
            span: r.span,
            id: self.id(r.get("id"), false),
            title: self.text(r.get("title")),
            due: self.date(r.get("due")),
            kind: self.choice(r.get("kind")),
            owner: self.text(r.get("owner")),
        };
        self.require(&m.id, "id", "milestone", r.span);
        self.require(&m.title, "title", "milestone", r.span);
        self.require(&m.due, "due", "milestone", r.span);
        m
    }

    fn decision(&mut self, r: &mut Reader<'_>) -> Decision {
        Decision {
            span: r.span,
            body: self.text(r.get("body")),
            members: self.texts(r.get("members")),
            votes: self.map(r.get("votes"), "decision.votes", |d, e| {
                let w = d.number(Some(e));
                if let Field::Ok(n) = &w {
                    if n.value.is_sign_negative() && !n.value.is_zero() {
                        let _: Field<()> = d.invalid(
                            n.span,
                            Found::NegativeVote {
                                party: e.key.clone(),
                            },
                        );
                        return Some(Field::Invalid(n.span));
                    }
                }
                Some(w)
            }),
            rule: self.choice(r.get("rule")),
            threshold: self.share(r.get("threshold"), Decimal::new(5, 1)),
            quorum: self.share(r.get("quorum"), Decimal::ZERO),
            meetings: self.text(r.get("meetings")),
            conflicts: self.text(r.get("conflicts")),
            minutes: self.boolean(r.get("minutes")),
        }
    }

    fn funds(&mut self, r: &mut Reader<'_>) -> Funds {
        Funds {
            span: r.span,
            budget: self.amount(r.get("budget"), false),
            holder: self.text(r.get("holder")),
            account: self.text(r.get("account")),
            justification: self.text(r.get("justification")),
            conditions: self.text(r.get("conditions")),
            contributions: self.list(r.get("contribution"), "funds.contribution", |d, r| {
                let c = Contribution {
                    span: r.span,
                    party: d.text(r.get("party")),
                    source: d.text(r.get("source")),
                    kind: d.choice(r.get("kind")),
                    amount: d.amount(r.get("amount"), false),
                    status: d.choice(r.get("status")),
                    to: d.text(r.get("to")),
                    year: d.year(r.get("year")),
                    allocation: d.choice(r.get("allocation")),
                    eu_notified: d.boolean(r.get("eu_notified")),
                    description: d.text(r.get("description")),
                };
                match (c.party.is_absent(), c.source.is_absent()) {
                    (true, true) => d.missing(r.span, Found::NeitherPartyNorSource),
                    (false, false) => {
                        let _: Field<()> =
                            d.invalid(c.source.span_or(r.span), Found::PartyAndSource);
                    }
                    _ => {}
                }
                d.require(&c.kind, "kind", "funds.contribution", r.span);
                if c.kind.get() == Some(&ContributionKind::Financial) {
                    d.require(&c.amount, "amount", "funds.contribution", r.span);
                }
                c
            }),
            disbursements: self.list(r.get("disbursement"), "funds.disbursement", |d, r| {
                let x = Disbursement {
                    span: r.span,
                    date: d.date(r.get("date")),
                    amount: d.amount(r.get("amount"), false),
                    from: d.text(r.get("from")),
                    condition: d.text(r.get("condition")),
                    after: d.text(r.get("after")),
                };
                d.require(&x.date, "date", "funds.disbursement", r.span);
                d.require(&x.amount, "amount", "funds.disbursement", r.span);
                d.require(&x.from, "from", "funds.disbursement", r.span);
                x
            }),
            lines: self.list(r.get("line"), "funds.line", |d, r| {
                let l = BudgetLine {
                    span: r.span,
                    label: d.text(r.get("label")),
                    amount: d.amount(r.get("amount"), false),
                };
                d.require(&l.label, "label", "funds.line", r.span);
                d.require(&l.amount, "amount", "funds.line", r.span);
                l
            }),
        }
    }

    fn role(&mut self, r: &mut Reader<'_>) -> Role {
        let role = Role {
            span: r.span,
            party: self.text(r.get("party")),
            responsibilities: self.texts(r.get("responsibilities")),
            coordinator: self.boolean(r.get("coordinator")),
        };
        self.require(&role.party, "party", "role", r.span);
        self.require(&role.responsibilities, "responsibilities", "role", r.span);
        role
    }

    fn officer(&mut self, r: &mut Reader<'_>) -> Officer {
        let o = Officer {
            span: r.span,
            name: self.text(r.get("name")),
            party: self.text(r.get("party")),
            email: self.text(r.get("email")),
        };
        self.require(&o.name, "name", "officer", r.span);
        self.require(&o.party, "party", "officer", r.span);
        o
    }

    fn report(&mut self, r: &mut Reader<'_>) -> Report {
        let rep = Report {
            span: r.span,
            id: self.id(r.get("id"), false),
            kind: self.choice(r.get("kind")),
            due: self.date(r.get("due")),
            every: self.choice(r.get("every")),
            anchor: self.choice(r.get("anchor")),
            delay_days: self.integer(r.get("delay_days"), 0),
            after_end_days: self.integer(r.get("after_end_days"), 0),
            from: self.text(r.get("from")),
            to: self.texts(r.get("to")),
            also_to: self.texts(r.get("also_to")),
        };
        self.require(&rep.id, "id", "report", r.span);
        self.require(&rep.kind, "kind", "report", r.span);
        self.require(&rep.from, "from", "report", r.span);
        rep
    }

    fn audit(&mut self, r: &mut Reader<'_>) -> Audit {
        Audit {
            span: r.span,
            evaluation: self.text(r.get("evaluation")),
            dates: self.dates(r.get("dates")),
            expense_control: self.text(r.get("expense_control")),
            financial_audit: self.text(r.get("financial_audit")),
            auditor: self.text(r.get("auditor")),
        }
    }

    fn termination(&mut self, r: &mut Reader<'_>) -> Termination {
        Termination {
            span: r.span,
            notice_days: self.integer(r.get("notice_days"), 0),
            cure_days: self.integer(r.get("cure_days"), 0),
            grounds: self.texts(r.get("grounds")),
            assets: self.text(r.get("assets")),
            staff: self.text(r.get("staff")),
            surplus: self.text(r.get("surplus")),
            deficit: self.text(r.get("deficit")),
            disputes: self.text(r.get("disputes")),
        }
    }

    fn governance(&mut self, r: &mut Reader<'_>) -> Governance {
        Governance {
            span: r.span,
            board: self.list(r.get("board"), "governance.board", |d, r| {
                let s = Seat {
                    span: r.span,
                    party: d.text(r.get("party")),
                    label: d.text(r.get("label")),
                    seats: d.integer(r.get("seats"), 1),
                    women: d.integer(r.get("women"), 0),
                    voting: d.boolean(r.get("voting")),
                };
                match (s.party.is_absent(), s.label.is_absent()) {
                    (true, true) => d.missing(r.span, Found::NeitherPartyNorLabel),
                    (false, false) => {
                        let _: Field<()> = d.invalid(s.label.span_or(r.span), Found::PartyAndLabel);
                    }
                    _ => {}
                }
                d.require(&s.seats, "seats", "governance.board", r.span);
                if let (Some(w), Some(n)) = (s.women.spanned(), s.seats.get()) {
                    if w.value > *n {
                        let _: Field<()> = d.invalid(
                            w.span,
                            Found::WomenOverSeats {
                                women: w.value,
                                seats: *n,
                            },
                        );
                        return Seat {
                            women: Field::Invalid(w.span),
                            ..s
                        };
                    }
                }
                s
            }),
            officers: self.text(r.get("officers")),
            deliberations: self.text(r.get("deliberations")),
            management: self.text(r.get("management")),
            action_plan: self.text(r.get("action_plan")),
        }
    }

    fn annex(&mut self, r: &mut Reader<'_>) -> Annex {
        let a = Annex {
            span: r.span,
            title: self.text(r.get("title")),
            reference: self.text(r.get("ref")),
            sha256: self.text(r.get("sha256")),
        };
        self.require(&a.title, "title", "annex", r.span);
        if let Some(h) = a.sha256.spanned() {
            if h.value.len() != 64 || !h.value.bytes().all(|b| b.is_ascii_hexdigit()) {
                let _: Field<()> = self.invalid(h.span, Found::NotASha256);
                return Annex {
                    sha256: Field::Invalid(h.span),
                    ..a
                };
            }
        }
        a
    }

    fn signature(&mut self, r: &mut Reader<'_>) -> Signature {
        let s = Signature {
            span: r.span,
            party: self.text(r.get("party")),
            name: self.text(r.get("name")),
            date: self.date(r.get("date")),
            place: self.text(r.get("place")),
            amendment: self.text(r.get("amendment")),
            fingerprint: self.text(r.get("fingerprint")),
        };
        for (f, k) in [
            (&s.party, "party"),
            (&s.name, "name"),
            (&s.fingerprint, "fingerprint"),
        ] {
            self.require(f, k, "signature", r.span);
        }
        self.require(&s.date, "date", "signature", r.span);
        if let Some(fp) = s.fingerprint.spanned() {
            let ok = fp
                .value
                .strip_prefix("sha256:")
                .is_some_and(|h| h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit()));
            if !ok {
                let _: Field<()> = self.invalid(fp.span, Found::NotAFingerprint);
                return Signature {
                    fingerprint: Field::Invalid(fp.span),
                    ..s
                };
            }
        }
        s
    }

    fn tracking(&mut self, r: &mut Reader<'_>) -> Tracking {
        Tracking {
            span: r.span,
            milestones: self.map(r.get("milestones"), "tracking.milestones", |d, e| {
                Some(d.date(Some(e)))
            }),
            reports: self.map(r.get("reports"), "tracking.reports", |d, e| {
                Some(d.dates(Some(e)))
            }),
            published: self.map(r.get("published"), "tracking.published", |d, e| {
                Some(d.date(Some(e)))
            }),
            difficulties: self.text(r.get("difficulties")),
            lessons: self.text(r.get("lessons")),
            expenses: self.list(r.get("expense"), "tracking.expense", |d, r| {
                let x = Expense {
                    span: r.span,
                    date: d.date(r.get("date")),
                    amount: d.amount(r.get("amount"), true),
                    label: d.text(r.get("label")),
                    line: d.text(r.get("line")),
                };
                d.require(&x.date, "date", "tracking.expense", r.span);
                d.require(&x.amount, "amount", "tracking.expense", r.span);
                d.require(&x.label, "label", "tracking.expense", r.span);
                x
            }),
            measures: self.list(r.get("measure"), "tracking.measure", |d, r| {
                let m = Measure {
                    span: r.span,
                    objective: d.text(r.get("objective")),
                    indicator: d.text(r.get("indicator")),
                    value: d.quantity(r.get("value")),
                    date: d.date(r.get("date")),
                };
                d.require(&m.objective, "objective", "tracking.measure", r.span);
                d.require(&m.indicator, "indicator", "tracking.measure", r.span);
                d.require(&m.value, "value", "tracking.measure", r.span);
                d.require(&m.date, "date", "tracking.measure", r.span);
                m
            }),
            payments: self.list(r.get("payment"), "tracking.payment", |d, r| {
                let x = Payment {
                    span: r.span,
                    date: d.date(r.get("date")),
                    amount: d.amount(r.get("amount"), false),
                    from: d.text(r.get("from")),
                };
                d.require(&x.date, "date", "tracking.payment", r.span);
                d.require(&x.amount, "amount", "tracking.payment", r.span);
                d.require(&x.from, "from", "tracking.payment", r.span);
                x
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(is_slug("ville-de-lyon", false));
        assert!(!is_slug("Ville", false));
        assert!(is_slug("O1", true));
        assert!(!is_slug("-x", true));
        assert!(!is_slug("", true));
    }

    #[test]
    fn closest_keys() {
        assert_eq!(closest("titel", ["title", "id"]), Some("title"));
        assert_eq!(closest("zzzzzz", ["title", "id"]), None);
    }
}
