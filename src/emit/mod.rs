//! Output formats of `pacte check`: one emitter type per format.

use std::io::Write;

use crate::check::Run;

mod github;
mod gitlab;
mod human;
mod json;
mod junit;
mod markdown;
mod sarif;
pub mod statistics;

pub use github::Github;
pub use gitlab::Gitlab;
pub use human::Human;
pub use json::Json;
pub use junit::Junit;
pub use markdown::Markdown;
pub use sarif::Sarif;

/// Writes a check run in one format.
pub trait Emitter {
    fn emit<T>(&self, run: &Run<T>, out: &mut dyn Write) -> std::io::Result<()>;
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `3 errors, 1 warning in 2 conventions` (infos and waived when any).
pub fn summary_line<T>(run: &Run<T>) -> String {
    use crate::diagnostic::Level;
    let mut parts = vec![
        plural(run.count(Level::Error), "error", "errors"),
        plural(run.count(Level::Warning), "warning", "warnings"),
    ];
    let infos = run.count(Level::Info);
    if infos > 0 {
        parts.push(plural(infos, "info", "infos"));
    }
    let mut line = format!(
        "{} in {}",
        parts.join(", "),
        plural(run.files.len(), "convention", "conventions")
    );
    let waived = run.waived();
    if waived > 0 {
        line.push_str(&format!(" ({waived} waived)"));
    }
    line
}
