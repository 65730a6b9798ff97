//! `pacte sign`: records a `[[signature]]` of the current terms, keeping
//! the file's layout (see `crate::edit`).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _, Result};
use jiff::civil::Date;

use crate::config::Config;
use crate::diagnostic::Level;
use crate::edit::{self, Edit, Scalar};
use crate::load::{self, Loaded};
use crate::model::Status;
use crate::rules::lifecycle::l004_signature_mismatch::latest_signatures;

/// What `sign` is asked to record.
pub struct SignOptions {
    pub file: PathBuf,
    pub party: String,
    pub name: String,
    pub date: Date,
    pub place: Option<String>,
    pub amendment: Option<String>,
}

/// What `sign` did.
#[derive(Debug, PartialEq, Eq)]
pub struct Signed {
    pub fingerprint: String,
    /// Annex titles (or refs) whose `sha256` was recorded.
    pub annexes_hashed: Vec<String>,
    /// The status was set to `signed`.
    pub now_signed: bool,
    /// `--name` is not the party's signatory: the signatory's name.
    pub other_signatory: Option<String>,
}

fn load_text(path: &Path, text: String, config: &Config, as_of: Date) -> Result<Loaded> {
    let shown = path.display().to_string();
    load::checked(path, text.into_bytes(), config, as_of)
        .map_err(|e| anyhow::anyhow!(e.describe(&shown)))
}

/// Signs; writes nothing unless every check passes.
pub fn sign(opts: &SignOptions, config: &Config) -> Result<Signed> {
    let path = &opts.file;
    let shown = path.display().to_string();
    if !path.is_file() {
        bail!("{shown}: no such file");
    }
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {shown}"))?;
    let text = String::from_utf8(bytes).map_err(|_| anyhow::anyhow!("{shown}: not UTF-8 text"))?;
    let before = load_text(path, text.clone(), config, opts.date).map_err(|e| {
        anyhow::anyhow!("{e}: fix the structure errors first (`pacte check {shown}`)")
    })?;
    let doc = &before.doc;
    let Some(party) = doc.party(&opts.party) else {
        let ids: Vec<&str> = doc.party_ids().collect();
        bail!(
            "{shown}: no party `{}` (the parties are: {})",
            opts.party,
            ids.join(", ")
        );
    };
    let other_signatory = party
        .signatory
        .get()
        .and_then(|s| s.name.get())
        .filter(|n| !crate::rules::same_name(n, &opts.name))
        .cloned();
    if let Some(a) = &opts.amendment {
        if !doc.amendments.items().iter().any(|x| x.id.get() == Some(a)) {
            bail!("{shown}: no [[amendment]] with id `{a}`");
        }
    }
    // The first signature freezes the annexes: their missing `sha256` first.
    let base_dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let workspace_root = crate::workspace::root(base_dir, config.path.as_deref());
    let mut annex_edits = Vec::new();
    let mut annexes_hashed = Vec::new();
    if doc.signatures.items().is_empty() {
        for (index, annex) in doc.annexes.items().iter().enumerate() {
            if annex.sha256.is_present() {
                continue;
            }
            let Some(reference) = annex.reference.get() else {
                continue;
            };
            if !base_dir.join(reference).is_file() {
                continue; // a description, not a file
            }
            let hash = crate::annex::sha256(&workspace_root, base_dir, reference).map_err(|e| {
                anyhow::anyhow!("{shown}: cannot read the annex `{reference}`: {e}")
            })?;
            annex_edits.push(Edit::AddToItem {
                array: "annex".into(),
                index,
                key: "sha256".into(),
                value: Scalar::Text(hash),
            });
            annexes_hashed.push(
                annex
                    .title
                    .get()
                    .cloned()
                    .unwrap_or_else(|| reference.clone()),
            );
        }
    }
    let frozen = if annex_edits.is_empty() {
        before
    } else {
        let t = edit::apply(&text, before.syntax, &before.root, &annex_edits)
            .with_context(|| format!("{shown}: cannot record the annexes' sha256"))?;
        load_text(path, t, config, opts.date)?
    };
    let fingerprint = frozen.fingerprint.clone();
    let latest = latest_signatures(&frozen.doc);
    if latest
        .get(opts.party.as_str())
        .and_then(|s| s.fingerprint.get())
        .is_some_and(|fp| fp.trim().eq_ignore_ascii_case(&fingerprint))
    {
        bail!(
            "{shown}: party `{}` has already signed these terms ({fingerprint})",
            opts.party
        );
    }
    let all_signed = frozen.doc.party_ids().all(|p| {
        p == opts.party
            || latest
                .get(p)
                .and_then(|s| s.fingerprint.get())
                .is_some_and(|fp| fp.trim().eq_ignore_ascii_case(&fingerprint))
    });
    let now_signed = all_signed && frozen.doc.convention.status() == Status::Draft;
    let mut entries = vec![
        ("party".to_string(), Scalar::Text(opts.party.clone())),
        ("name".to_string(), Scalar::Text(opts.name.clone())),
        ("date".to_string(), Scalar::Date(opts.date)),
    ];
    if let Some(p) = &opts.place {
        entries.push(("place".into(), Scalar::Text(p.clone())));
    }
    if let Some(a) = &opts.amendment {
        entries.push(("amendment".into(), Scalar::Text(a.clone())));
    }
    entries.push(("fingerprint".into(), Scalar::Text(fingerprint.clone())));
    let mut edits = vec![Edit::AppendItem {
        array: "signature".into(),
        entries,
    }];
    if now_signed {
        edits.push(Edit::SetConvention {
            key: "status".into(),
            value: Scalar::Text("signed".into()),
        });
    }
    let new_text = edit::apply(&frozen.text, frozen.syntax, &frozen.root, &edits)
        .with_context(|| format!("{shown}: cannot add the signature"))?;
    // Judge the file about to be written, at the status it will have.
    let after = load_text(path, new_text, config, opts.date)
        .map_err(|e| anyhow::anyhow!("{e} (in the signed file: nothing written)"))?;
    let blocking: Vec<_> = after
        .report
        .diagnostics
        .iter()
        .filter(|d| {
            d.severity == Level::Error
                && matches!(d.code.as_str().chars().next(), Some('C' | 'K' | 'F'))
        })
        .collect();
    if let Some(d) = blocking.first() {
        let at = match d.line {
            Some(l) => format!("{shown}:{l}"),
            None => shown.clone(),
        };
        bail!(
            "{at}: {} [{}]; {} error{} to fix before signing (`pacte check {shown}`), nothing written",
            d.words(crate::model::Lang::En).message,
            d.code,
            blocking.len(),
            if blocking.len() == 1 { "" } else { "s" }
        );
    }
    let carried = latest_signatures(&after.doc)
        .get(opts.party.as_str())
        .and_then(|s| s.fingerprint.get())
        .is_some_and(|fp| fp.trim() == after.fingerprint);
    if after.fingerprint != fingerprint || !carried {
        bail!("{shown}: the signed file would not carry the signed terms; nothing written");
    }
    write_atomically(path, after.text.as_bytes())?;
    Ok(Signed {
        fingerprint,
        annexes_hashed,
        now_signed,
        other_signatory,
    })
}

/// Writes through a temporary file in the same folder, then renames it.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let shown = path.display();
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("cannot write next to {shown}"))?;
    tmp.write_all(bytes)
        .with_context(|| format!("cannot write {shown}"))?;
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(tmp.path(), meta.permissions());
    }
    tmp.as_file().sync_all().ok();
    tmp.persist(path)
        .map_err(|e| anyhow::anyhow!("cannot write {shown}: {}", e.error))?;
    Ok(())
}

/// The words for a `Signed` result (English for now).
pub fn describe(
    opts: &SignOptions,
    s: &Signed,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    if let Some(n) = &s.other_signatory {
        writeln!(
            err,
            "warning: `{}` is not the signatory of party `{}` ({n})",
            opts.name, opts.party
        )?;
    }
    for a in &s.annexes_hashed {
        writeln!(out, "recorded the sha256 of annex \"{a}\"")?;
    }
    writeln!(
        out,
        "{}: signed for `{}` ({})",
        opts.file.display(),
        opts.party,
        s.fingerprint
    )?;
    if s.now_signed {
        writeln!(out, "every party has signed: status set to `signed`")?;
    }
    Ok(())
}
