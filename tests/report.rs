//! `pacte status` and `pacte report`: snapshots of every format on the
//! bundled examples and on tests/fixtures/report/, the calendar parsed back
//! by an iCalendar parser, and the HTML checked for self-containment.
//! Update snapshots after an intended change with `cargo insta accept`
//! (or `INSTA_UPDATE=always cargo test --test report`).

use std::path::Path;
use std::process::Command;

const FIXTURE: &str = "tests/fixtures/report/suivi.toml";
const BROKEN: &str = "tests/fixtures/report/broken.toml";

fn pacte(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pacte"))
        .args(args)
        .args(["--color", "never"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        // Messages in English, whatever this repository's pacte.toml says.
        .env("PACTE_LANG", "en")
        .output()
        .expect("pacte runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    )
}

fn ok(args: &[&str]) -> String {
    let (code, out, err) = pacte(args);
    assert_eq!(code, 0, "pacte {args:?} failed: {err}");
    out
}

/// Snapshots live beside the fixtures, in tests/fixtures/report/snapshots/.
macro_rules! snap {
    ($name:expr, $args:expr) => {
        insta::with_settings!({
            snapshot_path => "fixtures/report/snapshots",
            prepend_module_to_snapshot => false,
        }, {
            insta::assert_snapshot!($name, ok(&$args));
        });
    };
}

#[test]
fn snapshots_examples() {
    for as_of in ["2026-11-24", "2027-03-01"] {
        for format in ["md", "html", "json", "ics"] {
            snap!(
                format!("examples-{as_of}.{format}"),
                ["report", "examples", "--as-of", as_of, "--format", format]
            );
        }
        snap!(
            format!("status-examples-{as_of}"),
            ["status", "examples", "--as-of", as_of]
        );
        snap!(
            format!("status-examples-{as_of}.json"),
            ["status", "examples", "--as-of", as_of, "--format", "json"]
        );
    }
    // One convention in English: its bilan, in its own language.
    snap!(
        "bilan-community-energy.md",
        [
            "report",
            "examples/community-energy.toml",
            "--as-of",
            "2027-03-01"
        ]
    );
    // A YAML convention in XOF, reported in English on demand.
    snap!(
        "bilan-jardins-en.html",
        [
            "report",
            "examples/jardins-maraichers.yaml",
            "--as-of",
            "2027-03-01",
            "--format",
            "html",
            "--lang",
            "en"
        ]
    );
}

#[test]
fn snapshots_fixture() {
    for as_of in ["2027-03-01", "2027-05-01", "2027-06-15"] {
        for format in ["md", "html", "json", "ics"] {
            snap!(
                format!("fixture-{as_of}.{format}"),
                ["report", FIXTURE, "--as-of", as_of, "--format", format]
            );
        }
    }
    snap!(
        "fixture-with-broken.md",
        ["report", FIXTURE, BROKEN, "--as-of", "2027-05-01"]
    );
    snap!(
        "status-fixture-with-broken",
        ["status", FIXTURE, BROKEN, "--as-of", "2027-05-01"]
    );
}

fn json(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&ok(args)).expect("valid JSON")
}

#[test]
fn json_matches_the_lifecycle_rules() {
    // `overdue` is exactly what L001, L002 and L008 report.
    for as_of in ["2026-11-24", "2027-03-01", "2027-09-01"] {
        let report = json(&["report", "examples", "--as-of", as_of, "--format", "json"]);
        let check = json(&["check", "examples", "--as-of", as_of, "--format", "json"]);
        let overdue: usize = report["conventions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["overdue"].as_array().unwrap().len())
            .sum();
        let fired = check["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| ["L001", "L002", "L008"].iter().any(|c| d["code"] == *c))
            .count();
        assert_eq!(overdue, fired, "as of {as_of}");
        assert_eq!(report["totals"]["overdue"], overdue);
    }
    // Nothing is overdue in a draft.
    let report = json(&[
        "report",
        "examples/protocole-transition-energetique.toml",
        "--as-of",
        "2030-06-01",
        "--format",
        "json",
    ]);
    let c = &report["conventions"][0];
    assert_eq!(c["status"], "draft");
    assert_eq!(c["overdue"], serde_json::json!([]));
}

#[test]
fn json_shape_and_exact_amounts() {
    let v = json(&[
        "report",
        FIXTURE,
        BROKEN,
        "--as-of",
        "2027-05-01",
        "--format",
        "json",
    ]);
    assert_eq!(v["as_of"], "2027-05-01");
    let s = &v["conventions"][1];
    for key in [
        "file",
        "id",
        "title",
        "kind",
        "status",
        "completeness",
        "errors",
        "warnings",
        "budget",
        "spent",
        "currency",
        "next_deadline",
        "overdue",
        "upcoming",
    ] {
        assert!(s.get(key).is_some(), "missing {key}");
    }
    assert_eq!(s["id"], "suivi-festival");
    // 1200 + 5400.50 + 9000 + 300, exact.
    let text = ok(&[
        "report",
        FIXTURE,
        "--as-of",
        "2027-05-01",
        "--format",
        "json",
    ]);
    assert!(text.contains("\"spent\": 15900.5,"), "{text}");
    assert_eq!(s["next_deadline"]["due"], "2027-05-22");
    // The broken file is listed with a null completeness.
    let b = &v["conventions"][0];
    assert_eq!(b["id"], "convention-cassee");
    assert!(b["completeness"].is_null());
    assert!(b["errors"].as_u64().unwrap() > 0);
    let t = &v["totals"];
    assert_eq!(t["conventions"], 2);
    assert_eq!(t["by_status"]["active"], 2);
    assert_eq!(t["contributions_by_sector"]["EUR"]["public"], 30000);
    // Status JSON is the same document.
    let st = json(&[
        "status",
        FIXTURE,
        BROKEN,
        "--as-of",
        "2027-05-01",
        "--format",
        "json",
    ]);
    assert_eq!(st, v);
}

fn unfold(ics: &str) -> String {
    ics.replace("\r\n ", "")
}

#[test]
fn ics_parses_back_with_stable_uids() {
    let text = ok(&[
        "report",
        "examples",
        "--as-of",
        "2027-03-01",
        "--format",
        "ics",
    ]);
    // RFC 5545: CRLF line ends, lines of at most 75 octets.
    for line in text.split_terminator("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
        assert!(!line.contains('\n'), "bare LF in {line:?}");
    }
    let unfolded = unfold(&text);
    let cal = icalendar::parser::read_calendar(&unfolded).expect("a valid calendar");
    let events: Vec<_> = cal
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect();
    let prop = |c: &icalendar::parser::Component<'_>, name: &str| -> String {
        c.properties
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.val.to_string())
            .unwrap_or_default()
    };
    let uids: Vec<String> = events.iter().map(|e| prop(e, "UID")).collect();
    assert!(uids.contains(&"festival-campus-2027/milestone/M2/1@pacte".to_string()));
    assert!(uids.contains(&"cork-community-energy/report/R1/2@pacte".to_string()));
    let mut unique = uids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), uids.len(), "UIDs are unique");
    let m2 = events
        .iter()
        .find(|e| prop(e, "UID") == "festival-campus-2027/milestone/M2/1@pacte")
        .unwrap();
    assert_eq!(prop(m2, "DTSTART"), "20270131");
    assert_eq!(prop(m2, "DTSTAMP"), "20270301T000000Z");
    assert!(prop(m2, "SUMMARY").contains("Programmation arrêtée"));
    // The English convention's events are in English.
    let cork = events
        .iter()
        .find(|e| prop(e, "UID") == "cork-community-energy/milestone/M1/1@pacte")
        .unwrap();
    assert!(prop(cork, "SUMMARY").starts_with("Milestone M1"));
    // Every milestone and report due date of the JSON is an event.
    let v = json(&[
        "report",
        "examples",
        "--as-of",
        "2027-03-01",
        "--format",
        "json",
    ]);
    assert!(v["conventions"].as_array().unwrap().len() == 6);
    // The same input gives the same bytes; another as-of date keeps the UIDs.
    assert_eq!(
        text,
        ok(&[
            "report",
            "examples",
            "--as-of",
            "2027-03-01",
            "--format",
            "ics"
        ])
    );
    let later = unfold(&ok(&[
        "report",
        "examples",
        "--as-of",
        "2027-04-01",
        "--format",
        "ics",
    ]));
    for uid in &uids {
        assert!(later.contains(&format!("UID:{uid}")), "{uid} kept");
    }
}

#[test]
fn ics_escapes_text() {
    let text = unfold(&ok(&[
        "report",
        FIXTURE,
        "--as-of",
        "2027-05-01",
        "--format",
        "ics",
    ]));
    assert!(text.contains("X-WR-CALNAME:Suivi : festival <du> campus & « quartier »"));
    let cal = icalendar::parser::read_calendar(&text).expect("a valid calendar");
    assert!(cal.components.iter().any(|c| c.name == "VEVENT"));
}

#[test]
fn html_is_self_contained_with_charts() {
    for args in [
        vec![
            "report",
            "examples",
            "--as-of",
            "2027-03-01",
            "--format",
            "html",
        ],
        vec![
            "report",
            FIXTURE,
            "--as-of",
            "2027-05-01",
            "--format",
            "html",
        ],
    ] {
        let html = ok(&args);
        let lower = html.to_lowercase();
        assert!(!lower.contains("<script"), "no script");
        assert!(!lower.contains("src="), "no src attribute");
        assert!(!lower.contains("url("), "no CSS url()");
        assert!(!lower.contains("<link"), "no stylesheet link");
        assert!(!lower.contains("@import"), "no CSS import");
        assert!(html.contains("class=\"chart timeline\""));
        assert!(html.contains("class=\"as-of\""));
        assert!(html.contains("class=\"chart budget\""));
        assert!(html.starts_with("<!DOCTYPE html>"));
    }
    let portfolio = ok(&[
        "report",
        "examples",
        "--as-of",
        "2027-03-01",
        "--format",
        "html",
    ]);
    assert!(portfolio.contains("class=\"chart sectors\""));
    // The only http text of the examples' report is the SVG namespace.
    let lower = portfolio.to_lowercase();
    assert_eq!(
        lower.matches("http").count(),
        lower
            .matches("xmlns=\"http://www.w3.org/2000/svg\"")
            .count()
    );
    // Values are escaped; Markdown fields lose raw HTML and unsafe links.
    let bilan = ok(&[
        "report",
        FIXTURE,
        "--as-of",
        "2027-05-01",
        "--format",
        "html",
    ]);
    assert!(bilan.contains("festival &lt;du&gt; campus &amp; « quartier »"));
    assert!(!bilan.contains("<du>"));
    assert!(!bilan.contains("javascript:"));
    assert!(!bilan.contains("<script"));
    assert!(bilan.contains("href=\"https://example.org/cr\""));
    assert!(bilan.contains("Bilan d&#39;exécution") || bilan.contains("Bilan d'exécution"));
}

#[test]
fn bilan_of_one_convention() {
    let md = ok(&["report", FIXTURE, "--as-of", "2027-05-01"]);
    assert!(md.starts_with("# Bilan d'exécution — "));
    // M1 on time, M2 late; RF no. 1 submitted late, no. 2 overdue; R1 missing.
    assert!(md.contains(
        "| M1 | Dépôt du dossier de subvention | 15 octobre 2026 | Fait le 12 octobre 2026 |"
    ));
    assert!(md.contains("Fait le 10 février 2027, avec 10 jours de retard"));
    assert!(md.contains("En retard de 62 jours"));
    // The Communication line is overspent; Déchets decreases 500 -> 350 toward 200.
    assert!(md.contains("5\u{202F}400,50\u{A0}€ (dépassement)"), "{md}");
    assert!(md.contains("| O1 | Déchets | 500\u{A0}kg |"));
    assert!(md.contains("50\u{202F}% (non atteint)"));
    assert!(md.contains("Très bons retours"));
    let en = ok(&["report", FIXTURE, "--as-of", "2027-05-01", "--lang", "en"]);
    assert!(en.starts_with("# Execution report — "));
    let cork = ok(&[
        "report",
        "examples/community-energy.toml",
        "--as-of",
        "2027-03-01",
    ]);
    assert!(cork.starts_with("# Execution report — "));
}

#[test]
fn output_file_is_written_atomically_and_never_replaced_silently() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("suivi.html");
    let o = out.to_str().unwrap();
    let (code, stdout, _) = pacte(&["report", FIXTURE, "--as-of", "2027-05-01", "-o", o]);
    assert_eq!(code, 0);
    assert!(stdout.is_empty());
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(
        html.starts_with("<!DOCTYPE html>"),
        "format from the extension"
    );
    let (code, _, err) = pacte(&["report", FIXTURE, "--as-of", "2027-05-01", "-o", o]);
    assert_eq!(code, 2);
    assert!(
        err.contains("already exists (use --force to replace it)"),
        "{err}"
    );
    let (code, _, _) = pacte(&[
        "report",
        FIXTURE,
        "--as-of",
        "2027-05-01",
        "-o",
        o,
        "--force",
        "--format",
        "md",
    ]);
    assert_eq!(code, 0);
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .starts_with("# Bilan"));
    let missing = dir.path().join("nowhere/suivi.md");
    let (code, _, err) = pacte(&["report", FIXTURE, "-o", missing.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("does not exist"), "{err}");
    // No temporary file left behind.
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1);
    // Never over an input.
    let (code, _, err) = pacte(&["report", FIXTURE, "-o", FIXTURE, "--force"]);
    assert_eq!(code, 2, "{err}");
    assert!(Path::new(FIXTURE).exists());
}

#[test]
fn templates_are_overridable_by_name() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("report")).unwrap();
    std::fs::write(
        dir.path().join("report/convention.md"),
        "SECTION {{ c.id }}\n",
    )
    .unwrap();
    let md = ok(&[
        "report",
        "examples",
        "--as-of",
        "2027-03-01",
        "--templates",
        dir.path().to_str().unwrap(),
    ]);
    assert!(md.contains("SECTION festival-campus-2027"));
    assert!(md.contains("# Suivi des conventions"));
    std::fs::write(dir.path().join("report.md"), "{{ nope }\n").unwrap();
    let (code, _, err) = pacte(&[
        "report",
        "examples",
        "--templates",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("report.md"), "{err}");
}

#[test]
fn no_convention_found() {
    let dir = tempfile::tempdir().unwrap();
    for cmd in ["status", "report"] {
        let (code, _, err) = pacte(&[cmd, dir.path().to_str().unwrap()]);
        assert_eq!(code, 2);
        assert!(err.starts_with("error: no convention found"), "{err}");
    }
}
