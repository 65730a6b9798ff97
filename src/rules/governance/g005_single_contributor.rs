use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::rules::governance::Found;
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// Whether every contribution made by a party (`[[funds.contribution]]`
    /// with `party`, of any kind: financial, in kind, services, staff) comes
    /// from the same party. Contributions from a `source` (ticket sales, a
    /// Région, a sponsor) are left out.
    ///
    /// ## Why it matters
    /// A partnership pools resources: each partner brings money, premises,
    /// equipment, staff time or know-how. When only one partner contributes,
    /// the agreement is really a funding relationship, and a grant agreement
    /// (convention d'objectifs, subvention) may be the better instrument, with
    /// its own rules. Often the others do contribute, in kind or in staff
    /// time, and simply writing it down gives a truer picture to the
    /// treasurer and to elected officials.
    ///
    /// ## Example
    /// ```toml
    /// [[funds.contribution]]
    /// party = "ville"
    /// kind = "financial"
    /// amount = 30000
    /// # the theatre and the association bring nothing
    /// ```
    ///
    /// ## Fix
    /// Record what the other partners bring:
    /// ```toml
    /// [[funds.contribution]]
    /// party = "theatre"
    /// kind = "in_kind"
    /// amount = 6000
    /// description = "Mise à disposition de la salle et du matériel"
    /// ```
    pub struct SingleContributor {
        code: G005,
        name: "single-contributor",
        family: Governance,
        levels: Levels::PerKind([Level::Info, Level::Info, Level::Info, Level::Off]),
        summary: "parties make contributions (of any kind) and all contributions made by parties come from one party (contributions from a `source` are ignored): a funding relationship rather than pooled resources",
        help: "record the other partners' contributions too (money, premises, equipment, staff time), or consider a grant agreement instead",
    }
}

impl Rule for SingleContributor {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(funds) = cx.doc.funds.spanned() else {
            return;
        };
        // With fewer than two parties there is no one else to contribute:
        // C002 reports that.
        if cx.doc.parties.items().len() < 2 {
            return;
        }
        let mut contributor: Option<&str> = None;
        for c in funds.value.contributions.items() {
            if !c.source.is_absent() {
                continue;
            }
            if c.party.is_invalid() {
                return;
            }
            let Some(party) = c.party.get() else {
                continue;
            };
            match contributor {
                None => contributor = Some(party),
                Some(p) if p == party => {}
                Some(_) => return,
            }
        }
        if let Some(party) = contributor {
            out.push(Self::META.found(
                funds.span,
                Found::SingleContributor {
                    party: party.to_string(),
                },
            ));
        }
    }
}
