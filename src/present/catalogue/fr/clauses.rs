//! The words of the clauses rules' findings.

use crate::diagnostic::Words;
use crate::rules::clauses::Found;

pub(super) fn words(found: &Found) -> Words {
    match *found {}
}
