use std::collections::BTreeMap;

use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::model::{Document, Signature};
use crate::rules::lifecycle::Found;
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That each party's latest signature carries the fingerprint of the
    /// current terms (`pacte fingerprint FILE`). The latest signature is the
    /// one with the latest `date`, ties going to the one written last;
    /// earlier signatures are history and are not checked. One finding per
    /// party. The terms are everything in the file except `[[signature]]`,
    /// `[tracking]`, `[[waiver]]`, `[meta]` and the convention's `status` and
    /// `terminated_on`.
    ///
    /// ## Why it matters
    /// A signature commits a party to the exact text it signed. If an amount,
    /// a date or a clause changed afterwards, the file no longer says what
    /// that party agreed to: a partner, a treasurer or a court could be shown
    /// terms nobody signed. The fingerprint catches any such change, even a
    /// single figure, so that the partners either sign the new terms (an
    /// amendment) or restore the signed ones.
    ///
    /// ## Example
    /// ```toml
    /// [funds]
    /// budget = 45000   # was 42000 when the Ville signed
    ///
    /// [[signature]]
    /// party = "ville"
    /// name = "Claire Roche"
    /// date = 2026-01-30
    /// fingerprint = "sha256:5f1c…"   # the fingerprint of the terms with 42000
    /// ```
    ///
    /// ## Fix
    /// If the change was not agreed, restore the signed terms. If it was,
    /// have the party sign the new terms, usually through an amendment, and
    /// record that signature with the current fingerprint:
    /// ```toml
    /// [[signature]]
    /// party = "ville"
    /// name = "Claire Roche"
    /// date = 2026-05-05
    /// amendment = "A1"
    /// fingerprint = "sha256:…"   # copied from `pacte fingerprint FILE`
    /// ```
    pub struct SignatureMismatch {
        code: L004,
        name: "signature-mismatch",
        family: Lifecycle,
        levels: Levels::all(Level::Error),
        summary: "a party's latest signature does not carry the current terms' fingerprint: the terms changed after it signed",
        help: "restore the signed terms, or have the party sign the current ones (`pacte fingerprint FILE` gives the fingerprint)",
    }
}

/// Each party's latest signature (latest `date`, ties to the later one in
/// the file), among those with a valid party, date and fingerprint, for the
/// parties of the convention. Ordered by party id.
pub fn latest_signatures(doc: &Document) -> BTreeMap<&str, &Signature> {
    let mut latest: BTreeMap<&str, &Signature> = BTreeMap::new();
    for sig in doc.signatures.items() {
        let (Some(party), Some(date), true) = (
            sig.party.get(),
            sig.date.get(),
            sig.fingerprint.is_present(),
        ) else {
            continue;
        };
        if doc.party(party).is_none() {
            continue;
        }
        let replace = latest
            .get(party.as_str())
            .is_none_or(|prev| prev.date.get().is_some_and(|d| date >= d));
        if replace {
            latest.insert(party.as_str(), sig);
        }
    }
    latest
}

impl Rule for SignatureMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let latest = latest_signatures(cx.doc);
        if latest.is_empty() {
            return;
        }
        let current = cx.fingerprint();
        for (party, sig) in latest {
            let (Some(fp), Some(date)) = (sig.fingerprint.spanned(), sig.date.get()) else {
                continue;
            };
            if fp.value.trim().eq_ignore_ascii_case(current) {
                continue;
            }
            out.push(Self::META.found(
                fp.span,
                Found::SignedOtherTerms {
                    party: party.to_string(),
                    signed_on: *date,
                    fingerprint: current.to_string(),
                },
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Field, Party, Spanned};
    use crate::source::Span;

    fn ok<T>(value: T, at: usize) -> Field<T> {
        Field::Ok(Spanned {
            value,
            span: Span::new(at, at + 1),
        })
    }

    fn sig(party: &str, date: &str, at: usize) -> Signature {
        Signature {
            party: ok(party.into(), at),
            date: ok(date.parse().unwrap(), at),
            fingerprint: ok(format!("sha256:{at:064}"), at),
            ..Signature::default()
        }
    }

    #[test]
    fn latest_by_date_ties_to_the_later_one() {
        let party = |id: &str| Party {
            id: ok(id.into(), 0),
            ..Party::default()
        };
        let doc = Document {
            parties: ok(vec![party("ville"), party("theatre")], 0),
            signatures: ok(
                vec![
                    sig("ville", "2026-05-05", 1),
                    sig("ville", "2026-01-30", 2),
                    sig("theatre", "2026-01-30", 3),
                    sig("theatre", "2026-01-30", 4),
                    sig("inconnu", "2026-01-30", 5),
                ],
                0,
            ),
            ..Document::default()
        };
        let latest = latest_signatures(&doc);
        let at: Vec<(&str, usize)> = latest
            .iter()
            .map(|(p, s)| (*p, s.date.span().unwrap().start))
            .collect();
        assert_eq!(at, vec![("theatre", 4), ("ville", 1)]);
    }
}
