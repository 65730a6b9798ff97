//! Levels from `pacte.toml`, waivers and completeness, through the library.

use std::path::{Path, PathBuf};

use pacte::check::{check, FileReport, Options};
use pacte::config::Config;
use pacte::diagnostic::Level;
use pacte::discover::Candidate;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn run(path: &Path, config: &Config) -> FileReport {
    let opts = Options {
        config,
        as_of: "2026-06-15".parse().unwrap(),
        progress: None,
        structure_only: false,
    };
    let c = Candidate {
        path: path.to_path_buf(),
        explicit: true,
        matched_glob: false,
    };
    let mut run = check(&[c], &opts, |_| ()).unwrap();
    run.files.remove(0).0
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn base() -> String {
    std::fs::read_to_string(root().join("tests/fixtures/base.toml")).unwrap()
}

fn severity(r: &FileReport, code: &str) -> Option<Level> {
    r.diagnostics
        .iter()
        .find(|d| d.code.as_str() == code)
        .map(|d| d.severity)
}

#[test]
fn config_levels_apply_for_every_kind_or_one() {
    let config = Config::read(&root().join("tests/fixtures/config/strict.toml")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let no_officer = base().replace("[officer]\nname = \"Karim Benali\"\nparty = \"theatre\"\nemail = \"partenariats@theatre-des-pentes.fr\"\n", "");
    let p = write(dir.path(), "a.toml", &no_officer);
    // G009 is info since revision 1.1.
    assert_eq!(
        severity(&run(&p, &Config::default()), "G009"),
        Some(Level::Info)
    );
    assert_eq!(severity(&run(&p, &config), "G009"), Some(Level::Error));

    // C014 off for realisation only.
    let no_report = {
        let b = base();
        let start = b.find("[[report]]").unwrap();
        let end = b.find("[audit]").unwrap();
        format!("{}{}", &b[..start], &b[end..])
    };
    let p = write(dir.path(), "b.toml", &no_report);
    assert_eq!(
        severity(&run(&p, &Config::default()), "C014"),
        Some(Level::Warning)
    );
    assert_eq!(severity(&run(&p, &config), "C014"), None);
    let protocole = no_report.replace("kind = \"realisation\"", "kind = \"protocole\"");
    let p = write(dir.path(), "c.toml", &protocole);
    assert_eq!(severity(&run(&p, &config), "C014"), Some(Level::Info));

    // K013: error unless draft by default; the config holds whatever the status.
    let todo = base().replace("place = \"Lyon\"", "place = \"TODO\"");
    let p = write(dir.path(), "d.toml", &todo);
    assert_eq!(
        severity(&run(&p, &Config::default()), "K013"),
        Some(Level::Warning)
    );
    let signed = todo.replace("status = \"draft\"", "status = \"closed\"");
    let p = write(dir.path(), "e.toml", &signed);
    assert_eq!(
        severity(&run(&p, &Config::default()), "K013"),
        Some(Level::Error)
    );
    assert_eq!(severity(&run(&p, &config), "K013"), Some(Level::Warning));
}

#[test]
fn waivers_suppress_count_and_cannot_hide_structure() {
    let dir = tempfile::tempdir().unwrap();
    let waived = format!(
        "{}\n[[waiver]]\nrule = \"G009\"\nreason = \"L'officier sera nommé au premier comité\"\n",
        base().replace("[officer]\nname = \"Karim Benali\"\nparty = \"theatre\"\nemail = \"partenariats@theatre-des-pentes.fr\"\n", "")
    );
    let r = run(&write(dir.path(), "a.toml", &waived), &Config::default());
    assert_eq!(severity(&r, "G009"), None);
    assert_eq!(r.waived, 1);
    assert_eq!(severity(&r, "K014"), None);

    let structure = format!("{}\n[[waiver]]\nrule = \"S002\"\nreason = \"…\"\n", base());
    let r = run(&write(dir.path(), "b.toml", &structure), &Config::default());
    assert_eq!(severity(&r, "S003"), Some(Level::Error));
    assert_eq!(r.completeness, None, "S errors make completeness null");

    let unknown = format!("{}\n[[waiver]]\nrule = \"G999\"\nreason = \"…\"\n", base());
    let r = run(&write(dir.path(), "c.toml", &unknown), &Config::default());
    assert_eq!(severity(&r, "S005"), Some(Level::Error));
}

#[test]
fn completeness_is_passed_over_applicable_error_clauses() {
    let r = run(
        &root().join("examples/incomplete/atelier-velo.toml"),
        &Config::default(),
    );
    // realisation: C001–C010 apply at error (C011–C013 are off, C014 a warning);
    // C006, C008, C009 and C010 fire.
    assert_eq!(r.completeness, Some(0.6));
    let r = run(&root().join("tests/fixtures/base.toml"), &Config::default());
    assert_eq!(r.completeness, Some(1.0));
    // A waived clause counts as passed.
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join("examples/incomplete/atelier-velo.toml"))
        .unwrap()
        + "\n[[waiver]]\nrule = \"C008\"\nreason = \"L'évaluation fera l'objet d'un avenant\"\n";
    let r = run(&write(dir.path(), "w.toml", &text), &Config::default());
    assert_eq!(r.completeness, Some(0.7));
}
