//! Reading an annex file named by `[[annex]] ref`: the one call path of L007
//! and of `pacte sign` (which records the missing `sha256`). Only a regular
//! file inside the workspace root is read ([`crate::workspace`]).

use std::path::Path;

use crate::workspace::{sha256_inside, Refusal, ANNEX_LIMIT};

/// The SHA-256 (lowercase hex) of the annex file `reference` names,
/// relative to `base_dir` (the convention's folder), read only when it is a
/// regular file inside `workspace_root`.
pub fn sha256(workspace_root: &Path, base_dir: &Path, reference: &str) -> Result<String, Refusal> {
    sha256_inside(workspace_root, &base_dir.join(reference), ANNEX_LIMIT)
}
