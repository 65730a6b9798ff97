//! One fixture pair per rule: `tests/fixtures/rules/CODE/fires.*` must
//! produce the rule's code, `passes.*` must not (and must have no
//! structure error). Further cases of a rule are `fires-WHAT.*` and
//! `passes-WHAT.*` beside them, judged the same way. Checked at the as-of
//! date 2026-06-15.

use std::path::{Path, PathBuf};

use pacte::check::{check, Options};
use pacte::config::Config;
use pacte::discover::Candidate;
use pacte::rules::CATALOGUE;

const AS_OF: &str = "2026-06-15";

fn find(dir: &Path, stem: &str) -> Option<PathBuf> {
    ["toml", "yaml", "yml"]
        .iter()
        .map(|ext| dir.join(format!("{stem}.{ext}")))
        .find(|p| p.is_file())
}

/// The further cases `PREFIX-*.{toml,yaml,yml}` of a rule, sorted.
fn more(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&format!("{prefix}-")))
                && p.extension()
                    .is_some_and(|e| e == "toml" || e == "yaml" || e == "yml")
        })
        .collect();
    out.sort();
    out
}

fn codes(path: &Path) -> Vec<&'static str> {
    let config = Config {
        root: path.parent().unwrap().to_path_buf(),
        ..Config::default()
    };
    let opts = Options {
        config: &config,
        as_of: AS_OF.parse().unwrap(),
        progress: None,
        structure_only: false,
    };
    let candidate = Candidate {
        path: path.to_path_buf(),
        explicit: true,
        matched_glob: false,
    };
    let run = check(&[candidate], &opts, |_| ()).expect("the check runs");
    run.reports()
        .flat_map(|r| r.diagnostics.iter().map(|d| d.code.as_str()))
        .collect()
}

#[test]
fn every_rule_has_a_fixture_pair_that_behaves() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
    let mut problems = Vec::new();
    for rule in CATALOGUE.iter() {
        let code = rule.meta().code.as_str();
        let dir = root.join(code);
        let fires = find(&dir, "fires");
        if fires.is_none() {
            problems.push(format!("{code}: no fires.* fixture"));
        }
        for f in fires.into_iter().chain(more(&dir, "fires")) {
            let found = codes(&f);
            if !found.contains(&code) {
                problems.push(format!(
                    "{code}: {} does not fire it (found {found:?})",
                    f.display()
                ));
            }
        }
        let passes = find(&dir, "passes");
        if passes.is_none() {
            problems.push(format!("{code}: no passes.* fixture"));
        }
        for f in passes.into_iter().chain(more(&dir, "passes")) {
            let found = codes(&f);
            if found.contains(&code) {
                problems.push(format!("{code}: {} fires it", f.display()));
            }
            if let Some(s) = found.iter().find(|c| c.starts_with('S')) {
                problems.push(format!("{code}: {} has a structure error {s}", f.display()));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "fixture problems:\n{}",
        problems.join("\n")
    );
}
