//! The message catalogue: the sentence and help line of every finding, per
//! language (ARCHITECTURE.md, "Findings as data, words at the edge"). A rule
//! returns a typed [`Message`]; each language writes it in its own module,
//! one file per family of rules, with an exhaustive `match`: a message
//! without words in a language does not build. French typography is
//! written in the French text itself, never applied to the values quoted.
//! Adding a language is one more module here and one variant of
//! [`Lang`].

use rust_decimal::Decimal;

use crate::diagnostic::{Message, Said, Words};
use crate::model::Currency;
use crate::model::Lang;
use crate::rules::Code;

mod en;
mod fr;
mod shares;

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

/// An amount as people read it in a convention: thousands grouped with a
/// space, the currency's decimals when it has any, and its code
/// (`38 000 EUR`, `1 234.50 EUR`).
pub(crate) fn amount(value: Decimal, currency: Option<Currency>) -> String {
    let mut v = value.normalize();
    if let Some(c) = currency {
        if v.scale() > 0 && v.scale() < c.minor_unit {
            v.rescale(c.minor_unit);
        }
    }
    let text = v.abs().to_string();
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(' ');
        }
        grouped.push(ch);
    }
    let mut out = String::new();
    if v.is_sign_negative() && !v.is_zero() {
        out.push('-');
    }
    out.push_str(&grouped);
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    if let Some(c) = currency {
        out.push(' ');
        out.push_str(c.code());
    }
    out
}

/// [`amount`] written the French way: a narrow no-break space between
/// thousands, a decimal comma and a no-break space before the currency's
/// code (`38 000 EUR`, `1 234,50 EUR`).
pub(crate) fn montant(value: Decimal, currency: Option<Currency>) -> String {
    // The currency's decimals when the amount has some, as `amount` does.
    let v = value.normalize();
    let decimals = currency
        .filter(|c| v.scale() > 0 && v.scale() < c.minor_unit)
        .map(|c| c.minor_unit);
    let number = crate::present::format::decimal(v, decimals, crate::model::Lang::Fr);
    match currency {
        Some(c) => format!("{number}\u{a0}{}", c.code()),
        None => number,
    }
}

/// Phrases as a list in a sentence, the last joined by `and` (`"and"`,
/// `"et"`, `"ou"`…): `a`, `a and b`, `a, b and c`.
fn list<S: AsRef<str>>(parts: &[S], and: &str) -> String {
    match parts.split_last() {
        None => String::new(),
        Some((last, [])) => last.as_ref().to_string(),
        Some((last, rest)) => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} {and} {}", rest.join(", "), last.as_ref())
        }
    }
}

/// Values of the format in double quotes, as written in a file:
/// `"a", "b", "c"`.
fn in_quotes(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ")
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
    use std::str::FromStr;

    fn eur() -> Option<Currency> {
        Some(Currency {
            code: "EUR",
            minor_unit: 2,
        })
    }

    #[test]
    fn lists_in_a_sentence() {
        let none: [&str; 0] = [];
        assert_eq!(list(&none, "and"), "");
        assert_eq!(list(&["a"], "and"), "a");
        assert_eq!(list(&["a", "b"], "et"), "a et b");
        assert_eq!(list(&["a", "b", "c"], "ou"), "a, b ou c");
    }

    #[test]
    fn amounts_in_french() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert_eq!(montant(d("38000"), eur()), "38\u{202f}000\u{a0}EUR");
        assert_eq!(montant(d("1234.5"), eur()), "1\u{202f}234,50\u{a0}EUR");
        assert_eq!(montant(d("-90000"), eur()), "-90\u{202f}000\u{a0}EUR");
        assert_eq!(montant(d("1000000"), None), "1\u{202f}000\u{202f}000");
    }

    #[test]
    fn amounts_read_like_a_budget() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert_eq!(amount(d("38000"), eur()), "38 000 EUR");
        assert_eq!(amount(d("42000.00"), eur()), "42 000 EUR");
        assert_eq!(amount(d("1234.5"), eur()), "1 234.50 EUR");
        assert_eq!(amount(d("999"), eur()), "999 EUR");
        assert_eq!(amount(d("1000000"), None), "1 000 000");
        assert_eq!(amount(d("0"), eur()), "0 EUR");
        assert_eq!(amount(d("0.07"), eur()), "0.07 EUR");
    }

    #[test]
    fn a_message_without_help_gets_the_rule_s_default_in_its_language() {
        let m = Message::MoreFindings { more: 2 };
        let en = said(Code::C001, &m, Lang::En);
        let fr = said(Code::C001, &m, Lang::Fr);
        assert_eq!(en.help, crate::rules::meta(Code::C001).help);
        assert_eq!(
            fr.help,
            crate::present::messages::help(crate::rules::meta(Code::C001), Lang::Fr)
        );
        assert_ne!(fr.help, en.help);
    }

    #[test]
    fn long_words_are_cut() {
        let m = Message::from(crate::rules::consistency::Found::PlaceholderLeft {
            placeholder: "é".repeat(2000),
        });
        for lang in [Lang::En, Lang::Fr] {
            let s = said(Code::K013, &m, lang);
            assert_eq!(s.message.chars().count(), crate::check::MAX_MESSAGE + 1);
            assert!(s.message.ends_with('…'));
        }
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
