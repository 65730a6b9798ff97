//! Bad inputs never panic: each gets a located diagnostic or a one-line
//! `error:` with exit status 2.

use std::path::Path;
use std::process::{Command, Output};

fn pacte(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pacte"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .expect("pacte runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// No panic, no backtrace, whatever the outcome.
fn assert_no_panic(o: &Output) {
    let err = text(&o.stderr);
    assert!(
        !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
        "panic: {err}"
    );
    assert!(o.status.code().is_some(), "killed by a signal");
}

fn check_file(name: &str, content: &[u8]) -> (Output, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), content).unwrap();
    let o = pacte(&["check", name, "--format", "json"], dir.path());
    assert_no_panic(&o);
    (o, dir)
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("json: {e}: {}", text(&o.stdout)))
}

/// The first diagnostic has this code and a position.
fn assert_located(o: &Output, code: &str) {
    let v = json(o);
    let d = &v["diagnostics"][0];
    assert_eq!(d["code"], code, "{v}");
    assert!(
        d["line"].is_u64() && d["column"].is_u64(),
        "not located: {v}"
    );
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn invalid_toml_is_located() {
    let (o, _d) = check_file("c.toml", b"[convention]\nid = \"x\nTitle = 3\n");
    assert_located(&o, "S001");
}

#[test]
fn invalid_utf8_is_located() {
    let (o, _d) = check_file("c.toml", b"[convention]\nid = \"caf\xe9\"\n");
    assert_located(&o, "S001");
    let v = json(&o);
    assert_eq!(v["diagnostics"][0]["line"], 2);
}

#[test]
fn binary_file_is_located() {
    let (o, _d) = check_file("c.toml", b"[convention]\n\x00\x01\x02\xff\xfe");
    assert_located(&o, "S001");
}

#[test]
fn bom_and_crlf_are_read() {
    let base = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base.toml"),
    )
    .unwrap();
    let crlf = format!("\u{feff}{}", base.replace('\n', "\r\n"));
    let (o, _d) = check_file("c.toml", crlf.as_bytes());
    let v = json(&o);
    assert_eq!(v["summary"]["errors"], 0, "{v}");
    assert_eq!(o.status.code(), Some(0));
    // Columns are counted without the BOM.
    let bad = "\u{feff}[convention]\r\nid = \"x\"\r\ntitel = \"y\"\r\n";
    let (o, _d) = check_file("c.toml", bad.as_bytes());
    let v = json(&o);
    let d = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "S002")
        .unwrap()
        .clone();
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(3), Some(1)),
        "{v}"
    );
}

#[test]
fn empty_file_named_is_not_a_convention() {
    let (o, _d) = check_file("c.toml", b"");
    let v = json(&o);
    assert_eq!(v["diagnostics"][0]["code"], "S007");
    assert_eq!(o.status.code(), Some(1));
    let (o, _d) = check_file("c.yaml", b"# only a comment\n");
    assert_eq!(json(&o)["diagnostics"][0]["code"], "S007");
}

#[test]
fn empty_folder_exits_2_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("Cargo.toml"), "[package]\nname = \"x\"\n").unwrap();
    let o = pacte(&["check", "."], dir.path());
    assert_no_panic(&o);
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(
        err.starts_with("error: ") && err.trim_end().lines().count() == 1,
        "{err}"
    );
}

#[test]
fn missing_path_exits_2_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let o = pacte(&["check", "nowhere.toml"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(
        err.starts_with("error: nowhere.toml") && err.trim_end().lines().count() == 1,
        "{err}"
    );
}

#[test]
fn ten_megabyte_file() {
    let mut s = String::from("[convention]\nid = \"big\"\ntitle = \"Big\"\n[meta]\n");
    let line = "note = \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"\n";
    let mut i = 0;
    while s.len() < 10 * 1024 * 1024 {
        s.push_str(&line.replace("note", &format!("n{i}")));
        i += 1;
    }
    let (o, _d) = check_file("c.toml", s.as_bytes());
    assert!(matches!(o.status.code(), Some(1)), "{}", text(&o.stderr));
    let big_yaml = format!(
        "convention:\n  id: big\n  title: \"{}\"\n",
        "x".repeat(10 * 1024 * 1024)
    );
    let (o, _d) = check_file("c.yaml", big_yaml.as_bytes());
    assert!(matches!(o.status.code(), Some(1)), "{}", text(&o.stderr));
}

#[test]
fn deeply_nested_arrays() {
    let toml = format!(
        "[convention]\nid = \"x\"\n[meta]\na = {}{}\n",
        "[".repeat(50_000),
        "]".repeat(50_000)
    );
    let (o, _d) = check_file("c.toml", toml.as_bytes());
    assert_located(&o, "S001");
    let yaml = format!(
        "convention:\n  id: x\nmeta: {}{}\n",
        "[".repeat(50_000),
        "]".repeat(50_000)
    );
    let (o, _d) = check_file("c.yaml", yaml.as_bytes());
    assert_located(&o, "S001");
    let yaml = format!(
        "convention:\n  id: x\nmeta:\n{}",
        (0..5000)
            .map(|i| format!("{}- \n", " ".repeat(i)))
            .collect::<String>()
    );
    let (o, _d) = check_file("c.yaml", yaml.as_bytes());
    assert_no_panic(&o);
    assert!(matches!(o.status.code(), Some(0..=2)));
}

#[cfg(unix)]
#[test]
fn symlink_loop_in_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base.toml");
    std::fs::copy(&base, dir.path().join("c.toml")).unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::os::unix::fs::symlink("..", dir.path().join("sub/loop")).unwrap();
    std::os::unix::fs::symlink("self", dir.path().join("self")).unwrap();
    let o = pacte(&["check", ".", "--as-of", "2026-06-15"], dir.path());
    assert_no_panic(&o);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}{}",
        text(&o.stdout),
        text(&o.stderr)
    );
}

#[test]
fn bad_config_exits_2_located() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("pacte.toml"), "[rules]\nG002 = \"loud\"\n").unwrap();
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base.toml");
    std::fs::copy(&base, dir.path().join("c.toml")).unwrap();
    let o = pacte(&["check"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(
        err.contains("pacte.toml:2:8") && err.contains("loud"),
        "{err}"
    );
    std::fs::write(
        dir.path().join("pacte.toml"),
        "[rules]\nS003 = \"warning\"\n",
    )
    .unwrap();
    let o = pacte(&["check"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    std::fs::write(dir.path().join("pacte.toml"), "[rules]\nZ999 = \"off\"\n").unwrap();
    let o = pacte(&["check"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("Z999"));
}

#[test]
fn bad_arguments_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let o = pacte(&["check", "--as-of", "2026-13-01"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    let o = pacte(&["check", "--format", "yaml"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    let o = pacte(&["explain", "C999"], dir.path());
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn every_finding_of_a_file_is_reported() {
    let (o, _d) = check_file(
        "c.toml",
        b"[convention]\nid = \"x\"\ntitel = 1\nkind = \"gestionn\"\nstart = 2026-01-01T10:00:00\n[[party]]\nid = \"A\"\n",
    );
    let v = json(&o);
    let codes: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    for c in ["S002", "S003", "S006"] {
        assert!(codes.contains(&c), "{c} missing from {codes:?}");
    }
    assert!(
        codes.iter().filter(|c| **c == "S003").count() >= 3,
        "{codes:?}"
    );
}
