//! The words of findings in French.

use crate::check::{MAX_FINDINGS_PER_RULE, MAX_SYNTAX_ERRORS};
use crate::diagnostic::{Message, Words};

use super::plural;

mod clauses;
mod consistency;
mod french_law;
mod governance;
mod lifecycle;
#[cfg(test)]
mod proofread;
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
            "{more} {} de cette règle à partir d\u{2019}ici (seuls les {MAX_FINDINGS_PER_RULE} premiers d\u{2019}un fichier sont énumérés)",
            plural(*more, "autre constat", "autres constats")
        )),
        Message::MoreSyntaxErrors { more } => Words::new(format!(
            "{more} {} à partir d\u{2019}ici (seules les {MAX_SYNTAX_ERRORS} premières sont énumérées)",
            plural(*more, "autre erreur de syntaxe", "autres erreurs de syntaxe")
        ))
        .help("corrigez d\u{2019}abord les premières erreurs\u{a0}: les suivantes en découlent souvent"),
    }
}
