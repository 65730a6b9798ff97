use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::model::Seat;
use crate::rules::governance::Found;
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// When every party seat group of `[governance] board` gives `women`,
    /// that women hold at least 40% of the party seats. Seat groups with a
    /// `label` (seats held by others) are not counted. Silent when a party
    /// seat group does not give `women`.
    ///
    /// ## Why it matters
    /// The board of a jointly managed facility decides on its programme,
    /// budget and staff for years. Many public funders and the law for several
    /// public boards expect a balanced representation of women and men (40% is
    /// the usual floor). Seeing the balance at drafting time lets each partner
    /// adjust its nominations before they are made, rather than after a
    /// funder asks.
    ///
    /// ## Example
    /// ```toml
    /// [governance]
    /// board = [
    ///   { party = "ville", seats = 3, women = 1 },
    ///   { party = "theatre", seats = 3, women = 1 },
    /// ]
    /// ```
    /// (2 women out of 6 party seats: 33%)
    ///
    /// ## Fix
    /// ```toml
    /// [governance]
    /// board = [
    ///   { party = "ville", seats = 3, women = 2 },
    ///   { party = "theatre", seats = 3, women = 1 },
    /// ]
    /// ```
    pub struct BoardGenderBalance {
        code: G006,
        name: "board-gender-balance",
        family: Governance,
        levels: Levels::all(Level::Info),
        summary: "every party seat group of the board gives `women`, and women hold under 40% of those seats",
        help: "ask the partners to nominate more women, so that they hold at least 40% of the party seats",
    }
}

/// Women and seats over the party seat groups, when every one of them gives
/// valid `seats` and `women` (and there is at least one).
pub(crate) fn party_seats(board: &[Seat]) -> Option<(i64, i64)> {
    let mut women = 0i64;
    let mut seats = 0i64;
    let mut groups = 0;
    for seat in board.iter().filter(|s| !s.party.is_absent()) {
        let (Some(n), Some(w)) = (seat.seats.get(), seat.women.get()) else {
            return None;
        };
        seats = seats.checked_add(*n)?;
        women = women.checked_add(*w)?;
        groups += 1;
    }
    (groups > 0 && seats > 0).then_some((women, seats))
}

/// Under 40%: women / seats < 2 / 5, exactly.
pub(crate) fn under_forty_percent(women: i64, seats: i64) -> bool {
    i128::from(women) * 5 < i128::from(seats) * 2
}

impl Rule for BoardGenderBalance {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(governance) = cx.doc.governance.get() else {
            return;
        };
        let Some(board) = governance.board.spanned() else {
            return;
        };
        let Some((women, seats)) = party_seats(&board.value) else {
            return;
        };
        if !under_forty_percent(women, seats) {
            return;
        }
        let (Ok(women), Ok(seats)) = (usize::try_from(women), usize::try_from(seats)) else {
            return; // the decoder never gives negative seats
        };
        out.push(Self::META.found(board.span, Found::FewWomen { women, seats }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::test_ok as ok;
    use crate::model::Field;

    fn group(party: Option<&str>, seats: i64, women: Option<i64>) -> Seat {
        Seat {
            party: party.map_or(Field::Absent, |p| ok(p.to_string())),
            label: if party.is_none() {
                ok("Personnalités qualifiées".to_string())
            } else {
                Field::Absent
            },
            seats: ok(seats),
            women: women.map_or(Field::Absent, ok),
            ..Seat::default()
        }
    }

    #[test]
    fn forty_percent_is_the_floor() {
        assert!(!under_forty_percent(2, 5));
        assert!(under_forty_percent(1, 3));
        assert!(!under_forty_percent(4, 10));
        assert!(under_forty_percent(39, 100));
        assert!(!under_forty_percent(0, 0));
    }

    #[test]
    fn label_groups_do_not_count() {
        let board = [
            group(Some("ville"), 3, Some(1)),
            group(Some("theatre"), 2, Some(1)),
            group(None, 4, None),
        ];
        assert_eq!(party_seats(&board), Some((2, 5)));
    }

    #[test]
    fn a_party_group_without_women_silences_the_rule() {
        let board = [
            group(Some("ville"), 3, Some(0)),
            group(Some("theatre"), 2, None),
        ];
        assert_eq!(party_seats(&board), None);
    }

    #[test]
    fn no_party_group_gives_nothing() {
        assert_eq!(party_seats(&[group(None, 4, Some(0))]), None);
    }
}
