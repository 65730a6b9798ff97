use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::rules::consistency::Found;
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That every party has at least one `[[role]]` (a role whose `party` is
    /// its id), when the convention defines roles at all. One finding per
    /// party without a role. A convention with no role at all is reported by
    /// C007 instead.
    ///
    /// ## Why it matters
    /// A partner that signs without any stated responsibility is a partner
    /// in name only: nobody can ask it to deliver anything, and the others
    /// may assume it does things it never agreed to. Elected officials and
    /// funders also read the roles to understand what each signatory brings.
    ///
    /// ## Example
    /// ```toml
    /// [[party]]
    /// id = "musique"
    /// name = "Musiques Croisées"
    ///
    /// [[role]]
    /// party = "theatre"
    /// responsibilities = ["Coordination générale"]
    /// # no role for "musique"
    /// ```
    ///
    /// ## Fix
    /// ```toml
    /// [[role]]
    /// party = "musique"
    /// responsibilities = ["Programmation musicale", "Recrutement des bénévoles"]
    /// ```
    pub struct PartyWithoutRole {
        code: K005,
        name: "party-without-role",
        family: Consistency,
        levels: Levels::PerKind([Level::Warning, Level::Warning, Level::Warning, Level::Off]),
        summary: "a party has no `[[role]]` (when some roles exist)",
        help: "add a [[role]] for this party with its responsibilities",
    }
}

impl Rule for PartyWithoutRole {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let roles = cx.doc.roles.items();
        if roles.is_empty() {
            return; // C007
        }
        // A set, so that many parties take linear time.
        let with_role: std::collections::HashSet<&String> =
            roles.iter().filter_map(|r| r.party.get()).collect();
        for party in cx.doc.parties.items() {
            let Some(id) = party.id.get() else { continue };
            if !with_role.contains(id) {
                out.push(Self::META.found(
                    party.span,
                    Found::PartyWithoutRole {
                        party: id.to_string(),
                    },
                ));
            }
        }
    }
}
