//! The full output of `pacte check` on every fixture and example, in both
//! languages of messages, human and JSON: one snapshot per language and
//! format. It guards refactors of the messages (ARCHITECTURE.md, "Findings
//! as data, words at the edge"): a change of shape must leave these files
//! byte for byte as they were. Regenerate after an intended change of
//! wording with `INSTA_UPDATE=always cargo test --test full_output`, and
//! read the diff.

use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_pacte");
const AS_OF: &str = "2026-06-15";

/// Every convention file under `dir`, sorted, as paths from the
/// repository root.
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| e == "toml" || e == "yaml" || e == "yml")
            && path.file_name().is_some_and(|n| n != "pacte.toml")
        {
            out.push(path);
        }
    }
}

fn all_files() -> Vec<PathBuf> {
    let mut out = Vec::new();
    files(Path::new("tests/fixtures"), &mut out);
    files(Path::new("examples"), &mut out);
    out.sort();
    out
}

/// `pacte check FILE` in `lang` and `format`: exit code, stdout, stderr.
fn check(file: &Path, lang: &str, format: &str) -> String {
    let o = Command::new(BIN)
        .args([
            "check", "--as-of", AS_OF, "--color", "never", "--format", format,
        ])
        .arg(file)
        .env("PACTE_LANG", lang)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .output()
        .expect("pacte runs");
    format!(
        "=== {} (exit {})\n{}{}",
        file.display(),
        o.status
            .code()
            .map_or("signal".to_string(), |c| c.to_string()),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr),
    )
}

/// The outputs of every file, two threads at a time, in file order.
fn outputs(lang: &str, format: &str) -> String {
    let files = all_files();
    assert!(
        files.len() > 100,
        "the fixtures are found from the repository root"
    );
    let half = files.len() / 2;
    let (a, b) = files.split_at(half);
    let (left, right) = std::thread::scope(|s| {
        let left = s.spawn(|| a.iter().map(|f| check(f, lang, format)).collect::<Vec<_>>());
        let right = b.iter().map(|f| check(f, lang, format)).collect::<Vec<_>>();
        (left.join().unwrap(), right)
    });
    left.into_iter().chain(right).collect()
}

#[test]
fn english_human() {
    insta::assert_snapshot!(outputs("en", "human"));
}

#[test]
fn english_json() {
    insta::assert_snapshot!(outputs("en", "json"));
}

#[test]
fn french_human() {
    insta::assert_snapshot!(outputs("fr", "human"));
}

#[test]
fn french_json() {
    insta::assert_snapshot!(outputs("fr", "json"));
}
