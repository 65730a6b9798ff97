//! The message catalogue: the sentence and help line of every finding, per
//! language (ARCHITECTURE.md, "Findings as data, words at the edge"). A rule
//! returns a typed [`Message`]; each language writes it in its own module,
//! one file per family of rules, with an exhaustive `match`: a message
//! without words in a language does not build. French typography is
//! written in the French text itself, never applied to the values quoted.
//! Adding a language is one more module here and one variant of
//! [`Lang`].

use crate::diagnostic::{Message, Said, Words};
use crate::model::Lang;
use crate::rules::Code;

mod en;
mod fr;

/// The words of a finding in `lang`; a help of `None` is the rule's default.
pub fn words(message: &Message, lang: Lang) -> Words {
    match lang {
        Lang::En => en::words(message),
        Lang::Fr => fr::words(message),
    }
}

/// The sentence and help line of a finding of `code` in `lang`, the help
/// being the rule's default where the message has none, each cut to
/// [`crate::check::MAX_MESSAGE`] characters.
pub fn said(code: Code, message: &Message, lang: Lang) -> Said {
    let Words { message, help } = words(message, lang);
    let help = help.unwrap_or_else(|| {
        crate::present::messages::help(crate::rules::meta(code), lang).into_owned()
    });
    Said {
        message: shortened(message, crate::check::MAX_MESSAGE),
        help: shortened(help, crate::check::MAX_MESSAGE),
    }
}

/// `s` cut to `max` characters, with `…`.
fn shortened(mut s: String, max: usize) -> String {
    if s.len() > max {
        if let Some((cut, _)) = s.char_indices().nth(max) {
            s.truncate(cut);
            s.push('…');
        }
    }
    s
}

/// `one` when `n` is 1, else `many`.
fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Text;

    #[test]
    fn text_words_fall_back_to_english_and_to_the_default_help() {
        let m = Message::Text(Box::new(Text {
            en: Words::new("plain"),
            fr: None,
        }));
        let en = said(Code::C001, &m, Lang::En);
        let fr = said(Code::C001, &m, Lang::Fr);
        assert_eq!(en.message, "plain");
        assert_eq!(fr.message, "plain");
        assert_eq!(en.help, crate::rules::meta(Code::C001).help);
        assert_ne!(fr.help, en.help);
    }

    #[test]
    fn long_words_are_cut() {
        let m = Message::Text(Box::new(Text {
            en: Words::new("é".repeat(2000)).help("h".repeat(2000)),
            fr: None,
        }));
        let s = said(Code::K013, &m, Lang::En);
        assert_eq!(s.message.chars().count(), crate::check::MAX_MESSAGE + 1);
        assert_eq!(s.help.chars().count(), crate::check::MAX_MESSAGE + 1);
    }

    #[test]
    fn counts_of_what_is_not_listed() {
        for lang in [Lang::En, Lang::Fr] {
            for more in [1, 2] {
                for m in [
                    Message::MoreFindings { more },
                    Message::MoreSyntaxErrors { more },
                ] {
                    let w = words(&m, lang);
                    assert!(w.message.starts_with(&more.to_string()), "{}", w.message);
                }
            }
        }
        assert_eq!(
            words(&Message::MoreSyntaxErrors { more: 1 }, Lang::Fr).message,
            "1 autre erreur de syntaxe à partir d\u{2019}ici (seules les 50 premières sont énumérées)"
        );
    }
}
