//! `pacte status`: one line per convention, then the overdue items.
//! Colours only when asked (`--color`, a terminal).

use std::io::Write;

use jiff::civil::Date;

use super::summary::{State, Summary};
use crate::due::DueKind;

const RED: &str = "\x1b[31m";
const YELLOW: &str = "\x1b[33m";
const GREEN: &str = "\x1b[32m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

fn paint(text: &str, style: &str, color: bool) -> String {
    if color && !style.is_empty() {
        format!("{style}{text}{RESET}")
    } else {
        text.to_string()
    }
}

/// Pads to `width` characters (not bytes); control and bidi characters
/// from the file shown as visible escapes.
fn pad(s: &str, width: usize) -> String {
    let s = &*crate::escape::visible(s);
    let n = s.chars().count();
    if n >= width {
        s.to_string()
    } else {
        format!("{s}{}", " ".repeat(width - n))
    }
}

fn completeness(c: Option<f64>) -> String {
    match c {
        Some(c) => format!("{:.0}%", c * 100.0),
        None => "—".to_string(),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// French words: the singular for 0 and 1.
fn pluriel(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n <= 1 { one } else { many })
}

/// `status` in the language of messages (the convention's own values,
/// kinds and statuses are the format's names, in either language).
pub fn write(
    out: &mut dyn Write,
    as_of: Date,
    summaries: &[Summary],
    color: bool,
    lang: crate::model::Lang,
) -> std::io::Result<()> {
    let fr = lang == crate::model::Lang::Fr;
    let t = |en: &'static str, fr_: &'static str| if fr { fr_ } else { en };
    // A due item's kind: the format's name in English, a word in French.
    let kind = |k: crate::due::DueKind| {
        use crate::due::DueKind::*;
        match (fr, k) {
            (false, k) => k.as_str(),
            (true, Milestone) => "jalon",
            (true, Report) => "compte rendu",
            (true, Disbursement) => "versement",
            (true, RenewalNotice) => "refus de reconduction",
            (true, Expiry) => "fin",
            (true, FinancialAccount) => "compte rendu financier",
            (true, Publication) => "publication",
        }
    };
    let count = |n: usize, one: &str, many: &str, un: &str, des: &str| {
        if fr {
            pluriel(n, un, des)
        } else {
            plural(n, one, many)
        }
    };
    let id_w = summaries
        .iter()
        .map(|s| s.display_id().chars().count())
        .max()
        .unwrap_or(2)
        .clamp(10, 40);
    writeln!(
        out,
        "{}",
        paint(
            &format!(
                "{} {:<11} {:<10} {:>6}  {:<30} {:>7}  {}",
                pad("convention", id_w),
                t("kind", "nature"),
                t("status", "statut"),
                "compl.",
                t("next deadline", "prochaine échéance"),
                t("overdue", "retard"),
                t("signed", "signé")
            ),
            BOLD,
            color
        )
    )?;
    for s in summaries {
        let next = match s.next_deadline() {
            Some(e) => format!("{} {} {}", e.due, kind(e.kind), e.id),
            None => "—".to_string(),
        };
        let overdue = s.overdue().count();
        let compl = completeness(s.completeness);
        let compl_style = match s.completeness {
            None => RED,
            Some(c) if c < 1.0 => YELLOW,
            Some(_) => "",
        };
        let next_style = match s.next_deadline().map(|e| e.state) {
            Some(State::Pending { in_days }) if in_days <= super::summary::NEAR_DAYS => YELLOW,
            _ => "",
        };
        let signed = if s.parties.is_empty() {
            "—".to_string()
        } else {
            format!("{}/{}", s.signed_by.len(), s.parties.len())
        };
        let all_signed = !s.parties.is_empty() && s.signed_by.len() == s.parties.len();
        // A convention whose end has passed while it is still signed or
        // active is flagged at the end of its line.
        let expired = match s.entries.iter().find(|e| e.kind == DueKind::Expiry) {
            Some(e) if s.expired() => paint(
                &format!("  {} {}", t("expired on", "échue le"), e.due),
                RED,
                color,
            ),
            _ => String::new(),
        };
        writeln!(
            out,
            "{} {:<11} {:<10} {}  {} {}  {}{expired}",
            paint(&pad(s.display_id(), id_w), BOLD, color),
            s.kind.as_str(),
            s.status.as_str(),
            paint(&format!("{compl:>6}"), compl_style, color),
            paint(&pad(&next, 30), next_style, color),
            paint(
                &format!("{overdue:>7}"),
                if overdue > 0 { RED } else { "" },
                color
            ),
            paint(&signed, if all_signed { "" } else { YELLOW }, color),
        )?;
    }
    // Who has signed the current terms, where not every party has.
    let partial: Vec<&Summary> = summaries
        .iter()
        .filter(|s| !s.parties.is_empty() && s.signed_by.len() < s.parties.len())
        .collect();
    if !partial.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            paint(
                t(
                    "Current terms not signed by every party:",
                    "Clauses actuelles que tous les partenaires n’ont pas signées\u{a0}:"
                ),
                BOLD,
                color
            )
        )?;
        for s in partial {
            let (done, todo): (Vec<&str>, Vec<&str>) = s
                .parties
                .iter()
                .map(|p| p.id.as_str())
                .partition(|p| s.signed_by.iter().any(|x| x == p));
            let done = if done.is_empty() {
                t("nobody", "personne").to_string()
            } else {
                done.join(", ")
            };
            writeln!(
                out,
                "  {}  {} {done}{} {}",
                paint(&pad(s.display_id(), id_w), BOLD, color),
                t("signed by:", "signé par\u{a0}:"),
                t("; awaiting:", "\u{202f}; en attente\u{a0}:"),
                todo.join(", ")
            )?;
        }
    }
    let overdue: Vec<_> = summaries
        .iter()
        .flat_map(|s| s.overdue().map(move |e| (s, e)))
        .collect();
    writeln!(out)?;
    if overdue.is_empty() {
        writeln!(
            out,
            "{}",
            paint(
                &if fr {
                    format!("Aucun retard au {as_of}.")
                } else {
                    format!("Nothing overdue as of {as_of}.")
                },
                GREEN,
                color
            )
        )?;
    } else {
        writeln!(
            out,
            "{}",
            paint(
                &if fr {
                    format!(
                        "{} au {as_of}\u{a0}:",
                        pluriel(overdue.len(), "élément en retard", "éléments en retard")
                    )
                } else {
                    format!(
                        "{} as of {as_of}:",
                        plural(overdue.len(), "overdue item", "overdue items")
                    )
                },
                BOLD,
                color
            )
        )?;
        for (s, e) in overdue {
            let days = match e.state {
                State::Overdue { days } => days,
                _ => 0,
            };
            let what = match &e.title {
                Some(t) if fr => format!("{} {} «\u{a0}{t}\u{a0}»", kind(e.kind), e.id),
                Some(t) => format!("{} {} \"{t}\"", kind(e.kind), e.id),
                None if e.periodic => {
                    format!("{} {} #{}", kind(e.kind), e.id, e.occurrence)
                }
                None => format!("{} {}", kind(e.kind), e.id),
            };
            writeln!(
                out,
                "  {}  {}  {} {}  {}",
                paint(&pad(s.display_id(), id_w), BOLD, color),
                crate::escape::visible(&what),
                t("due", "dû le"),
                e.due,
                paint(
                    &count(
                        days as usize,
                        "day late",
                        "days late",
                        "jour de retard",
                        "jours de retard"
                    ),
                    RED,
                    color
                )
            )?;
            if let Some(owner) = &e.owner {
                let contact = e
                    .contact
                    .as_ref()
                    .map(|c| format!(", {}", c.line()))
                    .unwrap_or_default();
                writeln!(
                    out,
                    "  {}  {} {}{contact}",
                    pad("", id_w),
                    t("owed by", "dû par"),
                    s.party_name(owner)
                )?;
            }
        }
    }
    let errors: usize = summaries.iter().map(|s| s.errors).sum();
    let warnings: usize = summaries.iter().map(|s| s.warnings).sum();
    if errors + warnings > 0 {
        writeln!(
            out,
            "{}",
            paint(
                &if fr {
                    format!(
                        "{}, {} dans {}\u{a0}: `pacte check` en dit plus.",
                        pluriel(errors, "erreur", "erreurs"),
                        pluriel(warnings, "avertissement", "avertissements"),
                        pluriel(summaries.len(), "convention", "conventions")
                    )
                } else {
                    format!(
                        "{}, {} in {}: `pacte check` tells more.",
                        plural(errors, "error", "errors"),
                        plural(warnings, "warning", "warnings"),
                        plural(summaries.len(), "convention", "conventions")
                    )
                },
                DIM,
                color
            )
        )?;
    }
    Ok(())
}
