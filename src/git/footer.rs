//! The git state of a convention file, for the rendered footer: the short commit of
//! its last change and whether the working copy differs from it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;

use crate::render::labels::Labels;

/// What git says of one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GitState {
    /// git is not installed, or the file is not inside a repository.
    NoRepository,
    /// Inside a repository, never committed.
    Untracked,
    Committed {
        commit: String,
        modified: bool,
    },
}

impl GitState {
    pub fn describe(&self, l: &Labels) -> String {
        match self {
            GitState::NoRepository => l.get("footer.no_repo").to_string(),
            GitState::Untracked => l.get("footer.untracked").to_string(),
            GitState::Committed {
                commit,
                modified: false,
            } => commit.clone(),
            GitState::Committed {
                commit,
                modified: true,
            } => format!("{commit} ({})", l.get("footer.modified")),
        }
    }
}

/// Asks git. For many files, [`Git::prepare`] asks once per repository
/// (the files' last commits in one `git log` walk, the modified files in one
/// `git diff`); other files are asked about one by one.
#[derive(Default)]
pub struct Git {
    inside: Mutex<HashMap<PathBuf, bool>>,
    prepared: HashMap<PathBuf, GitState>,
}

fn git(dir: &Path) -> Command {
    let mut c = super::git(dir);
    c.stderr(Stdio::null());
    c
}

/// The output of a git command that succeeded.
fn output(c: &mut Command) -> Option<String> {
    let o = c.output().ok()?;
    o.status
        .success()
        .then(|| String::from_utf8_lossy(&o.stdout).into_owned())
}

impl Git {
    /// Learns the state of all `files` with a few git processes per repository.
    pub fn prepare(&mut self, files: &[PathBuf]) {
        let mut by_top: HashMap<PathBuf, Vec<PathBuf>> = HashMap::new();
        let mut tops: HashMap<PathBuf, Option<PathBuf>> = HashMap::new();
        for f in files {
            let Ok(abs) = f.canonicalize() else { continue };
            let Some(dir) = abs.parent().map(Path::to_path_buf) else {
                continue;
            };
            let top = tops
                .entry(dir.clone())
                .or_insert_with(|| {
                    output(git(&dir).args(["rev-parse", "--show-toplevel"]))
                        .map(|t| PathBuf::from(t.trim_end_matches(['\n', '\r'])))
                        .and_then(|t| t.canonicalize().ok())
                })
                .clone();
            match top {
                Some(top) => by_top.entry(top).or_default().push(abs),
                None => {
                    self.prepared.insert(abs, GitState::NoRepository);
                }
            }
        }
        for (top, files) in by_top {
            let rel: Vec<PathBuf> = files
                .iter()
                .filter_map(|f| f.strip_prefix(&top).ok().map(Path::to_path_buf))
                .collect();
            let mut folders: Vec<PathBuf> = rel
                .iter()
                .map(|r| r.parent().map(Path::to_path_buf).unwrap_or_default())
                .collect();
            folders.sort();
            folders.dedup();
            let spec: Vec<String> = folders
                .iter()
                .map(|d| match d.as_os_str().is_empty() {
                    true => ".".to_string(),
                    false => d.to_string_lossy().into_owned(),
                })
                .collect();
            // The last commit of each file: the first time a walk from HEAD names it.
            let mut last: HashMap<String, String> = HashMap::new();
            if let Some(log) = output(
                git(&top)
                    .args([
                        "log",
                        "--no-renames",
                        "--name-only",
                        "--format=%x01%h",
                        "--",
                    ])
                    .args(&spec),
            ) {
                let mut commit = String::new();
                for line in log.lines() {
                    if let Some(h) = line.strip_prefix('\u{1}') {
                        commit = h.to_string();
                    } else if !line.is_empty() && !last.contains_key(line) {
                        last.insert(line.to_string(), commit.clone());
                    }
                }
            }
            let modified: std::collections::HashSet<String> = output(
                git(&top)
                    .args(["diff", "--name-only", "HEAD", "--"])
                    .args(&spec),
            )
            .map(|o| o.lines().map(str::to_string).collect())
            .unwrap_or_default();
            for (abs, r) in files.iter().zip(&rel) {
                let key = r.to_string_lossy().replace('\\', "/");
                let state = match last.get(&key) {
                    Some(commit) => GitState::Committed {
                        commit: commit.clone(),
                        modified: modified.contains(&key),
                    },
                    None => GitState::Untracked,
                };
                self.prepared.insert(abs.clone(), state);
            }
        }
    }

    fn inside_repository(&self, dir: &Path) -> bool {
        if let Ok(map) = self.inside.lock() {
            if let Some(v) = map.get(dir) {
                return *v;
            }
        }
        let v = output(git(dir).args(["rev-parse", "--is-inside-work-tree"]))
            .is_some_and(|o| o.starts_with("true"));
        if let Ok(mut map) = self.inside.lock() {
            map.insert(dir.to_path_buf(), v);
        }
        v
    }

    pub fn state(&self, file: &Path) -> GitState {
        if let Some(s) = file.canonicalize().ok().and_then(|c| self.prepared.get(&c)) {
            return s.clone();
        }
        let abs = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
        let (Some(dir), Some(name)) = (abs.parent(), abs.file_name()) else {
            return GitState::NoRepository;
        };
        if !self.inside_repository(dir) {
            return GitState::NoRepository;
        }
        let commit = match git(dir)
            .args(["log", "-1", "--format=%h", "--"])
            .arg(name)
            .output()
        {
            Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout).trim().to_string(),
            Ok(_) => return GitState::Untracked,
            Err(_) => return GitState::NoRepository,
        };
        if commit.is_empty() {
            return GitState::Untracked;
        }
        let modified = git(dir)
            .args(["diff", "--quiet", "HEAD", "--"])
            .arg(name)
            .stdout(Stdio::null())
            .status()
            .map(|s| s.code() == Some(1))
            .unwrap_or(false);
        GitState::Committed { commit, modified }
    }
}
