//! The words of the governance rules' findings.

use crate::diagnostic::Words;
use crate::rules::governance::Found;

pub(super) fn words(found: &Found) -> Words {
    match *found {}
}
