//! The commands behind the CLI; each returns data or writes to the writer
//! it is given.

pub mod diff;
pub mod export;
pub mod init;
pub mod log;
pub mod new;
pub mod shell;
pub mod sign;

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use crate::failure::{shown, Fail as _, Failure, Flaw};
use serde::Serialize;

use crate::check::{self, Options};
use crate::cli::{CheckArgs, CheckFormat, ListFormat};
use crate::config::Config;
use crate::diagnostic::Level;
use crate::discover;
use crate::emit::{Emitter, Github, Gitlab, Human, Json, Junit, Markdown, Sarif};
use crate::model::Kind;
use crate::rules::{RuleMeta, CATALOGUE};
use crate::Outcome;

/// Today's local date.
pub fn today() -> jiff::civil::Date {
    jiff::Zoned::now().date()
}

pub fn check(
    args: &CheckArgs,
    config: &Config,
    color: bool,
    quiet: bool,
    out: &mut dyn Write,
) -> Result<Outcome> {
    let candidates = discover::discover(&args.paths, config)?;
    let opts = Options {
        config,
        as_of: args.as_of.unwrap_or_else(today),
        progress: None,
        structure_only: false,
    };
    let lang = crate::present::lang::from_process(config.lang);
    let run = check::check(&candidates, &opts, |_| ())?;
    if run.files.is_empty() {
        return Err(Failure::NoConventionFound {
            places: Some(args.paths.iter().map(|p| shown(p)).collect()),
        }
        .into());
    }
    match args.format {
        CheckFormat::Human => {
            Human { color, quiet, lang }.emit(&run, out)?;
            if args.statistics {
                crate::emit::statistics::write_human(
                    &crate::emit::statistics::statistics(&run),
                    lang,
                    out,
                )?;
            }
        }
        CheckFormat::Json => Json { lang }.emit_with(&run, args.statistics, out)?,
        CheckFormat::Sarif => Sarif { lang }.emit(&run, out)?,
        CheckFormat::Github => Github { lang }.emit(&run, out)?,
        CheckFormat::Gitlab => Gitlab { lang }.emit(&run, out)?,
        CheckFormat::Junit => Junit { lang }.emit(&run, out)?,
        CheckFormat::Markdown => Markdown { lang }.emit(&run, out)?,
    }
    let failing =
        run.count(Level::Error) > 0 || (args.deny_warnings && run.count(Level::Warning) > 0);
    Ok(if failing {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

pub fn explain(meta: &RuleMeta) -> String {
    explain_in(meta, crate::model::Lang::En)
}

/// `pacte explain` in the language of messages.
pub fn explain_in(meta: &RuleMeta, lang: crate::model::Lang) -> String {
    use crate::present::messages;
    match lang {
        crate::model::Lang::En => format!(
            "{} {} ({}; level: {})\n\nFires when {}.\n\n{}",
            meta.code,
            meta.name,
            meta.family.as_str(),
            crate::present::messages::levels(meta.levels, crate::model::Lang::En),
            meta.summary,
            meta.explanation()
        ),
        crate::model::Lang::Fr => format!(
            "{} {} ({}\u{202f}; niveau\u{a0}: {})\n\nSe déclenche {}.\n\n{}",
            meta.code,
            meta.name,
            meta.family.as_str(),
            messages::levels(meta.levels, lang),
            messages::lorsque(&messages::summary(meta, lang)),
            messages::explanation(meta, lang)
        ),
    }
}

#[derive(Serialize)]
struct RuleRow {
    code: &'static str,
    name: &'static str,
    family: &'static str,
    summary: std::borrow::Cow<'static, str>,
    levels: LevelsRow,
}

#[derive(Serialize)]
struct LevelsRow {
    realisation: Level,
    gestion: Level,
    protocole: Level,
    subvention: Level,
}

pub fn rules(config: &Config, format: ListFormat, out: &mut dyn Write) -> Result<()> {
    // K013's default depends on the status; the catalogue shows it for a signed convention.
    let status = crate::model::Status::Signed;
    let lang = crate::present::lang::from_process(config.lang);
    let rows: Vec<RuleRow> = CATALOGUE
        .iter()
        .map(|r| {
            let m = r.meta();
            let l = |k| config.level(m, k, status);
            RuleRow {
                code: m.code.as_str(),
                name: m.name,
                family: m.family.as_str(),
                summary: crate::present::messages::summary(m, lang),
                levels: LevelsRow {
                    realisation: l(Kind::Realisation),
                    gestion: l(Kind::Gestion),
                    protocole: l(Kind::Protocole),
                    subvention: l(Kind::Subvention),
                },
            }
        })
        .collect();
    match format {
        ListFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &rows)?;
            writeln!(out)?;
        }
        ListFormat::Human => {
            writeln!(
                out,
                "{:<5} {:<34} {:<8} {:<8} {:<8} {:<8}  {}",
                "code",
                "name",
                "realis.",
                "gestion",
                "protoc.",
                "subv.",
                match lang {
                    crate::model::Lang::En => "fires when",
                    crate::model::Lang::Fr => "se déclenche lorsque",
                }
            )?;
            for r in &rows {
                let show = |l: Level| if l == Level::Off { "—" } else { l.as_str() };
                writeln!(
                    out,
                    "{:<5} {:<34} {:<8} {:<8} {:<8} {:<8}  {}",
                    r.code,
                    r.name,
                    show(r.levels.realisation),
                    show(r.levels.gestion),
                    show(r.levels.protocole),
                    show(r.levels.subvention),
                    r.summary
                )?;
            }
            match lang {
                crate::model::Lang::En => writeln!(
                    out,
                    "\nK013 is a warning in a draft and an error otherwise, unless pacte.toml sets it. `pacte explain CODE` tells more."
                )?,
                crate::model::Lang::Fr => writeln!(
                    out,
                    "\nK013 est un avertissement dans un projet (draft) et une erreur sinon, sauf si pacte.toml en dispose autrement. `pacte explain CODE` en dit plus."
                )?,
            }
        }
    }
    Ok(())
}

/// The fingerprint of a convention's terms; refuses a file with S errors.
pub fn fingerprint(path: &Path, config: &Config) -> Result<String> {
    if !path.is_file() {
        return Err(Failure::NoSuchFile { path: shown(path) }.into());
    }
    let candidate = discover::Candidate {
        path: path.to_path_buf(),
        explicit: true,
        matched_glob: false,
    };
    let opts = Options {
        config,
        as_of: today(),
        progress: None,
        // The terms need the reader and the structure rules only, not the
        // whole catalogue (ARCHITECTURE.md, "Load from text").
        structure_only: true,
    };
    let run = check::check(std::slice::from_ref(&candidate), &opts, |a| {
        a.cx.fingerprint().to_string()
    })
    .or_fail(|| Failure::CannotFingerprint { path: shown(path) })?;
    let Some((report, fp)) = run.files.into_iter().next() else {
        return Err(Failure::NotAConvention { path: shown(path) }.into());
    };
    if let Some(d) = report.diagnostics.iter().find(|d| d.code.is_structure()) {
        return Err(Failure::FixStructureFirst {
            flaw: Flaw::structure(d, &d.file),
            check: Some(d.file.clone()),
        }
        .into());
    }
    fp.or_fail(|| Failure::NoFingerprint)
}
