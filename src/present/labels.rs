//! The words of a rendered document, per language (`templates/labels/*.toml`).

use crate::model::Lang;

/// Labels of one language: a TOML table of tables of strings.
#[derive(Clone, Debug)]
pub struct Labels {
    table: toml::Table,
}

impl Labels {
    /// Parses a labels file; the error is `(line, cause)`.
    pub fn parse(text: &str) -> Result<Labels, (Option<usize>, String)> {
        match text.parse::<toml::Table>() {
            Ok(table) => Ok(Labels { table }),
            Err(e) => {
                let line = e
                    .span()
                    .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
                Err((line, e.message().to_string()))
            }
        }
    }

    /// Overrides these labels key by key with `other`'s.
    pub fn merge(&mut self, other: Labels) {
        fn merge(into: &mut toml::Table, from: toml::Table) {
            for (k, v) in from {
                match (into.get_mut(&k), v) {
                    (Some(toml::Value::Table(a)), toml::Value::Table(b)) => merge(a, b),
                    (_, v) => {
                        into.insert(k, v);
                    }
                }
            }
        }
        merge(&mut self.table, other.table);
    }

    /// Gives every label the typography of `lang` (they are pacte's own
    /// text; the values filled into them later are not touched).
    pub fn typeset(&mut self, lang: Lang) {
        fn walk(t: &mut toml::Table, lang: Lang) {
            for (_, v) in t.iter_mut() {
                match v {
                    toml::Value::String(s) => {
                        if let std::borrow::Cow::Owned(o) =
                            crate::present::typography::apply(lang, s)
                        {
                            *s = o;
                        }
                    }
                    toml::Value::Table(t) => walk(t, lang),
                    _ => {}
                }
            }
        }
        walk(&mut self.table, lang);
    }

    /// The label at a dotted path (`"article.object"`); the path itself when
    /// missing, so that a gap shows instead of failing.
    pub fn get(&self, path: &str) -> String {
        let mut parts = path.split('.');
        let mut cur = parts.next().and_then(|p| self.table.get(p));
        for p in parts {
            cur = cur.and_then(|v| v.as_table()).and_then(|t| t.get(p));
        }
        cur.and_then(|v| v.as_str()).unwrap_or(path).to_string()
    }

    /// The label with `{name}` placeholders replaced.
    pub fn fill(&self, path: &str, values: &[(&str, &str)]) -> String {
        let mut s = self.get(path);
        for (k, v) in values {
            s = s.replace(&format!("{{{k}}}"), v);
        }
        s
    }

    /// The labels as a template value (`l.article.object`).
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(&self.table).unwrap_or(serde_json::Value::Null)
    }
}

/// The file name of a language's labels.
pub fn file_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "labels/fr.toml",
        Lang::En => "labels/en.toml",
    }
}
