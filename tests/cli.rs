//! Command-line tests as files: each `tests/cmd/*.toml` runs `pacte` from
//! the repository root and compares its output with the files beside it.
//! Regenerate after an intended change with `TRYCMD=overwrite cargo test --test cli`.

#[test]
fn cli() {
    // The language of messages is chosen explicitly, so that the cases do
    // not depend on this repository's pacte.toml (`lang = "fr"`) or on the
    // machine's locale; the French cases set `PACTE_LANG = "fr"` themselves.
    trycmd::TestCases::new()
        .env("PACTE_LANG", "en")
        .case("tests/cmd/*.toml");
}
