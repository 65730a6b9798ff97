//! Les phrases françaises des échecs et des notes (typographie française :
//! espace insécable U+00A0 avant « : » et dans les guillemets, espace fine
//! insécable U+202F avant « ; ! ? », apostrophe ’).

use crate::failure::{BrowserPart, Failure, Flaw, History, Note, Place, Prepared};
use crate::workspace::Refusal;

fn place(p: &Place) -> String {
    let mut s = p.path.clone();
    if let Some(rev) = &p.rev {
        s.push_str(&format!(" à la révision {rev}"));
    }
    if let Some((l, c)) = p.line_column {
        s.push_str(&format!(":{l}:{c}"));
    }
    s
}

fn flaw(f: &Flaw) -> String {
    match f {
        Flaw::NotAConvention { file } => {
            format!("{}\u{a0}: ce n’est pas une convention", place(file))
        }
        Flaw::Structure {
            file,
            message,
            code,
        } => format!(
            "{}\u{a0}: {} [{code}]",
            place(file),
            message.fr.as_ref().unwrap_or(&message.en)
        ),
    }
}

fn plural(n: usize, word: &str) -> String {
    if n <= 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The French name of a value's type ([`crate::value::Value::type_name`]).
fn type_name(found: &str) -> &str {
    match found {
        "a string" => "une chaîne de caractères",
        "an integer" => "un entier",
        "a number" => "un nombre",
        "a boolean" => "un booléen",
        "a date" => "une date",
        "a date-time" => "une date avec heure",
        "an array" => "une liste",
        "a table" => "une table",
        other => other,
    }
}

fn quoted(s: &str) -> String {
    format!("«\u{a0}{s}\u{a0}»")
}

/// La phrase d’un échec (sa cause, s’il en a une, est dite après elle).
pub fn failure(f: &Failure) -> String {
    use Failure::*;
    match f {
        NoSuchFile { path } => format!("{path}\u{a0}: fichier introuvable"),
        NoSuchFileOrFolder { path } => format!("{path}\u{a0}: aucun fichier ni dossier de ce nom"),
        NoSuchFolder { path } => format!("{path}\u{a0}: dossier introuvable"),
        OutputFolderMissing { path, folder } => {
            format!("{path}\u{a0}: le dossier de sortie {folder} n’existe pas")
        }
        IsAFolder { path } => format!("{path}\u{a0}: c’est un dossier"),
        ExistsNotAFolder { path } => format!("{path}\u{a0}: existe déjà et n’est pas un dossier"),
        WouldOverwriteInput { path } => {
            format!("{path}\u{a0}: refus d’écrire sur l’un des fichiers lus")
        }
        AlreadyExists { path } => {
            format!("{path}\u{a0}: existe déjà (--force pour le remplacer)")
        }
        ForceNotRegular { path } => format!(
            "{path}\u{a0}: ce n’est pas un fichier ordinaire (périphérique, FIFO, socket ou lien symbolique)\u{202f}; --force ne remplace que des fichiers ordinaires"
        ),
        CannotRead { path } => format!("impossible de lire {path}"),
        NotARegularFile { path } => {
            format!("impossible de lire {path}\u{a0}: ce n’est pas un fichier ordinaire")
        }
        NotUtf8 { path } => format!("{path}\u{a0}: ce n’est pas du texte UTF-8 valide"),
        CannotWrite { path } => format!("{path}\u{a0}: écriture impossible"),
        CannotWriteNextTo { path } => format!("impossible d’écrire à côté de {path}"),
        CannotCreateTemporaryFile { folder } => {
            format!("{folder}\u{a0}: impossible de créer un fichier temporaire")
        }
        CannotWriteTemporaryFile => "impossible d’écrire un fichier temporaire".into(),
        CannotCreateTemporaryFolder => "impossible de créer un dossier temporaire".into(),
        CannotCreateFolder { path } => format!("{path}\u{a0}: impossible de créer le dossier"),
        CannotCreateOutputFolder { path } => {
            format!("{path}\u{a0}: impossible de créer le dossier de sortie")
        }
        CurrentFolder => "impossible de lire le dossier courant".into(),
        CannotResolve { path } => format!("{path}\u{a0}: chemin impossible à résoudre"),
        NoFileName { path } => format!("{path}\u{a0}: aucun nom de fichier"),
        StandardOutput => "impossible d’écrire sur la sortie standard".into(),
        NotWritten { path } => format!("{path}\u{a0}: fichier non écrit"),

        ConfigSyntax { at, message } => {
            format!("{at}\u{a0}: {}", message.fr.as_ref().unwrap_or(&message.en))
        }
        ConfigNotText { at, key, found } => format!(
            "{at}\u{a0}: `{key}` doit être un texte, et non {}",
            type_name(found)
        ),
        ConfigGlobs { at } => {
            format!("{at}\u{a0}: `conventions` doit être une liste de motifs (globs)")
        }
        ConfigBadGlob { at, glob } => format!("{at}\u{a0}: motif `{glob}` invalide"),
        ConfigLang { at, found } => format!(
            "{at}\u{a0}: `lang` doit valoir {} ou {}, et non {}",
            quoted("fr"),
            quoted("en"),
            quoted(found)
        ),
        ConfigCurrency { at, code } => {
            format!("{at}\u{a0}: `{code}` n’est pas un code de devise ISO 4217")
        }
        Jurisdiction { at, key, found } => {
            let at = at
                .as_ref()
                .map(|a| format!("{a}\u{a0}: "))
                .unwrap_or_default();
            format!(
                "{at}`{key}` doit être un code ISO 3166-1 alpha-2 en capitales, tel que {}, et non {}",
                quoted("FR"),
                quoted(found)
            )
        }
        ConfigRulesTable { at } => format!("{at}\u{a0}: `rules` doit être une table"),
        ConfigUnknownRule { at, rule } => {
            format!("{at}\u{a0}: règle `{rule}` inconnue (voir `pacte rules`)")
        }
        ConfigLevel { at, level, rule } => format!(
            "{at}\u{a0}: niveau {} invalide pour {rule}\u{a0}: les niveaux sont {}, {}, {} et {}",
            quoted(level),
            quoted("error"),
            quoted("warning"),
            quoted("info"),
            quoted("off")
        ),
        ConfigStructureLevel { at, rule } => format!(
            "{at}\u{a0}: {rule} est une règle de structure, dont le niveau ne peut être abaissé sous error"
        ),
        ConfigUnknownKind { at, kind } => format!(
            "{at}\u{a0}: type de convention `{kind}` inconnu\u{a0}: les types sont realisation, gestion, protocole et subvention"
        ),
        ConfigUnknownKey {
            at,
            key,
            file,
            suggestion,
        } => match suggestion {
            Some(s) => format!(
                "{at}\u{a0}: clé `{key}` inconnue dans {file} (vouliez-vous dire `{s}`\u{202f}?)"
            ),
            None => format!("{at}\u{a0}: clé `{key}` inconnue dans {file}"),
        },

        UnknownRule { rule, suggestion } => match suggestion {
            Some(s) => format!("aucune règle `{rule}` (vouliez-vous dire `{s}`\u{202f}?)"),
            None => format!("aucune règle `{rule}`\u{a0}: `pacte rules` les énumère"),
        },
        NoConventionFound { places } => {
            let where_ = match places.as_deref() {
                None => String::new(),
                Some([]) => " dans ce dossier".into(),
                Some(p) => format!(" dans {}", p.join(", ")),
            };
            format!("aucune convention trouvée{where_} (une convention est un fichier .toml, .yaml ou .yml qui comporte une table `convention`)")
        }
        NotAConvention { path } => format!("{path}\u{a0}: ce n’est pas une convention"),
        FixStructureFirst { flaw: f, check } => match check {
            Some(c) => format!(
                "{}\u{a0}: corrigez d’abord les erreurs de structure (`pacte check {c}`)",
                flaw(f)
            ),
            None => format!("{}\u{a0}: corrigez d’abord les erreurs de structure", flaw(f)),
        },
        Flawed { flaw: f } => flaw(f),
        RevisionFlawed { flaw: f } => format!(
            "{}\u{a0}: une révision qui comporte des erreurs de structure ne peut être comparée",
            flaw(f)
        ),
        CannotFingerprint { path } => format!("impossible de calculer l’empreinte de {path}"),
        NoFingerprint => "aucune empreinte calculée".into(),

        FolderNeedsOutput { path } => format!(
            "{path}\u{a0}: le rendu d’un dossier exige -o DOSSIER (un fichier par convention)"
        ),
        PdfNeedsOutput => "le PDF exige un fichier de sortie\u{a0}: -o FICHIER.pdf".into(),
        NothingRendered {
            path,
            broken,
            total,
        } => format!(
            "{path}\u{a0}: rien n’a été rendu\u{202f}; {broken} des {total} conventions {} des erreurs de structure, à corriger d’abord (`pacte check {path}`)",
            if *broken <= 1 { "comporte" } else { "comportent" }
        ),
        NotRendered { path } => format!(
            "{path}\u{a0}: non rendu\u{202f}; corrigez d’abord les erreurs de structure (`pacte check {path}`)"
        ),
        NotRenderedUnreadable { path } => {
            format!("{path}\u{a0}: non rendu\u{202f}; le fichier n’a pas pu être lu")
        }
        NoIdForOutput { path } => {
            format!("{path}\u{a0}: aucun identifiant (`id`) pour nommer son fichier de sortie")
        }
        PdfNotWritten => "le PDF n’a pas été écrit".into(),
        BrowserNotFound { value } => format!(
            "PACTE_BROWSER={value}\u{a0}: programme introuvable (indiquez un exécutable Chromium ou Chrome)"
        ),
        NoBrowser => "le PDF exige un Chromium ou un Chrome installé sur la machine\u{a0}: installez-en un (`apt-get install chromium`) ou donnez son chemin dans PACTE_BROWSER".into(),
        CannotStart { program } => format!("impossible de lancer {program}"),
        PdfTimeout { browser, seconds } => {
            format!("{browser} n’a pas imprimé le PDF en {seconds}\u{a0}s")
        }
        PdfFailed {
            browser,
            status,
            last,
        } => format!("{browser} n’a pas pu imprimer le PDF ({status})\u{a0}: {last}"),
        Program { program } => program.clone(),
        BrowserRefused {
            browser,
            request,
            message,
        } => format!("{browser}\u{a0}: {request}\u{a0}: {message}"),
        BrowserSilent {
            browser,
            seconds,
            request,
        } => format!("{browser} n’a pas répondu en {seconds}\u{a0}s ({request})"),
        BrowserPipeClosed => "le navigateur a fermé son canal DevTools".into(),
        BrowserBadMessage => "message DevTools illisible".into(),
        BrowserPipe => "canal DevTools".into(),
        BrowserNoAnswer { part } => match part {
            BrowserPart::TargetId => "le navigateur n’a pas donné d’identifiant de cible".into(),
            BrowserPart::SessionId => {
                "le navigateur n’a pas donné d’identifiant de session".into()
            }
            BrowserPart::PdfData => "le navigateur n’a pas transmis les données du PDF".into(),
        },
        BrowserBadPdf => "données PDF du navigateur illisibles".into(),
        BrowserNoPdf { browser } => format!("{browser} n’a pas produit de PDF"),
        CannotSend { browser, request } => {
            format!("{browser}\u{a0}: impossible d’envoyer {request}")
        }
        CannotCreatePipe { cause } => format!("impossible de créer un tube\u{a0}: {cause}"),

        TemplatesFolderMissing { path } => format!("{path}\u{a0}: dossier de modèles introuvable"),
        Template { name, line, cause } => match line {
            Some(l) => format!("modèle {name}\u{a0}: ligne {l}\u{a0}: {cause}"),
            None => format!("modèle {name}\u{a0}: {cause}"),
        },
        TemplateUnreadable { name } => format!("modèle {name}"),
        TemplateNotUtf8 { name } => {
            format!("modèle {name}\u{a0}: ce n’est pas du texte UTF-8 valide")
        }
        CannotPrepare { what } => match what {
            Prepared::Document => "impossible de préparer le document".into(),
            Prepared::Report => "impossible de préparer le rapport".into(),
            Prepared::Amendment => "impossible de préparer l’avenant".into(),
        },
        Rendering { file } => format!("(rendu de {file})"),
        Reporting { file } => format!("(rapport sur {file})"),
        DocxArchive => "impossible d’écrire l’archive DOCX".into(),
        DocxFailed => "l’écriture du DOCX a échoué".into(),

        NoBaseline { path } => format!(
            "{path}\u{a0}: aucune révision dont toutes les parties ont signé les termes\u{a0}: indiquez la révision de référence avec --from REV"
        ),
        AmendmentNeedsFile { path } => format!(
            "{path}\u{a0}: fichier introuvable (un avenant se rend à partir d’un seul fichier de convention)"
        ),
        NoAmendment { path, id } => {
            format!("{path}\u{a0}: aucun avenant ([[amendment]]) d’identifiant `{id}`")
        }
        NothingToAmend { path, since } => format!(
            "{path}\u{a0}: les termes n’ont pas changé depuis {}\u{a0}: il n’y a rien à modifier par avenant",
            since.as_deref().unwrap_or("la révision de référence")
        ),

        FinancialOneFile { found } => format!(
            "--financial porte sur un seul fichier de convention ({found} {})",
            if *found <= 1 { "trouvé" } else { "trouvés" }
        ),
        FinancialFormats => "--financial produit du md, du html ou du json".into(),

        NotInRepository { path } => format!(
            "{path}\u{a0}: hors de tout dépôt git (diff, log et les avenants lisent l’historique du fichier dans git)"
        ),
        OutsideRepository { path } => format!("{path}\u{a0}: hors du dépôt"),
        NotARevision { rev } => format!("`{rev}` n’est pas une révision"),
        UnknownRevision { rev, shallow } => {
            if *shallow {
                format!("révision `{rev}` inconnue (ce dépôt est un clone superficiel\u{a0}: `git fetch --unshallow` rapatrie tout l’historique)")
            } else {
                format!("révision `{rev}` inconnue")
            }
        }
        CannotRunGit => "impossible de lancer git".into(),
        GitFailed { command } => format!("échec de {command}"),
        GitStopped { command } => format!("{command} s’est interrompu"),
        GitUnexpected { command, answer } => {
            format!("{command}\u{a0}: réponse inattendue `{answer}`")
        }
        DidNotExistAt { path, rev } => format!("{path} n’existait pas à la révision `{rev}`"),
        NoCommittedRevision { path } => {
            format!("{path}\u{a0}: aucune version enregistrée dans git (commit)")
        }

        NoParty {
            path,
            party,
            parties,
        } => format!(
            "{path}\u{a0}: aucune partie `{party}` (les parties sont\u{a0}: {})",
            parties.join(", ")
        ),
        AlreadySigned {
            path,
            party,
            fingerprint,
        } => format!("{path}\u{a0}: la partie `{party}` a déjà signé ces termes ({fingerprint})"),
        CannotReadAnnex { path, reference } => {
            format!("{path}\u{a0}: impossible de lire l’annexe `{reference}`")
        }
        CannotRecordAnnexes { path } => {
            format!("{path}\u{a0}: impossible d’inscrire l’empreinte sha256 des annexes")
        }
        CannotAddSignature { path } => format!("{path}\u{a0}: impossible d’ajouter la signature"),
        InSignedFile => "(dans le fichier signé\u{a0}: rien n’a été écrit)".into(),
        ErrorsBeforeSigning {
            at,
            message,
            code,
            count,
            path,
        } => format!(
            "{at}\u{a0}: {} [{code}]\u{202f}; {} à corriger avant de signer (`pacte check {path}`), rien n’a été écrit",
            message.fr.as_ref().unwrap_or(&message.en),
            plural(*count, "erreur")
        ),
        SignedTermsLost { path } => format!(
            "{path}\u{a0}: le fichier signé ne porterait pas les termes signés\u{202f}; rien n’a été écrit"
        ),

        EditInvalidDate { date } => format!("date invalide\u{a0}: {date}"),
        EditUnparsable => "le fichier comporte une erreur de syntaxe".into(),
        EditNoConvention { yaml } => {
            if *yaml {
                "aucun tableau associatif `convention`".into()
            } else {
                "aucune table `convention`".into()
            }
        }
        EditNoItem {
            array,
            number,
            yaml,
        } => {
            if *yaml {
                format!("aucun élément numéro {number} dans `{array}`")
            } else {
                format!("aucun [[{array}]] numéro {number}")
            }
        }
        EditNotTables { array } => {
            format!("`{array}` n’est pas écrit sous forme de tables [[{array}]]")
        }
        EditDocumentNotMapping => "le document n’est pas un tableau associatif".into(),
        EditEmptyMapping { key } => format!(
            "impossible d’ajouter `{key}` à un tableau associatif vide sans en changer la mise en forme"
        ),
        EditFlowMappingEnd => "fin du tableau associatif écrit en ligne introuvable".into(),
        EditNotMapping { name, number } => match number {
            Some(n) => format!("l’élément numéro {n} de `{name}` n’est pas un tableau associatif"),
            None => format!("`{name}` n’est pas un tableau associatif"),
        },
        EditFlow { name, list } => {
            if *list {
                format!("`{name}` est une liste écrite en ligne\u{a0}: elle ne peut être modifiée sans changer sa mise en forme")
            } else {
                format!("`{name}` est un tableau associatif écrit en ligne\u{a0}: il ne peut être modifié sans changer sa mise en forme")
            }
        }
        EditNoArray { array } => format!("aucune clé `{array}`"),
        EditNotList { array } => format!("`{array}` n’est pas une liste"),
        EditEmptyList { array } => format!("`{array}` est une liste vide"),
        EditNotBlockList { array } => format!("`{array}` n’est pas une liste écrite en bloc"),
        EditLayout { array } => {
            format!("la liste `{array}` est disposée d’une manière que sign ne sait pas prolonger")
        }

        InvalidId { id } => format!(
            "`{id}` n’est pas un identifiant de convention valide\u{a0}: lettres minuscules, chiffres, `-` et `_`, en commençant par une lettre ou un chiffre (par exemple `festival-2027`)"
        ),
        PartiesRange { found } => {
            format!("`--parties` doit être compris entre 2 et 50, et non {found}")
        }
    }
}

/// Pourquoi un fichier n’a pas été lu.
pub fn refusal(r: &Refusal) -> String {
    match r {
        Refusal::Missing => "fichier introuvable".into(),
        Refusal::NotRegularInside => {
            "ce n’est pas un fichier ordinaire situé dans l’espace de travail\u{a0}: il n’est pas lu"
                .into()
        }
        Refusal::TooLarge(limit) => {
            format!("le fichier dépasse {}\u{a0}Mo\u{a0}: il n’est pas lu", limit >> 20)
        }
        Refusal::Io(e) => e.to_string(),
    }
}

/// Les mots de `diff` et de `log`.
pub fn history(h: &History) -> String {
    match h {
        History::NoChange {
            file,
            from,
            to,
            fingerprint,
        } => format!(
            "{file}\u{a0}: aucun changement des termes entre {from} et {to} ({fingerprint})"
        ),
        History::WorkingTree => "la copie de travail".into(),
        History::ChangesHeading { file } => format!("## Changements des termes\u{a0}: `{file}`"),
        History::FromTo { from, old, to, new } => {
            format!("De {from} (`{old}`) à {to} (`{new}`).")
        }
        History::TermsChanged { file, from, to } => {
            format!("{file}\u{a0}: les termes ont changé entre {from} et {to}")
        }
        History::NewArticle => " (nouveau)".into(),
        History::Added { path, value } => format!("{path}\u{a0}: ajout de {value}"),
        History::Removed { path, value } => format!("{path}\u{a0}: supprimé (valait {value})"),
        History::Changed { path, old, new } => format!("{path}\u{a0}: {old} → {new}"),
        History::Labelled { path, rest } => format!("{path}\u{a0}:{rest}"),
        History::NoneVoided => {
            "Aucune signature ne porte les anciens termes\u{a0}: aucune n’est rendue caduque."
                .into()
        }
        History::Voids { signatures } => {
            if signatures.len() == 1 {
                format!(
                    "Rend caduque la signature de {} (elle porte les anciens termes\u{202f}; la partie doit signer de nouveau).",
                    signatures.join(", ")
                )
            } else {
                format!(
                    "Rend caduques les signatures de {} (elles portent les anciens termes\u{202f}; les parties doivent signer de nouveau).",
                    signatures.join(", ")
                )
            }
        }
        History::LogFile { path } => format!("  fichier\u{a0}: {path}"),
        History::LogTerms { fingerprint } => match fingerprint {
            Some(fp) => format!("  termes\u{a0}: {fp}"),
            None => {
                "  termes\u{a0}: illisibles (ce n’est pas une convention valide à ce commit)".into()
            }
        },
        History::LogUnchanged { count } => format!(
            "  puis {} sans changement des termes",
            plural(*count, "commit")
        ),
        History::LogSignedBy { signatures } => {
            if signatures.is_empty() {
                "  signataires\u{a0}: aucun".into()
            } else {
                format!("  signataires\u{a0}: {}", signatures.join(", "))
            }
        }
        History::LogAmendment { id } => format!(" [avenant {id}]"),
    }
}

/// La phrase d’une note.
pub fn note(n: &Note) -> String {
    match n {
        Note::RenderedAsDraft { path, errors } => format!(
            "note: {path}\u{a0}: rendu comme projet, {} à corriger (`pacte check {path}`)",
            plural(*errors, "erreur")
        ),
        Note::NotSignatory {
            name,
            party,
            signatory,
        } => format!(
            "warning: `{name}` n’est pas le signataire de la partie `{party}` ({signatory})"
        ),
        Note::AnnexHashed { annex } => {
            format!("empreinte sha256 de l’annexe {} inscrite", quoted(annex))
        }
        Note::Signed {
            path,
            party,
            fingerprint,
        } => format!("{path}\u{a0}: signé pour `{party}` ({fingerprint})"),
        Note::AllSigned => {
            "toutes les parties ont signé\u{a0}: statut passé à `signed`".into()
        }
        Note::NotExported { path } => format!(
            "{path}\u{a0}: non exporté\u{202f}; le fichier n’a pas pu être lu comme une convention (`pacte check` en donne la raison)"
        ),
        Note::GrantLeftOut {
            file,
            giver,
            beneficiary,
            missing,
        } => format!(
            "{file}\u{a0}: la subvention de `{giver}` à `{beneficiary}` est écartée de l’export SCDL\u{a0}: il y manque {}",
            missing.join(", ")
        ),
        Note::ConventionsRead => "{bar:40} {pos}/{len} conventions lues ({eta})".into(),
        Note::Wrote { path } => format!("créé\u{a0}: {path}"),
        Note::Left { path } => format!("laissé tel quel\u{a0}: {path} (existe déjà)"),
    }
}
