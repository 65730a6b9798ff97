//! The table of the format's keys (ARCHITECTURE.md, point 4): every key of
//! FORMAT.md with its table, its type, whether it is required (S006) and its
//! description in French and English. It drives the decoder's known keys
//! (S002 and its did-you-mean candidates) and `pacte schema`.
//!
//! The rows of one table are in the order the decoder reads them, which is
//! the order its S002 help lists them in.

use crate::model::{self, Choice};

/// The type of a key's value, as the decoder reads it.
#[derive(Clone, Copy, Debug)]
pub enum Ty {
    /// Text (an empty or blank string counts as absent).
    Text,
    /// A list of texts.
    Texts,
    /// An id: lowercase slug for parties and conventions, else letters too.
    Id {
        party_like: bool,
    },
    Bool,
    /// A local date `YYYY-MM-DD`.
    Date,
    /// One date or a list of dates.
    Dates,
    /// Any finite number.
    Number,
    /// A number or a text.
    Quantity,
    /// A share: above `above` (exclusive), at most 1.
    Share {
        above: f64,
    },
    /// A whole number of at least `min`.
    Integer {
        min: i64,
    },
    /// An amount in the convention's currency.
    Amount {
        negative: bool,
    },
    /// One value of a set.
    Choice(fn() -> Vec<&'static str>),
    /// An ISO 4217 code.
    Currency,
    /// An ISO 3166-1 alpha-2 code, in capitals.
    Country,
    /// A budget year, 1900 to 2999.
    Year,
    /// A table, whose keys are the rows of the path `parent.key`.
    Table,
    /// A list of tables, whose keys are the rows of the path `parent.key`.
    Tables,
    /// A table of id → number (vote weights).
    NumberMap,
    /// A table of id → date.
    DateMap,
    /// A table of id → date or list of dates.
    DatesMap,
    /// Free-form, never checked (`meta`).
    Free,
}

/// One key of the format.
#[derive(Clone, Copy, Debug)]
pub struct Key {
    /// The table it belongs to: `""` for the top level, `convention`,
    /// `funds.contribution`, …
    pub path: &'static str,
    pub key: &'static str,
    pub ty: Ty,
    /// Required wherever its table is present (S006 when missing).
    pub required: bool,
    pub fr: &'static str,
    pub en: &'static str,
}

fn values<T: Choice>() -> Vec<&'static str> {
    T::VALUES.iter().map(|(n, _)| *n).collect()
}

impl Key {
    /// The path of the table this key opens (for tables and lists of tables).
    pub fn child_path(&self) -> String {
        if self.path.is_empty() {
            self.key.to_string()
        } else {
            format!("{}.{}", self.path, self.key)
        }
    }
    pub fn description(&self, lang: model::Lang) -> &'static str {
        match lang {
            model::Lang::Fr => self.fr,
            model::Lang::En => self.en,
        }
    }
}

/// The keys of one table, in the decoder's order.
pub fn keys_of(path: &str) -> impl Iterator<Item = &'static Key> + '_ {
    KEYS.iter().filter(move |k| k.path == path)
}

/// The known keys of one table, in the decoder's order.
pub fn known(path: &str) -> Vec<&'static str> {
    keys_of(path).map(|k| k.key).collect()
}

macro_rules! k {
    ($path:literal, $key:literal, $ty:expr, $req:literal, $fr:literal, $en:literal) => {
        Key {
            path: $path,
            key: $key,
            ty: $ty,
            required: $req,
            fr: $fr,
            en: $en,
        }
    };
}

use Ty::*;

/// Every key of the format.
pub static KEYS: &[Key] = &[
    // The top level.
    k!("", "convention", Table, false, "L’en-tête de la convention\u{a0}: identifiant, intitulé, nature, durée.", "The header of the convention: id, title, kind, period."),
    k!("", "party", Tables, false, "Un partenaire signataire (un bloc par partenaire).", "A signing party (one table per party)."),
    k!("", "objective", Tables, false, "Un objectif du partenariat, avec ses indicateurs.", "An objective of the partnership, with its indicators."),
    k!("", "milestone", Tables, false, "Une étape du calendrier.", "A milestone of the schedule."),
    k!("", "decision", Table, false, "Les modalités de décision\u{a0}: instance, membres, règle de vote.", "How decisions are taken: body, members, voting rule."),
    k!("", "funds", Table, false, "Le budget, la gestion des fonds et les contributions.", "The budget, the management of funds and the contributions."),
    k!("", "role", Tables, false, "Le rôle et les responsabilités d’un partenaire.", "The role and responsibilities of a party."),
    k!("", "officer", Table, false, "Le référent du partenariat.", "The officer in charge of the partnership."),
    k!("", "report", Tables, false, "Un compte rendu à remettre (d’activité, financier, final).", "A report to deliver (activity, financial, final)."),
    k!("", "audit", Table, false, "L’évaluation et le contrôle de l’emploi des fonds.", "Evaluation and control of the use of funds."),
    k!("", "termination", Table, false, "La résiliation et la fin de la convention.", "Termination and the end of the convention."),
    k!("", "governance", Table, false, "La gouvernance d’un équipement géré en commun (gestion).", "The governance of a jointly run facility (gestion)."),
    k!("", "communication", Table, false, "La communication sur le partenariat.", "Communication about the partnership."),
    k!("", "clause", Tables, false, "Une clause particulière, avec son intitulé et son texte.", "A particular clause, with its title and text."),
    k!("", "annex", Tables, false, "Une annexe, avec sa référence et son empreinte.", "An annex, with its reference and fingerprint."),
    k!("", "amendment", Tables, false, "Un avenant.", "An amendment (avenant)."),
    k!("", "signature", Tables, false, "La signature d’un partenaire, avec l’empreinte des stipulations signées.", "A party’s signature, with the fingerprint of the terms signed."),
    k!("", "waiver", Tables, false, "Une dérogation motivée à une règle de `pacte check`.", "A reasoned waiver of a `pacte check` rule."),
    k!("", "tracking", Table, false, "Le suivi d’exécution\u{a0}: échéances tenues, dépenses, mesures, versements.", "Monitoring: deadlines met, expenses, measures, payments."),
    k!("", "meta", Free, false, "Notes libres, jamais vérifiées.", "Free notes, never checked."),
    // [convention]
    k!("convention", "id", Id { party_like: true }, true, "Identifiant de la convention (minuscules, chiffres, - et _).", "The convention’s id (lowercase letters, digits, - and _)."),
    k!("convention", "title", Text, false, "Intitulé de la convention.", "The title of the convention."),
    k!("convention", "kind", Choice(values::<model::Kind>), false, "Nature de la convention\u{a0}: realisation, gestion, protocole ou subvention.", "The kind of convention: realisation, gestion, protocole or subvention."),
    k!("convention", "jurisdiction", Country, false, "Pays dont le droit s’applique (code ISO 3166-1 alpha-2, en capitales).", "The country whose law applies (ISO 3166-1 alpha-2 code, in capitals)."),
    k!("convention", "lang", Choice(values::<model::Lang>), false, "Langue du document\u{a0}: fr ou en.", "The language of the document: fr or en."),
    k!("convention", "status", Choice(values::<model::Status>), false, "État\u{a0}: draft, signed, active, closed ou terminated.", "Status: draft, signed, active, closed or terminated."),
    k!("convention", "terminated_on", Date, false, "Date de la résiliation (avec l’état terminated).", "The date of termination (with status terminated)."),
    k!("convention", "start", Date, false, "Date de prise d’effet.", "The date the convention takes effect."),
    k!("convention", "end", Date, false, "Date de fin.", "The end date."),
    k!("convention", "renewal", Choice(values::<model::Renewal>), false, "Reconduction\u{a0}: none, tacit ou explicit.", "Renewal: none, tacit or explicit."),
    k!("convention", "renewal_months", Integer { min: 1 }, false, "Durée de chaque reconduction, en mois.", "The length of each renewal, in months."),
    k!("convention", "renewal_notice_days", Integer { min: 0 }, false, "Préavis pour s’opposer à la reconduction, en jours.", "Notice to oppose renewal, in days."),
    k!("convention", "place", Text, false, "Lieu de signature.", "The place of signing."),
    k!("convention", "signing", Choice(values::<model::Signing>), false, "Mode de signature\u{a0}: paper ou electronic.", "How it is signed: paper or electronic."),
    k!("convention", "copies", Integer { min: 1 }, false, "Nombre d’exemplaires originaux.", "The number of original copies."),
    k!("convention", "currency", Currency, false, "Monnaie des montants (code ISO 4217), requise dès qu’un montant figure.", "The currency of amounts (ISO 4217 code), required once an amount is written."),
    k!("convention", "purpose", Text, false, "Objet de la convention (Markdown).", "The purpose of the convention (Markdown)."),
    k!("convention", "preamble", Text, false, "Préambule (Markdown).", "The preamble (Markdown)."),
    k!("convention", "legal_framework", Text, false, "Textes applicables (Markdown).", "The applicable law (Markdown)."),
    // [[party]]
    k!("party", "id", Id { party_like: true }, true, "Identifiant du partenaire, repris ailleurs dans la convention.", "The party’s id, used elsewhere in the convention."),
    k!("party", "name", Text, true, "Dénomination du partenaire.", "The party’s name."),
    k!("party", "designation", Text, false, "Désignation dans le texte («\u{a0}le Département\u{a0}»).", "How the text names it (“the Département”)."),
    k!("party", "form", Choice(values::<model::PartyForm>), false, "Forme juridique\u{a0}: association, foundation, cooperative, mutual, company, public_body ou other.", "Legal form: association, foundation, cooperative, mutual, company, public_body or other."),
    k!("party", "sector", Choice(values::<model::Sector>), true, "Secteur\u{a0}: public, private ou civil_society.", "Sector: public, private or civil_society."),
    k!("party", "legal_form", Text, false, "Forme juridique en toutes lettres.", "The legal form, spelt out."),
    k!("party", "registration", Text, false, "Immatriculation (SIRET, RNA, …).", "Registration number (SIRET, RNA, …)."),
    k!("party", "address", Text, false, "Adresse du siège.", "The registered address."),
    k!("party", "representative", Table, false, "Le représentant légal.", "The legal representative."),
    k!("party", "signatory", Table, false, "La personne qui signe pour le partenaire.", "The person who signs for the party."),
    k!("party", "contact", Table, false, "Le contact opérationnel.", "The operational contact."),
    k!("party.representative", "name", Text, false, "Nom du représentant.", "The representative’s name."),
    k!("party.representative", "title", Text, false, "Qualité du représentant.", "The representative’s title."),
    k!("party.representative", "gender", Choice(values::<model::Gender>), false, "Genre\u{a0}: f, m ou x.", "Gender: f, m or x."),
    k!("party.signatory", "name", Text, false, "Nom du signataire.", "The signatory’s name."),
    k!("party.signatory", "title", Text, false, "Qualité du signataire.", "The signatory’s title."),
    k!("party.signatory", "mandate", Text, false, "Délibération ou délégation qui l’habilite à signer.", "The decision or delegation that empowers them to sign."),
    k!("party.contact", "name", Text, false, "Nom du contact.", "The contact’s name."),
    k!("party.contact", "email", Text, false, "Courriel du contact.", "The contact’s email."),
    // [[objective]]
    k!("objective", "id", Id { party_like: false }, true, "Identifiant de l’objectif (O1, …).", "The objective’s id (O1, …)."),
    k!("objective", "text", Text, true, "L’objectif, en une phrase.", "The objective, in one sentence."),
    k!("objective", "target_public", Text, false, "Le public visé.", "The public it aims at."),
    k!("objective", "indicators", Tables, false, "Les indicateurs qui mesurent l’objectif.", "The indicators that measure the objective."),
    k!("objective.indicators", "name", Text, true, "Nom de l’indicateur.", "The indicator’s name."),
    k!("objective.indicators", "target", Quantity, true, "Valeur cible (un nombre, ou un texte).", "The target (a number, or a text)."),
    k!("objective.indicators", "unit", Text, false, "Unité de mesure.", "The unit."),
    k!("objective.indicators", "baseline", Number, false, "Valeur de départ.", "The starting value."),
    k!("objective.indicators", "direction", Choice(values::<model::Direction>), false, "Sens attendu\u{a0}: increase ou decrease.", "The expected direction: increase or decrease."),
    // [[milestone]]
    k!("milestone", "id", Id { party_like: false }, true, "Identifiant de l’étape.", "The milestone’s id."),
    k!("milestone", "title", Text, true, "Intitulé de l’étape.", "The milestone’s title."),
    k!("milestone", "due", Date, true, "Date prévue.", "The date it is due."),
    k!("milestone", "kind", Choice(values::<model::MilestoneKind>), false, "Nature\u{a0}: activity, administrative, report ou evaluation.", "Kind: activity, administrative, report or evaluation."),
    k!("milestone", "owner", Text, false, "Le partenaire qui en répond (son id).", "The party answerable for it (its id)."),
    // [decision]
    k!("decision", "body", Text, false, "L’instance qui décide (comité de pilotage, …).", "The deciding body (steering committee, …)."),
    k!("decision", "members", Texts, false, "Les partenaires membres (leurs id).", "The member parties (their ids)."),
    k!("decision", "votes", NumberMap, false, "Le poids des voix de chaque membre (id = nombre).", "The vote weight of each member (id = number)."),
    k!("decision", "rule", Choice(values::<model::DecisionRule>), false, "Règle\u{a0}: consensus, majority, qualified_majority ou unanimity.", "Rule: consensus, majority, qualified_majority or unanimity."),
    k!("decision", "threshold", Share { above: 0.5 }, false, "Seuil de la majorité qualifiée (plus de 0,5, au plus 1).", "The qualified majority threshold (above 0.5, at most 1)."),
    k!("decision", "quorum", Share { above: 0.0 }, false, "Quorum (plus de 0, au plus 1).", "The quorum (above 0, at most 1)."),
    k!("decision", "meetings", Text, false, "Fréquence des réunions.", "How often it meets."),
    k!("decision", "conflicts", Text, false, "Règlement des désaccords.", "How disagreements are settled."),
    k!("decision", "minutes", Bool, false, "Un procès-verbal est-il dressé (true ou false)\u{202f}?", "Whether minutes are kept (true or false)."),
    // [funds]
    k!("funds", "budget", Amount { negative: false }, false, "Budget total de l’action.", "The total budget."),
    k!("funds", "holder", Text, false, "Le partenaire qui gère les fonds (son id).", "The party that holds the funds (its id)."),
    k!("funds", "account", Text, false, "Le compte qui reçoit les fonds.", "The account that receives the funds."),
    k!("funds", "justification", Text, false, "Les justificatifs de l’emploi des fonds.", "How the use of funds is justified."),
    k!("funds", "conditions", Text, false, "Conditions d’utilisation de la subvention.", "Conditions of use of the grant."),
    k!("funds", "contribution", Tables, false, "Une contribution d’un partenaire ou d’un tiers.", "A contribution from a party or a third party."),
    k!("funds", "disbursement", Tables, false, "Un versement prévu.", "A planned disbursement."),
    k!("funds", "line", Tables, false, "Une ligne du budget prévisionnel.", "A line of the forecast budget."),
    k!("funds.contribution", "party", Text, false, "Le partenaire qui contribue (son id).", "The contributing party (its id)."),
    k!("funds.contribution", "source", Text, false, "Le tiers qui contribue, s’il n’est pas partenaire.", "The third party that contributes, if not a party."),
    k!("funds.contribution", "kind", Choice(values::<model::ContributionKind>), true, "Nature\u{a0}: financial, in_kind, service ou staff.", "Kind: financial, in_kind, service or staff."),
    k!("funds.contribution", "amount", Amount { negative: false }, false, "Montant (requis pour une contribution financière).", "The amount (required for a financial contribution)."),
    k!("funds.contribution", "status", Choice(values::<model::ContributionStatus>), false, "État\u{a0}: granted ou requested.", "Status: granted or requested."),
    k!("funds.contribution", "to", Text, false, "Le partenaire qui la reçoit (son id).", "The party that receives it (its id)."),
    k!("funds.contribution", "year", Year, false, "L’exercice budgétaire (1900 à 2999).", "The budget year (1900 to 2999)."),
    k!("funds.contribution", "allocation", Choice(values::<model::Allocation>), false, "Affectation\u{a0}: project ou operating.", "Allocation: project or operating."),
    k!("funds.contribution", "eu_notified", Bool, false, "Aide notifiée à la Commission européenne (true ou false).", "State aid notified to the European Commission (true or false)."),
    k!("funds.contribution", "description", Text, false, "Description de la contribution.", "A description of the contribution."),
    k!("funds.disbursement", "date", Date, true, "Date du versement.", "The date of the disbursement."),
    k!("funds.disbursement", "amount", Amount { negative: false }, true, "Montant versé.", "The amount paid."),
    k!("funds.disbursement", "from", Text, true, "Le partenaire qui verse (son id).", "The paying party (its id)."),
    k!("funds.disbursement", "condition", Text, false, "Condition du versement.", "The condition of the payment."),
    k!("funds.disbursement", "after", Text, false, "L’étape ou le compte rendu qui le déclenche (son id).", "The milestone or report that triggers it (its id)."),
    k!("funds.line", "label", Text, true, "Intitulé de la ligne.", "The line’s label."),
    k!("funds.line", "amount", Amount { negative: false }, true, "Montant de la ligne.", "The line’s amount."),
    // [[role]]
    k!("role", "party", Text, true, "Le partenaire (son id).", "The party (its id)."),
    k!("role", "responsibilities", Texts, true, "Ses engagements.", "Its commitments."),
    k!("role", "coordinator", Bool, false, "Coordonne-t-il le partenariat (true ou false)\u{202f}?", "Whether it coordinates the partnership (true or false)."),
    // [officer]
    k!("officer", "name", Text, true, "Nom du référent.", "The officer’s name."),
    k!("officer", "party", Text, true, "Son partenaire (son id).", "Their party (its id)."),
    k!("officer", "email", Text, false, "Son courriel.", "Their email."),
    // [[report]]
    k!("report", "id", Id { party_like: false }, true, "Identifiant du compte rendu.", "The report’s id."),
    k!("report", "kind", Choice(values::<model::ReportKind>), true, "Nature\u{a0}: activity, financial ou final.", "Kind: activity, financial or final."),
    k!("report", "due", Date, false, "Date de remise (ou `every`).", "The date it is due (or `every`)."),
    k!("report", "every", Choice(values::<model::Every>), false, "Périodicité\u{a0}: monthly, quarterly, semiannual ou annual.", "Frequency: monthly, quarterly, semiannual or annual."),
    k!("report", "anchor", Choice(values::<model::Anchor>), false, "Point de départ des périodes\u{a0}: start ou calendar.", "What periods count from: start or calendar."),
    k!("report", "delay_days", Integer { min: 0 }, false, "Délai de remise après chaque période, en jours.", "The days allowed after each period."),
    k!("report", "after_end_days", Integer { min: 0 }, false, "Délai de remise après la fin, en jours.", "The days allowed after the end."),
    k!("report", "from", Text, true, "Le partenaire qui le remet (son id).", "The party that delivers it (its id)."),
    k!("report", "to", Texts, false, "Les partenaires qui le reçoivent (leurs id).", "The parties that receive it (their ids)."),
    k!("report", "also_to", Texts, false, "Les autres destinataires.", "Other recipients."),
    // [audit]
    k!("audit", "evaluation", Text, false, "Modalités d’évaluation.", "How the partnership is evaluated."),
    k!("audit", "dates", Dates, false, "Dates des évaluations.", "The dates of evaluation."),
    k!("audit", "expense_control", Text, false, "Contrôle de l’emploi des fonds.", "How expenses are controlled."),
    k!("audit", "financial_audit", Text, false, "Contrôle financier ou audit.", "Financial audit."),
    k!("audit", "auditor", Text, false, "Qui contrôle.", "Who audits."),
    // [termination]
    k!("termination", "notice_days", Integer { min: 0 }, false, "Préavis de résiliation, en jours.", "Notice of termination, in days."),
    k!("termination", "cure_days", Integer { min: 0 }, false, "Délai laissé pour remédier à un manquement, en jours.", "Days allowed to cure a breach."),
    k!("termination", "grounds", Texts, false, "Les motifs de résiliation.", "The grounds for termination."),
    k!("termination", "assets", Text, false, "Sort des biens acquis.", "What becomes of the assets."),
    k!("termination", "staff", Text, false, "Sort du personnel.", "What becomes of the staff."),
    k!("termination", "surplus", Text, false, "Sort d’un excédent.", "What becomes of a surplus."),
    k!("termination", "deficit", Text, false, "Prise en charge d’un déficit.", "Who bears a deficit."),
    k!("termination", "disputes", Text, false, "Règlement des litiges.", "How disputes are settled."),
    // [governance]
    k!("governance", "board", Tables, false, "Les sièges du conseil, par partenaire ou collège.", "The board seats, per party or group."),
    k!("governance", "officers", Text, false, "Le bureau et sa désignation.", "The officers and how they are chosen."),
    k!("governance", "deliberations", Text, false, "Les délibérations et leur publicité.", "Deliberations and their publication."),
    k!("governance", "management", Text, false, "La gestion courante.", "Day-to-day management."),
    k!("governance", "action_plan", Text, false, "Le plan d’action.", "The action plan."),
    k!("governance.board", "party", Text, false, "Le partenaire (son id).", "The party (its id)."),
    k!("governance.board", "label", Text, false, "Le collège, s’il ne s’agit pas d’un partenaire.", "The group, if not a party."),
    k!("governance.board", "seats", Integer { min: 1 }, true, "Nombre de sièges.", "The number of seats."),
    k!("governance.board", "women", Integer { min: 0 }, false, "Dont femmes.", "Of which women."),
    k!("governance.board", "voting", Bool, false, "Voix délibérative (true ou false).", "Whether the seats vote (true or false)."),
    // [communication]
    k!("communication", "plan", Text, false, "Le plan de communication.", "The communication plan."),
    // [[clause]]
    k!("clause", "kind", Choice(values::<model::ClauseKind>), false, "Nature de la clause (intellectual_property, data_protection, …).", "The kind of clause (intellectual_property, data_protection, …)."),
    k!("clause", "title", Text, true, "Intitulé de la clause.", "The clause’s title."),
    k!("clause", "text", Text, true, "Texte de la clause (Markdown).", "The clause’s text (Markdown)."),
    // [[annex]]
    k!("annex", "title", Text, true, "Intitulé de l’annexe.", "The annex’s title."),
    k!("annex", "ref", Text, false, "Le fichier ou la référence de l’annexe.", "The annex’s file or reference."),
    k!("annex", "sha256", Text, false, "Empreinte SHA-256 du fichier.", "The SHA-256 of the file."),
    // [[amendment]]
    k!("amendment", "id", Id { party_like: false }, true, "Identifiant de l’avenant.", "The amendment’s id."),
    k!("amendment", "date", Date, true, "Date de l’avenant.", "The amendment’s date."),
    k!("amendment", "summary", Text, true, "Objet de l’avenant.", "What the amendment changes."),
    // [[signature]]
    k!("signature", "party", Text, true, "Le partenaire qui signe (son id).", "The signing party (its id)."),
    k!("signature", "name", Text, true, "Nom du signataire.", "The name of the person who signs."),
    k!("signature", "date", Date, true, "Date de la signature.", "The date of the signature."),
    k!("signature", "place", Text, false, "Lieu de la signature.", "The place of the signature."),
    k!("signature", "amendment", Text, false, "L’avenant que cette signature approuve (son id).", "The amendment this signature approves (its id)."),
    k!("signature", "fingerprint", Text, true, "Empreinte des stipulations signées (sha256:…).", "The fingerprint of the terms signed (sha256:…)."),
    // [[waiver]]
    k!("waiver", "rule", Text, true, "Le code ou le nom de la règle.", "The rule’s code or name."),
    k!("waiver", "reason", Text, true, "Le motif de la dérogation.", "The reason for the waiver."),
    // [tracking]
    k!("tracking", "milestones", DateMap, false, "Date où chaque étape a été tenue (id = date).", "The date each milestone was met (id = date)."),
    k!("tracking", "reports", DatesMap, false, "Dates de remise de chaque compte rendu (id = date ou liste).", "The dates each report was delivered (id = date or list)."),
    k!("tracking", "published", DateMap, false, "Date de publication (id = date).", "The date of publication (id = date)."),
    k!("tracking", "difficulties", Text, false, "Difficultés rencontrées.", "Difficulties met."),
    k!("tracking", "lessons", Text, false, "Enseignements.", "Lessons learnt."),
    k!("tracking", "expense", Tables, false, "Une dépense réalisée.", "An expense incurred."),
    k!("tracking", "measure", Tables, false, "Une mesure d’un indicateur.", "A measure of an indicator."),
    k!("tracking", "payment", Tables, false, "Un versement reçu.", "A payment received."),
    k!("tracking.expense", "date", Date, true, "Date de la dépense.", "The date of the expense."),
    k!("tracking.expense", "amount", Amount { negative: true }, true, "Montant (négatif pour un remboursement).", "The amount (negative for a refund)."),
    k!("tracking.expense", "label", Text, true, "Intitulé de la dépense.", "The expense’s label."),
    k!("tracking.expense", "line", Text, false, "La ligne du budget (son intitulé).", "The budget line (its label)."),
    k!("tracking.measure", "objective", Text, true, "L’objectif (son id).", "The objective (its id)."),
    k!("tracking.measure", "indicator", Text, true, "L’indicateur (son nom).", "The indicator (its name)."),
    k!("tracking.measure", "value", Quantity, true, "La valeur mesurée.", "The value measured."),
    k!("tracking.measure", "date", Date, true, "Date de la mesure.", "The date of the measure."),
    k!("tracking.payment", "date", Date, true, "Date du versement reçu.", "The date of the payment."),
    k!("tracking.payment", "amount", Amount { negative: false }, true, "Montant reçu.", "The amount received."),
    k!("tracking.payment", "from", Text, true, "Le partenaire qui a versé (son id).", "The party that paid (its id)."),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_key_once_and_each_table_has_keys() {
        let mut seen = std::collections::HashSet::new();
        for k in KEYS {
            assert!(seen.insert((k.path, k.key)), "{}.{} twice", k.path, k.key);
            if matches!(k.ty, Ty::Table | Ty::Tables) {
                assert!(
                    keys_of(&k.child_path()).next().is_some(),
                    "{} has no keys",
                    k.child_path()
                );
            }
            if !k.path.is_empty() {
                let (parent, key) = k.path.rsplit_once('.').unwrap_or(("", k.path));
                assert!(
                    keys_of(parent).any(|p| p.key == key),
                    "{}: no parent",
                    k.path
                );
            }
        }
    }

    #[test]
    fn descriptions_in_both_languages_with_french_typography() {
        for k in KEYS {
            assert!(!k.fr.is_empty() && !k.en.is_empty(), "{}.{}", k.path, k.key);
            for bad in [" :", " ;", " ?", " !", "'", "« ", " »"] {
                assert!(
                    !k.fr.contains(bad),
                    "{}.{}: `{bad}` in {}",
                    k.path,
                    k.key,
                    k.fr
                );
            }
        }
    }

    #[test]
    fn choices_list_the_model_values() {
        let kind = KEYS
            .iter()
            .find(|k| k.path == "convention" && k.key == "kind")
            .unwrap();
        let Ty::Choice(values) = kind.ty else {
            panic!("convention.kind is a choice")
        };
        assert_eq!(
            values(),
            ["realisation", "gestion", "protocole", "subvention"]
        );
    }
}
