//! What the rules of this family find, as data: one variant per kind of
//! finding, with the values it found. The sentences are written by the
//! catalogue of each language (`src/present/catalogue/<lang>/structure.rs`).

use rust_decimal::Decimal;

use crate::model::ClauseKind;
use crate::rules::Code;
use crate::value::{Syntax, Value};

/// A finding of this family, as data.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    // ---- S001: the file cannot be read ----------------------------------
    /// S001: a NUL byte: the file is binary, not text.
    BinaryFile,
    /// S001: bytes that are not UTF-8.
    InvalidUtf8,
    /// S001: more values or deeper nesting than a convention may have.
    TooLarge,
    /// S001: a YAML file with more than one document.
    SeveralDocuments,
    /// S001: a YAML alias inside the node it names.
    RecursiveAlias,
    /// S001: a YAML key written twice in one mapping, first at `first_line`.
    RepeatedYamlKey { key: String, first_line: usize },
    /// S001: a TOML `[name]` header written twice where `[[name]]` is meant.
    TableWrittenTwice { name: String },
    /// S001: a TOML number written the French way (`18 000`, `4000,50`,
    /// `18000 €`): the value as written, its key, its plain form and what
    /// is wrong with it.
    NotATomlNumber {
        key: String,
        value: String,
        plain: String,
        faults: Vec<NumberFault>,
    },
    /// S001: a TOML text written without quotes.
    UnquotedText { key: String, value: String },
    /// S001: a syntax error as the reader reports it: what pacte
    /// recognises in it, and the reader's own words (data).
    Syntax {
        problem: SyntaxProblem,
        reader: String,
    },

    // ---- S002: unknown keys ----------------------------------------------
    /// S002: a key the format does not define in `table` (`None`: the top
    /// level), with the closest known key and the keys of the place.
    UnknownKey {
        key: String,
        table: Option<&'static str>,
        suggestion: Option<&'static str>,
        known: Vec<&'static str>,
    },
    /// S002: a YAML merge key (`<<`).
    MergeKey,

    // ---- S003: invalid values --------------------------------------------
    /// S003: a value of the wrong type.
    WrongType {
        key: String,
        expected: Expected,
        found: ValueType,
    },
    /// S003: a table expected at `path` (a single item), something else found.
    NotATable {
        path: &'static str,
        found: ValueType,
        syntax: Syntax,
    },
    /// S003: a list of tables expected at `path`, something else found.
    NotAListOfTables {
        path: &'static str,
        found: ValueType,
        syntax: Syntax,
    },
    /// S003: a number expected, something else found; what it looks like.
    NotANumber {
        key: String,
        found: ValueType,
        hint: NumberHint,
    },
    /// S003: a number that cannot be kept.
    UnusableNumber { key: String, fault: NumberLimit },
    /// S003: a share outside `(min, 1]`.
    NotAShare {
        key: String,
        min: Decimal,
        found: Decimal,
    },
    /// S003: a whole number below `min`.
    BelowMinimum { key: String, min: i64, found: i64 },
    /// S003: a negative amount.
    NegativeAmount { key: String, found: Decimal },
    /// S003: an amount with more decimals than the currency's `minor`.
    TooManyDecimals {
        key: String,
        minor: u32,
        found: Decimal,
    },
    /// S003: a negative vote weight of `party`.
    NegativeVote { party: String },
    /// S003: more women than seats in a seat group.
    WomenOverSeats { women: i64, seats: i64 },
    /// S003: a year outside 1900–2999, or not a whole number.
    NotAYear { key: String, found: YearFound },
    /// S003: a value outside the set `allowed` of `key`.
    NotInSet {
        key: String,
        value: String,
        allowed: Vec<&'static str>,
        suggestion: Option<&'static str>,
    },
    /// S003: not an ISO 4217 currency code.
    NotACurrency { value: String },
    /// S003: not an ISO 3166-1 alpha-2 country code; the code in capitals
    /// when that is one.
    NotACountry {
        key: String,
        value: String,
        capitals: Option<String>,
    },
    /// S003: an id that is not a slug of the `shape` its item allows.
    NotAnId { value: String, shape: IdShape },
    /// S003: a text where a date is meant, neither date nor in the date's form.
    NotADate {
        key: String,
        written: String,
        syntax: Syntax,
    },
    /// S003: a TOML date written between quotes.
    QuotedDate { key: String, written: String },
    /// S003: a date with a time or an offset.
    DateWithTime { key: String, written: String },
    /// S003: `terminated_on` without `status = "terminated"`.
    TerminatedOnWithoutStatus,
    /// S003: a contribution with both `party` and `source`.
    PartyAndSource,
    /// S003: a seat group with both `party` and `label`.
    PartyAndLabel,
    /// S003: an annex `sha256` that is not 64 hexadecimal characters.
    NotASha256,
    /// S003: a signature `fingerprint` not of the form `sha256:<64 hex>`.
    NotAFingerprint,
    /// S003: a YAML tag.
    YamlTag,
    /// S003: a YAML key that is not text.
    KeyNotText { found: ValueType },
    /// S003: a waiver of a rule that cannot be waived.
    NotWaivable { code: Code, name: &'static str },

    // ---- S004: duplicates --------------------------------------------------
    /// S004: an id (or label, or name) used twice among the `item`s.
    DuplicateId { item: Item, id: String },
    /// S004: two clauses of one `kind` other than `other`.
    DuplicateClauseKind { kind: ClauseKind },
    /// S004: a convention id already used by the file `other` in this run.
    ConventionIdUsed { id: String, other: String },

    // ---- S005: references to nothing --------------------------------------
    /// S005: a reference to no `item` of that id, with the closest id, the
    /// first ids of that kind (at most ten) and how many there are.
    UnknownReference {
        item: Referent,
        id: String,
        suggestion: Option<String>,
        known: Vec<String>,
        count: usize,
    },
    /// S005: a waiver naming no rule.
    UnknownRule { name: String },

    // ---- S006: missing keys ------------------------------------------------
    /// S006: `table` lacks its required `key`.
    MissingKey {
        key: &'static str,
        table: &'static str,
    },
    /// S006: amounts without `convention.currency`.
    MissingCurrency,
    /// S006: a periodic report without `convention.start`.
    EveryWithoutStart,
    /// S006: `after_end_days` without `convention.end`.
    AfterEndWithoutEnd,
    /// S006: a contribution with neither `party` nor `source`.
    NeitherPartyNorSource,
    /// S006: a seat group with neither `party` nor `label`.
    NeitherPartyNorLabel,

    // ---- S007 ---------------------------------------------------------------
    /// S007: a file named on the command line with no `convention` table.
    NotAConvention,
}

/// The type of a value as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueType {
    String,
    Integer,
    Number,
    Boolean,
    Date,
    DateTime,
    Null,
    Array,
    Table,
}

impl ValueType {
    pub fn of(value: &Value) -> ValueType {
        match value {
            Value::String(_) => ValueType::String,
            Value::Integer(_) => ValueType::Integer,
            Value::Float { .. } => ValueType::Number,
            Value::Bool(_) => ValueType::Boolean,
            Value::Date(_) => ValueType::Date,
            Value::DateTime(_) => ValueType::DateTime,
            Value::Null => ValueType::Null,
            Value::Array(_) => ValueType::Array,
            Value::Table(_) => ValueType::Table,
        }
    }
}

/// What a value of the wrong type should have been.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Text,
    Boolean,
    Date,
    WholeNumber,
    ListOfTexts,
    /// An item of a list of texts.
    TextItem,
}

/// What a value that should be a number looks like.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumberHint {
    /// A number written the French way; how it is written plainly
    /// (`budget = 18000`, or `budget: 18000` in YAML).
    FrenchNumber { written: String },
    /// A plain number between quotes.
    QuotedNumber,
    /// Some other text.
    Text,
    /// Not a text.
    None,
}

/// Why a number cannot be kept exactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberLimit {
    /// Beyond 2^53.
    TooLarge,
    /// Infinite or not a number.
    NotFinite,
    /// More digits than a decimal keeps.
    TooManyDigits,
}

/// What is wrong with a number written the French way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberFault {
    /// A space between the thousands.
    Space,
    /// A comma before the decimals.
    Comma,
    /// A currency sign or code.
    Currency,
}

/// What a wrong year is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum YearFound {
    /// A number outside the range, as written.
    Number(String),
    /// Not a number.
    Type(ValueType),
}

/// The form of an id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdShape {
    /// Lower case only (parties, the convention).
    LowerCase,
    /// Capitals allowed (objectives, milestones, reports, amendments).
    AnyCase,
}

/// The items whose ids must be unique (S004).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    Party,
    Objective,
    Milestone,
    Report,
    Amendment,
    BudgetLine,
    Indicator,
}

/// What a reference names (S005).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Referent {
    Party,
    Milestone,
    Report,
    ReportOrMilestone,
    Amendment,
    BudgetLine,
    Objective,
    Indicator,
}

/// What pacte recognises in a reader's syntax error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxProblem {
    /// A text whose closing quote is missing.
    UnclosedString,
    /// A `[table]` header whose `]` is missing.
    UnclosedHeader,
    /// An array whose `]` is missing.
    UnclosedArray,
    /// An inline table whose `}` is missing.
    UnclosedInlineTable,
    /// A key without `=` and value.
    MissingEquals,
    /// A key with characters a bare key cannot have, or empty.
    InvalidKey,
    /// A TOML key written twice.
    DuplicateKey,
    /// A text written without quotes.
    Unquoted,
    /// A value that is not a TOML value.
    InvalidValue,
    /// A number the reader cannot read.
    InvalidNumber,
    /// Something after the value on its line.
    TrailingContent,
    /// A `\` escape that does not exist.
    InvalidEscape,
    /// A date that does not exist (`2026-02-30`).
    ImpossibleDate,
    /// A `_` that is not between digits.
    MisplacedUnderscore,
    /// A dotted key extending a value that is not a table.
    ExtendsValue,
    /// A comma missing between the items of a list.
    MissingComma,
    /// YAML: a key at the wrong indentation.
    Indentation,
    /// YAML: a tab in the indentation.
    Tab,
    /// YAML: a list item where a key is expected, or the reverse.
    MixedBlock,
    /// YAML: a `[…]` or `{…}` not closed.
    UnclosedFlow,
    /// YAML: an alias naming no anchor.
    UnknownAnchor,
    /// A character that cannot start a value.
    UnexpectedCharacter,
    /// Something else.
    Other,
}

impl SyntaxProblem {
    /// What a TOML reader's error message is about.
    pub fn of_toml(message: &str) -> SyntaxProblem {
        use SyntaxProblem::*;
        let m = message;
        let starts = |p: &str| m.starts_with(p);
        if starts("invalid basic string")
            || starts("invalid literal string")
            || starts("invalid multi-line basic string")
            || starts("invalid multi-line literal string")
        {
            UnclosedString
        } else if starts("unclosed table") || starts("unclosed array table") {
            UnclosedHeader
        } else if starts("unclosed array") {
            UnclosedArray
        } else if starts("unclosed inline table") {
            UnclosedInlineTable
        } else if starts("key with no value")
            || starts("missing assignment between key-value pairs")
        {
            MissingEquals
        } else if starts("unquoted keys cannot be empty")
            || starts("invalid unquoted key")
            || starts("invalid key,")
            || m == "invalid key"
        {
            InvalidKey
        } else if starts("duplicate key") {
            DuplicateKey
        } else if starts("string values must be quoted") {
            Unquoted
        } else if starts("invalid integer number")
            || starts("invalid float")
            || starts("invalid exponent")
            || starts("invalid fraction")
            || starts("invalid mantissa")
            || starts("invalid hexadecimal number")
            || starts("invalid binary number")
            || starts("invalid octal number")
            || starts("unexpected leading zero")
        {
            InvalidNumber
        } else if starts("invalid value") || starts("invalid boolean") || starts("missing value") {
            InvalidValue
        } else if starts("unexpected key or value") || starts("unexpected content") {
            TrailingContent
        } else if starts("missing escaped value") || starts("too few unicode value digits") {
            InvalidEscape
        } else if starts("invalid date") {
            ImpossibleDate
        } else if starts("`_` may only go between digits") {
            MisplacedUnderscore
        } else if starts("cannot extend value of type") {
            ExtendsValue
        } else if starts("missing comma between") {
            MissingComma
        } else {
            Other
        }
    }

    /// What a YAML reader's error message is about.
    pub fn of_yaml(message: &str) -> SyntaxProblem {
        use SyntaxProblem::*;
        let has = |p: &str| message.contains(p);
        if has("tabs disallowed") {
            Tab
        } else if has("mapping values are not allowed in this context")
            || has("while parsing a block mapping, did not find expected key")
        {
            Indentation
        } else if has("did not find expected '-' indicator") {
            MixedBlock
        } else if has("while scanning a quoted scalar") {
            UnclosedString
        } else if has("while parsing a quoted scalar") {
            InvalidEscape
        } else if has("while parsing a flow sequence") || has("while parsing a flow mapping") {
            UnclosedFlow
        } else if has("unknown anchor") {
            UnknownAnchor
        } else if has("unexpected character") {
            UnexpectedCharacter
        } else {
            Other
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reader_messages_are_recognised() {
        assert_eq!(
            SyntaxProblem::of_toml("invalid basic string, expected `\"`"),
            SyntaxProblem::UnclosedString
        );
        assert_eq!(
            SyntaxProblem::of_toml("unclosed array, expected `]`"),
            SyntaxProblem::UnclosedArray
        );
        assert_eq!(
            SyntaxProblem::of_toml("unclosed table, expected `]`"),
            SyntaxProblem::UnclosedHeader
        );
        assert_eq!(
            SyntaxProblem::of_toml("key with no value, expected `=`"),
            SyntaxProblem::MissingEquals
        );
        assert_eq!(
            SyntaxProblem::of_toml("duplicate key"),
            SyntaxProblem::DuplicateKey
        );
        assert_eq!(
            SyntaxProblem::of_toml("invalid boolean, expected `false`"),
            SyntaxProblem::InvalidValue
        );
        assert_eq!(
            SyntaxProblem::of_toml("invalid float, expected digits"),
            SyntaxProblem::InvalidNumber
        );
        assert_eq!(
            SyntaxProblem::of_toml("something new"),
            SyntaxProblem::Other
        );
        assert_eq!(
            SyntaxProblem::of_yaml("tabs disallowed within this context (block indentation)"),
            SyntaxProblem::Tab
        );
        assert_eq!(
            SyntaxProblem::of_yaml("mapping values are not allowed in this context"),
            SyntaxProblem::Indentation
        );
        assert_eq!(
            SyntaxProblem::of_yaml(
                "while scanning a quoted scalar, found unexpected end of stream"
            ),
            SyntaxProblem::UnclosedString
        );
        assert_eq!(
            SyntaxProblem::of_yaml("while parsing a quoted scalar, found unknown escape character"),
            SyntaxProblem::InvalidEscape
        );
        assert_eq!(
            SyntaxProblem::of_yaml("while parsing node, found unknown anchor"),
            SyntaxProblem::UnknownAnchor
        );
    }
}
