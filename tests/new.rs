//! `pacte new` then `pacte check`, for every kind and syntax: no S error,
//! and the findings are K013 (the blanks to fill) and info only.

use std::path::Path;
use std::process::Command;

fn pacte(dir: &Path, lang: &str, args: &[&str]) -> (i32, String, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_pacte"))
        .args(args)
        .current_dir(dir)
        .env("PACTE_LANG", lang)
        .output()
        .unwrap();
    (
        o.status.code().unwrap(),
        String::from_utf8(o.stdout).unwrap(),
        String::from_utf8(o.stderr).unwrap(),
    )
}

const KINDS: [&str; 4] = ["realisation", "gestion", "protocole", "subvention"];

/// Checks a fresh skeleton; returns the number of K013 findings.
fn check_skeleton(dir: &Path, file: &str) -> usize {
    let (code, out, err) = pacte(dir, "en", &["check", file, "--format", "json"]);
    assert!(code == 0 || code == 1, "{file}: {err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let mut blanks = 0;
    for d in v["diagnostics"].as_array().unwrap() {
        let code = d["code"].as_str().unwrap();
        if code == "K013" {
            blanks += 1;
        } else {
            assert_eq!(d["severity"], "info", "{file}: {d}");
            assert!(!code.starts_with('S'), "{file}: {d}");
        }
    }
    blanks
}

#[test]
fn every_kind_and_syntax_checks_with_only_blanks_to_fill() {
    for workspace in ["", "jurisdiction = \"FR\"\nlang = \"fr\"\n"] {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        if !workspace.is_empty() {
            std::fs::write(d.join("pacte.toml"), workspace).unwrap();
        }
        for kind in KINDS {
            for syntax in ["toml", "yaml"] {
                for parties in ["2", "3"] {
                    let id = format!("essai-{kind}-{parties}");
                    let file = format!("{id}.{syntax}");
                    let (code, out, err) = pacte(
                        d,
                        "en",
                        &[
                            "new",
                            &id,
                            "--kind",
                            kind,
                            "--syntax",
                            syntax,
                            "--parties",
                            parties,
                        ],
                    );
                    assert_eq!(code, 0, "{err}");
                    assert!(out.ends_with(&format!(" {file}\n")), "{out}");
                    let text = std::fs::read_to_string(d.join(&file)).unwrap();
                    assert!(
                        text.contains(&format!("kind = \"{kind}\""))
                            || text.contains(&format!("kind: \"{kind}\""))
                    );
                    assert!(
                        check_skeleton(d, &file) > 10,
                        "{file}: the blanks are reported"
                    );
                }
            }
        }
    }
}

#[test]
fn comments_follow_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (code, out, _) = pacte(d, "en", &["new", "fr-1", "--lang", "fr"]);
    assert_eq!(code, 0);
    // The skeleton follows --lang; the progress line, the language of messages.
    assert_eq!(out, "wrote fr-1.toml\n");
    let fr = std::fs::read_to_string(d.join("fr-1.toml")).unwrap();
    assert!(fr.contains("title = \"à compléter\"  # Intitulé de la convention."));
    assert!(fr.contains("Exemple, à changer."));
    let (code, out, _) = pacte(
        d,
        "fr",
        &["new", "en-1", "--lang", "en", "--syntax", "yaml"],
    );
    assert_eq!(code, 0);
    assert_eq!(out, "créé\u{a0}: en-1.yaml\n");
    let en = std::fs::read_to_string(d.join("en-1.yaml")).unwrap();
    assert!(en.contains("title: \"to be completed\"  # The title of the convention."));
    assert!(en.contains("lang: \"en\""));
}

#[test]
fn default_output_and_no_replacement_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("conventions")).unwrap();
    std::fs::write(d.join("pacte.toml"), "lang = \"en\"\n").unwrap();
    let (code, out, err) = pacte(d, "en", &["new", "festival"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "wrote conventions/festival.toml\n");
    std::fs::write(d.join("conventions/festival.toml"), "mine").unwrap();
    let (code, out, err) = pacte(d, "en", &["new", "festival"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.starts_with("error: ") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(d.join("conventions/festival.toml")).unwrap(),
        "mine"
    );
    let (code, _, _) = pacte(d, "en", &["new", "festival", "--force"]);
    assert_eq!(code, 0);
    assert_ne!(
        std::fs::read_to_string(d.join("conventions/festival.toml")).unwrap(),
        "mine"
    );
    let (code, _, _) = pacte(
        d,
        "en",
        &["new", "autre", "-o", "ici.yaml", "--syntax", "yaml"],
    );
    assert_eq!(code, 0);
    assert!(d.join("ici.yaml").is_file());
}

#[test]
fn bad_ids_and_party_counts_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["new", "Festival 2027"][..],
        &["new", "x", "--parties", "1"][..],
        &["new", "-bad"][..],
    ] {
        let (code, out, err) = pacte(dir.path(), "en", args);
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty());
        assert!(err.starts_with("error: ") || err.contains("error"), "{err}");
    }
    assert!(std::fs::read_dir(dir.path()).unwrap().next().is_none());
}
