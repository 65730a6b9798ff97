//! `pacte init`: into an empty folder, then again with nothing overwritten.

use std::path::Path;
use std::process::Command;

fn pacte(dir: &Path, lang: &str, args: &[&str]) -> (i32, String, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_pacte"))
        .args(args)
        .current_dir(dir)
        .env("PACTE_LANG", lang)
        .output()
        .unwrap();
    (
        o.status.code().unwrap(),
        String::from_utf8(o.stdout).unwrap(),
        String::from_utf8(o.stderr).unwrap(),
    )
}

fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for e in walk(dir) {
        let rel = e.strip_prefix(dir).unwrap().display().to_string();
        let bytes = if e.is_file() {
            std::fs::read(&e).unwrap()
        } else {
            Vec::new()
        };
        out.push((rel, bytes));
    }
    out.sort();
    out
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        }
        out.push(p);
    }
    out
}

#[test]
fn init_writes_everything_then_overwrites_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (code, out, err) = pacte(d, "en", &["init", "--jurisdiction", "FR"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "wrote pacte.toml\nwrote conventions/\nwrote pacte.schema.json\nwrote .taplo.toml\nwrote .github/workflows/pacte.yml\nwrote .pre-commit-config.yaml\n"
    );
    assert!(d.join("conventions").is_dir());
    let toml = std::fs::read_to_string(d.join("pacte.toml")).unwrap();
    assert!(toml.contains("lang = \"en\""));
    assert!(toml.contains("jurisdiction = \"FR\""));
    // The workspace file it wrote is one pacte reads without complaint.
    assert_eq!(pacte(d, "en", &["rules"]).0, 0);
    let ci = std::fs::read_to_string(d.join(".github/workflows/pacte.yml")).unwrap();
    assert!(ci.contains("pacte check --format github"));
    let version = env!("CARGO_PKG_VERSION");
    assert!(ci.contains(&format!("cargo install --locked pacte --version {version}")));
    assert!(ci.contains("# pacte is installed from crates.io"));
    let hook = std::fs::read_to_string(d.join(".pre-commit-config.yaml")).unwrap();
    assert!(hook.contains("id: pacte-check"));
    // The schema is `pacte schema`'s, in the language asked; taplo maps conventions to it.
    let schema: serde_json::Value =
        serde_json::from_slice(&std::fs::read(d.join("pacte.schema.json")).unwrap()).unwrap();
    assert_eq!(schema, pacte::schema::schema(pacte::model::Lang::En));
    let taplo = std::fs::read_to_string(d.join(".taplo.toml")).unwrap();
    assert!(taplo.contains("include = [\"conventions/**/*.toml\"]"));
    assert!(taplo.contains("path = \"pacte.schema.json\""));

    // Again, after the user edited a file: nothing changes, all is said.
    std::fs::write(d.join("pacte.toml"), "lang = \"fr\"\n").unwrap();
    let before = tree(d);
    let (code, out, _) = pacte(d, "en", &["init", "--ci", "github"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "left pacte.toml (already there)\nleft conventions/ (already there)\nleft pacte.schema.json (already there)\nleft .taplo.toml (already there)\nleft .github/workflows/pacte.yml (already there)\nleft .pre-commit-config.yaml (already there)\n"
    );
    assert_eq!(tree(d), before);
}

#[test]
fn init_gitlab_from_a_git_source_in_french() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let url = "https://example.org/pacte.git";
    let (code, out, err) = pacte(
        d,
        "fr",
        &[
            "init",
            "depot",
            "--ci",
            "gitlab",
            "--lang",
            "fr",
            "--pacte-source",
            url,
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("créé\u{a0}: depot/\ncréé\u{a0}: depot/pacte.toml\n"),
        "{out}"
    );
    let ci = std::fs::read_to_string(d.join("depot/.gitlab-ci.yml")).unwrap();
    assert!(ci.contains(&format!("cargo install --locked --git {url} pacte")));
    assert!(ci.contains("pacte check --format gitlab > gl-code-quality-report.json"));
    assert!(ci.contains("codequality: gl-code-quality-report.json"));
    assert!(ci.contains("depuis les sources git"));
    assert!(!d.join("depot/.github").exists());
    // The lines it prints follow the language of messages: PACTE_LANG
    // first, then the `lang` of the pacte.toml it writes (`--lang`).
    let (code, out, _) = pacte(d, "en", &["init", "autre", "--ci", "none", "--lang", "fr"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("wrote autre/\n"), "{out}");
    assert!(std::fs::read_to_string(d.join("autre/pacte.toml"))
        .unwrap()
        .contains("lang = \"fr\""));
    let hook = std::fs::read_to_string(d.join("depot/.pre-commit-config.yaml")).unwrap();
    assert!(hook.contains(&format!("repo: {url}")));
    let toml = std::fs::read_to_string(d.join("depot/pacte.toml")).unwrap();
    assert!(toml.contains("lang = \"fr\""));
}

#[test]
fn init_refuses_a_bad_jurisdiction_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = pacte(dir.path(), "en", &["init", "--jurisdiction", "fr"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.starts_with("error: "), "{err}");
    assert!(std::fs::read_dir(dir.path()).unwrap().next().is_none());
}

/// The `run:` block of the GitHub job's `pacte check` step, as the runner
/// gets it (the YAML block scalar, its indentation removed).
fn check_step(workflow: &str) -> String {
    let start = workflow
        .find("        run: |\n")
        .expect("the check step is a block")
        + "        run: |\n".len();
    workflow[start..]
        .lines()
        .take_while(|l| l.starts_with("          "))
        .map(|l| format!("{}\n", &l[10..]))
        .collect()
}

#[test]
fn the_ci_job_of_a_fresh_repository_passes_until_a_convention_exists() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    assert_eq!(pacte(d, "en", &["init", "--ci", "github"]).0, 0);
    let workflow = std::fs::read_to_string(d.join(".github/workflows/pacte.yml")).unwrap();
    let script = check_step(&workflow);
    assert!(
        script.ends_with("pacte check --format github\n"),
        "{script}"
    );
    // `pacte` on the PATH is the one under test.
    let bin = Path::new(env!("CARGO_BIN_EXE_pacte")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let run = |script: &str| {
        let o = Command::new("bash")
            .args(["-c", script])
            .current_dir(d)
            .env("PATH", &path)
            .env("PACTE_LANG", "en")
            .output()
            .unwrap();
        (
            o.status.code().unwrap(),
            String::from_utf8(o.stdout).unwrap(),
        )
    };
    // Nothing to check yet: the job says so and passes (`pacte check`
    // alone would stop with exit 2, "no convention found").
    assert_eq!(pacte(d, "en", &["check"]).0, 2);
    let (code, out) = run(&script);
    assert_eq!(
        (code, out.as_str()),
        (
            0,
            "pacte: no convention in conventions/ yet, nothing to check\n"
        )
    );
    // With a first convention, the job checks it: a fresh skeleton is a
    // draft, its blanks are warnings (K013), shown as annotations.
    assert_eq!(pacte(d, "en", &["new", "first"]).0, 0);
    let (code, out) = run(&script);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("::warning file=conventions/first.toml"),
        "{out}"
    );
    // The pre-commit hook runs only when a convention is committed.
    let hook = std::fs::read_to_string(d.join(".pre-commit-config.yaml")).unwrap();
    assert!(
        hook.contains("files: ^conventions/.*\\.(toml|ya?ml)$"),
        "{hook}"
    );
}
