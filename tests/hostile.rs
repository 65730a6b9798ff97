//! Hostile files (issue 12): inputs made to exhaust memory or time, or to
//! take over the terminal. Each case is one regression test; the full-size
//! measures (10 MB, under 2 GB and 10 s) are `bench/hostile.sh`.

use std::path::Path;
use std::process::{Command, Output};

fn pacte(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pacte"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env("PACTE_LANG", "en")
        .output()
        .expect("pacte runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn assert_no_panic(o: &Output) {
    let err = text(&o.stderr);
    assert!(
        !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
        "panic: {err}"
    );
    assert!(o.status.code().is_some(), "killed by a signal");
}

/// Checks one file, human and JSON output.
fn check(name: &str, content: &str) -> (Output, serde_json::Value) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), content).unwrap();
    let human = pacte(&["--color", "never", "check", name], dir.path());
    assert_no_panic(&human);
    let o = pacte(&["check", name, "--format", "json"], dir.path());
    assert_no_panic(&o);
    let v = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("json: {e}: {}", text(&o.stdout)));
    (human, v)
}

fn codes(v: &serde_json::Value, code: &str) -> usize {
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == code)
        .count()
}

/// The longest line of a human output.
fn widest(o: &Output) -> usize {
    text(&o.stdout)
        .lines()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
}

const HEAD: &str = "[convention]\nid = \"hostile\"\ntitle = \"Hostile\"\n";

#[test]
fn one_malformed_line_gives_a_bounded_list_of_syntax_errors() {
    // `a = [{y,` then thousands of `{},`: the reader finds an error at
    // nearly every item. Before: one copy of the whole line per error.
    let line = format!("a = [{{y,{}\n", "{},".repeat(20_000));
    let (human, v) = check("c.toml", &line);
    let n = codes(&v, "S001");
    assert!(n > 1 && n <= 51, "{n} S001");
    if n == 51 {
        let last = v["diagnostics"].as_array().unwrap().last().unwrap();
        assert!(last["message"]
            .as_str()
            .unwrap()
            .contains("more syntax error"));
    }
    assert_eq!(human.status.code(), Some(1));
    // Each snippet is cut to the snippet width (plus the gutter and `...`).
    assert!(widest(&human) < 140, "{}", widest(&human));
}

#[test]
fn a_300_kb_line_is_cut_in_the_snippet_and_located_exactly() {
    let title = "x".repeat(300_000);
    let (human, v) = check(
        "c.toml",
        &format!("[convention]\nid = \"h\"\ntitle = \"{title}\" oops\n"),
    );
    assert_eq!(codes(&v, "S001"), 1);
    let col = v["diagnostics"][0]["column"].as_u64().unwrap();
    assert!(col > 300_000, "{col}");
    let out = text(&human.stdout);
    assert!(out.contains(&format!("c.toml:3:{col}")), "{out}");
    assert!(out.contains("...xxxx"), "{out}");
    assert!(widest(&human) < 140);
    assert!(human.stdout.len() < 2_000);
}

#[test]
fn an_inline_array_of_invalid_items_shares_its_line() {
    // Valid TOML: one S003 per item of a long inline array.
    let n = 5_000;
    let text = format!("party = [{}1]\n{HEAD}", "1,".repeat(n - 1));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    std::fs::write(&path, &text).unwrap();
    let config = pacte::config::Config::default();
    let opts = pacte::check::Options {
        config: &config,
        as_of: jiff::civil::date(2026, 6, 1),
        progress: None,
        structure_only: false,
    };
    let candidates = vec![pacte::discover::Candidate {
        path: path.clone(),
        explicit: true,
        matched_glob: false,
    }];
    let run = pacte::check::check(&candidates, &opts, |_| ()).unwrap();
    let report = &run.files[0].0;
    let s003: Vec<&pacte::diagnostic::Diagnostic> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == pacte::rules::Code::S003)
        .collect();
    // The first 1,000 are listed, then one says how many more there are.
    let max = pacte::check::MAX_FINDINGS_PER_RULE;
    assert_eq!(s003.len(), max + 1);
    assert_eq!(
        s003[max].words(pacte::model::Lang::En).message,
        format!(
            "{} more findings of this rule from here on (only the first {max} in a file are listed)",
            n - max
        )
    );
    assert!(s003.iter().all(|d| d.line == Some(1)));
    // The line is kept once for the whole file, not once per diagnostic.
    assert!(report.lines.contains_key(&1));
    assert!(report.lines.values().map(|(_, l)| l.len()).sum::<usize>() < 2 * text.len());
    // Columns follow the items, in order.
    let cols: Vec<usize> = s003.iter().map(|d| d.column.unwrap()).collect();
    assert_eq!(cols[0], 10);
    assert_eq!(cols[max], 10 + 2 * max);
    assert!(cols.windows(2).all(|w| w[1] == w[0] + 2));
}

#[test]
fn messages_quoting_a_huge_value_are_cut() {
    let id = "x".repeat(100_000);
    let (human, v) = check(
        "c.toml",
        &format!("{HEAD}[[role]]\nparty = \"{id}\"\nresponsibilities = \"r\"\n"),
    );
    let d = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "S005")
        .unwrap()
        .clone();
    let m = d["message"].as_str().unwrap();
    assert_eq!(m.chars().count(), pacte::check::MAX_MESSAGE + 1, "{m}");
    assert!(m.ends_with('…'));
    assert!(human.stdout.len() < 20_000, "{}", human.stdout.len());
}

#[test]
fn a_toml_file_with_too_many_values_is_refused_early() {
    let (_, v) = check(
        "c.toml",
        &format!("{HEAD}[meta]\nx = [{}1]\n", "1,".repeat(1_000_001)),
    );
    assert_eq!(codes(&v, "S001"), 1);
    let d = &v["diagnostics"][0];
    assert!(d["message"].as_str().unwrap().contains("too large"), "{d}");
    assert_eq!(d["line"], 5);
}

#[test]
fn many_parties_with_roles_are_checked() {
    // Quadratic before (S005 and K005 searched lists): 40,000 parties took
    // 4.3 s, 100,000 took 30 s. Timed in bench/hostile.sh.
    let mut text = String::from(HEAD);
    let n = 5_000;
    for i in 0..n {
        text.push_str(&format!(
            "[[party]]\nid = \"p{i}\"\nname = \"P{i}\"\nsector = \"association\"\n"
        ));
    }
    for i in 0..n {
        text.push_str(&format!(
            "[[role]]\nparty = \"p{i}\"\nresponsibilities = \"r\"\n"
        ));
    }
    text.push_str("[[role]]\nparty = \"nobody\"\nresponsibilities = \"r\"\n");
    let (_, v) = check("c.toml", &text);
    assert_eq!(codes(&v, "K005"), 0);
    assert_eq!(codes(&v, "S005"), 1);
    let d = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "S005")
        .unwrap();
    // The help names a few of the ids, not all 5,000.
    let help = d["help"].as_str().unwrap();
    assert!(help.contains("(5000 in all)") && help.len() < 200, "{help}");
}

/// Runs pacte, killing it (and failing) if it takes more than 20 s: a
/// hang on a special file must fail the test, not stall the suite.
fn pacte_bounded(args: &[&str], cwd: &Path) -> Output {
    use std::io::Read as _;
    let mut child = Command::new(env!("CARGO_BIN_EXE_pacte"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env("PACTE_LANG", "en")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("pacte runs");
    let start = std::time::Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut stdout = Vec::new();
            let mut stderr = Vec::new();
            child
                .stdout
                .take()
                .unwrap()
                .read_to_end(&mut stdout)
                .unwrap();
            child
                .stderr
                .take()
                .unwrap()
                .read_to_end(&mut stderr)
                .unwrap();
            let o = Output {
                status,
                stdout,
                stderr,
            };
            assert_no_panic(&o);
            return o;
        }
        if start.elapsed() > std::time::Duration::from_secs(20) {
            child.kill().unwrap();
            panic!("pacte {args:?} hangs");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

/// A repository (a `.git` folder marks its root) in a temporary folder,
/// with a secret file beside it, outside.
fn repository() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("repo");
    std::fs::create_dir_all(repo.join(".git")).unwrap();
    std::fs::create_dir_all(repo.join("annexes")).unwrap();
    std::fs::write(dir.path().join("secret.txt"), "secret\n").unwrap();
    (dir, repo)
}

fn l007_messages(repo: &Path, reference: &str) -> Vec<String> {
    let text = format!(
        "{HEAD}[[annex]]\ntitle = \"Budget\"\nref = \"{reference}\"\nsha256 = \"{}\"\n",
        "0".repeat(64)
    );
    std::fs::write(repo.join("c.toml"), text).unwrap();
    let o = pacte_bounded(&["check", "c.toml", "--format", "json"], repo);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "L007")
        .map(|d| d["message"].as_str().unwrap().to_string())
        .collect()
}

#[cfg(unix)]
#[test]
fn annexes_that_are_special_files_are_not_read() {
    let (_dir, repo) = repository();
    mkfifo(&repo.join("annexes/fifo"));
    std::os::unix::fs::symlink(repo.join("annexes/fifo"), repo.join("annexes/link")).unwrap();
    for reference in ["annexes/fifo", "annexes/link", "annexes"] {
        let m = l007_messages(&repo, reference);
        assert_eq!(m.len(), 1, "{reference}: {m:?}");
        assert!(
            m[0].contains("not a regular file inside the workspace root"),
            "{m:?}"
        );
    }
}

#[cfg(unix)]
#[test]
fn annexes_outside_the_workspace_root_are_refused_without_an_oracle() {
    let (dir, repo) = repository();
    let secret = dir.path().join("secret.txt");
    std::os::unix::fs::symlink(&secret, repo.join("annexes/out")).unwrap();
    let absolute = secret.to_str().unwrap().to_string();
    let missing_abs = dir.path().join("missing.txt").to_str().unwrap().to_string();
    let cases = [
        ("../secret.txt", "../missing.txt"),
        (absolute.as_str(), missing_abs.as_str()),
        ("annexes/out", "annexes/../../missing.txt"),
    ];
    let real = pacte::fingerprint::sha256_hex(b"secret\n");
    for (present, missing) in cases {
        let a = l007_messages(&repo, present);
        let b = l007_messages(&repo, missing);
        assert_eq!(a.len(), 1, "{present}: {a:?}");
        assert!(!a[0].contains(&real) && !a[0].contains("changed"), "{a:?}");
        assert!(
            a[0].contains("not a regular file inside the workspace root"),
            "{a:?}"
        );
        // An outside file that exists and one that does not look the same.
        assert_eq!(
            a[0].replace(present, "REF"),
            b[0].replace(missing, "REF"),
            "{present} / {missing}"
        );
    }
    // Inside, a missing file is said missing, and a changed one changed.
    let m = l007_messages(&repo, "annexes/none.pdf");
    assert!(m[0].contains("is missing"), "{m:?}");
    std::fs::write(repo.join("annexes/b.pdf"), "b").unwrap();
    let m = l007_messages(&repo, "annexes/b.pdf");
    assert!(m[0].contains("changed"), "{m:?}");
}

#[cfg(unix)]
#[test]
fn a_template_symlinked_out_of_the_workspace_is_refused() {
    let (dir, repo) = repository();
    std::fs::create_dir(repo.join("templates")).unwrap();
    std::os::unix::fs::symlink(
        dir.path().join("secret.txt"),
        repo.join("templates/style.css"),
    )
    .unwrap();
    let example = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/festival-campus.toml"),
    )
    .unwrap();
    std::fs::write(repo.join("c.toml"), example).unwrap();
    let o = pacte_bounded(
        &[
            "render",
            "c.toml",
            "--format",
            "html",
            "--templates",
            "templates",
        ],
        &repo,
    );
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("error: template style.css: not a regular file"),
        "{err}"
    );
    assert!(!text(&o.stdout).contains("secret"));
    // A FIFO among the templates is not a template: skipped, without waiting.
    std::fs::remove_file(repo.join("templates/style.css")).unwrap();
    mkfifo(&repo.join("templates/style.css"));
    let o = pacte_bounded(
        &[
            "render",
            "c.toml",
            "--format",
            "html",
            "--templates",
            "templates",
        ],
        &repo,
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
}

#[cfg(unix)]
#[test]
fn a_config_that_is_a_fifo_is_refused() {
    let (_dir, repo) = repository();
    mkfifo(&repo.join("pacte.toml"));
    std::fs::write(repo.join("c.toml"), HEAD).unwrap();
    let o = pacte_bounded(&["--config", "pacte.toml", "check", "c.toml"], &repo);
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert_eq!(
        err.trim_end(),
        "error: cannot read pacte.toml: not a regular file"
    );
    // Found by the upward search, it is not a workspace file: passed over.
    let o = pacte_bounded(&["check", "c.toml"], &repo);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
}

fn example() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/festival-campus.toml"),
    )
    .unwrap()
}

#[cfg(unix)]
#[test]
fn force_replaces_regular_files_only() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("c.toml"), example()).unwrap();
    std::fs::write(d.join("other.txt"), "keep").unwrap();
    mkfifo(&d.join("fifo.md"));
    std::os::unix::fs::symlink(d.join("other.txt"), d.join("link.md")).unwrap();
    for target in ["fifo.md", "link.md"] {
        let o = pacte_bounded(&["render", "c.toml", "-o", target, "--force"], d);
        assert_eq!(o.status.code(), Some(2), "{target}");
        let err = text(&o.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("--force replaces regular files only"), "{err}");
    }
    let fifo = std::fs::symlink_metadata(d.join("fifo.md")).unwrap();
    assert!(std::os::unix::fs::FileTypeExt::is_fifo(&fifo.file_type()));
    assert!(std::fs::symlink_metadata(d.join("link.md"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(
        std::fs::read_to_string(d.join("other.txt")).unwrap(),
        "keep"
    );
    // A regular file is replaced.
    std::fs::write(d.join("old.md"), "old").unwrap();
    let o = pacte_bounded(&["render", "c.toml", "-o", "old.md", "--force"], d);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(std::fs::read_to_string(d.join("old.md")).unwrap().len() > 100);
}

#[cfg(unix)]
#[test]
fn the_input_is_never_overwritten_through_a_hard_link() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("c.toml"), example()).unwrap();
    std::fs::hard_link(d.join("c.toml"), d.join("same.md")).unwrap();
    std::os::unix::fs::symlink(d.join("c.toml"), d.join("sym.md")).unwrap();
    for (cmd, target) in [
        ("render", "same.md"),
        ("report", "same.md"),
        ("render", "sym.md"),
    ] {
        let o = pacte_bounded(&[cmd, "c.toml", "-o", target, "--force"], d);
        assert_eq!(o.status.code(), Some(2), "{cmd} {target}");
        let err = text(&o.stderr);
        assert!(
            err.contains("refusing to write over one of the files being read"),
            "{err}"
        );
    }
    assert_eq!(
        std::fs::read_to_string(d.join("c.toml")).unwrap(),
        example()
    );
}

/// A process id that is not running (a child that has exited).
fn dead_pid() -> u32 {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pacte"))
        .arg("--version")
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

#[test]
fn stale_temporaries_of_a_killed_run_are_removed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("out")).unwrap();
    std::fs::write(d.join("c.toml"), example()).unwrap();
    let stale = format!(".pacte-{}-AbC123.tmp", dead_pid());
    let alive = format!(".pacte-{}-AbC123.tmp", std::process::id());
    for name in [
        &stale,
        &alive,
        &".pacte-notmine".to_string(),
        &".pacte-Ab12Cd".to_string(),
    ] {
        std::fs::write(d.join("out").join(name), "partial").unwrap();
    }
    // Left by an earlier version (no process id), two hours ago.
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    std::fs::File::options()
        .write(true)
        .open(d.join("out/.pacte-Ab12Cd"))
        .unwrap()
        .set_modified(old)
        .unwrap();
    let o = pacte_bounded(&["render", "c.toml", "-o", "out/c.md"], d);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(!d.join("out").join(&stale).exists());
    assert!(!d.join("out/.pacte-Ab12Cd").exists());
    // Another live run's file, and names not ours, are left alone.
    assert!(d.join("out").join(&alive).exists());
    assert!(d.join("out/.pacte-notmine").exists());
}

#[cfg(unix)]
#[test]
fn a_killed_folder_render_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("in")).unwrap();
    let base = example();
    let n = 150;
    for i in 0..n {
        let text = base.replacen(
            "id = \"festival-campus-2027\"",
            &format!("id = \"c{i:03}\""),
            1,
        );
        std::fs::write(d.join("in").join(format!("c{i:03}.toml")), text).unwrap();
    }
    // SIGKILL cannot be caught: only an unnamed temporary file (Linux)
    // leaves nothing then.
    let signals: &[i32] = if cfg!(target_os = "linux") {
        &[libc::SIGTERM, libc::SIGINT, libc::SIGKILL]
    } else {
        &[libc::SIGTERM, libc::SIGINT]
    };
    for &signal in signals {
        let out = d.join(format!("out{signal}"));
        std::fs::create_dir(&out).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_pacte"))
            .args(["render", "in", "-o"])
            .arg(format!("{}/", out.display()))
            .current_dir(d)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Wait until the writing has begun, then interrupt it.
        let start = std::time::Instant::now();
        while std::fs::read_dir(&out).map_or(0, |r| r.count()) == 0 {
            assert!(start.elapsed().as_secs() < 60, "nothing written");
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        unsafe { libc::kill(child.id() as libc::pid_t, signal) };
        let status = child.wait().unwrap();
        let left: Vec<String> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            !left.iter().any(|n| n.starts_with(".pacte-")),
            "{signal}: {left:?}"
        );
        if left.len() < n && signal != libc::SIGKILL {
            // Interrupted (not finished before the signal): 128 + signal.
            assert_eq!(status.code(), Some(128 + signal));
        }
        // Every file there is complete.
        for name in &left {
            let text = std::fs::read_to_string(out.join(name)).unwrap();
            assert!(text.contains("Fait à"), "{name} is cut short");
        }
    }
}

/// Runs pacte with its standard output on `stdout`.
fn with_stdout(args: &[&str], cwd: &Path, stdout: std::process::Stdio) -> Output {
    let o = Command::new(env!("CARGO_BIN_EXE_pacte"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .stdout(stdout)
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap();
    assert_no_panic(&o);
    o
}

#[cfg(unix)]
#[test]
fn an_unwritable_or_closed_stdout_is_one_error_line() {
    use std::os::fd::FromRawFd as _;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("c.toml"), example()).unwrap();
    std::fs::write(d.join("ro"), "").unwrap();
    let cases: [&[&str]; 4] = [
        &["render", "c.toml"],
        &["check", "c.toml", "--format", "json"],
        &["fingerprint", "c.toml"],
        &["check", "c.toml"],
    ];
    for args in cases {
        // A descriptor open for reading only: every write fails (EBADF).
        let ro = std::fs::File::open(d.join("ro")).unwrap();
        let o = with_stdout(args, d, ro.into());
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = text(&o.stderr);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(
            err.starts_with("error: cannot write to standard output"),
            "{err}"
        );
        // A pipe whose reading end is closed (EPIPE).
        let mut fds = [0; 2];
        assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
        unsafe { libc::close(fds[0]) };
        let w = unsafe { std::fs::File::from_raw_fd(fds[1]) };
        let o = with_stdout(args, d, w.into());
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = text(&o.stderr);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(
            err.starts_with("error: cannot write to standard output"),
            "{err}"
        );
    }
}

#[test]
fn terminal_escapes_are_shown_not_sent() {
    let esc = "\\u001b[2J\\u001b]8;;http://x\\u0007lien\\u001b]8;;\\u0007 \\u202Eevil\\u0000";
    let text_ = format!(
        "[convention]\nid = \"hostile\"\ntitle = \"T {esc}\"\nkind = \"realisation\"\n\"k\\u001b[31m\" = \"v {esc}\"\n[[party]]\nid = \"a{esc}\"\n"
    );
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("c.toml"), &text_).unwrap();
    let raw = |s: &str| {
        s.chars()
            .any(|c| c.is_control() && c != '\n' || ('\u{202a}'..='\u{202e}').contains(&c))
    };
    // (JSON and SARIF escape control characters themselves.)
    for format in ["human", "markdown", "github", "junit"] {
        let o = pacte_bounded(
            &["--color", "never", "check", "c.toml", "--format", format],
            d,
        );
        let out = text(&o.stdout);
        assert!(!raw(&out), "{format}: {out:?}");
        if matches!(format, "human" | "markdown" | "github") {
            assert!(out.contains("\\u{1b}"), "{format}: {out}");
        }
    }
    let o = pacte_bounded(&["--color", "never", "status", "c.toml"], d);
    assert!(!raw(&text(&o.stdout)), "{}", text(&o.stdout));
    // An error line names the file: a file name with ESC in it.
    let o = pacte_bounded(&["check", "nope\u{1b}[2J.toml"], d);
    let err = text(&o.stderr);
    assert!(!raw(&err) && err.contains("\\u{1b}"), "{err:?}");
    // Render: escapes shown in Markdown, dropped from HTML.
    let ok = example().replace(
        "title = \"Festival pluridisciplinaire du campus\"",
        &format!("title = \"Festival {esc}\""),
    );
    std::fs::write(d.join("ok.toml"), ok).unwrap();
    let md = pacte_bounded(&["render", "ok.toml"], d);
    assert_eq!(md.status.code(), Some(0), "{}", text(&md.stderr));
    assert!(!raw(&text(&md.stdout)) && text(&md.stdout).contains("\\u{1b}"));
    let html = pacte_bounded(&["render", "ok.toml", "--format", "html"], d);
    let h = text(&html.stdout);
    assert!(
        !raw(&h) && !h.contains("\\u{1b}") && h.contains("Festival [2J"),
        "{h}"
    );
}

/// Raw HTML, images and links outside http, https and mailto in a
/// Markdown document; `allowed_html` are the template's own tags.
fn markdown_dangers(md: &str, allowed_html: &[&str]) -> Vec<String> {
    use pulldown_cmark::{Event, Tag, TagEnd};
    let mut found = Vec::new();
    let mut in_code = false;
    for ev in pulldown_cmark::Parser::new_ext(md, pulldown_cmark::Options::all()) {
        match ev {
            Event::Html(h) | Event::InlineHtml(h)
                if !allowed_html.iter().any(|a| h.trim() == *a) =>
            {
                found.push(format!("html {h:?}"))
            }
            Event::Start(Tag::Image { dest_url, .. }) => found.push(format!("image {dest_url}")),
            Event::Start(Tag::Link { dest_url, .. }) => {
                let d = dest_url.to_ascii_lowercase();
                if !["http:", "https:", "mailto:"]
                    .iter()
                    .any(|s| d.starts_with(s))
                {
                    found.push(format!("link {dest_url}"));
                }
            }
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Text(t) if in_code && t.contains("SUITE") => {
                found.push("the next field is swallowed by a code block".into())
            }
            _ => {}
        }
    }
    found
}

#[test]
fn markdown_fields_cannot_reach_into_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // The purpose opens a fence and defines a reference; the preamble uses
    // it and carries raw HTML; the difficulties do the same in the report.
    let hostile = example()
        .replacen(
            "purpose = \"\"\"\n",
            "purpose = \"\"\"\n[r]: javascript:alert(1)\n\n<script>alert(2)</script>\n\n~~~\n",
            1,
        )
        .replacen(
            "preamble = \"\"\"\n",
            "preamble = \"\"\"\nSUITE [clic][r] <img src=x onerror=alert(3)>\n\n```\n",
            1,
        )
        .replacen(
            "[tracking]\n",
            "[tracking]\ndifficulties = \"~~~\\n[q]: javascript:alert(4)\"\nlessons = \"SUITE [clic][q] <b>x</b>\"\n",
            1,
        );
    std::fs::write(d.join("c.toml"), hostile).unwrap();
    let o = pacte_bounded(&["render", "c.toml"], d);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let md = text(&o.stdout);
    assert!(md.contains("SUITE"), "{md}");
    let found = markdown_dangers(&md, &[]);
    assert!(found.is_empty(), "{found:?}\n{md}");
    let o = pacte_bounded(&["report", "c.toml", "--as-of", "2027-01-15"], d);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let md = text(&o.stdout);
    assert!(md.contains("SUITE"), "{md}");
    let found = markdown_dangers(&md, &["<a id=\"c-festival-campus-2027\">", "</a>"]);
    assert!(found.is_empty(), "{found:?}\n{md}");
}
