use rust_decimal::Decimal;

use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::model::{Decision, DecisionRule, Document, Field, Seat};
use crate::rules::governance::{Found, MajorityRule};
use crate::rules::{Context, Levels, Rule, RuleMeta};
use crate::source::Span;

declare_rule! {
    /// ## What it checks
    /// That no single party can decide alone:
    ///
    /// - in the decision body (`[decision]`): the members are `members` (by
    ///   default every party), each weighing its `votes` entry (1 when not
    ///   listed). It fires for a party holding more than half of the votes
    ///   when `rule = "majority"`, or at least the `threshold` when
    ///   `rule = "qualified_majority"`. Consensus and unanimity give every
    ///   partner a veto: never a finding.
    /// - on the board (`[governance] board`, for management conventions): it
    ///   fires for a party holding more than half of the voting seats (seats
    ///   with `voting = false` are not counted; seats with a `label` count in
    ///   the total but belong to no party).
    ///
    /// One finding per party and per body, giving the party's share.
    ///
    /// ## Why it matters
    /// A partner that holds the majority on its own turns the others into
    /// advisers: the joint body only records its decisions. Partners commit
    /// money and staff on the understanding that they will have a say, and an
    /// elected official or a funder will ask whether the partnership is real or
    /// a dependency. Sometimes the imbalance is intended (the law reserves the
    /// majority of a board to public bodies): then record it with a
    /// `[[waiver]]` and its reason.
    ///
    /// ## Example
    /// ```toml
    /// [decision]
    /// body = "Comité de pilotage"
    /// members = ["theatre", "musique", "ville"]
    /// votes = { ville = 3 }      # ville 3, theatre 1, musique 1: 60%
    /// rule = "majority"
    /// ```
    ///
    /// ## Fix
    /// Balance the votes, or decide by consensus:
    /// ```toml
    /// [decision]
    /// body = "Comité de pilotage"
    /// members = ["theatre", "musique", "ville"]
    /// votes = { ville = 2 }      # ville 2 of 4: 50%, not a majority alone
    /// rule = "majority"
    /// ```
    /// or, when the imbalance is required:
    /// ```toml
    /// [[waiver]]
    /// rule = "G002"
    /// reason = "La loi réserve la majorité des sièges aux personnes publiques"
    /// ```
    pub struct DominantMember {
        code: G002,
        name: "dominant-member",
        family: Governance,
        levels: Levels::PerKind([Level::Warning, Level::Warning, Level::Warning, Level::Off]),
        summary: "one party holds more than half the votes of the decision body (rule `majority`, or `qualified_majority` with a threshold at or below its share), or more than half of the voting board seats (gestion); one finding per party and body, giving its share",
        help: "rebalance the votes or seats so that no single party decides alone, or record the reason in a [[waiver]]",
    }
}

/// One member of a body with its weight, and where to point at it.
#[derive(Debug, PartialEq)]
pub(crate) struct Holding<'a> {
    pub party: &'a str,
    pub weight: Decimal,
    pub span: Span,
}

/// The members of the decision body and their weights, in order; `None`
/// when they cannot be known (an invalid `members`, `votes` or weight).
pub(crate) fn decision_weights<'a>(
    decision: &'a Decision,
    doc: &'a Document,
) -> Option<Vec<Holding<'a>>> {
    let members: Vec<(&str, Span)> = match &decision.members {
        Field::Ok(list) => {
            let mut seen: Vec<(&str, Span)> = Vec::new();
            for m in &list.value {
                if !seen.iter().any(|(id, _)| *id == m.value) {
                    seen.push((&m.value, m.span));
                }
            }
            seen
        }
        Field::Absent | Field::Empty(_) => doc.party_ids().map(|id| (id, decision.span)).collect(),
        Field::Invalid(_) => return None,
    };
    let votes = match &decision.votes {
        Field::Ok(map) => map.value.as_slice(),
        Field::Absent | Field::Empty(_) => &[],
        Field::Invalid(_) => return None,
    };
    let mut out = Vec::with_capacity(members.len());
    for (party, member_span) in members {
        let holding = match votes.iter().find(|(k, _)| k.value == party) {
            Some((key, Field::Ok(w))) => Holding {
                party,
                weight: w.value,
                span: key.span,
            },
            Some(_) => return None,
            None => Holding {
                party,
                weight: Decimal::ONE,
                span: member_span,
            },
        };
        out.push(holding);
    }
    Some(out)
}

/// Whether `weight` out of `total` lets one member decide alone under `rule`
/// (with `threshold` for a qualified majority). Exact.
pub(crate) fn decides_alone(
    weight: Decimal,
    total: Decimal,
    rule: DecisionRule,
    threshold: Option<Decimal>,
) -> bool {
    if total <= Decimal::ZERO {
        return false;
    }
    match rule {
        DecisionRule::Majority => weight
            .checked_mul(Decimal::TWO)
            .is_some_and(|twice| twice > total),
        DecisionRule::QualifiedMajority => threshold
            .and_then(|t| t.checked_mul(total))
            .is_some_and(|needed| needed <= weight),
        DecisionRule::Consensus | DecisionRule::Unanimity => false,
    }
}

/// The voting seats per party (in order of first seat group, pointing at
/// it) and the total of voting seats; `None` when a seat group has an
/// invalid `seats` or `voting`.
pub(crate) fn voting_seats(board: &[Seat]) -> Option<(Vec<Holding<'_>>, Decimal)> {
    let mut total = Decimal::ZERO;
    let mut parties: Vec<Holding<'_>> = Vec::new();
    for seat in board {
        if seat.voting.is_invalid() {
            return None;
        }
        if !seat.voting() {
            continue;
        }
        let n = Decimal::from(*seat.seats.get()?);
        total += n;
        if let Some(party) = seat.party.get() {
            match parties.iter_mut().find(|h| h.party == party) {
                Some(h) => h.weight += n,
                None => parties.push(Holding {
                    party,
                    weight: n,
                    span: seat.span,
                }),
            }
        }
    }
    Some((parties, total))
}

impl Rule for DominantMember {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if let Some(decision) = cx.doc.decision.get() {
            check_decision(decision, cx.doc, out);
        }
        if let Some(board) = cx.doc.governance.get().and_then(|g| g.board.get()) {
            check_board(board, out);
        }
    }
}

fn check_decision(decision: &Decision, doc: &Document, out: &mut Vec<Finding>) {
    let Some(rule) = decision.rule.get().copied() else {
        return;
    };
    let threshold = decision.threshold.get().copied();
    // A qualified majority without a threshold lets no one decide alone
    // (K010 reports the missing threshold).
    let majority = match (rule, threshold) {
        (DecisionRule::Majority, _) => MajorityRule::Majority,
        (DecisionRule::QualifiedMajority, Some(threshold)) => {
            MajorityRule::QualifiedMajority { threshold }
        }
        _ => return,
    };
    let Some(weights) = decision_weights(decision, doc) else {
        return;
    };
    let Some(total) = weights
        .iter()
        .try_fold(Decimal::ZERO, |sum, h| sum.checked_add(h.weight))
    else {
        return;
    };
    for h in &weights {
        if !decides_alone(h.weight, total, rule, threshold) {
            continue;
        }
        out.push(DominantMember::META.found(
            h.span,
            Found::DominantVotes {
                party: h.party.to_string(),
                votes: h.weight,
                total,
                body: decision.body.get().cloned(),
                rule: majority,
            },
        ));
    }
}

fn check_board(board: &[Seat], out: &mut Vec<Finding>) {
    let Some((parties, total)) = voting_seats(board) else {
        return;
    };
    for h in &parties {
        if decides_alone(h.weight, total, DecisionRule::Majority, None) {
            out.push(DominantMember::META.found(
                h.span,
                Found::DominantSeats {
                    party: h.party.to_string(),
                    seats: h.weight,
                    total,
                },
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::test_ok as ok;
    use crate::model::{Party, Spanned};

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn at<T>(value: T, start: usize) -> Spanned<T> {
        Spanned {
            value,
            span: Span {
                start,
                end: start + 1,
            },
        }
    }

    fn doc(ids: &[&str]) -> Document {
        Document {
            parties: ok(ids
                .iter()
                .map(|id| Party {
                    id: ok(id.to_string()),
                    ..Party::default()
                })
                .collect()),
            ..Document::default()
        }
    }

    #[test]
    fn majority_needs_more_than_half() {
        let m = DecisionRule::Majority;
        assert!(decides_alone(d("3"), d("5"), m, None));
        assert!(!decides_alone(d("2"), d("4"), m, None));
        assert!(decides_alone(d("2.01"), d("4.01"), m, None));
        assert!(!decides_alone(d("0"), d("0"), m, None));
    }

    #[test]
    fn qualified_majority_fires_at_the_threshold() {
        let q = DecisionRule::QualifiedMajority;
        assert!(decides_alone(d("2"), d("3"), q, Some(d("0.66"))));
        assert!(!decides_alone(d("2"), d("3"), q, Some(d("0.67"))));
        assert!(decides_alone(d("0.66"), d("1"), q, Some(d("0.66"))));
        // No threshold: K010 reports it, nothing to compare.
        assert!(!decides_alone(d("9"), d("10"), q, None));
    }

    #[test]
    fn consensus_and_unanimity_never_fire() {
        assert!(!decides_alone(
            d("9"),
            d("10"),
            DecisionRule::Consensus,
            None
        ));
        assert!(!decides_alone(
            d("9"),
            d("10"),
            DecisionRule::Unanimity,
            None
        ));
    }

    #[test]
    fn weights_default_to_one_and_ignore_non_members() {
        let doc = doc(&["ville", "theatre", "musique"]);
        let decision = Decision {
            members: ok(vec![
                at("ville".to_string(), 10),
                at("theatre".to_string(), 20),
            ]),
            votes: ok(vec![
                (at("ville".to_string(), 30), ok(d("3"))),
                (at("musique".to_string(), 40), ok(d("5"))),
            ]),
            ..Decision::default()
        };
        let w = decision_weights(&decision, &doc).unwrap();
        assert_eq!(w.len(), 2);
        assert_eq!(
            (w[0].party, w[0].weight, w[0].span.start),
            ("ville", d("3"), 30)
        );
        assert_eq!(
            (w[1].party, w[1].weight, w[1].span.start),
            ("theatre", d("1"), 20)
        );
    }

    #[test]
    fn members_default_to_every_party() {
        let doc = doc(&["ville", "theatre", "musique"]);
        let decision = Decision {
            votes: ok(vec![(at("ville".to_string(), 30), ok(d("2")))]),
            ..Decision::default()
        };
        let w = decision_weights(&decision, &doc).unwrap();
        let total: Decimal = w.iter().map(|h| h.weight).sum();
        assert_eq!(total, d("4"));
    }

    #[test]
    fn an_invalid_weight_silences_the_body() {
        let doc = doc(&["ville", "theatre"]);
        let decision = Decision {
            votes: ok(vec![(
                at("ville".to_string(), 30),
                Field::Invalid(Span::default()),
            )]),
            ..Decision::default()
        };
        assert_eq!(decision_weights(&decision, &doc), None);
    }

    fn seat(party: Option<&str>, seats: i64, voting: Option<bool>) -> Seat {
        Seat {
            party: party.map_or(Field::Absent, |p| ok(p.to_string())),
            label: if party.is_none() {
                ok("Personnalités qualifiées".to_string())
            } else {
                Field::Absent
            },
            seats: ok(seats),
            voting: voting.map_or(Field::Absent, ok),
            ..Seat::default()
        }
    }

    #[test]
    fn board_counts_voting_seats_and_labels_in_the_total() {
        let board = [
            seat(Some("ville"), 3, None),
            seat(Some("theatre"), 2, None),
            seat(None, 2, Some(false)),
            seat(None, 1, None),
            seat(Some("ville"), 1, Some(false)),
        ];
        let (parties, total) = voting_seats(&board).unwrap();
        assert_eq!(total, d("6"));
        assert_eq!(parties[0].weight, d("3"));
        // 3 of 6 voting seats: exactly half, not a majority.
        assert!(!decides_alone(
            parties[0].weight,
            total,
            DecisionRule::Majority,
            None
        ));
    }

    #[test]
    fn board_seats_of_one_party_add_up() {
        let board = [
            seat(Some("ville"), 2, None),
            seat(Some("theatre"), 2, None),
            seat(Some("ville"), 1, None),
        ];
        let (parties, total) = voting_seats(&board).unwrap();
        assert_eq!(
            (parties[0].party, parties[0].weight, total),
            ("ville", d("3"), d("5"))
        );
    }
}
