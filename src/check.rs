//! The check pipeline: read, decode, run the catalogue, apply levels and
//! waivers, resolve positions. Files are processed in parallel and each
//! file's text is dropped once its diagnostics are resolved.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use anyhow::Result;
use jiff::civil::Date;
use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Finding, Level};
use crate::discover::{display_path, Candidate};
use crate::load::{Content, Source};
use crate::model::{Document, Kind, Status};
use crate::rules::{self, Context, Family};
use crate::source::{Locator, Position, SourceFile, Span};
use crate::value::Node;

/// What one run needs to know.
pub struct Options<'a> {
    pub config: &'a Config,
    pub as_of: Date,
    /// Called once per file read (from any thread), for a progress bar.
    pub progress: Option<&'a (dyn Fn() + Sync)>,
    /// Runs the structure rules only (S): enough to know whether a file can
    /// be read as a convention, as `pacte fingerprint` needs.
    pub structure_only: bool,
}

/// The result of checking one convention file.
#[derive(Clone, Debug)]
pub struct FileReport {
    pub path: String,
    pub id: Option<String>,
    pub title: Option<String>,
    pub kind: Kind,
    pub status: Status,
    pub diagnostics: Vec<Diagnostic>,
    pub waived: usize,
    /// passed / applicable over the C rules at level error; `None` with S errors.
    pub completeness: Option<f64>,
    /// The source lines the diagnostics point at, each kept once:
    /// line number → (byte offset of its start in the file, text).
    pub lines: BTreeMap<usize, (usize, String)>,
    id_location: Option<(Position, Position, Span, (usize, String))>,
}

impl FileReport {
    pub fn count(&self, level: Level) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == level)
            .count()
    }
    pub fn has_structure_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.code.is_structure())
    }
}

/// Everything known of one convention while its file is in memory, for
/// commands that need more than the diagnostics (render, report).
pub struct Analysis<'a> {
    pub file: &'a SourceFile,
    pub root: &'a Node,
    pub doc: &'a Document,
    pub report: &'a FileReport,
    pub cx: &'a Context<'a>,
}

/// The whole run.
#[derive(Debug, Default)]
pub struct Run<T = ()> {
    pub files: Vec<(FileReport, Option<T>)>,
}

impl<T> Run<T> {
    pub fn reports(&self) -> impl Iterator<Item = &FileReport> {
        self.files.iter().map(|(r, _)| r)
    }
    pub fn count(&self, level: Level) -> usize {
        self.reports().map(|r| r.count(level)).sum()
    }
    pub fn waived(&self) -> usize {
        self.reports().map(|r| r.waived).sum()
    }
}

/// Checks the candidates; `analyze` is called for each convention that
/// could be decoded, while its document is in memory.
pub fn check<T: Send>(
    candidates: &[Candidate],
    opts: &Options<'_>,
    analyze: impl Fn(&Analysis<'_>) -> T + Sync,
) -> Result<Run<T>> {
    // The workspace root of each folder, found once (it looks for `.git`
    // in every folder above): thousands of files share a few folders.
    let mut roots: HashMap<&Path, std::path::PathBuf> = HashMap::new();
    for c in candidates {
        let dir = base_dir(&c.path);
        roots
            .entry(dir)
            .or_insert_with(|| crate::workspace::root(dir, opts.config.path.as_deref()));
    }
    let results: Vec<Option<(FileReport, Option<T>)>> = candidates
        .par_iter()
        .map(|c| {
            let root = roots.get(base_dir(&c.path)).map(|p| p.as_path());
            let result = check_one(c, opts, root, &analyze);
            if let Some(tick) = opts.progress {
                tick();
            }
            result
        })
        .collect::<Result<_>>()?;
    let mut files: Vec<(FileReport, Option<T>)> = results.into_iter().flatten().collect();
    duplicate_convention_ids(&mut files);
    Ok(Run { files })
}

fn looks_like_convention(text: &str) -> bool {
    text.lines()
        .any(|l| l.starts_with("[convention]") || l.starts_with("convention:"))
}

/// The bytes of a convention file: a regular file, at most
/// [`crate::workspace::CONVENTION_LIMIT`] bytes.
pub fn read_convention(path: &Path) -> Result<Vec<u8>> {
    crate::workspace::read_regular(path, crate::workspace::CONVENTION_LIMIT).map_err(|e| match e {
        crate::workspace::Refusal::NotRegularInside => crate::failure::Failure::NotARegularFile {
            path: crate::failure::shown(path),
        }
        .into(),
        e => crate::failure::because(
            crate::failure::Failure::CannotRead {
                path: crate::failure::shown(path),
            },
            e,
        ),
    })
}

/// The folder a convention's annexes are read from.
fn base_dir(path: &Path) -> &Path {
    path.parent().unwrap_or(Path::new("."))
}

fn check_one<T>(
    c: &Candidate,
    opts: &Options<'_>,
    workspace_root: Option<&Path>,
    analyze: &(impl Fn(&Analysis<'_>) -> T + Sync),
) -> Result<Option<(FileReport, Option<T>)>> {
    let bytes = read_convention(&c.path)?;
    let src = crate::load::load(&c.path, bytes);
    Ok(lint_in(&src, c, opts, workspace_root, analyze))
}

/// Checks one convention from its bytes (a file's, a git revision's, a text
/// about to be written), as if they were the content of `c.path`.
pub fn check_text<T>(
    c: &Candidate,
    bytes: Vec<u8>,
    opts: &Options<'_>,
    analyze: &(impl Fn(&Analysis<'_>) -> T + Sync),
) -> Option<(FileReport, Option<T>)> {
    lint(&crate::load::load(&c.path, bytes), c, opts, analyze)
}

/// Runs the catalogue on a loaded text and applies levels and waivers;
/// `None` when the text is not reported (a discovered file that is not a
/// convention). Cross-file S004 is the workspace's ([`check`]).
pub fn lint<T>(
    src: &Source,
    c: &Candidate,
    opts: &Options<'_>,
    analyze: &(impl Fn(&Analysis<'_>) -> T + Sync),
) -> Option<(FileReport, Option<T>)> {
    lint_in(src, c, opts, None, analyze)
}

/// [`lint`], with the workspace root of the file's folder when it is known.
fn lint_in<T>(
    src: &Source,
    c: &Candidate,
    opts: &Options<'_>,
    workspace_root: Option<&Path>,
    analyze: &(impl Fn(&Analysis<'_>) -> T + Sync),
) -> Option<(FileReport, Option<T>)> {
    let file = &src.file;
    let mut report = FileReport {
        path: display_path(&c.path),
        id: None,
        title: None,
        kind: Kind::Realisation,
        status: Status::Draft,
        diagnostics: Vec::new(),
        waived: 0,
        completeness: None,
        lines: BTreeMap::new(),
        id_location: None,
    };
    let (root, doc, findings) = match &src.content {
        Content::Unreadable(parse_issues) => {
            let reportable = c.explicit || c.matched_glob || looks_like_convention(&file.text);
            if !reportable {
                return None;
            }
            let mut locator = file.locator();
            let syntax = crate::parse::syntax_of(&c.path).unwrap_or(crate::value::Syntax::Toml);
            let findings =
                crate::parse::hints::rewrite(&file.text, syntax, parse_findings(parse_issues));
            for f in findings {
                let d = resolve(&mut locator, &mut report, f, Level::Error);
                report.diagnostics.push(d);
            }
            sort(&mut report.diagnostics);
            return Some((report, None));
        }
        Content::NotAConvention => {
            if !c.explicit {
                return None;
            }
            let f = Finding::of(
                crate::rules::Code::S007,
                None,
                crate::rules::structure::Found::NotAConvention.into(),
            );
            let d = resolve(&mut file.locator(), &mut report, f, Level::Error);
            report.diagnostics.push(d);
            return Some((report, None));
        }
        Content::Convention {
            root,
            doc,
            findings,
        } => (root, &**doc, findings.clone()),
    };
    let mut findings = findings;
    let conv = &doc.convention;
    report.kind = conv.kind();
    report.status = conv.status();
    report.id = conv.id.get().cloned();
    report.title = conv.title.get().cloned();
    if let Some(id) = conv.id.spanned() {
        if let (Some(s), Some(e)) = Diagnostic::locate(&mut file.locator(), Some(id.span)) {
            let line = (file.line_start(s.line), file.line_text(s.line).to_string());
            report.id_location = Some((s, e, id.span, line));
        }
    }
    let base_dir = base_dir(&c.path);
    let found;
    let workspace_root = match workspace_root {
        Some(root) => root,
        None => {
            found = crate::workspace::root(base_dir, opts.config.path.as_deref());
            found.as_path()
        }
    };
    let cx = Context {
        doc,
        root,
        kind: report.kind,
        status: report.status,
        as_of: opts.as_of,
        jurisdiction: conv.jurisdiction_or(opts.config.jurisdiction.as_deref()),
        base_dir,
        workspace_root,
        fingerprint: Default::default(),
        due_items: Default::default(),
    };
    for rule in rules::CATALOGUE.iter() {
        if opts.structure_only && rule.meta().family != Family::Structure {
            continue;
        }
        if opts.config.level(rule.meta(), cx.kind, cx.status) != Level::Off {
            rule.check(&cx, &mut findings);
        }
    }
    apply_levels_and_waivers(&cx, opts.config, file, findings, &mut report);
    let extra = analyze(&Analysis {
        file,
        root,
        doc,
        report: &report,
        cx: &cx,
    });
    Some((report, Some(extra)))
}

fn waiver_matches(rule: &str, meta: &rules::RuleMeta) -> bool {
    rule.eq_ignore_ascii_case(meta.code.as_str()) || rule == meta.name
}

fn apply_levels_and_waivers(
    cx: &Context<'_>,
    config: &Config,
    file: &SourceFile,
    findings: Vec<Finding>,
    report: &mut FileReport,
) {
    let waivers = cx.doc.waivers.items();
    let mut used = vec![false; waivers.len()];
    let mut fired_codes: Vec<crate::rules::Code> = Vec::new();
    let level_of = |meta: &rules::RuleMeta| {
        if meta.family == Family::Structure {
            Level::Error
        } else {
            config.level(meta, cx.kind, cx.status)
        }
    };
    let mut kept = Vec::new();
    for f in findings {
        let meta = rules::meta(f.code);
        let level = level_of(meta);
        if level == Level::Off {
            continue;
        }
        let waivable = meta.family != Family::Structure && meta.code != crate::rules::Code::K014;
        let waiver = waivers
            .iter()
            .position(|w| w.rule.get().is_some_and(|r| waiver_matches(r, meta)));
        if let (true, Some(i)) = (waivable, waiver) {
            used[i] = true;
            report.waived += 1;
            continue;
        }
        fired_codes.push(meta.code);
        kept.push((f, level));
    }
    // K014: waivers that suppressed nothing.
    let k014 = rules::meta(crate::rules::Code::K014);
    let k014_level = level_of(k014);
    if k014_level != Level::Off {
        for (w, used) in waivers.iter().zip(&used) {
            let Some(rule) = w.rule.spanned() else {
                continue;
            };
            let Some(target) = rules::find(&rule.value) else {
                continue;
            };
            let m = target.meta();
            if *used || m.family == Family::Structure || m.code == crate::rules::Code::K014 {
                continue;
            }
            let why = if level_of(m) == Level::Off {
                crate::rules::consistency::Unused::RuleOff
            } else {
                crate::rules::consistency::Unused::DidNotFire
            };
            kept.push((
                k014.found(
                    w.span,
                    crate::rules::consistency::Found::UnusedWaiver {
                        rule: m.code,
                        name: m.name,
                        why,
                    },
                ),
                k014_level,
            ));
            fired_codes.push(crate::rules::Code::K014);
        }
    }
    // In file order, so that positions are found in one pass over each line.
    kept.sort_by_key(|(f, _)| f.span.map(|s| s.start));
    let kept = cap_per_rule(kept);
    let mut locator = file.locator();
    for (f, level) in kept {
        let d = resolve(&mut locator, report, f, level);
        report.diagnostics.push(d);
    }
    sort(&mut report.diagnostics);
    report.completeness = if report.has_structure_errors() {
        None
    } else {
        let applicable: Vec<crate::rules::Code> = rules::CATALOGUE
            .iter()
            .map(|r| r.meta())
            .filter(|m| m.family == Family::Clauses && level_of(m) == Level::Error)
            .map(|m| m.code)
            .collect();
        if applicable.is_empty() {
            Some(1.0)
        } else {
            let passed = applicable
                .iter()
                .filter(|c| !fired_codes.contains(c))
                .count();
            Some(passed as f64 / applicable.len() as f64)
        }
    };
}

/// The longest message kept, in characters: a message that quotes a value
/// of the file (a placeholder, an id) must not carry megabytes of it.
pub const MAX_MESSAGE: usize = 500;

/// At most this many findings of one rule are listed per file (a hostile
/// file can hold a million invalid items); the rest are counted in one more
/// finding of that rule, where the first of them is.
pub const MAX_FINDINGS_PER_RULE: usize = 1000;

fn cap_per_rule(kept: Vec<(Finding, Level)>) -> Vec<(Finding, Level)> {
    let mut seen: HashMap<crate::rules::Code, usize> = HashMap::new();
    for (f, _) in &kept {
        *seen.entry(f.code).or_default() += 1;
    }
    if seen.values().all(|&n| n <= MAX_FINDINGS_PER_RULE) {
        return kept;
    }
    let total = seen;
    let mut count: HashMap<crate::rules::Code, usize> = HashMap::new();
    let mut out = Vec::with_capacity(kept.len().min(total.len() * (MAX_FINDINGS_PER_RULE + 1)));
    for (f, level) in kept {
        let n = count.entry(f.code).or_default();
        *n += 1;
        if *n <= MAX_FINDINGS_PER_RULE {
            out.push((f, level));
        } else if *n == MAX_FINDINGS_PER_RULE + 1 {
            let more = total[&f.code] - MAX_FINDINGS_PER_RULE;
            out.push((
                Finding::of(
                    f.code,
                    f.span,
                    crate::diagnostic::Message::MoreFindings { more },
                ),
                level,
            ));
        }
    }
    out
}

/// At most this many syntax errors are reported per file: one malformed
/// line can make the reader find an error at every character.
pub const MAX_SYNTAX_ERRORS: usize = 50;

/// S001 findings, the first [`MAX_SYNTAX_ERRORS`] of them, then one saying
/// how many more were found.
fn parse_findings(issues: &[crate::value::SyntaxIssue]) -> Vec<Finding> {
    let total = issues.len();
    let mut out = Vec::with_capacity(total.min(MAX_SYNTAX_ERRORS + 1));
    for (i, issue) in issues.iter().enumerate() {
        if i == MAX_SYNTAX_ERRORS {
            let more = total - MAX_SYNTAX_ERRORS;
            out.push(Finding::of(
                crate::rules::Code::S001,
                issue.span,
                crate::diagnostic::Message::MoreSyntaxErrors { more },
            ));
            break;
        }
        out.push(Finding::of(
            crate::rules::Code::S001,
            issue.span,
            (*issue.found).clone().into(),
        ));
    }
    out
}

fn resolve(
    locator: &mut Locator<'_>,
    report: &mut FileReport,
    f: Finding,
    severity: Level,
) -> Diagnostic {
    let meta = rules::meta(f.code);
    let (start, end) = Diagnostic::locate(locator, f.span);
    if let Some(p) = start {
        let file = locator.file();
        report
            .lines
            .entry(p.line)
            .or_insert_with(|| (file.line_start(p.line), file.line_text(p.line).to_string()));
    }
    Diagnostic {
        file: report.path.clone(),
        code: meta.code,
        name: meta.name,
        severity,
        message: f.message,
        line: start.map(|p| p.line),
        column: start.map(|p| p.column),
        end_line: end.map(|p| p.line),
        end_column: end.map(|p| p.column),
        span: f.span,
    }
}

pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
}

/// S004 across files: the second and later files using an id get a finding.
fn duplicate_convention_ids<T>(files: &mut [(FileReport, Option<T>)]) {
    let mut first: HashMap<String, String> = HashMap::new();
    for (r, _) in files.iter_mut() {
        let Some(id) = r.id.clone() else { continue };
        match first.get(&id) {
            None => {
                first.insert(id, r.path.clone());
            }
            Some(other) => {
                let (start, end, span) = match &r.id_location {
                    Some((s, e, span, line)) => {
                        r.lines.entry(s.line).or_insert_with(|| line.clone());
                        (Some(*s), Some(*e), Some(*span))
                    }
                    None => (None, None, None),
                };
                r.diagnostics.push(Diagnostic {
                    file: r.path.clone(),
                    code: crate::rules::Code::S004,
                    name: "duplicate-id",
                    severity: Level::Error,
                    message: crate::rules::structure::Found::ConventionIdUsed {
                        id,
                        other: other.clone(),
                    }
                    .into(),
                    line: start.map(|p| p.line),
                    column: start.map(|p| p.column),
                    end_line: end.map(|p| p.line),
                    end_column: end.map(|p| p.column),
                    span,
                });
                sort(&mut r.diagnostics);
                r.completeness = None;
            }
        }
    }
}
