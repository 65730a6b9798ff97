//! The workspace root, and the one safe way to read a file a convention or
//! the workspace names (an annex, an override template, `--config`).
//!
//! A convention from a pull request is hostile input: its annex `ref` can
//! name `/dev/zero`, a FIFO, `../../etc/passwd` or a symlink out of the
//! repository. Only regular files are read, up to a size limit, and a path
//! named by a file must resolve (symlinks followed) inside the workspace
//! root. A refusal says only that the path is refused, never whether or
//! what the outside file is.
//!
//! ```text
//! let root = workspace::root(convention_dir, config.path.as_deref());
//! let hash = workspace::sha256_inside(&root, &convention_dir.join(r#ref), workspace::ANNEX_LIMIT)?;
//! ```

use std::fmt;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

/// The largest annex hashed (L007, `pacte sign`).
pub const ANNEX_LIMIT: u64 = 256 << 20;
/// The largest template file read.
pub const TEMPLATE_LIMIT: u64 = 4 << 20;
/// The largest `pacte.toml` (or `--config` file) read.
pub const CONFIG_LIMIT: u64 = 4 << 20;
/// The largest convention file read.
pub const CONVENTION_LIMIT: u64 = 64 << 20;

/// Why a file was not read.
#[derive(Debug)]
pub enum Refusal {
    /// Nothing at that path (inside the root).
    Missing,
    /// It resolves outside the root, or is not a regular file (a folder, a
    /// device, a FIFO, a socket, a broken or outgoing symlink). Deliberately
    /// one case: the message must not tell which.
    NotRegularInside,
    /// A regular file larger than the limit (in bytes).
    TooLarge(u64),
    /// Any other failure to read it.
    Io(std::io::Error),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Missing => f.write_str("no such file"),
            Refusal::NotRegularInside => {
                f.write_str("not a regular file inside the workspace root: it is not read")
            }
            Refusal::TooLarge(limit) => {
                write!(f, "larger than {} MB: it is not read", limit >> 20)
            }
            Refusal::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for Refusal {}

/// The workspace root of a file in `dir`: the git root above it, else the
/// folder of `pacte.toml` (`config_file`), else `dir` itself. Canonical
/// when the folder exists.
pub fn root(dir: &Path, config_file: Option<&Path>) -> PathBuf {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let start = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let mut d = Some(start.as_path());
    while let Some(p) = d {
        if p.join(".git").exists() {
            return p.to_path_buf();
        }
        d = p.parent();
    }
    if let Some(folder) = config_file.and_then(Path::parent) {
        let folder = if folder.as_os_str().is_empty() {
            Path::new(".")
        } else {
            folder
        };
        if let Ok(c) = folder.canonicalize() {
            return c;
        }
    }
    start
}

/// `path` made absolute and without `.` or `..`, without looking at the
/// file system beyond the current folder.
fn lexical(path: &Path) -> Option<PathBuf> {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .ok()?
            .canonicalize()
            .ok()?
            .join(path)
    };
    let mut out = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            c => out.push(c),
        }
    }
    Some(out)
}

/// Where `path` really is, if it is inside `root` (symlinks resolved).
fn resolve_inside(root: &Path, path: &Path) -> Result<PathBuf, Refusal> {
    let root = root.canonicalize().map_err(Refusal::Io)?;
    match path.canonicalize() {
        Ok(real) if real.starts_with(&root) => Ok(real),
        Ok(_) => Err(Refusal::NotRegularInside),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            // "Missing" only for a path that stays inside the root and is
            // not a dangling symlink: nothing is said of the outside.
            let inside = lexical(path).is_some_and(|l| l.starts_with(&root));
            if inside && std::fs::symlink_metadata(path).is_err() {
                Err(Refusal::Missing)
            } else {
                Err(Refusal::NotRegularInside)
            }
        }
        Err(_) => Err(Refusal::NotRegularInside),
    }
}

/// Opens a regular file without blocking on a FIFO or a device, and checks
/// what was opened.
/// Opens a regular file of at most `limit` bytes; with its length.
fn open_regular(path: &Path, limit: u64) -> Result<(std::fs::File, u64), Refusal> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Refusal::Missing,
        _ => Refusal::Io(e),
    })?;
    if !meta.is_file() {
        return Err(Refusal::NotRegularInside);
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        // Should the file be swapped for a FIFO after the check, opening
        // it must not wait for a writer.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(Refusal::Io)?;
    let meta = file.metadata().map_err(Refusal::Io)?;
    if !meta.is_file() {
        return Err(Refusal::NotRegularInside);
    }
    if meta.len() > limit {
        return Err(Refusal::TooLarge(limit));
    }
    Ok((file, meta.len()))
}

/// Reads the file whole, in one allocation when it has the length it had
/// when opened (one byte more, to see the end without growing).
fn read_all((file, len): (std::fs::File, u64), limit: u64) -> Result<Vec<u8>, Refusal> {
    let mut bytes = Vec::with_capacity(usize::try_from(len.min(limit) + 1).unwrap_or(0));
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(Refusal::Io)?;
    if bytes.len() as u64 > limit {
        return Err(Refusal::TooLarge(limit));
    }
    Ok(bytes)
}

/// Reads a regular file of at most `limit` bytes (a file the user named:
/// `--config`, a convention on the command line).
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, Refusal> {
    read_all(open_regular(path, limit)?, limit)
}

/// Reads a regular file of at most `limit` bytes that resolves inside `root`
/// (a path a file names: an override template).
pub fn read_inside(root: &Path, path: &Path, limit: u64) -> Result<Vec<u8>, Refusal> {
    let real = resolve_inside(root, path)?;
    read_regular(&real, limit)
}

/// The SHA-256 (lowercase hex) of a regular file of at most `limit` bytes
/// that resolves inside `root`, streamed (an annex: L007, `pacte sign`).
pub fn sha256_inside(root: &Path, path: &Path, limit: u64) -> Result<String, Refusal> {
    use sha2::{Digest, Sha256};
    let real = resolve_inside(root, path)?;
    let (file, _) = open_regular(&real, limit)?;
    let mut hasher = Sha256::new();
    let mut reader = file.take(limit + 1);
    let mut buf = vec![0u8; 1 << 16];
    let mut total = 0u64;
    loop {
        let n = reader.read(&mut buf).map_err(Refusal::Io)?;
        if n == 0 {
            break;
        }
        total += n as u64;
        if total > limit {
            return Err(Refusal::TooLarge(limit));
        }
        hasher.update(&buf[..n]);
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn reads_regular_files_inside_and_refuses_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let repo = dir.path().join("repo");
        std::fs::create_dir_all(repo.join("annexes")).unwrap();
        std::fs::create_dir(repo.join(".git")).unwrap();
        let outside = dir.path().join("secret.txt");
        std::fs::write(&outside, "secret").unwrap();
        std::fs::write(repo.join("annexes/a.txt"), "abc").unwrap();
        std::os::unix::fs::symlink(&outside, repo.join("annexes/out")).unwrap();
        std::os::unix::fs::symlink(repo.join("annexes/a.txt"), repo.join("annexes/in")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("none"), repo.join("annexes/dangling")).unwrap();
        let fifo = repo.join("annexes/fifo");
        let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);

        let r = root(&repo.join("annexes"), None);
        assert_eq!(r, repo.canonicalize().unwrap());
        let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assert_eq!(
            sha256_inside(&r, &repo.join("annexes/a.txt"), 10).unwrap(),
            abc
        );
        assert_eq!(
            sha256_inside(&r, &repo.join("annexes/in"), 10).unwrap(),
            abc
        );
        assert_eq!(
            read_inside(&r, &repo.join("annexes/./a.txt"), 10).unwrap(),
            b"abc"
        );
        for refused in [
            repo.join("annexes/out"),
            repo.join("annexes/../../secret.txt"),
            outside.clone(),
            repo.join("annexes/dangling"),
            repo.join("annexes/fifo"),
            repo.join("annexes"),
            // Outside and missing: the same answer as outside and present.
            dir.path().join("nothing-here"),
        ] {
            assert!(
                matches!(
                    sha256_inside(&r, &refused, 10),
                    Err(Refusal::NotRegularInside)
                ),
                "{}",
                refused.display()
            );
        }
        assert!(matches!(
            read_inside(&r, &repo.join("annexes/b.txt"), 10),
            Err(Refusal::Missing)
        ));
        assert!(matches!(
            sha256_inside(&r, &repo.join("annexes/a.txt"), 2),
            Err(Refusal::TooLarge(2))
        ));
        // Named by the user: any regular file, never a FIFO.
        assert_eq!(read_regular(&outside, 10).unwrap(), b"secret");
        assert!(matches!(
            read_regular(&fifo, 10),
            Err(Refusal::NotRegularInside)
        ));
    }

    #[test]
    fn the_root_without_git_is_the_config_folder_else_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("a/b");
        std::fs::create_dir_all(&sub).unwrap();
        let real = dir.path().canonicalize().unwrap();
        // The temporary folder may itself be inside a git work tree.
        if real.ancestors().any(|a| a.join(".git").exists()) {
            return;
        }
        assert_eq!(root(&sub, None), sub.canonicalize().unwrap());
        let config = dir.path().join("pacte.toml");
        assert_eq!(root(&sub, Some(&config)), real);
    }
}
