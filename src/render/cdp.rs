//! PDF for many documents through one browser process: a small client of
//! the Chrome DevTools protocol over `--remote-debugging-pipe` (the browser
//! reads commands on its fd 3 and writes replies on its fd 4, one JSON
//! message per NUL-terminated frame). No port is opened.
//!
//! Two pages are opened (the browser lays one out while it prints the
//! other); every document is loaded into one of them from a temporary
//! file, then printed with `Page.printToPDF`.

use std::fs::File;
use std::io::{BufRead as _, BufReader, Write as _};
use std::os::fd::{FromRawFd as _, RawFd};
use std::os::unix::process::CommandExt as _;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use anyhow::Result;

use crate::failure::{because, BrowserPart, Fail as _, Failure};
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
    /// One DevTools session per page.
    sessions: Vec<String>,
    /// Messages read while waiting for another one.
    pending: std::collections::VecDeque<Value>,
    dir: tempfile::TempDir,
    name: String,
}

fn pipe() -> Result<(RawFd, RawFd)> {
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: `fds` is a valid array of two ints for pipe(2) to fill.
    if unsafe { libc::pipe(fds.as_mut_ptr()) } != 0 {
        return Err(Failure::CannotCreatePipe {
            cause: std::io::Error::last_os_error().to_string(),
        }
        .into());
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
            .or_fail(|| Failure::CannotCreateTemporaryFolder)?;
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
        let child = spawned.or_fail(|| Failure::CannotStart {
            program: crate::failure::shown(browser),
        })?;
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(from);
            loop {
                let mut buf = Vec::new();
                match r.read_until(0, &mut buf) {
                    Ok(0) => {
                        let _ = tx.send(Err(Failure::BrowserPipeClosed.into()));
                        return;
                    }
                    Ok(_) => {
                        if buf.last() == Some(&0) {
                            buf.pop();
                        }
                        let v = serde_json::from_slice(&buf).or_fail(|| Failure::BrowserBadMessage);
                        if tx.send(v).is_err() {
                            return;
                        }
                    }
                    Err(e) => {
                        let _ = tx.send(Err(because(Failure::BrowserPipe, e)));
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
            sessions: Vec::new(),
            pending: Default::default(),
            dir,
            name: browser.display().to_string(),
        };
        for _ in 0..PAGES {
            let target = b.call(None, "Target.createTarget", json!({ "url": "about:blank" }))?;
            let target = target["targetId"]
                .as_str()
                .or_fail(|| Failure::BrowserNoAnswer {
                    part: BrowserPart::TargetId,
                })?
                .to_string();
            let s = b.call(
                None,
                "Target.attachToTarget",
                json!({ "targetId": target, "flatten": true }),
            )?;
            let session = s["sessionId"]
                .as_str()
                .or_fail(|| Failure::BrowserNoAnswer {
                    part: BrowserPart::SessionId,
                })?
                .to_string();
            b.call(Some(&session), "Page.enable", json!({}))?;
            b.sessions.push(session);
        }
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
        self.to.write_all(&bytes).or_fail(|| Failure::CannotSend {
            browser: self.name.clone(),
            request: method.to_string(),
        })?;
        Ok(self.next)
    }

    /// An error reply of the browser to `request`.
    fn refused(&self, request: &str, e: &Value) -> anyhow::Error {
        Failure::BrowserRefused {
            browser: self.name.clone(),
            request: request.to_string(),
            message: e["message"].as_str().unwrap_or("error").to_string(),
        }
        .into()
    }

    /// Waits for a message that `stop` accepts (kept ones first; the others
    /// are kept for later); an error reply fails.
    fn wait(&mut self, what: &str, mut stop: impl FnMut(&Value) -> bool) -> Result<Value> {
        if let Some(i) = self.pending.iter().position(&mut stop) {
            let v = self.pending.remove(i).unwrap_or_default();
            if let Some(e) = v.get("error") {
                return Err(self.refused(what, e));
            }
            return Ok(v);
        }
        loop {
            let v = match self.from.recv_timeout(TIMEOUT) {
                Ok(v) => v?,
                Err(_) => {
                    return Err(Failure::BrowserSilent {
                        browser: self.name.clone(),
                        seconds: TIMEOUT.as_secs(),
                        request: what.to_string(),
                    }
                    .into())
                }
            };
            if stop(&v) {
                if let Some(e) = v.get("error") {
                    return Err(self.refused(what, e));
                }
                return Ok(v);
            }
            // Events nobody waits for (console, frames) are not kept.
            if v.get("id").is_some() || v["method"] == "Page.loadEventFired" {
                self.pending.push_back(v);
            }
        }
    }

    fn call(&mut self, session: Option<&str>, method: &str, params: Value) -> Result<Value> {
        let id = self.send(session, method, params)?;
        let v = self.wait(method, |v| v["id"].as_u64() == Some(id))?;
        Ok(v["result"].clone())
    }

    /// Starts loading `html` into page `k`; returns the command's id.
    fn load(&mut self, k: usize, html: &str) -> Result<u64> {
        let page = self.dir.path().join(format!("document-{k}.html"));
        std::fs::write(&page, html).or_fail(|| Failure::CannotWriteTemporaryFile)?;
        let url = format!("file://{}", page.display());
        let session = self.sessions[k].clone();
        self.pending.retain(|v| {
            !(v["method"] == "Page.loadEventFired" && v["sessionId"] == session.as_str())
        });
        self.send(Some(&session), "Page.navigate", json!({ "url": url }))
    }

    /// Waits for page `k` to have loaded, then asks for its PDF.
    fn start_print(&mut self, k: usize, navigate: u64) -> Result<u64> {
        let session = self.sessions[k].clone();
        self.wait("Page.navigate", |v| v["id"].as_u64() == Some(navigate))?;
        self.wait("Page.loadEventFired", |v| {
            v["method"] == "Page.loadEventFired" && v["sessionId"] == session.as_str()
        })?;
        self.send(
            Some(&session),
            "Page.printToPDF",
            json!({ "printBackground": true, "preferCSSPageSize": true, "displayHeaderFooter": false }),
        )
    }

    /// The PDF bytes of a `Page.printToPDF` command.
    fn finish_print(&mut self, id: u64) -> Result<Vec<u8>> {
        let v = self.wait("Page.printToPDF", |v| v["id"].as_u64() == Some(id))?;
        let data = v["result"]["data"]
            .as_str()
            .or_fail(|| Failure::BrowserNoAnswer {
                part: BrowserPart::PdfData,
            })?;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(data)
            .or_fail(|| Failure::BrowserBadPdf)?;
        if !bytes.starts_with(b"%PDF") {
            return Err(Failure::BrowserNoPdf {
                browser: self.name.clone(),
            }
            .into());
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

/// Pages printing at once in the one browser process.
const PAGES: usize = 2;

/// Prints every HTML document with one browser process; the PDFs in order.
pub fn print_all(browser: &Path, docs: &[&str]) -> Result<Vec<Vec<u8>>> {
    let mut b = Browser::start(browser)?;
    let mut out = Vec::with_capacity(docs.len());
    for batch in docs.chunks(PAGES) {
        let mut loads = Vec::with_capacity(batch.len());
        for (k, d) in batch.iter().enumerate() {
            loads.push(b.load(k, d)?);
        }
        let mut prints = Vec::with_capacity(batch.len());
        for (k, id) in loads.into_iter().enumerate() {
            prints.push(b.start_print(k, id)?);
        }
        for id in prints {
            out.push(b.finish_print(id)?);
        }
    }
    Ok(out)
}
