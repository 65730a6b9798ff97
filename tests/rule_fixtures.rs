//! One fixture pair per rule: `tests/fixtures/rules/CODE/fires.*` must
//! produce the rule's code, `passes.*` must not (and must have no
//! structure error). Checked at the as-of date 2026-06-15.

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

fn codes(path: &Path) -> Vec<&'static str> {
    let config = Config {
        root: path.parent().unwrap().to_path_buf(),
        ..Config::default()
    };
    let opts = Options {
        config: &config,
        as_of: AS_OF.parse().unwrap(),
        progress: None,
    };
    let candidate = Candidate {
        path: path.to_path_buf(),
        explicit: true,
        matched_glob: false,
    };
    let run = check(&[candidate], &opts, |_| ()).expect("the check runs");
    run.reports()
        .flat_map(|r| r.diagnostics.iter().map(|d| d.code))
        .collect()
}

#[test]
fn every_rule_has_a_fixture_pair_that_behaves() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
    let mut problems = Vec::new();
    for rule in CATALOGUE.iter() {
        let code = rule.meta().code;
        let dir = root.join(code);
        match find(&dir, "fires") {
            None => problems.push(format!("{code}: no fires.* fixture")),
            Some(f) => {
                let found = codes(&f);
                if !found.contains(&code) {
                    problems.push(format!(
                        "{code}: {} does not fire it (found {found:?})",
                        f.display()
                    ));
                }
            }
        }
        match find(&dir, "passes") {
            None => problems.push(format!("{code}: no passes.* fixture")),
            Some(f) => {
                let found = codes(&f);
                if found.contains(&code) {
                    problems.push(format!("{code}: {} fires it", f.display()));
                }
                if let Some(s) = found.iter().find(|c| c.starts_with('S')) {
                    problems.push(format!("{code}: {} has a structure error {s}", f.display()));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "fixture problems:\n{}",
        problems.join("\n")
    );
}
