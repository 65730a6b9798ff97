//! The differences of terms between two versions of a convention, clause
//! by clause (CLI.md, `pacte diff`): what `diff` prints and what the
//! amendment ("avenant") is written from. Data only; words at the edge.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value as Json;

use crate::load::Loaded;
use crate::model::{Document, Lang};
use crate::render::labels::Labels;
use crate::rules::lifecycle::l004_signature_mismatch::latest_signatures;

/// One step of a key path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    Key(String),
    /// An item matched by its id (or label, kind, …): `party[ville]`.
    Id(String),
    /// An item matched by position, from 1: `funds.disbursement[2]`.
    Pos(usize),
}

/// A key path, shown as `funds.line["Technique"].amount`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct KeyPath(pub Vec<Step>);

impl std::fmt::Display for KeyPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, s) in self.0.iter().enumerate() {
            match s {
                Step::Key(k) if i == 0 => write!(f, "{k}")?,
                Step::Key(k) => write!(f, ".{k}")?,
                Step::Id(id)
                    if id
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "_-/".contains(c)) =>
                {
                    write!(f, "[{id}]")?
                }
                Step::Id(id) => write!(f, "[{}]", serde_json::to_string(id).unwrap_or_default())?,
                Step::Pos(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

impl Serialize for KeyPath {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

/// One change of a term.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    pub path: KeyPath,
    pub change: ChangeKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<Json>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<Json>,
    /// The item of a top-level list the change is in: (old index, new index).
    #[serde(skip)]
    pub item: (Option<usize>, Option<usize>),
}

/// Where changes are grouped: an article of the rendered document, or the
/// parts before and after the articles.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// Title, kind, parties and preamble.
    Heading,
    Article,
    /// "Fait à …", copies, signing mode.
    Signing,
}

/// The changes of one article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArticleChanges {
    pub part: Part,
    /// The article's number (in the older revision's document; in the newer
    /// one when the article is new). `None` for the heading and signing parts.
    pub number: Option<u32>,
    /// The article's title in the document's language.
    pub title: String,
    /// The article is not in the older revision's document.
    pub new: bool,
    /// The article's key: `funds`, `clause`, `termination`, …
    pub key: String,
    pub changes: Vec<Change>,
}

/// A signature the change voids: its party's latest signature carries the old terms.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Voided {
    pub party: String,
    pub name: Option<String>,
    pub date: Option<String>,
}

/// The whole difference.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TermsDiff {
    pub old_fingerprint: String,
    pub new_fingerprint: String,
    pub articles: Vec<ArticleChanges>,
    pub voided_signatures: Vec<Voided>,
}

impl TermsDiff {
    pub fn changed(&self) -> bool {
        self.old_fingerprint != self.new_fingerprint
    }
}

/// Compares the terms of two loaded versions.
pub fn diff(old: &Loaded, new: &Loaded, labels: &Labels, lang: Lang) -> TermsDiff {
    let a = crate::fingerprint::terms_json(&old.root);
    let b = crate::fingerprint::terms_json(&new.root);
    let mut changes = Vec::new();
    if old.fingerprint != new.fingerprint {
        walk(&mut KeyPath::default(), &a, &b, (None, None), &mut changes);
    }
    let old_articles = numbering(&old.doc, labels, lang);
    let new_articles = numbering(&new.doc, labels, lang);
    let mut groups: BTreeMap<(Part, u32, String), ArticleChanges> = BTreeMap::new();
    for c in changes {
        let key = article_key(&c.path);
        let (part, slot) = match key.as_str() {
            "heading" => (Part::Heading, None),
            "signing" => (Part::Signing, None),
            "clause" => (Part::Article, Some(c.item)),
            _ => (Part::Article, None),
        };
        let mut number = None;
        let title;
        let mut is_new = false;
        if part == Part::Article {
            let find = |list: &[(String, Option<usize>, u32, String)], index: Option<usize>| {
                list.iter()
                    .find(|(k, i, _, _)| *k == key && (slot.is_none() || *i == index))
                    .map(|(_, _, n, t)| (*n, t.clone()))
            };
            let (oi, ni) = c.item;
            let found = find(&old_articles, oi)
                .filter(|_| slot.is_none() || oi.is_some())
                .map(|x| (x, false))
                .or_else(|| find(&new_articles, ni).map(|x| (x, true)));
            if let Some(((n, t), fresh)) = found {
                number = Some(n);
                title = t;
                is_new = fresh;
            } else {
                title = labels.get(&format!("article.{key}"));
            }
        } else {
            title = match (key.as_str(), lang) {
                ("heading", Lang::Fr) => "Parties et préambule".into(),
                ("heading", Lang::En) => "Parties and preamble".into(),
                (_, Lang::Fr) => "Signature".into(),
                (_, Lang::En) => "Signing".into(),
            };
        }
        let sort = (part.clone(), number.unwrap_or(u32::MAX), title.clone());
        groups
            .entry(sort)
            .or_insert_with(|| ArticleChanges {
                part,
                number,
                title,
                new: is_new,
                key: key.clone(),
                changes: Vec::new(),
            })
            .changes
            .push(c);
    }
    let voided_signatures = if old.fingerprint == new.fingerprint {
        Vec::new()
    } else {
        voided(old, new)
    };
    TermsDiff {
        old_fingerprint: old.fingerprint.clone(),
        new_fingerprint: new.fingerprint.clone(),
        articles: groups.into_values().collect(),
        voided_signatures,
    }
}

/// Parties whose latest signature (in the newer file, else the older)
/// carries the old terms.
fn voided(old: &Loaded, new: &Loaded) -> Vec<Voided> {
    let mut latest = latest_signatures(&old.doc);
    for (p, s) in latest_signatures(&new.doc) {
        latest.insert(p, s);
    }
    latest
        .into_iter()
        .filter(|(_, s)| {
            s.fingerprint
                .get()
                .is_some_and(|f| f.trim().eq_ignore_ascii_case(&old.fingerprint))
        })
        .map(|(p, s)| Voided {
            party: p.to_string(),
            name: s.name.get().cloned(),
            date: s.date.get().map(|d| d.to_string()),
        })
        .collect()
}

/// (article key, clause index, number, title) of each article of the rendered document.
fn numbering(
    doc: &Document,
    labels: &Labels,
    lang: Lang,
) -> Vec<(String, Option<usize>, u32, String)> {
    use crate::render::view;
    let provenance = view::Provenance {
        source: String::new(),
        fingerprint: String::new(),
        templates: String::new(),
        git: String::new(),
    };
    let v = view::build(doc, labels, lang, view::Target::Markdown, None, &provenance);
    let title = |heading: &str| {
        heading
            .split_once(" – ")
            .map(|(_, t)| t.to_string())
            .unwrap_or_else(|| heading.to_string())
    };
    let mut out = Vec::new();
    let mut push =
        |key: &str, i: Option<usize>, n: u32, h: &str| out.push((key.to_string(), i, n, title(h)));
    macro_rules! art {
        ($field:ident, $key:literal) => {
            if let Some(a) = &v.$field {
                push($key, None, a.number, &a.heading);
            }
        };
    }
    art!(object, "object");
    art!(legal_framework, "legal_framework");
    art!(duration, "duration");
    art!(commitments, "commitments");
    art!(funds, "funds");
    art!(governance, "governance");
    art!(schedule, "schedule");
    art!(reporting, "reporting");
    art!(communication, "communication");
    for (i, c) in v.clauses.iter().enumerate() {
        push("clause", Some(i), c.number, &c.heading);
    }
    art!(termination, "termination");
    art!(disputes, "disputes");
    art!(amendments, "amendments");
    art!(annexes, "annexes");
    out
}

/// The article a key path belongs to.
fn article_key(path: &KeyPath) -> String {
    let key = |i: usize| match path.0.get(i) {
        Some(Step::Key(k)) => k.as_str(),
        _ => "",
    };
    let k = match (key(0), key(1)) {
        ("convention", "purpose" | "objectives") => "object",
        ("convention", "legal_framework") => "legal_framework",
        ("convention", "start" | "end" | "renewal" | "renewal_months" | "renewal_notice_days") => {
            "duration"
        }
        ("convention", "currency") => "funds",
        ("convention", "place" | "signing" | "copies") => "signing",
        ("convention", _) | ("party", _) => "heading",
        ("objective", _) => "object",
        ("role" | "officer", _) => "commitments",
        ("funds", _) => "funds",
        ("decision" | "governance", _) => "governance",
        ("milestone", _) => "schedule",
        ("report" | "audit", _) => "reporting",
        ("communication", _) => "communication",
        ("clause", _) => "clause",
        ("termination", "disputes") => "disputes",
        ("termination", _) => "termination",
        ("amendment", _) => "amendments",
        ("annex", _) => "annexes",
        _ => "heading",
    };
    k.to_string()
}

/// How the items of the list at `path` are matched (CLI.md).
fn item_key(path: &KeyPath, item: &Json) -> Option<String> {
    let keys: Vec<&str> = path
        .0
        .iter()
        .filter_map(|s| match s {
            Step::Key(k) => Some(k.as_str()),
            _ => None,
        })
        .collect();
    let field = |k: &str| item.get(k).and_then(Json::as_str).map(str::to_string);
    match keys.as_slice() {
        ["party"] | ["objective"] | ["milestone"] | ["report"] | ["amendment"] => field("id"),
        ["funds", "line"] => field("label"),
        ["governance", "board"] => field("party").or_else(|| field("label")),
        ["clause"] => field("kind").or_else(|| field("title")),
        ["funds", "contribution"] => {
            let who = field("party").or_else(|| field("source"))?;
            Some(match field("kind") {
                Some(k) => format!("{who}/{k}"),
                None => who,
            })
        }
        _ => None,
    }
}

fn is_item_list(v: &Json) -> bool {
    matches!(v, Json::Array(items) if !items.is_empty() && items.iter().all(Json::is_object))
}

fn same(a: &Json, b: &Json) -> bool {
    match (a, b) {
        (Json::Number(x), Json::Number(y)) => x.as_f64() == y.as_f64(),
        (Json::Array(x), Json::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Json::Object(x), Json::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

fn push(
    out: &mut Vec<Change>,
    path: &KeyPath,
    change: ChangeKind,
    old: Option<&Json>,
    new: Option<&Json>,
    item: (Option<usize>, Option<usize>),
) {
    out.push(Change {
        path: path.clone(),
        change,
        old: old.cloned(),
        new: new.cloned(),
        item,
    });
}

fn walk(
    path: &mut KeyPath,
    a: &Json,
    b: &Json,
    item: (Option<usize>, Option<usize>),
    out: &mut Vec<Change>,
) {
    match (a, b) {
        (Json::Object(x), Json::Object(y)) => {
            let empty = Json::Array(Vec::new());
            for (k, v) in x {
                path.0.push(Step::Key(k.clone()));
                match y.get(k) {
                    Some(w) => walk(path, v, w, item, out),
                    // A list of items gone whole: one change per item.
                    None if is_item_list(v) => walk(path, v, &empty, item, out),
                    None => push(out, path, ChangeKind::Removed, Some(v), None, item),
                }
                path.0.pop();
            }
            for (k, w) in y {
                if !x.contains_key(k) {
                    path.0.push(Step::Key(k.clone()));
                    if is_item_list(w) {
                        walk(path, &empty, w, item, out);
                    } else {
                        push(out, path, ChangeKind::Added, None, Some(w), item);
                    }
                    path.0.pop();
                }
            }
        }
        (Json::Array(x), Json::Array(y))
            if x.iter().chain(y).all(Json::is_object) && !(x.is_empty() && y.is_empty()) =>
        {
            let top = path.0.len() == 1;
            let keys_x: Option<Vec<String>> = x.iter().map(|i| item_key(path, i)).collect();
            let keys_y: Option<Vec<String>> = y.iter().map(|i| item_key(path, i)).collect();
            let unique = |k: &Vec<String>| {
                let mut s = k.clone();
                s.sort();
                s.dedup();
                s.len() == k.len()
            };
            let at = |i: Option<usize>, j: Option<usize>| if top { (i, j) } else { item };
            match (keys_x, keys_y) {
                (Some(kx), Some(ky)) if unique(&kx) && unique(&ky) => {
                    for (i, k) in kx.iter().enumerate() {
                        path.0.push(Step::Id(k.clone()));
                        match ky.iter().position(|q| q == k) {
                            Some(j) => walk(path, &x[i], &y[j], at(Some(i), Some(j)), out),
                            None => push(
                                out,
                                path,
                                ChangeKind::Removed,
                                Some(&x[i]),
                                None,
                                at(Some(i), None),
                            ),
                        }
                        path.0.pop();
                    }
                    for (j, k) in ky.iter().enumerate() {
                        if !kx.contains(k) {
                            path.0.push(Step::Id(k.clone()));
                            push(
                                out,
                                path,
                                ChangeKind::Added,
                                None,
                                Some(&y[j]),
                                at(None, Some(j)),
                            );
                            path.0.pop();
                        }
                    }
                    // The order of the items is part of the terms too.
                    let kept_x: Vec<&String> = kx.iter().filter(|k| ky.contains(k)).collect();
                    let kept_y: Vec<&String> = ky.iter().filter(|k| kx.contains(k)).collect();
                    if kept_x != kept_y {
                        let list = |v: &[&String]| {
                            Json::Array(v.iter().map(|k| Json::String((*k).clone())).collect())
                        };
                        push(
                            out,
                            path,
                            ChangeKind::Changed,
                            Some(&list(&kept_x)),
                            Some(&list(&kept_y)),
                            item,
                        );
                    }
                }
                _ => {
                    for i in 0..x.len().max(y.len()) {
                        path.0.push(Step::Pos(i + 1));
                        match (x.get(i), y.get(i)) {
                            (Some(v), Some(w)) => walk(path, v, w, at(Some(i), Some(i)), out),
                            (Some(v), None) => push(
                                out,
                                path,
                                ChangeKind::Removed,
                                Some(v),
                                None,
                                at(Some(i), None),
                            ),
                            (None, Some(w)) => push(
                                out,
                                path,
                                ChangeKind::Added,
                                None,
                                Some(w),
                                at(None, Some(i)),
                            ),
                            (None, None) => {}
                        }
                        path.0.pop();
                    }
                }
            }
        }
        _ if same(a, b) => {}
        _ => push(out, path, ChangeKind::Changed, Some(a), Some(b), item),
    }
}

/// A value as written in a change line: numbers and booleans bare, texts
/// quoted, lists and tables as compact JSON.
pub fn show(v: &Json) -> String {
    match v {
        Json::String(s) => serde_json::to_string(s).unwrap_or_default(),
        Json::Number(n) => match n.as_f64() {
            Some(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
            _ => n.to_string(),
        },
        other => other.to_string(),
    }
}

/// Word-level marks between two texts, in Markdown: `~~removed~~`, `**added**`.
pub fn word_marks(old: &str, new: &str) -> String {
    let d = similar::TextDiff::from_words(old, new);
    let (a, b) = (d.old_slices(), d.new_slices());
    let mut out = String::new();
    let mark = |out: &mut String, text: String, m: &str| {
        let (lead, word, tail) = split_ws(&text);
        if word.is_empty() {
            out.push_str(&text);
        } else {
            out.push_str(&format!("{lead}{m}{word}{m}{tail}"));
        }
    };
    for op in d.ops() {
        let (tag, ra, rb) = op.as_tag_tuple();
        let old_text: String = a[ra].concat();
        let new_text: String = b[rb].concat();
        match tag {
            similar::DiffTag::Equal => out.push_str(&new_text),
            similar::DiffTag::Delete => mark(&mut out, old_text, "~~"),
            similar::DiffTag::Insert => mark(&mut out, new_text, "**"),
            similar::DiffTag::Replace => {
                mark(&mut out, old_text, "~~");
                out.push(' ');
                mark(&mut out, new_text, "**");
            }
        }
    }
    out
}

fn split_ws(s: &str) -> (&str, &str, &str) {
    let start = s.len() - s.trim_start().len();
    let end = s.trim_end().len();
    if start >= end {
        return (s, "", "");
    }
    (&s[..start], &s[start..end], &s[end..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_marks_group_runs() {
        assert_eq!(
            word_marks(
                "rendre la création accessible",
                "rendre enfin la création très accessible"
            ),
            "rendre **enfin** la création **très** accessible"
        );
        assert_eq!(
            word_marks("budget de 42 000 euros", "budget de 45 000 euros"),
            "budget de ~~42~~ **45** 000 euros"
        );
    }

    #[test]
    fn paths_show_ids_and_positions() {
        let p = KeyPath(vec![
            Step::Key("funds".into()),
            Step::Key("line".into()),
            Step::Id("Cachets des artistes".into()),
            Step::Key("amount".into()),
        ]);
        assert_eq!(p.to_string(), "funds.line[\"Cachets des artistes\"].amount");
        let q = KeyPath(vec![
            Step::Key("party".into()),
            Step::Id("ville".into()),
            Step::Key("name".into()),
        ]);
        assert_eq!(q.to_string(), "party[ville].name");
        let r = KeyPath(vec![
            Step::Key("funds".into()),
            Step::Key("disbursement".into()),
            Step::Pos(2),
        ]);
        assert_eq!(r.to_string(), "funds.disbursement[2]");
    }
}
