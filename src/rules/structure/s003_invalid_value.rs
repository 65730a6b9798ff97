use crate::declare_rule;
use crate::diagnostic::{Finding, Level};
use crate::rules::structure::Found;
use crate::rules::{Context, Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That every value has the type, form and range FORMAT.md gives it: a
    /// text where a text is expected, one of the listed values for `kind`,
    /// `status`, `sector`…, dates as `YYYY-MM-DD` (no time, no offset), ids
    /// as slugs, ISO 4217 currency codes, amounts non-negative with no more
    /// decimals than the currency has (EUR 2, XOF 0, TND 3), shares between 0
    /// and 1, whole numbers where counts are expected, and no number beyond
    /// 2^53. A waiver cannot name a structure rule or K014.
    ///
    /// ## Why it matters
    /// A value that is not what it claims to be cannot be compared, summed or
    /// rendered: `amount = "30 000"` is a text, not thirty thousand euros.
    ///
    /// ## Example
    /// ```toml
    /// [[party]]
    /// id = "ville"
    /// sector = "publique"      # expected "public", "private" or "civil_society"
    /// ```
    ///
    /// ## Fix
    /// Write the value in the form the message gives.
    pub struct InvalidValue {
        code: S003,
        name: "invalid-value",
        family: Structure,
        levels: Levels::all(Level::Error),
        summary: "wrong type; value outside its set or range; bad date, slug, currency or amount",
        help: "write the value in the form the message gives",
    }
}

impl Rule for InvalidValue {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// Type and range errors are reported by the reader; here, waivers of
    /// rules that cannot be waived.
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for w in cx.doc.waivers.items() {
            let Some(rule) = w.rule.spanned() else {
                continue;
            };
            let Some(found) = crate::rules::find(&rule.value) else {
                continue;
            };
            let m = found.meta();
            if m.code.is_structure() || m.code == crate::rules::Code::K014 {
                out.push(Self::META.found(
                    rule.span,
                    Found::NotWaivable {
                        code: m.code,
                        name: m.name,
                    },
                ));
            }
        }
    }
}
