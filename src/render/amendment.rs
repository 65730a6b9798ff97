//! `pacte render FILE --amendment ID`: the amendment ("avenant") written
//! from the differences of terms (`crate::terms_diff`) between a baseline
//! revision and the working tree.

use std::io::Write;

use anyhow::Result;

use crate::failure::{Fail as _, Failure, Prepared};
use serde::Serialize;
use serde_json::Value as Json;

use super::labels::Labels;
use super::templates::{Kind, TemplateSet};
use super::{docx, pdf, view, RenderFormat};
use crate::cli::{RenderArgs, RenderLang};
use crate::commands::diff::{side, Side};
use crate::config::Config;
use crate::git::Repo;
use crate::model::{Lang, Status};
use crate::terms_diff::{self, ChangeKind, Part, TermsDiff};
use crate::Outcome;

#[derive(Serialize)]
struct AmendmentView {
    lang: &'static str,
    title: String,
    reference: String,
    summary: Option<String>,
    articles: Vec<ArticleView>,
    unchanged: String,
    signing: view::SigningView,
    draft: Option<view::Draft>,
    footer: String,
    footer_css: String,
}

#[derive(Serialize)]
struct ArticleView {
    heading: String,
    intro: String,
    items: Vec<String>,
}

/// A value as the amendment quotes it: texts as written, lists joined,
/// tables as "key: value" pairs.
fn quote(v: &Json, lang: Lang) -> String {
    let colon = if lang == Lang::Fr { "\u{a0}: " } else { ": " };
    match v {
        Json::String(s) => s.trim().to_string(),
        Json::Array(items) => items
            .iter()
            .map(|i| quote(i, lang))
            .collect::<Vec<_>>()
            .join(", "),
        Json::Object(m) => m
            .iter()
            .map(|(k, v)| format!("{k}{colon}{}", quote(v, lang)))
            .collect::<Vec<_>>()
            .join(if lang == Lang::Fr { "\u{202f}; " } else { "; " }),
        // Numbers as the document writes them (42 000).
        Json::Number(n) => match n.to_string().parse::<rust_decimal::Decimal>() {
            Ok(d) => super::format::number(d, lang),
            Err(_) => n.to_string(),
        },
        other => terms_diff::show(other),
    }
}

fn articles(d: &TermsDiff, l: &Labels, lang: Lang) -> Vec<ArticleView> {
    d.articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let n = a.number.map(|n| n.to_string()).unwrap_or_default();
            let intro = match (&a.part, a.new) {
                (Part::Heading, _) => l.get("amendment.heading"),
                (Part::Signing, _) => l.get("amendment.signing"),
                (Part::Article, true) => {
                    l.fill("amendment.added", &[("n", &n), ("title", &a.title)])
                }
                (Part::Article, false) => {
                    l.fill("amendment.modified", &[("n", &n), ("title", &a.title)])
                }
            };
            let items = a
                .changes
                .iter()
                .map(|c| {
                    let key = c.path.to_string();
                    let old = c.old.as_ref().map(|v| quote(v, lang)).unwrap_or_default();
                    let new = c.new.as_ref().map(|v| quote(v, lang)).unwrap_or_default();
                    match c.change {
                        ChangeKind::Changed => l.fill(
                            "amendment.replaced",
                            &[("key", &key), ("old", &old), ("new", &new)],
                        ),
                        ChangeKind::Added => {
                            l.fill("amendment.inserted", &[("key", &key), ("new", &new)])
                        }
                        ChangeKind::Removed => {
                            l.fill("amendment.deleted", &[("key", &key), ("old", &old)])
                        }
                    }
                })
                .collect();
            ArticleView {
                heading: l.fill("amendment.article", &[("n", &(i + 1).to_string())]),
                intro,
                items,
            }
        })
        .collect()
}

/// The signing date of the baseline terms: the latest, over the parties,
/// of each party's earliest signature carrying them (FORMAT.md).
fn signing_date(base: &Side, current: &Side) -> Option<jiff::civil::Date> {
    let fp = &base.loaded.fingerprint;
    let mut latest = None;
    for party in base.loaded.doc.party_ids() {
        let earliest = [&base.loaded.doc, &current.loaded.doc]
            .iter()
            .flat_map(|d| d.signatures.items())
            .filter(|s| s.party.get().map(String::as_str) == Some(party))
            .filter(|s| {
                s.fingerprint
                    .get()
                    .is_some_and(|f| f.trim().eq_ignore_ascii_case(fp))
            })
            .filter_map(|s| s.date.get().copied())
            .min()?;
        latest = latest.max(Some(earliest));
    }
    latest
}

/// The baseline: `--from REV`, else the newest revision whose terms every party signed.
fn baseline(repo: &mut Repo, args: &RenderArgs, config: &Config, current: &Side) -> Result<Side> {
    let file = &args.path;
    if let Some(rev) = &args.from {
        return side(repo, file, Some(rev), config);
    }
    let history = crate::commands::log::history(repo, file)?;
    // Signatures recorded since (in the working tree) count too.
    let signed_now = |fp: &str, party: &str| {
        current.loaded.doc.signatures.items().iter().any(|s| {
            s.party.get().map(String::as_str) == Some(party)
                && s.fingerprint
                    .get()
                    .is_some_and(|f| f.trim().eq_ignore_ascii_case(fp))
        })
    };
    let Some(rev) = history.iter().find(|r| {
        r.all_signed
            || r.fingerprint.as_deref().is_some_and(|fp| {
                !r.parties.is_empty()
                    && r.parties
                        .iter()
                        .all(|p| r.signatures.iter().any(|s| &s.party == p) || signed_now(fp, p))
            })
    }) else {
        return Err(Failure::NoBaseline {
            path: crate::failure::shown(file),
        }
        .into());
    };
    let commit = rev.commit.clone();
    side(repo, file, Some(&commit), config)
}

pub fn run(args: &RenderArgs, id: &str, config: &Config, out: &mut dyn Write) -> Result<Outcome> {
    let file = &args.path;
    let shown = file.display().to_string();
    if !file.is_file() {
        return Err(Failure::AmendmentNeedsFile { path: shown }.into());
    }
    let format = args
        .format
        .or_else(|| {
            args.out
                .output
                .as_deref()
                .and_then(RenderFormat::from_extension)
        })
        .unwrap_or(RenderFormat::Md);
    if format == RenderFormat::Pdf && args.out.output.is_none() {
        return Err(Failure::PdfNeedsOutput.into());
    }
    let browser = match format {
        RenderFormat::Pdf => Some(pdf::find_browser()?),
        _ => None,
    };
    let mut repo = Repo::open(file)?;
    let current = side(&mut repo, file, None, config)?;
    let doc = &current.loaded.doc;
    let Some(position) = doc
        .amendments
        .items()
        .iter()
        .position(|a| a.id.get().map(String::as_str) == Some(id))
    else {
        return Err(Failure::NoAmendment {
            path: shown,
            id: id.to_string(),
        }
        .into());
    };
    let amendment = &doc.amendments.items()[position];
    let base = baseline(&mut repo, args, config, &current)?;
    let lang = match args.lang {
        Some(RenderLang::Fr) => Lang::Fr,
        Some(RenderLang::En) => Lang::En,
        None => doc.convention.lang(),
    };
    let set = TemplateSet::load(args.out.template_dir(config))?;
    let labels = set.labels(lang)?;
    let mut d = terms_diff::diff(&base.loaded, &current.loaded, &labels, lang);
    // The list of amendments records the avenant itself: not a change it makes.
    for a in &mut d.articles {
        a.changes.retain(
            |c| !matches!(c.path.0.first(), Some(terms_diff::Step::Key(k)) if k == "amendment"),
        );
    }
    d.articles.retain(|a| !a.changes.is_empty());
    if d.articles.is_empty() {
        return Err(Failure::NothingToAmend {
            path: shown,
            since: base.rev.clone(),
        }
        .into());
    }
    let conv = &base.loaded.doc.convention;
    let title_text = conv.title.get().cloned().unwrap_or_default();
    let conv_id = conv.id.get().cloned().unwrap_or_default();
    let n = (position + 1).to_string();
    let title = if title_text.is_empty() {
        labels.fill("amendment.title_untitled", &[("n", &n), ("id", &conv_id)])
    } else {
        labels.fill("amendment.title", &[("n", &n), ("title", &title_text)])
    };
    let reference = match signing_date(&base, &current) {
        Some(date) => labels.fill(
            "amendment.reference",
            &[
                ("title", &title_text),
                ("id", &conv_id),
                ("date", &super::format::date(date, lang)),
            ],
        ),
        None => labels.fill(
            "amendment.reference_undated",
            &[
                ("title", &title_text),
                ("id", &conv_id),
                ("fingerprint", &base.loaded.fingerprint),
            ],
        ),
    };
    let target = match format {
        RenderFormat::Md | RenderFormat::Docx => view::Target::Markdown,
        RenderFormat::Html | RenderFormat::Pdf => view::Target::Html,
    };
    let provenance = view::Provenance {
        source: shown.clone(),
        fingerprint: current.loaded.fingerprint.clone(),
        templates: set.describe(&labels),
        git: String::new(),
    };
    let v = view::build(doc, &labels, lang, target, None, &provenance);
    let base_commit = base
        .commit
        .as_deref()
        .map(|c| &c[..12.min(c.len())])
        .unwrap_or("");
    let footer = format!(
        "{} · {} {} ({base_commit}) → {}",
        shown,
        labels.get("amendment.baseline"),
        base.loaded.fingerprint,
        current.loaded.fingerprint
    );
    let draft = (doc.convention.status() == Status::Draft).then(|| view::Draft {
        mark: labels.get("doc.draft_mark"),
        note: labels.get("doc.draft_note"),
        findings: None,
    });
    let av = AmendmentView {
        lang: lang.as_str(),
        title,
        reference,
        summary: amendment.summary.get().map(|s| s.trim().to_string()),
        articles: articles(&d, &labels, lang),
        unchanged: labels.get("amendment.unchanged"),
        signing: v.signing,
        draft,
        footer_css: view::css_string(&footer),
        footer,
    };
    // Every format named: none falls back to HTML unnoticed.
    let kind = match format {
        RenderFormat::Md => Kind::Markdown,
        RenderFormat::Html | RenderFormat::Pdf => Kind::Html,
        RenderFormat::Docx => return write_docx(&av, &labels, lang, args, out),
    };
    let tera = set.tera(kind)?;
    let mut cx = tera::Context::from_serialize(&av).or_fail(|| Failure::CannotPrepare {
        what: Prepared::Amendment,
    })?;
    cx.insert("l", &labels.to_json());
    let (colon, semicolon) = match lang {
        Lang::Fr => ("\u{A0}: ", "\u{A0}; "),
        Lang::En => (": ", "; "),
    };
    cx.insert("colon", colon);
    cx.insert("semicolon", semicolon);
    let name = match kind {
        Kind::Markdown => "amendment.md",
        Kind::Html => "amendment.html",
    };
    let text = tera
        .render(name, &cx)
        .map_err(|e| super::templates::template_error(name, None, &e))?;
    let text = super::tidy(&text, kind);
    let Some(output) = &args.out.output else {
        out.write_all(text.as_bytes())?;
        return Ok(Outcome::Clean);
    };
    let inputs = crate::output::canonical_inputs([file.as_path()]);
    let target = crate::output::Target::check(output, &inputs, args.out.force)?;
    let bytes = match &browser {
        Some(b) => pdf::print(b, &text).or_fail(|| Failure::NotWritten {
            path: crate::failure::shown(output),
        })?,
        None => text.into_bytes(),
    };
    target.write_bytes(&bytes)?;
    Ok(Outcome::Clean)
}

/// The avenant as DOCX, through the convention's DOCX writer.
fn write_docx(
    av: &AmendmentView,
    labels: &Labels,
    lang: Lang,
    args: &RenderArgs,
    out: &mut dyn Write,
) -> Result<Outcome> {
    let file = &args.path;
    let d = docx::Amendment {
        title: &av.title,
        reference: &av.reference,
        summary: av.summary.as_deref(),
        articles: av
            .articles
            .iter()
            .map(|a| (a.heading.as_str(), a.intro.as_str(), a.items.as_slice()))
            .collect(),
        unchanged: &av.unchanged,
        signing: &av.signing,
        draft: av.draft.as_ref(),
        footer: &av.footer,
    };
    let bytes = docx::write_amendment(&d, labels, lang)?;
    // Without -o, the bytes go to the output, as for a convention.
    let Some(output) = &args.out.output else {
        out.write_all(&bytes)?;
        return Ok(Outcome::Clean);
    };
    let inputs = crate::output::canonical_inputs([file.as_path()]);
    let target = crate::output::Target::check(output, &inputs, args.out.force)?;
    target.write_bytes(&bytes)?;
    Ok(Outcome::Clean)
}
