//! `pacte log`: the revisions where a convention's terms changed,
//! following renames, with the signatures that carry each version.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;
use serde::Serialize;

use crate::failure::History;
use crate::git::Repo;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    Human,
    Json,
}

pub struct LogOptions {
    pub file: PathBuf,
    pub format: LogFormat,
    /// The language of the human output's words.
    pub lang: crate::model::Lang,
}

/// A signature that carries a revision's terms.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Signer {
    pub party: String,
    pub name: Option<String>,
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amendment: Option<String>,
}

/// A revision where the terms changed (or were first written).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TermsRevision {
    pub commit: String,
    pub date: String,
    pub author: String,
    /// The file's path at that commit.
    pub path: String,
    /// `None` when the file does not read as a convention at that commit.
    pub fingerprint: Option<String>,
    /// The signatures carrying these terms, as recorded in the file at the
    /// latest commit that still had these terms.
    pub signatures: Vec<Signer>,
    /// Later commits that changed the file but not its terms.
    pub unchanged_commits: usize,
    /// Every party of the convention (at that revision) signed these terms.
    pub all_signed: bool,
    /// The parties of the convention at that revision.
    #[serde(skip)]
    pub parties: Vec<String>,
}

/// The history of the terms, newest first. One `git log` walk, blobs through one `cat-file`.
pub fn history(repo: &mut Repo, file: &Path) -> Result<Vec<TermsRevision>> {
    let revs = repo.history(None)?;
    let mut out: Vec<TermsRevision> = Vec::new();
    // Oldest first, so that a run of commits with the same terms collapses
    // into its first commit; signatures come from the run's last commit.
    for rev in revs.iter().rev() {
        let bytes = repo.blob(&rev.commit, &rev.path)?;
        let as_path = file.with_file_name(Path::new(&rev.path).file_name().unwrap_or_default());
        let loaded = bytes.and_then(|b| crate::load::terms_only(&as_path, b));
        let fp = loaded.as_ref().map(|(_, _, fp)| fp.clone());
        let signers = |fp: &str, doc: &crate::model::Document| -> Vec<Signer> {
            let mut v: Vec<Signer> = doc
                .signatures
                .items()
                .iter()
                .filter(|s| {
                    s.fingerprint
                        .get()
                        .is_some_and(|f| f.trim().eq_ignore_ascii_case(fp))
                })
                .filter_map(|s| {
                    Some(Signer {
                        party: s.party.get()?.clone(),
                        name: s.name.get().cloned(),
                        date: s.date.get().map(|d| d.to_string()),
                        amendment: s.amendment.get().cloned(),
                    })
                })
                .collect();
            // One line per party of the convention: its latest signature of these terms.
            v.retain(|s| doc.party(&s.party).is_some());
            v.sort_by(|a, b| a.party.cmp(&b.party).then(b.date.cmp(&a.date)));
            v.dedup_by(|a, b| a.party == b.party);
            v
        };
        match out.last_mut() {
            Some(last) if last.fingerprint.is_some() && last.fingerprint == fp => {
                last.unchanged_commits += 1;
                if let (Some(fp), Some((_, doc, _))) = (&fp, &loaded) {
                    last.signatures = signers(fp, doc);
                    last.all_signed = all_signed(&last.signatures, doc);
                    last.parties = doc.party_ids().map(str::to_string).collect();
                }
            }
            _ => out.push(TermsRevision {
                commit: rev.commit.clone(),
                date: rev.date.clone(),
                author: rev.author.clone(),
                path: rev.path.clone(),
                signatures: match (&fp, &loaded) {
                    (Some(fp), Some((_, doc, _))) => signers(fp, doc),
                    _ => Vec::new(),
                },
                all_signed: match (&fp, &loaded) {
                    (Some(fp), Some((_, doc, _))) => all_signed(&signers(fp, doc), doc),
                    _ => false,
                },
                parties: loaded
                    .as_ref()
                    .map(|(_, doc, _)| doc.party_ids().map(str::to_string).collect())
                    .unwrap_or_default(),
                fingerprint: fp,
                unchanged_commits: 0,
            }),
        }
    }
    out.reverse();
    Ok(out)
}

fn all_signed(signers: &[Signer], doc: &crate::model::Document) -> bool {
    let mut parties = doc.party_ids().peekable();
    parties.peek().is_some()
        && doc
            .party_ids()
            .all(|p| signers.iter().any(|s| s.party == p))
}

pub fn run(opts: &LogOptions, out: &mut dyn Write) -> Result<()> {
    let mut repo = Repo::open(&opts.file)?;
    let revs = history(&mut repo, &opts.file)?;
    if revs.is_empty() {
        return Err(crate::failure::Failure::NoCommittedRevision {
            path: crate::failure::shown(&opts.file),
        }
        .into());
    }
    match opts.format {
        LogFormat::Json => {
            serde_json::to_writer_pretty(
                &mut *out,
                &serde_json::json!({
                    "file": opts.file.display().to_string(),
                    "revisions": revs,
                }),
            )?;
            writeln!(out)?;
        }
        LogFormat::Human => {
            for (i, r) in revs.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                let day = r.date.get(..10).unwrap_or(&r.date);
                writeln!(
                    out,
                    "{}  {day}  {}",
                    &r.commit[..12.min(r.commit.len())],
                    r.author
                )?;
                let say = |h: History| crate::present::failures::history(&h, opts.lang);
                if r.path != repo.path {
                    writeln!(
                        out,
                        "{}",
                        say(History::LogFile {
                            path: r.path.clone()
                        })
                    )?;
                }
                let terms = History::LogTerms {
                    fingerprint: r.fingerprint.clone(),
                };
                writeln!(out, "{}", say(terms))?;
                if r.unchanged_commits > 0 {
                    let count = r.unchanged_commits;
                    writeln!(out, "{}", say(History::LogUnchanged { count }))?;
                }
                let signatures: Vec<String> = r
                    .signatures
                    .iter()
                    .map(|s| {
                        let mut t = s.party.clone();
                        let extra: Vec<&str> = [s.name.as_deref(), s.date.as_deref()]
                            .into_iter()
                            .flatten()
                            .collect();
                        if !extra.is_empty() {
                            t.push_str(&format!(" ({})", extra.join(", ")));
                        }
                        if let Some(a) = &s.amendment {
                            t.push_str(&say(History::LogAmendment { id: a.clone() }));
                        }
                        t
                    })
                    .collect();
                writeln!(out, "{}", say(History::LogSignedBy { signatures }))?;
            }
        }
    }
    Ok(())
}
