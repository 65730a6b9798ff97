//! The words of the structure rules' findings.

use crate::diagnostic::Words;
use crate::present::catalogue::in_quotes;
use crate::rules::structure::{
    Expected, Found, IdShape, Item, NumberFault, NumberHint, NumberLimit, Referent, ValueType,
    YearFound,
};
use crate::value::Syntax;

/// The most ids a help line lists.
const LISTED: usize = 10;

pub(super) fn words(found: &Found) -> Words {
    match found {
        // ---- S001
        Found::BinaryFile => Words::new("this is a binary file, not a text file (NUL byte)"),
        Found::InvalidUtf8 => Words::new("invalid UTF-8: save the file as UTF-8 text"),
        Found::TooLarge => Words::new("document too large or too deeply nested"),
        Found::SeveralDocuments => Words::new("a convention file holds one YAML document"),
        Found::RecursiveAlias => {
            Words::new("an alias cannot refer to the node that contains it")
        }
        Found::RepeatedYamlKey { key, first_line } => {
            Words::new(format!("duplicate key `{key}` (first at line {first_line})"))
        }
        Found::TableWrittenTwice { name } => Words::new(format!(
            "`[{name}]` is written twice: a table written with single brackets comes only once"
        ))
        .help(format!(
            "for a list of items, write `[[{name}]]` (double brackets) before each of them"
        )),
        Found::NotATomlNumber {
            key,
            value,
            plain,
            faults,
        } => Words::new(format!(
            "`{value}` is not a number as TOML writes it: {}",
            faults_said(faults)
        ))
        .help(format!("write `{key} = {plain}`")),
        Found::UnquotedText { key, value } => Words::new(format!(
            "the value of `{key}` cannot be read: a text is written between quotes"
        ))
        .help(format!(
            "write `{key} = \"{value}\"` if it is a text; a number is written with digits only, such as 18000 or 4000.50"
        )),
        // The reader's own words.
        Found::Syntax { reader, .. } => Words::new(reader.clone()),

        // ---- S002
        Found::UnknownKey {
            key,
            table,
            suggestion,
            known,
        } => {
            let message = match table {
                None => format!("unknown top-level key `{key}`"),
                Some(t) => format!("unknown key `{key}` in `{t}`"),
            };
            let help = match (suggestion, table) {
                (Some(k), _) => format!("did you mean `{k}`?"),
                (None, None) => format!(
                    "the top-level keys are: {}; free notes go under [meta]",
                    known.join(", ")
                ),
                (None, Some(t)) => format!("the keys of `{t}` are: {}", known.join(", ")),
            };
            Words::new(message).help(help)
        }
        Found::MergeKey => Words::new("merge keys (`<<`) are not part of the format"),

        // ---- S003
        Found::WrongType {
            key,
            expected,
            found,
        } => {
            let t = type_name(*found);
            match expected {
                Expected::Text => Words::new(format!("`{key}` must be text, found {t}"))
                    .help("write it between quotes"),
                Expected::Boolean => {
                    Words::new(format!("`{key}` must be true or false, found {t}"))
                }
                Expected::Date => Words::new(format!("`{key}` must be a date, found {t}"))
                    .help("write a date as YYYY-MM-DD, e.g. 2026-03-01"),
                Expected::WholeNumber => {
                    Words::new(format!("`{key}` must be a whole number, found {t}"))
                }
                Expected::ListOfTexts => {
                    Words::new(format!("`{key}` must be a list of texts, found {t}"))
                        .help(format!("write a list: {key} = [\"…\", \"…\"]"))
                }
                Expected::TextItem => {
                    Words::new(format!("the items of `{key}` must be texts, found {t}"))
                }
            }
        }
        Found::NotATable {
            path,
            found,
            syntax,
        } => Words::new(format!(
            "`{path}` must be a table, found {}",
            type_name(*found)
        ))
        .help(match (found, syntax) {
            (ValueType::Array, Syntax::Toml) => format!(
                "write `[{path}]` with single brackets: there is only one; `[[{path}]]` starts an item of a list"
            ),
            _ => format!("write `{path}` as a table of keys and values"),
        }),
        Found::NotAListOfTables {
            path,
            found,
            syntax,
        } => Words::new(format!(
            "`{path}` must be a list of tables, found {}",
            type_name(*found)
        ))
        .help(match (syntax, found) {
            (Syntax::Toml, ValueType::Table) => format!(
                "write `[[{path}]]` (double brackets) before each item: `[{path}]` with single brackets is one table, not a list"
            ),
            (Syntax::Toml, _) => format!("write each item under its own [[{path}]] header"),
            (Syntax::Yaml, _) => {
                format!("write `{path}:` as a list, each item starting with `- `")
            }
        }),
        Found::NotANumber { key, found, hint } => {
            let w = Words::new(format!(
                "`{key}` must be a number, found {}",
                type_name(*found)
            ));
            match hint {
                NumberHint::FrenchNumber { written } => w.help(format!(
                    "write `{written}`: digits only, a dot before the decimals, no currency sign"
                )),
                NumberHint::QuotedNumber => w.help("remove the quotes around the number"),
                NumberHint::Text => {
                    w.help("write the amount with digits only, such as 4000 or 4000.50")
                }
                NumberHint::None => w,
            }
        }
        Found::UnusableNumber { key, fault } => Words::new(match fault {
            NumberLimit::TooLarge => format!("`{key}` is too large (more than 2^53)"),
            NumberLimit::NotFinite => format!("`{key}` must be a finite number"),
            NumberLimit::TooManyDigits => {
                format!("`{key}` has more digits than can be kept exactly")
            }
        }),
        Found::NotAShare { key, min, found } => Words::new(format!(
            "`{key}` must be a share above {min} and at most 1, found {found}"
        ))
        .help("write a share such as 0.5 or 0.66"),
        Found::BelowMinimum { key, min, found } => Words::new(format!(
            "`{key}` must be a whole number of at least {min}, found {found}"
        )),
        Found::NegativeAmount { key, found } => {
            Words::new(format!("`{key}` must not be negative, found {found}"))
        }
        Found::TooManyDecimals { key, minor, found } => Words::new(format!(
            "`{key}` has more decimals than the currency allows ({minor}): {found}"
        ))
        .help(format!("round the amount to {minor} decimal(s)")),
        Found::NegativeVote { party } => Words::new(format!(
            "the vote weight of `{party}` must not be negative"
        )),
        Found::WomenOverSeats { women, seats } => Words::new(format!(
            "`women` ({women}) cannot exceed `seats` ({seats})"
        )),
        Found::NotAYear { key, found } => {
            let found = match found {
                YearFound::Number(n) => n.clone(),
                YearFound::Type(t) => type_name(*t).to_string(),
            };
            Words::new(format!(
                "`{key}` must be a year from 1900 to 2999, found {found}"
            ))
            .help("write the budget year as a whole number from 1900 to 2999, e.g. `year = 2026`")
        }
        Found::NotInSet {
            key,
            value,
            allowed,
            suggestion,
        } => Words::new(format!(
            "`{key}` cannot be \"{value}\": expected one of {}",
            in_quotes(allowed)
        ))
        .help(match suggestion {
            Some(c) => format!("did you mean \"{c}\"?"),
            None => format!("write one of: {}", in_quotes(allowed)),
        }),
        Found::NotACurrency { value } => Words::new(format!(
            "`{value}` is not an ISO 4217 currency code"
        ))
        .help("write a code such as \"EUR\", \"XOF\" or \"CHF\" (historic codes such as \"FRF\" are accepted)"),
        Found::NotACountry {
            key,
            value,
            capitals,
        } => Words::new(format!(
            "`{key}` cannot be \"{value}\": expected an ISO 3166-1 alpha-2 country code"
        ))
        .help(match capitals {
            Some(upper) => format!("write the code in capitals: \"{upper}\""),
            None => "write an ISO 3166-1 alpha-2 code in capitals, such as \"FR\", \"BE\", \"CH\" or \"SN\"".into(),
        }),
        Found::NotAnId { value, shape } => {
            let (shape, example) = match shape {
                IdShape::LowerCase => (
                    "lowercase letters, digits, `-` and `_`, starting with a letter or digit",
                    "ville-de-lyon",
                ),
                IdShape::AnyCase => (
                    "letters, digits, `-` and `_`, starting with a letter or digit",
                    "O1",
                ),
            };
            Words::new(format!("`{value}` is not a valid id: use {shape}"))
                .help(format!("for example `{example}`"))
        }
        Found::NotADate {
            key,
            written,
            syntax,
        } => Words::new(format!("`{key}` is not a valid date: `{written}`")).help(
            match syntax {
                Syntax::Yaml => "write a date as YYYY-MM-DD, e.g. 2026-03-01",
                Syntax::Toml => "write a date as YYYY-MM-DD without quotes, e.g. 2026-03-01",
            },
        ),
        Found::QuotedDate { key, written } => {
            Words::new(format!("`{key}` is a text, not a date"))
                .help(format!("remove the quotes: {written}"))
        }
        Found::DateWithTime { key, written } => Words::new(format!(
            "`{key}` must be a date without time or offset, found `{written}`"
        ))
        .help("write only the date, YYYY-MM-DD"),
        Found::TerminatedOnWithoutStatus => {
            Words::new("`terminated_on` goes only with status \"terminated\"")
                .help("set `status = \"terminated\"`, or remove `terminated_on`")
        }
        Found::PartyAndSource => {
            Words::new("a contribution has either `party` or `source`, not both")
                .help("keep `party` for a signatory, `source` for anyone else")
        }
        Found::PartyAndLabel => {
            Words::new("a seat group has either `party` or `label`, not both")
        }
        Found::NotASha256 => Words::new("`sha256` must be 64 hexadecimal characters")
            .help("compute it with `sha256sum FILE`"),
        Found::NotAFingerprint => Words::new(
            "`fingerprint` must be \"sha256:\" followed by 64 hexadecimal characters",
        )
        .help("copy it from `pacte fingerprint FILE`"),
        Found::YamlTag => Words::new("tags are not part of the format"),
        Found::KeyNotText { found } => {
            Words::new(format!("keys must be text, found {}", type_name(*found)))
        }
        Found::NotWaivable { code, name } => {
            Words::new(format!("{code} ({name}) cannot be waived"))
                .help("structure errors must be corrected; remove this waiver")
        }

        // ---- S004
        Found::DuplicateId { item, id } => {
            let what = match item {
                Item::Party => "party id",
                Item::Objective => "objective id",
                Item::Milestone => "milestone id",
                Item::Report => "report id",
                Item::Amendment => "amendment id",
                Item::BudgetLine => "budget line",
                Item::Indicator => "indicator",
            };
            Words::new(format!("{what} `{id}` is defined twice"))
        }
        Found::DuplicateClauseKind { kind } => {
            Words::new(format!("a clause of kind `{kind}` is defined twice"))
                .help("merge the two clauses into one, or give one of them `kind = \"other\"`")
        }
        Found::ConventionIdUsed { id, other } => {
            Words::new(format!("convention id `{id}` is already used by {other}"))
                .help("give each convention its own id")
        }

        // ---- S005
        Found::UnknownReference {
            item,
            id,
            suggestion,
            known,
            count,
        } => {
            let what = match item {
                Referent::Party => "party",
                Referent::Milestone => "milestone",
                Referent::Report => "report",
                Referent::ReportOrMilestone => "report or milestone",
                Referent::Amendment => "amendment",
                Referent::BudgetLine => "budget line",
                Referent::Objective => "objective",
                Referent::Indicator => "indicator",
            };
            let help = match suggestion {
                Some(c) => format!("did you mean `{c}`?"),
                None if *count == 0 => format!("no {what} is defined in this file"),
                None if *count > LISTED => {
                    format!("known: {}, … ({count} in all)", known.join(", "))
                }
                None => format!("known: {}", known.join(", ")),
            };
            Words::new(format!("no {what} `{id}` in this convention")).help(help)
        }
        Found::UnknownRule { name } => Words::new(format!("no rule `{name}`")).help(
            "name a rule by its code (`G002`) or name (`dominant-member`); `pacte rules` lists them",
        ),

        // ---- S006
        Found::MissingKey { key, table } => Words::new(format!("`{table}` is missing `{key}`"))
            .help(format!("add `{key}` to this `{table}`")),
        Found::MissingCurrency => Words::new(
            "`convention` is missing `currency`, required as soon as the file holds an amount",
        )
        .help("add `currency = \"EUR\"` (or the ISO 4217 code of the amounts) to [convention]"),
        Found::EveryWithoutStart => {
            Words::new("`every` needs `convention.start`: periods are counted from it")
                .help("add `start` to [convention], or give this report a fixed `due` date")
        }
        Found::AfterEndWithoutEnd => Words::new("`after_end_days` needs `convention.end`")
            .help("add `end` to [convention], or give this report a fixed `due` date"),
        Found::NeitherPartyNorSource => {
            Words::new("`funds.contribution` is missing `party` or `source`").help(
                "name the contributing party (`party = \"id\"`) or the outside source (`source = \"…\"`)",
            )
        }
        Found::NeitherPartyNorLabel => {
            Words::new("`governance.board` seat group is missing `party` or `label`").help(
                "name the party holding these seats, or give a `label` for seats held by others",
            )
        }

        // ---- S007
        Found::NotAConvention => {
            Words::new("this file has no `convention` table: it is not a convention")
                .help("add a [convention] table with at least `id`, or do not name this file")
        }
    }
}

/// A value's type, as a message says it.
fn type_name(t: ValueType) -> &'static str {
    match t {
        ValueType::String => "a string",
        ValueType::Integer => "an integer",
        ValueType::Number => "a number",
        ValueType::Boolean => "a boolean",
        ValueType::Date => "a date",
        ValueType::DateTime => "a date-time",
        ValueType::Null => "null",
        ValueType::Array => "an array",
        ValueType::Table => "a table",
    }
}

/// The words for a number's faults.
fn faults_said(faults: &[NumberFault]) -> String {
    let said: Vec<&str> = faults
        .iter()
        .map(|f| match f {
            NumberFault::Space => "no space between thousands",
            NumberFault::Comma => "a dot, not a comma, before the decimals",
            NumberFault::Currency => "no currency sign (the currency is `convention.currency`)",
        })
        .collect();
    said.join("; ")
}
