//! Public grants as FORMAT.md defines them (revision 1.1): beneficiary,
//! public grant, budget years and annual amount. The F rules judge these;
//! computed with exact decimals, never rounded.

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::model::{
    Allocation, ContributionKind, ContributionStatus, Document, Field, Party, PartyForm, Sector,
};
use crate::source::Span;

/// One public grant: a granted contribution with an amount and a
/// beneficiary, from a public party to a party that is not public.
#[derive(Clone, Debug, PartialEq)]
pub struct Grant<'a> {
    pub giver: &'a str,
    pub beneficiary: &'a str,
    pub amount: Decimal,
    /// The budget year (`contribution.year`), when given.
    pub year: Option<i64>,
    /// Of kind `financial` (else the valuation of in-kind, service or staff).
    pub financial: bool,
    /// For a determined action or expense (not `allocation = "operating"`).
    pub project: bool,
    /// The `[[funds.contribution]]` table.
    pub span: Span,
}

/// The public grants of one giver to one beneficiary, in file order.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair<'a> {
    pub giver: &'a str,
    pub beneficiary: &'a str,
    pub grants: Vec<Grant<'a>>,
}

/// The valid sector and form of a party; `None` when either is invalid
/// (S003): such a party takes part in no F rule.
fn standing(p: &Party) -> Option<(Sector, Option<PartyForm>)> {
    if p.form.is_invalid() {
        return None;
    }
    Some((*p.sector.get()?, p.form.get().copied()))
}

/// An association or foundation: `form` says so, or, without `form`, the
/// sector is `civil_society`.
pub fn is_association_or_foundation(p: &Party) -> bool {
    match standing(p) {
        Some((_, Some(form))) => matches!(form, PartyForm::Association | PartyForm::Foundation),
        Some((sector, None)) => sector == Sector::CivilSociety,
        None => false,
    }
}

/// Every public grant of the convention, in file order.
pub fn public_grants(doc: &Document) -> Vec<Grant<'_>> {
    let Some(funds) = doc.funds.get() else {
        return Vec::new();
    };
    let holder = funds.holder.get().map(String::as_str);
    let mut out = Vec::new();
    for c in funds.contributions.items() {
        let Some(giver) = c.party.get().map(String::as_str) else {
            continue;
        };
        let status = match &c.status {
            Field::Ok(s) => s.value,
            Field::Absent | Field::Empty(_) => ContributionStatus::Granted,
            Field::Invalid(_) => continue,
        };
        let allocation = match &c.allocation {
            Field::Ok(a) => a.value,
            Field::Absent | Field::Empty(_) => Allocation::Project,
            Field::Invalid(_) => continue,
        };
        let (Some(kind), Some(&amount)) = (c.kind.get(), c.amount.get()) else {
            continue;
        };
        if status != ContributionStatus::Granted || c.year.is_invalid() {
            continue;
        }
        // The beneficiary: `to`, else the holder when it is another party.
        let beneficiary = match &c.to {
            Field::Ok(to) => Some(to.value.as_str()),
            Field::Invalid(_) => None,
            _ => holder.filter(|h| *h != "each" && *h != giver),
        };
        let Some(beneficiary) = beneficiary.filter(|b| *b != giver) else {
            continue;
        };
        let (Some(g), Some(b)) = (doc.party(giver), doc.party(beneficiary)) else {
            continue;
        };
        let (Some((gs, _)), Some((bs, _))) = (standing(g), standing(b)) else {
            continue;
        };
        if gs != Sector::Public || bs == Sector::Public {
            continue;
        }
        out.push(Grant {
            giver,
            beneficiary,
            amount,
            year: c.year.get().copied(),
            financial: *kind == ContributionKind::Financial,
            project: allocation == Allocation::Project,
            span: c.span,
        });
    }
    out
}

/// The grants grouped per giver and beneficiary, in order of first appearance.
pub fn pairs<'a>(grants: impl IntoIterator<Item = Grant<'a>>) -> Vec<Pair<'a>> {
    let mut out: Vec<Pair<'a>> = Vec::new();
    for g in grants {
        match out
            .iter_mut()
            .find(|p| p.giver == g.giver && p.beneficiary == g.beneficiary)
        {
            Some(p) => p.grants.push(g),
            None => out.push(Pair {
                giver: g.giver,
                beneficiary: g.beneficiary,
                grants: vec![g],
            }),
        }
    }
    out
}

/// The number of years of the period: `max(1, ceil(M / 12))` where M is the
/// smallest number of months such that `addm(start, M)` is after `end`; 1
/// without `start` or `end` (or with an inverted period).
pub fn period_years(start: Option<Date>, end: Option<Date>) -> i64 {
    let (Some(start), Some(end)) = (start, end) else {
        return 1;
    };
    if end < start {
        return 1;
    }
    // Whole years first, then month by month (at most 12 steps).
    let mut months = (i32::from(end.year()) - i32::from(start.year())).max(0) * 12;
    months = (months - 12).max(0);
    while crate::schedule::add_months(start, months).is_some_and(|d| d <= end) {
        months += 1;
    }
    ((i64::from(months) + 11) / 12).max(1)
}

impl Pair<'_> {
    /// Whether every grant carries `year`.
    fn yearly(&self) -> bool {
        self.grants.iter().all(|g| g.year.is_some())
    }

    /// The budget years: the `year`s when every grant carries one; else the
    /// years of the period ending with the year of `end` (none without `end`).
    pub fn budget_years(&self, doc: &Document) -> Vec<i64> {
        if self.yearly() {
            let mut years: Vec<i64> = self.grants.iter().filter_map(|g| g.year).collect();
            years.sort_unstable();
            years.dedup();
            return years;
        }
        let c = &doc.convention;
        let (start, end) = (c.start.get().copied(), c.end.get().copied());
        let Some(end) = end else {
            return Vec::new();
        };
        let n = period_years(start, Some(end));
        let last = i64::from(end.year());
        (last - n + 1..=last).collect()
    }

    /// The annual amount: with `year` on every grant, the largest sum over
    /// one year; otherwise the sum divided by the years of the period, exactly.
    pub fn annual_amount(&self, doc: &Document) -> Decimal {
        if self.yearly() {
            let mut best = Decimal::ZERO;
            for y in self.budget_years(doc) {
                let sum: Decimal = self
                    .grants
                    .iter()
                    .filter(|g| g.year == Some(y))
                    .map(|g| g.amount)
                    .sum();
                best = best.max(sum);
            }
            return best;
        }
        let c = &doc.convention;
        let n = period_years(c.start.get().copied(), c.end.get().copied());
        let sum: Decimal = self.grants.iter().map(|g| g.amount).sum();
        sum / Decimal::from(n)
    }

    /// The same pair over some of its grants only (none: `None`).
    pub fn only(&self, keep: impl Fn(&Grant<'_>) -> bool) -> Option<Self> {
        let grants: Vec<Grant<'_>> = self.grants.iter().filter(|g| keep(g)).cloned().collect();
        (!grants.is_empty()).then(|| Pair {
            grants,
            ..self.clone()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use std::str::FromStr;

    fn doc(contributions: &str, holder: &str) -> Document {
        let text = format!(
            r#"
[convention]
id = "c"
start = 2026-01-01
end = 2028-12-31
currency = "EUR"

[[party]]
id = "dep"
name = "Département"
sector = "public"

[[party]]
id = "asso"
name = "Association"
sector = "civil_society"

[[party]]
id = "firm"
name = "Société"
sector = "private"
form = "company"

[funds]
budget = 1
holder = "{holder}"
{contributions}
"#
        );
        let parsed = crate::parse::parse(&text, crate::value::Syntax::Toml);
        let (doc, findings) =
            crate::decode::decode(&parsed.root.unwrap(), crate::value::Syntax::Toml);
        assert!(findings.is_empty(), "{findings:?}");
        doc
    }

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn beneficiary_is_to_else_the_holder_else_none() {
        let c = |extra: &str| {
            format!(
                "[[funds.contribution]]\nparty = \"dep\"\nkind = \"financial\"\namount = 100\n{extra}"
            )
        };
        let g = |doc: &Document| {
            public_grants(doc)
                .iter()
                .map(|g| g.beneficiary.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(g(&doc(&c("to = \"firm\""), "asso")), ["firm"]);
        assert_eq!(g(&doc(&c(""), "asso")), ["asso"]);
        assert!(g(&doc(&c(""), "each")).is_empty());
        assert!(g(&doc(&c(""), "dep")).is_empty());
        // Requested, or from a private party: no public grant.
        assert!(g(&doc(&c("status = \"requested\""), "asso")).is_empty());
        let private = "[[funds.contribution]]\nparty = \"firm\"\nkind = \"financial\"\namount = 100\nto = \"asso\"";
        assert!(g(&doc(private, "asso")).is_empty());
        // An in-kind valuation is a grant too, not a financial one.
        let kind = "[[funds.contribution]]\nparty = \"dep\"\nkind = \"in_kind\"\namount = 100";
        let doc_kind = doc(kind, "asso");
        let grants = public_grants(&doc_kind);
        assert_eq!(grants.len(), 1);
        assert!(!grants[0].financial);
    }

    #[test]
    fn annual_amounts_are_exact() {
        let three = |a: &str, b: &str, c: &str, years: bool| {
            let y = |n: u32| {
                if years {
                    format!("year = {n}\n")
                } else {
                    String::new()
                }
            };
            format!(
                "[[funds.contribution]]\nparty = \"dep\"\nkind = \"financial\"\namount = {a}\n{}\
                 [[funds.contribution]]\nparty = \"dep\"\nkind = \"financial\"\namount = {b}\n{}\
                 [[funds.contribution]]\nparty = \"dep\"\nkind = \"financial\"\namount = {c}\n{}",
                y(2026),
                y(2027),
                y(2028)
            )
        };
        let annual = |text: String| {
            let doc = doc(&text, "asso");
            let p = pairs(public_grants(&doc));
            assert_eq!(p.len(), 1);
            (p[0].annual_amount(&doc), p[0].budget_years(&doc))
        };
        // Divided by the three years of the period, exactly.
        let (a, years) = annual(three("23000", "23000", "23000.01", false));
        assert_eq!(a, d("69000.01") / d("3"));
        assert!(a > d("23000"));
        assert_eq!(years, [2026, 2027, 2028]);
        assert_eq!(
            annual(three("24000", "22500", "22500", false)).0,
            d("23000")
        );
        // With `year`: the largest year.
        assert_eq!(annual(three("24000", "22500", "22500", true)).0, d("24000"));
    }

    #[test]
    fn years_of_the_period() {
        let y = |a, b| period_years(Some(a), Some(b));
        assert_eq!(y(date(2026, 1, 1), date(2026, 12, 31)), 1);
        assert_eq!(y(date(2026, 1, 1), date(2028, 12, 31)), 3);
        // One day more than three years: a fourth year begins.
        assert_eq!(y(date(2026, 1, 1), date(2029, 1, 1)), 4);
        assert_eq!(y(date(2026, 2, 1), date(2026, 11, 30)), 1);
        assert_eq!(y(date(2026, 7, 1), date(2027, 6, 30)), 1);
        assert_eq!(y(date(2026, 7, 1), date(2027, 7, 1)), 2);
        assert_eq!(period_years(None, Some(date(2026, 1, 1))), 1);
        assert_eq!(y(date(2026, 1, 1), date(2025, 1, 1)), 1);
    }
}
