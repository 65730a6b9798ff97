//! PDF for many documents through one browser process: a small client of
//! the Chrome DevTools protocol over `--remote-debugging-pipe` (the browser
//! reads commands on its fd 3 and writes replies on its fd 4, one JSON
//! message per NUL-terminated frame). No port is opened.
//!
//! One page is opened and every document is loaded into it in turn from a
//! temporary file, then printed with `Page.printToPDF`.

use std::fs::File;
use std::io::{BufRead as _, BufReader, Write as _};
use std::os::fd::{FromRawFd as _, RawFd};
use std::os::unix::process::CommandExt as _;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use anyhow::{anyhow, bail, Context as _, Result};
use base64::Engine as _;
use serde_json::{json, Value};

/// How long one reply (a page load, a print) may take.
const TIMEOUT: Duration = Duration::from_secs(120);

/// A running headless browser and the page documents are printed in.
pub struct Browser {
    child: Child,
    to: File,
    from: mpsc::Receiver<Result<Value>>,
    next: u64,
    session: String,
    dir: tempfile::TempDir,
    name: String,
}

fn pipe() -> Result<(RawFd, RawFd)> {
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: `fds` is a valid array of two ints for pipe(2) to fill.
    if unsafe { libc::pipe(fds.as_mut_ptr()) } != 0 {
        bail!("cannot create a pipe: {}", std::io::Error::last_os_error());
    }
    for fd in fds {
        // SAFETY: fd was just returned by pipe(2); FD_CLOEXEC keeps it out of
        // other children (the child gets its copies by dup2, which clears it).
        unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
    }
    Ok((fds[0], fds[1]))
}

impl Browser {
    /// Starts `browser` headless with the DevTools pipe and opens one page.
    pub fn start(browser: &Path) -> Result<Browser> {
        let dir = tempfile::Builder::new()
            .prefix("pacte-pdf-")
            .tempdir()
            .context("cannot create a temporary folder")?;
        // Commands: we write `cmd_w`, the browser reads its fd 3.
        let (cmd_r, cmd_w) = pipe()?;
        // Replies: the browser writes its fd 4, we read `rep_r`.
        let (rep_r, rep_w) = pipe()?;
        let mut command = Command::new(browser);
        command
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--no-default-browser-check",
                "--remote-debugging-pipe",
            ])
            .arg(format!(
                "--user-data-dir={}",
                dir.path().join("profile").display()
            ))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        // SAFETY: only async-signal-safe calls (dup2) between fork and exec.
        unsafe {
            command.pre_exec(move || {
                // Out of the way first (either end may already be 3 or 4),
                // then onto 3 and 4, which dup2 leaves open across exec.
                let r = libc::fcntl(cmd_r, libc::F_DUPFD_CLOEXEC, 10);
                let w = libc::fcntl(rep_w, libc::F_DUPFD_CLOEXEC, 10);
                if r < 0 || w < 0 || libc::dup2(r, 3) < 0 || libc::dup2(w, 4) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let spawned = command.spawn();
        // SAFETY: these fds are ours and used nowhere else: the child has its
        // own copies, so the parent's ends not used are closed here.
        let (to, from) = unsafe {
            libc::close(cmd_r);
            libc::close(rep_w);
            (File::from_raw_fd(cmd_w), File::from_raw_fd(rep_r))
        };
        let child = spawned.with_context(|| format!("cannot start {}", browser.display()))?;
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(from);
            loop {
                let mut buf = Vec::new();
                match r.read_until(0, &mut buf) {
                    Ok(0) => {
                        let _ = tx.send(Err(anyhow!("the browser closed its DevTools pipe")));
                        return;
                    }
                    Ok(_) => {
                        if buf.last() == Some(&0) {
                            buf.pop();
                        }
                        let v = serde_json::from_slice(&buf)
                            .map_err(|e| anyhow!("bad DevTools message: {e}"));
                        if tx.send(v).is_err() {
                            return;
                        }
                    }
                    Err(e) => {
                        let _ = tx.send(Err(anyhow!("DevTools pipe: {e}")));
                        return;
                    }
                }
            }
        });
        let mut b = Browser {
            child,
            to,
            from: rx,
            next: 0,
            session: String::new(),
            dir,
            name: browser.display().to_string(),
        };
        let target = b.call(None, "Target.createTarget", json!({ "url": "about:blank" }))?;
        let target = target["targetId"]
            .as_str()
            .context("no target id from the browser")?
            .to_string();
        let s = b.call(
            None,
            "Target.attachToTarget",
            json!({ "targetId": target, "flatten": true }),
        )?;
        b.session = s["sessionId"]
            .as_str()
            .context("no session id from the browser")?
            .to_string();
        let session = b.session.clone();
        b.call(Some(&session), "Page.enable", json!({}))?;
        Ok(b)
    }

    fn send(&mut self, session: Option<&str>, method: &str, params: Value) -> Result<u64> {
        self.next += 1;
        let mut msg = json!({ "id": self.next, "method": method, "params": params });
        if let Some(s) = session {
            msg["sessionId"] = json!(s);
        }
        let mut bytes = serde_json::to_vec(&msg)?;
        bytes.push(0);
        self.to
            .write_all(&bytes)
            .with_context(|| format!("{}: cannot send {method}", self.name))?;
        Ok(self.next)
    }

    /// Waits for a message that `stop` accepts; an error reply fails.
    fn wait(&mut self, what: &str, mut stop: impl FnMut(&Value) -> bool) -> Result<Value> {
        loop {
            let v = match self.from.recv_timeout(TIMEOUT) {
                Ok(v) => v?,
                Err(_) => bail!(
                    "{} did not answer within {} s ({what})",
                    self.name,
                    TIMEOUT.as_secs()
                ),
            };
            if stop(&v) {
                if let Some(e) = v.get("error") {
                    bail!(
                        "{}: {what}: {}",
                        self.name,
                        e["message"].as_str().unwrap_or("error")
                    );
                }
                return Ok(v);
            }
        }
    }

    fn call(&mut self, session: Option<&str>, method: &str, params: Value) -> Result<Value> {
        let id = self.send(session, method, params)?;
        let v = self.wait(method, |v| v["id"].as_u64() == Some(id))?;
        Ok(v["result"].clone())
    }

    /// Prints one HTML document to PDF bytes.
    pub fn print(&mut self, html: &str) -> Result<Vec<u8>> {
        let page = self.dir.path().join("document.html");
        std::fs::write(&page, html).context("cannot write a temporary file")?;
        let url = format!("file://{}", page.display());
        let session = self.session.clone();
        let id = self.send(Some(&session), "Page.navigate", json!({ "url": url }))?;
        let mut answered = false;
        let mut loaded = false;
        self.wait("Page.navigate", |v| {
            if v["id"].as_u64() == Some(id) {
                answered = true;
                if v.get("error").is_some() {
                    return true;
                }
            }
            if v["method"] == "Page.loadEventFired" && v["sessionId"] == session.as_str() {
                loaded = true;
            }
            answered && loaded
        })?;
        let r = self.call(
            Some(&session),
            "Page.printToPDF",
            json!({ "printBackground": true, "preferCSSPageSize": true, "displayHeaderFooter": false }),
        )?;
        let data = r["data"].as_str().context("no PDF data from the browser")?;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(data)
            .context("bad PDF data from the browser")?;
        if !bytes.starts_with(b"%PDF") {
            bail!("{} did not print a PDF", self.name);
        }
        Ok(bytes)
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.send(None, "Browser.close", json!({}));
        for _ in 0..50 {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Prints every HTML document with one browser process, in order.
pub fn print_all(browser: &Path, docs: &[&str]) -> Result<Vec<Vec<u8>>> {
    let mut b = Browser::start(browser)?;
    let mut out = Vec::with_capacity(docs.len());
    for d in docs {
        out.push(b.print(d)?);
    }
    Ok(out)
}
