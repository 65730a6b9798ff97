use crate::declare_rule;
use crate::diagnostic::Level;
use crate::rules::{Levels, Rule, RuleMeta};

declare_rule! {
    /// ## What it checks
    /// That every key is one the format defines, in the table where it is
    /// written. The only free-form place is `[meta]`. YAML merge keys (`<<`)
    /// are unknown keys.
    ///
    /// ## Why it matters
    /// A misspelt key would silently drop a clause: `[termniation]` would
    /// leave the convention without its termination clause while the author
    /// believes it is there.
    ///
    /// ## Example
    /// ```toml
    /// [convention]
    /// titel = "Festival du campus"
    /// ```
    ///
    /// ## Fix
    /// Correct the key (the help line names the closest known key), or move
    /// free notes under `[meta]`.
    pub struct UnknownKey {
        code: S002,
        name: "unknown-key",
        family: Structure,
        levels: Levels::all(Level::Error),
        summary: "a key the format does not define",
        help: "correct the key, or move free notes under [meta]",
    }
}

impl Rule for UnknownKey {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }
}
