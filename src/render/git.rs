//! The git state of a convention file, for the footer: the short commit of
//! its last change and whether the working copy differs from it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;

use super::labels::Labels;

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

/// Asks git, remembering per folder whether it is inside a repository (so a
/// folder outside git costs one process, not one per file).
#[derive(Default)]
pub struct Git {
    inside: Mutex<HashMap<PathBuf, bool>>,
}

fn git(dir: &Path) -> Command {
    let mut c = Command::new("git");
    c.arg("-C")
        .arg(dir)
        .env("GIT_OPTIONAL_LOCKS", "0")
        .env("GIT_TERMINAL_PROMPT", "0")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .stdin(Stdio::null());
    c
}

impl Git {
    fn inside_repository(&self, dir: &Path) -> bool {
        if let Ok(map) = self.inside.lock() {
            if let Some(v) = map.get(dir) {
                return *v;
            }
        }
        let v = git(dir)
            .args(["rev-parse", "--is-inside-work-tree"])
            .stderr(Stdio::null())
            .output()
            .map(|o| o.status.success() && o.stdout.starts_with(b"true"))
            .unwrap_or(false);
        if let Ok(mut map) = self.inside.lock() {
            map.insert(dir.to_path_buf(), v);
        }
        v
    }

    pub fn state(&self, file: &Path) -> GitState {
        let abs = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
        let (Some(dir), Some(name)) = (abs.parent(), abs.file_name()) else {
            return GitState::NoRepository;
        };
        if !self.inside_repository(dir) {
            return GitState::NoRepository;
        }
        let out = git(dir)
            .args(["log", "-1", "--format=%h", "--"])
            .arg(name)
            .stderr(Stdio::null())
            .output();
        let commit = match out {
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
            .stderr(Stdio::null())
            .status()
            .map(|s| s.code() == Some(1))
            .unwrap_or(false);
        GitState::Committed { commit, modified }
    }
}
