//! `pacte init [DIR]`: sets up a repository of conventions. Writes
//! `pacte.toml`, `conventions/`, the schema for editors (`pacte.schema.json`
//! and a `.taplo.toml` that maps conventions to it), a CI job that runs `pacte check`
//! (GitHub Actions with annotations, or GitLab CI with a Code Quality
//! report) and a `.pre-commit-config.yaml` entry. It never overwrites a
//! file: what exists is left as it is, and said.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::failure::{shown, Fail as _, Failure, Note};

use crate::model::Lang;
use crate::output::{Inputs, Target};

/// Which CI job `init` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ci {
    Github,
    Gitlab,
    None,
}

pub struct InitOptions {
    /// The folder to set up; empty for the current folder.
    pub dir: PathBuf,
    /// The language of `pacte.toml`'s `lang`, of the comments and of the report.
    pub lang: Lang,
    pub jurisdiction: Option<String>,
    pub ci: Ci,
    /// A git URL to install pacte from, instead of crates.io.
    pub pacte_source: Option<String>,
}

/// What happened to one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Wrote(PathBuf),
    Left(PathBuf),
}

/// The running version, written into the CI job and the pre-commit entry.
const VERSION: &str = env!("CARGO_PKG_VERSION");

fn t(lang: Lang, fr: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

fn pacte_toml(o: &InitOptions) -> String {
    let l = o.lang;
    let mut s = String::new();
    s.push_str(t(
        l,
        "# L’espace de travail de pacte\u{a0}: les conventions de ce dépôt et leurs réglages.\n",
        "# The pacte workspace: the conventions of this repository and their settings.\n",
    ));
    s.push_str(
        "conventions = [\"conventions/**/*.toml\", \"conventions/**/*.yaml\", \"conventions/**/*.yml\"]\n",
    );
    let lang = match l {
        Lang::Fr => "fr",
        Lang::En => "en",
    };
    s.push_str(&format!(
        "lang = \"{lang}\"  {}\n",
        t(
            l,
            "# langue des messages et des squelettes de `pacte new`\u{a0}: \"fr\" | \"en\"",
            "# language of messages and of `pacte new` skeletons: \"fr\" | \"en\""
        )
    ));
    match &o.jurisdiction {
        Some(j) => s.push_str(&format!(
            "jurisdiction = \"{j}\"  {}\n",
            t(
                l,
                "# pays dont le droit s’applique, par défaut, à chaque convention",
                "# the country whose law applies, by default, to every convention"
            )
        )),
        None => s.push_str(t(
            l,
            "# jurisdiction = \"FR\"  # pays dont le droit s’applique (code ISO 3166-1 alpha-2)\n",
            "# jurisdiction = \"FR\"  # the country whose law applies (ISO 3166-1 alpha-2 code)\n",
        )),
    }
    s.push_str(t(
        l,
        "\n# Niveau d’une règle\u{a0}: \"error\" | \"warning\" | \"info\" | \"off\" (voir `pacte rules`).\n[rules]\n",
        "\n# The level of a rule: \"error\" | \"warning\" | \"info\" | \"off\" (see `pacte rules`).\n[rules]\n",
    ));
    s
}

/// The commented lines that say how the CI job obtains pacte, and the
/// command that does it.
fn install(o: &InitOptions) -> (String, String) {
    let l = o.lang;
    match &o.pacte_source {
        Some(url) => (
            format!(
                "{}\n{}\n",
                t(
                    l,
                    "# pacte est installé depuis les sources git données à `pacte init --pacte-source`\u{a0}:",
                    "# pacte is installed from the git sources given to `pacte init --pacte-source`:"
                ),
                t(
                    l,
                    "# pour en changer, remplacez l’adresse ci-dessous (ou installez depuis crates.io\u{a0}: `cargo install --locked pacte`).",
                    "# to change it, replace the address below (or install from crates.io: `cargo install --locked pacte`)."
                ),
            ),
            format!("cargo install --locked --git {url} pacte"),
        ),
        None => (
            format!(
                "{}\n{}\n",
                t(
                    l,
                    "# pacte est installé depuis crates.io, dans la version qui a écrit ce fichier\u{202f}; si elle n’y est pas publiée,",
                    "# pacte is installed from crates.io, at the version that wrote this file; if that version is not published there,"
                ),
                t(
                    l,
                    "# remplacez la commande par `cargo install --locked --git ADRESSE pacte` (ou relancez `pacte init --pacte-source ADRESSE`).",
                    "# replace the command with `cargo install --locked --git URL pacte` (or run `pacte init --pacte-source URL` again)."
                ),
            ),
            format!("cargo install --locked pacte --version {VERSION}"),
        ),
    }
}

/// The comment that explains the CI job's guard, and what the job says when
/// the repository has no convention yet: `pacte check` stops (exit 2) when
/// it finds none, and a repository just set up has none.
fn no_convention_yet(lang: Lang, indent: &str) -> (String, &'static str) {
    let (a, b, none) = match lang {
        Lang::Fr => (
            "# Tant que conventions/ ne contient aucune convention (`pacte new ID` en écrit une),",
            "# il n’y a rien à vérifier\u{a0}: `pacte check` s’arrêterait sur «\u{a0}aucune convention trouvée\u{a0}».",
            "pacte\u{a0}: aucune convention dans conventions/ pour l’instant, rien à vérifier",
        ),
        Lang::En => (
            "# Until conventions/ holds a convention (`pacte new ID` writes one), there is",
            "# nothing to check: `pacte check` would stop with \"no convention found\".",
            "pacte: no convention in conventions/ yet, nothing to check",
        ),
    };
    (format!("{a}\n{indent}{b}\n"), none)
}

fn github(o: &InitOptions) -> String {
    let (comment, command) = install(o);
    let title = t(
        o.lang,
        "# Vérifie les conventions à chaque envoi et à chaque demande de fusion\u{202f}; les constats\n# s’affichent en annotations sur les lignes concernées.\n",
        "# Checks the conventions on every push and pull request; findings are shown\n# as annotations on the lines they concern.\n",
    );
    let (why, none) = no_convention_yet(o.lang, "        ");
    format!(
        "{title}{comment}name: pacte\non: [push, pull_request]\njobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: dtolnay/rust-toolchain@stable\n      - name: Install pacte\n        run: {command}\n      - name: pacte check\n        {why}        run: |\n          if ! find conventions -type f \\( -name '*.toml' -o -name '*.yaml' -o -name '*.yml' \\) 2>/dev/null | grep -q .; then\n            echo \"{none}\"; exit 0\n          fi\n          pacte check --format github\n"
    )
}

fn gitlab(o: &InitOptions) -> String {
    let (comment, command) = install(o);
    let title = t(
        o.lang,
        "# Vérifie les conventions à chaque envoi\u{202f}; les constats forment un rapport Code Quality\n# affiché dans les demandes de fusion.\n",
        "# Checks the conventions on every push; findings form a Code Quality report\n# shown in merge requests.\n",
    );
    let (why, none) = no_convention_yet(o.lang, "    ");
    format!(
        "{title}{comment}pacte:\n  image: rust:latest\n  script:\n    - {command}\n    {why}    - |\n      if ! find conventions -type f \\( -name '*.toml' -o -name '*.yaml' -o -name '*.yml' \\) 2>/dev/null | grep -q .; then\n        echo \"{none}\"; echo '[]' > gl-code-quality-report.json; exit 0\n      fi\n    - pacte check --format gitlab > gl-code-quality-report.json\n  artifacts:\n    when: always\n    reports:\n      codequality: gl-code-quality-report.json\n"
    )
}

fn taplo(lang: Lang) -> String {
    format!(
        "{}[[rule]]\ninclude = [\"conventions/**/*.toml\"]\n\n[rule.schema]\npath = \"pacte.schema.json\"\n",
        t(
            lang,
            "# Associe les conventions au schéma de pacte, pour taplo et Even Better TOML\n# (complétion, description des clés, erreurs à la saisie). `pacte schema` le régénère.\n",
            "# Maps the conventions to pacte's schema, for taplo and Even Better TOML\n# (completion, key descriptions, errors as you type). `pacte schema` writes it again.\n"
        )
    )
}

fn pre_commit(o: &InitOptions) -> String {
    let head = t(
        o.lang,
        "# Vérifie les conventions avant chaque commit (https://pre-commit.com).\n",
        "# Checks the conventions before each commit (https://pre-commit.com).\n",
    );
    match &o.pacte_source {
        Some(url) => format!(
            "{head}{}repos:\n  - repo: {url}\n    rev: v{VERSION}\n    hooks:\n      - id: pacte-check\n        files: ^conventions/.*\\.(toml|ya?ml)$\n",
            t(
                o.lang,
                "# `rev` est l’étiquette git de la version de pacte qui a écrit ce fichier\u{202f}; changez-la pour en suivre une autre.\n",
                "# `rev` is the git tag of the pacte version that wrote this file; change it to follow another.\n"
            )
        ),
        None => format!(
            "{head}{}repos:\n  - repo: local\n    hooks:\n      - id: pacte-check\n        name: pacte check\n        entry: pacte check\n        language: system\n        files: ^conventions/.*\\.(toml|ya?ml)$\n        pass_filenames: false\n",
            t(
                o.lang,
                "# Le hook appelle le `pacte` installé sur la machine\u{202f}; avec `pacte init --pacte-source ADRESSE`,\n# il est construit depuis ce dépôt.\n",
                "# The hook runs the `pacte` installed on the machine; with `pacte init --pacte-source URL`,\n# it is built from that repository.\n"
            )
        ),
    }
}

/// Writes `text` at `path` unless something is already there.
fn write_new(path: &Path, text: &str, done: &mut Vec<Outcome>) -> Result<()> {
    if std::fs::symlink_metadata(path).is_ok() {
        done.push(Outcome::Left(path.to_path_buf()));
        return Ok(());
    }
    Target::check(path, &Inputs::default(), false)?.write_bytes(text.as_bytes())?;
    done.push(Outcome::Wrote(path.to_path_buf()));
    Ok(())
}

fn make_dir(path: &Path, done: &mut Vec<Outcome>) -> Result<()> {
    match std::fs::symlink_metadata(path) {
        // Shown with a trailing `/`, as folders.
        Ok(m) if m.is_dir() => done.push(Outcome::Left(path.join(""))),
        Ok(_) => return Err(Failure::ExistsNotAFolder { path: shown(path) }.into()),
        Err(_) => {
            std::fs::create_dir_all(path)
                .or_fail(|| Failure::CannotCreateFolder { path: shown(path) })?;
            done.push(Outcome::Wrote(path.join("")));
        }
    }
    Ok(())
}

/// Sets up the repository; returns what it wrote and what it left.
pub fn init(o: &InitOptions) -> Result<Vec<Outcome>> {
    if let Some(j) = &o.jurisdiction {
        if !crate::codes::is_country(j) {
            return Err(Failure::Jurisdiction {
                at: None,
                key: "--jurisdiction",
                found: j.clone(),
            }
            .into());
        }
    }
    let mut done = Vec::new();
    if !o.dir.as_os_str().is_empty() && !o.dir.is_dir() {
        make_dir(&o.dir, &mut done)?;
    }
    let d = &o.dir;
    write_new(&d.join("pacte.toml"), &pacte_toml(o), &mut done)?;
    make_dir(&d.join("conventions"), &mut done)?;
    let mut schema = serde_json::to_string_pretty(&crate::schema::schema(o.lang))?;
    schema.push('\n');
    write_new(&d.join("pacte.schema.json"), &schema, &mut done)?;
    write_new(&d.join(".taplo.toml"), &taplo(o.lang), &mut done)?;
    match o.ci {
        Ci::Github => {
            let wf = d.join(".github").join("workflows");
            std::fs::create_dir_all(&wf)
                .or_fail(|| Failure::CannotCreateFolder { path: shown(&wf) })?;
            write_new(&wf.join("pacte.yml"), &github(o), &mut done)?;
        }
        Ci::Gitlab => write_new(&d.join(".gitlab-ci.yml"), &gitlab(o), &mut done)?,
        Ci::None => {}
    }
    write_new(
        &d.join(".pre-commit-config.yaml"),
        &pre_commit(o),
        &mut done,
    )?;
    Ok(done)
}

/// One line per file: written, or left as it was.
pub fn describe(lang: Lang, done: &[Outcome], out: &mut dyn Write) -> Result<()> {
    for o in done {
        let note = match o {
            Outcome::Wrote(p) => Note::Wrote { path: shown(p) },
            Outcome::Left(p) => Note::Left { path: shown(p) },
        };
        writeln!(out, "{}", crate::present::failures::note(&note, lang))?;
    }
    Ok(())
}
