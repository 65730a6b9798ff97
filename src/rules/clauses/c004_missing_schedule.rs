use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::model::Kind;
use crate::rules::clauses::join_and;
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
        // (what is missing, where it would be, the fix for it alone)
        let mut missing: Vec<(&str, Option<crate::source::Span>, &str)> = Vec::new();
        if dated && conv.start.is_absent() {
            missing.push((
                "`start`",
                conv.start.span(),
                "add `start` to [convention], the date the partnership begins (e.g. `start = 2026-02-01`)",
            ));
        }
        if dated && conv.end.is_absent() {
            missing.push((
                "`end`",
                conv.end.span(),
                "add `end` to [convention], the date the partnership ends (e.g. `end = 2026-11-30`)",
            ));
        }
        if milestones.is_absent() && cx.kind != Kind::Subvention {
            missing.push((
                "[[milestone]]",
                milestones.span(),
                "add at least one [[milestone]] with `id`, `title` and `due`",
            ));
        }
        let finding = match missing.as_slice() {
            [] => return,
            [(what, span, help)] => Self::META
                .finding(
                    span.unwrap_or(cx.header()),
                    format!("the convention has no {what}"),
                )
                .with_help(*help)
                .with_fr(format!("la convention n\u{2019}a pas de {what}"), None),
            many => {
                let parts: Vec<String> = many.iter().map(|m| format!("no {}", m.0)).collect();
                let names: Vec<&str> = many.iter().map(|m| m.0).collect();
                Self::META
                    .finding(
                        cx.header(),
                        format!("the convention has {}", join_and(&parts)),
                    )
                    .with_fr(
                        format!("la convention n\u{2019}a {}", super::fr_ni(&names)),
                        None,
                    )
            }
        };
        out.push(finding);
    }
}
