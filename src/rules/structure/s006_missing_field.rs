use crate::declare_rule;
use crate::diagnostic::Level;
use crate::rules::{Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That each item has the keys FORMAT.md requires of it: a party its
    /// `id`, `name` and `sector`; an objective its `id` and `text`; a
    /// milestone its `id`, `title` and `due`; a contribution its `party` or
    /// `source` and `kind` (and `amount` when financial); a signature its
    /// `party`, `name`, `date` and `fingerprint`; `currency` as soon as the
    /// file holds an amount; `convention.start` for a periodic report and
    /// `convention.end` for a report due after the end. An empty text or an
    /// empty list counts as missing.
    ///
    /// ## Why it matters
    /// An item without its identifying keys cannot be referred to, tracked or
    /// rendered: a milestone without a due date never falls due.
    ///
    /// ## Example
    /// ```toml
    /// [[milestone]]
    /// id = "M1"
    /// title = "Dépôt du dossier"   # `due` is missing
    /// ```
    ///
    /// ## Fix
    /// Add the missing key to the item shown.
    pub struct MissingField {
        code: S006,
        name: "missing-field",
        family: Structure,
        levels: Levels::all(Level::Error),
        summary: "a required key of FORMAT.md whose reporter is S006 is missing",
        help: "add the missing key to the item shown",
    }
}

impl Rule for MissingField {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }
}
