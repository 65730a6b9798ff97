use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;

// Checking thousands of files is allocation-heavy: mimalloc halves that cost.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Standard output, remembering the first write error (a full disk, a
/// closed pipe), so that it is reported whatever the command made of it.
struct Stdout<W> {
    inner: W,
    failed: Option<std::io::Error>,
}

impl<W: std::io::Write> std::io::Write for Stdout<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.inner.write(buf).inspect_err(|e| self.remember(e))
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush().inspect_err(|e| self.remember(e))
    }
}

impl<W> Stdout<W> {
    fn remember(&mut self, e: &std::io::Error) {
        if self.failed.is_none() {
            self.failed = Some(std::io::Error::new(e.kind(), e.to_string()));
        }
    }
}

/// On SIGINT, SIGTERM or SIGHUP, the temporary files being written are
/// removed before the process exits (with 128 + the signal number).
#[cfg(unix)]
fn remove_temporaries_on_signals() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    if let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) {
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                pacte::output::remove_temporaries_and_exit(128 + signal);
            }
        });
    }
}

/// File descriptor 1 itself: the standard library's handle takes a closed
/// descriptor (EBADF) for success, and the output would be lost silently.
#[cfg(unix)]
fn raw_stdout(_: std::io::Stdout) -> Fd1 {
    use std::os::fd::FromRawFd as _;
    // (A descriptor 1 closed at start is /dev/null already: the runtime
    // opens it there, so that case is indistinguishable from `>/dev/null`.)
    // Never closed (ManuallyDrop): descriptor 1 stays the process's.
    Fd1(std::mem::ManuallyDrop::new(unsafe {
        std::fs::File::from_raw_fd(1)
    }))
}

#[cfg(unix)]
struct Fd1(std::mem::ManuallyDrop<std::fs::File>);

#[cfg(unix)]
impl std::io::Write for Fd1 {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

#[cfg(not(unix))]
fn raw_stdout(stdout: std::io::Stdout) -> std::io::StdoutLock<'static> {
    stdout.lock()
}

fn main() -> ExitCode {
    let cli = pacte::cli::Cli::parse();
    // Kept for the language of an `error:` line (pacte.toml's `lang`).
    let config = cli.config.clone();
    #[cfg(unix)]
    remove_temporaries_on_signals();
    let stdout = std::io::stdout();
    let terminal = stdout.is_terminal();
    let mut out = std::io::BufWriter::new(Stdout {
        inner: raw_stdout(stdout),
        failed: None,
    });
    let result = pacte::run(cli, &mut out, terminal);
    let flushed = std::io::Write::flush(&mut out);
    let write_error = out.get_mut().failed.take();
    let fail = |e: anyhow::Error| {
        let lang = pacte::present::failures::process_lang(config.as_deref());
        let line = pacte::present::failures::chain(&e, lang);
        eprintln!("error: {}", pacte::escape::visible(&line));
        ExitCode::from(2)
    };
    let stdout_failed =
        |e: std::io::Error| pacte::failure::because(pacte::failure::Failure::StandardOutput, e);
    // Output lost (a full disk, a closed pipe): one line, whatever the command did.
    if let Some(e) = write_error {
        return fail(stdout_failed(e));
    }
    match (result, flushed) {
        (Ok(pacte::Outcome::Clean), Ok(())) => ExitCode::SUCCESS,
        (Ok(pacte::Outcome::Findings), Ok(())) => ExitCode::from(1),
        (Err(e), _) => fail(e),
        (Ok(_), Err(e)) => fail(stdout_failed(e)),
    }
}
