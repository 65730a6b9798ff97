//! The French names users give to the format's keys and values, mapped to
//! the English ones the format defines: one table for the did-you-mean of
//! unknown keys (S002) and of values outside their set (S003). A French
//! word is suggested only when its English name is one the place accepts.

/// (French word as users write it, without accents, in lower case; the
/// format's name). A word may map to several names: the first one the
/// place accepts is suggested.
pub const FRENCH_NAMES: &[(&str, &str)] = &[
    // Keys.
    ("titre", "title"),
    ("intitule", "title"),
    ("debut", "start"),
    ("date_debut", "start"),
    ("date_de_debut", "start"),
    ("fin", "end"),
    ("date_fin", "end"),
    ("date_de_fin", "end"),
    ("objet", "purpose"),
    ("partenaire", "party"),
    ("partenaires", "party"),
    ("biens", "assets"),
    ("patrimoine", "assets"),
    ("excedent", "surplus"),
    ("boni", "surplus"),
    ("deficit", "deficit"),
    ("personnel", "staff"),
    ("salaries", "staff"),
    ("montant", "amount"),
    ("signataire", "signatory"),
    ("referent", "officer"),
    ("preavis", "notice_days"),
    ("motifs", "grounds"),
    ("resiliation", "termination"),
    ("objectif", "objective"),
    ("objectifs", "objective"),
    ("jalon", "milestone"),
    ("jalons", "milestone"),
    ("etape", "milestone"),
    ("etapes", "milestone"),
    ("compte_rendu", "report"),
    ("rapport", "report"),
    ("bilan", "report"),
    ("fonds", "funds"),
    ("financement", "funds"),
    ("nom", "name"),
    ("secteur", "sector"),
    ("gouvernance", "governance"),
    ("echeance", "due"),
    ("indicateurs", "indicators"),
    ("cible", "target"),
    ("statut", "status"),
    ("langue", "lang"),
    ("devise", "currency"),
    ("annexe", "annex"),
    ("annexes", "annex"),
    ("role", "role"),
    ("roles", "role"),
    ("responsabilites", "responsibilities"),
    ("qualite", "title"),
    ("mandat", "mandate"),
    ("seuil", "threshold"),
    ("instance", "body"),
    ("regle", "rule"),
    ("conflits", "conflicts"),
    ("proces_verbaux", "minutes"),
    ("evaluation", "evaluation"),
    ("controle", "expense_control"),
    ("exemplaires", "copies"),
    ("cadre_juridique", "legal_framework"),
    ("vu", "legal_framework"),
    ("conditions", "conditions"),
    ("justification", "justification"),
    ("gestionnaire", "holder"),
    ("versements", "disbursement"),
    ("lignes", "line"),
    ("ligne", "line"),
    ("reconduction", "renewal"),
    ("signature", "signing"),
    ("juridiction", "jurisdiction"),
    ("pays", "jurisdiction"),
    ("forme", "form"),
    ("representant", "representative"),
    // Values.
    ("association", "civil_society"),
    ("societe_civile", "civil_society"),
    ("public", "public"),
    ("publique", "public"),
    ("prive", "private"),
    ("privee", "private"),
    ("en_nature", "in_kind"),
    ("nature", "in_kind"),
    ("numeraire", "financial"),
    ("financier", "financial"),
    ("financiere", "financial"),
    ("prestation", "service"),
    ("mensuel", "monthly"),
    ("mensuelle", "monthly"),
    ("trimestriel", "quarterly"),
    ("trimestrielle", "quarterly"),
    ("semestriel", "semiannual"),
    ("semestrielle", "semiannual"),
    ("annuel", "annual"),
    ("annuelle", "annual"),
    ("brouillon", "draft"),
    ("projet", "draft"),
    ("projet", "project"),
    ("fonctionnement", "operating"),
    ("signee", "signed"),
    ("en_cours", "active"),
    ("close", "closed"),
    ("terminee", "closed"),
    ("resiliee", "terminated"),
    ("majorite", "majority"),
    ("majorite_qualifiee", "qualified_majority"),
    ("unanimite", "unanimity"),
    ("accordee", "granted"),
    ("accorde", "granted"),
    ("demandee", "requested"),
    ("demande", "requested"),
    ("activite", "activity"),
    ("administratif", "administrative"),
    ("papier", "paper"),
    ("electronique", "electronic"),
    ("tacite", "tacit"),
    ("expresse", "explicit"),
    ("aucune", "none"),
    ("fondation", "foundation"),
    ("cooperative", "cooperative"),
    ("mutuelle", "mutual"),
    ("entreprise", "company"),
    ("societe", "company"),
    ("collectivite", "public_body"),
    ("etablissement_public", "public_body"),
    ("autre", "other"),
    ("calendrier", "calendar"),
    ("hausse", "increase"),
    ("baisse", "decrease"),
];

/// A word folded for the table: lower case, accents removed, spaces and
/// hyphens as `_`.
fn fold(word: &str) -> String {
    word.trim()
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            ' ' | '-' | '\'' | '’' => '_',
            c => c,
        })
        .collect()
}

/// The format's name for a French `word`, if the place accepts it.
pub fn english_for<'a>(
    word: &str,
    accepted: impl IntoIterator<Item = &'a str> + Clone,
) -> Option<&'a str> {
    let folded = fold(word);
    FRENCH_NAMES
        .iter()
        .filter(|(fr, _)| *fr == folded)
        .find_map(|(_, en)| accepted.clone().into_iter().find(|a| a == en))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_words_find_the_format_names() {
        let keys = ["id", "title", "start", "end", "purpose"];
        assert_eq!(english_for("titre", keys), Some("title"));
        assert_eq!(english_for("début", keys), Some("start"));
        assert_eq!(english_for("debut", keys), Some("start"));
        assert_eq!(english_for("Fin", keys), Some("end"));
        assert_eq!(english_for("biens", ["assets", "surplus"]), Some("assets"));
        let sectors = ["public", "private", "civil_society"];
        assert_eq!(english_for("association", sectors), Some("civil_society"));
        assert_eq!(english_for("privée", sectors), Some("private"));
        let kinds = ["financial", "in_kind", "service", "staff"];
        assert_eq!(english_for("en nature", kinds), Some("in_kind"));
        let every = ["monthly", "quarterly", "semiannual", "annual"];
        assert_eq!(english_for("trimestriel", every), Some("quarterly"));
        // Only a name the place accepts.
        assert_eq!(english_for("titre", ["id"]), None);
        assert_eq!(
            english_for("projet", ["project", "operating"]),
            Some("project")
        );
        assert_eq!(english_for("projet", ["draft", "signed"]), Some("draft"));
    }

    #[test]
    fn the_table_is_folded_and_has_no_duplicate_pair() {
        for (i, (fr, en)) in FRENCH_NAMES.iter().enumerate() {
            assert_eq!(&fold(fr), fr, "{fr} is not folded");
            assert!(!FRENCH_NAMES[..i].contains(&(fr, en)), "{fr} → {en} twice");
        }
    }
}
