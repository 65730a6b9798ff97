use std::collections::HashSet;

use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::model::{Field, Spanned};
use crate::rules::structure::{Found, Referent};
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
    fn check(&mut self, item: Referent, r: Option<&Spanned<String>>, known: &Known<'_>) {
        let Some(r) = r else { return };
        if !known.set.contains(r.value.as_str()) {
            let known = &known.list;
            let suggestion = if known.len() <= SUGGEST_AMONG {
                crate::decode::closest(&r.value, known.iter().copied()).map(str::to_string)
            } else {
                None
            };
            self.out.push(UnknownReference::META.found(
                r.span,
                Found::UnknownReference {
                    item,
                    id: r.value.clone(),
                    suggestion,
                    known: known.iter().take(LISTED).map(|k| k.to_string()).collect(),
                    count: known.len(),
                },
            ));
        }
    }
    fn field(&mut self, item: Referent, f: &Field<String>, known: &Known<'_>) {
        self.check(item, f.spanned(), known);
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
        let p = Referent::Party;

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
                r.field(Referent::ReportOrMilestone, &x.after, &both);
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
            r.field(Referent::Amendment, &s.amendment, &amendments);
        }
        for w in d.waivers.items() {
            if let Some(rule) = w.rule.spanned() {
                if crate::rules::find(&rule.value).is_none() {
                    r.out.push(Self::META.found(
                        rule.span,
                        Found::UnknownRule {
                            name: rule.value.clone(),
                        },
                    ));
                }
            }
        }
        if let Some(t) = d.tracking.get() {
            for (k, _) in t.milestones.items() {
                r.check(Referent::Milestone, Some(k), &milestones);
            }
            for (k, _) in t.reports.items() {
                r.check(Referent::Report, Some(k), &reports);
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
                r.field(Referent::BudgetLine, &x.line, &lines);
            }
            let objectives = Known::new(ids(&mut d.objectives.items().iter().map(|o| &o.id)));
            for m in t.measures.items() {
                r.field(Referent::Objective, &m.objective, &objectives);
                let Some(obj) = m
                    .objective
                    .get()
                    .and_then(|id| d.objectives.items().iter().find(|o| o.id.get() == Some(id)))
                else {
                    continue;
                };
                let names = Known::new(ids(&mut obj.indicators.items().iter().map(|i| &i.name)));
                r.field(Referent::Indicator, &m.indicator, &names);
            }
        }
    }
}
