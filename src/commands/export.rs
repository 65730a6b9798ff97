//! `pacte export --format scdl` (CLI.md "export"): reads the conventions,
//! writes one SCDL row per public grant, names each grant left out on the
//! error writer; exit 1 when one was left out, 0 when every grant was
//! written.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::failure::{Failure, Note};
use crate::present::failures;

use crate::check::{self, Options};
use crate::config::Config;
use crate::output;
use crate::report::scdl;
use crate::Outcome;

/// The export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Scdl,
}

/// What `pacte export` takes.
pub struct Export<'a> {
    pub paths: &'a [PathBuf],
    pub format: Format,
    pub output: Option<&'a Path>,
    pub force: bool,
}

pub fn run(
    args: &Export<'_>,
    config: &Config,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<Outcome> {
    let Format::Scdl = args.format;
    let found = crate::discover::discover(args.paths, config)?;
    if found.is_empty() {
        return Err(Failure::NoConventionFound { places: None }.into());
    }
    let target = match args.output {
        Some(o) => {
            let inputs = output::canonical_inputs(found.iter().map(|c| c.path.as_path()));
            Some(output::Target::check(o, &inputs, args.force)?)
        }
        None => None,
    };
    let opts = Options {
        config,
        as_of: crate::commands::today(),
        progress: None,
        structure_only: false,
    };
    let run = check::check(&found, &opts, |a| {
        let (rows, excluded) = scdl::rows(a.doc, a.cx.jurisdiction);
        (a.report.path.clone(), rows, excluded)
    })?;
    let lang = crate::present::lang::from_process(config.lang);
    let mut rows = Vec::new();
    let mut left_out = 0usize;
    for (report, result) in run.files {
        let Some((file, mut r, excluded)) = result else {
            left_out += 1;
            let note = Note::NotExported {
                path: report.path.clone(),
            };
            writeln!(stderr, "{}", failures::note(&note, lang))?;
            continue;
        };
        rows.append(&mut r);
        for x in excluded {
            left_out += 1;
            let note = Note::GrantLeftOut {
                file: file.clone(),
                giver: x.giver.to_string(),
                beneficiary: x.beneficiary.to_string(),
                missing: x.missing.iter().map(|m| m.to_string()).collect(),
            };
            writeln!(stderr, "{}", failures::note(&note, lang))?;
        }
    }
    match target {
        None => scdl::write(stdout, &rows)?,
        Some(t) => t.write(|w| Ok(scdl::write(w, &rows)?))?,
    }
    Ok(if left_out > 0 {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}
