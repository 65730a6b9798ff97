//! The template set: built into the binary, overridable by name.
//!
//! Lookup order, for each template name (`convention.md`,
//! `partials/signatures.html`, `labels/fr.toml`, …):
//!
//! 1. the folder given with `--templates DIR`, if any;
//! 2. else the folder named by `templates` in `pacte.toml` (relative to it);
//! 3. else the built-in template (the repository's `templates/` folder,
//!    embedded with `include_str!`).
//!
//! A file of the override folder with the same relative name replaces the
//! built-in template; other `.md`, `.html` and `.css` files of the folder are
//! added, so that an overriding template can include them. Label files
//! (`labels/fr.toml`, `labels/en.toml`) are merged key by key over the
//! built-in labels, so an override only needs the keys it changes.
//!
//! The template set is named in the footer: built-in with pacte's version,
//! or the override folder with the SHA-256 of its files (names and contents,
//! in sorted order).

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::failure::{shown, Fail as _, Failure};

use super::labels::{self, Labels};
use crate::model::Lang;

/// Every built-in template, by name: the one list.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "convention.md",
        include_str!("../../templates/convention.md"),
    ),
    (
        "convention.html",
        include_str!("../../templates/convention.html"),
    ),
    ("style.css", include_str!("../../templates/style.css")),
    (
        "partials/parties.md",
        include_str!("../../templates/partials/parties.md"),
    ),
    (
        "partials/parties.html",
        include_str!("../../templates/partials/parties.html"),
    ),
    (
        "partials/signatures.md",
        include_str!("../../templates/partials/signatures.md"),
    ),
    (
        "partials/signatures.html",
        include_str!("../../templates/partials/signatures.html"),
    ),
    // `pacte render --amendment` (src/render/amendment.rs).
    ("amendment.md", include_str!("../../templates/amendment.md")),
    (
        "amendment.html",
        include_str!("../../templates/amendment.html"),
    ),
    // `pacte report` (src/report/).
    ("financial.md", include_str!("../../templates/financial.md")),
    (
        "financial.html",
        include_str!("../../templates/financial.html"),
    ),
    ("report.md", include_str!("../../templates/report.md")),
    ("report.html", include_str!("../../templates/report.html")),
    (
        "report/convention.md",
        include_str!("../../templates/report/convention.md"),
    ),
    (
        "report/convention.html",
        include_str!("../../templates/report/convention.html"),
    ),
    (
        "report/style.css",
        include_str!("../../templates/report/style.css"),
    ),
    (
        "labels/fr.toml",
        include_str!("../../templates/labels/fr.toml"),
    ),
    (
        "labels/en.toml",
        include_str!("../../templates/labels/en.toml"),
    ),
];

/// The output a Tera instance is built for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Markdown,
    Html,
}

impl Kind {
    /// The main template.
    pub fn main(self) -> &'static str {
        match self {
            Kind::Markdown => "convention.md",
            Kind::Html => "convention.html",
        }
    }
    fn owns(self, name: &str) -> bool {
        match self {
            Kind::Markdown => name.ends_with(".md"),
            Kind::Html => name.ends_with(".html") || name.ends_with(".css"),
        }
    }
}

/// The templates in force, with their sources.
pub struct TemplateSet {
    /// (name, text), built-ins replaced by overrides, plus extra override files.
    files: Vec<(String, String)>,
    /// The override folder, if any.
    pub dir: Option<PathBuf>,
    /// "sha256 hex" of the override folder.
    pub hash: Option<String>,
}

fn walk(dir: &Path, base: &Path, out: &mut Vec<(String, PathBuf)>) -> Result<()> {
    let entries = std::fs::read_dir(dir).or_fail(|| Failure::CannotRead { path: shown(dir) })?;
    for e in entries {
        let e = e.or_fail(|| Failure::CannotRead { path: shown(dir) })?;
        let path = e.path();
        let ft = e
            .file_type()
            .or_fail(|| Failure::CannotRead { path: shown(&path) })?;
        if ft.is_dir() {
            walk(&path, base, out)?;
        } else if ft.is_file() || ft.is_symlink() {
            let rel = path.strip_prefix(base).unwrap_or(&path);
            let name = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            out.push((name, path));
        }
    }
    Ok(())
}

impl TemplateSet {
    /// The built-in templates, overridden by the files of `dir`.
    pub fn load(dir: Option<&Path>) -> Result<TemplateSet> {
        let mut files: Vec<(String, String)> = BUILTIN
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        let Some(dir) = dir else {
            return Ok(TemplateSet {
                files,
                dir: None,
                hash: None,
            });
        };
        if !dir.is_dir() {
            return Err(Failure::TemplatesFolderMissing { path: shown(dir) }.into());
        }
        let mut found = Vec::new();
        walk(dir, dir, &mut found)?;
        found.sort();
        // A committed symlink (`style.css -> /etc/passwd`) must not bring
        // an outside file into the document.
        let root = crate::workspace::root(dir, None);
        let mut hasher_input = Vec::new();
        for (name, path) in found {
            let bytes =
                crate::workspace::read_inside(&root, &path, crate::workspace::TEMPLATE_LIMIT)
                    .or_fail(|| Failure::TemplateUnreadable { name: name.clone() })?;
            hasher_input.extend_from_slice(name.as_bytes());
            hasher_input.push(0);
            hasher_input.extend_from_slice(bytes.len().to_string().as_bytes());
            hasher_input.push(0);
            hasher_input.extend_from_slice(&bytes);
            let relevant = name.ends_with(".md")
                || name.ends_with(".html")
                || name.ends_with(".css")
                || (name.starts_with("labels/") && name.ends_with(".toml"));
            if !relevant {
                continue;
            }
            let text = String::from_utf8(bytes)
                .map_err(|_| Failure::TemplateNotUtf8 { name: name.clone() })?;
            if name.starts_with("labels/") {
                // Merged later, over the built-in labels.
                files.push((format!("override:{name}"), text));
                continue;
            }
            match files.iter_mut().find(|(n, _)| *n == name) {
                Some(slot) => slot.1 = text,
                None => files.push((name, text)),
            }
        }
        Ok(TemplateSet {
            files,
            dir: Some(dir.to_path_buf()),
            hash: Some(crate::fingerprint::sha256_hex(&hasher_input)),
        })
    }

    fn text(&self, name: &str) -> Option<&str> {
        self.files
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, t)| t.as_str())
    }

    /// The labels of a language: built-in, merged with the override's.
    pub fn labels(&self, lang: Lang) -> Result<Labels> {
        let name = labels::file_name(lang);
        let parse = |text: &str| {
            Labels::parse(text).map_err(|(line, cause)| {
                anyhow::Error::from(Failure::Template {
                    name: name.to_string(),
                    line,
                    cause: cause.to_string(),
                })
            })
        };
        let mut l = parse(self.text(name).unwrap_or(""))?;
        if let Some(o) = self.text(&format!("override:{name}")) {
            l.merge(parse(o)?);
        }
        Ok(l)
    }

    /// A Tera instance with the templates of one output.
    pub fn tera(&self, kind: Kind) -> Result<tera::Tera> {
        let mut t = tera::Tera::default();
        match kind {
            Kind::Html => {
                t.autoescape_on(vec![".html"]);
                t.set_escape_fn(escape_html);
            }
            Kind::Markdown => {
                t.autoescape_on(vec![".md"]);
                t.set_escape_fn(escape_md);
            }
        }
        let chosen: Vec<(&str, &str)> = self
            .files
            .iter()
            .filter(|(n, _)| kind.owns(n) && !n.starts_with("override:"))
            .map(|(n, s)| (n.as_str(), s.as_str()))
            .collect();
        // One at a time, so that a parse error names its template.
        for (name, text) in &chosen {
            t.add_raw_template(name, text)
                .map_err(|e| template_error(name, Some(text), &e))?;
        }
        t.build_inheritance_chains()
            .map_err(|e| template_error(kind.main(), self.text(kind.main()), &e))?;
        Ok(t)
    }

    /// Renders the main template of `kind`.
    pub fn render(&self, tera: &tera::Tera, kind: Kind, context: &tera::Context) -> Result<String> {
        tera.render(kind.main(), context).map_err(|e| {
            // The failing template may be an included one: the innermost
            // message names it.
            let msgs = chain(&e);
            let name = msgs
                .iter()
                .rev()
                .find_map(|m| quoted_template(m))
                .unwrap_or_else(|| kind.main().to_string());
            template_error(&name, self.text(&name), &e)
        })
    }

    /// How the footer names the template set.
    pub fn describe(&self, labels: &Labels) -> String {
        match (&self.dir, &self.hash) {
            (Some(dir), Some(hash)) => labels.fill(
                "footer.custom",
                &[
                    ("dir", &crate::discover::display_path(dir)),
                    ("hash", &hash[..hash.len().min(16)]),
                ],
            ),
            _ => labels.fill("footer.builtin", &[("version", env!("CARGO_PKG_VERSION"))]),
        }
    }
}

fn chain(e: &tera::Error) -> Vec<String> {
    let mut out = vec![e.to_string()];
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        out.push(s.to_string());
        src = s.source();
    }
    out
}

/// The template named between quotes in a Tera message (`… 'convention.md'`).
fn quoted_template(msg: &str) -> Option<String> {
    let start = msg.rfind("rendering '").map(|i| i + "rendering '".len())?;
    let rest = &msg[start..];
    let end = rest.find('\'')?;
    Some(rest[..end].to_string())
}

/// `template NAME: line N: CAUSE`, one line, from a Tera error chain.
pub fn template_error(name: &str, text: Option<&str>, e: &tera::Error) -> anyhow::Error {
    let msgs = chain(e);
    // Parse errors: " --> L:C" then the pest message after "= ".
    let mut line: Option<usize> = None;
    let mut cause: Option<String> = None;
    for m in &msgs {
        if let Some(i) = m.find("--> ") {
            let pos = &m[i + 4..];
            let l: String = pos.chars().take_while(char::is_ascii_digit).collect();
            line = l.parse().ok();
            if let Some(j) = m.rfind("= ") {
                cause = Some(m[j + 2..].trim().to_string());
            }
        }
    }
    let cause = cause.unwrap_or_else(|| {
        msgs.iter()
            .rev()
            .find(|m| !m.trim().is_empty())
            .cloned()
            .unwrap_or_default()
    });
    let cause = cause.split_whitespace().collect::<Vec<_>>().join(" ");
    // Render errors carry no position: find the variable in the text.
    if line.is_none() {
        if let (Some(text), Some(var)) = (text, backquoted(&cause)) {
            line = text.lines().position(|l| l.contains(&var)).map(|i| i + 1);
        }
    }
    Failure::Template {
        name: name.to_string(),
        line,
        cause,
    }
    .into()
}

fn backquoted(msg: &str) -> Option<String> {
    let s = msg.find('`')?;
    let rest = &msg[s + 1..];
    let e = rest.find('`')?;
    Some(rest[..e].to_string()).filter(|v| !v.is_empty())
}

/// HTML escaping for text and attribute values; control and bidi
/// characters are dropped ([`crate::escape::strip`]).
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in crate::escape::strip(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Markdown escaping of plain values (see [`crate::markdown::escape_inline`]).
pub fn escape_md(s: &str) -> String {
    crate::markdown::escape_inline(s)
}
