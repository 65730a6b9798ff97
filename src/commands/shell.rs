//! `pacte completions SHELL` and `pacte man`: generated from the clap
//! definition of the command line, so they never drift from it.

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::{Cli, Shell};

/// Writes the completion script for `shell`.
pub fn completions(shell: Shell, out: &mut dyn Write) -> Result<()> {
    use clap_complete::Shell as S;
    let shell = match shell {
        Shell::Bash => S::Bash,
        Shell::Zsh => S::Zsh,
        Shell::Fish => S::Fish,
        Shell::Powershell => S::PowerShell,
    };
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "pacte", &mut buf);
    out.write_all(&buf)?;
    Ok(())
}

/// Writes the manual page of `pacte` (roff): the synopsis, the global
/// options and the list of subcommands, each with its one-line summary.
pub fn man(out: &mut dyn Write) -> Result<()> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut buf)?;
    out.write_all(&buf)?;
    Ok(())
}
