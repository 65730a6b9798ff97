//! Command-line tests as files: each `tests/cmd/*.toml` runs `pacte` from
//! the repository root and compares its output with the files beside it.
//! Regenerate after an intended change with `TRYCMD=overwrite cargo test --test cli`.

#[test]
fn cli() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
