//! The English sentences of failures and notes.

use crate::failure::{BrowserPart, Failure, Flaw, History, Note, Place, Prepared};
use crate::workspace::Refusal;

fn place(p: &Place) -> String {
    let mut s = p.path.clone();
    if let Some(rev) = &p.rev {
        s.push_str(&format!(" at {rev}"));
    }
    if let Some((l, c)) = p.line_column {
        s.push_str(&format!(":{l}:{c}"));
    }
    s
}

fn flaw(f: &Flaw) -> String {
    match f {
        Flaw::NotAConvention { file } => format!("{}: not a convention", place(file)),
        Flaw::Structure {
            file,
            message,
            code,
        } => format!("{}: {} [{code}]", place(file), &message.en),
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The sentence of a failure (its cause, if any, is said after it).
pub fn failure(f: &Failure) -> String {
    use Failure::*;
    match f {
        NoSuchFile { path } => format!("{path}: no such file"),
        NoSuchFileOrFolder { path } => format!("{path}: no such file or folder"),
        NoSuchFolder { path } => format!("{path}: no such folder"),
        OutputFolderMissing { path, folder } => {
            format!("{path}: output folder {folder} does not exist")
        }
        IsAFolder { path } => format!("{path}: is a folder"),
        ExistsNotAFolder { path } => format!("{path}: exists and is not a folder"),
        WouldOverwriteInput { path } => {
            format!("{path}: refusing to write over one of the files being read")
        }
        AlreadyExists { path } => format!("{path}: already exists (use --force to replace it)"),
        ForceNotRegular { path } => format!(
            "{path}: not a regular file (a device, a FIFO, a socket or a symlink): --force replaces regular files only"
        ),
        CannotRead { path } => format!("cannot read {path}"),
        NotARegularFile { path } => format!("cannot read {path}: not a regular file"),
        NotUtf8 { path } => format!("{path}: not valid UTF-8 text"),
        CannotWrite { path } => format!("{path}: cannot write"),
        CannotWriteNextTo { path } => format!("cannot write next to {path}"),
        CannotCreateTemporaryFile { folder } => {
            format!("{folder}: cannot create a temporary file")
        }
        CannotWriteTemporaryFile => "cannot write a temporary file".into(),
        CannotCreateTemporaryFolder => "cannot create a temporary folder".into(),
        CannotCreateFolder { path } => format!("{path}: cannot create the folder"),
        CannotCreateOutputFolder { path } => format!("{path}: cannot create the output folder"),
        CurrentFolder => "cannot read the current folder".into(),
        CannotResolve { path } => format!("{path}: cannot resolve the path"),
        NoFileName { path } => format!("{path}: no file name"),
        StandardOutput => "cannot write to standard output".into(),
        NotWritten { path } => format!("{path}: not written"),

        ConfigSyntax { at, message } => format!("{at}: {}", message.en),
        ConfigNotText { at, key, found } => format!("{at}: `{key}` must be a text, found {found}"),
        ConfigGlobs { at } => format!("{at}: `conventions` must be a list of globs"),
        ConfigBadGlob { at, glob } => format!("{at}: invalid glob `{glob}`"),
        ConfigLang { at, found } => format!("{at}: `lang` must be \"fr\" or \"en\", found \"{found}\""),
        ConfigCurrency { at, code } => format!("{at}: `{code}` is not an ISO 4217 currency code"),
        Jurisdiction { at, key, found } => {
            let at = at.as_ref().map(|a| format!("{a}: ")).unwrap_or_default();
            format!(
                "{at}`{key}` must be an ISO 3166-1 alpha-2 code in capitals, such as \"FR\", found \"{found}\""
            )
        }
        ConfigRulesTable { at } => format!("{at}: `rules` must be a table"),
        ConfigUnknownRule { at, rule } => format!("{at}: unknown rule `{rule}` (see `pacte rules`)"),
        ConfigLevel { at, level, rule } => format!(
            "{at}: invalid level \"{level}\" for {rule}: expected \"error\", \"warning\", \"info\" or \"off\""
        ),
        ConfigStructureLevel { at, rule } => {
            format!("{at}: {rule} is a structure rule and cannot be set below error")
        }
        ConfigUnknownKind { at, kind } => format!(
            "{at}: unknown kind `{kind}`: expected realisation, gestion, protocole or subvention"
        ),
        ConfigUnknownKey {
            at,
            key,
            file,
            suggestion,
        } => match suggestion {
            Some(s) => format!("{at}: unknown key `{key}` in {file} (did you mean `{s}`?)"),
            None => format!("{at}: unknown key `{key}` in {file}"),
        },

        UnknownRule { rule, suggestion } => match suggestion {
            Some(s) => format!("no rule `{rule}` (did you mean `{s}`?)"),
            None => format!("no rule `{rule}`: `pacte rules` lists them"),
        },
        NoConventionFound { places } => {
            let where_ = match places.as_deref() {
                None => String::new(),
                Some([]) => " in this folder".into(),
                Some(p) => format!(" in {}", p.join(", ")),
            };
            format!("no convention found{where_} (a convention is a .toml, .yaml or .yml file with a `convention` table)")
        }
        NotAConvention { path } => format!("{path}: not a convention"),
        FixStructureFirst { flaw: f, check } => match check {
            Some(c) => format!(
                "{}: fix the structure errors first (`pacte check {c}`)",
                flaw(f)
            ),
            None => format!("{}: fix the structure errors first", flaw(f)),
        },
        Flawed { flaw: f } => flaw(f),
        RevisionFlawed { flaw: f } => {
            format!("{}: cannot compare a revision with structure errors", flaw(f))
        }
        CannotFingerprint { path } => format!("cannot fingerprint {path}"),
        NoFingerprint => "no fingerprint computed".into(),

        FolderNeedsOutput { path } => {
            format!("{path}: rendering a folder needs -o OUTDIR (one file per convention)")
        }
        PdfNeedsOutput => "PDF needs an output file: -o FILE.pdf".into(),
        NothingRendered {
            path,
            broken,
            total,
        } => format!(
            "{path}: nothing rendered: {broken} of {total} conventions have structure errors: fix them first (`pacte check {path}`)"
        ),
        NotRendered { path } => {
            format!("{path}: not rendered: fix the structure errors first (`pacte check {path}`)")
        }
        NotRenderedUnreadable { path } => format!("{path}: not rendered: it could not be read"),
        NoIdForOutput { path } => format!("{path}: has no id to name its output file"),
        PdfNotWritten => "PDF not written".into(),
        BrowserNotFound { value } => format!(
            "PACTE_BROWSER={value}: no such program (name a Chromium or Chrome executable)"
        ),
        NoBrowser => "PDF needs a local Chromium or Chrome: install one (`apt-get install chromium`), or set PACTE_BROWSER to its path".into(),
        CannotStart { program } => format!("cannot start {program}"),
        PdfTimeout { browser, seconds } => {
            format!("{browser} did not print the PDF within {seconds} s")
        }
        PdfFailed {
            browser,
            status,
            last,
        } => format!("{browser} could not print the PDF ({status}): {last}"),
        Program { program } => program.clone(),
        BrowserRefused {
            browser,
            request,
            message,
        } => format!("{browser}: {request}: {message}"),
        BrowserSilent {
            browser,
            seconds,
            request,
        } => format!("{browser} did not answer within {seconds} s ({request})"),
        BrowserPipeClosed => "the browser closed its DevTools pipe".into(),
        BrowserBadMessage => "bad DevTools message".into(),
        BrowserPipe => "DevTools pipe".into(),
        BrowserNoAnswer { part } => match part {
            BrowserPart::TargetId => "no target id from the browser".into(),
            BrowserPart::SessionId => "no session id from the browser".into(),
            BrowserPart::PdfData => "no PDF data from the browser".into(),
        },
        BrowserBadPdf => "bad PDF data from the browser".into(),
        BrowserNoPdf { browser } => format!("{browser} did not print a PDF"),
        CannotSend { browser, request } => format!("{browser}: cannot send {request}"),
        CannotCreatePipe { cause } => format!("cannot create a pipe: {cause}"),

        TemplatesFolderMissing { path } => format!("{path}: templates folder not found"),
        Template { name, line, cause } => match line {
            Some(l) => format!("template {name}: line {l}: {cause}"),
            None => format!("template {name}: {cause}"),
        },
        TemplateUnreadable { name } => format!("template {name}"),
        TemplateNotUtf8 { name } => format!("template {name}: not valid UTF-8 text"),
        CannotPrepare { what } => match what {
            Prepared::Document => "cannot prepare the document".into(),
            Prepared::Report => "cannot prepare the report".into(),
            Prepared::Amendment => "cannot prepare the amendment".into(),
        },
        Rendering { file } => format!("(rendering {file})"),
        Reporting { file } => format!("(reporting {file})"),
        DocxArchive => "cannot write the DOCX archive".into(),
        DocxFailed => "the DOCX writer failed".into(),

        NoBaseline { path } => format!(
            "{path}: no revision whose terms every party signed: name the baseline with --from REV"
        ),
        AmendmentNeedsFile { path } => {
            format!("{path}: no such file (an amendment is rendered from one convention file)")
        }
        NoAmendment { path, id } => format!("{path}: no [[amendment]] with id `{id}`"),
        NothingToAmend { path, since } => format!(
            "{path}: no change of terms since {}: there is nothing to amend",
            since.as_deref().unwrap_or("the baseline")
        ),

        FinancialOneFile { found } => {
            format!("--financial takes one convention file ({found} found)")
        }
        FinancialFormats => "--financial writes md, html or json".into(),

        NotInRepository { path } => format!(
            "{path}: not inside a git repository (diff, log and amendments read the file's history from git)"
        ),
        OutsideRepository { path } => format!("{path}: outside the repository"),
        NotARevision { rev } => format!("`{rev}` is not a revision"),
        UnknownRevision { rev, shallow } => {
            if *shallow {
                format!("unknown revision `{rev}` (this is a shallow clone: `git fetch --unshallow` brings the full history)")
            } else {
                format!("unknown revision `{rev}`")
            }
        }
        CannotRunGit => "cannot run git".into(),
        GitFailed { command } => format!("{command} failed"),
        GitStopped { command } => format!("{command} stopped"),
        GitUnexpected { command, answer } => format!("{command}: unexpected answer `{answer}`"),
        DidNotExistAt { path, rev } => format!("{path} did not exist at revision `{rev}`"),
        NoCommittedRevision { path } => format!("{path}: no committed revision"),

        NoParty {
            path,
            party,
            parties,
        } => format!(
            "{path}: no party `{party}` (the parties are: {})",
            parties.join(", ")
        ),
        AlreadySigned {
            path,
            party,
            fingerprint,
        } => format!("{path}: party `{party}` has already signed these terms ({fingerprint})"),
        CannotReadAnnex { path, reference } => {
            format!("{path}: cannot read the annex `{reference}`")
        }
        CannotRecordAnnexes { path } => format!("{path}: cannot record the annexes' sha256"),
        CannotAddSignature { path } => format!("{path}: cannot add the signature"),
        InSignedFile => "(in the signed file: nothing written)".into(),
        ErrorsBeforeSigning {
            at,
            message,
            code,
            count,
            path,
        } => format!(
            "{at}: {} [{code}]; {} to fix before signing (`pacte check {path}`), nothing written",
            message.en,
            plural(*count, "error")
        ),
        SignedTermsLost { path } => {
            format!("{path}: the signed file would not carry the signed terms; nothing written")
        }

        EditInvalidDate { date } => format!("invalid date {date}"),
        EditUnparsable => "the file does not parse".into(),
        EditNoConvention { yaml } => {
            if *yaml {
                "no `convention` mapping".into()
            } else {
                "no `convention` table".into()
            }
        }
        EditNoItem {
            array,
            number,
            yaml,
        } => {
            if *yaml {
                format!("no `{array}` number {number}")
            } else {
                format!("no [[{array}]] number {number}")
            }
        }
        EditNotTables { array } => format!("`{array}` is not written as [[{array}]] tables"),
        EditDocumentNotMapping => "the document is not a mapping".into(),
        EditEmptyMapping { key } => {
            format!("cannot add `{key}` to an empty mapping without changing its layout")
        }
        EditFlowMappingEnd => "cannot find the end of a flow mapping".into(),
        EditNotMapping { name, number } => match number {
            Some(n) => format!("`{name}` number {n} is not a mapping"),
            None => format!("`{name}` is not a mapping"),
        },
        EditFlow { name, list } => format!(
            "`{name}` is a flow {}: it cannot be edited keeping its layout",
            if *list { "list" } else { "mapping" }
        ),
        EditNoArray { array } => format!("no `{array}`"),
        EditNotList { array } => format!("`{array}` is not a list"),
        EditEmptyList { array } => format!("`{array}` is an empty list"),
        EditNotBlockList { array } => format!("`{array}` is not a block list"),
        EditLayout { array } => format!("`{array}` is laid out in a way sign cannot extend"),

        InvalidId { id } => format!(
            "`{id}` is not a valid convention id: use lowercase letters, digits, `-` and `_`, starting with a letter or digit (e.g. `festival-2027`)"
        ),
        PartiesRange { found } => format!("`--parties` must be from 2 to 50, found {found}"),
    }
}

/// Why a file was not read.
pub fn refusal(r: &Refusal) -> String {
    match r {
        Refusal::Missing => "no such file".into(),
        Refusal::NotRegularInside => {
            "not a regular file inside the workspace root: it is not read".into()
        }
        Refusal::TooLarge(limit) => format!("larger than {} MB: it is not read", limit >> 20),
        Refusal::Io(e) => e.to_string(),
    }
}

/// The words of `diff` and `log`.
pub fn history(h: &History) -> String {
    match h {
        History::NoChange {
            file,
            from,
            to,
            fingerprint,
        } => format!("{file}: no change of terms between {from} and {to} ({fingerprint})"),
        History::WorkingTree => "the working tree".into(),
        History::ChangesHeading { file } => format!("## Changes of terms: `{file}`"),
        History::FromTo { from, old, to, new } => {
            format!("From {from} (`{old}`) to {to} (`{new}`).")
        }
        History::TermsChanged { file, from, to } => {
            format!("{file}: the terms changed from {from} to {to}")
        }
        History::NewArticle => " (new)".into(),
        History::Added { path, value } => format!("{path}: added {value}"),
        History::Removed { path, value } => format!("{path}: removed (was {value})"),
        History::Changed { path, old, new } => format!("{path}: {old} → {new}"),
        History::Labelled { path, rest } => format!("{path}:{rest}"),
        History::NoneVoided => "No signature carries the old terms: none is voided.".into(),
        History::Voids { signatures } => format!(
            "Voids the signature{} of: {} (they carry the old terms; the parties must sign again).",
            if signatures.len() == 1 { "" } else { "s" },
            signatures.join(", ")
        ),
        History::LogFile { path } => format!("  file: {path}"),
        History::LogTerms { fingerprint } => match fingerprint {
            Some(fp) => format!("  terms: {fp}"),
            None => "  terms: unreadable (not a valid convention at this commit)".into(),
        },
        History::LogUnchanged { count } => format!(
            "  then {} without a change of terms",
            plural(*count, "commit")
        ),
        History::LogSignedBy { signatures } => {
            if signatures.is_empty() {
                "  signed by: nobody".into()
            } else {
                format!("  signed by: {}", signatures.join(", "))
            }
        }
        History::LogAmendment { id } => format!(" [amendment {id}]"),
    }
}

/// The sentence of a note.
pub fn note(n: &Note) -> String {
    match n {
        Note::RenderedAsDraft { path, errors } => format!(
            "note: {path}: rendered as a draft: {} (`pacte check {path}`)",
            plural(*errors, "error")
        ),
        Note::NotSignatory {
            name,
            party,
            signatory,
        } => format!("warning: `{name}` is not the signatory of party `{party}` ({signatory})"),
        Note::AnnexHashed { annex } => format!("recorded the sha256 of annex \"{annex}\""),
        Note::Signed {
            path,
            party,
            fingerprint,
        } => format!("{path}: signed for `{party}` ({fingerprint})"),
        Note::AllSigned => "every party has signed: status set to `signed`".into(),
        Note::NotExported { path } => format!(
            "{path}: not exported: the file could not be read as a convention (`pacte check` tells why)"
        ),
        Note::GrantLeftOut {
            file,
            giver,
            beneficiary,
            missing,
        } => format!(
            "{file}: the grant of `{giver}` to `{beneficiary}` is left out of the SCDL export: it lacks {}",
            missing.join(", ")
        ),
        Note::ConventionsRead => "{bar:40} {pos}/{len} conventions read ({eta})".into(),
        Note::Wrote { path } => format!("wrote {path}"),
        Note::Left { path } => format!("left {path} (already there)"),
    }
}
