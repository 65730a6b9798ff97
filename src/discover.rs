//! Which files a run reads: paths named on the command line, folders
//! walked (honouring `.gitignore`), and the globs of `pacte.toml`.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::failure::{because, shown, Failure};
use globset::{GlobSet, GlobSetBuilder};

use crate::config::Config;

/// A file to read, and how it was found.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Candidate {
    pub path: PathBuf,
    /// Named on the command line: a file that is not a convention is S007.
    pub explicit: bool,
    /// Matched by the workspace globs: a file that does not parse is S001.
    pub matched_glob: bool,
}

/// Lists the candidate files under `paths` (or the workspace), sorted.
pub fn discover(paths: &[PathBuf], config: &Config) -> Result<Vec<Candidate>> {
    let globs = build_globs(&config.conventions)?;
    let defaults;
    let roots: &[PathBuf] = if paths.is_empty() {
        defaults = [if config.path.is_some() {
            config.root.clone()
        } else {
            PathBuf::from(".")
        }];
        &defaults
    } else {
        paths
    };
    let mut out = Vec::new();
    let workspace_root = absolute(&config.root);
    for root in roots {
        let meta = match std::fs::metadata(root) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(Failure::NoSuchFileOrFolder { path: shown(root) }.into())
            }
            Err(e) => return Err(because(Failure::CannotRead { path: shown(root) }, e)),
        };
        if meta.is_file() {
            out.push(Candidate {
                path: clean(root),
                explicit: true,
                matched_glob: false,
            });
            continue;
        }
        let walker = ignore::WalkBuilder::new(root)
            .require_git(false)
            .follow_links(false)
            .sort_by_file_name(|a, b| a.cmp(b))
            .build();
        for entry in walker {
            // Unreadable folders and broken links are skipped, as git does.
            let Ok(entry) = entry else { continue };
            let path = entry.path();
            if crate::parse::syntax_of(path).is_none() {
                continue;
            }
            // The walk's own file type, but a link is followed (as before).
            let is_file = match entry.file_type() {
                Some(t) if t.is_file() => true,
                Some(t) if t.is_dir() => false,
                _ => path.is_file(),
            };
            if !is_file {
                continue;
            }
            // The workspace globs select among the files inside the workspace;
            // a folder named outside it is taken as without `pacte.toml`.
            let rel = match &globs {
                Some(_) => relative_to(path, &workspace_root),
                None => None,
            };
            let matched_glob = match (&globs, rel) {
                (Some(set), Some(rel)) => {
                    if !set.is_match(&rel) {
                        continue;
                    }
                    true
                }
                _ => false,
            };
            out.push(Candidate {
                path: clean(path),
                explicit: false,
                matched_glob,
            });
        }
    }
    out.sort();
    out.dedup_by(|a, b| a.path == b.path);
    Ok(out)
}

fn build_globs(globs: &[String]) -> Result<Option<GlobSet>> {
    if globs.is_empty() {
        return Ok(None);
    }
    let mut b = GlobSetBuilder::new();
    for g in globs {
        b.add(
            globset::GlobBuilder::new(g)
                .literal_separator(true)
                .build()?,
        );
    }
    Ok(Some(b.build()?))
}

/// A path made absolute, without `.` and `..`.
fn absolute(p: &Path) -> PathBuf {
    normalize(&std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf()))
}

/// `path` (made absolute) relative to `base` (absolute already), when it is below it.
fn relative_to(path: &Path, base: &Path) -> Option<PathBuf> {
    absolute(path)
        .strip_prefix(base)
        .ok()
        .map(Path::to_path_buf)
}

fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Drops a leading `./` so that paths print as the user would write them.
fn clean(p: &Path) -> PathBuf {
    p.strip_prefix(".")
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| p.to_path_buf())
}

/// The path as shown in output: relative to the current folder when it is below it.
pub fn display_path(p: &Path) -> String {
    if p.is_absolute() {
        if let Ok(cwd) = std::env::current_dir() {
            if let Ok(rel) = p.strip_prefix(&cwd) {
                return rel.display().to_string();
            }
        }
    }
    p.display().to_string()
}
