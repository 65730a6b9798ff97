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
    #[allow(dead_code)]
    fn commit(&self, msg: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", msg, "--allow-empty"]);
    }
    fn pacte(&self, args: &[&str]) -> Output {
        Command::new(BIN)
            .current_dir(self.dir.path())
            .args(args)
            .env("NO_COLOR", "1")
            .env("HOME", self.dir.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env_remove("PACTE_LANG")
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
    let o = r.pacte(&[
        "sign",
        "c.toml",
        "--party",
        "ville",
        "--name",
        "Claire Roche",
        "--date",
        "2026-08-24",
        "--place",
        "Lyon",
    ]);
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
    let o = r.pacte(&[
        "sign",
        "c.toml",
        "--party",
        "theatre",
        "--name",
        "Sophie Lambert",
        "--date",
        "2026-08-26",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let two = r.read("c.toml");
    assert_eq!(two.matches("[[signature]]").count(), 2);
    assert!(two.contains("status = \"draft\""));
    let o = r.pacte(&[
        "sign",
        "c.toml",
        "--party",
        "musique",
        "--name",
        "Paul Girard",
        "--date",
        "2026-08-26",
    ]);
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
    let o = r.pacte(&[
        "sign",
        "j.yaml",
        "--party",
        "commune",
        "--name",
        "Mamadou Diop",
        "--date",
        "2026-06-25",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let fp = fingerprint(&r, "j.yaml");
    let one = r.read("j.yaml");
    let expected = format!(
        "{original}signature:\n  - party: \"commune\"\n    name: \"Mamadou Diop\"\n    date: 2026-06-25\n    fingerprint: \"{fp}\"\n"
    );
    assert_eq!(one, expected);
    for (party, name) in [("groupement", "Awa Ndiaye"), ("enda", "Fatou Sow")] {
        let o = r.pacte(&[
            "sign",
            "j.yaml",
            "--party",
            party,
            "--name",
            name,
            "--date",
            "2026-06-26",
        ]);
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
    let o = r.pacte(&[
        "sign",
        "j.yaml",
        "--party",
        "enda",
        "--name",
        "Fatou Sow",
        "--date",
        "2026-09-01",
    ]);
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
    let o = r.pacte(&["sign", "c.toml", "--party", "nobody", "--name", "X"]);
    assert_one_error(&o, "no party `nobody`");
    // An error-level finding (K003: contributions no longer add up).
    r.write(
        "k.toml",
        &before.replacen("budget = 42000", "budget = 43000", 1),
    );
    let o = r.pacte(&[
        "sign",
        "k.toml",
        "--party",
        "ville",
        "--name",
        "Claire Roche",
    ]);
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
    let o = r.pacte(&[
        "sign",
        "s.toml",
        "--party",
        "ville",
        "--name",
        "Claire Roche",
    ]);
    assert_one_error(&o, "[S002]");
    // A clause error judged at the status sign would write (C001: no title).
    r.write(
        "c1.toml",
        &before.replacen("title = \"Festival pluridisciplinaire du campus\"\n", "", 1),
    );
    let o = r.pacte(&[
        "sign",
        "c1.toml",
        "--party",
        "ville",
        "--name",
        "Claire Roche",
    ]);
    assert_one_error(&o, "[C001]");
    // Already signed these terms.
    let o = r.pacte(&[
        "sign",
        "c.toml",
        "--party",
        "ville",
        "--name",
        "Claire Roche",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let once = r.read("c.toml");
    let o = r.pacte(&[
        "sign",
        "c.toml",
        "--party",
        "ville",
        "--name",
        "Claire Roche",
    ]);
    assert_one_error(&o, "already signed these terms");
    assert_eq!(r.read("c.toml"), once);
    // An unknown amendment.
    let o = r.pacte(&[
        "sign",
        "c.toml",
        "--party",
        "theatre",
        "--name",
        "Sophie Lambert",
        "--amendment",
        "A9",
    ]);
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
    let o = r.pacte(&[
        "sign",
        "c.toml",
        "--party",
        "ville",
        "--name",
        "Jean Dupont",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(
            "warning: `Jean Dupont` is not the signatory of party `ville` (Claire Roche)"
        ),
        "{}",
        stderr(&o)
    );
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
