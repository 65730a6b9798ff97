use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::rules::clauses::{missing_keys, table, Found, GovernanceKey, Required};
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That a `gestion` convention (joint management of a facility or
    /// programme) describes its governance in a `[governance]` table: the
    /// `board` (its seats, party by party), the `officers` (president,
    /// treasurer…), how the board deliberates (`deliberations`) and who
    /// manages day to day (`management`). One finding names what is missing.
    /// The action plan is checked separately (C013). Other kinds do not need
    /// it (the rule is off for them unless `pacte.toml` turns it on).
    ///
    /// ## Why it matters
    /// A facility run jointly needs a board that meets, votes and answers for
    /// it, for years. Who sits on it, who presides and holds the accounts,
    /// how decisions are taken and who runs things between meetings must be
    /// settled in the agreement itself: otherwise the first disagreement
    /// reopens the whole arrangement, and no one can say who may sign a
    /// contract or hire staff on behalf of the partnership.
    ///
    /// ## Example
    /// ```toml
    /// [governance]
    /// board = [
    ///   { party = "ville", seats = 3 },
    ///   { party = "theatre", seats = 3 },
    /// ]
    /// # no officers, deliberations or management
    /// ```
    ///
    /// ## Fix
    /// ```toml
    /// [governance]
    /// board = [
    ///   { party = "ville", seats = 3, women = 2 },
    ///   { party = "theatre", seats = 3, women = 1 },
    /// ]
    /// officers = "Une présidence tournante chaque année ; le trésorier est désigné par la Ville"
    /// deliberations = "Le conseil délibère à la majorité des deux tiers des sièges ; quorum de la moitié"
    /// management = "Une directrice salariée du Théâtre assure la gestion courante"
    /// action_plan = "Plan d'action triennal adopté par le conseil chaque automne"
    /// ```
    pub struct MissingGovernance {
        code: C012,
        name: "missing-governance",
        family: Clauses,
        levels: Levels::PerKind([Level::Off, Level::Error, Level::Off, Level::Off]),
        summary: "`[governance]` lacks `board`, `officers`, `deliberations` or `management`",
        help: "add a [governance] table with `board`, `officers`, `deliberations` and `management`",
    }
}

impl Rule for MissingGovernance {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(g) = table(
            &cx.doc.governance,
            &Self::META,
            cx,
            Found::NoGovernanceTable,
            out,
        ) else {
            return;
        };
        let keys = [
            Required::of(GovernanceKey::Board, &g.board),
            Required::of(GovernanceKey::Officers, &g.officers),
            Required::of(GovernanceKey::Deliberations, &g.deliberations),
            Required::of(GovernanceKey::Management, &g.management),
        ];
        if let Some((span, keys)) = missing_keys(g.span, &keys) {
            out.push(Self::META.found(span, Found::GovernanceLacks { keys }));
        }
    }
}
