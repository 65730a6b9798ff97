//! `pacte render`: a convention as a signable document (Markdown, HTML, DOCX or
//! PDF), from Tera templates built into the binary and overridable by name
//! (see [`templates`] for the lookup order).
//!
//! The whole input is checked first; a file with structure (S) errors is
//! not rendered. Output is deterministic for Markdown and HTML: the same
//! input and git state give the same bytes (no clock is read).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::failure::{because, shown, Fail as _, Failure, Note, Prepared};
use rayon::prelude::*;

use crate::check::{self, Analysis, FileReport, Options, Run};
use crate::cli::{RenderArgs, RenderFormat, RenderLang};
use crate::config::Config;
use crate::diagnostic::Level;
use crate::discover::{self, Candidate};
use crate::emit::{Emitter, Human};
use crate::model::Lang;
use crate::output;
use crate::Outcome;

pub mod amendment;
#[cfg(unix)]
pub mod cdp;
pub mod docx;
/// The footer's git state lives in the one git module.
pub use crate::git::footer as git;
pub mod pdf;
// Moved to the presentation layer; the old paths stay valid.
pub use crate::present::{format, labels};
pub mod templates;
pub mod view;

use templates::{Kind, TemplateSet};

impl RenderFormat {
    pub fn extension(self) -> &'static str {
        match self {
            RenderFormat::Md => "md",
            RenderFormat::Html => "html",
            RenderFormat::Pdf => "pdf",
            RenderFormat::Docx => "docx",
        }
    }
    fn kind(self) -> Kind {
        match self {
            // DOCX reads the Markdown view: its rich fields as Markdown.
            RenderFormat::Md | RenderFormat::Docx => Kind::Markdown,
            RenderFormat::Html | RenderFormat::Pdf => Kind::Html,
        }
    }
    fn from_extension(p: &Path) -> Option<RenderFormat> {
        let ext = p.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "md" | "markdown" => RenderFormat::Md,
            "html" | "htm" => RenderFormat::Html,
            "pdf" => RenderFormat::Pdf,
            "docx" => RenderFormat::Docx,
            _ => return None,
        })
    }
}

/// Everything a render needs besides the document: shared by all files.
pub struct Renderer {
    set: TemplateSet,
    tera: tera::Tera,
    kind: Kind,
    labels_fr: labels::Labels,
    labels_en: labels::Labels,
    lang: Option<Lang>,
    git: git::Git,
    docx: bool,
}

/// One rendered document.
pub struct Rendered {
    pub id: String,
    pub text: String,
    /// The document itself when it is binary (DOCX); else `text` is.
    pub bytes: Option<Vec<u8>>,
    /// C and K errors: the document carries the draft mark.
    pub errors: usize,
}

impl Renderer {
    /// Loads the templates (built-in, overridden by `dir`) for `format`.
    pub fn new(dir: Option<&Path>, format: RenderFormat, lang: Option<Lang>) -> Result<Self> {
        let set = TemplateSet::load(dir)?;
        let kind = format.kind();
        let mut tera = set.tera(kind)?;
        // `{{ date | ordinal | safe }}`: pacte's own dates with "1er" raised (HTML).
        tera.register_filter(
            "ordinal",
            |v: &tera::Value, _: &std::collections::HashMap<String, tera::Value>| {
                let s = v.as_str().unwrap_or_default();
                Ok(tera::Value::String(
                    crate::present::typography::raise_ordinals_html(s),
                ))
            },
        );
        // Labels are pacte's own text: they get the language's typography.
        let typeset = |lang| -> Result<labels::Labels> {
            let mut l = set.labels(lang)?;
            l.typeset(lang);
            Ok(l)
        };
        Ok(Renderer {
            labels_fr: typeset(Lang::Fr)?,
            labels_en: typeset(Lang::En)?,
            set,
            tera,
            kind,
            lang,
            git: git::Git::default(),
            docx: format == RenderFormat::Docx,
        })
    }

    /// Renders one checked document.
    pub fn render(&self, a: &Analysis<'_>) -> Result<Rendered> {
        let lang = self.lang.unwrap_or_else(|| a.doc.convention.lang());
        let labels = match lang {
            Lang::Fr => &self.labels_fr,
            Lang::En => &self.labels_en,
        };
        let errors = a
            .report
            .diagnostics
            .iter()
            .filter(|d| {
                d.severity == Level::Error
                    && matches!(
                        crate::rules::meta(d.code).family,
                        crate::rules::Family::Clauses | crate::rules::Family::Consistency
                    )
            })
            .count();
        let provenance = view::Provenance {
            source: a.report.path.clone(),
            fingerprint: a.cx.fingerprint().to_string(),
            templates: self.set.describe(labels),
            git: self.git.state(&a.file.path).describe(labels),
        };
        let target = match self.kind {
            Kind::Markdown => view::Target::Markdown,
            Kind::Html => view::Target::Html,
        };
        let v = view::build(a.doc, labels, lang, target, Some(errors), &provenance);
        if self.docx {
            let bytes = docx::write(&v, labels, lang).map_err(|e| {
                because(
                    Failure::Rendering {
                        file: a.report.path.clone(),
                    },
                    e,
                )
            })?;
            return Ok(Rendered {
                id: v.id,
                text: String::new(),
                bytes: Some(bytes),
                errors,
            });
        }
        let mut cx = tera::Context::from_serialize(&v).or_fail(|| Failure::CannotPrepare {
            what: Prepared::Document,
        })?;
        cx.insert("l", &labels.to_json());
        let (colon, semicolon) = match lang {
            Lang::Fr => ("\u{A0}: ", "\u{A0}; "),
            Lang::En => (": ", "; "),
        };
        cx.insert("colon", colon);
        cx.insert("semicolon", semicolon);
        cx.insert("version", env!("CARGO_PKG_VERSION"));
        cx.insert(
            "initials_css",
            &view::css_string(&labels.get("footer.initials")),
        );
        let text = self.set.render(&self.tera, self.kind, &cx).map_err(|e| {
            because(
                Failure::Rendering {
                    file: a.report.path.clone(),
                },
                e,
            )
        })?;
        let text = tidy(&text, self.kind);
        Ok(Rendered {
            id: v.id,
            text,
            bytes: None,
            errors,
        })
    }
}

/// Trailing spaces kept (Markdown hard breaks), runs of blank lines cut
/// to one in Markdown, and exactly one final newline.
fn tidy(text: &str, kind: Kind) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.trim_start_matches('\n').lines() {
        if line.trim().is_empty() {
            blank += 1;
            if kind == Kind::Markdown && blank > 1 {
                continue;
            }
            out.push('\n');
            continue;
        }
        blank = 0;
        out.push_str(line);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// `pacte render`.
pub fn run(
    args: &RenderArgs,
    config: &Config,
    color_err: bool,
    quiet: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    if let Some(id) = &args.amendment {
        return amendment::run(args, id, config, out);
    }
    let folder = args.path.is_dir();
    if !folder && !args.path.is_file() {
        return Err(Failure::NoSuchFileOrFolder {
            path: shown(&args.path),
        }
        .into());
    }
    let format = args
        .format
        .or_else(|| {
            (!folder)
                .then(|| {
                    args.out
                        .output
                        .as_deref()
                        .and_then(RenderFormat::from_extension)
                })
                .flatten()
        })
        .unwrap_or(RenderFormat::Md);
    if folder && args.out.output.is_none() {
        return Err(Failure::FolderNeedsOutput {
            path: shown(&args.path),
        }
        .into());
    }
    if format == RenderFormat::Pdf && args.out.output.is_none() {
        return Err(Failure::PdfNeedsOutput.into());
    }
    // `-o DIR/` (a trailing slash), or any `-o` of a folder render, names
    // an output folder: created when missing, for every format.
    let into_folder = args.out.output.as_deref().is_some_and(|o| {
        folder || o.is_dir() || o.as_os_str().to_string_lossy().ends_with(['/', '\\'])
    });
    let browser = match format {
        RenderFormat::Pdf => Some(pdf::find_browser()?),
        _ => None,
    };
    let lang = args.lang.map(|l| match l {
        RenderLang::Fr => Lang::Fr,
        RenderLang::En => Lang::En,
    });
    let mut renderer = Renderer::new(args.out.template_dir(config), format, lang)?;

    let candidates = if folder {
        discover::discover(std::slice::from_ref(&args.path), config)?
    } else {
        vec![Candidate {
            path: args.path.clone(),
            explicit: true,
            matched_glob: false,
        }]
    };
    let opts = Options {
        config,
        as_of: crate::commands::today(),
        progress: None,
        structure_only: false,
    };
    if candidates.len() > 1 {
        let files: Vec<PathBuf> = candidates.iter().map(|c| c.path.clone()).collect();
        renderer.git.prepare(&files);
    }
    let renderer = renderer;
    let run = check::check(&candidates, &opts, |a| renderer.render(a))?;
    if run.files.is_empty() {
        return Err(Failure::NoConventionFound {
            places: Some(vec![shown(&args.path)]),
        }
        .into());
    }

    // Structure errors: nothing is written.
    let broken: Vec<&FileReport> = run.reports().filter(|r| r.has_structure_errors()).collect();
    if !broken.is_empty() {
        let shown = Run::<()> {
            files: broken
                .iter()
                .map(|r| {
                    let mut r = (*r).clone();
                    r.diagnostics.retain(|d| d.code.is_structure());
                    (r, None)
                })
                .collect(),
        };
        Human {
            color: color_err,
            quiet,
            lang: crate::present::lang::from_process(config.lang),
        }
        .emit(&shown, err)?;
        if folder {
            return Err(Failure::NothingRendered {
                path: crate::failure::shown(&args.path),
                broken: broken.len(),
                total: run.files.len(),
            }
            .into());
        }
        return Err(Failure::NotRendered {
            path: broken[0].path.clone(),
        }
        .into());
    }

    let mut docs: Vec<(FileReport, Rendered)> = Vec::new();
    for (report, rendered) in run.files {
        let Some(rendered) = rendered else {
            return Err(Failure::NotRenderedUnreadable { path: report.path }.into());
        };
        // Template errors already read `template NAME: line N: cause (FILE)`.
        let rendered = rendered?;
        docs.push((report, rendered));
    }

    let message_lang = crate::present::lang::from_process(config.lang);
    let notes = |err: &mut dyn Write, docs: &[(FileReport, Rendered)]| -> Result<()> {
        if quiet {
            return Ok(());
        }
        for (r, d) in docs {
            if d.errors > 0 {
                let note = Note::RenderedAsDraft {
                    path: r.path.clone(),
                    errors: d.errors,
                };
                writeln!(
                    err,
                    "{}",
                    crate::present::failures::note(&note, message_lang)
                )?;
            }
        }
        Ok(())
    };

    let Some(output) = &args.out.output else {
        for (_, d) in &docs {
            out.write_all(d.bytes.as_deref().unwrap_or(d.text.as_bytes()))?;
        }
        notes(err, &docs)?;
        return Ok(Outcome::Clean);
    };

    // Where each document goes; every target is checked before any write.
    let inputs = output::canonical_inputs(candidates.iter().map(|c| c.path.as_path()));
    if into_folder && !output.is_dir() {
        std::fs::create_dir_all(output).or_fail(|| Failure::CannotCreateOutputFolder {
            path: shown(output),
        })?;
    }
    let mut targets: Vec<output::Target> = Vec::new();
    for (r, d) in &docs {
        let path = if into_folder {
            if d.id.is_empty() {
                return Err(Failure::NoIdForOutput {
                    path: r.path.clone(),
                }
                .into());
            }
            output.join(format!("{}.{}", d.id, format.extension()))
        } else {
            output.clone()
        };
        targets.push(output::Target::check(&path, &inputs, args.out.force)?);
    }

    // PDF for several documents: one browser process prints them all.
    #[cfg(unix)]
    let printed: Option<Vec<Vec<u8>>> = match &browser {
        Some(b) if docs.len() > 1 => {
            let html: Vec<&str> = docs.iter().map(|(_, d)| d.text.as_str()).collect();
            Some(cdp::print_all(b, &html).or_fail(|| Failure::PdfNotWritten)?)
        }
        _ => None,
    };
    // Elsewhere (no DevTools pipe), one browser run per document.
    #[cfg(not(unix))]
    let printed: Option<Vec<Vec<u8>>> = None;
    let results: Vec<Result<()>> = docs
        .par_iter()
        .zip(targets.par_iter())
        .enumerate()
        .map(|(i, ((_, d), t))| {
            if let Some(p) = &printed {
                return t.write_bytes(&p[i]);
            }
            let bytes = match &browser {
                Some(b) => pdf::print(b, &d.text).or_fail(|| Failure::NotWritten {
                    path: shown(t.path()),
                })?,
                None => d
                    .bytes
                    .clone()
                    .unwrap_or_else(|| d.text.clone().into_bytes()),
            };
            t.write_bytes(&bytes)
        })
        .collect();
    for r in results {
        r?;
    }
    notes(err, &docs)?;
    Ok(Outcome::Clean)
}
