//! Control and bidirectional-formatting characters in text that reaches a
//! terminal or a document. A key or a value can hold ESC (`\u{1b}[2J`, an
//! OSC 8 hyperlink), BEL, NUL or a right-to-left override that would
//! rewrite what the reader sees: text outputs show them as visible escapes,
//! the way rustc does (`\u{1b}`); HTML and XML drop them.

use std::borrow::Cow;

/// Characters that reorder the text around them (Unicode bidi controls).
fn is_bidi(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// A character a text output must not print raw (C0, DEL, C1, bidi).
pub fn is_hidden(c: char) -> bool {
    c.is_control() || is_bidi(c)
}

fn escaped(s: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !s.chars().any(|c| is_hidden(c) && !keep(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_hidden(c) && !keep(c) {
            push_escape(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Appends the visible form of one character: `\t`, `\n`, `\r`, else `\u{…}`.
pub fn push_escape(out: &mut String, c: char) {
    match c {
        '\t' => out.push_str("\\t"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        _ => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
    }
}

/// One line of text for a terminal or a plain-text format: every control
/// and bidi character (line breaks and tabs included) as a visible escape.
pub fn visible(s: &str) -> Cow<'_, str> {
    escaped(s, |_| false)
}

/// Text that may span lines (a help text, a block): like [`visible`] but
/// line breaks and tabs are kept.
pub fn visible_lines(s: &str) -> Cow<'_, str> {
    escaped(s, |c| matches!(c, '\n' | '\t'))
}

/// For HTML and XML: control and bidi characters are dropped (line breaks,
/// tabs and carriage returns, which are white space there, are kept).
pub fn strip(s: &str) -> Cow<'_, str> {
    if !s
        .chars()
        .any(|c| is_hidden(c) && !matches!(c, '\n' | '\t' | '\r'))
    {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .filter(|&c| !is_hidden(c) || matches!(c, '\n' | '\t' | '\r'))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_escapes_become_visible() {
        assert_eq!(visible("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(
            visible("\u{1b}]8;;http://x\u{7}lien\u{1b}]8;;\u{7}"),
            "\\u{1b}]8;;http://x\\u{7}lien\\u{1b}]8;;\\u{7}"
        );
        assert_eq!(visible("x\u{202e}y\u{2066}"), "x\\u{202e}y\\u{2066}");
        assert_eq!(visible("a\nb\tc\0"), "a\\nb\\tc\\u{0}");
        assert_eq!(visible_lines("a\nb\u{7}"), "a\nb\\u{7}");
        assert!(matches!(visible("Convention « été »"), Cow::Borrowed(_)));
        // C1 controls too.
        assert_eq!(visible("\u{9b}2J"), "\\u{9b}2J");
    }

    #[test]
    fn markup_drops_them() {
        assert_eq!(strip("a\u{0}b\u{7}c\u{1b}[0m\u{202e}d\ne"), "abc[0md\ne");
        assert!(matches!(strip("plain"), Cow::Borrowed(_)));
    }
}
