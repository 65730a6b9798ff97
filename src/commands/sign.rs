//! `pacte sign`: records a `[[signature]]` of the current terms, keeping
//! the file's layout (see `crate::edit`).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::failure::{because, Fail as _, Failure, Flaw, Note};
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

fn load_text(
    path: &Path,
    text: String,
    config: &Config,
    as_of: Date,
) -> std::result::Result<Loaded, Box<Flaw>> {
    load::checked(path, text.into_bytes(), config, as_of)
        .map_err(|e| Box::new(Flaw::of(&e, &path.display().to_string(), None)))
}

/// Signs; writes nothing unless every check passes.
pub fn sign(opts: &SignOptions, config: &Config) -> Result<Signed> {
    let path = &opts.file;
    let shown = path.display().to_string();
    if !path.is_file() {
        return Err(Failure::NoSuchFile { path: shown }.into());
    }
    let bytes = std::fs::read(path).or_fail(|| Failure::CannotRead {
        path: shown.clone(),
    })?;
    let text = String::from_utf8(bytes).map_err(|_| Failure::NotUtf8 {
        path: shown.clone(),
    })?;
    let before = load_text(path, text.clone(), config, opts.date).map_err(|flaw| {
        Failure::FixStructureFirst {
            flaw: *flaw,
            check: Some(shown.clone()),
        }
    })?;
    let doc = &before.doc;
    let Some(party) = doc.party(&opts.party) else {
        let ids: Vec<&str> = doc.party_ids().collect();
        return Err(Failure::NoParty {
            path: shown,
            party: opts.party.clone(),
            parties: ids.iter().map(|s| s.to_string()).collect(),
        }
        .into());
    };
    let other_signatory = party
        .signatory
        .get()
        .and_then(|s| s.name.get())
        .filter(|n| !crate::rules::same_name(n, &opts.name))
        .cloned();
    if let Some(a) = &opts.amendment {
        if !doc.amendments.items().iter().any(|x| x.id.get() == Some(a)) {
            return Err(Failure::NoAmendment {
                path: shown,
                id: a.clone(),
            }
            .into());
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
            let hash =
                crate::annex::sha256(&workspace_root, base_dir, reference).or_fail(|| {
                    Failure::CannotReadAnnex {
                        path: shown.clone(),
                        reference: reference.clone(),
                    }
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
        let t = edit::apply(&text, before.syntax, &before.root, &annex_edits).or_fail(|| {
            Failure::CannotRecordAnnexes {
                path: shown.clone(),
            }
        })?;
        load_text(path, t, config, opts.date).map_err(|flaw| Failure::Flawed { flaw: *flaw })?
    };
    let fingerprint = frozen.fingerprint.clone();
    let latest = latest_signatures(&frozen.doc);
    if latest
        .get(opts.party.as_str())
        .and_then(|s| s.fingerprint.get())
        .is_some_and(|fp| fp.trim().eq_ignore_ascii_case(&fingerprint))
    {
        return Err(Failure::AlreadySigned {
            path: shown,
            party: opts.party.clone(),
            fingerprint,
        }
        .into());
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
    let new_text =
        edit::apply(&frozen.text, frozen.syntax, &frozen.root, &edits).or_fail(|| {
            Failure::CannotAddSignature {
                path: shown.clone(),
            }
        })?;
    // Judge the file about to be written, at the status it will have.
    let after = load_text(path, new_text, config, opts.date)
        .map_err(|flaw| because(Failure::InSignedFile, Failure::Flawed { flaw: *flaw }))?;
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
        return Err(Failure::ErrorsBeforeSigning {
            at,
            message: crate::failure::Message::of(d),
            code: d.code.to_string(),
            count: blocking.len(),
            path: shown,
        }
        .into());
    }
    let carried = latest_signatures(&after.doc)
        .get(opts.party.as_str())
        .and_then(|s| s.fingerprint.get())
        .is_some_and(|fp| fp.trim() == after.fingerprint);
    if after.fingerprint != fingerprint || !carried {
        return Err(Failure::SignedTermsLost { path: shown }.into());
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
    let shown = || path.display().to_string();
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .or_fail(|| Failure::CannotWriteNextTo { path: shown() })?;
    tmp.write_all(bytes)
        .or_fail(|| Failure::CannotWrite { path: shown() })?;
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(tmp.path(), meta.permissions());
    }
    tmp.as_file().sync_all().ok();
    tmp.persist(path)
        .map_err(|e| e.error)
        .or_fail(|| Failure::CannotWrite { path: shown() })?;
    Ok(())
}

/// The words for a `Signed` result, in `lang`: the warning on `err`, the
/// progress on `out`.
pub fn describe(
    opts: &SignOptions,
    s: &Signed,
    lang: crate::model::Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    let say = |n: Note| crate::present::failures::note(&n, lang);
    if let Some(n) = &s.other_signatory {
        writeln!(
            err,
            "{}",
            say(Note::NotSignatory {
                name: opts.name.clone(),
                party: opts.party.clone(),
                signatory: n.clone(),
            })
        )?;
    }
    for a in &s.annexes_hashed {
        writeln!(out, "{}", say(Note::AnnexHashed { annex: a.clone() }))?;
    }
    writeln!(
        out,
        "{}",
        say(Note::Signed {
            path: opts.file.display().to_string(),
            party: opts.party.clone(),
            fingerprint: s.fingerprint.clone(),
        })
    )?;
    if s.now_signed {
        writeln!(out, "{}", say(Note::AllSigned))?;
    }
    Ok(())
}
