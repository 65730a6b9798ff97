//! C — required clauses: the articles every partnership convention carries.

use crate::rules::Rule;

pub mod c001_missing_title;

/// The family's rules, in code order.
pub static RULES: &[&dyn Rule] = &[&c001_missing_title::MissingTitle];
