//! Revision 1.1 through the command line: due dates before signing are not
//! tracked by `status` and `report` either, the workspace jurisdiction,
//! and bad jurisdictions.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_pacte");

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/rules")
        .join(rel)
}

fn pacte(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap()
}

fn json(dir: &Path, args: &[&str]) -> serde_json::Value {
    let out = pacte(dir, args);
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)))
}

fn overdue_ids(v: &serde_json::Value) -> Vec<String> {
    v["conventions"][0]["overdue"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn status_and_report_skip_due_dates_before_signing() {
    let dir = tempfile::tempdir().unwrap();
    for (name, expected) in [
        ("L002/passes-retroactive.toml", vec![]),
        ("L002/fires-retroactive-half-signed.toml", vec!["M0", "R0"]),
    ] {
        let file = dir.path().join("c.toml");
        std::fs::copy(fixture(name), &file).unwrap();
        for cmd in ["status", "report"] {
            let v = json(
                dir.path(),
                &[cmd, "c.toml", "--as-of", "2026-06-15", "--format", "json"],
            );
            assert_eq!(overdue_ids(&v), expected, "{cmd} {name}");
        }
        // And check agrees: L001/L002 exactly for those items.
        let v = json(
            dir.path(),
            &[
                "check",
                "c.toml",
                "--as-of",
                "2026-06-15",
                "--format",
                "json",
            ],
        );
        let late: Vec<&str> = v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| ["L001", "L002", "L008"].iter().any(|c| d["code"] == *c))
            .map(|d| d["code"].as_str().unwrap())
            .collect();
        assert_eq!(late.len(), expected.len(), "check {name}");
    }
}

fn codes(dir: &Path, file: &str) -> Vec<String> {
    let v = json(
        dir,
        &["check", file, "--as-of", "2026-06-15", "--format", "json"],
    );
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_workspace_jurisdiction_is_the_default() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("F001/passes-no-jurisdiction.toml")).unwrap();
    std::fs::write(dir.path().join("c.toml"), &text).unwrap();
    assert!(!codes(dir.path(), "c.toml").contains(&"F001".to_string()));
    std::fs::write(dir.path().join("pacte.toml"), "jurisdiction = \"FR\"\n").unwrap();
    assert!(codes(dir.path(), "c.toml").contains(&"F001".to_string()));
    // The convention's own jurisdiction wins over the workspace's.
    let be = text.replace(
        "kind = \"subvention\"\n",
        "kind = \"subvention\"\njurisdiction = \"BE\"\n",
    );
    std::fs::write(dir.path().join("c.toml"), &be).unwrap();
    assert!(!codes(dir.path(), "c.toml").contains(&"F001".to_string()));
    // An invalid one is S003, and brings no F rule (not the workspace's).
    let bad = text.replace(
        "kind = \"subvention\"\n",
        "kind = \"subvention\"\njurisdiction = \"France\"\n",
    );
    std::fs::write(dir.path().join("c.toml"), &bad).unwrap();
    let found = codes(dir.path(), "c.toml");
    assert!(found.contains(&"S003".to_string()));
    assert!(!found.iter().any(|c| c.starts_with('F')), "{found:?}");
}

#[test]
fn a_bad_workspace_jurisdiction_stops_the_run() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("F001/passes.toml"), dir.path().join("c.toml")).unwrap();
    std::fs::write(
        dir.path().join("pacte.toml"),
        "lang = \"fr\"\njurisdiction = \"fr\"\n",
    )
    .unwrap();
    let out = pacte(dir.path(), &["check", "c.toml"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("error: "), "{err}");
    assert!(err.contains("pacte.toml:2:16"), "{err}");
    assert!(err.contains("ISO 3166-1 alpha-2"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn per_kind_levels_know_the_subvention() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("C015/fires.toml"), dir.path().join("c.toml")).unwrap();
    assert!(codes(dir.path(), "c.toml").contains(&"C015".to_string()));
    std::fs::write(
        dir.path().join("pacte.toml"),
        "[rules]\nC015 = { subvention = \"off\" }\n",
    )
    .unwrap();
    assert!(!codes(dir.path(), "c.toml").contains(&"C015".to_string()));
}

#[test]
fn xof_or_no_jurisdiction_means_no_f_rule() {
    let dir = tempfile::tempdir().unwrap();
    // 160 000 EUR a year to an association, no conditions of use, no
    // republican clause, the annual report one day late: every F rule fires.
    let text = std::fs::read_to_string(fixture("F004/fires.toml"))
        .unwrap()
        .replace("delay_days = 181", "delay_days = 182")
        .replace("after_end_days = 180", "after_end_days = 200");
    let cut = |s: &str, from: &str, to: &str| {
        let i = s.find(from).unwrap();
        let j = i + s[i..].find(to).unwrap();
        format!("{}{}", &s[..i], &s[j..])
    };
    let text = cut(&text, "conditions = \"\"\"", "\n[[funds.contribution]]");
    let text = cut(
        &text,
        "[[clause]]\nkind = \"republican_commitment\"",
        "[[clause]]\nkind = \"publicity\"",
    );
    let f_codes = |t: &str| {
        std::fs::write(dir.path().join("c.toml"), t).unwrap();
        let mut found: Vec<String> = codes(dir.path(), "c.toml")
            .into_iter()
            .filter(|c| c.starts_with('F') || c.starts_with('S'))
            .collect();
        found.sort();
        found.dedup();
        found
    };
    assert_eq!(f_codes(&text), ["F001", "F002", "F003", "F004"]);
    assert!(f_codes(&text.replace("currency = \"EUR\"", "currency = \"XOF\"")).is_empty());
    assert!(f_codes(&text.replace("jurisdiction = \"FR\"\n", "")).is_empty());
    assert!(f_codes(&text.replace("jurisdiction = \"FR\"", "jurisdiction = \"SN\"")).is_empty());
}
