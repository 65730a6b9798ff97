//! The language of messages, as CLI.md says: `PACTE_LANG` (`fr` | `en`;
//! another value is ignored), else `pacte.toml` `lang`, else French when
//! the locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`) starts with `fr`,
//! else English.

use crate::model::Lang;

/// The message language, from the environment and `pacte.toml`'s `lang`.
pub fn message_lang(config_lang: Option<Lang>) -> Lang {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    match var("PACTE_LANG").as_deref() {
        Some("fr") => return Lang::Fr,
        Some("en") => return Lang::En,
        _ => {}
    }
    if let Some(l) = config_lang {
        return l;
    }
    let locale = var("LC_ALL")
        .or_else(|| var("LC_MESSAGES"))
        .or_else(|| var("LANG"));
    match locale {
        Some(l) if l.starts_with("fr") => Lang::Fr,
        _ => Lang::En,
    }
}
