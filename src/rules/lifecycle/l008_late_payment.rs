use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::due::DueKind;
use crate::model::Status;
use crate::rules::lifecycle::Found;
use crate::rules::{Context, Levels, Rule, RuleMeta};

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

impl Rule for LatePayment {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if !matches!(cx.status, Status::Signed | Status::Active) {
            return;
        }
        let currency = cx.doc.convention.currency.get().copied();
        for item in cx.due_items() {
            if item.kind != DueKind::Disbursement || !item.followed || !item.is_overdue() {
                continue;
            }
            let (Some(from), Some(amount)) = (&item.owner, item.amount) else {
                continue;
            };
            out.push(Self::META.found(
                item.span,
                Found::InstallmentLate {
                    id: item.id.clone(),
                    from: from.clone(),
                    amount,
                    currency,
                    due: item.due,
                    days_late: crate::due::days_between(item.due, cx.as_of),
                },
            ));
        }
    }
}
