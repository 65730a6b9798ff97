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
