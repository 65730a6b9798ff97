//! `pacte diff`: the differences of terms between two revisions of a
//! convention (default: `HEAD` and the working tree).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;

use serde_json::json;

use crate::config::Config;
use crate::failure::{Fail as _, Failure, Flaw, History};
use crate::git::Repo;
use crate::load::{self, Loaded};
use crate::model::Lang;
use crate::present::failures::history as say;
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
    let words = crate::present::lang::from_process(config.lang);
    match opts.format {
        DiffFormat::Json => json_out(&shown, &old, &new, &d, out),
        DiffFormat::Human => human(&shown, &old, &new, &d, false, words, out),
        DiffFormat::Md => human(&shown, &old, &new, &d, true, words, out),
    }
}

fn side_name(s: &Side, lang: Lang) -> String {
    match (&s.rev, &s.commit) {
        (Some(r), Some(c)) if r.len() >= 7 && c.starts_with(r.as_str()) => {
            c[..12.min(c.len())].to_string()
        }
        (Some(r), Some(c)) => format!("{r} ({})", &c[..12.min(c.len())]),
        (Some(r), None) => r.clone(),
        _ => say(&History::WorkingTree, lang),
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
    lang: Lang,
    out: &mut dyn Write,
) -> Result<()> {
    let (from, to) = (side_name(old, lang), side_name(new, lang));
    let file = shown.to_string();
    if !d.changed() {
        let h = History::NoChange {
            file,
            from,
            to,
            fingerprint: d.new_fingerprint.clone(),
        };
        writeln!(out, "{}", say(&h, lang))?;
        return Ok(());
    }
    if md {
        writeln!(out, "{}\n", say(&History::ChangesHeading { file }, lang))?;
        let h = History::FromTo {
            from,
            old: d.old_fingerprint.clone(),
            to,
            new: d.new_fingerprint.clone(),
        };
        writeln!(out, "{}\n", say(&h, lang))?;
    } else {
        writeln!(
            out,
            "{}",
            say(&History::TermsChanged { file, from, to }, lang)
        )?;
        writeln!(out, "  {} → {}", d.old_fingerprint, d.new_fingerprint)?;
    }
    for a in &d.articles {
        let mut head = match (a.part == Part::Article, a.number) {
            (true, Some(n)) => format!("Article {n} – {}", a.title),
            _ => a.title.clone(),
        };
        if a.new {
            head.push_str(&say(&History::NewArticle, lang));
        }
        if md {
            writeln!(out, "### {head}\n")?;
        } else {
            writeln!(out, "\n{head}")?;
        }
        for c in &a.changes {
            let line = change_line(c, md, lang);
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
    let h = if voided.is_empty() {
        History::NoneVoided
    } else {
        History::Voids { signatures: voided }
    };
    writeln!(out, "{sep}{}", say(&h, lang))?;
    Ok(())
}

fn change_line(c: &terms_diff::Change, md: bool, lang: Lang) -> String {
    let path = if md {
        format!("`{}`", c.path)
    } else {
        c.path.to_string()
    };
    let show = |v: &Option<serde_json::Value>| v.as_ref().map(terms_diff::show).unwrap_or_default();
    match c.change {
        ChangeKind::Added => say(
            &History::Added {
                path,
                value: show(&c.new),
            },
            lang,
        ),
        ChangeKind::Removed => say(
            &History::Removed {
                path,
                value: show(&c.old),
            },
            lang,
        ),
        ChangeKind::Changed => match (&c.old, &c.new) {
            (Some(serde_json::Value::String(a)), Some(serde_json::Value::String(b)))
                if md && (a.len() > 40 || b.len() > 40 || a.contains('\n') || b.contains('\n')) =>
            {
                let rest = format!(" {}", terms_diff::word_marks(a, b).replace('\n', " "));
                say(&History::Labelled { path, rest }, lang)
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
                let rest = format!("{}{}", lines(a, "-"), lines(b, "+"));
                say(&History::Labelled { path, rest }, lang)
            }
            _ => say(
                &History::Changed {
                    path,
                    old: show(&c.old),
                    new: show(&c.new),
                },
                lang,
            ),
        },
    }
}
