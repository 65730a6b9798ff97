//! `pacte status` and `pacte report`: where the conventions stand as of a
//! date (CLI.md "status, report").
//!
//! One check run reads every file in parallel; while each document is in
//! memory a [`Summary`] is built from it (due dates with their state,
//! contributions, expenses, measures) and the document is dropped. The
//! outputs are then written from the summaries alone:
//!
//! * `status`: a terminal dashboard ([`status`]), or the JSON below;
//! * `report --format json`: [`json`] (amounts exact);
//! * `report --format ics`: [`ics`] (stable UIDs, deterministic);
//! * `report --format md|html`: the templates `report.md` / `report.html`
//!   (the frame: totals, deadlines, charts) and `report/convention.md` /
//!   `report/convention.html` (one convention's execution), through the
//!   same template set, override rules and labels as `pacte render`
//!   ([`crate::render::templates`]). The frame marks with
//!   `{{ executions }}` where the per-convention sections go; those are
//!   rendered in parallel, in chunks, and streamed, so that memory stays
//!   flat over thousands of conventions.

use std::io::{IsTerminal as _, Write};
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::failure::{because, shown, Fail as _, Failure, Prepared};
use jiff::civil::Date;
use rayon::prelude::*;

use crate::check::{self, Options};
use crate::cli::{ListFormat, RenderLang, ReportArgs, ReportFormat, StatusArgs};
use crate::config::Config;
use crate::discover::{self, Candidate};
use crate::model::Lang;
use crate::output;
use crate::render::labels::Labels;
use crate::render::templates::{self, TemplateSet};
use crate::Outcome;

pub mod charts;
pub mod csv;
pub mod financial;
pub mod ics;
pub mod json;
pub mod money;
pub mod scdl;
pub mod status;
pub mod summary;
pub mod totals;
pub mod view;

pub use summary::{Keep, Summary};

/// Runs reading this many files or more show a progress bar (on a terminal).
pub const PROGRESS_THRESHOLD: usize = 200;

/// Where the frame template puts the per-convention sections: a mark that
/// escaping keeps (private-use characters) and that no value can forge (a
/// random token, new in each run; it never reaches the output).
fn executions_mark() -> String {
    use std::hash::{BuildHasher as _, Hasher as _};
    let token = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    format!("\u{E000}pacte-executions-{token:016x}\u{E000}")
}

/// Checks the files and summarises each convention.
pub fn summarize(
    candidates: &[Candidate],
    config: &Config,
    as_of: Date,
    keep: Keep,
) -> Result<Vec<Summary>> {
    let bar = progress_bar(
        candidates.len(),
        crate::present::lang::from_process(config.lang),
    );
    let tick = || {
        if let Some(b) = &bar {
            b.inc(1);
        }
    };
    let opts = Options {
        config,
        as_of,
        progress: Some(&tick),
        structure_only: false,
    };
    let run = check::check(candidates, &opts, |a| Summary::build(a, as_of, keep))?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    Ok(run
        .files
        .into_iter()
        .map(|(report, s)| match s {
            // The check may add findings after the analysis (S004 across files).
            Some(mut s) => {
                s.errors = report.count(crate::diagnostic::Level::Error);
                s.warnings = report.count(crate::diagnostic::Level::Warning);
                s.infos = report.count(crate::diagnostic::Level::Info);
                s.completeness = report.completeness;
                s
            }
            None => Summary::from_report(&report),
        })
        .collect())
}

/// A progress bar on stderr, for long runs on a terminal only. The bar is
/// the one thing drawn outside the writers given to the command: it is
/// the edge of the program, and it never reaches stdout.
fn progress_bar(files: usize, lang: crate::model::Lang) -> Option<indicatif::ProgressBar> {
    if files < PROGRESS_THRESHOLD || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(files as u64),
        indicatif::ProgressDrawTarget::stderr(),
    );
    let template = crate::present::failures::note(&crate::failure::Note::ConventionsRead, lang);
    if let Ok(style) = indicatif::ProgressStyle::with_template(&template) {
        bar.set_style(style);
    }
    Some(bar)
}

fn candidates(paths: &[PathBuf], config: &Config) -> Result<Vec<Candidate>> {
    let found = discover::discover(paths, config)?;
    if found.is_empty() {
        return Err(nothing_found(paths));
    }
    Ok(found)
}

fn nothing_found(paths: &[PathBuf]) -> anyhow::Error {
    Failure::NoConventionFound {
        places: Some(paths.iter().map(|p| shown(p)).collect()),
    }
    .into()
}

/// `pacte status`.
pub fn status(
    args: &StatusArgs,
    config: &Config,
    color: bool,
    out: &mut dyn Write,
) -> Result<Outcome> {
    let found = candidates(&args.paths, config)?;
    let as_of = args.as_of.unwrap_or_else(crate::commands::today);
    let keep = Keep {
        money: true,
        detail: false,
    };
    let summaries = summarize(&found, config, as_of, keep)?;
    if summaries.is_empty() {
        return Err(nothing_found(&args.paths));
    }
    match args.format {
        ListFormat::Human => status::write(
            out,
            as_of,
            &summaries,
            color,
            crate::present::lang::from_process(config.lang),
        )?,
        ListFormat::Json => json::write(out, as_of, &summaries, &totals::totals(&summaries))?,
    }
    Ok(Outcome::Clean)
}

impl ReportFormat {
    fn from_extension(p: &Path) -> Option<ReportFormat> {
        let ext = p.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "md" | "markdown" => ReportFormat::Md,
            "html" | "htm" => ReportFormat::Html,
            "json" => ReportFormat::Json,
            "ics" | "ical" => ReportFormat::Ics,
            "csv" => ReportFormat::Csv,
            _ => return None,
        })
    }
}

/// `pacte report`.
pub fn report(args: &ReportArgs, config: &Config, stdout: &mut dyn Write) -> Result<Outcome> {
    let format = args
        .format
        .or_else(|| {
            args.out
                .output
                .as_deref()
                .and_then(ReportFormat::from_extension)
        })
        .unwrap_or(ReportFormat::Md);
    let found = candidates(&args.paths, config)?;
    // Everything that can stop the run is checked before reading the files.
    let target = match &args.out.output {
        Some(o) => {
            let inputs = output::canonical_inputs(found.iter().map(|c| c.path.as_path()));
            Some(output::Target::check(o, &inputs, args.out.force)?)
        }
        None => None,
    };
    if args.financial {
        if found.len() != 1 {
            return Err(Failure::FinancialOneFile { found: found.len() }.into());
        }
        if matches!(format, ReportFormat::Ics | ReportFormat::Csv) {
            return Err(Failure::FinancialFormats.into());
        }
    }
    let templates = match format {
        _ if args.financial => None,
        ReportFormat::Md | ReportFormat::Html => {
            Some(Templates::load(args.out.template_dir(config), format)?)
        }
        _ => None,
    };
    // The financial account's templates (md, html), overridable by name.
    let financial_set = match args.financial {
        true => Some(TemplateSet::load(args.out.template_dir(config))?),
        false => None,
    };
    let as_of = args.as_of.unwrap_or_else(crate::commands::today);
    // A large HTML portfolio summarises: no execution detail is kept (its
    // sections are compact), which keeps memory flat (view::LARGE_PORTFOLIO).
    let large_html = format == ReportFormat::Html && found.len() > view::LARGE_PORTFOLIO;
    let detail = (templates.is_some() && !large_html) || args.financial;
    // csv and ics write the due items alone (with the parties' names).
    let money = args.financial || !matches!(format, ReportFormat::Csv | ReportFormat::Ics);
    let keep = Keep { money, detail };
    let summaries = summarize(&found, config, as_of, keep)?;
    if summaries.is_empty() {
        return Err(nothing_found(&args.paths));
    }
    let lang = match (args.lang, &summaries[..]) {
        (Some(RenderLang::Fr), _) => Lang::Fr,
        (Some(RenderLang::En), _) => Lang::En,
        (None, [one]) => one.lang,
        (None, _) => config.lang.unwrap_or(Lang::Fr),
    };
    let write = |out: &mut dyn Write| -> Result<()> {
        if args.financial {
            let f = match format {
                ReportFormat::Html => "html",
                ReportFormat::Json => "json",
                _ => "md",
            };
            if let Some(set) = &financial_set {
                return financial::write(out, f, &summaries[0], as_of, lang, set);
            }
        }
        match (&templates, format) {
            (Some(t), _) => t.write(out, &summaries, as_of, lang),
            (None, ReportFormat::Ics) => Ok(ics::write(out, as_of, &summaries)?),
            (None, ReportFormat::Csv) => Ok(csv::write(out, &summaries)?),
            (None, _) => Ok(json::write(
                out,
                as_of,
                &summaries,
                &totals::totals(&summaries),
            )?),
        }
    };
    match target {
        None => write(stdout)?,
        Some(t) => t.write(|f| write(f))?,
    }
    Ok(Outcome::Clean)
}

/// The md or html templates of the report, from the render's template set.
pub struct Templates {
    set: TemplateSet,
    tera: tera::Tera,
    target: view::Target,
    frame: &'static str,
    section: &'static str,
}

impl Templates {
    pub fn load(dir: Option<&Path>, format: ReportFormat) -> Result<Templates> {
        let set = TemplateSet::load(dir)?;
        let (kind, target, frame, section) = match format {
            ReportFormat::Html => (
                templates::Kind::Html,
                view::Target::Html,
                "report.html",
                "report/convention.html",
            ),
            _ => (
                templates::Kind::Markdown,
                view::Target::Markdown,
                "report.md",
                "report/convention.md",
            ),
        };
        let tera = set.tera(kind)?;
        Ok(Templates {
            set,
            tera,
            target,
            frame,
            section,
        })
    }

    fn labels(&self, lang: Lang) -> Result<Labels> {
        self.set.labels(lang)
    }

    fn render(&self, name: &str, cx: &tera::Context) -> Result<String> {
        self.tera
            .render(name, cx)
            .map_err(|e| templates::template_error(name, None, &e))
    }

    /// Writes the whole report.
    pub fn write(
        &self,
        out: &mut dyn Write,
        summaries: &[Summary],
        as_of: Date,
        lang: Lang,
    ) -> Result<()> {
        let labels = self.labels(lang)?;
        let words = view::Words { l: &labels, lang };
        let t = totals::totals(summaries);
        let mut base = tera::Context::new();
        base.insert("l", &labels.to_json());
        base.insert("lang", lang.as_str());
        base.insert("single", &(summaries.len() == 1));
        base.insert("compact", &!view::sections_for_all(summaries, self.target));
        base.insert("version", env!("CARGO_PKG_VERSION"));
        base.insert(
            "colon",
            match lang {
                Lang::Fr => "\u{A0}: ",
                Lang::En => ": ",
            },
        );
        // The view is dropped as soon as the context holds it.
        let mut cx =
            tera::Context::from_serialize(view::frame(summaries, &t, as_of, &words, self.target))
                .or_fail(|| Failure::CannotPrepare {
                what: Prepared::Report,
            })?;
        drop(t);
        cx.extend(base.clone());
        let mark = executions_mark();
        cx.insert("executions", &mark);
        let text = self.render(self.frame, &cx)?;
        drop(cx);
        let (head, tail) = match text.split_once(mark.as_str()) {
            Some((h, t)) => (h, Some(t)),
            None => (text.as_str(), None),
        };
        let md = self.target == view::Target::Markdown;
        out.write_all(tidy(head, md).as_bytes())?;
        if let Some(tail) = tail {
            // Sections rendered in parallel, a chunk at a time, in order. A
            // large HTML portfolio gives a section only to the conventions
            // that need attention (view::needs_section).
            let all = view::sections_for_all(summaries, self.target);
            let shown: Vec<(usize, &Summary)> = summaries
                .iter()
                .enumerate()
                .filter(|(_, s)| all || view::needs_section(s))
                .collect();
            for chunk in shown.chunks(512) {
                // One copy of the base context per piece of work, not per
                // section (it holds every label): each section replaces `c`.
                let parts: Vec<Result<String>> = chunk
                    .par_iter()
                    .map_init(
                        || base.clone(),
                        |cx, &(i, s)| {
                            let v = view::convention(s, i, &words, self.target);
                            cx.insert("c", &v);
                            self.render(self.section, cx)
                                .map(|text| tidy(&text, md))
                                .map_err(|e| {
                                    because(
                                        Failure::Reporting {
                                            file: s.file.clone(),
                                        },
                                        e,
                                    )
                                })
                        },
                    )
                    .collect();
                for p in parts {
                    if md {
                        out.write_all(b"\n")?;
                    }
                    out.write_all(p?.as_bytes())?;
                }
            }
            if md {
                out.write_all(b"\n")?;
            }
            out.write_all(tidy(tail, md).as_bytes())?;
        }
        Ok(())
    }
}

/// Drops blank lines left by template tags: at most one in a row in
/// Markdown, none in HTML; no leading blank line.
fn tidy(text: &str, markdown: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = true;
    for line in text.lines() {
        if line.trim().is_empty() {
            if markdown && !blank {
                out.push('\n');
            }
            blank = true;
            continue;
        }
        blank = false;
        out.push_str(line.trim_end());
        out.push('\n');
    }
    if markdown {
        while out.ends_with("\n\n") {
            out.pop();
        }
    }
    out
}
