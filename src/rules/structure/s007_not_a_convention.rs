use crate::declare_rule;
use crate::diagnostic::Level;
use crate::rules::{Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That a file named on the command line is a convention: its top level
    /// has a `convention` table. (Files found by walking a folder that are
    /// not conventions are skipped silently.)
    ///
    /// ## Why it matters
    /// Naming a file asks for it to be checked: a typo in the path or a
    /// missing `[convention]` header must not pass as "no findings".
    ///
    /// ## Example
    /// ```toml
    /// # conventions/festival.toml, with no [convention] table
    /// [[party]]
    /// id = "ville"
    /// ```
    ///
    /// ## Fix
    /// Add the `[convention]` table (with at least `id`), or do not name the
    /// file.
    pub struct NotAConvention {
        code: S007,
        name: "not-a-convention",
        family: Structure,
        levels: Levels::all(Level::Error),
        summary: "a path named on the command line has no `convention` table",
        help: "add a [convention] table, or do not name this file",
    }
}

impl Rule for NotAConvention {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }
}
