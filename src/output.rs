//! `-o`: an output file written atomically (a temporary file in the
//! target's folder, then a rename that never replaces an existing file
//! without `--force`), streamed so that a large output is never held whole.
//! Every target is checked before anything is read or written: `--force`
//! replaces a regular file only, and never one of the inputs (the same file
//! by device and inode, whatever the path: a hard link or a symlink too).
//!
//! On Linux the output is written into an unnamed temporary file
//! (`O_TMPFILE`) linked into place when complete, so that no kill can leave
//! a temporary file. Elsewhere (or where the file system does not offer
//! it), temporary files are named `.pacte-PID-XXXXXX.tmp`: those alive are
//! listed, so that SIGINT, SIGTERM or SIGHUP removes them
//! ([`remove_temporaries_and_exit`], called by the binary's signal
//! handler), and those a killed run left (its process gone) are removed by
//! the next run writing to the same folder.

use std::collections::HashSet;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::Result;

use crate::failure::{because, shown, Fail as _, Failure};

/// The temporary files being written, removed on a signal.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
/// The folders already swept of stale temporaries in this run.
static SWEPT: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

const PREFIX: &str = ".pacte-";
const SUFFIX: &str = ".tmp";

/// Removes the temporary files being written, then exits with `code`
/// (from a signal handler's thread). The list stays locked until the
/// process ends, so no new temporary file can be created meanwhile: a name
/// is listed before its file is created.
pub fn remove_temporaries_and_exit(code: i32) -> ! {
    let live = LIVE.lock().unwrap_or_else(|e| e.into_inner());
    for p in live.iter() {
        let _ = std::fs::remove_file(p);
    }
    std::process::exit(code)
}

fn track(p: &Path) {
    LIVE.lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(p.to_path_buf());
}

fn untrack(p: &Path) {
    LIVE.lock()
        .unwrap_or_else(|e| e.into_inner())
        .retain(|q| q != p);
}

/// Whether process `pid` is gone (so its temporaries are stale).
fn process_gone(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        // Signal 0: only asks whether the process exists.
        let r = unsafe { libc::kill(pid, 0) };
        r != 0 && std::io::Error::last_os_error().raw_os_error() == Some(libc::ESRCH)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        false
    }
}

/// The pid in a temporary file name of ours, `.pacte-PID-XXXXXX.tmp`.
fn owner_of(name: &str) -> Option<u32> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let (pid, random) = rest.split_once('-')?;
    if random.is_empty() || !random.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    pid.parse().ok()
}

/// A temporary of the earlier naming, `.pacte-XXXXXX` (no process id):
/// removed once it is an hour old.
fn legacy(name: &str) -> bool {
    name.strip_prefix(PREFIX)
        .is_some_and(|r| r.len() == 6 && r.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Removes, once per run and folder, the temporaries a killed run left.
fn sweep(dir: &Path) {
    let key = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    {
        let mut swept = SWEPT.lock().unwrap_or_else(|e| e.into_inner());
        if swept.contains(&key) {
            return;
        }
        swept.push(key);
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let me = std::process::id();
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(name) = name.to_str() else { continue };
        if !e.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let stale = match owner_of(name) {
            Some(pid) => pid != me && process_gone(pid),
            None if legacy(name) => e
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age.as_secs() > 3600),
            None => false,
        };
        if stale {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// An unnamed temporary file in `dir` (Linux `O_TMPFILE`), to be linked
/// into place once written: a kill, even SIGKILL, leaves nothing behind.
/// `None` where the system or the file system does not offer it (or
/// `/proc`, through which it is linked, is not mounted).
#[cfg(target_os = "linux")]
fn unnamed_in(dir: &Path) -> Option<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt as _;
    if !Path::new("/proc/self/fd").is_dir() {
        return None;
    }
    std::fs::OpenOptions::new()
        .write(true)
        .custom_flags(libc::O_TMPFILE | libc::O_CLOEXEC)
        .mode(0o644)
        .open(dir)
        .ok()
}

/// Gives the unnamed file `file` the name `to`; fails if `to` exists.
#[cfg(target_os = "linux")]
fn link_into(file: &std::fs::File, to: &Path) -> std::io::Result<()> {
    use std::os::fd::AsRawFd as _;
    use std::os::unix::ffi::OsStrExt as _;
    let invalid = |_| std::io::Error::from(std::io::ErrorKind::InvalidInput);
    let from =
        std::ffi::CString::new(format!("/proc/self/fd/{}", file.as_raw_fd())).map_err(invalid)?;
    let to = std::ffi::CString::new(to.as_os_str().as_bytes()).map_err(invalid)?;
    let r = unsafe {
        libc::linkat(
            libc::AT_FDCWD,
            from.as_ptr(),
            libc::AT_FDCWD,
            to.as_ptr(),
            libc::AT_SYMLINK_FOLLOW,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// The identity of a file: device and inode (the path elsewhere).
#[cfg(unix)]
fn identity(m: &std::fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt as _;
    (m.dev(), m.ino())
}

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

/// The files a command reads, so that none is overwritten: by device and
/// inode on Unix, by canonical path elsewhere.
#[derive(Debug, Default)]
pub struct Inputs {
    #[cfg(unix)]
    ids: HashSet<(u64, u64)>,
    #[cfg(not(unix))]
    paths: HashSet<PathBuf>,
}

impl Inputs {
    /// Whether `path` (followed if a symlink) is one of the inputs.
    pub fn contains(&self, path: &Path) -> bool {
        #[cfg(unix)]
        {
            std::fs::metadata(path).is_ok_and(|m| self.ids.contains(&identity(&m)))
        }
        #[cfg(not(unix))]
        {
            path.canonicalize().is_ok_and(|c| self.paths.contains(&c))
        }
    }
}

/// The files a command reads (see [`Inputs`]).
pub fn canonical_inputs<'a>(inputs: impl IntoIterator<Item = &'a Path>) -> Inputs {
    let mut out = Inputs::default();
    for p in inputs {
        #[cfg(unix)]
        if let Ok(m) = std::fs::metadata(p) {
            out.ids.insert(identity(&m));
        }
        #[cfg(not(unix))]
        if let Ok(c) = p.canonicalize() {
            out.paths.insert(c);
        }
    }
    out
}

impl Target {
    /// Refuses a missing folder, a folder as target, one of `inputs`, an
    /// existing file without `force`, and anything but a regular file with it.
    pub fn check(path: &Path, inputs: &Inputs, force: bool) -> Result<Target> {
        let dir = folder(path);
        if !dir.is_dir() {
            return Err(Failure::OutputFolderMissing {
                path: shown(path),
                folder: shown(dir),
            }
            .into());
        }
        if path.is_dir() {
            return Err(Failure::IsAFolder { path: shown(path) }.into());
        }
        if inputs.contains(path) {
            return Err(Failure::WouldOverwriteInput { path: shown(path) }.into());
        }
        if let Ok(m) = std::fs::symlink_metadata(path) {
            if !force {
                return Err(Failure::AlreadyExists { path: shown(path) }.into());
            }
            if !m.file_type().is_file() {
                return Err(Failure::ForceNotRegular { path: shown(path) }.into());
            }
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
        sweep(dir);
        #[cfg(target_os = "linux")]
        if let Some(file) = unnamed_in(dir) {
            return self.fill_and_link(file, fill);
        }
        let tmp = tempfile::Builder::new()
            .prefix(&format!("{PREFIX}{}-", std::process::id()))
            .suffix(SUFFIX)
            .make_in(dir, |path| {
                // Listed first: a signal arriving now still finds it.
                track(path);
                std::fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(path)
                    .inspect_err(|_| untrack(path))
            })
            .or_fail(|| Failure::CannotCreateTemporaryFile { folder: shown(dir) })?;
        let tmp_path = tmp.path().to_path_buf();
        let result = self.fill_and_persist(tmp, fill);
        untrack(&tmp_path);
        result
    }

    /// Writes into an unnamed temporary file, then links it into place
    /// (with `--force`, under a temporary name first, then renamed over
    /// the target: the only moment a named temporary exists).
    #[cfg(target_os = "linux")]
    fn fill_and_link(
        &self,
        file: std::fs::File,
        fill: impl FnOnce(&mut dyn Write) -> Result<()>,
    ) -> Result<()> {
        let cannot = |e: &dyn std::fmt::Display| self.cannot_write(e);
        let mut w = BufWriter::with_capacity(1 << 16, &file);
        fill(&mut w)?;
        w.into_inner().map_err(|e| cannot(&e))?;
        file.sync_all().map_err(|e| cannot(&e))?;
        {
            use std::os::unix::fs::PermissionsExt as _;
            let _ = file.set_permissions(std::fs::Permissions::from_mode(0o644));
        }
        if !self.force {
            return match link_into(&file, &self.path) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    Err(Failure::AlreadyExists {
                        path: shown(&self.path),
                    }
                    .into())
                }
                Err(e) => Err(cannot(&e)),
            };
        }
        let dir = folder(&self.path);
        let named = tempfile::Builder::new()
            .prefix(&format!("{PREFIX}{}-", std::process::id()))
            .suffix(SUFFIX)
            .make_in(dir, |path| {
                track(path);
                link_into(&file, path).inspect_err(|_| untrack(path))
            })
            .map_err(|e| cannot(&e))?;
        let name = named.path().to_path_buf();
        let done = named.persist(&self.path);
        untrack(&name);
        done.map(|_| ()).map_err(|e| cannot(&e.error))
    }

    /// `PATH: cannot write: CAUSE`.
    fn cannot_write(&self, cause: &dyn std::fmt::Display) -> anyhow::Error {
        because(
            Failure::CannotWrite {
                path: shown(&self.path),
            },
            anyhow::anyhow!("{cause}"),
        )
    }

    fn fill_and_persist(
        &self,
        tmp: tempfile::NamedTempFile,
        fill: impl FnOnce(&mut dyn Write) -> Result<()>,
    ) -> Result<()> {
        let mut w = BufWriter::with_capacity(1 << 16, tmp);
        fill(&mut w)?;
        let tmp = w.into_inner().map_err(|e| self.cannot_write(&e))?;
        tmp.as_file()
            .sync_all()
            .map_err(|e| self.cannot_write(&e))?;
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
                Failure::AlreadyExists {
                    path: shown(&self.path),
                }
                .into()
            } else {
                self.cannot_write(&e.error)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names() {
        assert_eq!(owner_of(".pacte-1234-aB3xYz.tmp"), Some(1234));
        assert_eq!(owner_of(".pacte-1234-.tmp"), None);
        assert_eq!(owner_of(".pacte-x-abc.tmp"), None);
        assert_eq!(owner_of("pacte-1234-abc.tmp"), None);
        assert!(legacy(".pacte-Ab12Cd"));
        assert!(!legacy(".pacte-notmine"));
        assert!(!legacy(".pacte-Ab12Cd.md"));
    }
}
