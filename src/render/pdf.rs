//! PDF: the HTML document printed by a local headless Chromium or Chrome.

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::Result;

use crate::failure::{because, shown, Fail as _, Failure};

/// Browser names looked for on PATH, in order.
pub const BROWSERS: [&str; 4] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
];

/// How long one document may take to print.
const TIMEOUT: Duration = Duration::from_secs(120);

fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// The browser named by `PACTE_BROWSER`, else the first of [`BROWSERS`] on PATH.
pub fn find_browser() -> Result<PathBuf> {
    if let Some(b) = std::env::var_os("PACTE_BROWSER").filter(|v| !v.is_empty()) {
        let p = PathBuf::from(&b);
        let found = if p.components().count() > 1 {
            p.is_file().then_some(p)
        } else {
            on_path(&p.to_string_lossy())
        };
        return found.or_fail(|| Failure::BrowserNotFound {
            value: b.to_string_lossy().into_owned(),
        });
    }
    BROWSERS
        .iter()
        .find_map(|n| on_path(n))
        .or_fail(|| Failure::NoBrowser)
}

/// Prints `html` to PDF bytes with `browser`.
pub fn print(browser: &Path, html: &str) -> Result<Vec<u8>> {
    let dir = tempfile::Builder::new()
        .prefix("pacte-pdf-")
        .tempdir()
        .or_fail(|| Failure::CannotCreateTemporaryFolder)?;
    let page = dir.path().join("convention.html");
    let pdf = dir.path().join("convention.pdf");
    let profile = dir.path().join("profile");
    std::fs::write(&page, html).or_fail(|| Failure::CannotWriteTemporaryFile)?;
    let url = format!("file://{}", page.display());
    let mut child = Command::new(browser)
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
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--no-pdf-header-footer")
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(&url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .or_fail(|| Failure::CannotStart {
            program: shown(browser),
        })?;
    // Drain stderr on a thread so that a chatty browser never blocks.
    let mut stderr = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        if let Some(e) = stderr.as_mut() {
            let _ = e.read_to_string(&mut s);
        }
        s
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break s,
            Ok(None) if started.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(Failure::PdfTimeout {
                    browser: shown(browser),
                    seconds: TIMEOUT.as_secs(),
                }
                .into());
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => {
                return Err(because(
                    Failure::Program {
                        program: shown(browser),
                    },
                    e,
                ))
            }
        }
    };
    let errors = reader.join().unwrap_or_default();
    let bytes = std::fs::read(&pdf).unwrap_or_default();
    if !status.success() || !bytes.starts_with(b"%PDF") {
        let last = errors
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("no message");
        return Err(Failure::PdfFailed {
            browser: shown(browser),
            status: status.to_string(),
            last: last.to_string(),
        }
        .into());
    }
    Ok(bytes)
}
