//! `pacte sign`, `diff` and `log` on real git repositories built in
//! temporary folders (git configured in the repository only).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_pacte");

fn example(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name);
    std::fs::read_to_string(p).expect("example")
}

/// The festival example as a draft nobody signed, with an annex file.
fn festival_draft() -> String {
    let text = example("festival-campus.toml");
    let start = text.find("# Les signatures portent").expect("signatures");
    let end = text.find("[tracking]").expect("tracking");
    let mut t = format!("{}{}", &text[..start], &text[end..]);
    t = t.replacen("status = \"active\"", "status = \"draft\"", 1);
    let at = t.find("[tracking]").expect("tracking");
    t.insert_str(
        at,
        "# L'annexe budgétaire\n[[annex]]\ntitle = \"Budget détaillé\"\nref = \"annexes/budget.csv\"\n\n",
    );
    t
}

/// The jardins example (YAML) as a draft nobody signed.
fn jardins_draft() -> String {
    let text = example("jardins-maraichers.yaml");
    let start = text.find("\nsignature:\n").expect("signatures") + 1;
    let end = text.find("\ntracking:\n").expect("tracking") + 1;
    let t = format!("{}{}", &text[..start], &text[end..]);
    t.replacen("  status: active\n", "  status: draft\n", 1)
}

struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    fn new() -> Repo {
        let dir = tempfile::tempdir().expect("tempdir");
        let r = Repo { dir };
        r.git(&["init", "-q", "-b", "main"]);
        r.git(&["config", "user.name", "Test"]);
        r.git(&["config", "user.email", "test@example.org"]);
        r.git(&["config", "commit.gpgsign", "false"]);
        r
    }
    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }
    fn git(&self, args: &[&str]) -> String {
        let out = Command::new("git")
            .arg("-C")
            .arg(self.dir.path())
            .args(args)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", self.dir.path())
            .output()
            .expect("git");
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
    fn write(&self, rel: &str, text: &str) {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap()
    }
    fn commit(&self, msg: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", msg, "--allow-empty"]);
    }
    /// `pacte sign FILE --party PARTY --name NAME` and `more`.
    fn sign(&self, file: &str, party: &str, name: &str, more: &[&str]) -> Output {
        let args = [&["sign", file, "--party", party, "--name", name][..], more].concat();
        self.pacte(&args)
    }
    fn pacte(&self, args: &[&str]) -> Output {
        self.pacte_in("en", args)
    }
    fn pacte_in(&self, lang: &str, args: &[&str]) -> Output {
        Command::new(BIN)
            .current_dir(self.dir.path())
            .args(args)
            .env("NO_COLOR", "1")
            .env("HOME", self.dir.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("PACTE_LANG", lang)
            .output()
            .expect("pacte")
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}
fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Exit 2 with exactly one `error:` line and no panic.
fn assert_one_error(o: &Output, needle: &str) {
    let err = stderr(o);
    assert_eq!(
        o.status.code(),
        Some(2),
        "stderr: {err}\nstdout: {}",
        stdout(o)
    );
    let errors: Vec<&str> = err.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(errors.len(), 1, "{err}");
    assert!(
        errors[0].contains(needle),
        "`{}` lacks `{needle}`",
        errors[0]
    );
    assert!(!err.contains("panicked"), "{err}");
}

fn fingerprint(r: &Repo, file: &str) -> String {
    let o = r.pacte(&["fingerprint", file]);
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o).trim().to_string()
}

// ---------------------------------------------------------------- sign

#[test]
fn sign_toml_keeps_every_byte_and_freezes_the_annex() {
    let r = Repo::new();
    let original = festival_draft();
    r.write("c.toml", &original);
    r.write("annexes/budget.csv", "poste;montant\ncachets;18000\n");
    let o = r.sign(
        "c.toml",
        "ville",
        "Claire Roche",
        &["--date", "2026-08-24", "--place", "Lyon"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let signed = r.read("c.toml");
    let hash = sha256_hex(b"poste;montant\ncachets;18000\n");
    let fp = fingerprint(&r, "c.toml");
    // The annex got its sha256 right after its last key; the signature
    // comes last in the file, after the tracking tables; nothing else moved.
    let with_hash = original.replacen(
        "ref = \"annexes/budget.csv\"\n",
        &format!("ref = \"annexes/budget.csv\"\nsha256 = \"{hash}\"\n"),
        1,
    );
    let expected = format!(
        "{with_hash}\n[[signature]]\nparty = \"ville\"\nname = \"Claire Roche\"\ndate = 2026-08-24\nplace = \"Lyon\"\nfingerprint = \"{fp}\"\n"
    );
    assert_eq!(signed, expected);
    assert!(stdout(&o).contains("Budget détaillé"), "{}", stdout(&o));
    assert!(!signed.contains("status = \"signed\""));
    // Next signatures go right after the first one; the last sets `signed`.
    let o = r.sign(
        "c.toml",
        "theatre",
        "Sophie Lambert",
        &["--date", "2026-08-26"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let two = r.read("c.toml");
    assert_eq!(two.matches("[[signature]]").count(), 2);
    assert!(two.contains("status = \"draft\""));
    let o = r.sign(
        "c.toml",
        "musique",
        "Paul Girard",
        &["--date", "2026-08-26"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("status set to `signed`"),
        "{}",
        stdout(&o)
    );
    let three = r.read("c.toml");
    assert_eq!(
        three,
        format!(
            "{}\n[[signature]]\nparty = \"musique\"\nname = \"Paul Girard\"\ndate = 2026-08-26\nfingerprint = \"{fp}\"\n",
            two.replacen("status = \"draft\"", "status = \"signed\"", 1)
        )
    );
    assert_eq!(
        fingerprint(&r, "c.toml"),
        fp,
        "status and signatures are not terms"
    );
    let check = r.pacte(&[
        "check",
        "c.toml",
        "--as-of",
        "2026-08-27",
        "--format",
        "json",
    ]);
    let json = stdout(&check);
    assert!(
        !json.contains("\"L004\"") && !json.contains("\"L005\"") && !json.contains("\"L007\""),
        "{json}"
    );
}

#[test]
fn sign_yaml_keeps_every_byte_and_sets_signed() {
    let r = Repo::new();
    let original = jardins_draft();
    r.write("j.yaml", &original);
    let o = r.sign(
        "j.yaml",
        "commune",
        "Mamadou Diop",
        &["--date", "2026-06-25"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let fp = fingerprint(&r, "j.yaml");
    let one = r.read("j.yaml");
    let expected = format!(
        "{original}signature:\n  - party: \"commune\"\n    name: \"Mamadou Diop\"\n    date: 2026-06-25\n    fingerprint: \"{fp}\"\n"
    );
    assert_eq!(one, expected);
    for (party, name) in [("groupement", "Awa Ndiaye"), ("enda", "Fatou Sow")] {
        let o = r.sign("j.yaml", party, name, &["--date", "2026-06-26"]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let three = r.read("j.yaml");
    assert!(three.contains("  status: signed\n"), "{three}");
    // The untouched lines are byte-identical: removing what sign added gives the original back.
    let back = three.replacen("  status: signed\n", "  status: draft\n", 1);
    let cut = back.find("signature:\n").unwrap();
    assert_eq!(&back[..cut], original);
    assert_eq!(back[cut..].matches("  - party:").count(), 3);
    let check = r.pacte(&[
        "check",
        "j.yaml",
        "--as-of",
        "2026-06-27",
        "--format",
        "json",
    ]);
    assert!(!stdout(&check).contains("\"L004\""), "{}", stdout(&check));
}

#[test]
fn sign_appends_to_flow_items_in_their_style_and_keeps_crlf() {
    let r = Repo::new();
    let text = example("jardins-maraichers.yaml")
        .replacen("Jardins maraîchers", "Jardins maraîchers partagés", 1)
        .replace('\n', "\r\n");
    r.write("j.yaml", &text);
    let o = r.sign("j.yaml", "enda", "Fatou Sow", &["--date", "2026-09-01"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let after = r.read("j.yaml");
    let fp = fingerprint(&r, "j.yaml");
    let line = format!("  - {{ party: \"enda\", name: \"Fatou Sow\", date: 2026-09-01, fingerprint: \"{fp}\" }}\r\n");
    let at = text.find("\r\n\r\ntracking:").unwrap() + 2;
    assert_eq!(after, format!("{}{line}{}", &text[..at], &text[at..]));
}

#[test]
fn sign_refusals_leave_the_file_untouched() {
    let r = Repo::new();
    r.write("c.toml", &festival_draft());
    r.write("annexes/budget.csv", "x\n");
    let before = r.read("c.toml");
    let o = r.sign("c.toml", "nobody", "X", &[]);
    assert_one_error(&o, "no party `nobody`");
    // An error-level finding (K003: contributions no longer add up).
    r.write(
        "k.toml",
        &before.replacen("budget = 42000", "budget = 43000", 1),
    );
    let o = r.sign("k.toml", "ville", "Claire Roche", &[]);
    assert_one_error(&o, "[K003]");
    assert_eq!(
        r.read("k.toml"),
        before.replacen("budget = 42000", "budget = 43000", 1)
    );
    // A structure error.
    r.write(
        "s.toml",
        &before.replacen("[convention]", "[convention]\nbogus = 1", 1),
    );
    let o = r.sign("s.toml", "ville", "Claire Roche", &[]);
    assert_one_error(&o, "[S002]");
    // A clause error judged at the status sign would write (C001: no title).
    r.write(
        "c1.toml",
        &before.replacen("title = \"Festival pluridisciplinaire du campus\"\n", "", 1),
    );
    let o = r.sign("c1.toml", "ville", "Claire Roche", &[]);
    assert_one_error(&o, "[C001]");
    // Already signed these terms.
    let o = r.sign("c.toml", "ville", "Claire Roche", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let once = r.read("c.toml");
    let o = r.sign("c.toml", "ville", "Claire Roche", &[]);
    assert_one_error(&o, "already signed these terms");
    assert_eq!(r.read("c.toml"), once);
    // An unknown amendment.
    let o = r.sign(
        "c.toml",
        "theatre",
        "Sophie Lambert",
        &["--amendment", "A9"],
    );
    assert_one_error(&o, "A9");
    assert_eq!(r.read("c.toml"), once);
    let leftovers: Vec<_> = std::fs::read_dir(r.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name())
        .filter(|n| n.to_string_lossy().starts_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn sign_warns_when_the_name_is_not_the_signatory() {
    let r = Repo::new();
    r.write("c.toml", &festival_draft());
    let o = r.sign("c.toml", "ville", "Jean Dupont", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(
            "warning: `Jean Dupont` is not the signatory of party `ville` (Claire Roche)"
        ),
        "{}",
        stderr(&o)
    );
}

#[test]
fn sign_edge_layouts() {
    let r = Repo::new();
    let fp = |f: &str| fingerprint(&r, f);
    // YAML without a final newline and without `status`: the status is
    // added after the last key of `convention`, the list at the end.
    let yaml = jardins_draft().replacen("  status: draft\n", "", 1);
    let yaml = yaml.trim_end().to_string();
    r.write("a.yaml", &yaml);
    for p in ["commune", "groupement", "enda"] {
        let o = r.sign("a.yaml", p, "X", &["--date", "2026-07-01"]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let out = r.read("a.yaml");
    let f = fp("a.yaml");
    let item = |p: &str| {
        format!(
            "  - party: \"{p}\"\n    name: \"X\"\n    date: 2026-07-01\n    fingerprint: \"{f}\"\n"
        )
    };
    let legal = yaml
        .find("\n\nparty:")
        .or_else(|| yaml.find("\nparty:"))
        .unwrap();
    let with_status = format!("{}\n  status: \"signed\"{}", &yaml[..legal], &yaml[legal..]);
    assert_eq!(
        out,
        format!(
            "{with_status}\nsignature:\n{}{}{}",
            item("commune"),
            item("groupement"),
            item("enda")
        )
    );
    // `signature: []` (YAML) and `signature = []` (TOML) become block lists.
    let empty = jardins_draft().replacen("\ntracking:", "\nsignature: []\ntracking:", 1);
    r.write("b.yaml", &empty);
    let o = r.sign("b.yaml", "enda", "Fatou Sow", &["--date", "2026-07-01"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let f = fp("b.yaml");
    assert_eq!(
        r.read("b.yaml"),
        empty.replacen("signature: []", &format!("signature:\n  - party: \"enda\"\n    name: \"Fatou Sow\"\n    date: 2026-07-01\n    fingerprint: \"{f}\""), 1)
    );
    let toml = format!("signature = []\n{}", festival_draft());
    r.write("c.toml", &toml);
    r.write("annexes/budget.csv", "x\n");
    let o = r.sign("c.toml", "ville", "Claire Roche", &["--date", "2026-09-01"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = r.read("c.toml");
    assert!(!out.contains("signature = []") && out.ends_with(&format!("[[signature]]\nparty = \"ville\"\nname = \"Claire Roche\"\ndate = 2026-09-01\nfingerprint = \"{}\"\n", fp("c.toml"))), "{out}");
    // A CRLF TOML file: the new lines are CRLF too, the rest byte-identical.
    let crlf = example("festival-campus.toml")
        .replacen(
            "Festival pluridisciplinaire du campus",
            "Festival du campus",
            1,
        )
        .replace('\n', "\r\n");
    r.write("e.toml", &crlf);
    let o = r.sign("e.toml", "ville", "Claire Roche", &["--date", "2026-09-09"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let at = crlf.find("\r\n\r\n[tracking]").unwrap() + 2;
    let block = format!(
        "\r\n[[signature]]\r\nparty = \"ville\"\r\nname = \"Claire Roche\"\r\ndate = 2026-09-09\r\nfingerprint = \"{}\"\r\n",
        fp("e.toml")
    );
    assert_eq!(
        r.read("e.toml"),
        format!("{}{block}{}", &crlf[..at], &crlf[at..])
    );
    // A non-empty flow list cannot be extended keeping its layout: refused, untouched.
    let flow = jardins_draft().replacen("\ntracking:", "\nsignature: [ { party: commune, name: X, date: 2026-01-01, fingerprint: \"sha256:0000000000000000000000000000000000000000000000000000000000000000\" } ]\ntracking:", 1);
    r.write("d.yaml", &flow);
    assert_one_error(&r.sign("d.yaml", "enda", "Fatou Sow", &[]), "flow list");
    assert_eq!(r.read("d.yaml"), flow);
}

fn sha256_hex(bytes: &[u8]) -> String {
    let out = Command::new("sha256sum").arg("-").stdin_bytes(bytes);
    out.split_whitespace().next().unwrap().to_string()
}

trait StdinBytes {
    fn stdin_bytes(&mut self, bytes: &[u8]) -> String;
}
impl StdinBytes for Command {
    fn stdin_bytes(&mut self, bytes: &[u8]) -> String {
        use std::io::Write;
        let mut child = self
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(bytes).unwrap();
        String::from_utf8(child.wait_with_output().unwrap().stdout).unwrap()
    }
}

// ---------------------------------------------------------------- diff

/// A repository holding the signed festival example as `c.toml`.
/// Every party of the festival signs `c.toml` (the avenant `amendment` when given).
fn sign_every_party(r: &Repo, date: &str, amendment: Option<&str>) {
    for (party, name) in [
        ("ville", "Claire Roche"),
        ("theatre", "Sophie Lambert"),
        ("musique", "Paul Girard"),
    ] {
        let mut args = vec![
            "sign", "c.toml", "--party", party, "--name", name, "--date", date,
        ];
        if let Some(a) = amendment {
            args.extend(["--amendment", a]);
        }
        let o = r.pacte(&args);
        assert!(o.status.success(), "{}", stderr(&o));
    }
}

fn signed_repo() -> Repo {
    let r = Repo::new();
    r.write("c.toml", &example("festival-campus.toml"));
    r.commit("convention signée");
    r
}

fn diff_json(r: &Repo, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["diff", "c.toml", "--format", "json"];
    all.extend_from_slice(args);
    let o = r.pacte(&all);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).expect("json")
}

/// (article number or part, path, change, old, new) of every change.
fn changes(v: &serde_json::Value) -> Vec<(String, String, String, String, String)> {
    let mut out = Vec::new();
    for a in v["articles"].as_array().unwrap() {
        let head = match a["number"].as_u64() {
            Some(n) => format!("{n}{}", if a["new"] == true { " new" } else { "" }),
            None => a["part"].as_str().unwrap().to_string(),
        };
        for c in a["changes"].as_array().unwrap() {
            let s = |k: &str| match &c[k] {
                serde_json::Value::Null => String::new(),
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            out.push((head.clone(), s("path"), s("change"), s("old"), s("new")));
        }
    }
    out
}

fn t(a: &str, b: &str, c: &str, d: &str, e: &str) -> (String, String, String, String, String) {
    (a.into(), b.into(), c.into(), d.into(), e.into())
}

#[test]
fn diff_names_every_kind_of_change_by_article_and_key() {
    let r = signed_repo();
    let mut text = example("festival-campus.toml");
    // scalar; array matched by id (milestone M2, moved before M1); a table
    // key; Markdown text; a party removed and one added; a new clause.
    text = text.replacen("budget = 42000", "budget = 45000", 1);
    text = text.replacen("rule = \"consensus\"", "rule = \"unanimity\"", 1);
    text = text.replacen("de la Doua, ouvert", "de la Doua, largement ouvert", 1);
    text = text.replacen(
        "[[milestone]]\nid = \"M2\"\ntitle = \"Programmation arrêtée\"",
        "[[milestone]]\nid = \"M2\"\ntitle = \"Programmation musicale arrêtée\"",
        1,
    );
    text = text.replacen(
        "[[funds.line]]\nlabel = \"Technique\"\namount = 12000",
        "[[funds.line]]\nlabel = \"Technique\"\namount = 11000",
        1,
    );
    text = text.replacen("[communication]", "[[clause]]\ntitle = \"Propriété intellectuelle\"\ntext = \"Les captations restent la propriété des associations.\"\n\n[communication]", 1);
    text = text.replacen(
        "name = \"Musiques Croisées\"",
        "name = \"Université du campus\"",
        1,
    );
    text = text.replace("\"musique\"", "\"campus\"");
    r.write("c.toml", &text);
    let v = diff_json(&r, &[]);
    assert_eq!(v["changed"], true);
    let got = changes(&v);
    let want_some = [
        t("heading", "party[musique]", "removed", "", ""),
        t("1", "convention.purpose", "changed", "", ""),
        t("4", "funds.budget", "changed", "42000", "45000"),
        t(
            "4",
            "funds.line[Technique].amount",
            "changed",
            "12000",
            "11000",
        ),
        t("5", "decision.rule", "changed", "consensus", "unanimity"),
        t(
            "6",
            "milestone[M2].title",
            "changed",
            "Programmation arrêtée",
            "Programmation musicale arrêtée",
        ),
        t(
            "9 new",
            "clause[\"Propriété intellectuelle\"]",
            "added",
            "",
            "",
        ),
    ];
    for w in &want_some {
        assert!(
            got.iter().any(|g| g.0 == w.0
                && g.1 == w.1
                && g.2 == w.2
                && (w.3.is_empty() || g.3 == w.3)
                && (w.4.is_empty() || g.4 == w.4)),
            "missing {w:?} in {got:#?}"
        );
    }
    assert!(
        got.iter().any(|g| g.1 == "party[campus]" && g.2 == "added"),
        "{got:#?}"
    );
    // The signatures that carry the old terms are voided.
    let voided: Vec<&str> = v["voided_signatures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["party"].as_str().unwrap())
        .collect();
    assert_eq!(voided, ["campus", "musique", "theatre", "ville"]);
    // Markdown marks the words of a text.
    let md = stdout(&r.pacte(&["diff", "c.toml", "--format", "md"]));
    assert!(md.contains("largement"), "{md}");
    assert!(md.contains("**largement**"), "{md}");
    assert!(
        md.contains("### Article 4 – Dispositions financières"),
        "{md}"
    );
    let human = stdout(&r.pacte(&["diff", "c.toml"]));
    assert!(human.contains("funds.budget: 42000 → 45000"), "{human}");
    assert!(
        human.contains("Voids the signatures of: campus (Paul Girard"),
        "{human}"
    );
}

#[test]
fn diff_of_an_annex_hash_and_a_reorder() {
    let r = Repo::new();
    let (a, b) = ("a".repeat(64), "b".repeat(64));
    let base = festival_draft().replacen(
        "ref = \"annexes/budget.csv\"\n",
        &format!("ref = \"annexes/budget.csv\"\nsha256 = \"{a}\"\n"),
        1,
    );
    r.write("c.toml", &base);
    r.commit("draft");
    r.write("c.toml", &base.replacen(&a, &b, 1));
    let got = changes(&diff_json(&r, &[]));
    assert_eq!(got, vec![t("13", "annex[1].sha256", "changed", &a, &b)]);
    // Items matched by id: moving a milestone is a change of order only.
    let m1 = base.find("[[milestone]]\nid = \"M1\"").unwrap();
    let m2 = base.find("[[milestone]]\nid = \"M2\"").unwrap();
    let swapped = format!(
        "{}{}{}{}",
        &base[..m1],
        &base[m2..base.find("[[milestone]]\nid = \"M3\"").unwrap()],
        &base[m1..m2],
        &base[base.find("[[milestone]]\nid = \"M3\"").unwrap()..]
    );
    r.write("c.toml", &swapped);
    let got = changes(&diff_json(&r, &[]));
    assert_eq!(
        got,
        vec![t(
            "6",
            "milestone",
            "changed",
            "[\"M1\",\"M2\",\"M3\"]",
            "[\"M2\",\"M1\",\"M3\"]"
        )]
    );
    assert_eq!(
        diff_json(&r, &[])["voided_signatures"],
        serde_json::json!([])
    );
}

#[test]
fn a_layout_only_change_is_no_change_of_terms() {
    let r = signed_repo();
    let text = example("festival-campus.toml")
        .replacen(
            "# Convention de réalisation",
            "# Une convention de réalisation",
            1,
        )
        .replacen(
            "kind = \"realisation\"\nlang = \"fr\"",
            "lang = 'fr'\nkind = \"realisation\"  # reordered",
            1,
        )
        .replacen("currency = \"EUR\"", "currency = 'EUR'", 1)
        .replace('\n', "\r\n");
    r.write("c.toml", &text);
    let o = r.pacte(&["diff", "c.toml"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("no change of terms between HEAD"),
        "{}",
        stdout(&o)
    );
    assert_eq!(diff_json(&r, &[])["changed"], false);
    // Status, tracking, signatures, waivers and meta are not terms either.
    r.write(
        "c.toml",
        &(example("festival-campus.toml")
            .replacen("status = \"active\"", "status = \"closed\"", 1)
            .replacen(
                "milestones = { M1 = 2026-10-12 }",
                "milestones = { M1 = 2026-10-13 }",
                1,
            )
            + "\n[[signature]]\nparty = \"ville\"\nname = \"Claire Roche\"\ndate = 2026-09-01\nfingerprint = \"sha256:0000000000000000000000000000000000000000000000000000000000000000\"\n\n[[waiver]]\nrule = \"G002\"\nreason = \"Essai\"\n\n[meta]\nnote = \"x\"\n"),
    );
    assert_eq!(diff_json(&r, &[])["changed"], false);
}

#[test]
fn diff_and_log_speak_the_language_of_messages() {
    let r = signed_repo();
    let text = example("festival-campus.toml");
    let title = text.lines().find(|l| l.starts_with("title = ")).unwrap();
    r.write(
        "c.toml",
        &text.replacen(title, "title = \"Festival du campus, édition revue\"", 1),
    );
    let o = r.pacte_in("fr", &["diff", "c.toml"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let human = stdout(&o);
    assert!(
        human.starts_with("c.toml\u{a0}: les termes ont changé entre HEAD")
            && human.contains("la copie de travail")
            && human.contains("convention.title\u{a0}: ")
            && human.contains("Rend caduques les signatures de musique (")
            && human.ends_with("les parties doivent signer de nouveau).\n"),
        "{human}"
    );
    let md = stdout(&r.pacte_in("fr", &["diff", "c.toml", "--format", "md"]));
    assert!(
        md.starts_with("## Changements des termes\u{a0}: `c.toml`"),
        "{md}"
    );
    let english = stdout(&r.pacte(&["diff", "c.toml"]));
    assert!(
        english.contains("the terms changed from HEAD")
            && english.contains("Voids the signatures of: "),
        "{english}"
    );
    let log = stdout(&r.pacte_in("fr", &["log", "c.toml"]));
    assert!(
        log.contains("  termes\u{a0}: sha256:")
            && log.contains("  signataires\u{a0}: musique (Paul Girard, 2026-08-26)"),
        "{log}"
    );
    let o = r.pacte_in("fr", &["diff", "c.toml", "--from", "v9"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o), "error: révision `v9` inconnue\n");
}

#[test]
fn diff_and_log_follow_a_rename() {
    let r = signed_repo();
    r.git(&["mv", "c.toml", "festival.toml"]);
    r.commit("rename");
    r.write(
        "festival.toml",
        &example("festival-campus.toml").replacen("notice_days = 60", "notice_days = 90", 1),
    );
    r.commit("préavis");
    r.write(
        "festival.toml",
        &example("festival-campus.toml")
            .replacen("notice_days = 60", "notice_days = 90", 1)
            .replacen("# Convention", "# La convention", 1),
    );
    r.commit("commentaire");
    let o = r.pacte(&[
        "diff",
        "festival.toml",
        "--from",
        "HEAD~3",
        "--to",
        "HEAD",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        changes(&v),
        vec![t("10", "termination.notice_days", "changed", "60", "90")]
    );
    let o = r.pacte(&["log", "festival.toml", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let revs = v["revisions"].as_array().unwrap();
    assert_eq!(revs.len(), 2, "{v:#}");
    assert_eq!(revs[0]["unchanged_commits"], 1);
    assert_eq!(revs[0]["signatures"], serde_json::json!([]));
    assert_eq!(revs[1]["path"], "c.toml");
    assert_eq!(revs[1]["unchanged_commits"], 1, "the rename kept the terms");
    let fp_old = revs[1]["fingerprint"].as_str().unwrap();
    assert!(example("festival-campus.toml").contains(fp_old));
    let parties: Vec<&str> = revs[1]["signatures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["party"].as_str().unwrap())
        .collect();
    assert_eq!(parties, ["musique", "theatre", "ville"]);
    let human = stdout(&r.pacte(&["log", "festival.toml"]));
    assert!(
        human.contains("file: c.toml")
            && human.contains("signed by: musique (Paul Girard, 2026-08-26)"),
        "{human}"
    );
}

#[test]
fn bad_inputs_are_one_error_line() {
    // No repository.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("c.toml"), example("festival-campus.toml")).unwrap();
    for cmd in ["diff", "log"] {
        let o = Command::new(BIN)
            .current_dir(dir.path())
            .env("GIT_CEILING_DIRECTORIES", dir.path().parent().unwrap())
            .args([cmd, "c.toml"])
            .output()
            .unwrap();
        assert_one_error(&o, "not inside a git repository");
    }
    let r = signed_repo();
    // Unknown revision.
    assert_one_error(
        &r.pacte(&["diff", "c.toml", "--from", "nope"]),
        "unknown revision `nope`",
    );
    // A file missing at a revision.
    r.write("other.toml", &example("festival-campus.toml"));
    assert_one_error(
        &r.pacte(&["diff", "other.toml"]),
        "did not exist at revision `HEAD`",
    );
    // S errors at the old revision.
    r.write("c.toml", "[convention\nid = 1\n");
    r.commit("cassé");
    r.write("c.toml", &example("festival-campus.toml"));
    assert_one_error(&r.pacte(&["diff", "c.toml"]), "at HEAD");
    // A revision a shallow clone does not have.
    r.commit("réparé");
    let first = r
        .git(&["rev-list", "--max-parents=0", "HEAD"])
        .trim()
        .to_string();
    let clone = tempfile::tempdir().unwrap();
    let url = format!("file://{}", r.dir.path().display());
    let st = Command::new("git")
        .args(["clone", "-q", "--depth", "1", &url])
        .arg(clone.path().join("s"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert!(
        st.status.success(),
        "{}",
        String::from_utf8_lossy(&st.stderr)
    );
    let o = Command::new(BIN)
        .current_dir(clone.path().join("s"))
        .args(["diff", "c.toml", "--from", &first])
        .output()
        .unwrap();
    assert_one_error(&o, "shallow clone");
}

// ---------------------------------------------------------------- amendment

#[test]
fn the_avenant_is_written_from_the_diff_and_signed() {
    let r = signed_repo();
    // Commits that do not change the terms come between.
    r.write(
        "c.toml",
        &example("festival-campus.toml").replacen(
            "milestones = { M1 = 2026-10-12 }",
            "milestones = { M1 = 2026-10-12, M2 = 2027-01-30 }",
            1,
        ),
    );
    r.commit("suivi");
    let changed = example("festival-campus.toml")
        .replacen("budget = 42000", "budget = 45000", 1)
        .replacen("amount = 30000\ndescription = \"Subvention de projet\"", "amount = 33000\ndescription = \"Subvention de projet\"", 1)
        .replacen("label = \"Cachets des artistes\"\namount = 18000", "label = \"Cachets des artistes\"\namount = 21000", 1)
        .replacen("notice_days = 60", "notice_days = 90", 1)
        .replacen("[[signature]]\nparty = \"ville\"", "[[amendment]]\nid = \"A1\"\ndate = 2027-01-10\nsummary = \"Budget porté à 45 000 euros\"\n\n[[signature]]\nparty = \"ville\"", 1);
    r.write("c.toml", &changed);
    let o = r.pacte(&["render", "c.toml", "--amendment", "A1"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let md = stdout(&o);
    assert!(
        md.starts_with(
            "# Avenant n° 1 à la convention «\u{a0}Festival pluridisciplinaire du campus\u{a0}»\n"
        ),
        "{md}"
    );
    assert!(md.contains("signée le 26 août 2026"), "{md}");
    assert!(md.contains("## Article 1\n\nL’article 4 «\u{a0}Dispositions financières\u{a0}» est ainsi modifié\u{a0}:"), "{md}");
    assert!(
        md.contains("«\u{a0}42\u{202f}000\u{a0}» est remplacé par «\u{a0}45\u{202f}000\u{a0}»"),
        "{md}"
    );
    assert!(
        md.contains(
            "## Article 2\n\nL’article 10 «\u{a0}Résiliation\u{a0}» est ainsi modifié\u{a0}:"
        ),
        "{md}"
    );
    assert!(
        !md.contains("## Article 3"),
        "the amendment list itself is not amended: {md}"
    );
    assert!(
        md.contains("Les autres stipulations de la convention demeurent inchangées."),
        "{md}"
    );
    assert!(md.contains("**Musiques Croisées**"), "{md}");
    // In English, and in HTML (escaped, self-contained).
    let en = stdout(&r.pacte(&["render", "c.toml", "--amendment", "A1", "--lang", "en"]));
    assert!(
        en.contains("Article 4 “Financial provisions” is amended as follows:"),
        "{en}"
    );
    let o = r.pacte(&[
        "render",
        "c.toml",
        "--amendment",
        "A1",
        "--format",
        "html",
        "-o",
        "avenant.html",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = r.read("avenant.html");
    assert!(html.contains("<h1>Avenant n° 1 à la convention «\u{a0}Festival pluridisciplinaire du campus\u{a0}»</h1>") && !html.contains("<script"), "{html}");
    // Errors: an unknown amendment; no change since the baseline.
    assert_one_error(
        &r.pacte(&["render", "c.toml", "--amendment", "A2"]),
        "no [[amendment]] with id `A2`",
    );
    r.commit("avenant");
    assert_one_error(
        &r.pacte(&["render", "c.toml", "--amendment", "A1", "--from", "HEAD"]),
        "nothing to amend",
    );
    // The parties sign the avenant: `amendment = "A1"` in each signature.
    sign_every_party(&r, "2027-01-12", Some("A1"));
    let text = r.read("c.toml");
    assert_eq!(text.matches("amendment = \"A1\"").count(), 3);
    let check = r.pacte(&[
        "check",
        "c.toml",
        "--as-of",
        "2027-01-13",
        "--format",
        "json",
    ]);
    assert!(!stdout(&check).contains("\"L004\""), "{}", stdout(&check));
}

/// The signed festival with an avenant A1 in the working tree: the budget
/// and the notice period changed.
fn avenant_repo() -> Repo {
    let r = signed_repo();
    let changed = example("festival-campus.toml")
        .replacen("budget = 42000", "budget = 45000", 1)
        .replacen("notice_days = 60", "notice_days = 90", 1)
        .replacen("[[signature]]\nparty = \"ville\"", "[[amendment]]\nid = \"A1\"\ndate = 2027-01-10\nsummary = \"Budget porté à 45 000 euros\"\n\n[[signature]]\nparty = \"ville\"", 1);
    r.write("c.toml", &changed);
    r
}

/// The text of a DOCX part: one line per paragraph, the runs joined.
fn docx_text(bytes: &[u8], name: &str) -> String {
    use std::io::Read as _;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut xml = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("no {name}"))
        .read_to_string(&mut xml)
        .expect("UTF-8 part");
    let mut out = String::new();
    for para in xml.split("</w:p>") {
        let mut rest = para;
        while let Some(i) = rest.find("<w:t") {
            let tag_end = i + rest[i..].find('>').expect("a closed tag");
            let tag = &rest[i..tag_end];
            rest = &rest[tag_end + 1..];
            if tag.ends_with('/') || !(tag == "<w:t" || tag.starts_with("<w:t ")) {
                continue;
            }
            let end = rest.find("</w:t>").expect("a closed text");
            out.push_str(
                &rest[..end]
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&apos;", "'")
                    .replace("&amp;", "&"),
            );
            rest = &rest[end..];
        }
        out.push('\n');
    }
    out
}

#[test]
fn the_avenant_in_docx_has_the_articles_and_the_signatures() {
    let r = avenant_repo();
    let args = [
        "render",
        "c.toml",
        "--amendment",
        "A1",
        "--format",
        "docx",
        "-o",
        "avenant.docx",
    ];
    let o = r.pacte(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = std::fs::read(r.path("avenant.docx")).unwrap();
    assert!(bytes.starts_with(b"PK"), "a zip archive, not HTML");
    let text = docx_text(&bytes, "word/document.xml");
    let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
    let at = |s: &str| {
        lines
            .iter()
            .position(|l| l.contains(s))
            .unwrap_or_else(|| panic!("{s} missing\n{text}"))
    };
    // The content, in the order of the Markdown avenant.
    let order = [
        at("Avenant n° 1 à la convention «\u{a0}Festival pluridisciplinaire du campus\u{a0}»"),
        at("signée le 26 août 2026"),
        at("Budget porté à 45 000 euros"),
        at("Article 1"),
        at("L’article 4 «\u{a0}Dispositions financières\u{a0}» est ainsi modifié\u{a0}:"),
        at("«\u{a0}42\u{202f}000\u{a0}» est remplacé par «\u{a0}45\u{202f}000\u{a0}»"),
        at("L’article 10 «\u{a0}Résiliation\u{a0}» est ainsi modifié\u{a0}:"),
        at("Les autres stipulations de la convention demeurent inchangées."),
        at("Fait à"),
        at("Musiques Croisées"),
    ];
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}\n{text}");
    assert!(!text.contains("Article 3"), "{text}");
    let xml = {
        use std::io::Read as _;
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..])).unwrap();
        let mut s = String::new();
        zip.by_name("word/document.xml")
            .unwrap()
            .read_to_string(&mut s)
            .unwrap();
        s
    };
    assert!(xml.contains("w:val=\"Heading1\""), "Word headings");
    assert!(xml.contains("<w:tbl>"), "the signature table");
    // The footer: the source, the baseline and the current fingerprints.
    let current = fingerprint(&r, "c.toml");
    r.write("base.toml", &r.git(&["show", "HEAD:c.toml"]));
    let base = fingerprint(&r, "base.toml");
    std::fs::remove_file(r.path("base.toml")).unwrap();
    assert_ne!(base, current);
    let footer = docx_text(&bytes, "word/footer1.xml");
    assert!(
        footer.contains("c.toml") && footer.contains(&format!("{base} (")),
        "{footer}"
    );
    assert!(footer.contains(&format!(" → {current}")), "{footer}");
    // Deterministic: the same bytes twice (and to the standard output).
    let again = r.pacte(&["render", "c.toml", "--amendment", "A1", "--format", "docx"]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(again.stdout, bytes);
    std::fs::remove_file(r.path("avenant.docx")).unwrap();
    assert!(r.pacte(&args).status.success());
    assert_eq!(std::fs::read(r.path("avenant.docx")).unwrap(), bytes);
    // A draft avenant has the mark as a header on every page.
    assert!(!bytes.windows(7).any(|w| w == b"header1"), "no header");
    let draft = r
        .read("c.toml")
        .replacen("status = \"active\"", "status = \"draft\"", 1);
    r.write("c.toml", &draft);
    let o = r.pacte(&["render", "c.toml", "--amendment", "A1", "--format", "docx"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let header = docx_text(&o.stdout, "word/header1.xml");
    assert_eq!(header.trim(), "PROJET", "{header}");
    // LibreOffice opens it and prints it: the title comes back.
    // Under CI=true a missing LibreOffice or pdftotext fails the test.
    let has = |p: &str, arg: &str| Command::new(p).arg(arg).output().is_ok();
    if !has("soffice", "--version") || !has("pdftotext", "-v") {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI: LibreOffice (soffice) and pdftotext must be installed (.ci/run installs them)"
        );
        eprintln!("note: soffice or pdftotext not found: the LibreOffice check is skipped");
        return;
    }
    let profile = format!("-env:UserInstallation=file://{}", r.path("lo").display());
    let o = Command::new("soffice")
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(r.path("pdf"))
        .arg(r.path("avenant.docx"))
        .output()
        .expect("soffice runs");
    assert!(o.status.success(), "{}", stderr(&o));
    let o = Command::new("pdftotext")
        .arg(r.path("pdf/avenant.pdf"))
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let pdf = stdout(&o).split_whitespace().collect::<Vec<_>>().join(" ");
    for s in [
        "Avenant n° 1 à la convention",
        "Festival pluridisciplinaire du campus",
        "demeurent inchangées",
    ] {
        assert!(pdf.contains(s), "{s} missing\n{pdf}");
    }
}

#[test]
fn an_avenant_needs_a_signed_baseline() {
    let r = Repo::new();
    r.write("c.toml", &festival_draft());
    r.commit("projet");
    r.write(
        "c.toml",
        &festival_draft().replacen(
            "[[annex]]",
            "[[amendment]]\nid = \"A1\"\ndate = 2027-01-10\nsummary = \"x\"\n\n[[annex]]",
            1,
        ),
    );
    assert_one_error(
        &r.pacte(&["render", "c.toml", "--amendment", "A1"]),
        "no revision whose terms every party signed",
    );
    // Signatures of the committed terms recorded in the working tree only
    // count too (no annex file here: the first signature changes nothing).
    r.write("c.toml", &festival_draft());
    sign_every_party(&r, "2026-08-26", None);
    let amended = r
        .read("c.toml")
        .replacen("notice_days = 60", "notice_days = 90", 1)
        .replacen(
            "[[annex]]",
            "[[amendment]]\nid = \"A1\"\ndate = 2027-01-10\nsummary = \"Préavis\"\n\n[[annex]]",
            1,
        );
    r.write("c.toml", &amended);
    let o = r.pacte(&["render", "c.toml", "--amendment", "A1"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("«\u{a0}60\u{a0}» est remplacé par «\u{a0}90\u{a0}»"),
        "{}",
        stdout(&o)
    );
}

// ---------------------------------------------------------------- no panic

/// Every command of this module on broken and odd files, committed one over
/// another: exit 0 or 2, and on 2 exactly one `error:` line, never a panic.
#[test]
fn git_commands_never_panic_on_the_fixtures() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = ["S001", "S003", "S005", "S007", "L007"]
        .iter()
        .flat_map(|c| {
            let dir = root.join("tests/fixtures/rules").join(c);
            std::fs::read_dir(dir)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
        })
        .filter(|p| p.extension().is_some_and(|e| e == "toml" || e == "yaml"))
        .collect();
    files.sort();
    files.push(root.join("examples/jardins-maraichers.yaml"));
    files.push(root.join("examples/festival-campus.toml"));
    let r = Repo::new();
    for f in &files {
        let ext = f.extension().unwrap().to_string_lossy().into_owned();
        let name = format!("c.{ext}");
        r.write(&name, &std::fs::read_to_string(f).unwrap());
        r.commit("x");
        for args in [
            vec!["diff", name.as_str()],
            vec!["diff", name.as_str(), "--from", "HEAD~1", "--format", "md"],
            vec!["log", name.as_str(), "--format", "json"],
            vec![
                "sign",
                name.as_str(),
                "--party",
                "ville",
                "--name",
                "X",
                "--date",
                "2027-01-01",
            ],
            vec!["render", name.as_str(), "--amendment", "A1"],
        ] {
            let o = r.pacte(&args);
            let err = stderr(&o);
            assert!(
                !err.contains("panicked"),
                "{args:?} on {}: {err}",
                f.display()
            );
            match o.status.code() {
                Some(0) => {}
                Some(2) => assert_eq!(
                    err.lines().filter(|l| l.starts_with("error:")).count(),
                    1,
                    "{args:?} on {}: {err}",
                    f.display()
                ),
                other => panic!("{args:?} on {}: exit {other:?}: {err}", f.display()),
            }
        }
    }
}
