//! Why a command stopped (an `error:` line), and what it said on the way
//! (progress, notes and warnings), as data: each variant carries the values
//! (the path, the party, the revision…); the sentences are written per
//! language by the catalogue in [`crate::present::failures`].
//!
//! A failure is an [`anyhow::Error`] like any other ([`Failure`] is a
//! [`std::error::Error`]); [`Fail::or_fail`] puts one in front of a cause
//! (an I/O error, another failure), so that the chain reads
//! `pacte's words: the cause`, each link in the language of messages.

use std::fmt;
use std::path::Path;

/// Why a command stopped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    // Files and folders.
    /// `PATH: no such file`.
    NoSuchFile { path: String },
    /// `PATH: no such file or folder`.
    NoSuchFileOrFolder { path: String },
    /// `PATH: no such folder`.
    NoSuchFolder { path: String },
    /// The folder an output file would go in is missing.
    OutputFolderMissing { path: String, folder: String },
    /// An output names a folder.
    IsAFolder { path: String },
    /// A folder to create is a file.
    ExistsNotAFolder { path: String },
    /// An output is one of the inputs.
    WouldOverwriteInput { path: String },
    /// An output exists and `--force` is not given.
    AlreadyExists { path: String },
    /// `--force` over a device, a FIFO, a socket or a symlink.
    ForceNotRegular { path: String },
    /// A file that cannot be read (the cause follows).
    CannotRead { path: String },
    /// A file to read that is not a regular file.
    NotARegularFile { path: String },
    /// A file that is not UTF-8 text.
    NotUtf8 { path: String },
    /// A file that cannot be written (the cause follows).
    CannotWrite { path: String },
    /// The temporary file next to a file cannot be made.
    CannotWriteNextTo { path: String },
    /// A temporary file in a folder cannot be created.
    CannotCreateTemporaryFile { folder: String },
    /// A temporary file cannot be written.
    CannotWriteTemporaryFile,
    /// A temporary folder cannot be created.
    CannotCreateTemporaryFolder,
    /// A folder cannot be created.
    CannotCreateFolder { path: String },
    /// The output folder cannot be created.
    CannotCreateOutputFolder { path: String },
    /// The current folder cannot be read.
    CurrentFolder,
    /// A path cannot be made absolute.
    CannotResolve { path: String },
    /// A path with no file name.
    NoFileName { path: String },
    /// Standard output failed (a full disk, a closed pipe).
    StandardOutput,
    /// An output file not written (the cause follows).
    NotWritten { path: String },

    // pacte.toml.
    /// A syntax error in pacte.toml (the parser's words).
    ConfigSyntax { at: String, message: Message },
    /// A key that must be a text.
    ConfigNotText {
        at: String,
        key: String,
        found: &'static str,
    },
    /// `conventions` is not a list of globs.
    ConfigGlobs { at: String },
    /// A glob that does not parse (the cause follows).
    ConfigBadGlob { at: String, glob: String },
    /// `lang` is neither `fr` nor `en`.
    ConfigLang { at: String, found: String },
    /// `currency` is not an ISO 4217 code.
    ConfigCurrency { at: String, code: String },
    /// `jurisdiction` (or `--jurisdiction`) is not an ISO 3166-1 code.
    Jurisdiction {
        at: Option<String>,
        key: &'static str,
        found: String,
    },
    /// `rules` is not a table.
    ConfigRulesTable { at: String },
    /// A rule that does not exist.
    ConfigUnknownRule { at: String, rule: String },
    /// A level that does not exist.
    ConfigLevel {
        at: String,
        level: String,
        rule: String,
    },
    /// A structure rule set below error.
    ConfigStructureLevel { at: String, rule: String },
    /// A kind of convention that does not exist.
    ConfigUnknownKind { at: String, kind: String },
    /// A key pacte.toml does not know.
    ConfigUnknownKey {
        at: String,
        key: String,
        file: &'static str,
        suggestion: Option<String>,
    },

    // Rules and conventions.
    /// `pacte explain` of a rule that does not exist.
    UnknownRule {
        rule: String,
        suggestion: Option<String>,
    },
    /// No convention found: `None`, nowhere said; `Some([])`, in this
    /// folder; else in these paths.
    NoConventionFound { places: Option<Vec<String>> },
    /// A file that is not a convention.
    NotAConvention { path: String },
    /// A convention with structure errors, to fix first.
    FixStructureFirst { flaw: Flaw, check: Option<String> },
    /// A convention that cannot be loaded (said as it is).
    Flawed { flaw: Flaw },
    /// A revision with structure errors cannot be compared.
    RevisionFlawed { flaw: Flaw },
    /// The fingerprint of a file could not be computed (the cause follows).
    CannotFingerprint { path: String },
    /// No fingerprint came out of the check.
    NoFingerprint,

    // render.
    /// A folder rendered without `-o`.
    FolderNeedsOutput { path: String },
    /// PDF rendered without `-o`.
    PdfNeedsOutput,
    /// A folder where some conventions have structure errors.
    NothingRendered {
        path: String,
        broken: usize,
        total: usize,
    },
    /// One convention with structure errors.
    NotRendered { path: String },
    /// One convention that could not be read.
    NotRenderedUnreadable { path: String },
    /// A convention with no id, rendered into a folder.
    NoIdForOutput { path: String },
    /// PDF printing failed (the cause follows).
    PdfNotWritten,
    /// `PACTE_BROWSER` names no program.
    BrowserNotFound { value: String },
    /// No Chromium or Chrome on the machine.
    NoBrowser,
    /// A program that does not start (the cause follows).
    CannotStart { program: String },
    /// The browser did not print within the time allowed.
    PdfTimeout { browser: String, seconds: u64 },
    /// The browser failed to print.
    PdfFailed {
        browser: String,
        status: String,
        last: String,
    },
    /// A program, named before its own error (the cause follows).
    Program { program: String },
    /// The browser answered a request with an error.
    BrowserRefused {
        browser: String,
        request: String,
        message: String,
    },
    /// The browser did not answer in time.
    BrowserSilent {
        browser: String,
        seconds: u64,
        request: String,
    },
    /// The browser closed its DevTools pipe.
    BrowserPipeClosed,
    /// A DevTools message that does not parse (the cause follows).
    BrowserBadMessage,
    /// The DevTools pipe failed (the cause follows).
    BrowserPipe,
    /// An answer of the browser lacked a part.
    BrowserNoAnswer { part: BrowserPart },
    /// The PDF data of the browser is not base64.
    BrowserBadPdf,
    /// The browser printed something that is not a PDF.
    BrowserNoPdf { browser: String },
    /// A request could not be sent to the browser (the cause follows).
    CannotSend { browser: String, request: String },
    /// A pipe cannot be created.
    CannotCreatePipe { cause: String },

    // Templates.
    /// `--templates DIR` does not exist.
    TemplatesFolderMissing { path: String },
    /// A template that does not parse or render (the engine's words).
    Template {
        name: String,
        line: Option<usize>,
        cause: String,
    },
    /// A template that cannot be read (the cause follows).
    TemplateUnreadable { name: String },
    /// A template that is not UTF-8.
    TemplateNotUtf8 { name: String },
    /// The data of a template could not be prepared (the cause follows).
    CannotPrepare { what: Prepared },
    /// Said after its cause: while rendering this file.
    Rendering { file: String },
    /// Said after its cause: while reporting on this file.
    Reporting { file: String },
    /// The DOCX archive cannot be written (the cause follows).
    DocxArchive,
    /// The DOCX writer stopped.
    DocxFailed,

    // Amendments.
    /// No signed revision to start an amendment from.
    NoBaseline { path: String },
    /// An amendment of a folder or a missing file.
    AmendmentNeedsFile { path: String },
    /// No `[[amendment]]` with this id.
    NoAmendment { path: String, id: String },
    /// The terms did not change since the baseline.
    NothingToAmend { path: String, since: Option<String> },

    // report.
    /// `--financial` of several files.
    FinancialOneFile { found: usize },
    /// `--financial` in a format it does not write.
    FinancialFormats,

    // git.
    /// The file is not in a git repository.
    NotInRepository { path: String },
    /// The file is outside the repository.
    OutsideRepository { path: String },
    /// A revision that is not written as one.
    NotARevision { rev: String },
    /// A revision git does not know.
    UnknownRevision { rev: String, shallow: bool },
    /// git cannot be run (the cause follows).
    CannotRunGit,
    /// A git command failed (the cause follows: git's own words).
    GitFailed { command: &'static str },
    /// A git command stopped answering.
    GitStopped { command: &'static str },
    /// A git command answered something unexpected.
    GitUnexpected {
        command: &'static str,
        answer: String,
    },
    /// The file did not exist at a revision.
    DidNotExistAt { path: String, rev: String },
    /// No commit of the file.
    NoCommittedRevision { path: String },

    // sign.
    /// A party the convention does not have.
    NoParty {
        path: String,
        party: String,
        parties: Vec<String>,
    },
    /// The party has signed these terms already.
    AlreadySigned {
        path: String,
        party: String,
        fingerprint: String,
    },
    /// An annex that cannot be read (the cause follows).
    CannotReadAnnex { path: String, reference: String },
    /// The annexes' sha256 cannot be recorded (the cause follows).
    CannotRecordAnnexes { path: String },
    /// The signature cannot be added (the cause follows).
    CannotAddSignature { path: String },
    /// Said after its cause: found in the signed file, nothing written.
    InSignedFile,
    /// Errors to fix before signing.
    ErrorsBeforeSigning {
        at: String,
        message: Message,
        code: String,
        count: usize,
        path: String,
    },
    /// The signed file would not carry the signed terms.
    SignedTermsLost { path: String },

    // Editing a file keeping its layout.
    /// A date that is not one.
    EditInvalidDate { date: String },
    /// The file does not parse.
    EditUnparsable,
    /// No `convention` table (TOML) or mapping (YAML).
    EditNoConvention { yaml: bool },
    /// No item `number` (from 1) in an array.
    EditNoItem {
        array: String,
        number: usize,
        yaml: bool,
    },
    /// An array not written as `[[array]]` tables.
    EditNotTables { array: String },
    /// The YAML document is not a mapping.
    EditDocumentNotMapping,
    /// A key cannot be added to an empty mapping.
    EditEmptyMapping { key: String },
    /// A flow mapping with no end.
    EditFlowMappingEnd,
    /// `convention` (no number) or an item of an array is not a mapping.
    EditNotMapping { name: String, number: Option<usize> },
    /// A flow mapping (`{…}`) or list (`[…]`) cannot keep its layout.
    EditFlow { name: String, list: bool },
    /// No array of that name.
    EditNoArray { array: String },
    /// An array that is not a list.
    EditNotList { array: String },
    /// An empty list.
    EditEmptyList { array: String },
    /// A list not written as a block.
    EditNotBlockList { array: String },
    /// A list laid out in a way sign cannot extend.
    EditLayout { array: String },

    // new.
    /// An id that is not a valid convention id.
    InvalidId { id: String },
    /// `--parties` out of range.
    PartiesRange { found: usize },
}

/// What a loaded convention lacks to be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Flaw {
    /// Not a convention at all.
    NotAConvention { file: Place },
    /// The first structure error, located.
    Structure {
        file: Place,
        message: Message,
        code: String,
    },
}

/// A diagnostic's sentence, in English and, when the finding has them, in
/// French words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub en: String,
    pub fr: Option<String>,
}

impl Message {
    /// The sentence of a diagnostic.
    pub fn of(d: &crate::diagnostic::Diagnostic) -> Message {
        Message {
            en: d.words(crate::model::Lang::En).message,
            fr: Some(d.words(crate::model::Lang::Fr).message),
        }
    }
}

/// A file, at a revision (or in the working tree), at a line and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub path: String,
    pub rev: Option<String>,
    pub line_column: Option<(usize, usize)>,
}

impl Flaw {
    /// The flaw of a load error, the file shown as `shown` (at `rev`).
    pub fn of(e: &crate::load::LoadError, shown: &str, rev: Option<&str>) -> Flaw {
        match e {
            crate::load::LoadError::NotAConvention => Flaw::NotAConvention {
                file: Place {
                    path: shown.to_string(),
                    rev: rev.map(str::to_string),
                    line_column: None,
                },
            },
            crate::load::LoadError::Structure(d) => {
                let mut f = Flaw::structure(d, shown);
                if let Flaw::Structure { file, .. } = &mut f {
                    file.rev = rev.map(str::to_string);
                }
                f
            }
        }
    }

    /// A structure diagnostic, located in `shown`.
    pub fn structure(d: &crate::diagnostic::Diagnostic, shown: &str) -> Flaw {
        Flaw::Structure {
            file: Place {
                path: shown.to_string(),
                rev: None,
                line_column: d.line.zip(d.column),
            },
            message: Message::of(d),
            code: d.code.to_string(),
        }
    }
}

/// The part of a browser's answer that was missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BrowserPart {
    TargetId,
    SessionId,
    PdfData,
}

/// What a template is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Prepared {
    Document,
    Report,
    Amendment,
}

/// What pacte says on the way: progress, notes and warnings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    /// `render`: a document with errors, rendered as a draft.
    RenderedAsDraft { path: String, errors: usize },
    /// `sign`: the name given is not the party's signatory.
    NotSignatory {
        name: String,
        party: String,
        signatory: String,
    },
    /// `sign`: the sha256 of an annex recorded.
    AnnexHashed { annex: String },
    /// `sign`: the signature written.
    Signed {
        path: String,
        party: String,
        fingerprint: String,
    },
    /// `sign`: every party has signed, the status set to `signed`.
    AllSigned,
    /// `export`: a file that could not be read as a convention.
    NotExported { path: String },
    /// `export`: a grant left out, lacking values.
    GrantLeftOut {
        file: String,
        giver: String,
        beneficiary: String,
        missing: Vec<String>,
    },
    /// `report`, `status`: the progress bar of a long run (an indicatif
    /// template: `{bar:40}`, `{pos}`, `{len}` and `{eta}` are its values).
    ConventionsRead,
    /// `new`, `init`: a file or folder written.
    Wrote { path: String },
    /// `init`: a file left as it was.
    Left { path: String },
}

/// The words of the human and Markdown outputs of `diff` and `log`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum History {
    /// `diff`: the terms did not change.
    NoChange {
        file: String,
        from: String,
        to: String,
        fingerprint: String,
    },
    /// `diff`: the side that is the working tree.
    WorkingTree,
    /// `diff --format md`: the heading.
    ChangesHeading { file: String },
    /// `diff --format md`: from which revision to which.
    FromTo {
        from: String,
        old: String,
        to: String,
        new: String,
    },
    /// `diff`: the terms changed.
    TermsChanged {
        file: String,
        from: String,
        to: String,
    },
    /// `diff`: after the heading of an article the old terms did not have.
    NewArticle,
    /// `diff`: a value added.
    Added { path: String, value: String },
    /// `diff`: a value removed.
    Removed { path: String, value: String },
    /// `diff`: a value changed.
    Changed {
        path: String,
        old: String,
        new: String,
    },
    /// `diff`: a change written after its path (`rest` starts with a space
    /// or a line break).
    Labelled { path: String, rest: String },
    /// `diff`: no signature is voided.
    NoneVoided,
    /// `diff`: the signatures voided (each `party (name, date)`).
    Voids { signatures: Vec<String> },
    /// `log`: the file's path at that revision.
    LogFile { path: String },
    /// `log`: the fingerprint of the terms (none: not a convention there).
    LogTerms { fingerprint: Option<String> },
    /// `log`: commits after it that left the terms as they were.
    LogUnchanged { count: usize },
    /// `log`: the signatures carrying the terms (each `party (name, date)`).
    LogSignedBy { signatures: Vec<String> },
    /// `log`: after a signature, the amendment it signs.
    LogAmendment { id: String },
}

impl Failure {
    /// Whether its sentence is said after its cause (`CAUSE (rendering FILE)`).
    pub fn follows_cause(&self) -> bool {
        matches!(
            self,
            Failure::Rendering { .. } | Failure::Reporting { .. } | Failure::InSignedFile
        )
    }
}

impl fmt::Display for Failure {
    /// In English (the `error:` line is written by
    /// [`crate::present::failures::chain`], in the language of messages).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::present::failures::en::failure(self))
    }
}

impl std::error::Error for Failure {}

impl fmt::Display for Note {
    /// In English (see [`crate::present::failures::note`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::present::failures::en::note(self))
    }
}

/// A failure in front of its cause.
#[derive(Debug)]
pub struct Because {
    pub failure: Failure,
    pub cause: anyhow::Error,
}

impl fmt::Display for Because {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.failure.fmt(f)
    }
}

impl std::error::Error for Because {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&*self.cause)
    }
}

/// A failure in front of its cause, as an error.
pub fn because(failure: Failure, cause: impl Into<anyhow::Error>) -> anyhow::Error {
    anyhow::Error::new(Because {
        failure,
        cause: cause.into(),
    })
}

/// A path as the messages show it.
pub fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// Puts a failure in front of an error, or in place of a missing value.
pub trait Fail<T> {
    fn or_fail(self, failure: impl FnOnce() -> Failure) -> anyhow::Result<T>;
}

impl<T, E: Into<anyhow::Error>> Fail<T> for Result<T, E> {
    fn or_fail(self, failure: impl FnOnce() -> Failure) -> anyhow::Result<T> {
        self.map_err(|e| because(failure(), e))
    }
}

impl<T> Fail<T> for Option<T> {
    fn or_fail(self, failure: impl FnOnce() -> Failure) -> anyhow::Result<T> {
        self.ok_or_else(|| anyhow::Error::new(failure()))
    }
}

/// The failure behind an error, when it is one of pacte's.
pub fn failure_of<'a>(e: &'a (dyn std::error::Error + 'static)) -> Option<&'a Failure> {
    e.downcast_ref::<Failure>()
        .or_else(|| e.downcast_ref::<Because>().map(|b| &b.failure))
}
