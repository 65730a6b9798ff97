//! Markdown fields (`purpose`, `preamble`, `legal_framework`,
//! `communication.plan`, `clause.text`, `tracking.difficulties`,
//! `tracking.lessons`): the single place that builds the CommonMark parser.
//!
//! - [`to_html`] turns a field into safe HTML: raw HTML is neutralised
//!   (shown as text), images become their alt text (nothing is loaded),
//!   headings are moved below the article headings, and the result goes
//!   through ammonia keeping only `http`, `https` and `mailto` links.
//! - [`to_markdown`] keeps a field as Markdown for a Markdown document,
//!   written anew (pulldown-cmark-to-cmark) from the same cleaned events as
//!   the HTML: raw HTML is escaped text, images their alt text, links to
//!   other schemes their text; and each field is self-contained once the
//!   fields are joined into one document (a fence it opens is closed, its
//!   reference definitions are resolved inside it and not written out).

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

/// The events of a Markdown field, cleaned: raw HTML becomes text, images
/// their alt text, links with a refused scheme their text, headings moved
/// below the article headings. The HTML and the Markdown outputs are both
/// written from this one stream.
fn cleaned(md: &str) -> impl Iterator<Item = Event<'_>> {
    let mut in_image = 0usize;
    let mut links: Vec<bool> = Vec::new();
    parser(md).filter_map(move |ev| match ev {
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
    })
}

/// A Markdown field as safe HTML (control and bidi characters dropped).
pub fn to_html(md: &str) -> String {
    let md = &*crate::escape::strip(md);
    let mut html = String::with_capacity(md.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, cleaned(md));
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

/// A Markdown field kept as Markdown, neutralised (see the module doc):
/// written anew from the cleaned events, so that it is self-contained
/// whatever is joined after it (a fence it opens is closed, its reference
/// definitions are resolved and not written, raw HTML is text).
pub fn to_markdown(md: &str) -> String {
    let md = md.replace("\r\n", "\n").replace('\r', "\n");
    // Control and bidi characters as visible escapes (line breaks and tabs kept).
    let md = crate::escape::visible_lines(&md);
    let mut events: Vec<Event<'_>> = Vec::new();
    for ev in cleaned(&md) {
        match ev {
            // Raw HTML, now text, goes in a paragraph, where it is escaped
            // (a bare block would be written back as HTML).
            Event::Start(Tag::HtmlBlock) => events.push(Event::Start(Tag::Paragraph)),
            Event::End(TagEnd::HtmlBlock) => {
                if let Some(Event::Text(t)) = events.last_mut() {
                    if t.ends_with('\n') {
                        *t = t.trim_end_matches('\n').to_string().into();
                    }
                }
                events.push(Event::End(TagEnd::Paragraph))
            }
            // A code block left open at the end of the field is closed on
            // a line of its own.
            Event::End(TagEnd::CodeBlock) => {
                if let Some(Event::Text(t)) = events.last() {
                    if !t.ends_with('\n') {
                        events.push(Event::Text("\n".into()));
                    }
                }
                events.push(ev)
            }
            ev => events.push(ev),
        }
    }
    let mut out = String::with_capacity(md.len() + 16);
    if pulldown_cmark_to_cmark::cmark(events, &mut out, options()).is_err() {
        // Only a formatter error can stop it: fall back to plain text.
        return escape_inline(&md);
    }
    out.trim_matches('\n').to_string()
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
        // The tag is escaped text now.
        assert!(m.contains("\\<b onclick=x>"), "{m}");
        assert!(dangers(&m).is_empty(), "{m}");
    }

    #[test]
    fn images_are_not_loaded() {
        let h = to_html("![alt text](https://ex.org/x.png)");
        assert!(!h.contains("<img"), "{h}");
        assert!(h.contains("alt text"), "{h}");
    }

    /// Field texts that try to reach beyond their own field.
    pub(crate) const HOSTILE: &[&str] = &[
        "~~~",
        "```",
        "```\nx",
        "    indented code",
        "[r]: javascript:alert(1)",
        "[r]: https://ok.example",
        "[x][r] and [r] and [y][]",
        "<script>alert(1)</script>",
        "a <script>alert(1)</script> b",
        "<div>\nx\n</div>",
        "<!-- c",
        "<?php",
        "<![CDATA[",
        "> quote",
        "- item",
        "| a |\n|---|",
        "<javascript:alert(1)>",
        "[l](javascript:alert(1))",
        "![i](https://ex.org/x.png)",
        "*open emphasis",
        "`open code",
        "\\",
        "# Title",
        "Title\n===",
        "<https://ok.example>",
    ];

    /// Raw HTML events and link destinations of a whole document.
    pub(crate) fn dangers(doc: &str) -> Vec<String> {
        let mut found = Vec::new();
        for ev in parser(doc) {
            match ev {
                Event::Html(h) | Event::InlineHtml(h) => found.push(format!("html {h:?}")),
                Event::Start(Tag::Link { dest_url, .. }) if !link_allowed(&dest_url) => {
                    found.push(format!("link {dest_url:?}"))
                }
                Event::Start(Tag::Image { dest_url, .. }) => {
                    found.push(format!("image {dest_url:?}"))
                }
                _ => {}
            }
        }
        found
    }

    #[test]
    fn fields_joined_stay_self_contained() {
        for a in HOSTILE {
            for b in HOSTILE {
                let doc = format!("{}\n\n{}\n\nNEXT FIELD", to_markdown(a), to_markdown(b));
                let d = dangers(&doc);
                assert!(d.is_empty(), "{a:?} + {b:?}: {d:?}\n{doc}");
                // What follows is still a paragraph of its own.
                let last = parser(&doc)
                    .filter_map(|e| match e {
                        Event::Start(t) => Some(format!("{t:?}")),
                        _ => None,
                    })
                    .last()
                    .unwrap();
                assert_eq!(last, "Paragraph", "{a:?} + {b:?}:\n{doc}");
                assert!(doc.ends_with("\n\nNEXT FIELD"));
            }
        }
    }

    #[test]
    fn ordinary_markdown_keeps_its_meaning() {
        let m = to_markdown("**gras** et *italique*, `code`\n\n- a\n- b\n\n[site](https://ex.org)");
        let html = |s: &str| {
            let mut h = String::new();
            pulldown_cmark::html::push_html(&mut h, parser(s));
            h
        };
        assert_eq!(
            html(&m),
            "<p><strong>gras</strong> et <em>italique</em>, <code>code</code></p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<p><a href=\"https://ex.org\">site</a></p>\n"
        );
    }

    #[test]
    fn inline_escape_guards_structure() {
        assert_eq!(escape_inline("- a|b"), "\\- a\\|b");
        assert_eq!(escape_inline("1. x"), "1\\. x");
        assert_eq!(escape_inline("# t"), "\\# t");
        assert_eq!(escape_inline("a\nb"), "a b");
    }
}
