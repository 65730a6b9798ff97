//! The words of the french_law rules' findings.

use crate::diagnostic::Words;
use crate::rules::french_law::Found;

pub(super) fn words(found: &Found) -> Words {
    match *found {}
}
