//! The words of the lifecycle rules' findings.

use rust_decimal::Decimal;

use crate::diagnostic::Words;
use crate::model::Currency;
use crate::rules::lifecycle::{AnnexProblem, Found};

pub(super) fn words(found: &Found) -> Words {
    match found {
        Found::MilestoneOverdue {
            milestone,
            title,
            due,
            days_late,
        } => {
            let title = title
                .as_deref()
                .map(|t| format!(" ({t})"))
                .unwrap_or_default();
            Words::new(format!(
                "milestone `{milestone}`{title} was due on {due} and is not recorded as done: {} overdue",
                days(*days_late)
            ))
            .help(format!(
                "if it was reached, record the date: `[tracking] milestones = {{ {milestone} = YYYY-MM-DD }}`; otherwise agree a new date by an amendment"
            ))
        }
        Found::ReportOverdue {
            report,
            kind,
            period,
            due,
            days_late,
        } => {
            let kind = kind.map(|k| format!(" ({k})")).unwrap_or_default();
            let period = period
                .map(|(s, e)| format!(" for the period {s} to {e}"))
                .unwrap_or_default();
            Words::new(format!(
                "report `{report}`{kind}{period} was due on {due} and no submission is recorded: {} overdue",
                days(*days_late)
            ))
            .help(format!(
                "send the report and record the date: `[tracking] reports = {{ {report} = [YYYY-MM-DD] }}`"
            ))
        }
        Found::Expired {
            end,
            days_ago,
            status,
        } => Words::new(format!(
            "the convention ended on {end} ({} ago) but its status is still `{status}`",
            days(*days_ago)
        )),
        Found::SignedOtherTerms {
            party,
            signed_on,
            fingerprint,
        } => Words::new(format!(
            "the terms changed since party `{party}` signed on {signed_on}: its signature's fingerprint is not that of the current terms"
        ))
        .help(format!(
            "restore the terms `{party}` signed, or have it sign the current ones: a new [[signature]] with `fingerprint = \"{fingerprint}\"`"
        )),
        Found::NotSigned {
            party,
            name,
            status,
        } => {
            let name = name
                .as_deref()
                .map(|n| format!(" ({n})"))
                .unwrap_or_default();
            Words::new(format!(
                "party `{party}`{name} has not signed, but the convention's status is `{status}`"
            ))
            .help(format!(
                "record its signature with `pacte sign FILE --party {party} --name NAME`, or write a [[signature]] with `party = \"{party}\"`, `name`, `date` and the `fingerprint` that `pacte fingerprint FILE` gives; or keep `status = \"draft\"` until it signs"
            ))
        }
        Found::ExpensesOverBudget {
            as_of,
            spent,
            budget,
            currency,
        } => Words::new(format!(
            "the expenses recorded up to {as_of} add up to {}, over the budget of {} by {}",
            money(*spent, *currency),
            money(*budget, *currency),
            money(spent - budget, *currency)
        )),
        Found::ExpensesOverLine {
            line,
            as_of,
            spent,
            amount,
            currency,
        } => Words::new(format!(
            "the expenses recorded against the budget line \"{line}\" up to {as_of} add up to {}, over its {} by {}",
            money(*spent, *currency),
            money(*amount, *currency),
            money(spent - amount, *currency)
        )),
        Found::AnnexUnverified { title, problem } => {
            let name = match title {
                Some(t) => format!("annex \"{t}\""),
                None => "an annex".to_string(),
            };
            match problem {
                AnnexProblem::NoReference => Words::new(format!(
                    "{name} has a `sha256` but no `ref`: there is no file to verify"
                ))
                .help(
                    "add `ref = \"annexes/….pdf\"`, the path of the annex file relative to the convention",
                ),
                AnnexProblem::Missing { reference } => Words::new(format!(
                    "{name}: the file `{reference}` is missing, so its `sha256` cannot be verified"
                )),
                AnnexProblem::NotRegularInside { reference } => Words::new(format!(
                    "{name}: `{reference}` is not a regular file inside the workspace root, so it is not read and its `sha256` cannot be verified"
                )),
                AnnexProblem::TooLarge {
                    reference,
                    limit_mb,
                } => Words::new(format!(
                    "{name}: the file `{reference}` is larger than {limit_mb} MB, so it is not read and its `sha256` cannot be verified"
                )),
                AnnexProblem::Unreadable { reference, error } => Words::new(format!(
                    "{name}: the file `{reference}` cannot be read ({error})"
                )),
                AnnexProblem::Changed { reference, actual } => Words::new(format!(
                    "{name}: the file `{reference}` changed since its `sha256` was recorded (it is now {actual})"
                )),
            }
        }
        Found::InstallmentLate {
            id,
            from,
            amount,
            currency,
            due,
            days_late,
        } => Words::new(format!(
            "disbursement `{id}` of {} from `{from}` was due on {due} and is not paid: {} late",
            money(*amount, *currency),
            days(*days_late)
        ))
        .help(format!(
            "when it arrives, record it: `[[tracking.payment]]` with `date`, `amount` and `from = \"{from}\"`"
        )),
    }
}

/// "1 day", "12 days".
fn days(n: i64) -> String {
    if n == 1 {
        "1 day".into()
    } else {
        format!("{n} days")
    }
}

/// An amount as written in the file, without its trailing zeros, and the
/// currency's code: `12000 EUR`, `0.25 EUR`.
fn money(amount: Decimal, currency: Option<Currency>) -> String {
    let a = amount.normalize();
    match currency {
        Some(c) => format!("{a} {}", c.code()),
        None => a.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    const EUR: Option<Currency> = Some(Currency {
        code: "EUR",
        minor_unit: 2,
    });

    #[test]
    fn amounts_lose_their_trailing_zeros() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert_eq!(money(d("12000.00"), EUR), "12000 EUR");
        assert_eq!(money(d("0.250"), EUR), "0.25 EUR");
        assert_eq!(money(d("300"), None), "300");
        assert_eq!(days(1), "1 day");
        assert_eq!(days(62), "62 days");
    }

    #[test]
    fn a_late_installment() {
        let w = words(&Found::InstallmentLate {
            id: "D2".into(),
            from: "ville".into(),
            amount: Decimal::new(1500000, 2),
            currency: EUR,
            due: jiff::civil::date(2026, 7, 1),
            days_late: 62,
        });
        assert_eq!(
            w.message,
            "disbursement `D2` of 15000 EUR from `ville` was due on 2026-07-01 and is not paid: 62 days late"
        );
    }

    /// The English words of findings the fixtures do not show.
    #[test]
    fn the_rarer_findings_read_as_before() {
        let r = || "annexes/budget.pdf".to_string();
        let annex = |title: Option<&str>, problem| Found::AnnexUnverified {
            title: title.map(str::to_string),
            problem,
        };
        let cases = [
            (
                Found::MilestoneOverdue {
                    milestone: "M1".into(),
                    title: None,
                    due: jiff::civil::date(2026, 3, 1),
                    days_late: 1,
                },
                "milestone `M1` was due on 2026-03-01 and is not recorded as done: 1 day overdue",
            ),
            (
                Found::ExpensesOverBudget {
                    as_of: jiff::civil::date(2026, 6, 15),
                    spent: Decimal::from(12500),
                    budget: Decimal::from(12000),
                    currency: EUR,
                },
                "the expenses recorded up to 2026-06-15 add up to 12500 EUR, over the budget of 12000 EUR by 500 EUR",
            ),
            (
                annex(None, AnnexProblem::NoReference),
                "an annex has a `sha256` but no `ref`: there is no file to verify",
            ),
            (
                annex(Some("Budget"), AnnexProblem::Missing { reference: r() }),
                "annex \"Budget\": the file `annexes/budget.pdf` is missing, so its `sha256` cannot be verified",
            ),
            (
                annex(None, AnnexProblem::NotRegularInside { reference: r() }),
                "an annex: `annexes/budget.pdf` is not a regular file inside the workspace root, so it is not read and its `sha256` cannot be verified",
            ),
            (
                annex(
                    None,
                    AnnexProblem::TooLarge {
                        reference: r(),
                        limit_mb: 64,
                    },
                ),
                "an annex: the file `annexes/budget.pdf` is larger than 64 MB, so it is not read and its `sha256` cannot be verified",
            ),
            (
                annex(
                    None,
                    AnnexProblem::Unreadable {
                        reference: r(),
                        error: "Permission denied (os error 13)".into(),
                    },
                ),
                "an annex: the file `annexes/budget.pdf` cannot be read (Permission denied (os error 13))",
            ),
        ];
        for (found, expected) in cases {
            assert_eq!(words(&found).message, expected);
        }
    }
}
