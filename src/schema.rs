//! `pacte schema`: the JSON Schema (draft-07) of the format, generated from
//! the table of keys ([`crate::keys`]), with each key's description in the
//! message language. A file with no S error validates; an unknown key
//! (S002), or a value of the wrong type, outside its set, pattern or range
//! (S003), does not. What JSON Schema cannot say (decimals per currency,
//! `women` ≤ `seats`, impossible dates, either/or keys across tables)
//! stays with `pacte check`.

use serde_json::{json, Map, Value};

use crate::keys::{keys_of, Key, Ty};
use crate::model::Lang;

/// The largest magnitude of a number the format accepts (2^53).
const MAX_NUMBER: i64 = 1 << 53;

/// A blank string counts as absent: it is accepted wherever text is.
const BLANK: &str = r"^\s*$";

fn blank_or(schema: Value) -> Value {
    json!({ "anyOf": [schema, { "type": "string", "pattern": BLANK }] })
}

fn date() -> Value {
    // Dates are strings here: YAML plain scalars, and TOML dates once turned into JSON.
    json!({ "type": "string", "pattern": r"^\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\s*$" })
}

fn number() -> Value {
    json!({ "type": "number", "minimum": -MAX_NUMBER, "maximum": MAX_NUMBER })
}

fn value(key: &Key, lang: Lang) -> Value {
    let mut v = match key.ty {
        Ty::Text => json!({ "type": "string" }),
        Ty::Texts => json!({ "type": "array", "items": { "type": "string" } }),
        Ty::Id { party_like } => blank_or(json!({
            "type": "string",
            "pattern": if party_like { "^[0-9a-z][0-9a-z_-]*$" } else { "^[0-9A-Za-z][0-9A-Za-z_-]*$" }
        })),
        Ty::Bool => json!({ "type": "boolean" }),
        Ty::Date => date(),
        Ty::Dates => json!({ "anyOf": [date(), { "type": "array", "items": date() }] }),
        Ty::Number => number(),
        Ty::Quantity => json!({ "anyOf": [number(), { "type": "string" }] }),
        Ty::Share { above } => json!({ "type": "number", "exclusiveMinimum": above, "maximum": 1 }),
        Ty::Integer { min } => json!({ "type": "integer", "minimum": min, "maximum": MAX_NUMBER }),
        Ty::Amount { negative } => {
            let min = if negative { -MAX_NUMBER } else { 0 };
            json!({ "type": "number", "minimum": min, "maximum": MAX_NUMBER })
        }
        Ty::Choice(values) => blank_or(json!({ "type": "string", "enum": values() })),
        Ty::Currency => blank_or(json!({ "type": "string", "pattern": "^[A-Z]{3}$" })),
        Ty::Country => blank_or(json!({ "type": "string", "enum": crate::codes::COUNTRIES })),
        Ty::Year => json!({ "type": "integer", "minimum": 1900, "maximum": 2999 }),
        Ty::Table => table(&key.child_path(), lang),
        Ty::Tables => json!({ "type": "array", "items": table(&key.child_path(), lang) }),
        Ty::NumberMap => json!({
            "type": "object",
            "additionalProperties": { "type": "number", "minimum": 0, "maximum": MAX_NUMBER }
        }),
        Ty::DateMap => json!({ "type": "object", "additionalProperties": date() }),
        Ty::DatesMap => json!({
            "type": "object",
            "additionalProperties": { "anyOf": [date(), { "type": "array", "items": date() }] }
        }),
        Ty::Free => json!({}),
    };
    if let Value::Object(m) = &mut v {
        m.insert("description".into(), key.description(lang).into());
    }
    v
}

/// The schema of one table: its keys, no other, the required ones.
fn table(path: &str, lang: Lang) -> Value {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for k in keys_of(path) {
        properties.insert(k.key.into(), value(k, lang));
        if k.required {
            required.push(k.key);
        }
    }
    let mut t = json!({
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
    });
    if !required.is_empty() {
        t["required"] = json!(required);
    }
    t
}

/// The JSON Schema of a convention file.
pub fn schema(lang: Lang) -> Value {
    let title = match lang {
        Lang::Fr => "Convention de partenariat (pacte)",
        Lang::En => "Partnership agreement (pacte)",
    };
    let mut out = Map::new();
    out.insert(
        "$schema".into(),
        "http://json-schema.org/draft-07/schema#".into(),
    );
    out.insert("title".into(), title.into());
    if let Value::Object(body) = table("", lang) {
        out.extend(body);
    }
    out.insert("required".into(), json!(["convention"]));
    Value::Object(out)
}
