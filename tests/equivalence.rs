//! The same document in TOML and YAML gives the same fingerprint and the
//! same findings; so do CRLF line ends, decomposed accents and `42000.0`.

use std::path::Path;
use std::process::Command;

use unicode_normalization::UnicodeNormalization;

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn pacte(args: &[&str]) -> (i32, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_pacte"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        o.stderr.is_empty() || o.status.code() == Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    (
        o.status.code().unwrap(),
        String::from_utf8(o.stdout).unwrap(),
    )
}

fn fingerprint(path: &Path) -> String {
    let (code, out) = pacte(&["fingerprint", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    out.trim().to_string()
}

/// (code, message) of every diagnostic: positions differ between syntaxes.
fn findings(path: &Path) -> Vec<(String, String)> {
    let (_, out) = pacte(&[
        "check",
        path.to_str().unwrap(),
        "--format",
        "json",
        "--as-of",
        "2026-06-15",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let mut f: Vec<(String, String)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().into(),
                d["message"].as_str().unwrap().into(),
            )
        })
        .collect();
    f.sort();
    f
}

#[test]
fn toml_and_yaml_twins_agree() {
    let toml = fixture("equivalence/base.toml");
    let yaml = fixture("equivalence/base.yaml");
    let fp = fingerprint(&toml);
    assert!(fp.starts_with("sha256:") && fp.len() == 71, "{fp}");
    assert_eq!(fp, fingerprint(&yaml));
    assert_eq!(findings(&toml), findings(&yaml));
}

#[test]
fn layout_line_ends_accents_and_number_forms_do_not_change_the_fingerprint() {
    let base = std::fs::read_to_string(fixture("base.toml")).unwrap();
    let fp = fingerprint(&fixture("base.toml"));
    let dir = tempfile::tempdir().unwrap();
    let variants = [
        ("crlf.toml", base.replace('\n', "\r\n")),
        ("nfd.toml", base.nfd().collect::<String>()),
        (
            "float.toml",
            base.replace("budget = 42000", "budget = 42000.0"),
        ),
        (
            "comments.toml",
            format!("# a comment\n\n{}", base.replace("\n[", "\n# another\n[")),
        ),
    ];
    for (name, text) in variants {
        assert_ne!(text, base, "{name} is a real variant");
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        assert_eq!(fingerprint(&p), fp, "{name}");
    }
    // Any change of a term changes it, and so does making a default explicit.
    for (name, text) in [
        (
            "amount.toml",
            base.replace("budget = 42000", "budget = 42001"),
        ),
        (
            "explicit.toml",
            base.replace(
                "unit = \"personnes\" }]",
                "unit = \"personnes\", direction = \"increase\" }]",
            ),
        ),
        (
            "status.toml",
            base.replace("status = \"draft\"", "status = \"signed\""),
        ),
    ] {
        let p = dir.path().join(name);
        std::fs::write(&p, &text).unwrap();
        let changed = fingerprint(&p) != fp;
        assert_eq!(changed, name != "status.toml" && text != base, "{name}");
    }
}

#[test]
fn fingerprint_refuses_structure_errors() {
    let (code, _) = pacte(&[
        "fingerprint",
        fixture("rules/S003/fires.toml").to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
}
