//! Issue 11, follow-up for coordinators and funders (CLI.md "status,
//! report", revision 1.1): due items with their owners and contacts in
//! JSON, CSV and ICS; disbursements and payments; the French deadlines.

use std::path::Path;
use std::process::Command;

const L008: &str = "tests/fixtures/rules/L008";

fn pacte_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pacte"))
        .args(args)
        .args(["--color", "never"])
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("pacte runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    )
}

fn ok(args: &[&str]) -> String {
    let (code, out, err) = pacte_in(Path::new(env!("CARGO_MANIFEST_DIR")), args);
    assert_eq!(code, 0, "pacte {args:?} failed: {err}");
    out
}

fn json(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&ok(args)).expect("valid JSON")
}

/// The L008 fixture under French law, with a contact for the Ville, in a
/// temporary folder.
fn french_copy() -> (tempfile::TempDir, String) {
    let src = std::fs::read_to_string(format!("{}/{L008}/fires.toml", env!("CARGO_MANIFEST_DIR")))
        .unwrap();
    let text = src
        .replacen(
            "kind = \"realisation\"\n",
            "kind = \"realisation\"\njurisdiction = \"FR\"\n",
            1,
        )
        .replacen(
            "signatory = { name = \"Claire Roche\"",
            "contact = { name = \"Claire Roche\", email = \"claire.roche@example.org\" }\nsignatory = { name = \"Claire Roche\"",
            1,
        );
    assert_ne!(text, src);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("festival.toml"), text).unwrap();
    (dir, "festival.toml".into())
}

#[test]
fn csv_has_one_row_per_due_item_with_its_state() {
    let file = format!("{L008}/fires.toml");
    let text = ok(&["report", &file, "--as-of", "2026-06-15", "--format", "csv"]);
    // RFC 4180: CRLF after every record.
    assert!(text.ends_with("\r\n"));
    assert_eq!(text.matches('\n').count(), text.matches("\r\n").count());
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "file",
            "convention",
            "kind",
            "item",
            "title",
            "due",
            "state",
            "owner",
            "contact"
        ]
    );
    let rows: Vec<[String; 5]> = r
        .records()
        .map(|rec| {
            let rec = rec.unwrap();
            assert_eq!(&rec[0], file);
            assert_eq!(&rec[1], "festival-campus-2026");
            [2, 3, 5, 6, 7].map(|i| rec[i].to_string())
        })
        .collect();
    let want = [
        ["milestone", "M1", "2026-03-01", "met", "Théâtre des Pentes"],
        [
            "disbursement",
            "D1",
            "2026-03-15",
            "met_late",
            "Ville de Lyon",
        ],
        [
            "milestone",
            "M2",
            "2026-05-15",
            "met_late",
            "Musiques Croisées",
        ],
        [
            "disbursement",
            "D2",
            "2026-05-15",
            "overdue",
            "Ville de Lyon",
        ],
        [
            "report",
            "R1",
            "2026-05-30",
            "met_late",
            "Théâtre des Pentes",
        ],
        [
            "report",
            "R1",
            "2026-08-30",
            "pending",
            "Théâtre des Pentes",
        ],
        [
            "milestone",
            "M3",
            "2026-09-20",
            "pending",
            "Théâtre des Pentes",
        ],
        [
            "report",
            "R1",
            "2026-11-30",
            "pending",
            "Théâtre des Pentes",
        ],
        ["expiry", "T1", "2026-11-30", "pending", ""],
        [
            "report",
            "R1",
            "2026-12-30",
            "pending",
            "Théâtre des Pentes",
        ],
        [
            "report",
            "R2",
            "2027-02-28",
            "pending",
            "Théâtre des Pentes",
        ],
    ];
    assert_eq!(rows, want.map(|r| r.map(String::from)));
    // A year later the expiry has passed, and the unpaid D2 is still overdue.
    let text = ok(&["report", &file, "--as-of", "2027-06-15", "--format", "csv"]);
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let states: Vec<(String, String)> = r
        .records()
        .map(|rec| {
            let rec = rec.unwrap();
            (
                format!("{}/{}/{}", &rec[2], &rec[3], &rec[5]),
                rec[6].to_string(),
            )
        })
        .collect();
    assert!(states.contains(&("expiry/T1/2026-11-30".into(), "passed".into())));
    assert!(states.contains(&("disbursement/D2/2026-05-15".into(), "overdue".into())));
    assert!(states.contains(&("report/R2/2027-02-28".into(), "overdue".into())));
}

#[test]
fn owners_contacts_and_french_deadlines_in_json() {
    let (dir, file) = french_copy();
    let (code, out, err) = pacte_in(
        dir.path(),
        &["report", &file, "--as-of", "2026-06-15", "--format", "json"],
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let c = &v["conventions"][0];
    // Overdue: exactly the unpaid installment (what L008 reports).
    let overdue = c["overdue"].as_array().unwrap();
    assert_eq!(overdue.len(), 1);
    assert_eq!(overdue[0]["kind"], "disbursement");
    assert_eq!(overdue[0]["id"], "D2");
    assert_eq!(overdue[0]["owner"], "ville");
    assert_eq!(
        overdue[0]["contact"],
        serde_json::json!({"name": "Claire Roche", "email": "claire.roche@example.org"})
    );
    let deadlines = c["deadlines"].as_array().unwrap();
    let find = |kind: &str, id: &str| {
        deadlines
            .iter()
            .find(|d| d["kind"] == kind && d["id"] == id)
            .unwrap_or_else(|| panic!("{kind} {id} in {deadlines:?}"))
    };
    // Every item names its owner (or null for the term dates).
    for d in deadlines {
        assert!(
            d.get("owner").is_some() && d.get("contact").is_some(),
            "{d}"
        );
    }
    assert_eq!(find("milestone", "M2")["owner"], "musique");
    assert_eq!(find("expiry", "T1")["owner"], serde_json::Value::Null);
    // The compte rendu financier of 2026, owed by the beneficiary, due
    // 30 June 2027; the publication, owed by the Ville, three months after
    // the signing date (2026-01-30), not met: overdue in `deadlines`, never
    // a finding.
    let crf = find("financial_account", "ville-2026");
    assert_eq!(crf["owner"], "theatre");
    assert_eq!(crf["due"], "2027-06-30");
    assert_eq!(crf["state"], "pending");
    let publication = find("publication", "ville");
    assert_eq!(publication["owner"], "ville");
    assert_eq!(publication["due"], "2026-04-30");
    assert_eq!(publication["state"], "overdue");
    // Published on 2026-05-02: met late.
    let text = std::fs::read_to_string(dir.path().join(&file)).unwrap();
    let text = text.replacen(
        "[tracking]\n",
        "[tracking]\npublished = { ville = 2026-05-02 }\n",
        1,
    );
    std::fs::write(dir.path().join(&file), text).unwrap();
    let (_, out, _) = pacte_in(
        dir.path(),
        &["report", &file, "--as-of", "2026-06-15", "--format", "json"],
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let p = v["conventions"][0]["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["kind"] == "publication")
        .cloned()
        .unwrap();
    assert_eq!(p["state"], "met_late");
    assert_eq!(p["met_on"], "2026-05-02");
}

#[test]
fn json_overdue_disbursements_are_what_l008_reports() {
    let mut names: Vec<String> =
        std::fs::read_dir(format!("{}/{L008}", env!("CARGO_MANIFEST_DIR")))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".toml"))
            .collect();
    names.sort();
    assert!(names.len() >= 6);
    for name in names {
        let file = format!("{L008}/{name}");
        for as_of in ["2026-06-15", "2026-12-01"] {
            let report = json(&["report", &file, "--as-of", as_of, "--format", "json"]);
            let overdue = report["conventions"][0]["overdue"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|d| d["kind"] == "disbursement")
                .count();
            let (_, out, _) = pacte_in(
                Path::new(env!("CARGO_MANIFEST_DIR")),
                &["check", &file, "--as-of", as_of, "--format", "json"],
            );
            let check: serde_json::Value = serde_json::from_str(&out).unwrap();
            let fired = check["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|d| d["code"] == "L008")
                .count();
            assert_eq!(overdue, fired, "{name} as of {as_of}");
        }
    }
}

#[test]
fn ics_events_carry_an_alarm_and_the_owner() {
    let (dir, file) = french_copy();
    let (code, text, err) = pacte_in(
        dir.path(),
        &["report", &file, "--as-of", "2026-06-15", "--format", "ics"],
    );
    assert_eq!(code, 0, "{err}");
    let unfolded = text.replace("\r\n ", "");
    let cal = icalendar::parser::read_calendar(&unfolded).expect("a valid calendar");
    let prop = |c: &icalendar::parser::Component<'_>, name: &str| -> String {
        c.properties
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.val.to_string())
            .unwrap_or_default()
    };
    let events: Vec<_> = cal
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect();
    let mut kinds: Vec<String> = events.iter().map(|e| prop(e, "CATEGORIES")).collect();
    kinds.sort();
    kinds.dedup();
    assert_eq!(
        kinds,
        [
            "disbursement",
            "expiry",
            "financial_account",
            "milestone",
            "publication",
            "report"
        ]
    );
    for e in &events {
        let alarms: Vec<_> = e.components.iter().filter(|c| c.name == "VALARM").collect();
        assert_eq!(alarms.len(), 1, "{}", prop(e, "UID"));
        assert_eq!(prop(alarms[0], "TRIGGER"), "-P7D");
        assert_eq!(prop(alarms[0], "ACTION"), "DISPLAY");
    }
    let by_uid = |uid: &str| {
        events
            .iter()
            .find(|e| prop(e, "UID") == uid)
            .unwrap_or_else(|| panic!("{uid}"))
    };
    let d2 = by_uid("festival-campus-2026/disbursement/D2/1@pacte");
    assert!(prop(d2, "DESCRIPTION")
        .contains("Redevable\u{A0}: Ville de Lyon (Claire Roche <claire.roche@example.org>)"));
    let r1 = by_uid("festival-campus-2026/report/R1/1@pacte");
    assert!(prop(r1, "SUMMARY").starts_with("Compte rendu financier R1"));
    by_uid("festival-campus-2026/financial_account/ville-2026/1@pacte");
    by_uid("festival-campus-2026/publication/ville/1@pacte");
    by_uid("festival-campus-2026/expiry/T1/1@pacte");
}

#[test]
fn money_followed_per_funder_and_in_kind_apart() {
    let file = format!("{L008}/fires.toml");
    let v = json(&["report", &file, "--as-of", "2026-06-15", "--format", "json"]);
    let m = &v["conventions"][0]["money"];
    let ville = &m["funders"][0];
    assert_eq!(ville["id"], "ville");
    assert_eq!(
        [
            &ville["granted"],
            &ville["scheduled"],
            &ville["received"],
            &ville["late"]
        ],
        [30000, 30000, 15000, 15000]
    );
    assert_eq!(ville["late_count"], 1);
    // The ticket sales are a source, not a party.
    assert_eq!(m["funders"][2]["is_party"], false);
    assert_eq!(m["funders"][2]["granted"], 4000);
    // In kind: apart from money, with its valuation.
    assert_eq!(m["in_kind"][0]["kind"], "in_kind");
    assert_eq!(m["in_kind"][0]["amount"], 6000);
    assert_eq!(m["in_kind_total"], 6000);
    // 2026-02-01 .. 2026-11-30 is 303 days; to 2026-06-15, 135: 0.4455.
    assert_eq!(m["period_share_elapsed"].to_string(), "0.4455");
    assert_eq!(m["budget_share_spent"], 0);
    // And in Markdown.
    let md = ok(&["report", &file, "--as-of", "2026-06-15"]).replace(['\u{202F}', '\u{A0}'], " ");
    assert!(md
        .contains("| Ville de Lyon | 30 000,00 € | 30 000,00 € | 15 000,00 € | **15 000,00 €** |"));
    assert!(md.contains("| Théâtre des Pentes | en nature | 6 000,00 € |"));
}

const ACCOUNT: &str = r#"
[convention]
id = "crf"
title = "Ateliers de quartier"
status = "active"
start = 2026-01-01
end = 2026-12-31
currency = "EUR"

[[party]]
id = "ville"
name = "Ville"
sector = "public"

[[party]]
id = "asso"
name = "Association"
sector = "civil_society"

[funds]
budget = 10000
holder = "asso"

[[funds.contribution]]
party = "ville"
kind = "financial"
amount = 8000

[[funds.contribution]]
source = "Adhésions"
kind = "financial"
amount = 2000

[[funds.contribution]]
party = "asso"
kind = "in_kind"
amount = 1500.5
description = "Bénévolat valorisé"

[[funds.line]]
label = "Animation"
amount = 6000

[[funds.line]]
label = "Matériel"
amount = 4000

[tracking]
difficulties = "Un atelier annulé."
lessons = "Prévoir une salle de repli."

[[tracking.expense]]
date = 2026-03-01
amount = 6600
label = "Animateurs"
line = "Animation"

[[tracking.expense]]
date = 2026-04-01
amount = 1000
label = "Fournitures"
line = "Matériel"

[[tracking.expense]]
date = 2026-05-01
amount = 250
label = "Frais bancaires"

[[tracking.expense]]
date = 2027-05-01
amount = 999
label = "Après la date de situation"
line = "Matériel"

[[tracking.payment]]
date = 2026-02-01
amount = 5000
from = "ville"
"#;

#[test]
fn the_financial_account_figures_are_exact() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("crf.toml"), ACCOUNT).unwrap();
    let (code, out, err) = pacte_in(
        dir.path(),
        &[
            "report",
            "crf.toml",
            "--financial",
            "--as-of",
            "2026-12-31",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let lines = &v["expenses"]["lines"];
    let row = |i: usize| {
        let l = &lines[i];
        [
            &l["label"],
            &l["planned"],
            &l["spent"],
            &l["gap"],
            &l["gap_pct"],
            &l["rate"],
        ]
        .map(|x| x.to_string())
    };
    assert_eq!(
        row(0),
        ["\"Animation\"", "6000", "6600", "600", "10", "1.1"]
    );
    assert_eq!(
        row(1),
        ["\"Matériel\"", "4000", "1000", "-3000", "-75", "0.25"]
    );
    assert_eq!(row(2), ["null", "null", "250", "null", "null", "null"]);
    let t = &v["expenses"]["total"];
    assert_eq!(
        [
            &t["planned"],
            &t["spent"],
            &t["gap"],
            &t["gap_pct"],
            &t["rate"]
        ]
        .map(|x| x.to_string()),
        ["10000", "7850", "-2150", "-21.5", "0.785"]
    );
    let income = &v["income"];
    assert_eq!(income["funders"][0]["name"], "Ville");
    assert_eq!(income["funders"][0]["planned"], 8000);
    assert_eq!(income["funders"][0]["received"], 5000);
    assert_eq!(income["funders"][1]["name"], "Adhésions");
    assert_eq!(income["funders"][1]["received"], 0);
    assert_eq!([&income["planned"], &income["received"]], [10000, 5000]);
    assert_eq!(v["in_kind"]["total"].to_string(), "1500.5");
    assert_eq!(v["in_kind"]["contributions"][0]["kind"], "in_kind");
    assert_eq!(v["difficulties"], "Un atelier annulé.");
    assert_eq!(v["lessons"], "Prévoir une salle de repli.");
    // The same figures in Markdown, French typography.
    let (_, md, _) = pacte_in(
        dir.path(),
        &["report", "crf.toml", "--financial", "--as-of", "2026-12-31"],
    );
    let md = md.replace(['\u{202F}', '\u{A0}'], " ");
    assert!(
        md.contains("| Matériel | 4 000,00 € | 1 000,00 € | −3 000,00 € | −75 % | 25 % |"),
        "{md}"
    );
    assert!(md.contains("| **Total des charges** | **10 000,00 €** | **7 850,00 €** | **−2 150,00 €** | **−21,5 %** | **78,5 %** |"), "{md}");
    // The layout is a template and the words are labels, each overridable
    // by name (`--templates DIR`): here the French heading, and the HTML.
    let tpl = dir.path().join("modeles");
    std::fs::create_dir_all(tpl.join("labels")).unwrap();
    std::fs::write(
        tpl.join("labels/fr.toml"),
        "[financial]\nheading = \"Bilan financier\"\n",
    )
    .unwrap();
    std::fs::write(
        tpl.join("financial.html"),
        "<h1>{{ heading }}</h1>{% for t in tables %}<p>{{ t.heading }}: {{ t.rows | length }}</p>{% endfor %}\n",
    )
    .unwrap();
    let args = [
        "report",
        "crf.toml",
        "--financial",
        "--as-of",
        "2026-12-31",
        "--templates",
        "modeles",
    ];
    let (code, md, err) = pacte_in(dir.path(), &args);
    assert_eq!(code, 0, "{err}");
    assert!(md.starts_with("# Bilan financier — "), "{md}");
    assert!(md.contains("| **Total des charges** |"), "{md}");
    let (code, html, err) = pacte_in(dir.path(), &[&args[..], &["--format", "html"]].concat());
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        html,
        "<h1>Bilan financier</h1><p>Charges\u{a0}: prévu et réalisé: 4</p><p>Produits\u{a0}: prévu et reçu par financeur: 3</p><p>Contributions volontaires en nature: 2</p>\n"
    );
    // One convention only.
    std::fs::write(
        dir.path().join("other.toml"),
        ACCOUNT.replace("\"crf\"", "\"crf2\""),
    )
    .unwrap();
    let (code, _, err) = pacte_in(dir.path(), &["report", ".", "--financial"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--financial takes one convention file"),
        "{err}"
    );
}

#[test]
fn a_large_html_portfolio_summarises_and_links() {
    let dir = tempfile::tempdir().unwrap();
    let conv = |i: usize, due: &str| {
        format!(
            "[convention]\nid = \"c{i:03}\"\ntitle = \"Convention {i}\"\nstatus = \"active\"\nstart = 2026-01-01\nend = 2026-12-31\n\n[[party]]\nid = \"a\"\nname = \"A\"\n\n[[party]]\nid = \"b\"\nname = \"B\"\n\n[[milestone]]\nid = \"M1\"\ntitle = \"Étape\"\ndue = {due}\nowner = \"a\"\n"
        )
    };
    for i in 0..201 {
        // Only c007's milestone is overdue as of 2026-06-15.
        let due = if i == 7 { "2026-03-01" } else { "2026-09-01" };
        std::fs::write(dir.path().join(format!("c{i:03}.toml")), conv(i, due)).unwrap();
    }
    let (code, html, err) = pacte_in(
        dir.path(),
        &["report", ".", "--format", "html", "--as-of", "2026-06-15"],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(html.matches("<section class=\"convention\"").count(), 1);
    assert!(html.contains("id=\"c-c007\""));
    assert!(html.contains("<a href=\"#c-c007\">c007</a>"));
    assert!(
        !html.contains("href=\"#c-c008\""),
        "no link to a section that is not there"
    );
    assert!(html.contains("les 200 autres figurent dans le tableau des conventions"));
    // The one section is compact: its overdue items, not its whole execution.
    let section = &html[html.find("<section class=\"convention\"").unwrap()..];
    let section = &section[..section.find("</section>").unwrap()];
    assert!(section.contains("<h4>En retard</h4>"), "{section}");
    assert!(section.contains("jalon M1 — Étape"), "{section}");
    assert!(!section.contains("<h4>Jalons</h4>"), "{section}");
    // Markdown keeps every section.
    let (_, md, _) = pacte_in(dir.path(), &["report", ".", "--as-of", "2026-06-15"]);
    assert_eq!(md.matches("<a id=\"c-").count(), 201);
}
