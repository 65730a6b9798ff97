use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::model::{ClauseKind, ContributionKind};
use crate::rules::clauses::Found;
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That a `subvention` in which a party makes a financial contribution
    /// (granted or requested) has a `[[clause]]` of kind `repayment`: what
    /// happens to money that is not spent, or not used as agreed.
    ///
    /// ## Why it matters
    /// A grant is given for a purpose. When the action costs less than
    /// planned, is not carried out, or the money is used for something else,
    /// the funder asks for it back (a "reversement"), or sets it against a
    /// later grant. Said in advance, this is a routine step of closing the
    /// accounts; left unsaid, it becomes a dispute, and a public funder's
    /// accountant will demand it anyway.
    ///
    /// ## Example
    /// ```toml
    /// [convention]
    /// kind = "subvention"
    ///
    /// [[funds.contribution]]
    /// party = "departement"
    /// kind = "financial"
    /// amount = 30000
    /// # no [[clause]] of kind "repayment"
    /// ```
    ///
    /// ## Fix
    /// ```toml
    /// [[clause]]
    /// kind = "repayment"
    /// title = "Reversement"
    /// text = "La part de la subvention non utilisée, ou utilisée à d'autres fins que celles de la présente convention, est reversée au Département dans les trois mois suivant la remise du compte rendu financier."
    /// ```
    pub struct MissingRepayment {
        code: C015,
        name: "missing-repayment",
        family: Clauses,
        levels: Levels::PerKind([Level::Off, Level::Off, Level::Off, Level::Error]),
        summary: "a party makes a financial contribution (granted or requested) and there is no `[[clause]]` of kind `repayment`",
        help: "add a [[clause]] with `kind = \"repayment\"` saying what happens to money unspent or not used as agreed",
    }
}

impl Rule for MissingRepayment {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if cx.doc.may_have_clause(ClauseKind::Repayment) {
            return;
        }
        let mut funders: Vec<String> = Vec::new();
        for c in cx
            .doc
            .funds
            .get()
            .map(|f| f.contributions.items())
            .unwrap_or_default()
        {
            let Some(party) = c.party.get() else { continue };
            if c.kind.get() == Some(&ContributionKind::Financial) && !funders.contains(party) {
                funders.push(party.clone());
            }
        }
        if funders.is_empty() {
            return;
        }
        out.push(Self::META.found(cx.header(), Found::NoRepaymentClause { funders }));
    }
}
