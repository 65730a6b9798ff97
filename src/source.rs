//! Source text, byte spans and their conversion to line/column positions.

use std::path::PathBuf;

/// A byte range into a source text, end exclusive.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// A 1-based position: line, and column counted in Unicode scalar values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// One file's text, with an index of line starts for position lookups.
#[derive(Debug)]
pub struct SourceFile {
    /// The path as shown to the user (relative to the current directory when possible).
    pub path: PathBuf,
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceFile {
    pub fn new(path: PathBuf, text: String) -> Self {
        let newlines = memchr::memchr_iter(b'\n', text.as_bytes());
        let mut line_starts = Vec::with_capacity(text.len() / 32 + 1);
        line_starts.push(0);
        line_starts.extend(newlines.map(|i| i + 1));
        SourceFile {
            path,
            text,
            line_starts,
        }
    }

    /// The position of a byte offset (clamped to the text, snapped to a char boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line];
        let column = self.text[start..offset].chars().count() + 1;
        Position {
            line: line + 1,
            column,
        }
    }

    /// The byte offset where a 1-based line starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts
            .get(line.wrapping_sub(1))
            .copied()
            .unwrap_or(self.text.len())
    }

    /// A position finder that remembers the last position, so that
    /// resolving many offsets in increasing order on one long line costs
    /// the length of the line once, not once per offset.
    pub fn locator(&self) -> Locator<'_> {
        Locator {
            file: self,
            last: None,
        }
    }

    /// The text of a 1-based line, without its line ending.
    pub fn line_text(&self, line: usize) -> &str {
        let Some(&start) = self.line_starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }
}

/// See [`SourceFile::locator`].
pub struct Locator<'a> {
    file: &'a SourceFile,
    /// (offset, its position, the start of the next line).
    last: Option<(usize, Position, usize)>,
}

impl Locator<'_> {
    pub fn file(&self) -> &SourceFile {
        self.file
    }

    /// The same as [`SourceFile::position`].
    pub fn position(&mut self, offset: usize) -> Position {
        let text = &self.file.text;
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        if let Some((at, p, next)) = self.last {
            if at <= offset && offset < next {
                let p = Position {
                    line: p.line,
                    column: p.column + text[at..offset].chars().count(),
                };
                self.last = Some((offset, p, next));
                return p;
            }
        }
        let p = self.file.position(offset);
        let next = self
            .file
            .line_starts
            .get(p.line)
            .copied()
            .unwrap_or(usize::MAX);
        self.last = Some((offset, p, next));
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_scalar_values() {
        let f = SourceFile::new("x".into(), "a = 1\ntitre = \"été\" x\r\nz".into());
        assert_eq!(f.position(0), Position { line: 1, column: 1 });
        assert_eq!(f.position(6), Position { line: 2, column: 1 });
        // "titre = \"été\" x": the x is after 3 accented chars (2 bytes each for é).
        let x = f.text.find(" x").unwrap() + 1;
        assert_eq!(
            f.position(x),
            Position {
                line: 2,
                column: 15
            }
        );
        assert_eq!(f.line_text(2), "titre = \"été\" x");
        assert_eq!(f.line_text(3), "z");
        assert_eq!(f.line_text(9), "");
    }

    #[test]
    fn the_locator_agrees_with_position_in_any_order() {
        let f = SourceFile::new("x".into(), "é = [1, 2]\n\nzé\r\n ab".into());
        let mut loc = f.locator();
        let offsets: Vec<usize> = (0..=f.text.len() + 2)
            .chain((0..f.text.len()).rev())
            .collect();
        for o in offsets {
            assert_eq!(loc.position(o), f.position(o), "offset {o}");
        }
    }
}
