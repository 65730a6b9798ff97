//! Typography of the text pacte itself writes (template text, labels,
//! messages), per language. Never applied to the user's own text.
//!
//! French: a narrow no-break space (U+202F) before `;`, `!` and `?`, a
//! no-break space (U+00A0) before `:` and inside `« »`, and `’` for the
//! apostrophe. English text is left as written.

use std::borrow::Cow;

use crate::model::Lang;

/// Narrow no-break space, before `;` `!` `?` in French.
pub const NNBSP: char = '\u{202F}';
/// No-break space, before `:` and inside `« »` in French.
pub const NBSP: char = '\u{00A0}';

/// The text with the typography of `lang`.
pub fn apply(lang: Lang, text: &str) -> Cow<'_, str> {
    match lang {
        Lang::Fr => french(text),
        Lang::En => Cow::Borrowed(text),
    }
}

/// French typography. A space already before the mark becomes the right
/// no-break space; a mark that closes a word and ends a clause (followed by
/// a space, a closing mark or the end) gets one. `10:30`, `https://` and
/// `?x=1` are left alone, and so are marks already preceded by a no-break
/// space.
pub fn french(text: &str) -> Cow<'_, str> {
    if !text.contains([':', ';', '!', '?', '«', '»', '\'']) {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let ends_clause = next.is_none_or(|n| n.is_whitespace() || matches!(n, ')' | '»' | '"'));
        match c {
            ':' | ';' | '!' | '?' | '»' => {
                let space = if c == ':' || c == '»' { NBSP } else { NNBSP };
                match prev {
                    Some(' ') => {
                        out.pop();
                        out.push(space);
                    }
                    Some(p) if p == NBSP || p == NNBSP || p.is_whitespace() => {}
                    Some(_) if c == '»' || ends_clause => out.push(space),
                    _ => {}
                }
                out.push(c);
            }
            '«' => {
                out.push(c);
                if next.is_some_and(|n| !n.is_whitespace()) {
                    out.push(NBSP);
                }
            }
            ' ' if prev == Some('«') => out.push(NBSP),
            '\'' if prev.is_some_and(char::is_alphabetic)
                && next.is_some_and(char::is_alphabetic) =>
            {
                out.push('’')
            }
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// HTML of a text pacte wrote (a date, a sentence of dates): escaped, with
/// the French ordinal "1er" raised (`1<sup>er</sup>`).
pub fn raise_ordinals_html(text: &str) -> String {
    let escaped = escape_html(text);
    let chars: Vec<char> = escaped.chars().collect();
    let mut out = String::with_capacity(escaped.len() + 16);
    let mut i = 0;
    while i < chars.len() {
        let starts = i == 0 || !chars[i - 1].is_alphanumeric();
        let ends = chars.get(i + 3).is_none_or(|c| !c.is_alphanumeric());
        if starts
            && ends
            && chars[i] == '1'
            && chars.get(i + 1) == Some(&'e')
            && chars.get(i + 2) == Some(&'r')
        {
            out.push_str("1<sup>er</sup>");
            i += 3;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_before_double_marks() {
        assert_eq!(
            french("Date : le 1er mars ; signé ! Vraiment ?"),
            "Date\u{A0}: le 1er mars\u{202F}; signé\u{202F}! Vraiment\u{202F}?"
        );
        assert_eq!(french("Montant: 3"), "Montant\u{A0}: 3");
        assert_eq!(french("Date :"), "Date\u{A0}:");
    }

    #[test]
    fn guillemets_and_apostrophes() {
        assert_eq!(
            french("ci-après « la Ville »"),
            "ci-après «\u{A0}la Ville\u{A0}»"
        );
        assert_eq!(french("«Ville»"), "«\u{A0}Ville\u{A0}»");
        assert_eq!(french("l'association d'usagers"), "l’association d’usagers");
    }

    #[test]
    fn leaves_times_urls_and_done_text_alone() {
        for s in [
            "10:30",
            "https://example.org/?a=1",
            "déjà\u{A0}: fait",
            "'cité'",
            "sans ponctuation",
        ] {
            assert_eq!(french(s), s, "{s}");
        }
        let once = french("Article 3 : durée ; « x »").into_owned();
        assert_eq!(french(&once), once, "idempotent");
    }

    #[test]
    fn first_of_the_month_is_raised_and_escaped() {
        assert_eq!(
            raise_ordinals_html("du 1er mars au 31 mars <b>"),
            "du 1<sup>er</sup> mars au 31 mars &lt;b&gt;"
        );
        assert_eq!(raise_ordinals_html("11er 1erx"), "11er 1erx");
    }

    #[test]
    fn english_is_left_as_written() {
        assert_eq!(apply(Lang::En, "Date: it's « x »"), "Date: it's « x »");
    }
}
