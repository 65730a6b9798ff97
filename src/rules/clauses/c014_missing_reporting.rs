use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::rules::clauses::Found;
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That the convention plans at least one report (`[[report]]`): an
    /// activity, financial or final report, with when it is due.
    ///
    /// ## Why it matters
    /// Reports are how the partners, and above all those who pay, learn what
    /// was done with their contribution. A funder usually makes its last
    /// payment wait for a financial report, and an elected assembly expects a
    /// final report before renewing its support. Writing the reports into
    /// the agreement, with who sends them and when, avoids discovering at the
    /// end that nobody kept track.
    ///
    /// ## Example
    /// ```toml
    /// [audit]
    /// evaluation = "Évaluation finale par le comité de pilotage"
    /// # … and no [[report]] in the file
    /// ```
    ///
    /// ## Fix
    /// ```toml
    /// [[report]]
    /// id = "R1"
    /// kind = "activity"
    /// due = 2026-06-30
    /// from = "theatre"
    ///
    /// [[report]]
    /// id = "R2"
    /// kind = "final"
    /// after_end_days = 90
    /// from = "theatre"
    /// ```
    pub struct MissingReporting {
        code: C014,
        name: "missing-reporting",
        family: Clauses,
        levels: Levels::PerKind([Level::Warning, Level::Warning, Level::Info, Level::Error]),
        summary: "no `[[report]]`",
        help: "add a [[report]] with `id`, `kind`, `from` and when it is due (`due`, `every` or `after_end_days`)",
    }
}

impl Rule for MissingReporting {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let reports = &cx.doc.reports;
        if reports.is_absent() {
            out.push(Self::META.found(reports.span_or(cx.header()), Found::NoReport));
        }
    }
}
