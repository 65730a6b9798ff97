//! No panic on any input: corrupted variants of real conventions (lines
//! deleted or duplicated, values replaced by extreme dates, huge or tiny
//! numbers, wrong types, placeholders, very long lines, Markdown and
//! terminal injections, annexes naming a FIFO, a symlink or a path out of
//! the folder) go through the whole pipeline — reading, every rule, the
//! fingerprint, due dates, render and report views — at ordinary and
//! extreme as-of dates.
//!
//! Bounded for `cargo test` (a few hundred variants, seeded, so a failure
//! is reproducible); `bench/fuzz.sh` runs the same with many more cases and
//! other seeds: `PACTE_FUZZ_CASES` (variants checked), `PACTE_FUZZ_RENDERS`
//! (variants rendered), `PACTE_FUZZ_LONG` (the longest long line) and
//! `PACTE_FUZZ_SEED`.

use std::path::Path;

use pacte::check::{check, Options};
use pacte::config::Config;
use pacte::discover::Candidate;

/// A small deterministic generator (xorshift), so failures are reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn env_or(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The seed of a test, changed by `PACTE_FUZZ_SEED`.
fn seed(default: u64) -> u64 {
    (default ^ env_or("PACTE_FUZZ_SEED", 0)).max(1)
}

const NASTY_TOML: &[&str] = &[
    "9999-12-31",
    "0001-01-01",
    "2026-02-28",
    "2024-02-29",
    "-1",
    "0",
    "1",
    "9007199254740992",
    "9007199254740993",
    "1e300",
    "-1e-300",
    "0.0000001",
    "0.5",
    "1.5",
    "nan",
    "inf",
    "\"\"",
    "\"   \"",
    "[]",
    "{}",
    "true",
    "\"TODO\"",
    "\"___\"",
    "\"monthly\"",
    "\"qualified_majority\"",
    "\"each\"",
    "\"ville\"",
    "\"R1\"",
    "\"M1\"",
    "[2026-01-01, 9999-12-31]",
    "{ ville = 1e15 }",
    "\"sha256:0\"",
    "2026-01-01T00:00:00Z",
    "\"\\u0000\"",
    "\"é\u{301}\"",
    "[[1]]",
    "99999999999999999999.5",
    // Markdown reaching into the next field, raw HTML, links.
    "\"~~~\"",
    "\"```\"",
    "\"[r]: javascript:alert(1)\"",
    "\"[x][r] <script>alert(1)</script>\"",
    "\"<!-- open\"",
    // Terminal escapes and bidi overrides.
    "\"\\u001b[2J\\u001b]8;;http://x\\u0007l\\u001b]8;;\\u0007 \\u202e\"",
    // Annexes: a FIFO, a symlink to it, outside the folder (see `special_files`).
    "\"fifo\"",
    "\"link-to-fifo\"",
    "\"../outside.pdf\"",
];

/// A FIFO and a symlink to it beside the variants: an annex `ref` naming
/// them must not block.
fn special_files(dir: &Path) {
    #[cfg(unix)]
    {
        let fifo = dir.join("fifo");
        let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        std::os::unix::fs::symlink(&fifo, dir.join("link-to-fifo")).unwrap();
    }
}

fn mutate(text: &str, rng: &mut Rng) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    for _ in 0..1 + rng.below(4) {
        if lines.is_empty() {
            break;
        }
        let i = rng.below(lines.len());
        match rng.below(7) {
            0 => {
                lines.remove(i);
            }
            1 => {
                let l = lines[i].clone();
                lines.insert(i, l);
            }
            3 => {
                // An annex naming a special file, or a path out of the folder.
                let refs = ["fifo", "link-to-fifo", "../outside.pdf", ".", "fifo/.."];
                lines.push(format!(
                    "[[annex]]\ntitle = \"A\"\nref = \"{}\"\nsha256 = \"{}\"",
                    refs[rng.below(refs.len())],
                    "0".repeat(64)
                ));
            }
            2 => {
                // A very long line.
                if let Some((key, _)) = lines[i].split_once(" = ") {
                    let n = 1 + rng.below(env_or("PACTE_FUZZ_LONG", 20_000) as usize);
                    lines[i] = format!("{key} = \"{}\"", "x".repeat(n));
                }
            }
            _ => {
                if let Some((key, _)) = lines[i].split_once(" = ") {
                    let v = NASTY_TOML[rng.below(NASTY_TOML.len())];
                    lines[i] = format!("{key} = {v}");
                }
            }
        }
    }
    lines.join("\n") + "\n"
}

fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in [
        "examples",
        "examples/incomplete",
        "tests/fixtures/rules/G002",
        "tests/fixtures/rules/L002",
    ] {
        for e in std::fs::read_dir(root.join(dir)).unwrap().flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "toml") {
                out.push((
                    p.file_name().unwrap().to_string_lossy().into(),
                    std::fs::read_to_string(&p).unwrap(),
                ));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn corrupted_conventions_never_panic() {
    let sources = sources();
    let dir = tempfile::tempdir().unwrap();
    special_files(dir.path());
    let config = Config::default();
    let mut rng = Rng(seed(0x9e37_79b9_7f4a_7c15));
    let as_ofs = ["2026-06-15", "0001-01-01", "9999-12-31", "2027-03-01"];
    let mut candidates = Vec::new();
    for i in 0..env_or("PACTE_FUZZ_CASES", 300) as usize {
        let (name, text) = &sources[i % sources.len()];
        let path = dir.path().join(format!("{i:04}-{name}"));
        std::fs::write(&path, mutate(text, &mut rng)).unwrap();
        candidates.push(Candidate {
            path,
            explicit: true,
            matched_glob: false,
        });
    }
    for as_of in as_ofs {
        let opts = Options {
            config: &config,
            as_of: as_of.parse().unwrap(),
            progress: None,
            structure_only: false,
        };
        // Every convention view is built too (render and report read the same model).
        let run = check(&candidates, &opts, |a| {
            let _ = pacte::due::due_items(a.doc, a.cx.as_of);
            a.cx.fingerprint().len()
        })
        .unwrap();
        assert_eq!(run.files.len(), candidates.len());
    }
}

#[test]
fn corrupted_conventions_render_and_report_without_panic() {
    let sources = sources();
    let dir = tempfile::tempdir().unwrap();
    let mut rng = Rng(seed(0x2545_f491_4f6c_dd1d));
    for i in 0..env_or("PACTE_FUZZ_RENDERS", 12) as usize {
        let (name, text) = &sources[i % sources.len()];
        std::fs::write(
            dir.path().join(format!("{i:04}-{name}")),
            mutate(text, &mut rng),
        )
        .unwrap();
    }
    let bin = env!("CARGO_BIN_EXE_pacte");
    for args in [
        vec!["report", ".", "--format", "html", "--as-of", "9999-12-31"],
        vec!["report", ".", "--format", "ics", "--as-of", "0001-01-01"],
        vec!["report", ".", "--format", "json"],
        vec!["status", "."],
    ] {
        let o = std::process::Command::new(bin)
            .args(&args)
            .current_dir(dir.path())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(matches!(o.status.code(), Some(0..=2)), "{args:?}: {err}");
    }
    special_files(dir.path());
    for e in std::fs::read_dir(dir.path()).unwrap().flatten() {
        if e.path().extension().is_none_or(|x| x != "toml") {
            continue;
        }
        for format in ["md", "html"] {
            let o = std::process::Command::new(bin)
                .args(["render", e.path().to_str().unwrap(), "--format", format])
                .output()
                .unwrap();
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(!err.contains("panicked"), "{}: {err}", e.path().display());
            assert!(
                matches!(o.status.code(), Some(0..=2)),
                "{}: {err}",
                e.path().display()
            );
        }
    }
}
