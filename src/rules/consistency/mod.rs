//! K — consistency: figures, dates and items that must agree.

use crate::rules::Rule;

/// The family's rules, in code order.
pub static RULES: &[&dyn Rule] = &[];
