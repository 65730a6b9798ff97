//! S — structure: the file is read exactly as FORMAT.md defines it. Always errors.

mod found;
pub use found::{
    Expected, Found, IdShape, Item, NumberFault, NumberHint, NumberLimit, Referent, SyntaxProblem,
    ValueType, YearFound,
};

pub mod s001_parse_error;
pub mod s002_unknown_key;
pub mod s003_invalid_value;
pub mod s004_duplicate_id;
pub mod s005_unknown_reference;
pub mod s006_missing_field;
pub mod s007_not_a_convention;

use crate::rules::Rule;

/// The family's rules, in code order.
pub static RULES: &[&dyn Rule] = &[
    &s001_parse_error::ParseError,
    &s002_unknown_key::UnknownKey,
    &s003_invalid_value::InvalidValue,
    &s004_duplicate_id::DuplicateId,
    &s005_unknown_reference::UnknownReference,
    &s006_missing_field::MissingField,
    &s007_not_a_convention::NotAConvention,
];
