use jiff::civil::date;

use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::grants::{is_association_or_foundation, public_grants};
use crate::model::ClauseKind;
use crate::rules::french_law::{applies, Found};
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// When French law applies (`jurisdiction = "FR"`, currency `EUR`):
    /// that a convention giving a public grant to an association or a
    /// foundation has a `[[clause]]` of kind `republican_commitment`,
    /// unless it was signed before 2 January 2022 (the signing date is
    /// known when every party has signed). One finding per beneficiary.
    ///
    /// An association or foundation is a party whose `form` is
    /// `association` or `foundation`, or, without `form`, whose `sector` is
    /// `civil_society`.
    ///
    /// ## Why it matters
    /// Loi n° 2000-321 du 12 avril 2000, article 10-1 (from loi n° 2021-1109
    /// du 24 août 2021), and décret n° 2021-1947 du 31 décembre 2021: an
    /// association or foundation that asks a public authority for a grant
    /// subscribes the contrat d'engagement républicain (respect of the laws
    /// of the Republic, of human dignity, of secularism in its dealings with
    /// the public …). A breach leads to the withdrawal of the grant and the
    /// repayment of the sums paid for the period after it. The convention
    /// should recall the commitment and what a breach entails, so that the
    /// association's officers know it when they sign.
    ///
    /// ## Example
    /// ```toml
    /// [[party]]
    /// id = "association"
    /// sector = "civil_society"
    ///
    /// [[funds.contribution]]
    /// party = "ville"
    /// kind = "financial"
    /// amount = 12000
    /// to = "association"
    /// # no [[clause]] of kind "republican_commitment"
    /// ```
    ///
    /// ## Fix
    /// ```toml
    /// [[clause]]
    /// kind = "republican_commitment"
    /// title = "Contrat d'engagement républicain"
    /// text = "L'Association rappelle avoir souscrit le contrat d'engagement républicain prévu à l'article 10-1 de la loi n° 2000-321 du 12 avril 2000. Tout manquement entraîne le retrait de la subvention et le reversement des sommes versées au titre de la période postérieure au manquement."
    /// ```
    pub struct RepublicanCommitment {
        code: F003,
        name: "republican-commitment",
        family: FrenchLaw,
        levels: Levels::all(Level::Info),
        summary: "a public grant to an association or foundation and no `[[clause]]` of kind `republican_commitment` (unless signed before 2 January 2022)",
        help: "add a [[clause]] with `kind = \"republican_commitment\"` recalling the contrat d'engagement républicain and what a breach entails (loi n° 2000-321, art. 10-1)",
    }
}

impl Rule for RepublicanCommitment {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if !applies(cx) || cx.doc.may_have_clause(ClauseKind::RepublicanCommitment) {
            return;
        }
        if crate::due::signing_date(cx.doc).is_some_and(|d| d < date(2022, 1, 2)) {
            return;
        }
        // Each beneficiary, with the givers of its grants in file order.
        let mut found: Vec<(&str, Vec<String>)> = Vec::new();
        for g in public_grants(cx.doc) {
            if !cx
                .doc
                .party(g.beneficiary)
                .is_some_and(is_association_or_foundation)
            {
                continue;
            }
            match found.iter_mut().find(|(b, _)| *b == g.beneficiary) {
                Some((_, givers)) if !givers.iter().any(|x| x == g.giver) => {
                    givers.push(g.giver.to_string())
                }
                Some(_) => {}
                None => found.push((g.beneficiary, vec![g.giver.to_string()])),
            }
        }
        for (beneficiary, givers) in found {
            let span = cx.doc.party(beneficiary).map(|p| p.span);
            out.push(Self::META.found(
                span.unwrap_or(cx.header()),
                Found::CommitmentNotRecalled {
                    beneficiary: beneficiary.to_string(),
                    givers,
                },
            ));
        }
    }
}
