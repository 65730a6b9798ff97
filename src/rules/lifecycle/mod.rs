//! L — lifecycle: what falls due, signatures and annexes, relative to the as-of date.

use crate::rules::Rule;

/// The family's rules, in code order.
pub static RULES: &[&dyn Rule] = &[];
