//! Rendering a `subvention` (revision 1.1): the financial article is about
//! the grant, designations follow the parties block, typed clauses keep
//! their own titles and `amendment_procedure` replaces the standard
//! sentence of the amendments article.

use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_pacte");

fn render(lang: &str, format: &str) -> String {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/cpo-ateliers-vercors.toml");
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("cpo.toml");
    std::fs::copy(&example, &src).unwrap();
    let out = Command::new(BIN)
        .current_dir(dir.path())
        .args(["render", "cpo.toml", "--lang", lang, "--format", format])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_grant_reads_as_a_grant_convention_in_french() {
    let md = render("fr", "md");
    assert!(md.contains("**Convention attributive de subvention**"));
    // Designations, with French quotation marks and no-break spaces.
    assert!(md.contains(", ci-après «\u{a0}le Département\u{a0}»"));
    assert!(md.contains(", ci-après «\u{a0}l'Association\u{a0}»"));
    // The financial article: per funder and per year, payments, conditions of use.
    assert!(md.contains("– Montant, versement et conditions d’utilisation de la subvention"));
    assert!(md.contains("Le Département accorde une subvention d’un montant total de 90\u{202f}000,00\u{a0}€ au titre des exercices 2026, 2027 et 2028."));
    assert!(md.contains("**Subvention par financeur et par exercice**"));
    assert!(md.contains("| Département de l'Isère | 2027 | financière | 30\u{202f}000,00\u{a0}€ |"));
    assert!(md.contains("**Échéancier des versements**"));
    assert!(md.contains("**Conditions d’utilisation**\n\nLa subvention finance exclusivement"));
    // Typed clauses under their own titles.
    for title in [
        "Contrôle",
        "Reversement",
        "Contrat d'engagement républicain",
    ] {
        assert!(md.contains(&format!(" – {title}\n")), "{title}");
    }
    // The amendment procedure replaces the standard sentence, once.
    let amendments = md
        .split("– Modifications\n")
        .nth(1)
        .expect("an amendments article");
    assert!(amendments.trim_start().starts_with("Toute modification de la présente convention fait l'objet d'un avenant\napprouvé par la commission permanente"));
    assert!(!md.contains("signé par toutes les parties"));
    assert_eq!(
        md.matches("approuvé par la commission permanente").count(),
        1
    );
}

#[test]
fn a_grant_reads_as_a_grant_agreement_in_english_and_html() {
    let md = render("en", "md");
    assert!(md.contains("**Grant agreement**"));
    assert!(md.contains(", hereinafter “le Département”"));
    assert!(md.contains("– Amount, payment and conditions of use of the grant"));
    assert!(md.contains("**The grant, by funder and budget year**"));
    assert!(md.contains(
        "Le Département grants a total of €90,000.00 for the budget years 2026, 2027 and 2028."
    ));
    assert!(md.contains("| Contributor | Budget year |"));
    assert!(!md.contains("signed by all Parties"));
    let html = render("fr", "html");
    assert!(html.contains("<h3>Conditions d’utilisation</h3>"));
    assert!(html.contains("<th>Exercice</th>"));
    assert!(!html.contains("signé par toutes les parties"));
}
