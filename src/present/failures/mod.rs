//! The catalogue of failures and notes: one file per language, each an
//! exhaustive `match` (a missing sentence is a compile error; a language
//! is one more file and one more arm in [`failure`] and [`note`]).

use crate::failure::{failure_of, Failure, Note};
use crate::model::Lang;

pub mod en;
pub mod fr;

/// The sentence of a failure in `lang`.
pub fn failure(f: &Failure, lang: Lang) -> String {
    match lang {
        Lang::Fr => fr::failure(f),
        Lang::En => en::failure(f),
    }
}

/// The sentence of a note in `lang`.
pub fn note(n: &Note, lang: Lang) -> String {
    match lang {
        Lang::Fr => fr::note(n),
        Lang::En => en::note(n),
    }
}

/// An error and its causes, in `lang`: `pacte's words: the cause: …`
/// (a sentence said after its cause, `CAUSE (rendering FILE)`, is put
/// there). Texts that are not pacte's (the system's, git's, a template
/// engine's) are kept as they are.
pub fn chain(e: &anyhow::Error, lang: Lang) -> String {
    let links: Vec<&(dyn std::error::Error + 'static)> = e.chain().collect();
    from_links(&links, lang)
}

fn from_links(links: &[&(dyn std::error::Error + 'static)], lang: Lang) -> String {
    let Some((first, rest)) = links.split_first() else {
        return String::new();
    };
    let Some(f) = failure_of(*first) else {
        // Not one of pacte's: its own text (which may already hold its causes).
        let text = first.to_string();
        let rest = from_links(rest, lang);
        return if rest.is_empty() || text.ends_with(&rest) {
            text
        } else {
            format!("{text}: {rest}")
        };
    };
    let text = failure(f, lang);
    let rest = from_links(rest, lang);
    match (rest.is_empty(), f.follows_cause()) {
        (true, _) => text,
        (false, true) => format!("{rest} {text}"),
        (false, false) => format!("{text}{}{rest}", colon(lang)),
    }
}

fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "\u{a0}: ",
        Lang::En => ": ",
    }
}

/// The language of messages of this process, for an `error:` line: it
/// does not need a readable pacte.toml (when pacte.toml is the broken
/// file, PACTE_LANG and the locale decide).
pub fn process_lang(config: Option<&std::path::Path>) -> Lang {
    let workspace = std::env::current_dir()
        .ok()
        .and_then(|cwd| crate::config::Config::load(config, &cwd).ok())
        .and_then(|c| c.lang);
    crate::present::lang::from_process(workspace)
}
