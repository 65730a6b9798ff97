//! `pacte export --format scdl`: the output validated against the real
//! Table Schema of SCDL subventions 2.1.0 (tests/fixtures/scdl/schema.json),
//! read from the JSON: column names and order, required values, types
//! (number, date, boolean with its true and false values), patterns,
//! maximum lengths, enumerations, minimum and maximum, and the schema's
//! custom checks (`french-siret-value`: the Luhn key; `one-of-required`).

use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn export_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pacte"))
        .arg("export")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("pacte runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    )
}

fn schema() -> Value {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scdl/schema.json"),
    )
    .unwrap();
    serde_json::from_str(&text).unwrap()
}

fn luhn(digits: &str) -> bool {
    let mut sum = 0;
    for (i, c) in digits.chars().rev().enumerate() {
        let mut d = c.to_digit(10).unwrap();
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    sum % 10 == 0
}

/// Every error of the CSV against the schema; empty when valid.
fn validate(csv_text: &str, schema: &Value) -> Vec<String> {
    let fields = schema["fields"].as_array().unwrap();
    let missing: Vec<&str> = schema["missingValues"]
        .as_array()
        .map(|m| m.iter().filter_map(Value::as_str).collect())
        .unwrap_or_else(|| vec![""]);
    let mut errors = Vec::new();
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let names: Vec<&str> = fields.iter().map(|f| f["name"].as_str().unwrap()).collect();
    if header != names {
        errors.push(format!("header {header:?} is not {names:?}"));
        return errors;
    }
    for (n, rec) in r.records().enumerate() {
        let rec = rec.unwrap();
        let row = n + 2;
        if rec.len() != fields.len() {
            errors.push(format!("row {row}: {} cells", rec.len()));
            continue;
        }
        for (f, cell) in fields.iter().zip(rec.iter()) {
            let name = f["name"].as_str().unwrap();
            let c = &f["constraints"];
            if missing.contains(&cell) {
                if c["required"] == true {
                    errors.push(format!("row {row}: {name} is required"));
                }
                continue;
            }
            match f["type"].as_str().unwrap() {
                "number" => match cell.parse::<f64>() {
                    Ok(v) => {
                        if let Some(min) = c["minimum"].as_f64() {
                            if v < min {
                                errors.push(format!("row {row}: {name} {v} < {min}"));
                            }
                        }
                        if let Some(max) = c["maximum"].as_f64() {
                            if v > max {
                                errors.push(format!("row {row}: {name} {v} > {max}"));
                            }
                        }
                        if cell.contains(',') {
                            errors.push(format!("row {row}: {name} has a comma"));
                        }
                    }
                    Err(_) => errors.push(format!("row {row}: {name} {cell:?} is not a number")),
                },
                "date" => {
                    if cell.len() != 10 || cell.parse::<jiff::civil::Date>().is_err() {
                        errors.push(format!("row {row}: {name} {cell:?} is not a date"));
                    }
                }
                "boolean" => {
                    let t: Vec<&str> = f["trueValues"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .filter_map(Value::as_str)
                        .collect();
                    let fa: Vec<&str> = f["falseValues"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .filter_map(Value::as_str)
                        .collect();
                    if !t.contains(&cell) && !fa.contains(&cell) {
                        errors.push(format!("row {row}: {name} {cell:?} is not a boolean"));
                    }
                }
                "string" => {}
                other => errors.push(format!("unknown type {other}")),
            }
            if let Some(p) = c["pattern"].as_str() {
                // Table Schema patterns match the whole value.
                let re = regex::Regex::new(&format!("^(?:{p})$")).unwrap();
                if !re.is_match(cell) {
                    errors.push(format!("row {row}: {name} {cell:?} does not match {p}"));
                }
            }
            if let Some(max) = c["maxLength"].as_u64() {
                if cell.chars().count() as u64 > max {
                    errors.push(format!("row {row}: {name} is longer than {max}"));
                }
            }
            if let Some(e) = c["enum"].as_array() {
                if !e.iter().any(|v| v == cell) {
                    errors.push(format!("row {row}: {name} {cell:?} is not allowed"));
                }
            }
        }
        for check in schema["custom_checks"].as_array().unwrap() {
            let p = &check["params"];
            let col = |k: &str| {
                let n = p[k].as_str().unwrap();
                names.iter().position(|x| *x == n).map(|i| &rec[i]).unwrap()
            };
            match check["name"].as_str().unwrap() {
                "french-siret-value" => {
                    let v = col("column");
                    if !(v.is_empty() || (v.len() == 14 && luhn(v))) {
                        errors.push(format!("row {row}: {v} is not a SIRET"));
                    }
                }
                "one-of-required" => {
                    if col("column1").is_empty() && col("column2").is_empty() {
                        errors.push(format!("row {row}: neither identifier"));
                    }
                }
                other => errors.push(format!("unknown custom check {other}")),
            }
        }
    }
    errors
}

const GRANT: &str = r#"
[convention]
id = "cpo"
title = "Convention pluriannuelle d'objectifs"
kind = "subvention"
jurisdiction = "FR"
status = "active"
start = 2026-01-01
end = 2026-12-31
currency = "EUR"

[[party]]
id = "ville"
name = "Ville de Lyon"
sector = "public"
registration = "SIRET 216 901 231 00011"

[[party]]
id = "asso"
name = "Les Ateliers, « solidaires »"
sector = "civil_society"
registration = "RNA W691234567"

[funds]
budget = 40000
holder = "asso"

[[funds.contribution]]
party = "ville"
kind = "financial"
amount = 40000.5
description = "DESCRIPTION"

[[funds.contribution]]
party = "ville"
kind = "in_kind"
amount = 2500
eu_notified = true
description = "Mise à disposition d'une salle"

[[funds.disbursement]]
date = 2026-02-15
amount = 20000
from = "ville"

[[funds.disbursement]]
date = 2026-09-15
amount = 20000.5
from = "ville"

[[signature]]
party = "ville"
date = 2026-01-20

[[signature]]
party = "asso"
date = 2026-01-25
"#;

#[test]
fn the_schema_is_scdl_subventions_2_1() {
    let s = schema();
    let names: Vec<&str> = s["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, pacte::report::scdl::COLUMNS);
    assert_eq!(names.len(), 16);
}

#[test]
fn rows_validate_against_the_schema() {
    let dir = tempfile::tempdir().unwrap();
    let long = "Soutien aux ateliers d'éducation populaire ".repeat(10);
    std::fs::write(
        dir.path().join("cpo.toml"),
        GRANT.replace("DESCRIPTION", &long),
    )
    .unwrap();
    let (code, out, err) = export_in(dir.path(), &["--format", "scdl"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(err, "");
    let errors = validate(&out, &schema());
    assert!(errors.is_empty(), "{errors:#?}\n{out}");
    let mut r = csv::Reader::from_reader(out.as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2, "one row per public grant");
    let money = &rows[0];
    assert_eq!(&money[0], "Ville de Lyon");
    assert_eq!(&money[1], "21690123100011");
    assert_eq!(&money[2], "2026-01-25", "the signing date");
    assert_eq!(&money[4], "Les Ateliers, « solidaires »");
    assert_eq!(&money[5], "");
    assert_eq!(&money[6], "W691234567");
    assert!(money[7].ends_with('…') && money[7].chars().count() <= 256);
    assert_eq!(&money[8], "40000.5");
    assert_eq!(&money[9], "aide en numéraire");
    assert_eq!(&money[10], "échelonné");
    assert_eq!(&money[11], "2026-02-15/2026-09-15");
    assert_eq!(&money[13], "non");
    assert_eq!(&money[14], "1.00");
    let kind = &rows[1];
    assert_eq!(&kind[7], "Mise à disposition d'une salle");
    assert_eq!(&kind[9], "aide en nature");
    assert_eq!(&kind[13], "oui");
    // Plain LF line ends, as the schema's examples.
    assert!(!out.contains('\r'));
}

#[test]
fn the_validator_rejects_what_the_schema_rejects() {
    let s = schema();
    let header = pacte::report::scdl::COLUMNS.join(",");
    let bad = format!(
        "{header}\nVille,21690123100012,2026-13-01,,Asso,,X1,objet,12,,unique,2026,,peut-être,0,\n"
    );
    let errors = validate(&bad, &s);
    for what in [
        "is not a SIRET",
        "is not a date",
        "rnaBeneficiaire",
        "nature is required",
        "datesPeriodeVersement",
        "is not a boolean",
        "0 < 0.01",
    ] {
        assert!(
            errors.iter().any(|e| e.contains(what)),
            "{what}: {errors:#?}"
        );
    }
}

#[test]
fn a_grant_missing_a_required_value_is_left_out_and_named() {
    let dir = tempfile::tempdir().unwrap();
    // No disbursement: no datesPeriodeVersement; a wrong SIRET key.
    let text = GRANT
        .replace("DESCRIPTION", "Subvention de projet")
        .replace("216 901 231 00011", "216 901 231 00012");
    let text = text
        .split("[[funds.disbursement]]")
        .next()
        .unwrap()
        .to_string()
        + "[[signature]]\nparty = \"ville\"\ndate = 2026-01-20\n\n[[signature]]\nparty = \"asso\"\ndate = 2026-01-25\n";
    std::fs::write(dir.path().join("cpo.toml"), text).unwrap();
    let (code, out, err) = export_in(dir.path(), &["--format", "scdl"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(out.lines().count(), 1, "the header only: {out}");
    assert_eq!(err.lines().count(), 2, "{err}");
    assert!(
        err.contains("cpo.toml: the grant of `ville` to `asso` is left out"),
        "{err}"
    );
    assert!(err.contains("idAttribuant (the giver's SIRET 21690123100012 has a wrong control key)"));
    assert!(err.contains("datesPeriodeVersement"));
    // Not under French law: nothing to export, exit 0.
    let text = GRANT
        .replace("DESCRIPTION", "x")
        .replace("jurisdiction = \"FR\"", "jurisdiction = \"BE\"");
    std::fs::write(dir.path().join("cpo.toml"), text).unwrap();
    let (code, out, err) = export_in(dir.path(), &["--format", "scdl"]);
    assert_eq!((code, out.lines().count(), err.as_str()), (0, 1, ""));
}
