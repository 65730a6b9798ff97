use rust_decimal::Decimal;

use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::grants::{is_association_or_foundation, pairs, public_grants};
use crate::rules::french_law::{applies, Found};
use crate::rules::{Context, Levels, Rule, RuleMeta};

/// The threshold of code de commerce, art. D612-5: 153 000 euros.
pub const THRESHOLD: Decimal = Decimal::from_parts(153000, 0, 0, false, 0);

declare_rule! {
    /// ## What it checks
    /// When French law applies (`jurisdiction = "FR"`, currency `EUR`):
    /// whether an association or a foundation receives, in this convention,
    /// financial public grants whose annual amounts, added up over its
    /// givers, exceed 153 000 EUR. One finding per beneficiary. It is
    /// information: the obligation depends on all the grants of its year,
    /// which one convention does not show.
    ///
    /// Each giver's annual amount is computed over its financial grants to
    /// that beneficiary alone: the largest sum over one `year` when each
    /// carries `year`, otherwise the sum divided by the years of the period.
    ///
    /// ## Why it matters
    /// Code de commerce, articles L612-4 and D612-5: an association that
    /// receives, in one year, more than 153 000 euros of public grants in
    /// money must appoint a commissaire aux comptes (and a substitute), draw
    /// up a balance sheet, an income statement and an annex, and publish
    /// them. Its treasurer should know it before the year starts; the funder
    /// may ask for the certified accounts.
    ///
    /// ## Example
    /// ```toml
    /// [[funds.contribution]]
    /// party = "region"
    /// kind = "financial"
    /// amount = 480000   # over three years: 160 000 EUR a year
    /// to = "association"
    /// ```
    ///
    /// ## Fix
    /// Make sure the association has appointed a commissaire aux comptes,
    /// and say so (for example in `[audit] financial_audit`); then accept
    /// the finding with a `[[waiver]]` giving that reason, or set F004 to
    /// "off" in `pacte.toml`.
    pub struct StatutoryAuditor {
        code: F004,
        name: "statutory-auditor",
        family: FrenchLaw,
        levels: Levels::all(Level::Info),
        summary: "an association or foundation receives financial public grants over 153 000 EUR a year in this convention: it may have to appoint a commissaire aux comptes",
        help: "check that the beneficiary has appointed a commissaire aux comptes and publishes its accounts (code de commerce, art. L612-4 and D612-5)",
    }
}

impl Rule for StatutoryAuditor {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if !applies(cx) {
            return;
        }
        let financial = public_grants(cx.doc).into_iter().filter(|g| g.financial);
        let mut totals: Vec<(&str, Decimal)> = Vec::new();
        for pair in pairs(financial) {
            let annual = pair.annual_amount(cx.doc);
            match totals.iter_mut().find(|(b, _)| *b == pair.beneficiary) {
                Some((_, t)) => *t += annual,
                None => totals.push((pair.beneficiary, annual)),
            }
        }
        for (beneficiary, annual_amount) in totals {
            let Some(party) = cx.doc.party(beneficiary) else {
                continue;
            };
            if annual_amount > THRESHOLD && is_association_or_foundation(party) {
                out.push(Self::META.found(
                    party.span,
                    Found::AuditorThresholdReached {
                        beneficiary: beneficiary.to_string(),
                        annual_amount,
                        threshold: THRESHOLD,
                    },
                ));
            }
        }
    }
}
