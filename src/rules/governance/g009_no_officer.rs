use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::rules::governance::Found;
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That the convention has an `[officer]`: the named partnership officer
    /// ("chargé de partenariat") who follows the agreement.
    ///
    /// ## Why it matters
    /// An agreement that nobody is in charge of is signed and then forgotten:
    /// reports are late, meetings are not convened, payments wait for a
    /// document nobody asked for. Naming one person, with a party and an
    /// email, tells every partner, treasurer and elected official whom to ask.
    ///
    /// ## Example
    /// ```toml
    /// [[role]]
    /// party = "theatre"
    /// responsibilities = ["Coordination générale"]
    /// coordinator = true
    /// # no [officer]
    /// ```
    ///
    /// ## Fix
    /// ```toml
    /// [officer]
    /// name = "Karim Benali"
    /// party = "theatre"
    /// email = "partenariats@theatre-des-pentes.fr"
    /// ```
    pub struct NoOfficer {
        code: G009,
        name: "no-officer",
        family: Governance,
        levels: Levels::all(Level::Info),
        summary: "no `[officer]`: each agreement should have a named partnership officer",
        help: "add an [officer] table with the `name`, `party` and `email` of the person who follows the partnership",
    }
}

impl Rule for NoOfficer {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if cx.doc.officer.is_absent() {
            out.push(Self::META.found(cx.doc.officer.span_or(cx.header()), Found::NoOfficer));
        }
    }
}
