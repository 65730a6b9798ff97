//! rustc-style diagnostics with a source snippet, and a summary line.

use std::collections::BTreeMap;
use std::io::Write;

use annotate_snippets::{Level as SnippetLevel, Renderer, Snippet};

use crate::check::Run;
use crate::diagnostic::{Diagnostic, Level};
use crate::escape::{visible, visible_lines};

use super::{summary_line_in, Emitter};

pub struct Human {
    pub color: bool,
    /// Errors only, and no summary line.
    pub quiet: bool,
    /// The language of messages.
    pub lang: crate::model::Lang,
}

fn level(l: Level) -> SnippetLevel {
    match l {
        Level::Error => SnippetLevel::Error,
        Level::Warning => SnippetLevel::Warning,
        Level::Info | Level::Off => SnippetLevel::Info,
    }
}

/// The widest part of a source line shown under a diagnostic, in
/// characters (rustc cuts long lines the same way, around the annotation).
pub const SNIPPET_WIDTH: usize = 120;
/// How much of the line before the annotation is kept, when the line is cut.
const SNIPPET_LEAD: usize = 40;

/// The part of a line shown under a diagnostic, and the byte range of the
/// annotation in it: at most [`SNIPPET_WIDTH`] characters around the
/// annotation (cut ends shown as `...`), control and bidi characters as
/// visible escapes. `start` and `end` are byte offsets in `line`.
pub fn excerpt(line: &str, start: usize, end: usize) -> (String, std::ops::Range<usize>) {
    let floor = |mut i: usize| {
        i = i.min(line.len());
        while !line.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(start);
    let end = floor(end).max(start);
    // Where the window opens: the start of a short line, else
    // SNIPPET_LEAD characters before the annotation.
    let short = line.len() <= SNIPPET_WIDTH || line.chars().nth(SNIPPET_WIDTH).is_none();
    let from = if short {
        0
    } else {
        line[..start]
            .char_indices()
            .rev()
            .nth(SNIPPET_LEAD - 1)
            .map(|(i, _)| i)
            .unwrap_or(0)
    };
    let mut out = String::new();
    if from > 0 {
        out.push_str("...");
    }
    let (mut a, mut b) = (None, None);
    let mut cut = false;
    for (shown, (i, c)) in line[from..].char_indices().enumerate() {
        let i = from + i;
        if i == start {
            a = Some(out.len());
        }
        if i == end {
            b = Some(out.len());
        }
        if shown == SNIPPET_WIDTH {
            cut = true;
            break;
        }
        if crate::escape::is_hidden(c) && c != '\t' {
            crate::escape::push_escape(&mut out, c);
        } else {
            out.push(c);
        }
    }
    let a = a.unwrap_or(out.len());
    let mut b = b.unwrap_or(out.len());
    if cut {
        out.push_str("...");
    }
    if b <= a {
        // Point at one character (or just past the end of the line).
        b = out[a..]
            .chars()
            .next()
            .map(|c| a + c.len_utf8())
            .unwrap_or(a);
    }
    (out, a..b)
}

impl Human {
    fn render(&self, d: &Diagnostic, lines: &BTreeMap<usize, (usize, String)>) -> String {
        let lvl = level(d.severity);
        let code = d.code.as_str();
        let origin = visible(&d.file).into_owned();
        let said = d.words(self.lang);
        let title = visible(&said.message);
        let mut message = lvl.title(&title).id(code);
        let snippet = match (d.line, d.span, d.line.and_then(|l| lines.get(&l))) {
            (Some(line), Some(span), Some((line_start, src))) => {
                let start = span.start.saturating_sub(*line_start);
                let end = match d.end_line {
                    Some(el) if el == line => span.end.saturating_sub(*line_start),
                    _ => src.trim_end().len(),
                };
                Some((line, excerpt(src, start, end)))
            }
            _ => None,
        };
        // A cut line: annotate-snippets would count the column from the
        // cut, so the `-->` line is written here.
        let cut = snippet
            .as_ref()
            .is_some_and(|(_, (src, _))| src.starts_with("..."));
        if let Some((line, (src, range))) = &snippet {
            let mut s = Snippet::source(src)
                .line_start(*line)
                .annotation(lvl.span(range.clone()));
            if !cut {
                s = s.origin(&origin);
            }
            message = message.snippet(s);
        }
        let help = visible_lines(&said.help);
        if !help.is_empty() {
            message = message.footer(SnippetLevel::Help.title(&help));
        }
        let renderer = if self.color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let text = renderer.render(message).to_string();
        if let (true, Some(line), Some(col)) = (cut, d.line, d.column) {
            let arrow = if self.color {
                "\x1b[1m\x1b[94m-->\x1b[0m"
            } else {
                "-->"
            };
            let gutter = " ".repeat(line.to_string().len());
            return match text.split_once('\n') {
                Some((title, rest)) => {
                    format!("{title}\n{gutter}{arrow} {origin}:{line}:{col}\n{rest}")
                }
                None => text,
            };
        }
        if snippet.is_some() {
            return text;
        }
        // No position: name the file under the title, as rustc does.
        match text.split_once('\n') {
            Some((title, rest)) => format!("{title}\n --> {origin}\n{rest}"),
            None => format!("{text}\n --> {origin}"),
        }
    }
}

impl Emitter for Human {
    fn emit<T>(&self, run: &Run<T>, out: &mut dyn Write) -> std::io::Result<()> {
        for report in run.reports() {
            for d in &report.diagnostics {
                if self.quiet && d.severity != Level::Error {
                    continue;
                }
                writeln!(out, "{}\n", self.render(d, &report.lines))?;
            }
        }
        if !self.quiet {
            writeln!(out, "{}", summary_line_in(run, self.lang))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lines_are_shown_whole() {
        let (text, r) = excerpt("id = \"x\"", 5, 8);
        assert_eq!(text, "id = \"x\"");
        assert_eq!(&text[r], "\"x\"");
        // An empty span points at one character, or just past the end.
        let (text, r) = excerpt("ab", 1, 1);
        assert_eq!(&text[r], "b");
        let (_, r) = excerpt("ab", 2, 2);
        assert_eq!(r, 2..2);
    }

    #[test]
    fn long_lines_are_cut_around_the_annotation() {
        let line = format!(
            "a = [{}\"été\"{}]",
            "1, ".repeat(100_000),
            ", 2".repeat(100_000)
        );
        let at = line.find('"').unwrap();
        let (text, r) = excerpt(&line, at, at + "\"été\"".len());
        assert_eq!(&text[r.clone()], "\"été\"");
        assert!(text.starts_with("...") && text.ends_with("..."));
        assert_eq!(text[3..r.start].chars().count(), SNIPPET_LEAD);
        assert_eq!(text.chars().count(), SNIPPET_WIDTH + 6);
    }

    #[test]
    fn control_characters_are_escaped_and_the_annotation_follows() {
        let line = "titre = \"\u{1b}[2J\u{202e}x\"";
        let x = line.find('x').unwrap();
        let (text, r) = excerpt(line, x, x + 1);
        assert_eq!(text, "titre = \"\\u{1b}[2J\\u{202e}x\"");
        assert_eq!(&text[r], "x");
    }
}
