use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::rules::consistency::Found;
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That the convention's `end` date is not before its `start` date.
    ///
    /// ## Why it matters
    /// The period of the convention fixes when partners are bound, when
    /// money can be paid and when reports fall due. A period that ends
    /// before it starts is almost always a typo (a wrong year, day and month
    /// swapped), and it makes every date of the convention meaningless: a
    /// treasurer cannot tell whether a payment is within the agreement.
    ///
    /// ## Example
    /// ```toml
    /// [convention]
    /// start = 2026-02-01
    /// end = 2025-11-30   # the year is wrong
    /// ```
    ///
    /// ## Fix
    /// ```toml
    /// [convention]
    /// start = 2026-02-01
    /// end = 2026-11-30
    /// ```
    pub struct PeriodInverted {
        code: K001,
        name: "period-inverted",
        family: Consistency,
        levels: Levels::all(Level::Error),
        summary: "`end` is before `start`",
        help: "correct `start` or `end` so that the period ends after it starts",
    }
}

impl Rule for PeriodInverted {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let c = &cx.doc.convention;
        let (Some(start), Some(end)) = (c.start.get(), c.end.spanned()) else {
            return;
        };
        if end.value < *start {
            out.push(Self::META.found(
                end.span,
                Found::PeriodInverted {
                    start: *start,
                    end: end.value,
                },
            ));
        }
    }
}
