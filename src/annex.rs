//! Reading an annex file named by `[[annex]] ref`: the one call path of L007
//! and of `pacte sign` (which records the missing `sha256`).

use std::path::Path;

/// The SHA-256 (lowercase hex) of the annex file `reference` names,
/// relative to `base_dir` (the convention's folder).
pub fn sha256(base_dir: &Path, reference: &str) -> std::io::Result<String> {
    let bytes = std::fs::read(base_dir.join(reference))?;
    Ok(crate::fingerprint::sha256_hex(&bytes))
}
