//! The language of pacte's own messages (CLI.md, "Language of messages"):
//! `PACTE_LANG` (`fr` | `en`, another value ignored), else `pacte.toml`
//! `lang`, else French when the locale (`LC_ALL`, then `LC_MESSAGES`, then
//! `LANG`) starts with `fr`, else English. Documents and reports follow the
//! convention's `lang` instead.

use crate::model::Lang;

/// The language of messages, from the environment as `env` reads it and
/// the workspace's `lang`.
pub fn choose(env: impl Fn(&str) -> Option<String>, workspace: Option<Lang>) -> Lang {
    match env("PACTE_LANG").as_deref() {
        Some("fr") => return Lang::Fr,
        Some("en") => return Lang::En,
        _ => {}
    }
    if let Some(lang) = workspace {
        return lang;
    }
    // The first locale variable set (and not empty) decides, as POSIX says.
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|v| env(v).filter(|s| !s.is_empty()));
    match locale {
        Some(l) if l.starts_with("fr") => Lang::Fr,
        _ => Lang::En,
    }
}

/// The language of messages for this process.
pub fn from_process(workspace: Option<Lang>) -> Lang {
    choose(|v| std::env::var(v).ok(), workspace)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            vars.iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn pacte_lang_comes_first() {
        assert_eq!(
            choose(env(&[("PACTE_LANG", "fr")]), Some(Lang::En)),
            Lang::Fr
        );
        assert_eq!(
            choose(
                env(&[("PACTE_LANG", "en"), ("LANG", "fr_FR.UTF-8")]),
                Some(Lang::Fr)
            ),
            Lang::En
        );
    }

    #[test]
    fn another_pacte_lang_is_ignored() {
        assert_eq!(
            choose(env(&[("PACTE_LANG", "de")]), Some(Lang::Fr)),
            Lang::Fr
        );
        assert_eq!(choose(env(&[("PACTE_LANG", "FR")]), None), Lang::En);
        assert_eq!(
            choose(env(&[("PACTE_LANG", ""), ("LANG", "fr_BE.UTF-8")]), None),
            Lang::Fr
        );
    }

    #[test]
    fn the_workspace_comes_before_the_locale() {
        assert_eq!(
            choose(env(&[("LANG", "fr_FR.UTF-8")]), Some(Lang::En)),
            Lang::En
        );
        assert_eq!(
            choose(env(&[("LANG", "C.UTF-8")]), Some(Lang::Fr)),
            Lang::Fr
        );
    }

    #[test]
    fn the_locale_decides_last_in_posix_order() {
        assert_eq!(choose(env(&[("LANG", "fr_FR.UTF-8")]), None), Lang::Fr);
        assert_eq!(
            choose(env(&[("LC_ALL", "fr_CA"), ("LANG", "en_US")]), None),
            Lang::Fr
        );
        assert_eq!(
            choose(
                env(&[("LC_ALL", "en_GB.UTF-8"), ("LC_MESSAGES", "fr_FR")]),
                None
            ),
            Lang::En
        );
        assert_eq!(
            choose(env(&[("LC_ALL", ""), ("LC_MESSAGES", "fr_FR")]), None),
            Lang::Fr
        );
        assert_eq!(choose(env(&[("LANG", "C")]), None), Lang::En);
        assert_eq!(choose(env(&[]), None), Lang::En);
    }
}
