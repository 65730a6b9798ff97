//! The long explanations of the rules in French (`pacte explain` with
//! French messages): one Markdown file per rule, `fr/explain/<CODE>.md`,
//! embedded in the binary. Each is the French version of the rule's doc
//! comment, under the headings « Ce qu’elle vérifie », « Pourquoi c’est
//! important », « Exemple » and « Correction ». French typography is
//! written in the files themselves: code blocks and inline code keep the
//! format's own spelling, so no typography pass runs over them.

/// Declares the embedded explanations: the list of their codes and the
/// look-up by code.
macro_rules! french_explanations {
    ($($code:literal),* $(,)?) => {
        /// The codes that have a French explanation, in catalogue order.
        pub const CODES: &[&str] = &[$($code),*];

        /// The French explanation of the rule `code`, as written in its file;
        /// `None` for a code the catalogue does not have.
        pub fn french(code: &str) -> Option<&'static str> {
            match code {
                $($code => Some(include_str!(concat!("fr/explain/", $code, ".md"))),)*
                _ => None,
            }
        }
    };
}

french_explanations!(
    "S001", "S002", "S003", "S004", "S005", "S006", "S007", //
    "C001", "C002", "C003", "C004", "C005", "C006", "C007", "C008", "C009", "C010", "C011", "C012",
    "C013", "C014", "C015", //
    "K001", "K002", "K003", "K004", "K005", "K006", "K007", "K008", "K009", "K010", "K011", "K012",
    "K013", "K014", //
    "G001", "G002", "G003", "G004", "G005", "G006", "G007", "G008", "G009", "G010", //
    "F001", "F002", "F003", "F004", //
    "L001", "L002", "L003", "L004", "L005", "L006", "L007", "L008",
);

/// The headings of an English explanation, in their order.
pub const ENGLISH_HEADINGS: [&str; 4] = [
    "## What it checks",
    "## Why it matters",
    "## Example",
    "## Fix",
];

/// The headings of a French explanation, in their order.
pub const FRENCH_HEADINGS: [&str; 4] = [
    "## Ce qu\u{2019}elle vérifie",
    "## Pourquoi c\u{2019}est important",
    "## Exemple",
    "## Correction",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::CATALOGUE;

    /// The bodies of the sections of an explanation, which must have
    /// exactly `headings`, in that order, with nothing before the first and
    /// nothing empty; else the fault, in words.
    fn sections(text: &str, headings: &[&str]) -> Result<Vec<String>, String> {
        let lines: Vec<&str> = text.lines().collect();
        let at: Vec<usize> = (0..lines.len())
            .filter(|&i| lines[i].starts_with("## "))
            .collect();
        let names: Vec<&str> = at.iter().map(|&i| lines[i].trim_end()).collect();
        if names != headings {
            return Err(format!("headings {names:?}, expected {headings:?}"));
        }
        if at.first() != Some(&0) {
            return Err("text before the first heading".into());
        }
        let mut bodies = Vec::new();
        for (k, &i) in at.iter().enumerate() {
            let end = at.get(k + 1).copied().unwrap_or(lines.len());
            let body = lines[i + 1..end].join("\n");
            if body.trim().is_empty() {
                return Err(format!("`{}` is empty", lines[i]));
            }
            bodies.push(body);
        }
        Ok(bodies)
    }

    /// Lines of text, each with its line number.
    type Lines = Vec<(usize, String)>;

    /// The prose of a Markdown text and its code (fenced blocks and inline
    /// code spans), each as lines of text with their line numbers.
    fn prose_and_code(text: &str) -> (Lines, Lines) {
        let mut prose = Vec::new();
        let mut code = Vec::new();
        let mut fenced = false;
        for (n, line) in text.lines().enumerate() {
            let n = n + 1;
            if line.trim_start().starts_with("```") {
                fenced = !fenced;
                continue;
            }
            if fenced {
                code.push((n, line.to_string()));
                continue;
            }
            let mut words = String::new();
            let mut inline = String::new();
            let mut in_code = false;
            for c in line.chars() {
                match (c, in_code) {
                    ('`', false) => {
                        in_code = true;
                        // A code span stands for a word in the prose.
                        words.push('x');
                    }
                    ('`', true) => {
                        in_code = false;
                        code.push((n, std::mem::take(&mut inline)));
                    }
                    (c, true) => inline.push(c),
                    (c, false) => words.push(c),
                }
            }
            assert!(!in_code, "line {n}: an inline code span is not closed");
            prose.push((n, words));
        }
        assert!(!fenced, "a code block is not closed");
        (prose, code)
    }

    /// The faults of French typography in `text`'s prose, and the typographic
    /// spaces written inside its code.
    fn typography_faults(text: &str) -> Vec<String> {
        let (prose, code) = prose_and_code(text);
        let mut faults = Vec::new();
        for (n, line) in &prose {
            let chars: Vec<char> = line.chars().collect();
            for (i, &c) in chars.iter().enumerate() {
                let prev = i.checked_sub(1).map(|j| chars[j]);
                let next = chars.get(i + 1).copied();
                let (space, there, side) = match c {
                    ';' | '!' | '?' => ('\u{202f}', prev, "before"),
                    ':' | '»' => ('\u{a0}', prev, "before"),
                    '«' => ('\u{a0}', next, "after"),
                    '\'' => {
                        faults.push(format!("line {n}: a straight apostrophe: {line}"));
                        continue;
                    }
                    _ => continue,
                };
                if there != Some(space) {
                    let what = match there {
                        Some(' ') => "a plain space",
                        Some(_) => "no space",
                        None => "a line break",
                    };
                    faults.push(format!(
                        "line {n}: {what} {side} `{c}` (U+{:04X} expected): {line}",
                        u32::from(space)
                    ));
                }
            }
        }
        for (n, c) in &code {
            if c.contains(['\u{a0}', '\u{202f}']) {
                faults.push(format!("line {n}: a typographic space inside code: {c}"));
            }
        }
        faults
    }

    #[test]
    fn every_code_of_the_catalogue_is_listed_once_in_order() {
        let codes: Vec<&str> = CATALOGUE.iter().map(|r| r.meta().code.as_str()).collect();
        assert_eq!(CODES, codes.as_slice());
        assert!(french("C0066").is_none());
        assert!(french("").is_none());
    }

    #[test]
    fn every_rule_is_explained_in_english_and_french() {
        let mut faults = Vec::new();
        for r in CATALOGUE.iter() {
            let m = r.meta();
            let english = match sections(&m.explanation(), &ENGLISH_HEADINGS) {
                Ok(parts) => parts,
                Err(e) => {
                    faults.push(format!("{} (English): {e}", m.code));
                    Vec::new()
                }
            };
            let Some(fr) = french(m.code.as_str()) else {
                faults.push(format!("{}: no French explanation", m.code));
                continue;
            };
            match sections(fr.trim(), &FRENCH_HEADINGS) {
                Err(e) => faults.push(format!("{} (French): {e}", m.code)),
                Ok(parts) => {
                    // The example and the fix show the format: a code block
                    // in French wherever the English has one.
                    let has_block = |s: &str| s.contains("```");
                    for (i, part) in parts.iter().enumerate() {
                        if english.get(i).is_some_and(|e| has_block(e)) && !has_block(part) {
                            faults.push(format!(
                                "{}: `{}` has no code block where the English has one",
                                m.code, FRENCH_HEADINGS[i]
                            ));
                        }
                    }
                }
            }
            for f in typography_faults(fr) {
                faults.push(format!("{}: {f}", m.code));
            }
        }
        assert!(faults.is_empty(), "{}", faults.join("\n"));
    }

    /// The shape of the TOML in the code blocks of an explanation: per
    /// block, its table headers and the keys of its `key = value` lines
    /// (comments and free text left out: they are translated).
    fn toml_shape(text: &str) -> Vec<Vec<String>> {
        let mut blocks = Vec::new();
        let mut current: Option<Vec<String>> = None;
        for line in text.lines() {
            if line.trim_start().starts_with("```") {
                match current.take() {
                    Some(block) => blocks.push(block),
                    None => current = Some(Vec::new()),
                }
                continue;
            }
            let Some(block) = current.as_mut() else {
                continue;
            };
            let line = line.trim();
            if line.starts_with('#') {
                continue;
            }
            if line.starts_with('[') && !line.contains(" = ") {
                block.push(line.split(" #").next().unwrap_or(line).trim().to_string());
            } else if let Some((key, _)) = line.split_once(" = ") {
                block.push(format!("{key} ="));
            }
        }
        blocks
    }

    #[test]
    fn the_examples_keep_the_toml_of_the_english() {
        let mut faults = Vec::new();
        for r in CATALOGUE.iter() {
            let m = r.meta();
            let Some(fr) = french(m.code.as_str()) else {
                continue;
            };
            let (en, fr) = (toml_shape(&m.explanation()), toml_shape(fr));
            if en != fr {
                faults.push(format!("{}: {en:?}\n  French: {fr:?}", m.code));
            }
        }
        assert!(faults.is_empty(), "{}", faults.join("\n"));
    }

    #[test]
    fn the_shape_of_toml_leaves_comments_and_text_out() {
        let en = "```toml\n[funds] # a\nbudget = 1   # no holder\n# no x = 1\n```\nText.";
        let fr = "```toml\n[funds] # b\nbudget = 1   # pas de holder\n# pas de y = 1\n```\nTexte.";
        assert_eq!(toml_shape(en), toml_shape(fr));
        assert_eq!(toml_shape(en), vec![vec!["[funds]", "budget ="]]);
        assert_ne!(
            toml_shape(en),
            toml_shape("```toml\n[fonds]\nbudget = 1\n```")
        );
    }

    #[test]
    fn the_typography_check_sees_what_it_must() {
        let good = "Une clé : `a: b` ; « texte » et l\u{2019}accord.";
        // The same sentence with the right spaces.
        let good = good
            .replace(" :", "\u{a0}:")
            .replace(" ;", "\u{202f};")
            .replace("« ", "«\u{a0}")
            .replace(" »", "\u{a0}»");
        assert!(
            typography_faults(&good).is_empty(),
            "{:?}",
            typography_faults(&good)
        );
        let bad = "Une clé : ok ; « texte » et l'accord";
        assert_eq!(
            typography_faults(bad).len(),
            5,
            "{:?}",
            typography_faults(bad)
        );
        // A mark glued to its word, or cut from it by the end of a line.
        assert_eq!(typography_faults("Une clé: la suite").len(), 1);
        assert_eq!(typography_faults("Une clé\n: la suite").len(), 1);
        let in_code = "```toml\ntitle = \"a\u{a0}: b\"\n```\net `x\u{202f};`";
        assert_eq!(typography_faults(in_code).len(), 2);
        let fine_code = "```toml\n# l'apostrophe : droite\n```\n`a: b` et `c ; d`";
        assert!(typography_faults(fine_code).is_empty());
    }

    #[test]
    fn sections_are_found_in_order_and_not_empty() {
        let h = ["## A", "## B"];
        assert!(sections("## A\nun\n## B\ndeux", &h).is_ok());
        assert!(sections("## B\nun\n## A\ndeux", &h).is_err());
        assert!(sections("## A\n\n## B\ndeux", &h).is_err());
        assert!(sections("avant\n## A\nun\n## B\ndeux", &h).is_err());
        assert!(sections("## A\nun", &h).is_err());
    }
}
