//! `pacte diff`: the differences of terms between two revisions of a
//! convention (default: `HEAD` and the working tree).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::failure::{Fail as _, Failure, Flaw};
use serde_json::json;

use crate::config::Config;
use crate::git::Repo;
use crate::load::{self, Loaded};
use crate::model::Lang;
use crate::terms_diff::{self, ChangeKind, Part, TermsDiff};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiffFormat {
    Human,
    Md,
    Json,
}

pub struct DiffOptions {
    pub file: PathBuf,
    pub from: Option<String>,
    pub to: Option<String>,
    pub format: DiffFormat,
}

/// One side of a comparison.
pub struct Side {
    /// `HEAD`, `v1`, … or `None` for the working tree.
    pub rev: Option<String>,
    pub commit: Option<String>,
    pub loaded: Loaded,
}

/// Loads the file at a revision (following renames) or, with `None`, from the working tree.
pub fn side(repo: &mut Repo, file: &Path, rev: Option<&str>, config: &Config) -> Result<Side> {
    let shown = file.display().to_string();
    let today = super::today();
    let Some(rev) = rev else {
        if !file.is_file() {
            return Err(Failure::NoSuchFile { path: shown }.into());
        }
        let bytes = std::fs::read(file).or_fail(|| Failure::CannotRead {
            path: shown.clone(),
        })?;
        let loaded =
            load::checked(file, bytes, config, today).map_err(|e| Failure::FixStructureFirst {
                flaw: Flaw::of(&e, &shown, None),
                check: None,
            })?;
        return Ok(Side {
            rev: None,
            commit: None,
            loaded,
        });
    };
    let commit = repo.resolve(rev)?;
    let Some(path) = repo.path_at(&commit)? else {
        return Err(Failure::DidNotExistAt {
            path: shown,
            rev: rev.to_string(),
        }
        .into());
    };
    let bytes = repo
        .blob(&commit, &path)?
        .or_fail(|| Failure::DidNotExistAt {
            path: shown.clone(),
            rev: rev.to_string(),
        })?;
    // The revision's own file name gives the syntax; annexes are read next to the file.
    let as_path = file.with_file_name(Path::new(&path).file_name().unwrap_or_default());
    let loaded =
        load::checked(&as_path, bytes, config, today).map_err(|e| Failure::RevisionFlawed {
            flaw: Flaw::of(&e, &shown, Some(rev)),
        })?;
    Ok(Side {
        rev: Some(rev.to_string()),
        commit: Some(commit),
        loaded,
    })
}

/// The built-in labels of a language (article titles).
pub fn labels(lang: Lang) -> Result<crate::render::labels::Labels> {
    crate::render::templates::TemplateSet::load(None)?.labels(lang)
}

pub fn run(opts: &DiffOptions, config: &Config, out: &mut dyn Write) -> Result<()> {
    let mut repo = Repo::open(&opts.file)?;
    let from = opts.from.as_deref().unwrap_or("HEAD");
    let old = side(&mut repo, &opts.file, Some(from), config)?;
    let new = side(&mut repo, &opts.file, opts.to.as_deref(), config)?;
    let lang = old.loaded.doc.convention.lang();
    let d = terms_diff::diff(&old.loaded, &new.loaded, &labels(lang)?, lang);
    let shown = opts.file.display().to_string();
    match opts.format {
        DiffFormat::Json => json_out(&shown, &old, &new, &d, out),
        DiffFormat::Human => human(&shown, &old, &new, &d, false, out),
        DiffFormat::Md => human(&shown, &old, &new, &d, true, out),
    }
}

fn side_name(s: &Side) -> String {
    match (&s.rev, &s.commit) {
        (Some(r), Some(c)) if r.len() >= 7 && c.starts_with(r.as_str()) => {
            c[..12.min(c.len())].to_string()
        }
        (Some(r), Some(c)) => format!("{r} ({})", &c[..12.min(c.len())]),
        (Some(r), None) => r.clone(),
        _ => "the working tree".into(),
    }
}

fn json_out(shown: &str, old: &Side, new: &Side, d: &TermsDiff, out: &mut dyn Write) -> Result<()> {
    let side = |s: &Side| {
        json!({
            "rev": s.rev,
            "commit": s.commit,
            "fingerprint": s.loaded.fingerprint,
        })
    };
    let doc = json!({
        "file": shown,
        "from": side(old),
        "to": side(new),
        "changed": d.changed(),
        "articles": d.articles,
        "voided_signatures": d.voided_signatures,
    });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)?;
    Ok(())
}

fn human(
    shown: &str,
    old: &Side,
    new: &Side,
    d: &TermsDiff,
    md: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let (from, to) = (side_name(old), side_name(new));
    if !d.changed() {
        writeln!(
            out,
            "{shown}: no change of terms between {from} and {to} ({})",
            d.new_fingerprint
        )?;
        return Ok(());
    }
    if md {
        writeln!(out, "## Changes of terms: `{shown}`\n")?;
        writeln!(
            out,
            "From {from} (`{}`) to {to} (`{}`).\n",
            d.old_fingerprint, d.new_fingerprint
        )?;
    } else {
        writeln!(out, "{shown}: the terms changed from {from} to {to}")?;
        writeln!(out, "  {} → {}", d.old_fingerprint, d.new_fingerprint)?;
    }
    for a in &d.articles {
        let mut head = match (a.part == Part::Article, a.number) {
            (true, Some(n)) => format!("Article {n} – {}", a.title),
            _ => a.title.clone(),
        };
        if a.new {
            head.push_str(" (new)");
        }
        if md {
            writeln!(out, "### {head}\n")?;
        } else {
            writeln!(out, "\n{head}")?;
        }
        for c in &a.changes {
            let line = change_line(c, md);
            if md {
                writeln!(out, "- {line}")?;
            } else {
                writeln!(out, "  {line}")?;
            }
        }
        if md {
            writeln!(out)?;
        }
    }
    let voided: Vec<String> = d
        .voided_signatures
        .iter()
        .map(|v| {
            let mut s = v.party.clone();
            let extra: Vec<&str> = [v.name.as_deref(), v.date.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            if !extra.is_empty() {
                s.push_str(&format!(" ({})", extra.join(", ")));
            }
            s
        })
        .collect();
    let sep = if md { "" } else { "\n" };
    if voided.is_empty() {
        writeln!(
            out,
            "{sep}No signature carries the old terms: none is voided."
        )?;
    } else {
        writeln!(
            out,
            "{sep}Voids the signature{} of: {} (they carry the old terms; the parties must sign again).",
            if voided.len() == 1 { "" } else { "s" },
            voided.join(", ")
        )?;
    }
    Ok(())
}

fn change_line(c: &terms_diff::Change, md: bool) -> String {
    let path = if md {
        format!("`{}`", c.path)
    } else {
        c.path.to_string()
    };
    let show = |v: &Option<serde_json::Value>| v.as_ref().map(terms_diff::show).unwrap_or_default();
    match c.change {
        ChangeKind::Added => format!("{path}: added {}", show(&c.new)),
        ChangeKind::Removed => format!("{path}: removed (was {})", show(&c.old)),
        ChangeKind::Changed => match (&c.old, &c.new) {
            (Some(serde_json::Value::String(a)), Some(serde_json::Value::String(b)))
                if md && (a.len() > 40 || b.len() > 40 || a.contains('\n') || b.contains('\n')) =>
            {
                format!(
                    "{path}: {}",
                    terms_diff::word_marks(a, b).replace('\n', " ")
                )
            }
            (Some(serde_json::Value::String(a)), Some(serde_json::Value::String(b)))
                if a.len() > 60 || b.len() > 60 || a.contains('\n') || b.contains('\n') =>
            {
                let lines = |t: &str, sign: &str| {
                    t.trim_end()
                        .lines()
                        .map(|l| format!("\n    {sign} {l}"))
                        .collect::<String>()
                };
                format!("{path}:{}{}", lines(a, "-"), lines(b, "+"))
            }
            _ => format!("{path}: {} → {}", show(&c.old), show(&c.new)),
        },
    }
}
