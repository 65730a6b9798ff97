use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::model::{Field, Renewal, Status};
use crate::rules::lifecycle::Found;
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// For a convention that is `signed` or `active` and is not renewed
    /// tacitly (`renewal` is not `"tacit"`): that its `end` date is not
    /// before the as-of date.
    ///
    /// ## Why it matters
    /// After its end date a convention no longer binds anyone: the partners
    /// who keep working together, paying or lending premises do so without a
    /// legal basis, and a public partner may not pay under an expired
    /// agreement. Either the partnership is over, and the file should say so
    /// (status `closed`, final report due), or it goes on, and it needs a new
    /// convention or an amendment extending the term, signed before the end.
    ///
    /// ## Example
    /// ```toml
    /// [convention]
    /// status = "active"
    /// start = 2026-02-01
    /// end = 2026-05-31
    /// renewal = "none"
    /// ```
    ///
    /// ## Fix
    /// When the partnership is over:
    /// ```toml
    /// [convention]
    /// status = "closed"
    /// ```
    /// When it goes on, sign an amendment that extends the term, and write
    /// the new `end` (or `renewal = "tacit"` if the convention provides for
    /// tacit renewal).
    pub struct Expired {
        code: L003,
        name: "expired",
        family: Lifecycle,
        levels: Levels::all(Level::Warning),
        summary: "status `signed` or `active`, no tacit renewal, and `end` is before the as-of date",
        help: "set `status = \"closed\"` if the partnership is over; otherwise extend `end` by a signed amendment",
    }
}

impl Rule for Expired {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if !matches!(cx.status, Status::Signed | Status::Active) {
            return;
        }
        let conv = &cx.doc.convention;
        // An invalid `renewal` (S003) leaves the question open: stay silent.
        match &conv.renewal {
            Field::Ok(r) if r.value == Renewal::Tacit => return,
            Field::Invalid(_) => return,
            _ => {}
        }
        let Some(end) = conv.end.spanned() else {
            return;
        };
        if end.value >= cx.as_of {
            return;
        }
        out.push(Self::META.found(
            end.span,
            Found::Expired {
                end: end.value,
                days_ago: crate::due::days_between(end.value, cx.as_of),
                status: cx.status,
            },
        ));
    }
}
