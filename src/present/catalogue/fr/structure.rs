//! The words of the structure rules' findings.

use crate::diagnostic::Words;
use crate::present::catalogue::in_quotes;
use crate::rules::structure::{
    Expected, Found, IdShape, Item, NumberFault, NumberHint, NumberLimit, Referent, SyntaxProblem,
    ValueType, YearFound,
};
use crate::value::Syntax;

/// The most ids a help line lists.
const LISTED: usize = 10;

pub(super) fn words(found: &Found) -> Words {
    match found {
        // ---- S001
        Found::BinaryFile => Words::new(
            "ce fichier est un fichier binaire, non un fichier texte (octet NUL)",
        ),
        Found::InvalidUtf8 => Words::new(
            "encodage UTF-8 invalide\u{a0}: enregistrez le fichier en texte UTF-8",
        ),
        Found::TooLarge => Words::new("document trop volumineux ou trop profondément imbriqué"),
        Found::SeveralDocuments => {
            Words::new("un fichier de convention ne contient qu\u{2019}un seul document YAML")
        }
        Found::RecursiveAlias => {
            Words::new("un alias ne peut pas renvoyer au nœud qui le contient")
        }
        Found::RepeatedYamlKey { key, first_line } => Words::new(format!(
            "la clé `{key}` figure deux fois (une première fois à la ligne {first_line})"
        )),
        Found::TableWrittenTwice { name } => Words::new(format!(
            "`[{name}]` est écrit deux fois\u{a0}: une table entre crochets simples ne figure qu\u{2019}une fois"
        ))
        .help(format!(
            "pour une liste d\u{2019}éléments, écrivez `[[{name}]]` (crochets doubles) avant chacun d\u{2019}eux"
        )),
        Found::NotATomlNumber {
            key,
            value,
            plain,
            faults,
        } => Words::new(format!(
            "`{value}` n\u{2019}est pas un nombre au sens de TOML\u{a0}: {}",
            faults_said(faults)
        ))
        .help(format!("écrivez `{key} = {plain}`")),
        Found::UnquotedText { key, value } => Words::new(format!(
            "la valeur de `{key}` est illisible\u{a0}: un texte s\u{2019}écrit entre guillemets"
        ))
        .help(format!(
            "écrivez `{key} = \"{value}\"` s\u{2019}il s\u{2019}agit d\u{2019}un texte\u{202f}; un nombre s\u{2019}écrit en chiffres seulement, par exemple 18000 ou 4000.50"
        )),
        Found::Syntax { problem, reader } => Words::new(syntax_said(*problem, reader)),

        // ---- S002
        Found::UnknownKey {
            key,
            table,
            suggestion,
            known,
        } => {
            let message = match table {
                None => format!("clé de premier niveau inconnue `{key}`"),
                Some(t) => format!("clé inconnue `{key}` dans `{t}`"),
            };
            let help = match (suggestion, table) {
                (Some(k), _) => format!("vouliez-vous dire `{k}`\u{202f}?"),
                (None, None) => format!(
                    "les clés de premier niveau sont\u{a0}: {}\u{202f}; les notes libres vont sous [meta]",
                    known.join(", ")
                ),
                (None, Some(t)) => format!("les clés de `{t}` sont\u{a0}: {}", known.join(", ")),
            };
            Words::new(message).help(help)
        }
        Found::MergeKey => Words::new("les clés de fusion (`<<`) ne font pas partie du format"),

        // ---- S003
        Found::WrongType {
            key,
            expected,
            found,
        } => {
            let t = type_name(*found);
            match expected {
                Expected::Text => {
                    Words::new(format!("`{key}` doit être un texte, et non {t}"))
                        .help("écrivez-le entre guillemets")
                }
                Expected::Boolean => {
                    Words::new(format!("`{key}` doit valoir true ou false, et non {t}"))
                }
                Expected::Date => Words::new(format!("`{key}` doit être une date, et non {t}"))
                    .help("écrivez la date sous la forme AAAA-MM-JJ, par exemple 2026-03-01"),
                Expected::WholeNumber => {
                    Words::new(format!("`{key}` doit être un nombre entier, et non {t}"))
                }
                Expected::ListOfTexts => {
                    Words::new(format!("`{key}` doit être une liste de textes, et non {t}"))
                        .help(format!("écrivez une liste\u{a0}: {key} = [\"…\", \"…\"]"))
                }
                Expected::TextItem => Words::new(format!(
                    "les éléments de `{key}` doivent être des textes\u{a0}: celui-ci est {t}"
                )),
            }
        }
        Found::NotATable {
            path,
            found,
            syntax,
        } => Words::new(format!(
            "`{path}` doit être une table, et non {}",
            type_name(*found)
        ))
        .help(match (found, syntax) {
            (ValueType::Array, Syntax::Toml) => format!(
                "écrivez `[{path}]` entre crochets simples\u{a0}: il n\u{2019}y en a qu\u{2019}une\u{202f}; `[[{path}]]` ouvre un élément de liste"
            ),
            _ => format!("écrivez `{path}` sous la forme d\u{2019}une table de clés et de valeurs"),
        }),
        Found::NotAListOfTables {
            path,
            found,
            syntax,
        } => Words::new(format!(
            "`{path}` doit être une liste de tables, et non {}",
            type_name(*found)
        ))
        .help(match (syntax, found) {
            (Syntax::Toml, ValueType::Table) => format!(
                "écrivez `[[{path}]]` (crochets doubles) avant chaque élément\u{a0}: `[{path}]` entre crochets simples est une seule table, non une liste"
            ),
            (Syntax::Toml, _) => {
                format!("écrivez chaque élément sous son propre en-tête [[{path}]]")
            }
            (Syntax::Yaml, _) => format!(
                "écrivez `{path}:` sous la forme d\u{2019}une liste, chaque élément commençant par `- `"
            ),
        }),
        Found::NotANumber { key, hint, .. } => {
            let w = Words::new(format!("`{key}` doit être un nombre"));
            match hint {
                NumberHint::FrenchNumber { written } => w.help(format!(
                    "écrivez `{written}`\u{a0}: des chiffres seulement, un point avant les décimales, sans symbole monétaire"
                )),
                NumberHint::QuotedNumber => w.help("retirez les guillemets autour du nombre"),
                NumberHint::Text => w.help(
                    "écrivez le montant en chiffres seulement, par exemple 4000 ou 4000.50",
                ),
                NumberHint::None => w,
            }
        }
        Found::UnusableNumber { key, fault } => Words::new(match fault {
            NumberLimit::TooLarge => format!("`{key}` est trop grand (plus de 2^53)"),
            NumberLimit::NotFinite => format!("`{key}` doit être un nombre fini"),
            NumberLimit::TooManyDigits => format!(
                "`{key}` compte plus de chiffres qu\u{2019}il n\u{2019}est possible d\u{2019}en conserver exactement"
            ),
        }),
        Found::NotAShare { key, min, found } => Words::new(format!(
            "`{key}` doit être une part supérieure à {min} et au plus égale à 1, et non {found}"
        ))
        .help("écrivez une part telle que 0.5 ou 0.66"),
        Found::BelowMinimum { key, min, found } => Words::new(format!(
            "`{key}` doit être un nombre entier au moins égal à {min}, et non {found}"
        )),
        Found::NegativeAmount { key, found } => Words::new(format!(
            "`{key}` ne peut pas être négatif, or il vaut {found}"
        )),
        Found::TooManyDecimals { key, minor, found } => Words::new(format!(
            "`{key}` compte plus de décimales que la devise n\u{2019}en admet ({minor})\u{a0}: {found}"
        ))
        .help(match minor {
            0 => "arrondissez le montant à l\u{2019}unité".to_string(),
            1 => "arrondissez le montant à 1 décimale".to_string(),
            n => format!("arrondissez le montant à {n} décimales"),
        }),
        Found::NegativeVote { party } => Words::new(format!(
            "le poids de vote de `{party}` ne peut pas être négatif"
        )),
        Found::WomenOverSeats { women, seats } => Words::new(format!(
            "`women` ({women}) ne peut pas dépasser `seats` ({seats})"
        )),
        Found::NotAYear { key, found } => {
            let found = match found {
                YearFound::Number(n) => n.clone(),
                YearFound::Type(t) => type_name(*t).to_string(),
            };
            Words::new(format!(
                "`{key}` doit être une année comprise entre 1900 et 2999, et non {found}"
            ))
            .help("écrivez l\u{2019}exercice budgétaire en nombre entier, de 1900 à 2999, par exemple `year = 2026`")
        }
        Found::NotInSet {
            key,
            value,
            allowed,
            suggestion,
        } => Words::new(format!(
            "`{key}` ne peut pas valoir \"{value}\"\u{a0}: valeurs possibles {}",
            in_quotes(allowed)
        ))
        .help(match suggestion {
            Some(c) => format!("vouliez-vous dire \"{c}\"\u{202f}?"),
            None => format!("écrivez l\u{2019}une des valeurs\u{a0}: {}", in_quotes(allowed)),
        }),
        Found::NotACurrency { value } => Words::new(format!(
            "`{value}` n\u{2019}est pas un code de devise ISO 4217"
        ))
        .help("écrivez un code tel que \"EUR\", \"XOF\" ou \"CHF\" (les codes historiques tels que \"FRF\" sont acceptés)"),
        Found::NotACountry {
            key,
            value,
            capitals,
        } => Words::new(format!(
            "`{key}` ne peut pas valoir \"{value}\"\u{a0}: un code de pays ISO 3166-1 alpha-2 est attendu"
        ))
        .help(match capitals {
            Some(upper) => format!("écrivez le code en majuscules\u{a0}: \"{upper}\""),
            None => "écrivez un code ISO 3166-1 alpha-2 en majuscules, tel que \"FR\", \"BE\", \"CH\" ou \"SN\"".into(),
        }),
        Found::NotAnId { value, shape } => {
            let (shape, example) = match shape {
                IdShape::LowerCase => (
                    "des lettres minuscules, des chiffres, `-` et `_`, en commençant par une lettre ou un chiffre",
                    "ville-de-lyon",
                ),
                IdShape::AnyCase => (
                    "des lettres, des chiffres, `-` et `_`, en commençant par une lettre ou un chiffre",
                    "O1",
                ),
            };
            Words::new(format!(
                "`{value}` n\u{2019}est pas un identifiant valide\u{a0}: employez {shape}"
            ))
            .help(format!("par exemple `{example}`"))
        }
        Found::NotADate {
            key,
            written,
            syntax,
        } => Words::new(format!(
            "`{key}` n\u{2019}est pas une date valide\u{a0}: `{written}`"
        ))
        .help(match syntax {
            Syntax::Yaml => "écrivez la date sous la forme AAAA-MM-JJ, par exemple 2026-03-01",
            Syntax::Toml => {
                "écrivez la date sous la forme AAAA-MM-JJ, sans guillemets, par exemple 2026-03-01"
            }
        }),
        Found::QuotedDate { key, written } => {
            Words::new(format!("`{key}` est un texte, non une date"))
                .help(format!("retirez les guillemets\u{a0}: {written}"))
        }
        Found::DateWithTime { key, written } => Words::new(format!(
            "`{key}` doit être une date sans heure ni décalage horaire, et non `{written}`"
        ))
        .help("écrivez la date seule, sous la forme AAAA-MM-JJ"),
        Found::TerminatedOnWithoutStatus => Words::new(
            "`terminated_on` ne s\u{2019}emploie qu\u{2019}avec le statut \"terminated\"",
        )
        .help("indiquez `status = \"terminated\"`, ou retirez `terminated_on`"),
        Found::PartyAndSource => Words::new(
            "une contribution comporte soit `party`, soit `source`, mais non les deux",
        )
        .help("gardez `party` pour un signataire, `source` pour tout autre financeur"),
        Found::PartyAndLabel => Words::new(
            "un groupe de sièges comporte soit `party`, soit `label`, mais non les deux",
        ),
        Found::NotASha256 => Words::new("`sha256` doit compter 64 caractères hexadécimaux")
            .help("calculez-le avec `sha256sum FICHIER`"),
        Found::NotAFingerprint => Words::new(
            "`fingerprint` doit être \"sha256:\" suivi de 64 caractères hexadécimaux",
        )
        .help("recopiez l\u{2019}empreinte donnée par `pacte fingerprint FICHIER`"),
        Found::YamlTag => {
            Words::new("les étiquettes YAML (tags) ne font pas partie du format")
        }
        Found::KeyNotText { found } => Words::new(format!(
            "les clés doivent être des textes\u{a0}: celle-ci est {}",
            type_name(*found)
        )),
        Found::NotWaivable { code, name } => Words::new(format!(
            "{code} ({name}) ne peut pas faire l\u{2019}objet d\u{2019}une dérogation"
        ))
        .help("les erreurs de structure doivent être corrigées\u{a0}: retirez cette dérogation"),

        // ---- S004
        Found::DuplicateId { item, id } => {
            let (what, defined) = match item {
                Item::Party => ("l\u{2019}identifiant de partenaire", "défini"),
                Item::Objective => ("l\u{2019}identifiant d\u{2019}objectif", "défini"),
                Item::Milestone => ("l\u{2019}identifiant d\u{2019}étape", "défini"),
                Item::Report => ("l\u{2019}identifiant de compte rendu", "défini"),
                Item::Amendment => ("l\u{2019}identifiant d\u{2019}avenant", "défini"),
                Item::BudgetLine => ("la ligne budgétaire", "définie"),
                Item::Indicator => ("l\u{2019}indicateur", "défini"),
            };
            Words::new(format!("{what} `{id}` est {defined} deux fois"))
        }
        Found::DuplicateClauseKind { kind } => Words::new(format!(
            "une clause de type `{kind}` est définie deux fois"
        ))
        .help("fusionnez les deux clauses en une seule, ou donnez à l\u{2019}une d\u{2019}elles `kind = \"other\"`"),
        Found::ConventionIdUsed { id, other } => Words::new(format!(
            "l\u{2019}identifiant de convention `{id}` est déjà employé par {other}"
        ))
        .help("donnez à chaque convention son propre identifiant"),

        // ---- S005
        Found::UnknownReference {
            item,
            id,
            suggestion,
            known,
            count,
        } => {
            // The kind of item, with its article.
            let (un, aucun, feminine) = match item {
                Referent::Party => ("partenaire", "aucun partenaire", false),
                Referent::Milestone => ("étape", "aucune étape", true),
                Referent::Report => ("compte rendu", "aucun compte rendu", false),
                Referent::ReportOrMilestone => (
                    "compte rendu ou étape",
                    "aucun compte rendu ni aucune étape",
                    false,
                ),
                Referent::Amendment => ("avenant", "aucun avenant", false),
                Referent::BudgetLine => ("ligne budgétaire", "aucune ligne budgétaire", true),
                Referent::Objective => ("objectif", "aucun objectif", false),
                Referent::Indicator => ("indicateur", "aucun indicateur", false),
            };
            let (inconnu, defini, connus) = if feminine {
                ("inconnue", "définie", "connues")
            } else {
                ("inconnu", "défini", "connus")
            };
            let help = match suggestion {
                Some(c) => format!("vouliez-vous dire `{c}`\u{202f}?"),
                None if *count == 0 => {
                    format!("{aucun} n\u{2019}est {defini} dans ce fichier")
                }
                None if *count > LISTED => format!(
                    "{connus}\u{a0}: {}, … ({count} en tout)",
                    known.join(", ")
                ),
                None => format!("{connus}\u{a0}: {}", known.join(", ")),
            };
            Words::new(format!("{un} `{id}` {inconnu} dans cette convention")).help(help)
        }
        Found::UnknownRule { name } => Words::new(format!("aucune règle `{name}`")).help(
            "désignez une règle par son code (`G002`) ou par son nom (`dominant-member`)\u{202f}; `pacte rules` les énumère",
        ),

        // ---- S006
        Found::MissingKey { key, table } => {
            Words::new(format!("il manque `{key}` à `{table}`"))
                .help(format!("ajoutez `{key}` à cet élément `{table}`"))
        }
        Found::MissingCurrency => Words::new(
            "il manque `currency` à `convention`\u{a0}: la devise est requise dès que le fichier contient un montant",
        )
        .help("ajoutez `currency = \"EUR\"` (ou le code ISO 4217 des montants) à [convention]"),
        Found::EveryWithoutStart => Words::new(
            "`every` suppose `convention.start`\u{a0}: les périodes se comptent à partir de cette date",
        )
        .help("ajoutez `start` à [convention], ou donnez à ce compte rendu une échéance fixe (`due`)"),
        Found::AfterEndWithoutEnd => Words::new("`after_end_days` suppose `convention.end`")
            .help("ajoutez `end` à [convention], ou donnez à ce compte rendu une échéance fixe (`due`)"),
        Found::NeitherPartyNorSource => {
            Words::new("il manque `party` ou `source` à `funds.contribution`").help(
                "désignez le partenaire contributeur (`party = \"id\"`) ou le financeur extérieur (`source = \"…\"`)",
            )
        }
        Found::NeitherPartyNorLabel => Words::new(
            "il manque `party` ou `label` à ce groupe de sièges de `governance.board`",
        )
        .help("désignez le partenaire qui détient ces sièges, ou donnez un `label` aux sièges détenus par d\u{2019}autres"),

        // ---- S007
        Found::NotAConvention => Words::new(
            "ce fichier n\u{2019}a pas de table `convention`\u{a0}: ce n\u{2019}est pas une convention",
        )
        .help("ajoutez une table [convention] comportant au moins `id`, ou retirez ce fichier de la ligne de commande"),
    }
}

/// A syntax error in plain words; the reader's own words where pacte does
/// not recognise the error.
fn syntax_said(problem: SyntaxProblem, reader: &str) -> String {
    let said = match problem {
        SyntaxProblem::UnclosedString => {
            "texte non fermé\u{a0}: il manque le guillemet fermant"
        }
        SyntaxProblem::UnclosedHeader => {
            "en-tête de table non fermé\u{a0}: le crochet `]` final manque"
        }
        SyntaxProblem::UnclosedArray => "liste non fermée\u{a0}: le crochet `]` final manque",
        SyntaxProblem::UnclosedInlineTable => {
            "table en ligne non fermée\u{a0}: l\u{2019}accolade `}` finale manque"
        }
        SyntaxProblem::MissingEquals => {
            "clé sans valeur\u{a0}: le signe `=` et la valeur manquent"
        }
        SyntaxProblem::InvalidKey => {
            "clé invalide\u{a0}: une clé sans guillemets ne comporte que des lettres sans accent, des chiffres, `-` et `_`"
        }
        SyntaxProblem::DuplicateKey => "clé définie deux fois dans la même table",
        SyntaxProblem::Unquoted => {
            "valeur illisible\u{a0}: un texte s\u{2019}écrit entre guillemets"
        }
        SyntaxProblem::InvalidValue => {
            "valeur illisible\u{a0}: ce n\u{2019}est ni un texte entre guillemets, ni un nombre, ni une date, ni true ou false"
        }
        SyntaxProblem::InvalidNumber => {
            "nombre illisible\u{a0}: un nombre s\u{2019}écrit en chiffres, sans zéro en tête, avec un point avant les décimales"
        }
        SyntaxProblem::TrailingContent => {
            "contenu inattendu après la valeur\u{a0}: une ligne ne porte qu\u{2019}une clé et sa valeur"
        }
        SyntaxProblem::InvalidEscape => {
            "séquence d\u{2019}échappement invalide après `\\`\u{a0}: pour écrire une barre oblique inverse, doublez-la (`\\\\`)"
        }
        SyntaxProblem::ImpossibleDate => {
            "date impossible\u{a0}: ce jour ou ce mois n\u{2019}existe pas dans le calendrier"
        }
        SyntaxProblem::MisplacedUnderscore => {
            "le caractère `_` ne peut figurer qu\u{2019}entre deux chiffres"
        }
        SyntaxProblem::ExtendsValue => {
            "une clé pointée ne peut pas prolonger une valeur qui n\u{2019}est pas une table"
        }
        SyntaxProblem::MissingComma => "virgule manquante entre deux éléments",
        SyntaxProblem::Indentation => {
            "indentation incorrecte, ou deux-points dans une valeur sans guillemets\u{a0}: alignez cette clé sur celles de son niveau, ou mettez la valeur entre guillemets"
        }
        SyntaxProblem::Tab => {
            "tabulation dans l\u{2019}indentation\u{a0}: YAML n\u{2019}indente qu\u{2019}avec des espaces"
        }
        SyntaxProblem::MixedBlock => {
            "élément de liste (`- `) et clé mêlés au même niveau d\u{2019}indentation"
        }
        SyntaxProblem::UnclosedFlow => {
            "liste `[…]` ou table `{…}` non fermée, ou virgule manquante entre ses éléments"
        }
        SyntaxProblem::UnknownAnchor => "alias vers une ancre qui n\u{2019}est pas définie",
        SyntaxProblem::UnexpectedCharacter => {
            "caractère inattendu\u{a0}: une valeur qui commence par ce caractère s\u{2019}écrit entre guillemets"
        }
        SyntaxProblem::Other => {
            return format!("le fichier ne peut pas être lu à cet endroit\u{a0}: {reader}")
        }
    };
    said.to_string()
}

/// A value's type, with its article.
fn type_name(t: ValueType) -> &'static str {
    match t {
        ValueType::String => "un texte",
        ValueType::Integer => "un nombre entier",
        ValueType::Number => "un nombre",
        ValueType::Boolean => "un booléen",
        ValueType::Date => "une date",
        ValueType::DateTime => "une date avec heure",
        ValueType::Null => "une valeur nulle",
        ValueType::Array => "une liste",
        ValueType::Table => "une table",
    }
}

/// The words for a number's faults.
fn faults_said(faults: &[NumberFault]) -> String {
    let said: Vec<&str> = faults
        .iter()
        .map(|f| match f {
            NumberFault::Space => "pas d\u{2019}espace entre les milliers",
            NumberFault::Comma => "un point, non une virgule, avant les décimales",
            NumberFault::Currency => {
                "pas de symbole monétaire (la devise est `convention.currency`)"
            }
        })
        .collect();
    said.join("\u{202f}; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Message;
    use crate::model::{ClauseKind, Lang};
    use crate::rules::Code;
    use rust_decimal::Decimal;

    const PROBLEMS: [SyntaxProblem; 23] = [
        SyntaxProblem::UnclosedString,
        SyntaxProblem::UnclosedHeader,
        SyntaxProblem::UnclosedArray,
        SyntaxProblem::UnclosedInlineTable,
        SyntaxProblem::MissingEquals,
        SyntaxProblem::InvalidKey,
        SyntaxProblem::DuplicateKey,
        SyntaxProblem::Unquoted,
        SyntaxProblem::InvalidValue,
        SyntaxProblem::InvalidNumber,
        SyntaxProblem::TrailingContent,
        SyntaxProblem::InvalidEscape,
        SyntaxProblem::ImpossibleDate,
        SyntaxProblem::MisplacedUnderscore,
        SyntaxProblem::ExtendsValue,
        SyntaxProblem::MissingComma,
        SyntaxProblem::Indentation,
        SyntaxProblem::Tab,
        SyntaxProblem::MixedBlock,
        SyntaxProblem::UnclosedFlow,
        SyntaxProblem::UnknownAnchor,
        SyntaxProblem::UnexpectedCharacter,
        SyntaxProblem::Other,
    ];

    const TYPES: [ValueType; 9] = [
        ValueType::String,
        ValueType::Integer,
        ValueType::Number,
        ValueType::Boolean,
        ValueType::Date,
        ValueType::DateTime,
        ValueType::Null,
        ValueType::Array,
        ValueType::Table,
    ];

    /// A sample of every variant (and of every case of each).
    fn samples() -> Vec<Found> {
        let key = || "budget".to_string();
        let mut all = vec![
            Found::BinaryFile,
            Found::InvalidUtf8,
            Found::TooLarge,
            Found::SeveralDocuments,
            Found::RecursiveAlias,
            Found::RepeatedYamlKey {
                key: "id".into(),
                first_line: 2,
            },
            Found::TableWrittenTwice {
                name: "party".into(),
            },
            Found::NotATomlNumber {
                key: key(),
                value: "4 000,50 €".into(),
                plain: "4000.50".into(),
                faults: vec![
                    NumberFault::Currency,
                    NumberFault::Space,
                    NumberFault::Comma,
                ],
            },
            Found::UnquotedText {
                key: "title".into(),
                value: "Festival".into(),
            },
            Found::UnknownKey {
                key: "titel".into(),
                table: Some("convention"),
                suggestion: Some("title"),
                known: vec!["id", "title"],
            },
            Found::UnknownKey {
                key: "notes".into(),
                table: None,
                suggestion: None,
                known: vec!["convention", "meta"],
            },
            Found::UnknownKey {
                key: "zzz".into(),
                table: Some("audit"),
                suggestion: None,
                known: vec!["evaluation"],
            },
            Found::MergeKey,
            Found::UnusableNumber {
                key: key(),
                fault: NumberLimit::TooLarge,
            },
            Found::UnusableNumber {
                key: key(),
                fault: NumberLimit::NotFinite,
            },
            Found::UnusableNumber {
                key: key(),
                fault: NumberLimit::TooManyDigits,
            },
            Found::NotAShare {
                key: "quorum".into(),
                min: Decimal::ZERO,
                found: Decimal::new(15, 1),
            },
            Found::BelowMinimum {
                key: "copies".into(),
                min: 1,
                found: 0,
            },
            Found::NegativeAmount {
                key: key(),
                found: Decimal::new(-5, 0),
            },
            Found::NegativeVote {
                party: "ville".into(),
            },
            Found::WomenOverSeats { women: 4, seats: 3 },
            Found::NotAYear {
                key: "year".into(),
                found: YearFound::Number("1800".into()),
            },
            Found::NotAYear {
                key: "year".into(),
                found: YearFound::Type(ValueType::String),
            },
            Found::NotInSet {
                key: "sector".into(),
                value: "publique".into(),
                allowed: vec!["public", "private", "civil_society"],
                suggestion: Some("public"),
            },
            Found::NotInSet {
                key: "sector".into(),
                value: "zzz".into(),
                allowed: vec!["public", "private"],
                suggestion: None,
            },
            Found::NotACurrency {
                value: "EURO".into(),
            },
            Found::NotACountry {
                key: "jurisdiction".into(),
                value: "fr".into(),
                capitals: Some("FR".into()),
            },
            Found::NotACountry {
                key: "jurisdiction".into(),
                value: "France".into(),
                capitals: None,
            },
            Found::NotAnId {
                value: "Ville".into(),
                shape: IdShape::LowerCase,
            },
            Found::NotAnId {
                value: "-x".into(),
                shape: IdShape::AnyCase,
            },
            Found::QuotedDate {
                key: "start".into(),
                written: "2026-03-01".into(),
            },
            Found::DateWithTime {
                key: "start".into(),
                written: "2026-03-01T10:00:00".into(),
            },
            Found::TerminatedOnWithoutStatus,
            Found::PartyAndSource,
            Found::PartyAndLabel,
            Found::NotASha256,
            Found::NotAFingerprint,
            Found::YamlTag,
            Found::NotWaivable {
                code: Code::S002,
                name: "unknown-key",
            },
            Found::DuplicateClauseKind {
                kind: ClauseKind::Other,
            },
            Found::ConventionIdUsed {
                id: "festival".into(),
                other: "autre.toml".into(),
            },
            Found::UnknownRule {
                name: "G999".into(),
            },
            Found::MissingKey {
                key: "due",
                table: "milestone",
            },
            Found::MissingCurrency,
            Found::EveryWithoutStart,
            Found::AfterEndWithoutEnd,
            Found::NeitherPartyNorSource,
            Found::NeitherPartyNorLabel,
            Found::NotAConvention,
        ];
        for problem in PROBLEMS {
            all.push(Found::Syntax {
                problem,
                reader: "unexpected thing".into(),
            });
        }
        for found in TYPES {
            for expected in [
                Expected::Text,
                Expected::Boolean,
                Expected::Date,
                Expected::WholeNumber,
                Expected::ListOfTexts,
                Expected::TextItem,
            ] {
                all.push(Found::WrongType {
                    key: key(),
                    expected,
                    found,
                });
            }
            for syntax in [Syntax::Toml, Syntax::Yaml] {
                all.push(Found::NotATable {
                    path: "funds",
                    found,
                    syntax,
                });
                all.push(Found::NotAListOfTables {
                    path: "party",
                    found,
                    syntax,
                });
            }
            all.push(Found::KeyNotText { found });
        }
        for hint in [
            NumberHint::FrenchNumber {
                written: "budget = 18000".into(),
            },
            NumberHint::QuotedNumber,
            NumberHint::Text,
            NumberHint::None,
        ] {
            all.push(Found::NotANumber {
                key: key(),
                found: ValueType::String,
                hint,
            });
        }
        for minor in [0, 1, 2] {
            all.push(Found::TooManyDecimals {
                key: key(),
                minor,
                found: Decimal::new(1005, 3),
            });
        }
        for syntax in [Syntax::Toml, Syntax::Yaml] {
            all.push(Found::NotADate {
                key: "start".into(),
                written: "2026-13-01".into(),
                syntax,
            });
        }
        for item in [
            Item::Party,
            Item::Objective,
            Item::Milestone,
            Item::Report,
            Item::Amendment,
            Item::BudgetLine,
            Item::Indicator,
        ] {
            all.push(Found::DuplicateId {
                item,
                id: "M1".into(),
            });
        }
        for item in [
            Referent::Party,
            Referent::Milestone,
            Referent::Report,
            Referent::ReportOrMilestone,
            Referent::Amendment,
            Referent::BudgetLine,
            Referent::Objective,
            Referent::Indicator,
        ] {
            for (suggestion, known, count) in [
                (Some("ville".to_string()), vec!["ville".to_string()], 1),
                (None, vec![], 0),
                (None, vec!["a".to_string(), "b".to_string()], 2),
                (None, (0..10).map(|i| format!("p{i}")).collect(), 12),
            ] {
                all.push(Found::UnknownReference {
                    item,
                    id: "vile".into(),
                    suggestion,
                    known,
                    count,
                });
            }
        }
        all
    }

    fn fr(found: &Found) -> Words {
        words(found)
    }

    #[test]
    fn every_finding_has_french_with_french_typography() {
        for found in samples() {
            let en = crate::present::catalogue::words(&Message::Structure(found.clone()), Lang::En);
            let w = fr(&found);
            assert!(!w.message.is_empty(), "{found:?}");
            assert!(!en.message.is_empty(), "{found:?}");
            assert_ne!(w.message, en.message, "{found:?}");
            let help = w.help.clone().unwrap_or_default();
            for text in [&w.message, &help] {
                for p in [" :", " ;", " !", " ?"] {
                    assert!(!text.contains(p), "plain space before punctuation: {text}");
                }
                assert!(!text.contains('\''), "straight apostrophe: {text}");
            }
            // A help is given in French exactly where it is in English.
            assert_eq!(w.help.is_some(), en.help.is_some(), "{found:?}");
        }
    }

    #[test]
    fn s001_in_french() {
        assert_eq!(
            fr(&Found::Syntax {
                problem: SyntaxProblem::UnclosedString,
                reader: "invalid basic string, expected `\"`".into(),
            })
            .message,
            "texte non fermé\u{a0}: il manque le guillemet fermant"
        );
        assert_eq!(
            fr(&Found::Syntax {
                problem: SyntaxProblem::Other,
                reader: "something new".into(),
            })
            .message,
            "le fichier ne peut pas être lu à cet endroit\u{a0}: something new"
        );
        assert_eq!(
            fr(&Found::RepeatedYamlKey {
                key: "id".into(),
                first_line: 2
            })
            .message,
            "la clé `id` figure deux fois (une première fois à la ligne 2)"
        );
        let n = fr(&Found::NotATomlNumber {
            key: "budget".into(),
            value: "4 000,50".into(),
            plain: "4000.50".into(),
            faults: vec![NumberFault::Space, NumberFault::Comma],
        });
        assert_eq!(
            n.message,
            "`4 000,50` n\u{2019}est pas un nombre au sens de TOML\u{a0}: pas d\u{2019}espace entre les milliers\u{202f}; un point, non une virgule, avant les décimales"
        );
        assert_eq!(n.help.as_deref(), Some("écrivez `budget = 4000.50`"));
    }

    #[test]
    fn s002_in_french() {
        let w = fr(&Found::UnknownKey {
            key: "notes".into(),
            table: None,
            suggestion: None,
            known: vec!["convention", "meta"],
        });
        assert_eq!(w.message, "clé de premier niveau inconnue `notes`");
        assert_eq!(
            w.help.as_deref(),
            Some("les clés de premier niveau sont\u{a0}: convention, meta\u{202f}; les notes libres vont sous [meta]")
        );
        assert_eq!(
            fr(&Found::MergeKey).message,
            "les clés de fusion (`<<`) ne font pas partie du format"
        );
    }

    #[test]
    fn s003_in_french() {
        let w = fr(&Found::TooManyDecimals {
            key: "amount".into(),
            minor: 0,
            found: Decimal::new(105, 1),
        });
        assert_eq!(
            w.message,
            "`amount` compte plus de décimales que la devise n\u{2019}en admet (0)\u{a0}: 10.5"
        );
        assert_eq!(
            w.help.as_deref(),
            Some("arrondissez le montant à l\u{2019}unité")
        );
        assert_eq!(
            fr(&Found::NotWaivable {
                code: Code::S002,
                name: "unknown-key"
            })
            .message,
            "S002 (unknown-key) ne peut pas faire l\u{2019}objet d\u{2019}une dérogation"
        );
        assert_eq!(
            fr(&Found::WrongType {
                key: "members".into(),
                expected: Expected::TextItem,
                found: ValueType::Integer,
            })
            .message,
            "les éléments de `members` doivent être des textes\u{a0}: celui-ci est un nombre entier"
        );
    }

    #[test]
    fn s004_in_french() {
        assert_eq!(
            fr(&Found::DuplicateId {
                item: Item::BudgetLine,
                id: "Communication".into()
            })
            .message,
            "la ligne budgétaire `Communication` est définie deux fois"
        );
        assert_eq!(
            fr(&Found::ConventionIdUsed {
                id: "festival".into(),
                other: "autre.toml".into()
            })
            .message,
            "l\u{2019}identifiant de convention `festival` est déjà employé par autre.toml"
        );
    }

    #[test]
    fn s005_in_french() {
        let w = fr(&Found::UnknownReference {
            item: Referent::Milestone,
            id: "M9".into(),
            suggestion: None,
            known: vec![],
            count: 0,
        });
        assert_eq!(w.message, "étape `M9` inconnue dans cette convention");
        assert_eq!(
            w.help.as_deref(),
            Some("aucune étape n\u{2019}est définie dans ce fichier")
        );
    }

    #[test]
    fn s006_and_s007_in_french() {
        assert_eq!(
            fr(&Found::MissingKey {
                key: "due",
                table: "milestone"
            })
            .message,
            "il manque `due` à `milestone`"
        );
        assert_eq!(
            fr(&Found::NotAConvention).message,
            "ce fichier n\u{2019}a pas de table `convention`\u{a0}: ce n\u{2019}est pas une convention"
        );
    }
}
