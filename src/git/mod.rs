//! The one module that talks to git: the `git` command line, as one
//! long-lived `git cat-file --batch` process for blobs and one `git log`
//! walk for a file's history (never one process per revision).

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use anyhow::Result;

use crate::failure::{shown, Fail as _, Failure};

pub mod footer;

fn git(dir: &Path) -> Command {
    let mut c = Command::new("git");
    c.arg("-C")
        .arg(dir)
        .args(["-c", "core.quotepath=off"])
        .env("GIT_OPTIONAL_LOCKS", "0")
        .env("GIT_TERMINAL_PROMPT", "0")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .stdin(Stdio::null());
    c
}

/// `git cat-file` stopped answering.
fn stopped() -> Failure {
    Failure::GitStopped {
        command: "git cat-file",
    }
}

/// Runs git and returns its standard output, or its first error line.
fn output(dir: &Path, args: &[&str]) -> Result<Vec<u8>> {
    let out = git(dir)
        .args(args)
        .stderr(Stdio::piped())
        .output()
        .or_fail(|| Failure::CannotRunGit)?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        let err = String::from_utf8_lossy(&out.stderr);
        let line = err
            .lines()
            .map(|l| l.trim_start_matches("fatal: ").trim())
            .find(|l| !l.is_empty())
            .unwrap_or("git failed")
            .to_string();
        // git's own words.
        Err(anyhow::anyhow!(line))
    }
}

/// One revision of a file in its history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Revision {
    /// The full commit id.
    pub commit: String,
    /// The author date, ISO 8601 with offset.
    pub date: String,
    pub author: String,
    /// The file's path at that commit, relative to the repository root.
    pub path: String,
}

/// A repository, and the file of it that a command is about.
pub struct Repo {
    pub root: PathBuf,
    /// The file's path relative to `root`, with `/` separators.
    pub path: String,
    blobs: Option<Blobs>,
}

impl Repo {
    /// The repository holding `file`; an error when there is none.
    pub fn open(file: &Path) -> Result<Repo> {
        let abs =
            std::path::absolute(file).or_fail(|| Failure::CannotResolve { path: shown(file) })?;
        let dir = abs.parent().unwrap_or(Path::new("/")).to_path_buf();
        if !dir.is_dir() {
            return Err(Failure::NoSuchFolder { path: shown(&dir) }.into());
        }
        let top = output(&dir, &["rev-parse", "--show-toplevel"])
            .map_err(|_| Failure::NotInRepository { path: shown(file) })?;
        let root = PathBuf::from(String::from_utf8_lossy(&top).trim_end_matches('\n'));
        let root = root.canonicalize().unwrap_or(root);
        let canon_dir = dir.canonicalize().unwrap_or(dir);
        let name = abs
            .file_name()
            .or_fail(|| Failure::NoFileName { path: shown(file) })?;
        let rel = canon_dir
            .join(name)
            .strip_prefix(&root)
            .map(|p| p.to_path_buf())
            .map_err(|_| Failure::OutsideRepository { path: shown(file) })?;
        let path = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        Ok(Repo {
            root,
            path,
            blobs: None,
        })
    }

    /// The full commit id of a revision; an error line when unknown (a typo,
    /// or a commit a shallow clone does not have).
    pub fn resolve(&self, rev: &str) -> Result<String> {
        if rev.starts_with('-') {
            return Err(Failure::NotARevision {
                rev: rev.to_string(),
            }
            .into());
        }
        let spec = format!("{rev}^{{commit}}");
        match output(
            &self.root,
            &[
                "rev-parse",
                "--verify",
                "--quiet",
                "--end-of-options",
                &spec,
            ],
        ) {
            Ok(out) => Ok(String::from_utf8_lossy(&out).trim().to_string()),
            Err(_) => {
                let shallow = output(&self.root, &["rev-parse", "--is-shallow-repository"])
                    .is_ok_and(|o| o.starts_with(b"true"));
                Err(Failure::UnknownRevision {
                    rev: rev.to_string(),
                    shallow,
                }
                .into())
            }
        }
    }

    /// The file's history, newest first, following renames: every commit
    /// that touched it, with the path it had there. One `git log` walk.
    pub fn history(&self, from: Option<&str>) -> Result<Vec<Revision>> {
        let start = from.unwrap_or("HEAD");
        let has_head = output(&self.root, &["rev-parse", "--verify", "--quiet", "HEAD"]).is_ok();
        if !has_head {
            return Ok(Vec::new());
        }
        let out = output(
            &self.root,
            &[
                "log",
                "--follow",
                "-M",
                "--format=%x1e%H%x1f%aI%x1f%an",
                "--name-only",
                "--end-of-options",
                start,
                "--",
                &self.path,
            ],
        )
        .or_fail(|| Failure::GitFailed { command: "git log" })?;
        let text = String::from_utf8_lossy(&out);
        let mut revs = Vec::new();
        for record in text.split('\u{1e}').filter(|r| !r.trim().is_empty()) {
            let mut lines = record.lines();
            let head = lines.next().unwrap_or_default();
            let mut f = head.split('\u{1f}');
            let (Some(commit), Some(date), Some(author)) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            let path = lines
                .find(|l| !l.trim().is_empty())
                .unwrap_or(&self.path)
                .to_string();
            revs.push(Revision {
                commit: commit.to_string(),
                date: date.to_string(),
                author: author.to_string(),
                path,
            });
        }
        Ok(revs)
    }

    /// The commits reachable from `commit` (itself included). One walk.
    pub fn ancestors(&self, commit: &str) -> Result<HashSet<String>> {
        let out = output(&self.root, &["rev-list", "--end-of-options", commit]).or_fail(|| {
            Failure::GitFailed {
                command: "git rev-list",
            }
        })?;
        Ok(String::from_utf8_lossy(&out)
            .lines()
            .map(str::to_string)
            .collect())
    }

    /// The file's path at `commit`, following renames: its own path when
    /// it exists there, else the path the history gives it at the latest
    /// commit of its history that `commit` contains.
    pub fn path_at(&mut self, commit: &str) -> Result<Option<String>> {
        let own = self.path.clone();
        if self.blob(commit, &own)?.is_some() {
            return Ok(Some(own));
        }
        let history = self.history(None)?;
        let ancestors = self.ancestors(commit)?;
        for rev in &history {
            if ancestors.contains(&rev.commit) {
                let p = rev.path.clone();
                return Ok(self.blob(commit, &p)?.map(|_| p));
            }
        }
        Ok(None)
    }

    /// The content of `path` at `commit`, `None` when it does not exist there.
    pub fn blob(&mut self, commit: &str, path: &str) -> Result<Option<Vec<u8>>> {
        if self.blobs.is_none() {
            self.blobs = Some(Blobs::start(&self.root)?);
        }
        let blobs = self.blobs.as_mut().or_fail(|| Failure::GitStopped {
            command: "git cat-file",
        })?;
        blobs.get(&format!("{commit}:{path}"))
    }
}

/// One `git cat-file --batch` process, asked for object after object.
struct Blobs {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl Blobs {
    fn start(root: &Path) -> Result<Blobs> {
        let mut child = git(root)
            .args(["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .or_fail(|| Failure::CannotStart {
                program: "git cat-file".into(),
            })?;
        let stdin = child.stdin.take().or_fail(stopped)?;
        let stdout = BufReader::new(child.stdout.take().or_fail(stopped)?);
        Ok(Blobs {
            child,
            stdin,
            stdout,
        })
    }

    fn get(&mut self, spec: &str) -> Result<Option<Vec<u8>>> {
        if spec.contains('\n') {
            return Ok(None);
        }
        writeln!(self.stdin, "{spec}").or_fail(stopped)?;
        self.stdin.flush().or_fail(stopped)?;
        let mut header = String::new();
        self.stdout.read_line(&mut header).or_fail(stopped)?;
        let header = header.trim_end();
        if header.is_empty() {
            return Err(stopped().into());
        }
        if header.ends_with(" missing") || header.ends_with(" ambiguous") {
            return Ok(None);
        }
        let mut parts = header.split(' ');
        let (_, kind, size) = (parts.next(), parts.next(), parts.next());
        let size: usize = size
            .and_then(|s| s.parse().ok())
            .or_fail(|| Failure::GitUnexpected {
                command: "git cat-file",
                answer: header.to_string(),
            })?;
        let mut buf = vec![0; size + 1];
        self.stdout.read_exact(&mut buf).or_fail(stopped)?;
        buf.pop();
        Ok((kind == Some("blob")).then_some(buf))
    }
}

impl Drop for Blobs {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
