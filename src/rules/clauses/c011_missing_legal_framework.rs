use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::rules::clauses::Found;
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That a `gestion` convention (joint management of a facility or
    /// programme) states its legal basis: `convention.legal_framework`, the
    /// "Vu …" of the agreement. Other kinds do not need it (the rule is off
    /// for them unless `pacte.toml` turns it on).
    ///
    /// ## Why it matters
    /// Managing a facility or a public programme together commits public
    /// money and often public staff over several years. The texts that allow
    /// it (the local government code, the law on associations, a delegation
    /// by the assembly) must be cited so that the prefecture's legality check
    /// and the partners' lawyers can see the agreement rests on solid ground.
    /// A joint management without a stated basis is easily challenged.
    ///
    /// ## Example
    /// ```toml
    /// [convention]
    /// id = "maison-des-associations"
    /// kind = "gestion"
    /// # no legal_framework
    /// ```
    ///
    /// ## Fix
    /// ```toml
    /// [convention]
    /// id = "maison-des-associations"
    /// kind = "gestion"
    /// legal_framework = """
    /// Vu le code général des collectivités territoriales, notamment son article L. 1111-4 ;
    /// Vu la délibération n° 2026-014 du conseil municipal du 26 janvier 2026.
    /// """
    /// ```
    pub struct MissingLegalFramework {
        code: C011,
        name: "missing-legal-framework",
        family: Clauses,
        levels: Levels::PerKind([Level::Off, Level::Error, Level::Off, Level::Off]),
        summary: "no `convention.legal_framework`",
        help: "add `legal_framework = \"…\"` to [convention]: the texts the agreement rests on (\"Vu …\")",
    }
}

impl Rule for MissingLegalFramework {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let framework = &cx.doc.convention.legal_framework;
        if framework.is_absent() {
            out.push(Self::META.found(framework.span_or(cx.header()), Found::NoLegalFramework));
        }
    }
}
