//! What the rules of this family find, as data: one variant per kind of
//! finding, with the values it found. The sentences are written by the
//! catalogue of each language (`src/present/catalogue/<lang>/clauses.rs`).

/// A finding of this family, as data.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {}
