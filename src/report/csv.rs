//! `report --format csv` (CLI.md "status, report", revision 1.1): one row
//! per due item, header `file,convention,kind,item,title,due,state,owner,
//! contact`; RFC 4180 (CRLF line ends, quotes doubled), UTF-8.

use std::io::Write;

use super::summary::{Entry, Summary};
use crate::due::DueKind;

/// The header, in CLI.md's order.
pub const HEADER: [&str; 9] = [
    "file",
    "convention",
    "kind",
    "item",
    "title",
    "due",
    "state",
    "owner",
    "contact",
];

/// The `title` column: a milestone's title, a disbursement's condition, a
/// report's kind (`financial`), else empty.
fn title(e: &Entry) -> &str {
    match (e.kind, &e.title, e.report_kind) {
        (_, Some(t), _) => t,
        (DueKind::Report, None, Some(k)) => k.as_str(),
        _ => "",
    }
}

pub fn write(out: &mut dyn Write, summaries: &[Summary]) -> std::io::Result<()> {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .quote_style(::csv::QuoteStyle::Necessary)
        .from_writer(out);
    w.write_record(HEADER)?;
    for s in summaries {
        for e in &s.entries {
            let owner = e.owner.as_deref().map(|o| s.party_name(o)).unwrap_or("");
            let contact = e.contact.as_ref().map(|c| c.line()).unwrap_or_default();
            let due = e.due.to_string();
            w.write_record([
                s.file.as_str(),
                s.id.as_deref().unwrap_or(""),
                e.kind.as_str(),
                &e.id,
                title(e),
                &due,
                e.state.csv_key(),
                owner,
                &contact,
            ])?;
        }
    }
    w.flush()
}
