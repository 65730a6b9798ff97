//! The words of the structure rules' findings.

use crate::diagnostic::Words;
use crate::rules::structure::Found;

pub(super) fn words(found: &Found) -> Words {
    match *found {}
}
