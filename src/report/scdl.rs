//! `pacte export --format scdl` (CLI.md "export"): the essential data of
//! every public grant as the French open-data schema "SCDL subventions",
//! version 2.1 (schema.data.gouv.fr, `scdl/subventions`): its 16 columns in
//! their order, comma-separated UTF-8 as the schema's examples write it.
//!
//! One row per public grant ([`crate::grants::public_grants`]: one
//! contribution, one beneficiary, `pourcentageSubvention` 1.00) of a
//! convention under French law (`FR`, `EUR`). A grant that lacks a value the
//! schema requires is left out and named with what it lacks.

use std::io::Write;

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::model::Document;

/// The schema's columns, in its order (SCDL subventions 2.1.0).
pub const COLUMNS: [&str; 16] = [
    "nomAttribuant",
    "idAttribuant",
    "dateConvention",
    "referenceDecision",
    "nomBeneficiaire",
    "idBeneficiaire",
    "rnaBeneficiaire",
    "objet",
    "montant",
    "nature",
    "conditionsVersement",
    "datesPeriodeVersement",
    "idRAE",
    "notificationUE",
    "pourcentageSubvention",
    "dispositifAide",
];

/// `objet` holds at most this many characters.
pub const OBJET_MAX: usize = 256;

/// A party's registration read as the schema reads it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Registration {
    /// 14 digits with a valid Luhn key.
    pub siret: Option<String>,
    /// `W` and 9 digits.
    pub rna: Option<String>,
    /// 14 digits whose Luhn key is wrong.
    pub bad_siret: Option<String>,
}

/// Whether 14 digits carry a valid Luhn key (the SIRET's control key).
pub fn luhn_ok(digits: &str) -> bool {
    let mut sum = 0u32;
    for (i, c) in digits.chars().rev().enumerate() {
        let Some(mut d) = c.to_digit(10) else {
            return false;
        };
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    sum % 10 == 0
}

/// Reads `registration` ("SIRET 216 901 231 00011", "RNA W691234567", or
/// both): a run of 14 digits (spaces between digits ignored) is a SIRET, a
/// `W` followed by exactly 9 digits an RNA number.
pub fn read_registration(text: &str) -> Registration {
    let chars: Vec<char> = text.chars().collect();
    // Drop spaces (and no-break spaces) between two digits.
    let mut squeezed = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let between_digits = c.is_whitespace()
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        if !between_digits {
            squeezed.push(c);
        }
    }
    let mut out = Registration::default();
    let s: Vec<char> = squeezed.chars().collect();
    let mut i = 0;
    while i < s.len() {
        if s[i].is_ascii_digit() {
            let start = i;
            while i < s.len() && s[i].is_ascii_digit() {
                i += 1;
            }
            let run: String = s[start..i].iter().collect();
            let after_w = start > 0 && s[start - 1] == 'W';
            if after_w && run.len() == 9 {
                out.rna.get_or_insert(format!("W{run}"));
            } else if !after_w && run.len() == 14 {
                if luhn_ok(&run) {
                    out.siret.get_or_insert(run);
                } else {
                    out.bad_siret.get_or_insert(run);
                }
            }
        } else {
            i += 1;
        }
    }
    out
}

/// `objet` cut to 256 characters at a word, with "…".
pub fn cut_objet(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= OBJET_MAX {
        return text;
    }
    // Keep at most 255 characters, then "…", cutting at the last space.
    let head: String = text.chars().take(OBJET_MAX - 1).collect();
    let cut = match head.rfind(' ') {
        Some(i) if i > 0 => head[..i].trim_end().to_string(),
        _ => head,
    };
    format!("{cut}…")
}

/// A grant left out, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Excluded {
    pub giver: String,
    pub beneficiary: String,
    /// The columns it lacks, with a word on why.
    pub missing: Vec<String>,
}

/// The rows (and the grants left out) of one convention; none unless the
/// convention is under French law in euros.
pub fn rows(doc: &Document, jurisdiction: Option<&str>) -> (Vec<[String; 16]>, Vec<Excluded>) {
    let c = &doc.convention;
    let french =
        jurisdiction == Some("FR") && c.currency.get().is_some_and(|cur| cur.code() == "EUR");
    if !french {
        return (Vec::new(), Vec::new());
    }
    let signed = crate::due::signing_date(doc);
    let disbursements: Vec<(&str, Date)> = doc
        .funds
        .get()
        .map(|f| f.disbursements.items())
        .unwrap_or_default()
        .iter()
        .filter_map(|d| Some((d.from.get()?.as_str(), *d.date.get()?)))
        .collect();
    let contributions = doc
        .funds
        .get()
        .map(|f| f.contributions.items())
        .unwrap_or_default();
    let mut rows = Vec::new();
    let mut excluded = Vec::new();
    for g in crate::grants::public_grants(doc) {
        let mut missing: Vec<String> = Vec::new();
        let giver = doc.party(g.giver);
        let beneficiary = doc.party(g.beneficiary);
        let name = |p: Option<&crate::model::Party>| {
            p.and_then(|p| p.name.get().cloned()).unwrap_or_default()
        };
        let reg = |p: Option<&crate::model::Party>| {
            p.and_then(|p| p.registration.get())
                .map(|r| read_registration(r))
                .unwrap_or_default()
        };
        let nom_attribuant = name(giver);
        if nom_attribuant.is_empty() {
            missing.push("nomAttribuant (the giver's `name`)".into());
        }
        let giver_reg = reg(giver);
        let id_attribuant = giver_reg.siret.clone().unwrap_or_default();
        if id_attribuant.is_empty() {
            missing.push(match giver_reg.bad_siret {
                Some(bad) => {
                    format!("idAttribuant (the giver's SIRET {bad} has a wrong control key)")
                }
                None => "idAttribuant (a SIRET in the giver's `registration`)".into(),
            });
        }
        let date_convention = signed.map(|d| d.to_string()).unwrap_or_default();
        if date_convention.is_empty() {
            missing.push("dateConvention (the signing date: every party's signature)".into());
        }
        let nom_beneficiaire = name(beneficiary);
        if nom_beneficiaire.is_empty() {
            missing.push("nomBeneficiaire (the beneficiary's `name`)".into());
        }
        let ben_reg = reg(beneficiary);
        let id_beneficiaire = ben_reg.siret.clone().unwrap_or_default();
        let rna_beneficiaire = ben_reg.rna.clone().unwrap_or_default();
        if id_beneficiaire.is_empty() && rna_beneficiaire.is_empty() {
            missing.push(match ben_reg.bad_siret {
                Some(bad) => format!(
                    "idBeneficiaire or rnaBeneficiaire (the beneficiary's SIRET {bad} has a wrong control key)"
                ),
                None => "idBeneficiaire or rnaBeneficiaire (a SIRET or an RNA number in the beneficiary's `registration`)".into(),
            });
        }
        let contribution = contributions.iter().find(|x| x.span == g.span);
        let objet = contribution
            .and_then(|x| x.description.get())
            .or(c.title.get())
            .map(|t| cut_objet(t))
            .unwrap_or_default();
        if objet.is_empty() {
            missing.push("objet (the contribution's `description` or the title)".into());
        }
        let mut dates: Vec<Date> = disbursements
            .iter()
            .filter(|(from, _)| *from == g.giver)
            .map(|(_, d)| *d)
            .collect();
        dates.sort_unstable();
        let conditions = if dates.len() == 1 {
            "unique"
        } else {
            "échelonné"
        };
        let period = match (dates.first(), dates.last()) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (Some(a), Some(b)) => format!("{a}/{b}"),
            _ => {
                missing.push(
                    "datesPeriodeVersement (a `[[funds.disbursement]]` from the giver)".into(),
                );
                String::new()
            }
        };
        let eu = contribution
            .and_then(|x| x.eu_notified.get().copied())
            .unwrap_or(false);
        if !missing.is_empty() {
            excluded.push(Excluded {
                giver: g.giver.to_string(),
                beneficiary: g.beneficiary.to_string(),
                missing,
            });
            continue;
        }
        rows.push([
            nom_attribuant,
            id_attribuant,
            date_convention,
            String::new(),
            nom_beneficiaire,
            id_beneficiaire,
            rna_beneficiaire,
            objet,
            amount(g.amount),
            if g.financial {
                "aide en numéraire"
            } else {
                "aide en nature"
            }
            .into(),
            conditions.into(),
            period,
            String::new(),
            if eu { "oui" } else { "non" }.into(),
            "1.00".into(),
            String::new(),
        ]);
    }
    (rows, excluded)
}

/// An amount with a dot and no trailing zeros (`47800.2`, `30000`).
fn amount(d: Decimal) -> String {
    d.normalize().to_string()
}

/// Writes the header and the rows.
pub fn write(out: &mut dyn Write, rows: &[[String; 16]]) -> std::io::Result<()> {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(out);
    w.write_record(COLUMNS)?;
    for r in rows {
        w.write_record(r)?;
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn siret_and_rna() {
        let r = read_registration("SIRET 216 901 231 00011");
        assert_eq!(r.siret.as_deref(), Some("21690123100011"));
        assert_eq!(r.rna, None);
        let r = read_registration("RNA W691234567");
        assert_eq!(r.rna.as_deref(), Some("W691234567"));
        assert_eq!(r.siret, None);
        let r = read_registration("RNA W691234567 ; SIRET 380 475 558 00058");
        assert_eq!(r.rna.as_deref(), Some("W691234567"));
        assert_eq!(r.siret.as_deref(), Some("38047555800058"));
        // A wrong control key.
        let r = read_registration("SIRET 216 901 231 00012");
        assert_eq!(r.siret, None);
        assert_eq!(r.bad_siret.as_deref(), Some("21690123100012"));
        // Not 14 digits, not W + 9 digits.
        assert_eq!(
            read_registration("SIREN 216 901 231"),
            Registration::default()
        );
        assert_eq!(read_registration("W12345678"), Registration::default());
        assert!(luhn_ok("23350001600040"));
        assert!(!luhn_ok("23350001600041"));
    }

    #[test]
    fn objet_is_cut_at_a_word() {
        assert_eq!(cut_objet("Subvention  de\nprojet"), "Subvention de projet");
        let long = "mot ".repeat(100);
        let cut = cut_objet(&long);
        assert!(cut.chars().count() <= OBJET_MAX);
        assert!(cut.ends_with("mot…"), "{cut}");
        let one = "a".repeat(300);
        assert_eq!(cut_objet(&one).chars().count(), OBJET_MAX);
    }
}
