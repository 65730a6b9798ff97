use crate::declare_rule;
use crate::diagnostic::Level;
use crate::rules::{Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That every `[[waiver]]` of the convention suppresses at least one
    /// finding: a waiver of a rule that did not fire, or that is turned off
    /// in `pacte.toml`, is reported (one finding per waiver).
    ///
    /// S rules and K014 itself cannot be waived.
    ///
    /// ## Why it matters
    /// A waiver records that the partners accepted a known gap on purpose,
    /// with its reason. Once the gap is closed, a waiver left in place no
    /// longer documents anything, and it silently hides the same problem
    /// if it comes back in a later amendment: a treasurer or an auditor
    /// would then never see it.
    ///
    /// ## Example
    /// ```toml
    /// [[waiver]]
    /// rule = "G002"   # no party holds a majority any more
    /// reason = "La loi réserve la majorité des sièges aux personnes publiques"
    /// ```
    ///
    /// ## Fix
    /// Remove the waiver:
    /// ```toml
    /// # [[waiver]] removed: the rule no longer fires
    /// ```
    pub struct UnusedWaiver {
        code: K014,
        name: "unused-waiver",
        family: Consistency,
        levels: Levels::all(Level::Warning),
        summary: "a `[[waiver]]` suppresses no finding",
        help: "remove the waiver, so that a future finding of this rule is not hidden",
    }
}

/// Reported by the check pipeline (`crate::check`), which alone knows which
/// waivers suppressed a finding.
impl Rule for UnusedWaiver {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }
}
