use std::collections::HashMap;

use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::model::{Spanned, Text};
use crate::rules::structure::{Found, Item};
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That ids are unique among the parties, among the objectives, among
    /// the milestones, among the reports and among the amendments; that
    /// budget-line labels are unique, and indicator names within one
    /// objective; that no two `[[clause]]` share a `kind` other than
    /// `other`; and that two conventions checked in one run do not share
    /// an id.
    ///
    /// ## Why it matters
    /// Ids are how the file refers to things: a disbursement waits for `R1`,
    /// a signature comes from `ville`. Two items with one id make every
    /// reference ambiguous, and two conventions with one id collide in
    /// reports and rendered file names.
    ///
    /// ## Example
    /// ```toml
    /// [[milestone]]
    /// id = "M1"
    /// [[milestone]]
    /// id = "M1"      # the second M1
    /// ```
    ///
    /// ## Fix
    /// Give each item its own id (`M2`).
    pub struct DuplicateId {
        code: S004,
        name: "duplicate-id",
        family: Structure,
        levels: Levels::all(Level::Error),
        summary: "two items of one kind share an id, two clauses share a `kind` other than `other`, or two conventions in one run share an id",
        help: "give each item its own id",
    }
}

fn unique<'a>(item: Item, ids: impl Iterator<Item = &'a Text>, out: &mut Vec<Finding>) {
    let mut seen: HashMap<&str, &Spanned<String>> = HashMap::new();
    for id in ids {
        let Some(s) = id.spanned() else { continue };
        if seen.contains_key(s.value.as_str()) {
            out.push(DuplicateId::META.found(
                s.span,
                Found::DuplicateId {
                    item,
                    id: s.value.clone(),
                },
            ));
        } else {
            seen.insert(&s.value, s);
        }
    }
}

impl Rule for DuplicateId {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let d = cx.doc;
        unique(Item::Party, d.parties.items().iter().map(|p| &p.id), out);
        unique(
            Item::Objective,
            d.objectives.items().iter().map(|o| &o.id),
            out,
        );
        unique(
            Item::Milestone,
            d.milestones.items().iter().map(|m| &m.id),
            out,
        );
        unique(Item::Report, d.reports.items().iter().map(|r| &r.id), out);
        unique(
            Item::Amendment,
            d.amendments.items().iter().map(|a| &a.id),
            out,
        );
        if let Some(f) = d.funds.get() {
            unique(
                Item::BudgetLine,
                f.lines.items().iter().map(|l| &l.label),
                out,
            );
        }
        // At most one clause of each kind other than `other`.
        let mut kinds: Vec<crate::model::ClauseKind> = Vec::new();
        for c in d.clauses.items() {
            let Some(k) = c.kind.spanned() else { continue };
            if k.value == crate::model::ClauseKind::Other {
                continue;
            }
            if kinds.contains(&k.value) {
                out.push(Self::META.found(k.span, Found::DuplicateClauseKind { kind: k.value }));
            } else {
                kinds.push(k.value);
            }
        }
        for o in d.objectives.items() {
            unique(
                Item::Indicator,
                o.indicators.items().iter().map(|i| &i.name),
                out,
            );
        }
    }
}
