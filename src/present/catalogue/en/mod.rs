//! The words of findings in English.

use crate::check::{MAX_FINDINGS_PER_RULE, MAX_SYNTAX_ERRORS};
use crate::diagnostic::{Message, Words};

use super::plural;

mod clauses;
mod consistency;
mod french_law;
mod governance;
mod lifecycle;
mod structure;

pub(super) fn words(message: &Message) -> Words {
    match message {
        Message::Structure(f) => structure::words(f),
        Message::Clauses(f) => clauses::words(f),
        Message::Consistency(f) => consistency::words(f),
        Message::Governance(f) => governance::words(f),
        Message::FrenchLaw(f) => french_law::words(f),
        Message::Lifecycle(f) => lifecycle::words(f),
        Message::MoreFindings { more } => Words::new(format!(
            "{more} more finding{} of this rule from here on (only the first {MAX_FINDINGS_PER_RULE} in a file are listed)",
            plural(*more, "", "s")
        )),
        Message::MoreSyntaxErrors { more } => Words::new(format!(
            "{more} more syntax error{} from here on (only the first {MAX_SYNTAX_ERRORS} are listed)",
            plural(*more, "", "s")
        ))
        .help("fix the first errors: the later ones often follow from them"),
    }
}
