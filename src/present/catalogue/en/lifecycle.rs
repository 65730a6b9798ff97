//! The words of the lifecycle rules' findings.

use crate::diagnostic::Words;
use crate::rules::lifecycle::Found;

pub(super) fn words(found: &Found) -> Words {
    match *found {}
}
