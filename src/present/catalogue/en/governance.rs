//! The words of the governance rules' findings.

use rust_decimal::Decimal;

use crate::diagnostic::Words;
use crate::present::catalogue::shares::{percent, plain};
use crate::rules::governance::{Found, MajorityRule};

pub(super) fn words(found: &Found) -> Words {
    match found {
        Found::OfficerIsRepresentative {
            officer,
            party,
            title,
        } => {
            let title = title.as_ref().map(|t| format!(" ({t})")).unwrap_or_default();
            Words::new(format!(
                "the partnership officer, {officer}, is also the representative of `{party}`{title}"
            ))
        }
        Found::DominantVotes {
            party,
            votes,
            total,
            body,
            rule,
        } => {
            let why = match rule {
                MajorityRule::QualifiedMajority { threshold } => format!(
                    "enough to reach the qualified majority of {}% alone",
                    percent(*threshold, Decimal::ONE)
                ),
                MajorityRule::Majority => "enough to carry a majority vote alone".to_string(),
            };
            Words::new(format!(
                "party `{party}` holds {}% of the votes of the {} ({} of {}), {why}",
                percent(*votes, *total),
                body.as_deref().unwrap_or("decision body"),
                plain(*votes),
                plain(*total),
            ))
            .help(match rule {
                MajorityRule::QualifiedMajority { .. } => {
                    "give the other members more votes or raise the `threshold` above this party's share, so that no party decides alone"
                }
                MajorityRule::Majority => {
                    "give the other members more votes, or decide by consensus or a qualified majority, so that no party decides alone"
                }
            })
        }
        Found::DominantSeats {
            party,
            seats,
            total,
        } => Words::new(format!(
            "party `{party}` holds {}% of the voting seats on the board ({} of {})",
            percent(*seats, *total),
            plain(*seats),
            plain(*total),
        ))
        .help(
            "give the other partners more voting seats, or record why this party must hold the majority in a [[waiver]]",
        ),
        Found::SignatoryNotRepresentative {
            party,
            signatory,
            representative,
        } => {
            let who = match party {
                Some(id) => format!("`{id}`"),
                None => "a party".to_string(),
            };
            Words::new(format!(
                "the signatory of {who}, {signatory}, is not its representative ({representative}) and has no `mandate`"
            ))
        }
        Found::MinutesFalse { body } => Words::new(format!(
            "`minutes = false`: the decisions of the {} leave no written record",
            body.as_deref().unwrap_or("decision body")
        )),
        Found::NoMinutes => Words::new("the decision process does not say that minutes are kept"),
        Found::SingleContributor { party } => Words::new(format!(
            "every contribution made by a party comes from `{party}`: the other partners bring nothing"
        )),
        Found::FewWomen { women, seats } => Words::new(format!(
            "women hold {}% of the party seats on the board ({women} of {seats})",
            percent(Decimal::from(*women), Decimal::from(*seats))
        )),
        Found::NoCommunicationPlan => {
            Words::new("this management convention has no [communication] plan")
        }
        Found::NoConflictResolution => Words::new(
            "the decision process does not say how disagreements between partners are settled",
        ),
        Found::NoOfficer => Words::new("the convention names no partnership officer"),
        Found::PublicSignatoryWithoutMandate { party, signatory } => {
            let who = match party {
                Some(id) => format!("public party `{id}`"),
                None => "a public party".to_string(),
            };
            Words::new(match signatory {
                Some(name) => format!("the signatory of {who}, {name}, has no `mandate`"),
                None => format!("the signatory of {who} has no `mandate`"),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn a_dominant_member_reads_with_its_share() {
        let w = words(&Found::DominantVotes {
            party: "ville".into(),
            votes: d("2"),
            total: d("3"),
            body: None,
            rule: MajorityRule::QualifiedMajority {
                threshold: d("0.6"),
            },
        });
        assert_eq!(
            w.message,
            "party `ville` holds 66.67% of the votes of the decision body (2 of 3), enough to reach the qualified majority of 60% alone"
        );
        assert!(w.help.unwrap().contains("raise the `threshold`"));
    }
}
