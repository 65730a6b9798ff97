//! The catalogue of what pacte says outside the diagnostics: why a command
//! stopped ([`Failure`], the `error:` line), what it did on the way
//! ([`Note`]: progress, notes, warnings), why a file was not read
//! ([`Refusal`]) and the words of `diff` and `log`. One file per language,
//! each an exhaustive `match` (a missing sentence is a compile error; a
//! language is one more file and one more arm in each function here).

use crate::failure::{failure_of, Failure, Note};
use crate::model::Lang;
use crate::workspace::Refusal;

pub mod en;
pub mod fr;

/// The sentence of a failure in `lang`.
pub fn failure(f: &Failure, lang: Lang) -> String {
    match lang {
        Lang::Fr => fr::failure(f),
        Lang::En => en::failure(f),
    }
}

/// The sentence of a note in `lang`.
pub fn note(n: &Note, lang: Lang) -> String {
    match lang {
        Lang::Fr => fr::note(n),
        Lang::En => en::note(n),
    }
}

/// The words of `diff` and `log` in `lang`.
pub fn history(h: &crate::failure::History, lang: Lang) -> String {
    match lang {
        Lang::Fr => fr::history(h),
        Lang::En => en::history(h),
    }
}

/// An error and its causes, in `lang`: `pacte's words: the cause: …`
/// (a sentence said after its cause, `CAUSE (rendering FILE)`, is put
/// there). Texts that are not pacte's (the system's, git's, a template
/// engine's) are kept as they are.
pub fn chain(e: &anyhow::Error, lang: Lang) -> String {
    let links: Vec<&(dyn std::error::Error + 'static)> = e.chain().collect();
    from_links(&links, lang)
}

fn from_links(links: &[&(dyn std::error::Error + 'static)], lang: Lang) -> String {
    let Some((first, rest)) = links.split_first() else {
        return String::new();
    };
    if let Some(r) = first.downcast_ref::<Refusal>() {
        return match lang {
            Lang::Fr => fr::refusal(r),
            Lang::En => en::refusal(r),
        };
    }
    let Some(f) = failure_of(*first) else {
        // Not one of pacte's: its own text (which may already hold its causes).
        let text = first.to_string();
        let rest = from_links(rest, lang);
        return if rest.is_empty() || text.ends_with(&rest) {
            text
        } else {
            format!("{text}: {rest}")
        };
    };
    let text = failure(f, lang);
    let rest = from_links(rest, lang);
    match (rest.is_empty(), f.follows_cause()) {
        (true, _) => text,
        (false, true) => format!("{rest} {text}"),
        (false, false) => format!("{text}{}{rest}", colon(lang)),
    }
}

fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "\u{a0}: ",
        Lang::En => ": ",
    }
}

/// The language of messages of this process, for an `error:` line: it
/// does not need a readable pacte.toml (when pacte.toml is the broken
/// file, PACTE_LANG and the locale decide).
pub fn process_lang(config: Option<&std::path::Path>) -> Lang {
    let workspace = std::env::current_dir()
        .ok()
        .and_then(|cwd| crate::config::Config::load(config, &cwd).ok())
        .and_then(|c| c.lang);
    crate::present::lang::from_process(workspace)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::failure::{because, BrowserPart, Flaw, Message, Place, Prepared};

    fn p() -> String {
        "conventions/festival.toml".into()
    }

    fn place(rev: Option<&str>) -> Place {
        Place {
            path: p(),
            rev: rev.map(str::to_string),
            line_column: Some((3, 7)),
        }
    }

    fn structure() -> Flaw {
        Flaw::Structure {
            file: place(None),
            message: Message {
                en: "the value is missing".into(),
                fr: Some("la valeur manque".into()),
            },
            code: "S003".into(),
        }
    }

    /// One of each variant, several where a field changes the sentence.
    fn every_failure() -> Vec<Failure> {
        use Failure::*;
        let path = p;
        let at = || format!("{}:2:1", p());
        vec![
            NoSuchFile { path: path() },
            NoSuchFileOrFolder { path: path() },
            NoSuchFolder { path: path() },
            OutputFolderMissing {
                path: "out/x.md".into(),
                folder: "out".into(),
            },
            IsAFolder { path: path() },
            ExistsNotAFolder { path: path() },
            WouldOverwriteInput { path: path() },
            AlreadyExists { path: path() },
            ForceNotRegular { path: path() },
            CannotRead { path: path() },
            NotARegularFile { path: path() },
            NotUtf8 { path: path() },
            CannotWrite { path: path() },
            CannotWriteNextTo { path: path() },
            CannotCreateTemporaryFile {
                folder: "out".into(),
            },
            CannotWriteTemporaryFile,
            CannotCreateTemporaryFolder,
            CannotCreateFolder { path: path() },
            CannotCreateOutputFolder { path: path() },
            CurrentFolder,
            CannotResolve { path: path() },
            NoFileName { path: path() },
            StandardOutput,
            NotWritten { path: path() },
            ConfigSyntax {
                at: at(),
                message: crate::failure::Message {
                    en: "expected `=`".into(),
                    fr: Some("il manque `=`".into()),
                },
            },
            ConfigNotText {
                at: at(),
                key: "lang".into(),
                found: "an integer",
            },
            ConfigGlobs { at: at() },
            ConfigBadGlob {
                at: at(),
                glob: "[a".into(),
            },
            ConfigLang {
                at: at(),
                found: "de".into(),
            },
            ConfigCurrency {
                at: at(),
                code: "EUX".into(),
            },
            Jurisdiction {
                at: Some(at()),
                key: "jurisdiction",
                found: "fr".into(),
            },
            Jurisdiction {
                at: None,
                key: "--jurisdiction",
                found: "fr".into(),
            },
            ConfigRulesTable { at: at() },
            ConfigUnknownRule {
                at: at(),
                rule: "K999".into(),
            },
            ConfigLevel {
                at: at(),
                level: "loud".into(),
                rule: "K003".into(),
            },
            ConfigStructureLevel {
                at: at(),
                rule: "S001".into(),
            },
            ConfigUnknownKind {
                at: at(),
                kind: "vente".into(),
            },
            ConfigUnknownKey {
                at: at(),
                key: "langue".into(),
                file: "pacte.toml",
                suggestion: Some("lang".into()),
            },
            ConfigUnknownKey {
                at: at(),
                key: "zzz".into(),
                file: "pacte.toml",
                suggestion: None,
            },
            UnknownRule {
                rule: "K03".into(),
                suggestion: Some("K003".into()),
            },
            UnknownRule {
                rule: "zzz".into(),
                suggestion: None,
            },
            NoConventionFound { places: None },
            NoConventionFound {
                places: Some(vec![]),
            },
            NoConventionFound {
                places: Some(vec!["a".into(), "b".into()]),
            },
            NotAConvention { path: path() },
            FixStructureFirst {
                flaw: structure(),
                check: Some(path()),
            },
            FixStructureFirst {
                flaw: Flaw::NotAConvention { file: place(None) },
                check: None,
            },
            Flawed { flaw: structure() },
            RevisionFlawed {
                flaw: Flaw::Structure {
                    file: place(Some("HEAD~1")),
                    message: Message {
                        en: "the value is missing".into(),
                        fr: Some("la valeur manque".into()),
                    },
                    code: "S003".into(),
                },
            },
            CannotFingerprint { path: path() },
            NoFingerprint,
            FolderNeedsOutput { path: path() },
            PdfNeedsOutput,
            NothingRendered {
                path: "conventions".into(),
                broken: 1,
                total: 3,
            },
            NothingRendered {
                path: "conventions".into(),
                broken: 2,
                total: 3,
            },
            NotRendered { path: path() },
            NotRenderedUnreadable { path: path() },
            NoIdForOutput { path: path() },
            PdfNotWritten,
            BrowserNotFound {
                value: "chromium-x".into(),
            },
            NoBrowser,
            CannotStart {
                program: "/usr/bin/chromium".into(),
            },
            PdfTimeout {
                browser: "/usr/bin/chromium".into(),
                seconds: 60,
            },
            PdfFailed {
                browser: "/usr/bin/chromium".into(),
                status: "signal 9".into(),
                last: "crashed".into(),
            },
            Program {
                program: "/usr/bin/chromium".into(),
            },
            BrowserRefused {
                browser: "/usr/bin/chromium".into(),
                request: "Page.navigate".into(),
                message: "refused".into(),
            },
            BrowserSilent {
                browser: "/usr/bin/chromium".into(),
                seconds: 60,
                request: "Page.printToPDF".into(),
            },
            BrowserPipeClosed,
            BrowserBadMessage,
            BrowserPipe,
            BrowserNoAnswer {
                part: BrowserPart::TargetId,
            },
            BrowserNoAnswer {
                part: BrowserPart::SessionId,
            },
            BrowserNoAnswer {
                part: BrowserPart::PdfData,
            },
            BrowserBadPdf,
            BrowserNoPdf {
                browser: "/usr/bin/chromium".into(),
            },
            CannotSend {
                browser: "/usr/bin/chromium".into(),
                request: "Page.navigate".into(),
            },
            CannotCreatePipe {
                cause: "Too many open files".into(),
            },
            TemplatesFolderMissing { path: path() },
            Template {
                name: "convention.md".into(),
                line: Some(4),
                cause: "unexpected end".into(),
            },
            Template {
                name: "convention.md".into(),
                line: None,
                cause: "unexpected end".into(),
            },
            TemplateUnreadable {
                name: "convention.md".into(),
            },
            TemplateNotUtf8 {
                name: "convention.md".into(),
            },
            CannotPrepare {
                what: Prepared::Document,
            },
            CannotPrepare {
                what: Prepared::Report,
            },
            CannotPrepare {
                what: Prepared::Amendment,
            },
            Rendering { file: path() },
            Reporting { file: path() },
            DocxArchive,
            DocxFailed,
            NoBaseline { path: path() },
            AmendmentNeedsFile { path: path() },
            NoAmendment {
                path: path(),
                id: "avenant-1".into(),
            },
            NothingToAmend {
                path: path(),
                since: Some("v1".into()),
            },
            NothingToAmend {
                path: path(),
                since: None,
            },
            FinancialOneFile { found: 0 },
            FinancialOneFile { found: 3 },
            FinancialFormats,
            NotInRepository { path: path() },
            OutsideRepository { path: path() },
            NotARevision { rev: "-x".into() },
            UnknownRevision {
                rev: "v9".into(),
                shallow: false,
            },
            UnknownRevision {
                rev: "v9".into(),
                shallow: true,
            },
            CannotRunGit,
            GitFailed { command: "git log" },
            GitStopped {
                command: "git cat-file",
            },
            GitUnexpected {
                command: "git cat-file",
                answer: "x".into(),
            },
            DidNotExistAt {
                path: path(),
                rev: "v1".into(),
            },
            NoCommittedRevision { path: path() },
            NoParty {
                path: path(),
                party: "x".into(),
                parties: vec!["ville".into(), "theatre".into()],
            },
            AlreadySigned {
                path: path(),
                party: "ville".into(),
                fingerprint: "sha256:ab".into(),
            },
            CannotReadAnnex {
                path: path(),
                reference: "budget.pdf".into(),
            },
            CannotRecordAnnexes { path: path() },
            CannotAddSignature { path: path() },
            InSignedFile,
            ErrorsBeforeSigning {
                at: at(),
                message: Message {
                    en: "the shares do not add up".into(),
                    fr: None,
                },
                code: "F002".into(),
                count: 1,
                path: path(),
            },
            ErrorsBeforeSigning {
                at: at(),
                message: Message {
                    en: "the shares do not add up".into(),
                    fr: None,
                },
                code: "F002".into(),
                count: 2,
                path: path(),
            },
            SignedTermsLost { path: path() },
            EditInvalidDate {
                date: "2027-13-01".into(),
            },
            EditUnparsable,
            EditNoConvention { yaml: false },
            EditNoConvention { yaml: true },
            EditNoItem {
                array: "annex".into(),
                number: 2,
                yaml: false,
            },
            EditNoItem {
                array: "annex".into(),
                number: 2,
                yaml: true,
            },
            EditNotTables {
                array: "signature".into(),
            },
            EditDocumentNotMapping,
            EditEmptyMapping {
                key: "sha256".into(),
            },
            EditFlowMappingEnd,
            EditNotMapping {
                name: "convention".into(),
                number: None,
            },
            EditNotMapping {
                name: "annex".into(),
                number: Some(2),
            },
            EditFlow {
                name: "convention".into(),
                list: false,
            },
            EditFlow {
                name: "signature".into(),
                list: true,
            },
            EditNoArray {
                array: "annex".into(),
            },
            EditNotList {
                array: "signature".into(),
            },
            EditEmptyList {
                array: "signature".into(),
            },
            EditNotBlockList {
                array: "signature".into(),
            },
            EditLayout {
                array: "signature".into(),
            },
            InvalidId { id: "BAD".into() },
            PartiesRange { found: 1 },
        ]
    }

    /// Fails to compile when a variant is added and not listed above.
    fn listed(f: &Failure) {
        use Failure::*;
        match f {
            NoSuchFile { .. }
            | NoSuchFileOrFolder { .. }
            | NoSuchFolder { .. }
            | OutputFolderMissing { .. }
            | IsAFolder { .. }
            | ExistsNotAFolder { .. }
            | WouldOverwriteInput { .. }
            | AlreadyExists { .. }
            | ForceNotRegular { .. }
            | CannotRead { .. }
            | NotARegularFile { .. }
            | NotUtf8 { .. }
            | CannotWrite { .. }
            | CannotWriteNextTo { .. }
            | CannotCreateTemporaryFile { .. }
            | CannotWriteTemporaryFile
            | CannotCreateTemporaryFolder
            | CannotCreateFolder { .. }
            | CannotCreateOutputFolder { .. }
            | CurrentFolder
            | CannotResolve { .. }
            | NoFileName { .. }
            | StandardOutput
            | NotWritten { .. }
            | ConfigSyntax { .. }
            | ConfigNotText { .. }
            | ConfigGlobs { .. }
            | ConfigBadGlob { .. }
            | ConfigLang { .. }
            | ConfigCurrency { .. }
            | Jurisdiction { .. }
            | ConfigRulesTable { .. }
            | ConfigUnknownRule { .. }
            | ConfigLevel { .. }
            | ConfigStructureLevel { .. }
            | ConfigUnknownKind { .. }
            | ConfigUnknownKey { .. }
            | UnknownRule { .. }
            | NoConventionFound { .. }
            | NotAConvention { .. }
            | FixStructureFirst { .. }
            | Flawed { .. }
            | RevisionFlawed { .. }
            | CannotFingerprint { .. }
            | NoFingerprint
            | FolderNeedsOutput { .. }
            | PdfNeedsOutput
            | NothingRendered { .. }
            | NotRendered { .. }
            | NotRenderedUnreadable { .. }
            | NoIdForOutput { .. }
            | PdfNotWritten
            | BrowserNotFound { .. }
            | NoBrowser
            | CannotStart { .. }
            | PdfTimeout { .. }
            | PdfFailed { .. }
            | Program { .. }
            | BrowserRefused { .. }
            | BrowserSilent { .. }
            | BrowserPipeClosed
            | BrowserBadMessage
            | BrowserPipe
            | BrowserNoAnswer { .. }
            | BrowserBadPdf
            | BrowserNoPdf { .. }
            | CannotSend { .. }
            | CannotCreatePipe { .. }
            | TemplatesFolderMissing { .. }
            | Template { .. }
            | TemplateUnreadable { .. }
            | TemplateNotUtf8 { .. }
            | CannotPrepare { .. }
            | Rendering { .. }
            | Reporting { .. }
            | DocxArchive
            | DocxFailed
            | NoBaseline { .. }
            | AmendmentNeedsFile { .. }
            | NoAmendment { .. }
            | NothingToAmend { .. }
            | FinancialOneFile { .. }
            | FinancialFormats
            | NotInRepository { .. }
            | OutsideRepository { .. }
            | NotARevision { .. }
            | UnknownRevision { .. }
            | CannotRunGit
            | GitFailed { .. }
            | GitStopped { .. }
            | GitUnexpected { .. }
            | DidNotExistAt { .. }
            | NoCommittedRevision { .. }
            | NoParty { .. }
            | AlreadySigned { .. }
            | CannotReadAnnex { .. }
            | CannotRecordAnnexes { .. }
            | CannotAddSignature { .. }
            | InSignedFile
            | ErrorsBeforeSigning { .. }
            | SignedTermsLost { .. }
            | EditInvalidDate { .. }
            | EditUnparsable
            | EditNoConvention { .. }
            | EditNoItem { .. }
            | EditNotTables { .. }
            | EditDocumentNotMapping
            | EditEmptyMapping { .. }
            | EditFlowMappingEnd
            | EditNotMapping { .. }
            | EditFlow { .. }
            | EditNoArray { .. }
            | EditNotList { .. }
            | EditEmptyList { .. }
            | EditNotBlockList { .. }
            | EditLayout { .. } => {}
            InvalidId { .. } | PartiesRange { .. } => {}
        }
    }

    fn every_note() -> Vec<Note> {
        vec![
            Note::RenderedAsDraft {
                path: p(),
                errors: 1,
            },
            Note::RenderedAsDraft {
                path: p(),
                errors: 3,
            },
            Note::NotSignatory {
                name: "Jeanne Martin".into(),
                party: "ville".into(),
                signatory: "Jean Martin".into(),
            },
            Note::AnnexHashed {
                annex: "Budget".into(),
            },
            Note::Signed {
                path: p(),
                party: "ville".into(),
                fingerprint: "sha256:ab".into(),
            },
            Note::AllSigned,
            Note::NotExported { path: p() },
            Note::GrantLeftOut {
                file: p(),
                giver: "ville".into(),
                beneficiary: "theatre".into(),
                missing: vec!["siret".into(), "object".into()],
            },
            Note::ConventionsRead,
            Note::Wrote { path: p() },
            Note::Left { path: p() },
        ]
    }

    /// French typography: no plain space before `: ; ! ?`, no straight
    /// apostrophe, no-break spaces inside « »; no no-break space in English.
    fn check_sentences(en: &str, fr: &str) {
        assert!(!en.trim().is_empty() && !fr.trim().is_empty());
        assert!(!en.contains(['\u{a0}', '\u{202f}', '’', '«']), "{en}");
        for mark in [':', ';', '!', '?'] {
            assert!(
                !fr.contains(&format!(" {mark}")),
                "space before {mark}: {fr}"
            );
        }
        for mark in [';', '!', '?'] {
            assert!(
                !fr.contains(&format!("\u{a0}{mark}")),
                "U+00A0 before {mark}: {fr}"
            );
        }
        assert!(!fr.contains("\u{202f}:"), "U+202F before a colon: {fr}");
        assert!(!fr.contains('\''), "straight apostrophe: {fr}");
        assert!(!fr.contains("« ") && !fr.contains(" »"), "{fr}");
        assert!(!fr.contains('"'), "straight quotes: {fr}");
        assert_eq!(fr.matches('«').count(), fr.matches("«\u{a0}").count());
        assert_eq!(fr.matches('»').count(), fr.matches("\u{a0}»").count());
        // A colon that ends a clause has its no-break space (`note:` and
        // `warning:` are keywords, as `error:`).
        for (i, _) in fr.match_indices(": ") {
            assert!(
                fr[..i].ends_with('\u{a0}') || ["note", "warning"].contains(&&fr[..i]),
                "colon without its no-break space: {fr}"
            );
        }
    }

    #[test]
    fn every_failure_has_a_sentence_in_both_languages() {
        let all = every_failure();
        for f in &all {
            listed(f);
            let (en, fr) = (failure(f, Lang::En), failure(f, Lang::Fr));
            check_sentences(&en, &fr);
            assert_eq!(en, f.to_string(), "Display is the English sentence");
        }
        // Every variant at least once.
        let kinds: std::collections::HashSet<_> = all.iter().map(std::mem::discriminant).collect();
        assert_eq!(kinds.len(), 118);
    }

    #[test]
    fn every_history_line_has_words_in_both_languages() {
        use crate::failure::History::*;
        let sig = || vec!["ville (Jeanne Martin, 2026-05-02)".to_string()];
        let all = [
            NoChange {
                file: p(),
                from: "v1".into(),
                to: "v2".into(),
                fingerprint: "sha256:ab".into(),
            },
            WorkingTree,
            ChangesHeading { file: p() },
            FromTo {
                from: "v1".into(),
                old: "sha256:ab".into(),
                to: "v2".into(),
                new: "sha256:cd".into(),
            },
            TermsChanged {
                file: p(),
                from: "v1".into(),
                to: "v2".into(),
            },
            NewArticle,
            Added {
                path: "funds.total".into(),
                value: "5000".into(),
            },
            Removed {
                path: "funds.total".into(),
                value: "5000".into(),
            },
            Changed {
                path: "funds.total".into(),
                old: "5000".into(),
                new: "6000".into(),
            },
            Labelled {
                path: "clause.text".into(),
                rest: " [-old-] {+new+}".into(),
            },
            NoneVoided,
            Voids { signatures: sig() },
            Voids {
                signatures: vec!["ville".into(), "theatre".into()],
            },
            LogFile { path: p() },
            LogTerms {
                fingerprint: Some("sha256:ab".into()),
            },
            LogTerms { fingerprint: None },
            LogUnchanged { count: 1 },
            LogUnchanged { count: 2 },
            LogSignedBy { signatures: sig() },
            LogSignedBy { signatures: vec![] },
            LogAmendment {
                id: "avenant-1".into(),
            },
        ];
        for h in &all {
            check_sentences(&history(h, Lang::En), &history(h, Lang::Fr));
        }
    }

    #[test]
    fn every_note_has_a_sentence_in_both_languages() {
        for n in &every_note() {
            check_sentences(&note(n, Lang::En), &note(n, Lang::Fr));
        }
    }

    #[test]
    fn the_chain_is_said_in_the_language_of_messages() {
        let os = || std::io::Error::new(std::io::ErrorKind::PermissionDenied, "Permission denied");
        let e = because(Failure::CannotRead { path: p() }, os());
        assert_eq!(
            chain(&e, Lang::En),
            "cannot read conventions/festival.toml: Permission denied"
        );
        assert_eq!(
            chain(&e, Lang::Fr),
            "impossible de lire conventions/festival.toml\u{a0}: Permission denied"
        );
        // Two of pacte's, one in front of the other.
        let e = because(
            Failure::CannotFingerprint { path: p() },
            because(Failure::CannotRead { path: p() }, os()),
        );
        assert_eq!(
            chain(&e, Lang::Fr),
            "impossible de calculer l’empreinte de conventions/festival.toml\u{a0}: impossible de lire conventions/festival.toml\u{a0}: Permission denied"
        );
        // Said after its cause.
        let e = because(
            Failure::Rendering { file: p() },
            Failure::Template {
                name: "convention.md".into(),
                line: Some(2),
                cause: "unexpected end".into(),
            },
        );
        assert_eq!(
            chain(&e, Lang::En),
            "template convention.md: line 2: unexpected end (rendering conventions/festival.toml)"
        );
        assert_eq!(
            chain(&e, Lang::Fr),
            "modèle convention.md\u{a0}: ligne 2\u{a0}: unexpected end (rendu de conventions/festival.toml)"
        );
        // Why a file was not read.
        let e = because(
            Failure::CannotReadAnnex {
                path: p(),
                reference: "budget.pdf".into(),
            },
            Refusal::NotRegularInside,
        );
        assert_eq!(
            chain(&e, Lang::Fr),
            "conventions/festival.toml\u{a0}: impossible de lire l’annexe `budget.pdf`\u{a0}: ce n’est pas un fichier ordinaire situé dans l’espace de travail\u{a0}: il n’est pas lu"
        );
        for r in [
            Refusal::Missing,
            Refusal::NotRegularInside,
            Refusal::TooLarge(4 << 20),
        ] {
            check_sentences(&en::refusal(&r), &fr::refusal(&r));
            assert_eq!(en::refusal(&r), r.to_string());
        }
        // An error that is not pacte's keeps its words; a context too.
        let e = anyhow::anyhow!("disk full").context("while writing");
        assert_eq!(chain(&e, Lang::Fr), "while writing: disk full");
    }
}
