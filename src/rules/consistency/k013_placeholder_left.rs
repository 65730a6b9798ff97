use unicode_normalization::UnicodeNormalization;

use crate::declare_rule;
use crate::diagnostic::Finding;
use crate::rules::consistency::Found;
use crate::rules::{Context, Levels, Rule, RuleMeta};
use crate::value::{Node, Value};

declare_rule! {
    /// ## What it checks
    /// That no text of the convention still holds a placeholder from a
    /// template or a draft: `TODO`, `TBD`, `XXX` (or a longer run of X),
    /// `à compléter`, `to be completed` (in any case), a blank line of
    /// three or more underscores (`___`), a dotted blank (two or more `…`
    /// in a row, or four or more `.`: `n°....`, `le ……`), or a bracketed
    /// blank (`[XX]`, `[X X]`, `[__]`). Words that merely contain these
    /// letters (`Maxxxi`) do not count, nor do an ellipsis (`etc...`), a cut
    /// in a quotation (`[…]`, `[...]`), a task box (`[x]`, `[ ]`) or a
    /// Markdown link. The free-form `[meta]` table is not
    /// read. One finding per text value.
    ///
    /// It is a warning while the convention is a `draft`, and an error once
    /// it is signed or later.
    ///
    /// ## Why it matters
    /// A placeholder in a signed agreement is a clause the partners did not
    /// actually agree on: "subvention de XXX euros" or "versée le ____"
    /// cannot be executed by an accountant, and a blank left open can be
    /// filled in after signing. It also looks careless in front of an
    /// elected assembly.
    ///
    /// ## Example
    /// ```toml
    /// [termination]
    /// assets = "À compléter"
    /// disputes = "Tribunal de ______"
    /// ```
    ///
    /// ## Fix
    /// Write the actual term, or remove the key until it is known:
    /// ```toml
    /// [termination]
    /// assets = "Le matériel acquis revient au Théâtre des Pentes"
    /// disputes = "Tribunal administratif de Lyon"
    /// ```
    pub struct PlaceholderLeft {
        code: K013,
        name: "placeholder-left",
        family: Consistency,
        levels: Levels::ErrorUnlessDraft,
        summary: "a text value still holds a placeholder: `TODO`, `TBD`, `XXX`, `à compléter`, `to be completed`, three or more underscores, `……` or `....`, or a bracketed blank such as `[XX]`",
        help: "replace the placeholder with the agreed text, or remove the key until it is known",
    }
}

impl Rule for PlaceholderLeft {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Value::Table(root) = &cx.root.value else {
            return;
        };
        for e in &root.entries {
            if e.key != "meta" {
                scan(&e.value, out);
            }
        }
    }
}

/// Every text value under `node` (depth is bounded by the readers).
fn scan(node: &Node, out: &mut Vec<Finding>) {
    match &node.value {
        Value::String(s) => {
            if let Some(placeholder) = placeholder(s) {
                out.push(
                    PlaceholderLeft::META.found(node.span, Found::PlaceholderLeft { placeholder }),
                );
            }
        }
        Value::Array(items) => items.iter().for_each(|n| scan(n, out)),
        Value::Table(t) => t.entries.iter().for_each(|e| scan(&e.value, out)),
        _ => {}
    }
}

/// Placeholders besides runs of X and of underscores, lowercase; a space
/// stands for any run of whitespace (a non-breaking space included).
const WORDS: &[&str] = &["todo", "tbd", "à compléter", "to be completed"];

/// The lowercase of a character, when it is one character.
fn fold(c: char) -> char {
    let mut l = c.to_lowercase();
    match (l.next(), l.next()) {
        (Some(one), None) => one,
        _ => c,
    }
}

/// The first placeholder in `text` (after NFC), as written.
pub(crate) fn placeholder(text: &str) -> Option<String> {
    // Every placeholder holds one of these ASCII runs, whatever the case and
    // the normalisation: most texts are ruled out without normalising them.
    static HINTS: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(["___", "xxx", "todo", "tbd", "compl", "……", "....", "["])
            .expect("valid patterns")
    });
    if !HINTS.is_match(text) {
        return None;
    }
    let t: Vec<char> = text.nfc().collect();
    let glued = |i: usize| t.get(i).is_some_and(|c| c.is_alphanumeric());
    let run = |i: usize, f: &dyn Fn(char) -> bool| t[i..].iter().take_while(|c| f(**c)).count();
    for i in 0..t.len() {
        if t[i] == '_' && (i == 0 || t[i - 1] != '_') {
            let n = run(i, &|c| c == '_');
            if n >= 3 {
                return Some(t[i..i + n].iter().collect());
            }
        }
        // Dotted blanks: `……`, `....` (not an ellipsis `…` or `etc...`).
        for (dot, least) in [('…', 2), ('.', 4)] {
            if t[i] == dot && (i == 0 || t[i - 1] != dot) {
                let n = run(i, &|c| c == dot);
                if n >= least {
                    return Some(t[i..i + n].iter().collect());
                }
            }
        }
        if t[i] == '[' {
            if let Some(end) = bracketed_blank(&t, i) {
                return Some(t[i..=end].iter().collect());
            }
        }
        if i > 0 && glued(i - 1) {
            continue;
        }
        let n = run(i, &|c| fold(c) == 'x');
        if n >= 3 && !glued(i + n) {
            return Some(t[i..i + n].iter().collect());
        }
        for word in WORDS {
            if let Some(end) = match_word(&t, i, word) {
                if !glued(end) {
                    return Some(t[i..end].iter().collect());
                }
            }
        }
    }
    None
}

/// A bracketed blank at `i` (`[XX]`, `[X X]`, `[__]`, `[ xx. ]`): two or
/// more `X`, `x` or `_`, with spaces and dots anywhere inside; not a cut in
/// a quotation (`[…]`, `[...]`) nor a task box (`[x]`, `[ ]`). The index of
/// its `]`.
fn bracketed_blank(t: &[char], i: usize) -> Option<usize> {
    let mut marks = 0;
    for (j, &c) in t.iter().enumerate().skip(i + 1) {
        match c {
            'X' | 'x' | '_' => marks += 1,
            ' ' | '\u{a0}' | '\u{202f}' | '.' => {}
            ']' => return (marks >= 2).then_some(j),
            _ => return None,
        }
    }
    None
}

/// The end of `word` matched at `i`, ignoring case.
fn match_word(t: &[char], i: usize, word: &str) -> Option<usize> {
    let mut j = i;
    for w in word.chars() {
        if w == ' ' {
            let n = t[j.min(t.len())..]
                .iter()
                .take_while(|c| c.is_whitespace())
                .count();
            if n == 0 {
                return None;
            }
            j += n;
        } else if t.get(j).is_some_and(|c| fold(*c) == w) {
            j += 1;
        } else {
            return None;
        }
    }
    Some(j)
}

#[cfg(test)]
mod tests {
    use super::placeholder;

    #[test]
    fn finds_placeholders_as_written() {
        assert_eq!(placeholder("TODO"), Some("TODO".into()));
        assert_eq!(placeholder("montant : todo."), Some("todo".into()));
        assert_eq!(placeholder("(TBD)"), Some("TBD".into()));
        assert_eq!(placeholder("n° XXX"), Some("XXX".into()));
        assert_eq!(placeholder("n° xxxxx du"), Some("xxxxx".into()));
        assert_eq!(placeholder("À COMPLÉTER"), Some("À COMPLÉTER".into()));
        assert_eq!(
            placeholder("Reste à\u{a0}compléter"),
            Some("à\u{a0}compléter".into())
        );
        assert_eq!(
            placeholder("Adresse To Be Completed"),
            Some("To Be Completed".into())
        );
        assert_eq!(placeholder("Fait le ___"), Some("___".into()));
        assert_eq!(placeholder("Fait le ________ à"), Some("________".into()));
        assert_eq!(placeholder("TODO_"), Some("TODO".into()));
        assert_eq!(placeholder("n°...."), Some("....".into()));
        assert_eq!(placeholder("Fait le……"), Some("……".into()));
        assert_eq!(placeholder("montant de [XX] euros"), Some("[XX]".into()));
        assert_eq!(placeholder("[X X]"), Some("[X X]".into()));
        assert_eq!(placeholder("le [__] mars"), Some("[__]".into()));
        assert_eq!(placeholder("[ x.x ]"), Some("[ x.x ]".into()));
    }

    #[test]
    fn cuts_links_ellipses_and_task_boxes_are_not_blanks() {
        for ok in [
            "voir [le site](https://example.org)",
            "etc...",
            "et ainsi de suite…",
            "« nous […] décidons »",
            "« nous [...] décidons »",
            "[x] fait",
            "[ ] à faire",
            "[X]",
            "[",
            "[XX",
            "...",
        ] {
            assert_eq!(placeholder(ok), None, "{ok}");
        }
    }

    #[test]
    fn matches_whatever_the_normalisation() {
        // "à compléter" written with combining accents (NFD).
        let nfd = "a\u{300} comple\u{301}ter";
        assert_eq!(placeholder(nfd), Some("à compléter".into()));
    }

    #[test]
    fn words_that_contain_the_letters_do_not_count() {
        for ok in [
            "Maxxxi",
            "XXXL",
            "Todos los días",
            "TBDs",
            "mastodon",
            "là compléter",
            "__init__",
            "a_b",
            "XX",
            "Festival du campus",
            "",
        ] {
            assert_eq!(placeholder(ok), None, "{ok}");
        }
    }
}
