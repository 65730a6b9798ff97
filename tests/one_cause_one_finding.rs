//! RULES.md principle 1: a K, G or L rule whose subject is absent or invalid
//! stays silent; the C or S rule reporting the absence is the only finding.

use std::path::Path;

use pacte::check::{check, Options};
use pacte::config::Config;
use pacte::discover::Candidate;

fn codes(text: &str) -> Vec<&'static str> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    std::fs::write(&path, text).unwrap();
    let config = Config::default();
    let opts = Options {
        config: &config,
        as_of: "2026-06-15".parse().unwrap(),
        progress: None,
        structure_only: false,
    };
    let c = Candidate {
        path,
        explicit: true,
        matched_glob: false,
    };
    let run = check(&[c], &opts, |_| ()).unwrap();
    let mut codes: Vec<&'static str> = run
        .reports()
        .flat_map(|r| r.diagnostics.iter().map(|d| d.code.as_str()))
        .collect();
    codes.sort();
    codes
}

fn base() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base.toml"))
        .unwrap()
}

/// The base without the table starting at `header` (up to the next table).
fn without(text: &str, header: &str) -> String {
    let start = text.find(header).unwrap_or_else(|| panic!("{header}"));
    let rest = &text[start + header.len()..];
    let end = rest
        .find("\n[")
        .map(|i| start + header.len() + i + 1)
        .unwrap_or(text.len());
    format!("{}{}", &text[..start], &text[end..])
}

#[test]
fn the_base_is_clean() {
    assert!(codes(&base()).is_empty());
}

#[test]
fn no_decision_gives_c005_alone() {
    assert_eq!(codes(&without(&base(), "[decision]")), ["C005"]);
}

#[test]
fn no_roles_gives_c007_alone() {
    let mut t = base();
    while t.contains("[[role]]") {
        t = without(&t, "[[role]]");
    }
    assert_eq!(codes(&t), ["C007"]);
}

#[test]
fn inverted_period_gives_k001_alone() {
    let t = base().replace("end = 2026-11-30", "end = 2026-01-15");
    assert_eq!(codes(&t), ["K001"]);
}

#[test]
fn no_representative_gives_no_g001_or_g003() {
    // The officer names the theatre's representative, whose signatory has no mandate.
    let t = base()
        .replace("name = \"Karim Benali\"", "name = \"Sophie Lambert\"")
        .replace(
            "signatory = { name = \"Sophie Lambert\", title = \"Présidente\" }",
            "signatory = { name = \"Marc Petit\", title = \"Trésorier\" }",
        );
    let with = codes(&t);
    assert!(with.contains(&"G001") && with.contains(&"G003"), "{with:?}");
    let t = t.replace(
        "representative = { name = \"Sophie Lambert\", title = \"Présidente\", gender = \"f\" }\n",
        "",
    );
    assert_eq!(codes(&t), Vec::<&str>::new());
}

#[test]
fn a_present_but_incomplete_table_is_still_judged() {
    // [decision] without `rule`: C005, and G004/G008 still judge minutes and conflicts.
    let t = base()
        .replace("rule = \"consensus\"\n", "")
        .replace("minutes = true\n", "")
        .replace("conflicts = \"Médiation par la direction des affaires culturelles, puis par un médiateur choisi d'un commun accord\"\n", "");
    assert_eq!(codes(&t), ["C005", "G004", "G008"]);
}

#[test]
fn an_invalid_value_gives_s003_alone() {
    let t = base().replace("budget = 42000", "budget = \"quarante-deux mille\"");
    assert_eq!(codes(&t), ["S003"]);
    let t = base().replace("end = 2026-11-30", "end = 2026-11-31T00:00:00");
    assert!(
        codes(&t).iter().all(|c| c.starts_with('S')),
        "{:?}",
        codes(&t)
    );
}

#[test]
fn a_clause_of_unreadable_kind_may_be_the_one_asked_for() {
    // An invalid `clause.kind` (S003) could be the repayment, control or
    // republican-commitment clause: C015, C008 and F003 stay silent.
    let cpo = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/cpo-ateliers-vercors.toml"),
    )
    .unwrap();
    for kind in ["repayment", "republican_commitment", "control"] {
        let needle = format!("kind = \"{kind}\"");
        assert!(cpo.contains(&needle), "{kind}");
        let text = cpo.replace(&needle, "kind = \"remboursement\"");
        let found: Vec<_> = codes(&text).into_iter().filter(|c| *c != "L004").collect();
        assert_eq!(found, ["S003"], "{kind}");
    }
}
