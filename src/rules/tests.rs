//! Guards of the catalogue.

use super::*;

#[test]
fn the_catalogue_holds_every_code_in_its_order() {
    let codes: Vec<Code> = CATALOGUE.iter().map(|r| r.meta().code).collect();
    assert_eq!(
        codes,
        Code::ALL,
        "the catalogue and Code::ALL must list the same codes"
    );
    for code in Code::ALL {
        assert_eq!(meta(code).code, code);
    }
}

#[test]
fn codes_are_unique_sorted_and_named() {
    let codes: Vec<&str> = CATALOGUE.iter().map(|r| r.meta().code.as_str()).collect();
    let mut sorted = codes.clone();
    // Families in the order of RULES.md (S, C, K, G, F, L), codes ascending within each.
    let family = |c: &str| "SCKGFL".find(&c[..1]).expect("a known family letter");
    sorted.sort_by_key(|c| (family(c), c.to_string()));
    sorted.dedup();
    assert_eq!(codes, sorted, "codes must be unique and listed in order");
    for r in CATALOGUE.iter() {
        let m = r.meta();
        let letter = &m.code.as_str()[..1];
        let expected = match m.family {
            Family::Structure => "S",
            Family::Clauses => "C",
            Family::Consistency => "K",
            Family::Governance => "G",
            Family::FrenchLaw => "F",
            Family::Lifecycle => "L",
        };
        assert_eq!(letter, expected, "{} is filed in the wrong family", m.code);
    }
    let mut names: Vec<&str> = CATALOGUE.iter().map(|r| r.meta().name).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), codes.len(), "names must be unique");
}

#[test]
fn every_rule_is_documented() {
    for r in CATALOGUE.iter() {
        let m = r.meta();
        let doc = m.explanation();
        for section in [
            "## What it checks",
            "## Why it matters",
            "## Example",
            "## Fix",
        ] {
            assert!(doc.contains(section), "{} lacks `{section}`", m.code);
        }
        assert!(
            !m.summary.is_empty() && !m.help.is_empty(),
            "{} lacks summary or help",
            m.code
        );
    }
}

#[test]
fn code_list_snapshot() {
    let list: Vec<String> = CATALOGUE
        .iter()
        .map(|r| {
            format!(
                "{} {} {}",
                r.meta().code,
                r.meta().name,
                crate::present::messages::levels(r.meta().levels, crate::model::Lang::En)
            )
        })
        .collect();
    insta::assert_snapshot!(list.join("\n"));
}

#[test]
fn names_compare_ignoring_case_accents_and_spaces() {
    assert!(same_name("Hélène  Dupré", "helene dupre"));
    assert!(!same_name("Hélène Dupré", "Hélène Dupont"));
}
