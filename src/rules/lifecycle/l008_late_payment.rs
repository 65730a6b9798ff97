use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::due::DueKind;
use crate::model::Status;
use crate::rules::{Context, Levels, Rule, RuleMeta, Violation};

declare_rule! {
    /// ## What it checks
    /// For a convention that is `signed` or `active`: that every scheduled
    /// disbursement (`[[funds.disbursement]]`) due before the as-of date is
    /// paid, for a party whose payments the file follows, that is, which
    /// has at least one `[[tracking.payment]]` dated on or before the as-of
    /// date. A disbursement is due on its `date` (on the signing date when
    /// it is earlier), or, with `after`, once the milestone or report it
    /// names is met. A party's payments are matched to its disbursements in
    /// the order of their dates by running totals: a disbursement is paid
    /// when the party's payments, summed, reach the sum of its disbursements
    /// up to this one. One finding per unpaid disbursement.
    ///
    /// ## Why it matters
    /// An association usually advances the costs of the action and waits
    /// for the funder's installments: a late installment is a cash-flow
    /// problem that the coordinator must raise with the funder early. A
    /// party with no payment recorded at all is not judged: the file does
    /// not follow its payments.
    ///
    /// ## Example
    /// ```toml
    /// [convention]
    /// status = "active"
    ///
    /// [[funds.disbursement]]
    /// date = 2026-03-15
    /// amount = 15000
    /// from = "ville"
    ///
    /// [[funds.disbursement]]
    /// date = 2026-07-01
    /// amount = 15000
    /// from = "ville"
    ///
    /// [[tracking.payment]]
    /// date = 2026-03-28
    /// amount = 15000
    /// from = "ville"
    /// # as of 2026-09-01, the second installment is 62 days late
    /// ```
    ///
    /// ## Fix
    /// Record the payment when it arrives:
    /// ```toml
    /// [[tracking.payment]]
    /// date = 2026-09-10
    /// amount = 15000
    /// from = "ville"
    /// ```
    /// Until then, remind the funder of the installment.
    pub struct LatePayment {
        code: L008,
        name: "late-payment",
        family: Lifecycle,
        levels: Levels::all(Level::Warning),
        summary: "status `signed` or `active`; a disbursement due before the as-of date is not paid, and the file records payments from that party",
        help: "record the payment in `[[tracking.payment]]` when it arrives, or remind the funder",
    }
}

/// L008's finding: one unpaid disbursement.
#[derive(Debug, PartialEq)]
pub struct InstallmentLate {
    /// `D1`, `D2`, … in file order.
    pub id: String,
    pub from: String,
    pub amount: Decimal,
    pub currency: Option<String>,
    pub due: Date,
    pub days_late: i64,
}

impl Violation for InstallmentLate {
    fn message(&self) -> String {
        let amount = match &self.currency {
            Some(c) => format!("{} {c}", self.amount.normalize()),
            None => self.amount.normalize().to_string(),
        };
        format!(
            "disbursement `{}` of {amount} from `{}` was due on {} and is not paid: {} late",
            self.id,
            self.from,
            self.due,
            super::days(self.days_late)
        )
    }
    fn fix_title(&self) -> Option<String> {
        Some(format!(
            "when it arrives, record it: `[[tracking.payment]]` with `date`, `amount` and `from = \"{}\"`",
            self.from
        ))
    }
    fn french(&self) -> Option<(String, Option<String>)> {
        let number = crate::present::format::number(self.amount, crate::model::Lang::Fr);
        let amount = match &self.currency {
            Some(c) => format!("{number}\u{a0}{c}"),
            None => number,
        };
        Some((
            format!(
                "le versement `{}` de {amount} dû par `{}` le {} n\u{2019}est pas reçu\u{a0}: {} de retard",
                self.id,
                self.from,
                self.due,
                super::jours(self.days_late),
            ),
            Some(format!(
                "à réception, enregistrez-le\u{a0}: `[[tracking.payment]]` avec `date`, `amount` et `from = \"{}\"`",
                self.from
            )),
        ))
    }
}

impl Rule for LatePayment {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if !matches!(cx.status, Status::Signed | Status::Active) {
            return;
        }
        let currency = cx
            .doc
            .convention
            .currency
            .get()
            .map(|c| c.code().to_string());
        for item in cx.due_items() {
            if item.kind != DueKind::Disbursement || !item.followed || !item.is_overdue() {
                continue;
            }
            let (Some(from), Some(amount)) = (&item.owner, item.amount) else {
                continue;
            };
            let v = InstallmentLate {
                id: item.id.clone(),
                from: from.clone(),
                amount,
                currency: currency.clone(),
                due: item.due,
                days_late: crate::due::days_between(item.due, cx.as_of),
            };
            out.push(Self::META.violation(item.span, &v));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message() {
        let v = InstallmentLate {
            id: "D2".into(),
            from: "ville".into(),
            amount: Decimal::new(1500000, 2),
            currency: Some("EUR".into()),
            due: jiff::civil::date(2026, 7, 1),
            days_late: 62,
        };
        assert_eq!(
            v.message(),
            "disbursement `D2` of 15000 EUR from `ville` was due on 2026-07-01 and is not paid: 62 days late"
        );
        let (fr, _) = v.french().unwrap();
        assert_eq!(
            fr,
            "le versement `D2` de 15\u{202f}000\u{a0}EUR dû par `ville` le 2026-07-01 n\u{2019}est pas reçu\u{a0}: 62\u{a0}jours de retard"
        );
    }
}
