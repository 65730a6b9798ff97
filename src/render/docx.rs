//! DOCX: the same view of the document as Markdown and HTML, written as a
//! Word document (Office Open XML) with `docx-rs`.
//!
//! Article headings are Word headings ("Heading 1"), tables are Word
//! tables, the draft mark is a header on every page, the footer (source,
//! fingerprint, templates, commit, page number) is on every page, and the
//! signature blocks are a table of two per row that Word keeps with the
//! closing sentence. The bytes are deterministic: fixed dates in the
//! document properties and in the archive, and paragraph ids counted from
//! one for every document.

use anyhow::Result;

use crate::failure::{Fail as _, Failure};
use docx_rs::{
    AlignmentType, Docx, Footer, Header, LineSpacing, NumPages, PageMargin, PageNum, Paragraph,
    Run, RunFonts, Style, StyleType, Table, TableCell, TableRow, VertAlignType, WidthType,
};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::view::{Labelled, View};
use crate::model::Lang;
use crate::present::labels::Labels;

/// The one font family of the document, body and footer.
const FONT: &str = "DejaVu Serif";
/// The fixed date of the document properties (no clock is read).
const EPOCH: &str = "2000-01-01T00:00:00Z";
/// A4 in twentieths of a point, and 20 mm margins.
const A4: (u32, u32) = (11906, 16838);
const MARGIN: i32 = 1134;
/// The width of the text block, in twentieths of a point.
const TEXT_WIDTH: usize = 11906 - 2 * 1134;

/// Inline text with the ordinal "1er" raised, as Word runs.
fn runs(text: &str, bold: bool, raise: bool) -> Vec<Run> {
    let styled = |s: &str| {
        let r = Run::new().add_text(s);
        if bold {
            r.bold()
        } else {
            r
        }
    };
    if !raise || !text.contains("1er") {
        return vec![styled(text)];
    }
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = find_ordinal(rest) {
        if i > 0 {
            out.push(styled(&rest[..i]));
        }
        out.push(styled("1"));
        let mut sup = styled("er");
        sup.run_property = sup.run_property.vert_align(VertAlignType::SuperScript);
        out.push(sup);
        rest = &rest[i + 3..];
    }
    if !rest.is_empty() {
        out.push(styled(rest));
    }
    out
}

/// The byte offset of a "1er" that is a word of its own.
fn find_ordinal(s: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(j) = s[from..].find("1er") {
        let i = from + j;
        let before = s[..i].chars().next_back();
        let after = s[i + 3..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return Some(i);
        }
        from = i + 3;
    }
    None
}

fn para(text: &str) -> Paragraph {
    runs(text, false, false)
        .into_iter()
        .fold(Paragraph::new(), Paragraph::add_run)
}

/// A paragraph of pacte's own words around dates: "1er" raised.
fn dated(text: &str) -> Paragraph {
    runs(text, false, true)
        .into_iter()
        .fold(Paragraph::new(), Paragraph::add_run)
}

fn bold(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text).bold())
}

fn heading(text: &str, level: usize) -> Paragraph {
    Paragraph::new()
        .style(if level == 1 { "Heading1" } else { "Heading2" })
        .add_run(Run::new().add_text(text))
        .keep_next(true)
}

fn bullet(text: &str, depth: usize) -> Paragraph {
    let indent = 360 * (depth as i32 + 1);
    para(&format!("–\u{A0}{text}")).indent(
        Some(indent),
        Some(docx_rs::SpecialIndentType::Hanging(240)),
        None,
        None,
    )
}

/// Markdown (a rich field of the view) as paragraphs: emphasis kept, lists
/// as dashes, links as their text then the address.
fn markdown(md: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut cur: Option<Paragraph> = None;
    let (mut strong, mut em) = (0, 0);
    let mut depth: usize = 0;
    let mut link: Option<String> = None;
    let flush = |cur: &mut Option<Paragraph>, out: &mut Vec<Paragraph>| {
        if let Some(p) = cur.take() {
            out.push(p);
        }
    };
    for ev in Parser::new(md) {
        match ev {
            Event::Start(Tag::Paragraph) | Event::Start(Tag::Heading { .. }) => {
                cur.get_or_insert_with(Paragraph::new);
            }
            Event::End(TagEnd::Paragraph) | Event::End(TagEnd::Heading(_)) => {
                flush(&mut cur, &mut out)
            }
            Event::Start(Tag::List(_)) => {
                flush(&mut cur, &mut out);
                depth += 1;
            }
            Event::End(TagEnd::List(_)) => depth = depth.saturating_sub(1),
            Event::Start(Tag::Item) => {
                flush(&mut cur, &mut out);
                let indent = 360 * depth as i32;
                cur = Some(
                    Paragraph::new()
                        .indent(
                            Some(indent),
                            Some(docx_rs::SpecialIndentType::Hanging(240)),
                            None,
                            None,
                        )
                        .add_run(Run::new().add_text("–\u{A0}")),
                );
            }
            Event::End(TagEnd::Item) => flush(&mut cur, &mut out),
            Event::Start(Tag::Strong) => strong += 1,
            Event::End(TagEnd::Strong) => strong -= 1,
            Event::Start(Tag::Emphasis) => em += 1,
            Event::End(TagEnd::Emphasis) => em -= 1,
            Event::Start(Tag::Link { dest_url, .. }) => link = Some(dest_url.to_string()),
            Event::End(TagEnd::Link) => {
                if let Some(url) = link.take() {
                    let p = cur.take().unwrap_or_default();
                    cur = Some(p.add_run(Run::new().add_text(format!(" ({url})"))));
                }
            }
            Event::Text(t) | Event::Code(t) => {
                let mut r = Run::new().add_text(t.as_ref());
                if strong > 0 {
                    r = r.bold();
                }
                if em > 0 {
                    r = r.italic();
                }
                let p = cur.take().unwrap_or_default();
                cur = Some(p.add_run(r));
            }
            Event::SoftBreak => {
                let p = cur.take().unwrap_or_default();
                cur = Some(p.add_run(Run::new().add_text(" ")));
            }
            Event::HardBreak => {
                let p = cur.take().unwrap_or_default();
                cur = Some(p.add_run(Run::new().add_break(docx_rs::BreakType::TextWrapping)));
            }
            _ => {}
        }
    }
    flush(&mut cur, &mut out);
    out
}

fn cell(text: &str, bold: bool, raise: bool) -> TableCell {
    let p = runs(text, bold, raise)
        .into_iter()
        .fold(Paragraph::new(), Paragraph::add_run);
    TableCell::new().add_paragraph(p)
}

/// A table with a header row and rows that do not split across pages;
/// `dates` are the columns of dates pacte wrote ("1er" raised there only).
fn table(head: &[String], rows: Vec<Vec<String>>, bold_last: bool, dates: &[usize]) -> Table {
    let n = rows.len();
    let mut all =
        vec![TableRow::new(head.iter().map(|h| cell(h, true, false)).collect()).cant_split()];
    for (i, r) in rows.into_iter().enumerate() {
        let b = bold_last && i + 1 == n;
        let cells = r
            .iter()
            .enumerate()
            .map(|(j, c)| cell(c, b, dates.contains(&j)))
            .collect();
        all.push(TableRow::new(cells).cant_split());
    }
    Table::new(all).width(TEXT_WIDTH, WidthType::Dxa)
}

struct Writer<'a> {
    l: &'a Labels,
    colon: &'static str,
    doc: Docx,
}

impl Writer<'_> {
    fn p(&mut self, p: Paragraph) {
        let doc = std::mem::take(&mut self.doc);
        self.doc = doc.add_paragraph(p);
    }
    fn t(&mut self, t: Table) {
        let doc = std::mem::take(&mut self.doc);
        self.doc = doc.add_table(t);
    }
    fn l(&self, key: &str) -> String {
        self.l.get(key)
    }
    /// The header row of a table: the labels `section.key` of `keys`.
    fn heads(&self, section: &str, keys: &[&str]) -> Vec<String> {
        keys.iter()
            .map(|k| self.l(&format!("{section}.{k}")))
            .collect()
    }
    fn rich(&mut self, md: &str) {
        for p in markdown(md) {
            self.p(p);
        }
    }
    fn labelled(&mut self, items: &[Labelled]) {
        for d in items {
            let p = Paragraph::new()
                .add_run(Run::new().add_text(format!("{}{}", d.label, self.colon)))
                .add_run(Run::new().add_text(&d.text));
            self.p(p);
        }
    }
    /// The closing sentence ("Fait à …") kept with the first row of the
    /// table of signature blocks, two per row.
    fn signatures(&mut self, signing: &super::view::SigningView) {
        let (l, colon) = (self.l, self.colon);
        // The closing block: kept with the first row of signatures.
        self.p(para(&signing.sentence).keep_next(true).keep_lines(true));
        let block = |b: &super::view::SignatureBlock| -> TableCell {
            let mut c = TableCell::new()
                .width(TEXT_WIDTH / 2, WidthType::Dxa)
                .add_paragraph(bold(&b.party).keep_next(true));
            let mut who = b.name.clone().unwrap_or_default();
            if let Some(t) = &b.title {
                if !who.is_empty() {
                    who.push_str(", ");
                }
                who.push_str(t);
            }
            c = c.add_paragraph(para(&who).keep_next(true));
            if let Some(m) = &b.mandate {
                c = c.add_paragraph(
                    para(&format!("{} {m}", l.get("signing.mandate")))
                        .size(19)
                        .keep_next(true),
                );
            }
            c.add_paragraph(para(&format!("{}{colon}", l.get("signing.date"))).keep_next(true))
                .add_paragraph(para(&format!("{}{colon}", l.get("signing.stamp"))).keep_next(true))
                .add_paragraph(Paragraph::new().keep_next(true))
                .add_paragraph(Paragraph::new().keep_next(true))
                .add_paragraph(Paragraph::new())
        };
        let rows: Vec<TableRow> = signing
            .blocks
            .chunks(2)
            .map(|pair| {
                let mut cells: Vec<TableCell> = pair.iter().map(block).collect();
                if cells.len() == 1 {
                    cells.push(
                        TableCell::new()
                            .width(TEXT_WIDTH / 2, WidthType::Dxa)
                            .add_paragraph(Paragraph::new()),
                    );
                }
                TableRow::new(cells).cant_split()
            })
            .collect();
        if !rows.is_empty() {
            self.t(Table::new(rows)
                .width(TEXT_WIDTH, WidthType::Dxa)
                .set_grid(vec![TEXT_WIDTH / 2, TEXT_WIDTH / 2]));
        }
    }
    fn pack(self) -> Result<Vec<u8>> {
        let mut bytes = std::io::Cursor::new(Vec::new());
        self.doc
            .build()
            .pack(&mut bytes)
            .or_fail(|| Failure::DocxArchive)?;
        Ok(bytes.into_inner())
    }
    fn labelled_list(&mut self, items: &[Labelled]) {
        for d in items {
            let t = format!("{}{}{}", d.label, self.colon, d.text);
            self.p(bullet(&t, 0));
        }
    }
}

/// The document as DOCX bytes.
///
/// docx-rs numbers paragraphs with a counter of the current thread: the
/// document is built on a thread of its own, so that the numbers start at
/// one whatever was rendered before (same bytes alone or in a folder).
pub fn write(v: &View, l: &Labels, lang: Lang) -> Result<Vec<u8>> {
    on_own_thread(|| build(v, l, lang))
}

/// Runs a writer on a thread of its own (paragraph ids counted from one).
fn on_own_thread(f: impl FnOnce() -> Result<Vec<u8>> + Send) -> Result<Vec<u8>> {
    std::thread::scope(|s| {
        s.spawn(f)
            .join()
            .unwrap_or_else(|_| Err(Failure::DocxFailed.into()))
    })
}

fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "\u{A0}: ",
        Lang::En => ": ",
    }
}

/// The document with its page, fonts, styles, footer (the given line and
/// the page number on every page) and, for a draft, the mark as a header.
fn base(footer_line: &str, draft_mark: Option<&str>) -> Docx {
    let fonts = RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .east_asia(FONT)
        .cs(FONT);
    let footer = Footer::new()
        .add_paragraph(
            Paragraph::new()
                .size(13)
                .add_run(Run::new().add_text(footer_line)),
        )
        .add_paragraph(
            Paragraph::new()
                .size(16)
                .align(AlignmentType::Right)
                .add_page_num(PageNum::new())
                .add_run(Run::new().add_text(" / "))
                .add_num_pages(NumPages::new()),
        );
    let mut doc = Docx::new()
        .created_at(EPOCH)
        .updated_at(EPOCH)
        .page_size(A4.0, A4.1)
        .page_margin(
            PageMargin::new()
                .top(MARGIN)
                .bottom(MARGIN)
                .left(MARGIN)
                .right(MARGIN),
        )
        .default_fonts(fonts.clone())
        .default_size(21)
        .default_line_spacing(LineSpacing::new().after(100).line(264))
        .add_style(
            Style::new("Heading1", StyleType::Paragraph)
                .name("heading 1")
                .based_on("Normal")
                .next("Normal")
                .q_format(true)
                .fonts(fonts.clone())
                .size(25)
                .bold()
                .line_spacing(LineSpacing::new().before(280).after(120))
                .outline_lvl(0),
        )
        .add_style(
            Style::new("Heading2", StyleType::Paragraph)
                .name("heading 2")
                .based_on("Normal")
                .next("Normal")
                .q_format(true)
                .fonts(fonts.clone())
                .size(22)
                .bold()
                .line_spacing(LineSpacing::new().before(200).after(100))
                .outline_lvl(1),
        )
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .based_on("Normal")
                .q_format(true)
                .fonts(fonts)
                .size(36)
                .bold()
                .align(AlignmentType::Center),
        )
        .footer(footer);
    if let Some(mark) = draft_mark {
        doc = doc.header(
            Header::new().add_paragraph(
                Paragraph::new()
                    .align(AlignmentType::Center)
                    .add_run(Run::new().add_text(mark).bold().color("B00000").size(28)),
            ),
        );
    }
    doc
}

/// The amendment ("avenant") as `pacte render FILE --amendment ID` writes
/// it: the same content, in the same order, as `templates/amendment.md`.
pub struct Amendment<'a> {
    pub title: &'a str,
    pub reference: &'a str,
    pub summary: Option<&'a str>,
    /// Heading ("Article 1"), the sentence that opens it, the changes.
    pub articles: Vec<(&'a str, &'a str, &'a [String])>,
    pub unchanged: &'a str,
    pub signing: &'a super::view::SigningView,
    pub draft: Option<&'a super::view::Draft>,
    /// Source, baseline and current fingerprints: on every page.
    pub footer: &'a str,
}

/// The amendment as DOCX bytes (deterministic, like [`write`]).
pub fn write_amendment(a: &Amendment, l: &Labels, lang: Lang) -> Result<Vec<u8>> {
    on_own_thread(|| build_amendment(a, l, lang))
}

fn build_amendment(a: &Amendment, l: &Labels, lang: Lang) -> Result<Vec<u8>> {
    let colon = colon(lang);
    let doc = base(a.footer, a.draft.map(|d| d.mark.as_str()));
    let mut w = Writer { l, colon, doc };
    if let Some(d) = a.draft {
        w.p(Paragraph::new().align(AlignmentType::Center).add_run(
            Run::new()
                .add_text(format!("{} — {}", d.mark, d.note))
                .bold()
                .color("B00000"),
        ));
    }
    w.p(Paragraph::new()
        .style("Title")
        .add_run(Run::new().add_text(a.title)));
    w.p(dated(a.reference));
    if let Some(s) = a.summary {
        w.p(Paragraph::new()
            .add_run(Run::new().add_text(l.get("amendment.object")).bold())
            .add_run(Run::new().add_text(format!("{colon}{s}"))));
    }
    for (head, intro, items) in &a.articles {
        w.p(heading(head, 1));
        w.p(para(intro).keep_next(!items.is_empty()));
        for item in items.iter() {
            w.p(bullet(item, 0));
        }
    }
    w.p(para(a.unchanged));
    w.signatures(a.signing);
    w.pack()
}

fn build(v: &View, l: &Labels, lang: Lang) -> Result<Vec<u8>> {
    let colon = colon(lang);
    let doc = base(&v.footer.line, v.draft.as_ref().map(|d| d.mark.as_str()));
    let mut w = Writer { l, colon, doc };

    if let Some(d) = &v.draft {
        let mut text = format!("{} — {}", d.mark, d.note);
        if let Some(f) = &d.findings {
            text.push(' ');
            text.push_str(f);
        }
        w.p(Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(Run::new().add_text(text).bold().color("B00000")));
    }
    let title = v.title.clone().unwrap_or_else(|| v.kind_title.clone());
    w.p(Paragraph::new()
        .style("Title")
        .add_run(Run::new().add_text(title)));
    if v.title.is_some() {
        w.p(Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(Run::new().add_text(&v.kind_title).bold()));
    }

    // The parties.
    w.p(para(&w.l("doc.between")));
    for p in &v.parties {
        let mut s = String::new();
        if let Some(x) = &p.legal_form {
            s.push_str(&format!(", {x}"));
        }
        if let Some(x) = &p.sector {
            s.push_str(&format!(" ({x})"));
        }
        if let Some(x) = &p.registration {
            s.push_str(&format!(", {x}"));
        }
        if let Some(x) = &p.address {
            s.push_str(&format!(", {} {x}", w.l("doc.address")));
        }
        if let Some(x) = &p.representative {
            s.push_str(&format!(", {} {x}", w.l("doc.represented_by")));
        }
        if let Some(x) = &p.signatory {
            let semi = if lang == Lang::Fr { "\u{202F}; " } else { "; " };
            s.push_str(&format!("{semi}{}{colon}{x}", w.l("doc.signatory")));
        }
        if let Some(x) = &p.mandate {
            s.push_str(&format!(", {} {x}", w.l("doc.acting_under")));
        }
        if let Some(x) = &p.designated {
            s.push_str(&format!(", {x}"));
        }
        let par = Paragraph::new()
            .indent(
                Some(360),
                Some(docx_rs::SpecialIndentType::Hanging(240)),
                None,
                None,
            )
            .add_run(Run::new().add_text("–\u{A0}"))
            .add_run(Run::new().add_text(&p.name).bold())
            .add_run(Run::new().add_text(s));
        w.p(par);
    }
    w.p(para(&w.l("doc.together")));
    if let Some(pre) = &v.preamble {
        w.p(heading(&w.l("doc.preamble"), 1));
        w.rich(pre);
    }
    w.p(para(&w.l("doc.agreed")));

    if let Some(o) = &v.object {
        w.p(heading(&o.heading, 1));
        if let Some(p) = &o.purpose {
            w.rich(p);
        }
        if !o.objectives.is_empty() {
            w.p(bold(&w.l("object.objectives")).keep_next(true));
            for ob in &o.objectives {
                w.p(Paragraph::new()
                    .indent(
                        Some(360),
                        Some(docx_rs::SpecialIndentType::Hanging(240)),
                        None,
                        None,
                    )
                    .add_run(Run::new().add_text("–\u{A0}"))
                    .add_run(Run::new().add_text(&ob.id).bold())
                    .add_run(Run::new().add_text(format!(" — {}", ob.text))));
                if let Some(t) = &ob.target_public {
                    let s = format!("{}{colon}{t}", w.l("object.target_public"));
                    w.p(bullet(&s, 1));
                }
                for i in &ob.indicators {
                    w.p(bullet(i, 1));
                }
            }
        }
    }
    if let Some(a) = &v.legal_framework {
        w.p(heading(&a.heading, 1));
        w.rich(&a.text);
    }
    if let Some(d) = &v.duration {
        w.p(heading(&d.heading, 1));
        w.p(dated(&d.sentences.join(" ")));
    }
    if let Some(c) = &v.commitments {
        w.p(heading(&c.heading, 1));
        if !c.roles.is_empty() {
            w.p(para(&w.l("commitments.intro")));
            for r in &c.roles {
                let mut par = Paragraph::new()
                    .indent(
                        Some(360),
                        Some(docx_rs::SpecialIndentType::Hanging(240)),
                        None,
                        None,
                    )
                    .add_run(Run::new().add_text("–\u{A0}"))
                    .add_run(Run::new().add_text(&r.party).bold());
                if r.coordinator {
                    par = par.add_run(
                        Run::new().add_text(format!(" ({})", w.l("commitments.coordinator"))),
                    );
                }
                w.p(par);
                for x in &r.responsibilities {
                    w.p(bullet(x, 1));
                }
            }
        }
        if let Some(s) = &c.coordinator {
            w.p(para(s));
        }
        if let Some(o) = &c.officer {
            let mut s = format!("{}{colon}{}", w.l("commitments.officer"), o.name);
            if let Some(p) = &o.party {
                s.push_str(&format!(" ({p})"));
            }
            if let Some(e) = &o.email {
                s.push_str(&format!(", {e}"));
            }
            w.p(para(&s));
        }
    }
    if let Some(f) = &v.funds {
        w.p(heading(&f.heading, 1));
        if let Some(b) = &f.budget {
            w.p(para(b));
        }
        for s in &f.grant_sentences {
            w.p(dated(s));
        }
        if !f.contributions.is_empty() {
            let key = if f.grant {
                "funds.grants"
            } else {
                "funds.contributions"
            };
            w.p(bold(&w.l(key)).keep_next(true));
            let mut head = vec![w.l("funds.contributor")];
            if f.years {
                head.push(w.l("funds.year"));
            }
            for k in ["kind", "amount", "status", "description"] {
                head.push(w.l(&format!("funds.{k}")));
            }
            let mut rows: Vec<Vec<String>> = f
                .contributions
                .iter()
                .map(|c| {
                    let mut r = vec![c.contributor.clone()];
                    if f.years {
                        r.push(c.year.clone());
                    }
                    r.extend([
                        c.kind.clone(),
                        c.amount.clone(),
                        c.status.clone(),
                        c.description.clone(),
                    ]);
                    r
                })
                .collect();
            if let Some(t) = &f.total_financial {
                let mut r = vec![w.l("funds.total_financial")];
                if f.years {
                    r.push(String::new());
                }
                r.extend([String::new(), t.clone(), String::new(), String::new()]);
                rows.push(r);
            }
            w.t(table(&head, rows, f.total_financial.is_some(), &[]));
        }
        if !f.disbursements.is_empty() {
            w.p(bold(&w.l("funds.disbursements")).keep_next(true));
            let head = w.heads("funds", &["date", "amount", "from", "condition"]);
            let rows = f
                .disbursements
                .iter()
                .map(|d| {
                    vec![
                        d.date.clone(),
                        d.amount.clone(),
                        d.from.clone(),
                        d.condition.clone(),
                    ]
                })
                .collect();
            w.t(table(&head, rows, false, &[0]));
        }
        if let Some(h) = &f.holder {
            w.p(para(h));
        }
        w.labelled(&f.details);
        if let Some(c) = &f.conditions {
            w.p(bold(&w.l("funds.conditions")).keep_next(true));
            w.rich(c);
        }
        if !f.lines.is_empty() {
            w.p(bold(&w.l("funds.lines")).keep_next(true));
            let head = vec![w.l("funds.line"), w.l("funds.amount")];
            let mut rows: Vec<Vec<String>> = f
                .lines
                .iter()
                .map(|x| vec![x.label.clone(), x.amount.clone()])
                .collect();
            rows.push(vec![
                w.l("funds.total"),
                f.lines_total.clone().unwrap_or_default(),
            ]);
            w.t(table(&head, rows, true, &[]));
        }
    }
    if let Some(g) = &v.governance {
        w.p(heading(&g.heading, 1));
        w.labelled(&g.details);
        if let Some(m) = &g.minutes {
            w.p(para(m));
        }
        if !g.board.is_empty() {
            w.p(bold(&w.l("governance.board")).keep_next(true));
            let head = w.heads("governance", &["seat_member", "seats", "women", "voting"]);
            let rows = g
                .board
                .iter()
                .map(|s| {
                    vec![
                        s.member.clone(),
                        s.seats.clone(),
                        s.women.clone(),
                        s.voting.clone(),
                    ]
                })
                .collect();
            w.t(table(&head, rows, false, &[]));
        }
        w.labelled(&g.management);
    }
    if let Some(s) = &v.schedule {
        w.p(heading(&s.heading, 1));
        w.p(para(&w.l("schedule.intro")).keep_next(true));
        let head = w.heads("schedule", &["ref", "milestone", "due", "kind", "owner"]);
        let rows = s
            .milestones
            .iter()
            .map(|m| {
                vec![
                    m.id.clone(),
                    m.title.clone(),
                    m.due.clone(),
                    m.kind.clone(),
                    m.owner.clone(),
                ]
            })
            .collect();
        w.t(table(&head, rows, false, &[2]));
    }
    if let Some(r) = &v.reporting {
        w.p(heading(&r.heading, 1));
        if !r.reports.is_empty() {
            w.p(para(&w.l("reporting.intro")).keep_next(true));
            let head = w.heads("reporting", &["ref", "kind", "due", "from", "to"]);
            let rows = r
                .reports
                .iter()
                .map(|x| {
                    vec![
                        x.id.clone(),
                        x.kind.clone(),
                        x.due.clone(),
                        x.from.clone(),
                        x.to.clone(),
                    ]
                })
                .collect();
            w.t(table(&head, rows, false, &[2]));
        }
        w.labelled(&r.audit);
    }
    if let Some(c) = &v.communication {
        w.p(heading(&c.heading, 1));
        w.rich(&c.text);
    }
    for c in &v.clauses {
        w.p(heading(&c.heading, 1));
        w.rich(&c.text);
    }
    if let Some(t) = &v.termination {
        w.p(heading(&t.heading, 1));
        if !t.sentences.is_empty() {
            w.p(para(&t.sentences.join(" ")));
        }
        if !t.grounds.is_empty() {
            w.p(bold(&w.l("termination.grounds")).keep_next(true));
            for g in &t.grounds {
                w.p(bullet(g, 0));
            }
        }
        if !t.dispositions.is_empty() {
            w.p(bold(&w.l("termination.dispositions")).keep_next(true));
            w.labelled_list(&t.dispositions);
        }
    }
    if let Some(d) = &v.disputes {
        w.p(heading(&d.heading, 1));
        w.p(para(&d.text));
    }
    if let Some(a) = &v.amendments {
        w.p(heading(&a.heading, 1));
        match &a.procedure {
            Some(p) => w.rich(p),
            None => w.p(para(&a.rule)),
        }
        if !a.amendments.is_empty() {
            w.p(bold(&w.l("amendments.list")).keep_next(true));
            for x in &a.amendments {
                let par = runs(&format!(" ({}) — {}", x.date, x.summary), false, true)
                    .into_iter()
                    .fold(
                        Paragraph::new()
                            .indent(
                                Some(360),
                                Some(docx_rs::SpecialIndentType::Hanging(240)),
                                None,
                                None,
                            )
                            .add_run(Run::new().add_text("–\u{A0}"))
                            .add_run(Run::new().add_text(&x.id).bold()),
                        Paragraph::add_run,
                    );
                w.p(par);
            }
        }
    }
    if let Some(a) = &v.annexes {
        w.p(heading(&a.heading, 1));
        w.p(para(&w.l("annexes.intro")));
        for x in &a.annexes {
            let mut s = x.title.clone();
            if let Some(r) = &x.reference {
                s.push_str(&format!(" — {r}"));
            }
            if let Some(h) = &x.sha256 {
                s.push_str(&format!(" ({} {h})", w.l("annexes.sha256")));
            }
            w.p(bullet(&s, 0));
        }
    }

    w.signatures(&v.signing);
    w.p(Paragraph::new()
        .size(16)
        .add_run(Run::new().add_text(format!("{}{colon}", l.get("footer.initials")))));

    w.pack()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_are_found_as_words_only() {
        assert_eq!(find_ordinal("le 1er mars"), Some(3));
        assert_eq!(find_ordinal("11er 1erx"), None);
        assert_eq!(runs("du 1er mars", false, true).len(), 4);
        assert_eq!(runs("du 1er mars", false, false).len(), 1);
    }
}
