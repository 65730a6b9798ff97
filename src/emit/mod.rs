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

/// A diagnostic's sentence followed by its help, in one line: `… (help: …)`.
pub fn with_help(said: &crate::diagnostic::Said, lang: crate::model::Lang) -> String {
    match lang {
        crate::model::Lang::En => format!("{} (help: {})", said.message, said.help),
        crate::model::Lang::Fr => format!("{} (aide\u{a0}: {})", said.message, said.help),
    }
}

/// The summary line in the language of messages: `3 errors, 1 warning in
/// 2 conventions` (infos and waived when any).
pub fn summary_line_in<T>(run: &Run<T>, lang: crate::model::Lang) -> String {
    use crate::diagnostic::Level;
    crate::present::messages::summary_line(
        run.count(Level::Error),
        run.count(Level::Warning),
        run.count(Level::Info),
        run.files.len(),
        run.waived(),
        lang,
    )
}
