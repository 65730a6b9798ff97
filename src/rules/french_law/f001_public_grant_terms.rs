use rust_decimal::Decimal;

use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::grants::{pairs, public_grants};
use crate::rules::french_law::{applies, Found};
use crate::rules::{Context, Levels, Rule, RuleMeta};

/// The threshold of décret n° 2001-495, art. 1: 23 000 euros a year.
pub const THRESHOLD: Decimal = Decimal::from_parts(23000, 0, 0, false, 0);

declare_rule! {
    /// ## What it checks
    /// When French law applies (`jurisdiction = "FR"`, currency `EUR`):
    /// that a giver whose public grants to one beneficiary have an annual
    /// amount over 23 000 EUR states their conditions of use
    /// (`funds.conditions`). One finding per giver and beneficiary.
    ///
    /// A public grant is a granted contribution with an amount, from a
    /// `public` party to a party that is not public, financial or valued in
    /// kind, in services or in staff. Its beneficiary is `contribution.to`,
    /// else `funds.holder` when that is another party. The annual amount is
    /// the largest sum over one `year` when every grant carries `year`,
    /// otherwise the sum divided by the years of the period, exactly. The
    /// threshold is strict: 23 000.00 EUR a year does not fire, 23 000.01
    /// does.
    ///
    /// ## Why it matters
    /// Loi n° 2000-321 du 12 avril 2000, article 10, with décret n° 2001-495
    /// du 6 juin 2001, article 1: an administration that grants more than
    /// 23 000 euros a year to a private body must conclude a convention that
    /// defines the object, the amount, the terms of payment and the
    /// conditions of use of the grant. The object is C003's, the control
    /// C008's, the money unspent C015's; this rule asks for the conditions
    /// of use: what the money may pay for, and what it may not. Without
    /// them, a controller cannot tell a proper use from a misuse.
    ///
    /// ## Example
    /// ```toml
    /// [funds]
    /// budget = 90000
    /// holder = "association"
    /// justification = "Compte rendu financier annuel"
    /// # no `conditions`
    ///
    /// [[funds.contribution]]
    /// party = "departement"
    /// kind = "financial"
    /// amount = 90000   # over three years: 30 000 EUR a year
    /// ```
    ///
    /// ## Fix
    /// ```toml
    /// [funds]
    /// conditions = "La subvention finance exclusivement les actions décrites à l'article 1 et leur part des frais de structure ; elle ne peut être reversée à un autre organisme."
    /// ```
    pub struct PublicGrantTerms {
        code: F001,
        name: "public-grant-terms",
        family: FrenchLaw,
        levels: Levels::all(Level::Error),
        summary: "a giver's public grants to one beneficiary exceed 23 000 EUR a year and `funds.conditions` does not state their conditions of use",
        help: "add `conditions` to [funds]: what the grant may pay for, and on what conditions (loi n° 2000-321, art. 10)",
    }
}

impl Rule for PublicGrantTerms {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(funds) = cx.doc.funds.spanned() else {
            return;
        };
        if !applies(cx) || !funds.value.conditions.is_absent() {
            return;
        }
        for pair in pairs(public_grants(cx.doc)) {
            let annual_amount = pair.annual_amount(cx.doc);
            if annual_amount > THRESHOLD {
                out.push(Self::META.found(
                    funds.span,
                    Found::ConditionsOfUseMissing {
                        giver: pair.giver.to_string(),
                        beneficiary: pair.beneficiary.to_string(),
                        annual_amount,
                        threshold: THRESHOLD,
                    },
                ));
            }
        }
    }
}
