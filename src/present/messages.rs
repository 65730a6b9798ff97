//! The message catalogue: the words pacte writes about a rule, per
//! language. English is the rule's own declaration (its `summary`, `help`
//! and doc comment); French comes from `fr/rules.toml`, embedded in the
//! binary. French typography is applied here, to pacte's text only: the
//! user's values quoted in a finding never pass through it.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::diagnostic::Level;
use crate::model::Lang;
use crate::present::typography;
use crate::rules::RuleMeta;

/// The French words of one rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Words {
    summary: String,
    help: String,
}

const FRENCH_SOURCE: &str = include_str!("fr/rules.toml");

/// The French catalogue, read once, its typography applied once (a
/// default help line is written for every finding that has no help of its
/// own). A malformed catalogue is a build mistake the catalogue test
/// catches; at run time it falls back to an empty one (English words)
/// rather than stopping.
fn french() -> &'static BTreeMap<String, Words> {
    static FR: OnceLock<BTreeMap<String, Words>> = OnceLock::new();
    FR.get_or_init(|| {
        let mut words: BTreeMap<String, Words> = toml::from_str(FRENCH_SOURCE).unwrap_or_default();
        for w in words.values_mut() {
            w.summary = french_text(&w.summary);
            w.help = french_text(&w.help);
        }
        words
    })
}

/// French typography over pacte's own French text.
fn french_text(s: &str) -> String {
    typography::french(s).into_owned()
}

/// When a rule fires, in one line.
pub fn summary(meta: &RuleMeta, lang: Lang) -> Cow<'static, str> {
    match (lang, french().get(meta.code.as_str())) {
        (Lang::Fr, Some(w)) => Cow::Borrowed(&w.summary),
        _ => Cow::Borrowed(meta.summary),
    }
}

/// The default help line of a rule's findings.
pub fn help(meta: &RuleMeta, lang: Lang) -> Cow<'static, str> {
    match (lang, french().get(meta.code.as_str())) {
        (Lang::Fr, Some(w)) => Cow::Borrowed(&w.help),
        _ => Cow::Borrowed(meta.help),
    }
}

/// `lorsque` before a clause, elided before a vowel: `lorsqu’un partenaire`.
pub fn lorsque(clause: &str) -> String {
    let vowel = clause
        .chars()
        .next()
        .is_some_and(|c| "aeiouyéèêàâîôûAEIOUYÉ".contains(c));
    if vowel {
        format!("lorsqu\u{2019}{clause}")
    } else {
        format!("lorsque {clause}")
    }
}

/// The default level of a rule, as the catalogue shows it.
pub fn levels(levels: crate::rules::Levels, lang: Lang) -> String {
    use crate::model::Kind;
    use crate::rules::Levels;
    let colon = match lang {
        Lang::Fr => "\u{a0}: ",
        Lang::En => ": ",
    };
    match (lang, levels) {
        (_, Levels::PerKind([a, b, c, d])) if a == b && b == c && c == d => a.to_string(),
        (_, Levels::PerKind(l)) => Kind::ALL
            .iter()
            .zip(l)
            .map(|(k, l)| match l {
                Level::Off => format!("{k}{colon}—"),
                l => format!("{k}{colon}{l}"),
            })
            .collect::<Vec<_>>()
            .join(", "),
        (Lang::Fr, Levels::ErrorUnlessDraft) => {
            "warning (error sauf si le statut est draft)".to_string()
        }
        (Lang::En, Levels::ErrorUnlessDraft) => "warning (error unless status is draft)".into(),
    }
}

/// The full explanation of a rule (What it checks / Why it matters /
/// Example / Fix; in French: Ce qu’elle vérifie / Pourquoi c’est important /
/// Exemple / Correction). The French text is embedded with its typography
/// already written (its code keeps the format's spelling), so it is given
/// as written; a code without one (none in the catalogue) has the English.
pub fn explanation(meta: &RuleMeta, lang: Lang) -> String {
    match (lang, crate::present::explain::french(meta.code.as_str())) {
        (Lang::Fr, Some(text)) => text.trim().to_string(),
        _ => meta.explanation(),
    }
}

/// How a severity reads in running text (the keywords `error`, `warning`,
/// `info` of the diagnostics' headers and of pacte.toml never change).
fn count(n: usize, level: Level, lang: Lang) -> String {
    let (one, many) = match (lang, level) {
        (Lang::En, Level::Error) => ("error", "errors"),
        (Lang::En, Level::Warning) => ("warning", "warnings"),
        (Lang::En, _) => ("info", "infos"),
        (Lang::Fr, Level::Error) => ("erreur", "erreurs"),
        (Lang::Fr, Level::Warning) => ("avertissement", "avertissements"),
        (Lang::Fr, _) => ("information", "informations"),
    };
    // French: the singular for 0 and 1.
    let singular = match lang {
        Lang::En => n == 1,
        Lang::Fr => n <= 1,
    };
    format!("{n} {}", if singular { one } else { many })
}

/// The summary line of a check: `3 errors, 1 warning in 2 conventions (1 waived)`.
pub fn summary_line(
    errors: usize,
    warnings: usize,
    infos: usize,
    conventions: usize,
    waived: usize,
    lang: Lang,
) -> String {
    let mut parts = vec![
        count(errors, Level::Error, lang),
        count(warnings, Level::Warning, lang),
    ];
    if infos > 0 {
        parts.push(count(infos, Level::Info, lang));
    }
    let mut line = match lang {
        Lang::En => format!(
            "{} in {conventions} {}",
            parts.join(", "),
            if conventions == 1 {
                "convention"
            } else {
                "conventions"
            }
        ),
        Lang::Fr => format!(
            "{} dans {conventions} {}",
            parts.join(", "),
            if conventions <= 1 {
                "convention"
            } else {
                "conventions"
            }
        ),
    };
    if waived > 0 {
        line.push_str(&match lang {
            Lang::En => format!(" ({waived} waived)"),
            Lang::Fr if waived == 1 => " (1 constat levé par dérogation)".to_string(),
            Lang::Fr => format!(" ({waived} constats levés par dérogation)"),
        });
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::CATALOGUE;

    #[test]
    fn the_french_catalogue_reads() {
        let parsed: Result<BTreeMap<String, Words>, _> = toml::from_str(FRENCH_SOURCE);
        assert!(parsed.is_ok(), "fr/rules.toml: {parsed:?}");
    }

    #[test]
    fn every_rule_has_its_words_in_both_languages() {
        let fr = french();
        let mut missing = Vec::new();
        for r in CATALOGUE.iter() {
            let m = r.meta();
            if m.summary.trim().is_empty() || m.help.trim().is_empty() {
                missing.push(format!("{} (en)", m.code));
            }
            match fr.get(m.code.as_str()) {
                Some(w) if !w.summary.trim().is_empty() && !w.help.trim().is_empty() => {}
                _ => missing.push(format!("{} (fr)", m.code)),
            }
        }
        assert!(missing.is_empty(), "words missing: {missing:?}");
        // And no French words for a rule that does not exist.
        let codes: Vec<&str> = CATALOGUE.iter().map(|r| r.meta().code.as_str()).collect();
        let stray: Vec<&String> = fr.keys().filter(|k| !codes.contains(&k.as_str())).collect();
        assert!(stray.is_empty(), "French words for no rule: {stray:?}");
    }

    #[test]
    fn french_words_get_french_typography() {
        let m = crate::rules::find("C011").unwrap().meta();
        let h = help(m, Lang::Fr);
        assert!(h.contains("[convention]\u{a0}: les textes"), "{h}");
        assert!(h.contains("«\u{a0}Vu"), "{h}");
        assert!(!h.contains('\''), "{h}");
        // No straight apostrophe anywhere in the French words.
        for r in CATALOGUE.iter() {
            let m = r.meta();
            for text in [summary(m, Lang::Fr), help(m, Lang::Fr)] {
                assert!(!text.contains('\''), "{}: {text}", m.code);
            }
        }
        assert_eq!(help(m, Lang::En), m.help);
        assert_eq!(summary(m, Lang::En), m.summary);
    }

    #[test]
    fn lorsque_is_elided_before_a_vowel() {
        assert_eq!(lorsque("un texte"), "lorsqu\u{2019}un texte");
        assert_eq!(lorsque("le fichier"), "lorsque le fichier");
        assert_eq!(lorsque("`end` est"), "lorsque `end` est");
    }

    #[test]
    fn the_summary_line_in_both_languages() {
        assert_eq!(
            summary_line(3, 1, 0, 2, 0, Lang::En),
            "3 errors, 1 warning in 2 conventions"
        );
        assert_eq!(
            summary_line(0, 0, 2, 1, 1, Lang::En),
            "0 errors, 0 warnings, 2 infos in 1 convention (1 waived)"
        );
        assert_eq!(
            summary_line(3, 1, 0, 2, 0, Lang::Fr),
            "3 erreurs, 1 avertissement dans 2 conventions"
        );
        assert_eq!(
            summary_line(0, 0, 2, 1, 2, Lang::Fr),
            "0 erreur, 0 avertissement, 2 informations dans 1 convention (2 constats levés par dérogation)"
        );
    }
}
