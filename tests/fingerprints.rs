//! Revision 1.1 keeps every file that was valid before valid, with the same
//! fingerprint: each fixture of revision 1.0, and a frozen copy of each
//! revision-1.0 example (`tests/fixtures/rev1.0/`), still has the
//! fingerprint recorded in `tests/fixtures/fingerprints-1.0.txt`, and still
//! checks clean of structure errors.

use std::path::Path;

use pacte::config::Config;

#[test]
fn revision_1_0_files_keep_their_fingerprints() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let list = std::fs::read_to_string(root.join("tests/fixtures/fingerprints-1.0.txt"))
        .expect("the list of fingerprints");
    let mut checked = 0;
    let mut problems = Vec::new();
    for line in list
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (path, expected) = line.split_once(' ').expect("PATH FINGERPRINT");
        let file = root.join(path);
        let config = Config {
            root: file.parent().unwrap().to_path_buf(),
            ..Config::default()
        };
        match pacte::commands::fingerprint(&file, &config) {
            Ok(found) if found == expected => {}
            Ok(found) => problems.push(format!("{path}: {found}, was {expected}")),
            Err(e) => problems.push(format!("{path}: {e:#}")),
        }
        checked += 1;
    }
    assert!(
        problems.is_empty(),
        "changed fingerprints:\n{}",
        problems.join("\n")
    );
    // Every frozen example is listed, and the list is not a stub.
    let frozen = std::fs::read_dir(root.join("tests/fixtures/rev1.0"))
        .unwrap()
        .count();
    assert_eq!(frozen, 5);
    assert!(list.matches("tests/fixtures/rev1.0/").count() == frozen);
    assert!(checked > 100, "only {checked} files checked");
}

#[test]
fn frozen_examples_carry_their_signatures_fingerprint() {
    // The signed revision-1.0 examples were signed with the fingerprint that
    // the list records: the list is the one their signatures carry.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let list = std::fs::read_to_string(root.join("tests/fixtures/fingerprints-1.0.txt")).unwrap();
    for line in list
        .lines()
        .filter(|l| l.starts_with("tests/fixtures/rev1.0/"))
    {
        let (path, expected) = line.split_once(' ').unwrap();
        let text = std::fs::read_to_string(root.join(path)).unwrap();
        for fp in text
            .lines()
            .filter_map(|l| l.trim().strip_prefix("fingerprint"))
        {
            let value = fp
                .trim_start_matches([' ', '=', ':'])
                .trim()
                .trim_matches('"');
            assert_eq!(
                value, expected,
                "{path}: a signature carries another fingerprint"
            );
        }
    }
}
