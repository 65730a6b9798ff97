//! `pacte schema` with a real validator (the `jsonschema` crate): every
//! example and every fixture without S error validates; every S002 fixture,
//! and every S003 fixture of type, set, pattern or range, does not.

use std::path::{Path, PathBuf};

use pacte::model::Lang;
use pacte::value::{Node, Syntax, Value};
use serde_json::Value as Json;

/// The value tree as JSON, dates as strings.
fn to_json(node: &Node) -> Json {
    match &node.value {
        Value::String(s) => Json::String(s.clone()),
        Value::Integer(i) => Json::from(*i),
        Value::Float { value, .. } => {
            serde_json::Number::from_f64(*value).map_or(Json::Null, Json::Number)
        }
        Value::Bool(b) => Json::Bool(*b),
        Value::Date(d) => Json::String(d.to_string()),
        Value::DateTime(raw) => Json::String(raw.to_string()),
        Value::Null => Json::Null,
        Value::Array(items) => Json::Array(items.iter().map(to_json).collect()),
        Value::Table(t) => Json::Object(
            t.entries
                .iter()
                .map(|e| (e.key.clone(), to_json(&e.value)))
                .collect(),
        ),
    }
}

fn load(path: &Path) -> Json {
    let text = std::fs::read_to_string(path).unwrap();
    let syntax = match path.extension().and_then(|e| e.to_str()) {
        Some("toml") => Syntax::Toml,
        _ => Syntax::Yaml,
    };
    let parsed = pacte::parse::parse(&text, syntax);
    to_json(
        parsed
            .root
            .as_ref()
            .unwrap_or_else(|| panic!("{}: no tree", path.display())),
    )
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.is_file()
                && matches!(
                    p.extension().and_then(|e| e.to_str()),
                    Some("toml" | "yaml" | "yml")
                )
        })
        .collect();
    out.sort();
    out
}

fn validator(lang: Lang) -> jsonschema::Validator {
    let schema = pacte::schema::schema(lang);
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    jsonschema::draft7::new(&schema).expect("a valid draft-07 schema")
}

fn errors(v: &jsonschema::Validator, doc: &Json) -> Vec<String> {
    v.iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn examples_and_fixtures_without_structure_errors_validate() {
    let v = validator(Lang::Fr);
    let mut checked = 0;
    let mut paths = files(&root().join("examples"));
    paths.extend(files(&root().join("examples/incomplete")));
    for rule in std::fs::read_dir(root().join("tests/fixtures/rules")).unwrap() {
        let dir = rule.unwrap().path();
        let structure = dir.file_name().unwrap().to_str().unwrap().starts_with('S');
        for p in files(&dir) {
            let name = p.file_name().unwrap().to_str().unwrap();
            // S fixtures that fire hold a structure error on purpose.
            if !structure || name.starts_with("passes") {
                paths.push(p);
            }
        }
    }
    for p in &paths {
        let e = errors(&v, &load(p));
        assert!(e.is_empty(), "{} does not validate: {e:#?}", p.display());
        checked += 1;
    }
    assert!(checked > 100, "only {checked} files");
}

#[test]
fn unknown_keys_and_bad_values_do_not_validate() {
    let v = validator(Lang::En);
    let mut failing = 0;
    for rule in ["S002", "S003"] {
        for p in files(&root().join("tests/fixtures/rules").join(rule)) {
            if !p
                .file_name()
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with("fires")
            {
                continue;
            }
            assert!(
                !errors(&v, &load(&p)).is_empty(),
                "{} validates, but has an {rule} error",
                p.display()
            );
            failing += 1;
        }
    }
    assert!(failing >= 8);
}

#[test]
fn descriptions_follow_the_language() {
    let fr = pacte::schema::schema(Lang::Fr);
    let en = pacte::schema::schema(Lang::En);
    let d = |s: &Json| s["properties"]["convention"]["properties"]["title"]["description"].clone();
    assert_eq!(d(&fr), "Intitulé de la convention.");
    assert_eq!(d(&en), "The title of the convention.");
    // Unknown keys are refused at every level.
    assert_eq!(fr["additionalProperties"], false);
    assert_eq!(
        fr["properties"]["party"]["items"]["additionalProperties"],
        false
    );
}

#[test]
fn the_command_prints_the_schema_in_the_message_language() {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_pacte"))
        .arg("schema")
        .env("PACTE_LANG", "en")
        .current_dir(root())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let printed: Json = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(printed, pacte::schema::schema(Lang::En));
}

#[test]
fn fresh_skeletons_validate() {
    use pacte::model::Kind;
    let v = validator(Lang::Fr);
    for kind in Kind::ALL {
        for yaml in [false, true] {
            let o = pacte::commands::new::NewOptions {
                id: "essai".into(),
                kind,
                lang: Lang::Fr,
                parties: 3,
                yaml,
                currency: "EUR".into(),
            };
            let text = pacte::commands::new::render(&o);
            let syntax = if yaml { Syntax::Yaml } else { Syntax::Toml };
            let parsed = pacte::parse::parse(&text, syntax);
            let doc = to_json(parsed.root.as_ref().expect("the skeleton parses"));
            let e = errors(&v, &doc);
            assert!(e.is_empty(), "{kind:?} yaml={yaml}: {e:#?}");
        }
    }
}
