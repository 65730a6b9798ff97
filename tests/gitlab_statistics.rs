//! `check --format gitlab` (GitLab Code Quality) and `check --statistics`.

use std::collections::HashSet;
use std::path::Path;
use std::process::Command;

const INCOMPLETE: &str = "examples/incomplete/atelier-velo.toml";

fn pacte_in(dir: &Path, lang: &str, args: &[&str]) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_pacte"))
        .args(args)
        .current_dir(dir)
        .env("PACTE_LANG", lang)
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

/// A folder with the incomplete example twice, the second with one more
/// placeholder in a second text.
fn network() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(INCOMPLETE)).unwrap();
    std::fs::write(dir.path().join("a.toml"), &text).unwrap();
    let more = text.replace(
        "TODO : préciser les horaires\"",
        "TODO : préciser les horaires\"\npreamble = \"TODO\"",
    );
    assert_ne!(more, text, "the example changed: adapt the test");
    std::fs::write(dir.path().join("b.toml"), more).unwrap();
    dir
}

#[test]
fn gitlab_report_has_the_required_fields_and_unique_stable_fingerprints() {
    let dir = network();
    let args = ["check", ".", "--as-of", "2026-11-24", "--format", "gitlab"];
    let out = pacte_in(dir.path(), "en", &args);
    let issues: serde_json::Value = serde_json::from_str(&out).unwrap();
    let issues = issues.as_array().expect("an array of issues");
    assert!(issues.len() > 10);
    let mut prints = HashSet::new();
    for i in issues {
        assert!(i["description"].as_str().is_some_and(|s| !s.is_empty()));
        assert!(i["check_name"].as_str().is_some_and(|s| s.len() == 4));
        assert!(["info", "minor", "major", "critical", "blocker"]
            .contains(&i["severity"].as_str().unwrap()));
        assert!(i["location"]["path"]
            .as_str()
            .is_some_and(|p| p.ends_with(".toml")));
        assert!(i["location"]["lines"]["begin"].as_u64().unwrap() >= 1);
        let f = i["fingerprint"].as_str().unwrap();
        assert!(prints.insert(f.to_string()), "duplicate fingerprint {f}");
    }
    // Stable across runs and across languages (never a hash of the message).
    let again = pacte_in(dir.path(), "en", &args);
    assert_eq!(out, again);
    let fr: serde_json::Value = serde_json::from_str(&pacte_in(dir.path(), "fr", &args)).unwrap();
    let fr_prints: HashSet<String> = fr
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(prints, fr_prints);
}

#[test]
fn statistics_count_per_rule_most_frequent_first() {
    let dir = network();
    let out = pacte_in(
        dir.path(),
        "en",
        &[
            "check",
            ".",
            "--as-of",
            "2026-11-24",
            "--format",
            "json",
            "--statistics",
        ],
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let stats = v["statistics"].as_array().unwrap();
    let counts: Vec<u64> = stats.iter().map(|s| s["count"].as_u64().unwrap()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    // K013: one in a.toml, two in b.toml (one per text that holds a placeholder).
    assert_eq!(stats[0]["code"], "K013");
    assert_eq!(stats[0]["count"], 3);
    assert_eq!(stats[0]["name"], "placeholder-left");
    let total: u64 = counts.iter().sum();
    assert_eq!(total as usize, v["diagnostics"].as_array().unwrap().len());
    // Without the flag, no statistics.
    let plain = pacte_in(
        dir.path(),
        "en",
        &["check", ".", "--as-of", "2026-11-24", "--format", "json"],
    );
    assert!(serde_json::from_str::<serde_json::Value>(&plain).unwrap()["statistics"].is_null());
    // Human: after the diagnostics and the summary.
    let human = pacte_in(
        dir.path(),
        "en",
        &["check", ".", "--as-of", "2026-11-24", "--statistics"],
    );
    let (before, table) = human.split_once("\nFindings per rule:\n").unwrap();
    assert!(before.contains("in 2 conventions"));
    assert!(table
        .lines()
        .next()
        .unwrap()
        .contains("3  K013 placeholder-left"));
}
