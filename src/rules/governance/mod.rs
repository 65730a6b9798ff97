//! G — partnership quality, from the guidance on sound partnerships.

use crate::rules::Rule;

/// The family's rules, in code order.
pub static RULES: &[&dyn Rule] = &[];
