use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::model::Signing;
use crate::rules::consistency::Found;
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That a convention signed on paper (`signing = "paper"`, the default)
    /// is made in at least as many `copies` as there are parties. Without
    /// `copies`, the number of parties is assumed.
    ///
    /// ## Why it matters
    /// Each party keeps a signed original: it is what its accountant, its
    /// auditor or a judge will ask for. A public body's accounting officer
    /// in particular needs an original to pay. "Fait en deux exemplaires"
    /// for three partners leaves one of them without proof of what was
    /// signed.
    ///
    /// ## Example
    /// ```toml
    /// [convention]
    /// signing = "paper"
    /// copies = 2   # three parties sign
    /// ```
    ///
    /// ## Fix
    /// ```toml
    /// [convention]
    /// signing = "paper"
    /// copies = 3
    /// ```
    pub struct TooFewOriginals {
        code: K012,
        name: "too-few-originals",
        family: Consistency,
        levels: Levels::all(Level::Warning),
        summary: "`signing = \"paper\"` and `copies` is below the number of parties",
        help: "set `copies` to at least the number of parties, so that each keeps a signed original",
    }
}

impl Rule for TooFewOriginals {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let c = &cx.doc.convention;
        if c.signing.is_invalid() || c.signing() != Signing::Paper {
            return;
        }
        let Some(copies) = c.copies.spanned() else {
            return; // absent: one per party
        };
        let parties = cx.doc.parties.items().len();
        if usize::try_from(copies.value).is_ok_and(|n| n < parties) {
            out.push(Self::META.found(
                copies.span,
                Found::TooFewOriginals {
                    parties,
                    copies: copies.value,
                },
            ));
        }
    }
}
