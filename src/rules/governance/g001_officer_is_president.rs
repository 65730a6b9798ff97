use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::rules::governance::Found;
use crate::rules::{same_name, Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That the partnership officer (`[officer]`) is not the representative of
    /// their own party, i.e. the head of its executive (the mayor, the
    /// president of the association). Names are compared ignoring case,
    /// accents and repeated spaces.
    ///
    /// ## Why it matters
    /// The partnership officer follows the agreement day to day: convenes the
    /// meetings, chases the reports, answers the partners' questions. The head
    /// of the executive signs and arbitrates, but rarely has the time for that
    /// follow-up; naming them as officer usually means nobody actually does it.
    /// Partners also lose a working contact distinct from the person who
    /// decides.
    ///
    /// ## Example
    /// ```toml
    /// [[party]]
    /// id = "theatre"
    /// representative = { name = "Sophie Lambert", title = "Présidente" }
    ///
    /// [officer]
    /// name = "Sophie Lambert"
    /// party = "theatre"
    /// ```
    ///
    /// ## Fix
    /// Name a member of staff or a volunteer who will follow the partnership:
    /// ```toml
    /// [officer]
    /// name = "Karim Benali"
    /// party = "theatre"
    /// email = "partenariats@theatre-des-pentes.fr"
    /// ```
    pub struct OfficerIsPresident {
        code: G001,
        name: "officer-is-president",
        family: Governance,
        levels: Levels::all(Level::Warning),
        summary: "the officer is their party's representative: the partnership officer should be someone other than the head of the executive",
        help: "name as officer someone other than the head of the executive, who will follow the partnership day to day",
    }
}

impl Rule for OfficerIsPresident {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(officer) = cx.doc.officer.get() else {
            return;
        };
        let (Some(name), Some(party_id)) = (officer.name.spanned(), officer.party.get()) else {
            return;
        };
        let Some(party) = cx.doc.party(party_id) else {
            return;
        };
        let Some(rep) = party.representative.get() else {
            return;
        };
        let Some(rep_name) = rep.name.get() else {
            return;
        };
        if same_name(&name.value, rep_name) {
            out.push(Self::META.found(
                name.span,
                Found::OfficerIsRepresentative {
                    officer: name.value.clone(),
                    party: party_id.clone(),
                    title: rep.title.get().cloned(),
                },
            ));
        }
    }
}
