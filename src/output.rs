//! `-o`: an output file written atomically (a temporary file in the
//! target's folder, then a rename that never replaces an existing file
//! without `--force`), streamed so that a large output is never held whole.
//! Every target is checked before anything is read or written.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _, Result};

/// A checked output path.
#[derive(Debug)]
pub struct Target {
    path: PathBuf,
    force: bool,
}

fn folder(p: &Path) -> &Path {
    match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// The canonical form of a path that may not exist yet.
fn canonical(p: &Path) -> Option<PathBuf> {
    if let Ok(c) = p.canonicalize() {
        return Some(c);
    }
    Some(folder(p).canonicalize().ok()?.join(p.file_name()?))
}

/// The canonical paths of the files a command reads, so that none is overwritten.
pub fn canonical_inputs<'a>(inputs: impl IntoIterator<Item = &'a Path>) -> Vec<PathBuf> {
    inputs
        .into_iter()
        .filter_map(|p| p.canonicalize().ok())
        .collect()
}

impl Target {
    /// Refuses a missing folder, a folder as target, one of `inputs`
    /// (canonical paths), or an existing file without `force`.
    pub fn check(path: &Path, inputs: &[PathBuf], force: bool) -> Result<Target> {
        let dir = folder(path);
        if !dir.is_dir() {
            bail!(
                "{}: output folder {} does not exist",
                path.display(),
                dir.display()
            );
        }
        if path.is_dir() {
            bail!("{}: is a folder", path.display());
        }
        if canonical(path).is_some_and(|c| inputs.contains(&c)) {
            bail!(
                "{}: refusing to write over one of the files being read",
                path.display()
            );
        }
        if !force && std::fs::symlink_metadata(path).is_ok() {
            bail!(
                "{}: already exists (use --force to replace it)",
                path.display()
            );
        }
        Ok(Target {
            path: path.to_path_buf(),
            force,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn write_bytes(&self, bytes: &[u8]) -> Result<()> {
        self.write(|w| Ok(w.write_all(bytes)?))
    }

    /// Streams the output into a temporary file, then puts it in place.
    pub fn write(&self, fill: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
        let dir = folder(&self.path);
        let tmp = tempfile::Builder::new()
            .prefix(".pacte-")
            .tempfile_in(dir)
            .with_context(|| format!("{}: cannot create a temporary file", dir.display()))?;
        let mut w = BufWriter::with_capacity(1 << 16, tmp);
        fill(&mut w)?;
        let tmp = w
            .into_inner()
            .map_err(|e| anyhow::anyhow!("{}: cannot write: {}", self.path.display(), e))?;
        tmp.as_file()
            .sync_all()
            .with_context(|| format!("{}: cannot write", self.path.display()))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let _ = tmp
                .as_file()
                .set_permissions(std::fs::Permissions::from_mode(0o644));
        }
        let done = if self.force {
            tmp.persist(&self.path).map(|_| ())
        } else {
            tmp.persist_noclobber(&self.path).map(|_| ())
        };
        done.map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                anyhow::anyhow!(
                    "{}: already exists (use --force to replace it)",
                    self.path.display()
                )
            } else {
                anyhow::anyhow!("{}: cannot write: {}", self.path.display(), e.error)
            }
        })
    }
}
