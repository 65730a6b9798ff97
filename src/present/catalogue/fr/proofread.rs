//! The checks every French sentence of the catalogue passes (for the unit
//! tests of the family files): words in both fields where given, French
//! typography written in the text.

use crate::diagnostic::Words;

/// Panics, naming `what`, when `words` is empty, has a plain space before
/// `:`, `;`, `!` or `?`, or a straight apostrophe.
pub(super) fn proofread(what: &str, words: &Words) {
    let mut texts = vec![("message", words.message.as_str())];
    if let Some(help) = &words.help {
        texts.push(("help", help.as_str()));
    }
    for (field, text) in texts {
        assert!(!text.trim().is_empty(), "{what}: empty {field}");
        for mark in [" :", " ;", " !", " ?"] {
            assert!(
                !text.contains(mark),
                "{what}: a plain space before `{}` in the {field}: {text}",
                &mark[1..]
            );
        }
        assert!(
            !text.contains('\''),
            "{what}: a straight apostrophe in the {field}: {text}"
        );
    }
}
