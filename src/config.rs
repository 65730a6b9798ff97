//! The workspace file `pacte.toml`: globs, language, currency, templates
//! and rule levels. Every mistake in it stops the run with its location.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::failure::{because, shown, Fail as _, Failure};

use crate::diagnostic::Level;
use crate::model::{Kind, Lang, Status};
use crate::rules::RuleMeta;
use crate::source::SourceFile;
use crate::value::{Node, Value};

pub const FILE_NAME: &str = "pacte.toml";

/// A level set in `[rules]`: for every kind, or per kind.
#[derive(Clone, Debug, PartialEq)]
pub enum RuleLevel {
    All(Level),
    PerKind([Option<Level>; 4]),
}

#[derive(Clone, Debug, Default)]
pub struct Config {
    /// The `pacte.toml` read, if any.
    pub path: Option<PathBuf>,
    /// The folder globs are relative to (the folder of `pacte.toml`).
    pub root: PathBuf,
    pub conventions: Vec<String>,
    pub lang: Option<Lang>,
    pub currency: Option<String>,
    pub templates: Option<PathBuf>,
    /// Default `convention.jurisdiction` (ISO 3166-1 alpha-2).
    pub jurisdiction: Option<String>,
    pub rules: HashMap<&'static str, RuleLevel>,
}

impl Config {
    /// Loads `explicit`, or the nearest `pacte.toml` from `start` upward
    /// (stopping at the git root), or the default configuration.
    pub fn load(explicit: Option<&Path>, start: &Path) -> Result<Config> {
        if let Some(path) = explicit {
            return Config::read(path);
        }
        let mut dir = Some(start);
        while let Some(d) = dir {
            let candidate = d.join(FILE_NAME);
            if candidate.is_file() {
                return Config::read(&candidate);
            }
            if d.join(".git").exists() {
                break;
            }
            dir = d.parent();
        }
        Ok(Config {
            root: start.to_path_buf(),
            ..Config::default()
        })
    }

    pub fn read(path: &Path) -> Result<Config> {
        let bytes =
            crate::workspace::read_regular(path, crate::workspace::CONFIG_LIMIT).map_err(|e| {
                let path = shown(path);
                match e {
                    crate::workspace::Refusal::NotRegularInside => {
                        Failure::NotARegularFile { path }.into()
                    }
                    e => because(Failure::CannotRead { path }, e),
                }
            })?;
        let text = String::from_utf8(bytes).map_err(|_| Failure::NotUtf8 { path: shown(path) })?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
        let file = SourceFile::new(path.to_path_buf(), text);
        let parsed = crate::parse::toml::parse(&file.text);
        let at = |span: Option<crate::source::Span>| match span {
            Some(s) => {
                let p = file.position(s.start);
                format!("{}:{}:{}", path.display(), p.line, p.column)
            }
            None => path.display().to_string(),
        };
        if let Some(issue) = parsed.issues.first() {
            return Err(Failure::ConfigSyntax {
                at: at(issue.span),
                message: crate::failure::Message {
                    en: issue.words(crate::model::Lang::En),
                    fr: Some(issue.words(crate::model::Lang::Fr)),
                },
            }
            .into());
        }
        let root = parsed.root.unwrap_or(Node {
            value: Value::Table(Default::default()),
            span: Default::default(),
        });
        let Value::Table(table) = &root.value else {
            unreachable!("a TOML document is a table")
        };
        let mut config = Config {
            path: Some(path.to_path_buf()),
            root: path.parent().map(Path::to_path_buf).unwrap_or_default(),
            ..Config::default()
        };
        let string = |n: &Node, key: &str| -> Result<String> {
            match &n.value {
                Value::String(s) => Ok(s.clone()),
                other => Err(Failure::ConfigNotText {
                    at: at(Some(n.span)),
                    key: key.to_string(),
                    found: other.type_name(),
                }
                .into()),
            }
        };
        for e in &table.entries {
            match e.key.as_str() {
                "conventions" => {
                    let Value::Array(items) = &e.value.value else {
                        return Err(Failure::ConfigGlobs {
                            at: at(Some(e.value.span)),
                        }
                        .into());
                    };
                    for i in items {
                        let g = string(i, "conventions")?;
                        globset::Glob::new(&g).or_fail(|| Failure::ConfigBadGlob {
                            at: at(Some(i.span)),
                            glob: g.clone(),
                        })?;
                        config.conventions.push(g);
                    }
                }
                "lang" => {
                    let s = string(&e.value, "lang")?;
                    config.lang = Some(match s.as_str() {
                        "fr" => Lang::Fr,
                        "en" => Lang::En,
                        _ => {
                            return Err(Failure::ConfigLang {
                                at: at(Some(e.value.span)),
                                found: s,
                            }
                            .into())
                        }
                    });
                }
                "currency" => {
                    let s = string(&e.value, "currency")?;
                    if iso_currency::Currency::from_code(&s).is_none()
                        && crate::codes::historic_currency(&s).is_none()
                    {
                        return Err(Failure::ConfigCurrency {
                            at: at(Some(e.value.span)),
                            code: s,
                        }
                        .into());
                    }
                    config.currency = Some(s);
                }
                "jurisdiction" => {
                    let s = string(&e.value, "jurisdiction")?;
                    if !crate::codes::is_country(&s) {
                        return Err(Failure::Jurisdiction {
                            at: Some(at(Some(e.value.span))),
                            key: "jurisdiction",
                            found: s,
                        }
                        .into());
                    }
                    config.jurisdiction = Some(s);
                }
                "templates" => {
                    let s = string(&e.value, "templates")?;
                    config.templates = Some(config.root.join(s));
                }
                "rules" => {
                    let Value::Table(rules) = &e.value.value else {
                        return Err(Failure::ConfigRulesTable {
                            at: at(Some(e.value.span)),
                        }
                        .into());
                    };
                    for r in &rules.entries {
                        let Some(rule) = crate::rules::find(&r.key) else {
                            return Err(Failure::ConfigUnknownRule {
                                at: at(Some(r.key_span)),
                                rule: r.key.clone(),
                            }
                            .into());
                        };
                        let meta = rule.meta();
                        let level = |n: &Node| -> Result<Level> {
                            let s = string(n, &r.key)?;
                            let Some(l) = Level::parse(&s) else {
                                return Err(Failure::ConfigLevel {
                                    at: at(Some(n.span)),
                                    level: s,
                                    rule: meta.code.to_string(),
                                }
                                .into());
                            };
                            if meta.code.is_structure() && l != Level::Error {
                                return Err(Failure::ConfigStructureLevel {
                                    at: at(Some(n.span)),
                                    rule: meta.code.to_string(),
                                }
                                .into());
                            }
                            Ok(l)
                        };
                        let value = match &r.value.value {
                            Value::Table(kinds) => {
                                let mut per = [None; 4];
                                for k in &kinds.entries {
                                    let Some(kind) = Kind::ALL.iter().find(|x| x.as_str() == k.key)
                                    else {
                                        return Err(Failure::ConfigUnknownKind {
                                            at: at(Some(k.key_span)),
                                            kind: k.key.clone(),
                                        }
                                        .into());
                                    };
                                    per[kind.index()] = Some(level(&k.value)?);
                                }
                                RuleLevel::PerKind(per)
                            }
                            _ => RuleLevel::All(level(&r.value)?),
                        };
                        config.rules.insert(meta.code.as_str(), value);
                    }
                }
                other => {
                    let help = crate::decode::closest(
                        other,
                        [
                            "conventions",
                            "lang",
                            "currency",
                            "templates",
                            "jurisdiction",
                            "rules",
                        ],
                    )
                    .map(str::to_string);
                    return Err(Failure::ConfigUnknownKey {
                        at: at(Some(e.key_span)),
                        key: other.to_string(),
                        file: FILE_NAME,
                        suggestion: help,
                    }
                    .into());
                }
            }
        }
        Ok(config)
    }

    /// The level of a rule for a convention of this kind and status.
    pub fn level(&self, meta: &RuleMeta, kind: Kind, status: Status) -> Level {
        match self.rules.get(meta.code.as_str()) {
            Some(RuleLevel::All(l)) => *l,
            Some(RuleLevel::PerKind(per)) => {
                per[kind.index()].unwrap_or_else(|| meta.levels.default_for(kind, status))
            }
            None => meta.levels.default_for(kind, status),
        }
    }
}
