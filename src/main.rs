use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;

// Checking thousands of files is allocation-heavy: mimalloc halves that cost.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = pacte::cli::Cli::parse();
    let stdout = std::io::stdout();
    let terminal = stdout.is_terminal();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = pacte::run(cli, &mut out, terminal);
    let flushed = std::io::Write::flush(&mut out);
    match (result, flushed) {
        (Ok(pacte::Outcome::Clean), Ok(())) => ExitCode::SUCCESS,
        (Ok(pacte::Outcome::Findings), Ok(())) => ExitCode::from(1),
        (Err(e), _) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
        // Output closed early (e.g. piped into `head`): not worth a message.
        (Ok(_), Err(_)) => ExitCode::from(2),
    }
}
