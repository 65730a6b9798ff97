//! The words of the consistency rules' findings.

use crate::diagnostic::Words;
use crate::rules::consistency::Found;

pub(super) fn words(found: &Found) -> Words {
    match *found {}
}
