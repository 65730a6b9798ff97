//! `pacte render --format docx`: the archive read back (the text of
//! `word/document.xml` and of the footer), its determinism, the escaping of
//! the file's values, label overrides, and (with LibreOffice) a conversion
//! to PDF checked with pdftotext.

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_pacte");

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

/// Every example convention (top folder and `incomplete/`), by name.
fn example_files() -> Vec<PathBuf> {
    let mut v = Vec::new();
    for dir in [examples(), examples().join("incomplete")] {
        let mut here: Vec<PathBuf> = std::fs::read_dir(&dir)
            .expect("examples")
            .map(|e| e.expect("entry").path())
            .filter(|p| {
                p.extension()
                    .is_some_and(|e| e == "toml" || e == "yaml" || e == "yml")
            })
            .collect();
        here.sort();
        v.extend(here);
    }
    v
}

fn pacte(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run pacte")
}

/// A copy of the examples in a temporary folder outside any git
/// repository, as `examples/…`: the footer names the source as given and
/// has no commit, so the snapshots hold whatever the repository's history.
fn sandbox() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for f in example_files() {
        let rel = f.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap();
        let to = dir.path().join(rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&f, to).unwrap();
    }
    dir
}

thread_local! {
    static SANDBOX: tempfile::TempDir = sandbox();
}

/// The DOCX of an example, rendered in the sandbox from its relative path.
fn docx(file: &Path, extra: &[&str]) -> Vec<u8> {
    let file = file
        .strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(file)
        .to_path_buf();
    let mut args = vec!["render", file.to_str().unwrap(), "--format", "docx"];
    args.extend_from_slice(extra);
    let o = SANDBOX.with(|d| pacte(d.path(), &args));
    assert!(
        o.status.success(),
        "{}: {}",
        file.display(),
        String::from_utf8_lossy(&o.stderr)
    );
    o.stdout
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut f = zip.by_name(name).unwrap_or_else(|_| panic!("no {name}"));
    let mut s = String::new();
    f.read_to_string(&mut s).expect("UTF-8 part");
    s
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The text of a WordprocessingML part: one line per paragraph, table
/// cells separated by " | ", superscript runs marked `^…`.
fn text_of(xml: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    let mut rest = xml;
    let mut sup = false;
    let mut in_cell = false;
    while let Some(i) = rest.find('<') {
        let j = rest[i..].find('>').map(|j| i + j).expect("a closed tag");
        let tag = &rest[i + 1..j];
        let after = &rest[j + 1..];
        if tag.starts_with("w:vertAlign") && tag.contains("superscript") {
            sup = true;
        } else if tag == "w:r" || tag.starts_with("w:r ") {
            sup = false;
        } else if tag.starts_with("w:t")
            && !tag.ends_with('/')
            && !tag.starts_with("w:tc")
            && !tag.starts_with("w:tbl")
            && !tag.starts_with("w:tr")
            && !tag.starts_with("w:tab")
        {
            let end = after.find("</w:t>").expect("a closed text");
            if sup {
                line.push('^');
            }
            line.push_str(&unescape(&after[..end]));
            rest = &after[end..];
            continue;
        } else if tag == "w:tc" || tag.starts_with("w:tc ") {
            in_cell = true;
        } else if tag == "/w:p" {
            let l = line.trim_end();
            if in_cell {
                if !l.is_empty() {
                    out.push_str(l);
                    out.push_str(" / ");
                }
            } else {
                out.push_str(l);
                out.push('\n');
            }
            line.clear();
        } else if tag == "/w:tc" {
            in_cell = false;
            out.push_str(" | ");
        } else if tag == "/w:tr" {
            out.push('\n');
        }
        rest = after;
    }
    out
}

#[test]
fn every_example_as_the_text_of_its_parts() {
    for f in example_files() {
        let bytes = docx(&f, &[]);
        let doc = text_of(&part(&bytes, "word/document.xml"));
        let footer = text_of(&part(&bytes, "word/footer1.xml"));
        let core = part(&bytes, "docProps/core.xml");
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let rel = f
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        assert!(footer.contains(&rel), "{name}: footer\n{footer}");
        assert!(footer.contains("sha256:"), "{name}: footer");
        assert!(core.contains("2000-01-01T00:00:00Z"), "{name}: {core}");
        insta::with_settings!({
            snapshot_path => "fixtures/render/snapshots",
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(format!("{name}.docx"), format!("{doc}\n--- footer ---\n{footer}"));
        });
    }
}

#[test]
fn word_headings_signature_table_and_raised_ordinals() {
    let bytes = docx(&examples().join("maison-de-quartier.toml"), &[]);
    let xml = part(&bytes, "word/document.xml");
    let styles = part(&bytes, "word/styles.xml");
    assert!(styles.contains("w:styleId=\"Heading1\""), "{styles}");
    assert!(xml.contains("<w:pStyle w:val=\"Heading1\" />"));
    let text = text_of(&xml);
    assert!(text.contains("Article 1 – Objet"), "{text}");
    assert!(text.contains("1^er septembre 2026"), "{text}");
    // Two signature blocks on the first row of the signature table.
    let done = text.find("Fait à Villeurbanne").expect("closing sentence");
    let row = text[done..].lines().nth(1).unwrap_or_default();
    assert!(
        row.contains("Commune de Villeurbanne") && row.contains("Centre social des Brotteaux"),
        "{}",
        &text[done..]
    );
    assert!(text[done..].contains("Signature et cachet\u{A0}:"));
    // A draft carries its mark in the header of every page.
    let draft = docx(&examples().join("incomplete/atelier-velo.toml"), &[]);
    let header = text_of(&part(&draft, "word/header1.xml"));
    assert!(header.contains("PROJET"), "{header}");
}

#[test]
fn bytes_are_the_same_every_time_alone_or_in_a_folder() {
    let f = examples().join("festival-campus.toml");
    let a = docx(&f, &[]);
    let b = docx(&f, &[]);
    assert!(a == b, "two renders differ");
    let dir = sandbox();
    let out = dir.path().join("out");
    let o = pacte(
        dir.path(),
        &[
            "render",
            "examples",
            "--format",
            "docx",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let c = std::fs::read(out.join("festival-campus-2027.docx")).unwrap();
    assert!(a == c, "the folder render differs");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&a)).unwrap();
    for i in 0..zip.len() {
        let f = zip.by_index(i).unwrap();
        let t = f.last_modified().expect("a date");
        assert_eq!((t.year(), t.month(), t.day()), (1980, 1, 1), "{}", f.name());
    }
}

#[test]
fn values_stay_text_and_labels_can_be_overridden() {
    let dir = tempfile::tempdir().unwrap();
    let src = std::fs::read_to_string(examples().join("festival-campus.toml")).unwrap();
    let hostile = src.replacen(
        "name = \"Ville de Lyon\"",
        "name = \"Ville <b>de</b> Lyon & \\\"fils\\\" 'x' ]]>\"",
        1,
    );
    assert_ne!(hostile, src, "the example changed: adapt the test");
    std::fs::write(dir.path().join("c.toml"), hostile).unwrap();
    std::fs::create_dir_all(dir.path().join("tpl/labels")).unwrap();
    std::fs::write(
        dir.path().join("tpl/labels/fr.toml"),
        "[doc]\nagreed = \"Les parties conviennent de ce qui suit :\"\n",
    )
    .unwrap();
    let o = pacte(
        dir.path(),
        &["render", "c.toml", "--format", "docx", "--templates", "tpl"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let xml = part(&o.stdout, "word/document.xml");
    assert!(
        xml.contains("Ville &lt;b&gt;de&lt;/b&gt; Lyon &amp; "),
        "{xml}"
    );
    assert!(!xml.contains("<b>"));
    let text = text_of(&xml);
    assert!(
        text.contains("Ville <b>de</b> Lyon & \"fils\" 'x' ]]>"),
        "{text}"
    );
    assert!(text.contains("Les parties conviennent de ce qui suit\u{A0}:"));
}

/// LibreOffice opens the document and prints it; the text comes back whole.
/// Under CI=true a missing LibreOffice or pdftotext fails the test.
#[test]
fn libreoffice_converts_it_to_pdf() {
    let has = |p: &str, arg: &str| Command::new(p).arg(arg).output().is_ok();
    if !has("soffice", "--version") || !has("pdftotext", "-v") {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI: LibreOffice (soffice) and pdftotext must be installed (.ci/run installs them)"
        );
        eprintln!("note: soffice or pdftotext not found: the LibreOffice test is skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let bytes = docx(&examples().join("maison-de-quartier.toml"), &[]);
    let file = dir.path().join("c.docx");
    std::fs::write(&file, bytes).unwrap();
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.path().join("lo").display()
    );
    let o = Command::new("soffice")
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&file)
        .output()
        .expect("soffice runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = Command::new("pdftotext")
        .arg(dir.path().join("c.pdf"))
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let text = String::from_utf8_lossy(&o.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for s in [
        "Gestion partagée de la Maison de quartier",
        "Article 1 – Objet",
        "Fait à Villeurbanne",
        "Commune de Villeurbanne",
        "Signature et cachet",
        "Empreinte des termes",
    ] {
        assert!(text.contains(s), "{s} missing\n{text}");
    }
}
