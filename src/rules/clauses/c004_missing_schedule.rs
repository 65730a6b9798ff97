use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::model::Kind;
use crate::rules::clauses::{Found, ScheduleItem};
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That the convention has a schedule: a `start` and an `end` date in
    /// `[convention]`, and at least one `[[milestone]]`. A `protocole` (a
    /// framework agreement) need not give dates, only milestones, and a
    /// missing milestone is a warning there. A `subvention` (a grant) need
    /// not list milestones: the beneficiary carries out its own action.
    /// One finding names what is missing; a date written in a wrong form is
    /// reported as an invalid value instead.
    ///
    /// ## Why it matters
    /// Without a start and an end, nobody knows when commitments begin, when
    /// the partnership is over, or until when expenses are eligible: a
    /// treasurer cannot close the accounts and a funder cannot date its
    /// payments. Milestones are the steps partners check progress against
    /// at each steering meeting; without them delays are noticed too late.
    ///
    /// ## Example
    /// ```toml
    /// [convention]
    /// id = "festival-campus-2026"
    /// start = 2026-02-01
    /// # no end, and no [[milestone]] in the file
    /// ```
    ///
    /// ## Fix
    /// ```toml
    /// [convention]
    /// start = 2026-02-01
    /// end = 2026-11-30
    ///
    /// [[milestone]]
    /// id = "M1"
    /// title = "Programmation arrêtée"
    /// due = 2026-05-15
    /// ```
    pub struct MissingSchedule {
        code: C004,
        name: "missing-schedule",
        family: Clauses,
        levels: Levels::PerKind([Level::Error, Level::Error, Level::Warning, Level::Error]),
        summary: "`start` or `end` missing (never for protocole), or no `[[milestone]]` (never for subvention)",
        help: "give `start` and `end` in [convention] and at least one [[milestone]] with `id`, `title` and `due`",
    }
}

impl Rule for MissingSchedule {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let conv = &cx.doc.convention;
        let milestones = &cx.doc.milestones;
        let dated = cx.kind != Kind::Protocole;
        // (what is missing, where it would be)
        let mut missing: Vec<(ScheduleItem, Option<crate::source::Span>)> = Vec::new();
        if dated && conv.start.is_absent() {
            missing.push((ScheduleItem::Start, conv.start.span()));
        }
        if dated && conv.end.is_absent() {
            missing.push((ScheduleItem::End, conv.end.span()));
        }
        if milestones.is_absent() && cx.kind != Kind::Subvention {
            missing.push((ScheduleItem::Milestone, milestones.span()));
        }
        let span = match missing.as_slice() {
            [] => return,
            [(_, span)] => span.unwrap_or(cx.header()),
            _ => cx.header(),
        };
        let finding = Self::META.found(
            span,
            Found::NoSchedule {
                missing: missing.into_iter().map(|(item, _)| item).collect(),
            },
        );
        out.push(finding);
    }
}
