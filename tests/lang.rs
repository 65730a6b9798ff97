//! The language of messages (CLI.md, "Language of messages"): `PACTE_LANG`,
//! then `pacte.toml` `lang`, then the locale, and their precedence. Each
//! run starts from an environment with none of these set.

use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_pacte");

/// `pacte rules`'s header and `pacte explain K003`'s first line, run in
/// `dir` with exactly the variables `vars` among those that choose a language.
fn words(dir: &Path, vars: &[(&str, &str)]) -> String {
    let mut c = Command::new(BIN);
    c.current_dir(dir).args(["explain", "K003"]);
    for v in ["PACTE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        c.env_remove(v);
    }
    for (k, v) in vars {
        c.env(k, v);
    }
    let o = c.output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

fn is_french(dir: &Path, vars: &[(&str, &str)]) -> bool {
    let out = words(dir, vars);
    let first = out.lines().next().unwrap_or_default().to_string();
    if first.contains("niveau") {
        assert!(out.contains("Se déclenche lorsque"), "{out}");
        true
    } else {
        assert!(first.contains("level:"), "{out}");
        assert!(out.contains("Fires when"), "{out}");
        false
    }
}

fn workspace(lang: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    if let Some(lang) = lang {
        std::fs::write(
            dir.path().join("pacte.toml"),
            format!("lang = \"{lang}\"\n"),
        )
        .unwrap();
    }
    dir
}

#[test]
fn english_by_default() {
    let d = workspace(None);
    assert!(!is_french(d.path(), &[]));
    assert!(!is_french(d.path(), &[("LANG", "C.UTF-8")]));
}

#[test]
fn the_locale_chooses_when_nothing_else_does() {
    let d = workspace(None);
    assert!(is_french(d.path(), &[("LANG", "fr_FR.UTF-8")]));
    assert!(is_french(
        d.path(),
        &[("LC_MESSAGES", "fr_BE.UTF-8"), ("LANG", "en_GB.UTF-8")]
    ));
    assert!(!is_french(
        d.path(),
        &[("LC_ALL", "en_US.UTF-8"), ("LANG", "fr_FR.UTF-8")]
    ));
}

#[test]
fn pacte_toml_comes_before_the_locale() {
    let fr = workspace(Some("fr"));
    let en = workspace(Some("en"));
    assert!(is_french(fr.path(), &[]));
    assert!(is_french(fr.path(), &[("LANG", "en_US.UTF-8")]));
    assert!(!is_french(en.path(), &[("LANG", "fr_FR.UTF-8")]));
}

#[test]
fn pacte_lang_comes_first_and_other_values_are_ignored() {
    let fr = workspace(Some("fr"));
    let en = workspace(Some("en"));
    assert!(!is_french(
        fr.path(),
        &[("PACTE_LANG", "en"), ("LANG", "fr_FR.UTF-8")]
    ));
    assert!(is_french(en.path(), &[("PACTE_LANG", "fr")]));
    assert!(is_french(fr.path(), &[("PACTE_LANG", "de")]));
    assert!(!is_french(
        en.path(),
        &[("PACTE_LANG", "de"), ("LANG", "fr_FR.UTF-8")]
    ));
}

#[test]
fn check_and_its_error_lines_follow_the_language() {
    let d = workspace(Some("fr"));
    let run = |vars: &[(&str, &str)]| {
        let mut c = Command::new(BIN);
        c.current_dir(d.path()).arg("check");
        for v in ["PACTE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            c.env_remove(v);
        }
        c.envs(vars.iter().copied());
        let o = c.output().unwrap();
        assert_eq!(o.status.code(), Some(2));
        String::from_utf8(o.stderr).unwrap()
    };
    assert!(run(&[]).starts_with("error: aucune convention trouvée dans ce dossier"));
    assert!(run(&[("PACTE_LANG", "en")]).starts_with("error: no convention found in this folder"));
}

/// The standard error of `pacte ARGS` in `dir`, with exactly `vars` among
/// the variables that choose a language.
fn error_line(dir: &Path, args: &[&str], vars: &[(&str, &str)]) -> String {
    let mut c = Command::new(BIN);
    c.current_dir(dir).args(args);
    for v in ["PACTE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        c.env_remove(v);
    }
    c.envs(vars.iter().copied());
    let o = c.output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    String::from_utf8(o.stderr).unwrap()
}

#[test]
fn error_lines_follow_the_language_of_messages() {
    let none = workspace(None);
    let fr = workspace(Some("fr"));
    let args = ["render", "nowhere.toml"];
    let english = "error: nowhere.toml: no such file or folder\n";
    let french = "error: nowhere.toml\u{a0}: aucun fichier ni dossier de ce nom\n";
    assert_eq!(error_line(none.path(), &args, &[]), english);
    assert_eq!(
        error_line(none.path(), &args, &[("LANG", "fr_FR.UTF-8")]),
        french
    );
    assert_eq!(error_line(fr.path(), &args, &[]), french);
    assert_eq!(
        error_line(fr.path(), &args, &[("PACTE_LANG", "en")]),
        english
    );
    // Progress and warnings too: `new` says what it wrote.
    let o = Command::new(BIN)
        .current_dir(fr.path())
        .args(["new", "festival-2027", "--lang", "en"])
        .env_remove("PACTE_LANG")
        .output()
        .unwrap();
    assert!(o.status.success());
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "créé\u{a0}: festival-2027.toml\n"
    );
}

#[test]
fn a_broken_pacte_toml_is_said_in_the_language_of_the_environment() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("pacte.toml"), "lang = \"fr\"\nlangue = 1\n").unwrap();
    let line = error_line(d.path(), &["check"], &[("LANG", "fr_FR.UTF-8")]);
    assert!(
        line.ends_with("pacte.toml:2:1\u{a0}: clé `langue` inconnue dans pacte.toml (vouliez-vous dire `lang`\u{202f}?)\n"),
        "{line}"
    );
    let line = error_line(d.path(), &["check"], &[]);
    assert!(
        line.ends_with(
            "pacte.toml:2:1: unknown key `langue` in pacte.toml (did you mean `lang`?)\n"
        ),
        "{line}"
    );
}

/// The messages of `pacte check FILE --format json` in `lang`: (code, message, help).
fn messages(file: &Path, lang: &str) -> Vec<(String, String, String)> {
    let o = Command::new(BIN)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "--format", "json", "--as-of", "2026-11-24"])
        .arg(file)
        .env("PACTE_LANG", lang)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let s = |k: &str| d[k].as_str().unwrap_or_default().to_string();
            (s("code"), s("message"), s("help"))
        })
        .collect()
}

/// The rules whose findings, in some `fires` fixture, are still written in
/// English only. This list may only shrink: the test fails when a rule
/// outside it writes an English sentence in French output, and when a rule
/// in it has been translated (so that it is struck off).
/// Every rule is translated now: the list is empty, and must stay so.
const ENGLISH_ONLY: &[&str] = &[];

#[test]
fn french_output_is_french_except_the_rules_listed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
    let mut english: std::collections::BTreeSet<String> = Default::default();
    let mut seen: std::collections::BTreeSet<String> = Default::default();
    for rule in std::fs::read_dir(&root).unwrap() {
        for file in std::fs::read_dir(rule.unwrap().path()).unwrap() {
            let path = file.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if !name.starts_with("fires") {
                continue;
            }
            let en = messages(&path, "en");
            let fr = messages(&path, "fr");
            assert_eq!(
                en.len(),
                fr.len(),
                "{name}: the language changed the findings"
            );
            for (e, f) in en.iter().zip(&fr) {
                assert_eq!(e.0, f.0, "{name}: codes never change");
                seen.insert(e.0.clone());
                if e.1 == f.1 || e.2 == f.2 {
                    english.insert(e.0.clone());
                }
            }
        }
    }
    let listed: std::collections::BTreeSet<String> =
        ENGLISH_ONLY.iter().map(|c| c.to_string()).collect();
    let unlisted: Vec<&String> = english.difference(&listed).collect();
    assert!(
        unlisted.is_empty(),
        "English words in French output: {unlisted:?}"
    );
    let done: Vec<&String> = listed
        .intersection(&seen)
        .filter(|c| !english.contains(*c))
        .collect();
    assert!(
        done.is_empty(),
        "translated now, strike them off ENGLISH_ONLY: {done:?}"
    );
}
