//! The machine-readable check formats parse and carry what their consumers need.

use std::process::Command;

fn pacte(args: &[&str]) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_pacte"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("PACTE_LANG", "en")
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

const INCOMPLETE: &str = "examples/incomplete/atelier-velo.toml";

#[test]
fn sarif_is_valid_for_code_scanning() {
    let out = pacte(&[
        "check",
        INCOMPLETE,
        "--as-of",
        "2026-11-24",
        "--format",
        "sarif",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), pacte::rules::CATALOGUE.len());
    assert!(rules.iter().all(|r| r["help"]["text"]
        .as_str()
        .is_some_and(|t| t.contains("## Fix"))));
    let results = run["results"].as_array().unwrap();
    // 16 since revision 1.1: K011 no longer fires for its two parties.
    assert_eq!(results.len(), 16);
    for r in results {
        let id = r["ruleId"].as_str().unwrap();
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], id);
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap()));
        let region = &r["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().unwrap() >= 1);
    }
    assert!(
        results.iter().any(|r| r["level"] == "note"),
        "info maps to note"
    );
}

#[test]
fn github_commands_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a,b:c.toml");
    std::fs::write(&path, "[convention]\nid = \"x\"\ntitle = \"100% sûr\"\n").unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_pacte"))
        .args(["check", path.to_str().unwrap(), "--format", "github"])
        .output()
        .unwrap();
    let out = String::from_utf8(o.stdout).unwrap();
    let first = out.lines().next().unwrap();
    assert!(first.starts_with("::error file="), "{first}");
    assert!(first.contains("a%2Cb%3Ac.toml"), "{first}");
    assert!(out
        .lines()
        .filter(|l| l.starts_with("::"))
        .all(|l| l.matches("::").count() >= 2));
}

/// Colour only when asked or on a terminal: `--color always` colours,
/// `never` does not, and `auto` (the default) does not when piped, whatever
/// `NO_COLOR` says; `NO_COLOR` does not override an explicit `always`.
#[test]
fn colour_is_only_for_terminals_or_when_asked() {
    let run = |args: &[&str], no_color: bool| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_pacte"));
        c.args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env_remove("NO_COLOR");
        if no_color {
            c.env("NO_COLOR", "1");
        }
        String::from_utf8(c.output().unwrap().stdout).unwrap()
    };
    let check = ["check", INCOMPLETE, "--as-of", "2026-11-24"];
    let status = ["status", "--as-of", "2027-03-01"];
    for cmd in [&check[..], &status[..]] {
        let with = |color: &'static str| [&["--color", color][..], cmd].concat();
        assert!(
            run(&with("always"), false).contains("\u{1b}["),
            "{cmd:?} always"
        );
        assert!(
            run(&with("always"), true).contains("\u{1b}["),
            "{cmd:?} always beats NO_COLOR"
        );
        assert!(
            !run(&with("never"), false).contains('\u{1b}'),
            "{cmd:?} never"
        );
        assert!(!run(cmd, false).contains('\u{1b}'), "{cmd:?} auto, piped");
        assert!(
            !run(&with("auto"), true).contains('\u{1b}'),
            "{cmd:?} auto, NO_COLOR"
        );
    }
}
