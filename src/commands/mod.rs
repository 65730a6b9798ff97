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

use anyhow::{bail, Context as _, Result};
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
    };
    let run = check::check(&candidates, &opts, |_| ())?;
    if run.files.is_empty() {
        let where_ = if args.paths.is_empty() {
            "in this folder".to_string()
        } else {
            format!(
                "in {}",
                args.paths
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        bail!("no convention found {where_} (a convention is a .toml, .yaml or .yml file with a `convention` table)");
    }
    match args.format {
        CheckFormat::Human => {
            Human { color, quiet }.emit(&run, out)?;
            if args.statistics {
                let lang = crate::present::lang::message_lang(config.lang);
                crate::emit::statistics::write_human(
                    &crate::emit::statistics::statistics(&run),
                    lang,
                    out,
                )?;
            }
        }
        CheckFormat::Json => Json.emit_with(&run, args.statistics, out)?,
        CheckFormat::Sarif => Sarif.emit(&run, out)?,
        CheckFormat::Github => Github.emit(&run, out)?,
        CheckFormat::Gitlab => Gitlab.emit(&run, out)?,
        CheckFormat::Junit => Junit.emit(&run, out)?,
        CheckFormat::Markdown => Markdown.emit(&run, out)?,
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
    format!(
        "{} {} ({}; level: {})\n\nFires when {}.\n\n{}",
        meta.code,
        meta.name,
        meta.family.as_str(),
        meta.levels.describe(),
        meta.summary,
        meta.explanation()
    )
}

#[derive(Serialize)]
struct RuleRow {
    code: &'static str,
    name: &'static str,
    family: &'static str,
    summary: &'static str,
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
    let rows: Vec<RuleRow> = CATALOGUE
        .iter()
        .map(|r| {
            let m = r.meta();
            let l = |k| config.level(m, k, status);
            RuleRow {
                code: m.code,
                name: m.name,
                family: m.family.as_str(),
                summary: m.summary,
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
                "{:<5} {:<34} {:<8} {:<8} {:<8} {:<8}  fires when",
                "code", "name", "realis.", "gestion", "protoc.", "subv."
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
            writeln!(
                out,
                "\nK013 is a warning in a draft and an error otherwise, unless pacte.toml sets it. `pacte explain CODE` tells more."
            )?;
        }
    }
    Ok(())
}

/// The fingerprint of a convention's terms; refuses a file with S errors.
pub fn fingerprint(path: &Path, config: &Config) -> Result<String> {
    if !path.is_file() {
        bail!("{}: no such file", path.display());
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
    };
    let run = check::check(std::slice::from_ref(&candidate), &opts, |a| {
        a.cx.fingerprint().to_string()
    })
    .with_context(|| format!("cannot fingerprint {}", path.display()))?;
    let Some((report, fp)) = run.files.into_iter().next() else {
        bail!("{}: not a convention", path.display());
    };
    if let Some(d) = report.diagnostics.iter().find(|d| d.code.starts_with('S')) {
        let at = match (d.line, d.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", d.file),
            _ => d.file.clone(),
        };
        bail!(
            "{at}: {} [{}]: fix the structure errors first (`pacte check {}`)",
            d.message,
            d.code,
            d.file
        );
    }
    fp.context("no fingerprint computed")
}
