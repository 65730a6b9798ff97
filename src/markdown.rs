//! Markdown fields (`purpose`, `preamble`, `legal_framework`,
//! `communication.plan`, `clause.text`, `tracking.difficulties`,
//! `tracking.lessons`): the single place that builds the CommonMark parser.
//!
//! - [`to_html`] turns a field into safe HTML: raw HTML is neutralised
//!   (shown as text), images become their alt text (nothing is loaded),
//!   headings are moved below the article headings, and the result goes
//!   through ammonia keeping only `http`, `https` and `mailto` links.
//! - [`to_markdown`] keeps a field as Markdown for a Markdown document, with
//!   the same neutralisation: raw HTML is escaped, images become their alt
//!   text and links to other schemes become their text.

use std::collections::HashSet;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

fn parser(md: &str) -> Parser<'_> {
    Parser::new_ext(md, options())
}

/// The schemes a link in a Markdown field may use.
pub const ALLOWED_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// Whether a link destination is absolute with an allowed scheme.
pub fn link_allowed(dest: &str) -> bool {
    let d = dest.trim();
    let Some(colon) = d.find(':') else {
        return false;
    };
    let scheme = &d[..colon];
    ALLOWED_SCHEMES
        .iter()
        .any(|s| s.eq_ignore_ascii_case(scheme))
}

fn shifted(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H4,
        HeadingLevel::H2 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// A Markdown field as safe HTML (control and bidi characters dropped).
pub fn to_html(md: &str) -> String {
    let md = &*crate::escape::strip(md);
    let mut in_image = 0usize;
    let mut links: Vec<bool> = Vec::new();
    let events = parser(md).filter_map(|ev| match ev {
        Event::Html(h) | Event::InlineHtml(h) => Some(Event::Text(h)),
        Event::Start(Tag::Image { .. }) => {
            in_image += 1;
            None
        }
        Event::End(TagEnd::Image) => {
            in_image = in_image.saturating_sub(1);
            None
        }
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Some(Event::Start(Tag::Heading {
            level: shifted(level),
            id,
            classes,
            attrs,
        })),
        Event::End(TagEnd::Heading(level)) => Some(Event::End(TagEnd::Heading(shifted(level)))),
        // A link with a scheme that is not allowed keeps its text only.
        Event::Start(Tag::Link { ref dest_url, .. }) => {
            let allowed = link_allowed(dest_url);
            links.push(allowed);
            allowed.then_some(ev)
        }
        Event::End(TagEnd::Link) => links.pop().unwrap_or(true).then_some(ev),
        other => Some(other),
    });
    let mut html = String::with_capacity(md.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    sanitize(&html)
}

/// The last line of defence: only known tags, no images, links with
/// allowed schemes only.
fn sanitize(html: &str) -> String {
    let schemes: HashSet<&str> = ALLOWED_SCHEMES.into_iter().collect();
    ammonia::Builder::default()
        .rm_tags(["img"])
        .url_schemes(schemes)
        .url_relative(ammonia::UrlRelative::Deny)
        .link_rel(Some("noopener noreferrer"))
        .clean(html)
        .to_string()
}

/// Escapes text so that it reads as itself in Markdown.
pub fn escape_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\r' => {}
            '\n' => out.push(' '),
            c if crate::escape::is_hidden(c) => crate::escape::push_escape(&mut out, c),
            _ => out.push(c),
        }
    }
    // A leading list or block marker would change the structure.
    let needs_guard = match out.as_bytes().first() {
        Some(b'-' | b'+' | b'=') => true,
        Some(b'0'..=b'9') => {
            let digits = out.bytes().take_while(u8::is_ascii_digit).count();
            matches!(out.as_bytes().get(digits), Some(b'.' | b')'))
        }
        _ => false,
    };
    if needs_guard {
        if out.as_bytes()[0].is_ascii_digit() {
            let digits = out.bytes().take_while(u8::is_ascii_digit).count();
            out.insert(digits, '\\');
        } else {
            out.insert(0, '\\');
        }
    }
    out
}

/// A Markdown field kept as Markdown, neutralised (see the module doc).
pub fn to_markdown(md: &str) -> String {
    let md = md.replace("\r\n", "\n").replace('\r', "\n");
    // Control and bidi characters as visible escapes (line breaks and tabs kept).
    let md = crate::escape::visible_lines(&md);
    let md = md.trim_matches('\n');
    // (range, replacement), in source order, non-overlapping.
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    let mut replacing: Option<(std::ops::Range<usize>, String, usize)> = None;
    for (ev, range) in parser(md).into_offset_iter() {
        if let Some((_, text, depth)) = replacing.as_mut() {
            match &ev {
                Event::Start(_) => *depth += 1,
                Event::End(_) => {
                    *depth -= 1;
                    if *depth == 0 {
                        if let Some((r, t, _)) = replacing.take() {
                            edits.push((r, escape_inline(&t)));
                        }
                    }
                }
                Event::Text(t) | Event::Code(t) => text.push_str(t),
                Event::SoftBreak | Event::HardBreak => text.push(' '),
                _ => {}
            }
            continue;
        }
        match ev {
            Event::Html(_) | Event::InlineHtml(_) => {
                let raw = &md[range.clone()];
                edits.push((range, raw.replace('<', "&lt;")));
            }
            Event::Start(Tag::Image { .. }) => replacing = Some((range, String::new(), 1)),
            Event::Start(Tag::Link { ref dest_url, .. }) if !link_allowed(dest_url) => {
                replacing = Some((range, String::new(), 1))
            }
            _ => {}
        }
    }
    edits.sort_by_key(|(r, _)| r.start);
    let mut out = String::with_capacity(md.len() + 16);
    let mut at = 0;
    for (r, text) in edits {
        if r.start < at || r.end > md.len() {
            continue;
        }
        out.push_str(&md[at..r.start]);
        out.push_str(&text);
        at = r.end;
    }
    out.push_str(&md[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_text() {
        let h = to_html("a <script>alert(1)</script> b\n\n<iframe src=x></iframe>");
        assert!(!h.contains("<script"), "{h}");
        assert!(!h.contains("<iframe"), "{h}");
        assert!(h.contains("&lt;script&gt;"), "{h}");
    }

    #[test]
    fn links_keep_allowed_schemes_only() {
        let h = to_html(
            "[a](javascript:alert(1)) [b](https://ex.org) [c](mailto:x@y.z) <javascript:alert(2)>",
        );
        assert!(!h.contains("href=\"javascript"), "{h}");
        assert!(!h.contains("javascript:alert(1)"), "{h}");
        assert!(h.contains("href=\"https://ex.org\""), "{h}");
        assert!(h.contains("mailto:x@y.z"), "{h}");
        let m = to_markdown(
            "[a](javascript:alert(1)) and ![i](https://ex.org/x.png) <b onclick=x>y</b>",
        );
        assert!(!m.contains("javascript:"), "{m}");
        assert!(!m.contains("x.png"), "{m}");
        assert!(!m.contains("<b"), "{m}");
    }

    #[test]
    fn images_are_not_loaded() {
        let h = to_html("![alt text](https://ex.org/x.png)");
        assert!(!h.contains("<img"), "{h}");
        assert!(h.contains("alt text"), "{h}");
    }

    #[test]
    fn inline_escape_guards_structure() {
        assert_eq!(escape_inline("- a|b"), "\\- a\\|b");
        assert_eq!(escape_inline("1. x"), "1\\. x");
        assert_eq!(escape_inline("# t"), "\\# t");
        assert_eq!(escape_inline("a\nb"), "a b");
    }
}
