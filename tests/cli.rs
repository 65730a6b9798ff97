//! Command-line tests as files: each `tests/cmd/*.toml` runs `pacte` from
//! the repository root and compares its output with the files beside it.
//! Regenerate after an intended change with `TRYCMD=overwrite cargo test --test cli`.

#[test]
fn cli() {
    // Every case chooses its language of messages (`[env.add] PACTE_LANG`),
    // so that none depends on this repository's pacte.toml (`lang = "fr"`)
    // or on the machine's locale; this test fails on a case that does not.
    let mut unset = Vec::new();
    for entry in std::fs::read_dir("tests/cmd").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let text = std::fs::read_to_string(&path).unwrap();
            if !text.contains("PACTE_LANG = ") {
                unset.push(path.display().to_string());
            }
        }
    }
    assert!(unset.is_empty(), "cases without PACTE_LANG: {unset:?}");
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
