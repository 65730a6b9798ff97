use std::collections::HashSet;

use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::model::{Field, Spanned};
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That every reference names something that exists: party ids (a
    /// milestone `owner`, decision `members` and `votes`, the funds `holder`
    /// unless `"each"`, a contribution's `party`, a disbursement's `from`,
    /// a role's `party`, the officer's `party`, a report's `from` and `to`,
    /// board seats' `party`, a signature's `party`); milestone and report ids
    /// (a disbursement's `after`, `tracking.milestones`, `tracking.reports`);
    /// a signature's `amendment`; an expense's budget `line`; a measure's
    /// `objective` and `indicator`; a waiver's `rule` (a known code or name).
    ///
    /// ## Why it matters
    /// A reference to nothing is a clause that binds no one: a disbursement
    /// "from" a party that is not in the convention will never be paid.
    ///
    /// ## Example
    /// ```toml
    /// [[role]]
    /// party = "theatre-municipal"   # the party's id is "theatre"
    /// ```
    ///
    /// ## Fix
    /// Use the exact id of an existing item (ids are case-sensitive), or add
    /// the missing item.
    pub struct UnknownReference {
        code: S005,
        name: "unknown-reference",
        family: Structure,
        levels: Levels::all(Level::Error),
        summary: "a reference names nothing",
        help: "use the exact id of an existing item, or add the missing item",
    }
}

struct Refs<'a> {
    out: &'a mut Vec<Finding>,
}

/// The ids one kind of reference may name, in file order and as a set (so
/// that a file with many parties is checked in linear time).
struct Known<'a> {
    list: Vec<&'a str>,
    set: HashSet<&'a str>,
}

impl<'a> Known<'a> {
    fn new(list: Vec<&'a str>) -> Self {
        let set = list.iter().copied().collect();
        Known { list, set }
    }
}

/// Above this many ids, a wrong reference gets no "did you mean" (each
/// suggestion compares the reference with every id).
const SUGGEST_AMONG: usize = 200;
/// The most ids a help line lists.
const LISTED: usize = 10;

impl Refs<'_> {
    fn check(&mut self, what: &str, r: Option<&Spanned<String>>, known: &Known<'_>) {
        let Some(r) = r else { return };
        if !known.set.contains(r.value.as_str()) {
            let known = &known.list;
            let closest = if known.len() <= SUGGEST_AMONG {
                crate::decode::closest(&r.value, known.iter().copied())
            } else {
                None
            };
            let help = match closest {
                Some(c) => format!("did you mean `{c}`?"),
                None if known.is_empty() => format!("no {what} is defined in this file"),
                None if known.len() > LISTED => format!(
                    "known: {}, … ({} in all)",
                    known[..LISTED].join(", "),
                    known.len()
                ),
                None => format!("known: {}", known.join(", ")),
            };
            // The same in French: the kind of item, with its article.
            let (un, aucun, inconnu) = match what {
                "party" => ("partenaire", "aucun partenaire", "inconnu"),
                "milestone" => ("étape", "aucune étape", "inconnue"),
                "report" => ("compte rendu", "aucun compte rendu", "inconnu"),
                "report or milestone" => (
                    "compte rendu ou étape",
                    "aucun compte rendu ni aucune étape",
                    "inconnu",
                ),
                "amendment" => ("avenant", "aucun avenant", "inconnu"),
                "budget line" => ("ligne budgétaire", "aucune ligne budgétaire", "inconnue"),
                "objective" => ("objectif", "aucun objectif", "inconnu"),
                "indicator" => ("indicateur", "aucun indicateur", "inconnu"),
                _ => ("élément", "aucun élément", "inconnu"),
            };
            let aide = match closest {
                Some(c) => format!("vouliez-vous dire `{c}`\u{202f}?"),
                None if known.is_empty() => format!("{aucun} n\u{2019}est défini dans ce fichier"),
                None if known.len() > LISTED => format!(
                    "connus\u{a0}: {}, … ({} en tout)",
                    known[..LISTED].join(", "),
                    known.len()
                ),
                None => format!("connus\u{a0}: {}", known.join(", ")),
            };
            self.out.push(
                UnknownReference::META
                    .finding(
                        r.span,
                        format!("no {what} `{}` in this convention", r.value),
                    )
                    .with_help(help)
                    .with_fr(
                        format!("{un} `{}` {inconnu} dans cette convention", r.value),
                        Some(aide),
                    ),
            );
        }
    }
    fn field(&mut self, what: &str, f: &Field<String>, known: &Known<'_>) {
        self.check(what, f.spanned(), known);
    }
}

impl Rule for UnknownReference {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let d = cx.doc;
        let parties = Known::new(d.party_ids().collect());
        fn ids<'a>(it: &mut dyn Iterator<Item = &'a Field<String>>) -> Vec<&'a str> {
            it.filter_map(|f| f.get().map(String::as_str)).collect()
        }
        let milestones = Known::new(ids(&mut d.milestones.items().iter().map(|m| &m.id)));
        let reports = Known::new(ids(&mut d.reports.items().iter().map(|r| &r.id)));
        let amendments = Known::new(ids(&mut d.amendments.items().iter().map(|a| &a.id)));
        let mut r = Refs { out };
        let p = "party";

        for m in d.milestones.items() {
            r.field(p, &m.owner, &parties);
        }
        if let Some(dec) = d.decision.get() {
            for m in dec.members.items() {
                r.check(p, Some(m), &parties);
            }
            for (k, _) in dec.votes.items() {
                r.check(p, Some(k), &parties);
            }
        }
        if let Some(f) = d.funds.get() {
            if f.holder.get().map(String::as_str) != Some("each") {
                r.field(p, &f.holder, &parties);
            }
            for c in f.contributions.items() {
                r.field(p, &c.party, &parties);
                r.field(p, &c.to, &parties);
            }
            let both = Known::new(
                milestones
                    .list
                    .iter()
                    .chain(&reports.list)
                    .copied()
                    .collect(),
            );
            for x in f.disbursements.items() {
                r.field(p, &x.from, &parties);
                r.field("report or milestone", &x.after, &both);
            }
        }
        for role in d.roles.items() {
            r.field(p, &role.party, &parties);
        }
        if let Some(o) = d.officer.get() {
            r.field(p, &o.party, &parties);
        }
        for rep in d.reports.items() {
            r.field(p, &rep.from, &parties);
            for t in rep.to.items() {
                r.check(p, Some(t), &parties);
            }
        }
        if let Some(g) = d.governance.get() {
            for s in g.board.items() {
                r.field(p, &s.party, &parties);
            }
        }
        for s in d.signatures.items() {
            r.field(p, &s.party, &parties);
            r.field("amendment", &s.amendment, &amendments);
        }
        for w in d.waivers.items() {
            if let Some(rule) = w.rule.spanned() {
                if crate::rules::find(&rule.value).is_none() {
                    r.out.push(
                        Self::META
                            .finding(rule.span, format!("no rule `{}`", rule.value))
                            .with_help("name a rule by its code (`G002`) or name (`dominant-member`); `pacte rules` lists them"),
                    );
                }
            }
        }
        if let Some(t) = d.tracking.get() {
            for (k, _) in t.milestones.items() {
                r.check("milestone", Some(k), &milestones);
            }
            for (k, _) in t.reports.items() {
                r.check("report", Some(k), &reports);
            }
            for (k, _) in t.published.items() {
                r.check(p, Some(k), &parties);
            }
            for x in t.payments.items() {
                r.field(p, &x.from, &parties);
            }
            let lines = Known::new(
                d.funds
                    .get()
                    .map(|f| ids(&mut f.lines.items().iter().map(|l| &l.label)))
                    .unwrap_or_default(),
            );
            for x in t.expenses.items() {
                r.field("budget line", &x.line, &lines);
            }
            let objectives = Known::new(ids(&mut d.objectives.items().iter().map(|o| &o.id)));
            for m in t.measures.items() {
                r.field("objective", &m.objective, &objectives);
                let Some(obj) = m
                    .objective
                    .get()
                    .and_then(|id| d.objectives.items().iter().find(|o| o.id.get() == Some(id)))
                else {
                    continue;
                };
                let names = Known::new(ids(&mut obj.indicators.items().iter().map(|i| &i.name)));
                r.field("indicator", &m.indicator, &names);
            }
        }
    }
}
