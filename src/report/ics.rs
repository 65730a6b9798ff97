//! `report --format ics`: an iCalendar (RFC 5545) file of every milestone
//! and report due date, one all-day VEVENT each, with stable UIDs
//! `CONVENTION/KIND/ID/N@pacte`, so that importing it again updates the
//! events instead of duplicating them.
//!
//! Deterministic: DTSTAMP is the as-of date at 00:00:00 UTC (never the
//! clock), so the same files and as-of date give the same bytes.

use std::io::Write;

use jiff::civil::Date;

use super::summary::{Entry, State, Summary};
use crate::due::DueKind;
use crate::model::{Lang, ReportKind};

/// Escapes a TEXT value (RFC 5545 3.3.11).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes one content line, folded at 75 octets (never inside a UTF-8
/// sequence), with CRLF line ends.
pub fn line(out: &mut Vec<u8>, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.extend_from_slice(b"\r\n ");
            width = 1;
        }
        let mut buf = [0u8; 4];
        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        width += n;
    }
    out.extend_from_slice(b"\r\n");
}

fn ymd(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

fn report_kind(k: Option<ReportKind>, lang: Lang) -> &'static str {
    match (k, lang) {
        (Some(ReportKind::Activity), Lang::Fr) => "compte rendu d’activité",
        (Some(ReportKind::Financial), Lang::Fr) => "compte rendu financier",
        (Some(ReportKind::Final), Lang::Fr) => "bilan final",
        (None, Lang::Fr) => "compte rendu",
        (Some(ReportKind::Activity), Lang::En) => "activity report",
        (Some(ReportKind::Financial), Lang::En) => "financial report",
        (Some(ReportKind::Final), Lang::En) => "final report",
        (None, Lang::En) => "report",
    }
}

/// The event's summary, in the convention's language.
pub fn summary_text(s: &Summary, e: &Entry) -> String {
    let conv = s.id.as_deref().unwrap_or("");
    let lang = s.lang;
    let what = match e.kind {
        DueKind::Milestone => {
            let title = e.title.as_deref().unwrap_or("");
            match lang {
                Lang::Fr => format!("Jalon {} : {title}", e.id),
                Lang::En => format!("Milestone {}: {title}", e.id),
            }
        }
        DueKind::Report => {
            let kind = report_kind(e.report_kind, lang);
            let mut k = kind.to_string();
            if let Some(first) = k.get(..1) {
                k = first.to_uppercase() + &k[1..];
            }
            if e.periodic {
                match lang {
                    Lang::Fr => format!("{k} {} (n° {})", e.id, e.occurrence),
                    Lang::En => format!("{k} {} (no. {})", e.id, e.occurrence),
                }
            } else {
                format!("{k} {}", e.id)
            }
        }
        DueKind::Disbursement => match lang {
            Lang::Fr => format!("Versement {}", e.id),
            Lang::En => format!("Disbursement {}", e.id),
        },
        DueKind::RenewalNotice => match lang {
            Lang::Fr => format!("Dernier jour pour refuser la reconduction ({})", e.id),
            Lang::En => format!("Last day to refuse the renewal ({})", e.id),
        },
        DueKind::Expiry => match lang {
            Lang::Fr => format!("Fin de la convention ({})", e.id),
            Lang::En => format!("End of the convention ({})", e.id),
        },
        DueKind::FinancialAccount => match lang {
            Lang::Fr => format!("Compte rendu financier {}", e.id),
            Lang::En => format!("Financial account {}", e.id),
        },
        DueKind::Publication => match lang {
            Lang::Fr => format!(
                "Publication des données essentielles de la subvention ({})",
                e.id
            ),
            Lang::En => format!("Publication of the grant’s essential data ({})", e.id),
        },
    };
    format!("{what} — {conv}")
}

fn state_text(e: &Entry, lang: Lang) -> String {
    match (e.state, lang) {
        (State::OnTime { on }, Lang::Fr) => format!("Fait le {on}"),
        (State::OnTime { on }, Lang::En) => format!("Done on {on}"),
        (State::Late { on, days }, Lang::Fr) => format!("Fait le {on}, {days} j de retard"),
        (State::Late { on, days }, Lang::En) => format!("Done on {on}, {days} days late"),
        (State::Overdue { days }, Lang::Fr) => format!("En retard de {days} j"),
        (State::Overdue { days }, Lang::En) => format!("Overdue by {days} days"),
        (State::Lapsed { .. }, Lang::Fr) => "Échéance passée, non faite".into(),
        (State::Lapsed { .. }, Lang::En) => "Date passed, not done".into(),
        (State::Pending { .. }, Lang::Fr) => "À venir".into(),
        (State::Pending { .. }, Lang::En) => "Pending".into(),
        (State::Passed { .. }, Lang::Fr) => "Échéance passée".into(),
        (State::Passed { .. }, Lang::En) => "Passed".into(),
    }
}

/// "Redevable : la Ville (Claire Roche <c@x.fr>)" for the event description.
fn owner_text(s: &Summary, e: &Entry) -> Option<String> {
    let owner = e.owner.as_deref()?;
    let name = s
        .parties
        .iter()
        .find(|p| p.id == owner)
        .map_or(owner, |p| p.name.as_str());
    let contact = e
        .contact
        .as_ref()
        .map(|c| format!(" ({})", c.line()))
        .unwrap_or_default();
    Some(match s.lang {
        Lang::Fr => format!("Redevable\u{A0}: {name}{contact}"),
        Lang::En => format!("Owed by: {name}{contact}"),
    })
}

/// The whole calendar.
pub fn write(out: &mut dyn Write, as_of: Date, summaries: &[Summary]) -> std::io::Result<()> {
    let mut buf: Vec<u8> = Vec::with_capacity(64 * 1024);
    line(&mut buf, "BEGIN:VCALENDAR");
    line(&mut buf, "VERSION:2.0");
    line(
        &mut buf,
        concat!("PRODID:-//pacte//pacte ", env!("CARGO_PKG_VERSION"), "//EN"),
    );
    line(&mut buf, "CALSCALE:GREGORIAN");
    line(&mut buf, "METHOD:PUBLISH");
    if let [one] = summaries {
        if let Some(title) = &one.title {
            line(&mut buf, &format!("X-WR-CALNAME:{}", escape(title)));
        }
    } else {
        line(&mut buf, "X-WR-CALNAME:pacte");
    }
    let stamp = format!("DTSTAMP:{}T000000Z", ymd(as_of));
    for s in summaries {
        // Without an id there is no stable UID.
        let Some(conv) = s.id.as_deref() else {
            continue;
        };
        for e in &s.entries {
            line(&mut buf, "BEGIN:VEVENT");
            line(
                &mut buf,
                &format!(
                    "UID:{}/{}/{}/{}@pacte",
                    escape(conv),
                    e.kind.as_str(),
                    escape(&e.id),
                    e.occurrence
                ),
            );
            line(&mut buf, &stamp);
            line(&mut buf, &format!("DTSTART;VALUE=DATE:{}", ymd(e.due)));
            if let Ok(next) = e.due.tomorrow() {
                line(&mut buf, &format!("DTEND;VALUE=DATE:{}", ymd(next)));
            }
            line(
                &mut buf,
                &format!("SUMMARY:{}", escape(&summary_text(s, e))),
            );
            let mut desc = String::new();
            if let Some(t) = &s.title {
                desc.push_str(t);
                desc.push('\n');
            }
            if let (true, Some(a), Some(b)) = (e.periodic, e.period_start, e.period_end) {
                match s.lang {
                    Lang::Fr => desc.push_str(&format!("Période du {a} au {b}\n")),
                    Lang::En => desc.push_str(&format!("Period {a} to {b}\n")),
                }
            }
            if let Some(owner) = owner_text(s, e) {
                desc.push_str(&owner);
                desc.push('\n');
            }
            desc.push_str(&state_text(e, s.lang));
            line(&mut buf, &format!("DESCRIPTION:{}", escape(&desc)));
            line(&mut buf, &format!("CATEGORIES:{}", e.kind.as_str()));
            line(&mut buf, "TRANSP:TRANSPARENT");
            // A reminder 7 days before (CLI.md, revision 1.1).
            line(&mut buf, "BEGIN:VALARM");
            line(&mut buf, "ACTION:DISPLAY");
            line(&mut buf, "TRIGGER:-P7D");
            line(
                &mut buf,
                &format!("DESCRIPTION:{}", escape(&summary_text(s, e))),
            );
            line(&mut buf, "END:VALARM");
            line(&mut buf, "END:VEVENT");
            if buf.len() > 1 << 20 {
                out.write_all(&buf)?;
                buf.clear();
            }
        }
    }
    line(&mut buf, "END:VCALENDAR");
    out.write_all(&buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_at_75_octets_never_splits_a_character() {
        let mut buf = Vec::new();
        let text = format!("SUMMARY:{}", "é".repeat(80));
        line(&mut buf, &text);
        let s = String::from_utf8(buf).unwrap();
        for l in s.split("\r\n") {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        let unfolded = s.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{text}\r\n"));
    }

    #[test]
    fn escaping() {
        assert_eq!(escape("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
    }
}
