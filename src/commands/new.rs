//! `pacte new ID`: a commented skeleton of a convention to fill in, in TOML
//! or YAML, French or English. Every clause of the kind is present; each key
//! carries its description from the table of keys ([`crate::keys`]); every
//! text to fill holds a placeholder that K013 reports, and every date,
//! number, boolean or value from a set holds a valid example with a comment
//! saying to change it. `pacte check` on a fresh skeleton gives no S error.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::failure::Failure;

use crate::model::{Kind, Lang};
use crate::output::{Inputs, Target};

/// What `new` is asked for.
pub struct NewOptions {
    pub id: String,
    pub kind: Kind,
    pub lang: Lang,
    pub parties: usize,
    pub yaml: bool,
    pub currency: String,
}

/// One value of the skeleton.
enum V {
    /// Text to fill: the placeholder.
    Blank,
    /// A text given as it is (an id referred to elsewhere).
    Literal(String),
    /// A list of one text to fill.
    BlankList,
    /// A list of literal texts (ids).
    Literals(Vec<String>),
    /// An example date, to change.
    Date(&'static str),
    /// A list of one example date, to change.
    Dates(&'static str),
    /// An example number, to change.
    Int(i64),
    /// An example boolean, to change.
    Bool(bool),
    /// An example value from a set, to change.
    Choice(&'static str),
}

struct Item {
    key: &'static str,
    v: V,
}

/// A table (or one element of a list of tables) of the skeleton.
struct Block {
    /// Its path in the table of keys (`party`, `funds.contribution`).
    path: &'static str,
    array: bool,
    items: Vec<Item>,
    subs: Vec<Block>,
}

fn item(key: &'static str, v: V) -> Item {
    Item { key, v }
}

fn block(path: &'static str, array: bool, items: Vec<Item>) -> Block {
    Block {
        path,
        array,
        items,
        subs: Vec::new(),
    }
}

fn party_id(i: usize) -> String {
    format!("partenaire-{}", i + 1)
}

/// The skeleton of a convention of `o.kind`.
fn skeleton(o: &NewOptions) -> Vec<Block> {
    use V::*;
    let n = o.parties;
    let ids: Vec<String> = (0..n).map(party_id).collect();
    let first = ids[0].clone();
    let last = ids[n - 1].clone();
    let kind = o.kind.as_str();
    let lang: &'static str = match o.lang {
        Lang::Fr => "fr",
        Lang::En => "en",
    };
    let mut blocks = vec![block(
        "convention",
        false,
        vec![
            item("id", Literal(o.id.clone())),
            item("title", Blank),
            item("kind", Choice(kind)),
            item("lang", Choice(lang)),
            item("status", Choice("draft")),
            item("start", Date("2027-01-01")),
            item("end", Date("2027-12-31")),
            item("place", Blank),
            item("currency", Literal(o.currency.clone())),
            item("purpose", Blank),
            item("legal_framework", Blank),
        ],
    )];
    for (i, id) in ids.iter().enumerate() {
        let mut p = block(
            "party",
            true,
            vec![
                item("id", Literal(id.clone())),
                item("name", Blank),
                item(
                    "sector",
                    Choice(if i == 0 { "public" } else { "civil_society" }),
                ),
                item("address", Blank),
            ],
        );
        p.subs.push(block(
            "party.signatory",
            false,
            vec![
                item("name", Blank),
                item("title", Blank),
                item("mandate", Blank),
            ],
        ));
        blocks.push(p);
    }
    let mut objective = block(
        "objective",
        true,
        vec![item("id", Literal("O1".into())), item("text", Blank)],
    );
    objective.subs.push(block(
        "objective.indicators",
        true,
        vec![item("name", Blank), item("target", Blank)],
    ));
    blocks.push(objective);
    blocks.push(block(
        "milestone",
        true,
        vec![
            item("id", Literal("M1".into())),
            item("title", Blank),
            item("due", Date("2027-06-30")),
            item("owner", Literal(first.clone())),
        ],
    ));
    if o.kind != Kind::Subvention {
        blocks.push(block(
            "decision",
            false,
            vec![
                item("body", Blank),
                item("members", Literals(ids.clone())),
                item("rule", Choice("consensus")),
                item("meetings", Blank),
                item("conflicts", Blank),
                item("minutes", Bool(true)),
            ],
        ));
    }
    let share = 5000;
    let mut funds = block(
        "funds",
        false,
        vec![
            item("budget", Int(share * n as i64)),
            item("holder", Literal(last.clone())),
            item("justification", Blank),
            item("conditions", Blank),
        ],
    );
    for id in &ids {
        funds.subs.push(block(
            "funds.contribution",
            true,
            vec![
                item("party", Literal(id.clone())),
                item("kind", Choice("financial")),
                item("amount", Int(share)),
                item("status", Choice("granted")),
            ],
        ));
    }
    blocks.push(funds);
    for (i, id) in ids.iter().enumerate() {
        let mut items = vec![
            item("party", Literal(id.clone())),
            item("responsibilities", BlankList),
        ];
        if i == 0 {
            items.push(item("coordinator", Bool(true)));
        }
        blocks.push(block("role", true, items));
    }
    blocks.push(block(
        "officer",
        false,
        vec![item("name", Blank), item("party", Literal(first.clone()))],
    ));
    let others: Vec<String> = ids[..n - 1].to_vec();
    blocks.push(block(
        "report",
        true,
        vec![
            item("id", Literal("R1".into())),
            item("kind", Choice("final")),
            item("due", Date("2028-03-31")),
            item("from", Literal(last.clone())),
            item("to", Literals(others)),
        ],
    ));
    blocks.push(block(
        "audit",
        false,
        vec![
            item("evaluation", Blank),
            item("dates", Dates("2027-12-15")),
            item("expense_control", Blank),
            item("financial_audit", Blank),
        ],
    ));
    blocks.push(block(
        "termination",
        false,
        vec![
            item("notice_days", Int(90)),
            item("grounds", BlankList),
            item("assets", Blank),
            item("staff", Blank),
            item("surplus", Blank),
            item("deficit", Blank),
            item("disputes", Blank),
        ],
    ));
    if o.kind == Kind::Gestion {
        let mut g = block(
            "governance",
            false,
            vec![
                item("officers", Blank),
                item("deliberations", Blank),
                item("management", Blank),
                item("action_plan", Blank),
            ],
        );
        for id in &ids {
            g.subs.push(block(
                "governance.board",
                true,
                vec![
                    item("party", Literal(id.clone())),
                    item("seats", Int(2)),
                    item("women", Int(1)),
                ],
            ));
        }
        // In TOML the board must follow the table's own keys: it does (subs come last).
        blocks.push(g);
    }
    blocks.push(block("communication", false, vec![item("plan", Blank)]));
    for kind in ["repayment", "republican_commitment"] {
        blocks.push(block(
            "clause",
            true,
            vec![
                item("kind", Choice(kind)),
                item("title", Blank),
                item("text", Blank),
            ],
        ));
    }
    blocks
}

fn placeholder(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "à compléter",
        Lang::En => "to be completed",
    }
}

fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn description(path: &str, key: &str, lang: Lang) -> &'static str {
    crate::keys::keys_of(path)
        .find(|k| k.key == key)
        .map_or("", |k| k.description(lang))
}

fn child_path(path: &str) -> (&str, &str) {
    path.rsplit_once('.').unwrap_or(("", path))
}

/// The value as written (TOML and YAML flow syntax agree on these), and
/// whether it is an example to change.
fn literal(v: &V, lang: Lang) -> (String, bool) {
    match v {
        V::Blank => (quote(placeholder(lang)), false),
        V::Literal(s) => (quote(s), false),
        V::BlankList => (format!("[{}]", quote(placeholder(lang))), false),
        V::Literals(l) => (
            format!(
                "[{}]",
                l.iter().map(|s| quote(s)).collect::<Vec<_>>().join(", ")
            ),
            false,
        ),
        V::Date(d) => (d.to_string(), true),
        V::Dates(d) => (format!("[{d}]"), true),
        V::Int(i) => (i.to_string(), true),
        V::Bool(b) => (b.to_string(), true),
        V::Choice(c) => (quote(c), true),
    }
}

fn comment(path: &str, it: &Item, example: bool, lang: Lang) -> String {
    let mut c = description(path, it.key, lang).to_string();
    if example {
        c.push_str(match lang {
            Lang::Fr => " Exemple, à changer.",
            Lang::En => " An example: change it.",
        });
    }
    c
}

fn header(lang: Lang, id: &str, kind: Kind) -> String {
    match lang {
        Lang::Fr => format!(
            "# Convention « {id} » ({kind}), écrite par `pacte new`.\n# Remplacez chaque « à compléter » et vérifiez chaque exemple\u{202f}; `pacte check` dit ce qui reste à faire.\n"
        )
        .replace("« ", "«\u{a0}")
        .replace(" »", "\u{a0}»"),
        Lang::En => format!(
            "# Convention \"{id}\" ({kind}), written by `pacte new`.\n# Replace each \"to be completed\" and check each example; `pacte check` says what is left to do.\n"
        ),
    }
}

fn toml_block(b: &Block, lang: Lang, out: &mut String) {
    let (parent, key) = child_path(b.path);
    out.push('\n');
    let desc = description(parent, key, lang);
    if !desc.is_empty() {
        out.push_str(&format!("# {desc}\n"));
    }
    if b.array {
        out.push_str(&format!("[[{}]]\n", b.path));
    } else {
        out.push_str(&format!("[{}]\n", b.path));
    }
    for it in &b.items {
        let (v, example) = literal(&it.v, lang);
        out.push_str(&format!(
            "{} = {v}  # {}\n",
            it.key,
            comment(b.path, it, example, lang)
        ));
    }
    for s in &b.subs {
        toml_block(s, lang, out);
    }
}

fn yaml_block(b: &Block, lang: Lang, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    let inner = if b.array { indent + 4 } else { indent + 2 };
    let ipad = " ".repeat(inner);
    let mut first = true;
    for it in &b.items {
        let (v, example) = literal(&it.v, lang);
        let lead = if b.array && first {
            format!("{pad}  - ")
        } else {
            ipad.clone()
        };
        first = false;
        out.push_str(&format!(
            "{lead}{}: {v}  # {}\n",
            it.key,
            comment(b.path, it, example, lang)
        ));
    }
    // Sub-tables: lists under their key, grouped.
    let mut i = 0;
    while i < b.subs.len() {
        let s = &b.subs[i];
        let (_, key) = child_path(s.path);
        let desc = description(b.path, key, lang);
        out.push_str(&format!("{ipad}{key}:  # {desc}\n"));
        let mut j = i;
        while j < b.subs.len() && b.subs[j].path == s.path {
            yaml_block(&b.subs[j], lang, inner, out);
            j += 1;
        }
        i = j;
    }
}

/// The text of the skeleton.
pub fn render(o: &NewOptions) -> String {
    let blocks = skeleton(o);
    let mut out = header(o.lang, &o.id, o.kind);
    if o.yaml {
        let mut i = 0;
        while i < blocks.len() {
            let b = &blocks[i];
            let desc = description("", b.path, o.lang);
            out.push_str(&format!("\n# {desc}\n{}:\n", b.path));
            let mut j = i;
            while j < blocks.len() && blocks[j].path == b.path {
                yaml_block(&blocks[j], o.lang, 0, &mut out);
                j += 1;
            }
            i = j;
        }
    } else {
        for b in &blocks {
            toml_block(b, o.lang, &mut out);
        }
    }
    out
}

/// Where the skeleton goes without `-o`: `conventions/ID.ext` when the
/// workspace has a `conventions/` folder, else `ID.ext` here.
pub fn default_output(root: &Path, id: &str, yaml: bool) -> PathBuf {
    let name = format!("{id}.{}", if yaml { "yaml" } else { "toml" });
    let folder = root.join("conventions");
    if folder.is_dir() {
        folder.join(name)
    } else {
        PathBuf::from(name)
    }
}

/// Writes the skeleton at `path` (never over a file without `force`).
pub fn write(o: &NewOptions, path: &Path, force: bool) -> Result<()> {
    let slug = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit();
    let valid = o.id.chars().next().is_some_and(slug)
        && o.id.chars().all(|c| slug(c) || c == '-' || c == '_');
    if !valid {
        return Err(Failure::InvalidId { id: o.id.clone() }.into());
    }
    if o.parties < 2 || o.parties > 50 {
        return Err(Failure::PartiesRange { found: o.parties }.into());
    }
    Target::check(path, &Inputs::default(), force)?.write_bytes(render(o).as_bytes())
}
