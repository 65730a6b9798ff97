//! `--format junit`: JUnit XML, one test case per convention and rule family.

use std::io::Write;

use crate::check::Run;
use crate::diagnostic::{Diagnostic, Level};
use crate::rules::{self, Family};

use super::Emitter;

pub struct Junit {
    /// The language of messages.
    pub lang: crate::model::Lang,
}

const FAMILIES: [Family; 6] = [
    Family::Structure,
    Family::Clauses,
    Family::Consistency,
    Family::Governance,
    Family::FrenchLaw,
    Family::Lifecycle,
];

fn xml(s: &str) -> String {
    // HTML escaping is XML escaping; it drops control and bidi characters
    // (XML 1.0 cannot carry most control characters anyway).
    crate::render::templates::escape_html(s)
}

fn line(d: &Diagnostic, lang: crate::model::Lang) -> String {
    let said = d.words(lang);
    let help = match lang {
        crate::model::Lang::En => "help: ",
        crate::model::Lang::Fr => "aide\u{a0}: ",
    };
    let at = match (d.line, d.column) {
        (Some(l), Some(c)) => format!("{}:{l}:{c}", d.file),
        _ => d.file.clone(),
    };
    format!(
        "{}[{}] {}: {} ({at}; {help}{})",
        d.severity, d.code, d.name, said.message, said.help
    )
}

impl Emitter for Junit {
    fn emit<T>(&self, run: &Run<T>, out: &mut dyn Write) -> std::io::Result<()> {
        let tests = run.files.len() * FAMILIES.len();
        let mut failures = 0;
        let mut body = String::new();
        for r in run.reports() {
            for family in FAMILIES {
                let diags: Vec<&Diagnostic> = r
                    .diagnostics
                    .iter()
                    .filter(|d| rules::meta(d.code).family == family)
                    .collect();
                let name = format!(
                    "{} / {}",
                    r.id.as_deref().unwrap_or(&r.path),
                    family.as_str()
                );
                body.push_str(&format!(
                    "    <testcase classname=\"{}\" name=\"{}\">\n",
                    xml(&r.path),
                    xml(&name)
                ));
                let errors: Vec<&&Diagnostic> = diags
                    .iter()
                    .filter(|d| d.severity == Level::Error)
                    .collect();
                if !errors.is_empty() {
                    failures += 1;
                    let text: Vec<String> =
                        errors.iter().map(|d| xml(&line(d, self.lang))).collect();
                    body.push_str(&format!(
                        "      <failure message=\"{} error(s)\" type=\"{}\">{}</failure>\n",
                        errors.len(),
                        family.as_str(),
                        text.join("\n")
                    ));
                }
                let others: Vec<String> = diags
                    .iter()
                    .filter(|d| d.severity != Level::Error)
                    .map(|d| xml(&line(d, self.lang)))
                    .collect();
                if !others.is_empty() {
                    body.push_str(&format!(
                        "      <system-out>{}</system-out>\n",
                        others.join("\n")
                    ));
                }
                body.push_str("    </testcase>\n");
            }
        }
        writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        writeln!(
            out,
            "<testsuites name=\"pacte\" tests=\"{tests}\" failures=\"{failures}\">"
        )?;
        writeln!(out, "  <testsuite name=\"pacte check\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\">")?;
        write!(out, "{body}")?;
        writeln!(out, "  </testsuite>\n</testsuites>")
    }
}
