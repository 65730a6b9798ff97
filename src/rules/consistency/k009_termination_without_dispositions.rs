use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::model::Kind;
use crate::rules::consistency::Found;
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That `[termination]` says what becomes of the common resources when
    /// the convention ends or is terminated:
    /// - for a `realisation` or a `protocole`: at least one of `assets`
    ///   (equipment, works, rights acquired together), `surplus` and
    ///   `deficit`;
    /// - for a `gestion`: each of `assets`, `staff`, `surplus` and `deficit`
    ///   (one finding lists those missing); only `assets` and `staff` when
    ///   `budget = 0` (no money changes hands).
    ///
    /// (No `[termination]` at all is C009.)
    ///
    /// ## Why it matters
    /// Ending a partnership is when disagreements are sharpest. Who keeps
    /// the equipment bought together, who repays a deficit, who gets the
    /// surplus, and what happens to staff assigned to a jointly managed
    /// facility must be settled while everyone still agrees, not when a
    /// partner walks out. A treasurer cannot close the accounts without it.
    ///
    /// ## Example
    /// ```toml
    /// [termination]
    /// notice_days = 60
    /// grounds = ["Accord des parties"]
    /// # nothing about assets, surplus or deficit
    /// ```
    ///
    /// ## Fix
    /// ```toml
    /// [termination]
    /// notice_days = 60
    /// grounds = ["Accord des parties"]
    /// assets = "Le matériel acquis revient au Théâtre des Pentes"
    /// surplus = "Un excédent est reversé au prorata des contributions financières"
    /// deficit = "Un déficit est supporté par les parties au prorata de leurs contributions"
    /// ```
    pub struct TerminationWithoutDispositions {
        code: K009,
        name: "termination-without-dispositions",
        family: Consistency,
        levels: Levels::PerKind([Level::Warning, Level::Error, Level::Warning, Level::Warning]),
        summary: "`[termination]` gives none of `assets`, `surplus`, `deficit` (gestion: each of `assets`, `staff`, `surplus`, `deficit` is required, only `assets` and `staff` with `budget = 0`)",
        help: "say in [termination] what becomes of the assets (`assets = \"…\"`), a surplus (`surplus = \"…\"`) and a deficit (`deficit = \"…\"`)",
    }
}

impl Rule for TerminationWithoutDispositions {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(t) = cx.doc.termination.spanned() else {
            return; // C009
        };
        let span = t.span;
        let t = &t.value;
        // With `budget = 0` no money changes hands: no surplus, no deficit.
        let no_money = cx
            .doc
            .funds
            .get()
            .and_then(|f| f.budget.get())
            .is_some_and(|b| b.is_zero());
        if cx.kind == Kind::Gestion {
            let missing: Vec<&'static str> = [
                ("assets", t.assets.is_absent()),
                ("staff", t.staff.is_absent()),
                ("surplus", t.surplus.is_absent() && !no_money),
                ("deficit", t.deficit.is_absent() && !no_money),
            ]
            .into_iter()
            .filter(|(_, absent)| *absent)
            .map(|(k, _)| k)
            .collect();
            if !missing.is_empty() {
                out.push(Self::META.found(span, Found::GestionDispositionsMissing { missing }));
            }
        } else if t.assets.is_absent() && t.surplus.is_absent() && t.deficit.is_absent() {
            out.push(Self::META.found(span, Found::NoDisposition));
        }
    }
}
