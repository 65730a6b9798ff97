//! `pacte render`: snapshots of the Markdown and HTML documents, escaping,
//! determinism, template overrides, the output rules, and (when a browser
//! is installed) the PDF.
//!
//! Fixtures are copied into a temporary folder outside any git repository
//! and rendered from there, so that the footer (source path, git state) is
//! the same wherever the tests run.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_pacte");

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/render")
}

/// The bundled examples are the test material: `incomplete-atelier-velo.toml`
/// stands for `examples/incomplete/atelier-velo.toml`.
fn source(name: &str) -> PathBuf {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    match name.strip_prefix("incomplete-") {
        Some(rest) => examples.join("incomplete").join(rest),
        None => examples.join(name),
    }
}

/// The example conventions, in name order.
fn fixture_names() -> Vec<String> {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let list = |dir: &Path, prefix: &str| -> Vec<String> {
        std::fs::read_dir(dir)
            .expect("examples folder")
            .filter_map(|e| e.ok())
            .map(|e| format!("{prefix}{}", e.file_name().to_string_lossy()))
            .filter(|n| n.ends_with(".toml") || n.ends_with(".yaml"))
            .collect()
    };
    let mut names = list(&examples, "");
    names.extend(list(&examples.join("incomplete"), "incomplete-"));
    names.sort();
    names
}

/// A temporary folder holding copies of the named fixtures.
fn workdir(names: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for n in names {
        std::fs::copy(source(n), dir.path().join(n)).expect("copy fixture");
    }
    dir
}

fn pacte(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("PACTE_BROWSER")
        .output()
        .expect("run pacte")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

fn render(name: &str, extra: &[&str]) -> String {
    let dir = workdir(&[name]);
    let mut args = vec!["render", name];
    args.extend_from_slice(extra);
    let o = pacte(dir.path(), &args);
    assert!(
        o.status.success(),
        "render {name} {extra:?} failed: {}",
        stderr(&o)
    );
    stdout(&o)
}

fn snapshot(name: &str, value: &str) {
    insta::with_settings!({
        snapshot_path => fixtures().join("snapshots"),
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, value);
    });
}

#[test]
fn markdown_and_html_snapshots() {
    for name in fixture_names() {
        let stem = name.rsplit_once('.').map(|(s, _)| s).unwrap_or(&name);
        snapshot(&format!("{stem}.md"), &render(&name, &[]));
        snapshot(
            &format!("{stem}.html"),
            &render(&name, &["--format", "html"]),
        );
    }
    // A French convention in English, and an English one in French.
    snapshot(
        "festival-campus.en.md",
        &render("festival-campus.toml", &["--lang", "en"]),
    );
    snapshot(
        "festival-campus.en.html",
        &render(
            "festival-campus.toml",
            &["--lang", "en", "--format", "html"],
        ),
    );
    snapshot(
        "community-energy.fr.md",
        &render("community-energy.toml", &["--lang", "fr"]),
    );
}

#[test]
fn amounts_dates_and_words_follow_the_language() {
    let fr = render("festival-campus.toml", &[]);
    assert!(fr.contains("42\u{202F}000,00\u{A0}€"), "{fr}");
    assert!(fr.contains("1er octobre 2026"));
    assert!(fr.contains("Article 1 – Objet"));
    assert!(!fr.contains("civil_society"));
    let en = render("festival-campus.toml", &["--lang", "en"]);
    assert!(en.contains("€42,000.00"), "{en}");
    assert!(en.contains("1 October 2026"));
    assert!(en.contains("non-profit organisation"));
    assert!(fr.contains("association ou autre organisme sans but lucratif"));
    let xof = render("jardins-maraichers.yaml", &[]);
    assert!(xof.contains("18\u{202F}500\u{202F}000\u{A0}XOF"), "{xof}");
    let xof_en = render("jardins-maraichers.yaml", &["--lang", "en"]);
    assert!(xof_en.contains("XOF\u{A0}18,500,000"), "{xof_en}");
    let gestion = render("maison-de-quartier.toml", &[]);
    assert!(
        gestion.contains("à la majorité qualifiée de 66\u{202F}% des voix"),
        "{gestion}"
    );
}

/// French typography in pacte's own words; the file's text as written.
#[test]
fn typography_in_template_text_only() {
    for fr in [
        render("festival-campus.toml", &[]),
        render("festival-campus.toml", &["--format", "html"]),
    ] {
        assert!(fr.contains("Entre les soussignés\u{A0}:"), "{fr}");
        assert!(fr.contains("ci-après dénommées ensemble «\u{A0}les parties\u{A0}»"));
        assert!(fr.contains("Les parties s’engagent"));
        assert!(fr.contains("Date\u{A0}:"));
        // The user's text: an ordinary space before ";" and a straight apostrophe.
        assert!(fr.contains("n° 2026-031 ; délibération"), "{fr}");
        assert!(fr.contains("rue d'Austerlitz") || fr.contains("rue d&#39;Austerlitz"));
        assert!(!fr.contains("2026-031\u{202F};"));
    }
    let html = render("festival-campus.toml", &["--format", "html"]);
    assert!(html.contains("1<sup>er</sup> octobre 2026"), "{html}");
    let en = render("festival-campus.toml", &["--lang", "en"]);
    assert!(
        en.contains("Between:") && !en.contains("Between\u{A0}:"),
        "{en}"
    );
}

#[test]
fn article_numbers_are_continuous() {
    for name in fixture_names() {
        for lang in ["fr", "en"] {
            let md = render(&name, &["--lang", lang]);
            let numbers: Vec<u32> = md
                .lines()
                .filter_map(|l| l.strip_prefix("## Article "))
                .filter_map(|l| l.split_whitespace().next()?.parse().ok())
                .collect();
            let expected: Vec<u32> = (1..=numbers.len() as u32).collect();
            assert_eq!(numbers, expected, "{name} ({lang})");
            assert!(numbers.len() >= 3, "{name}: {numbers:?}");
        }
    }
}

#[test]
fn drafts_carry_the_mark() {
    let md = render("protocole-transition-energetique.toml", &[]);
    assert!(md.starts_with("> **PROJET**"), "{md}");
    let md = render("incomplete-atelier-velo.toml", &["--lang", "en"]);
    assert!(md.starts_with("> **DRAFT**"), "{md}");
    let html = render("festival-campus.toml", &["--format", "html"]);
    assert!(!html.contains("class=\"watermark\""));
    let signed = render("festival-campus.toml", &[]);
    assert!(!signed.contains("PROJET"));
}

/// Every start tag of an HTML text (text is escaped, so `<` opens a tag).
fn tags(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        let after = &rest[i..];
        let end = after.find('>').map(|e| e + 1).unwrap_or(after.len());
        out.push(&after[..end]);
        rest = &after[end..];
    }
    out
}

const HOSTILE: &str = r#"
[convention]
id = "hostile"
title = "<script>alert('t')</script> Titre"
status = "active"
start = 2026-01-01
end = 2026-12-31
currency = "EUR"
place = "<iframe src='https://evil.example'></iframe>"
purpose = """
Objet <script>alert(1)</script> et <img src=x onerror=alert(2)>.

[clic](javascript:alert(3)) [ok](https://example.org) ![pixel](https://evil.example/p.png)

<iframe src="https://evil.example"></iframe>
"""

[[party]]
id = "a"
name = "<img src=x onerror=alert(4)> Ville"
sector = "public"
signatory = { name = "<script>alert(5)</script>", title = "Maire\" onmouseover=\"alert(6)" }

[[party]]
id = "b"
name = "Association | pipe # titre"
sector = "civil_society"
signatory = { name = "Jean <b>Gras</b>", title = "Président" }

[[clause]]
title = "<iframe src=javascript:alert(7)>"
text = """
Texte <a href="javascript:alert(8)">lien</a> et <svg onload=alert(9)>.
<javascript:alert(10)>
"""
"#;

#[test]
fn hostile_values_are_escaped() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("hostile.toml"), HOSTILE).expect("write");
    let o = pacte(dir.path(), &["render", "hostile.toml", "--format", "html"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = stdout(&o);
    for tag in tags(&html) {
        let t = tag.to_ascii_lowercase();
        for bad in [
            "<script",
            "<iframe",
            "<img",
            "<svg",
            "onerror",
            "onload",
            "onmouseover",
            "javascript:",
        ] {
            assert!(!t.contains(bad), "`{bad}` survives in {tag}\n{html}");
        }
    }
    assert!(html.contains("href=\"https://example.org\""), "{html}");
    assert!(!html.contains("evil.example/p.png"), "{html}");
    assert!(!html.contains("<link"));
    // Markdown: tables stay tables, raw HTML is neutralised.
    let o = pacte(dir.path(), &["render", "hostile.toml"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let md = stdout(&o);
    // Tags are escaped text (`\<script>`): a Markdown parser finds no raw
    // HTML, no image and no link outside http, https and mailto.
    for ev in pulldown_cmark::Parser::new_ext(&md, pulldown_cmark::Options::all()) {
        use pulldown_cmark::{Event, Tag};
        match ev {
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML {h:?} in\n{md}"),
            Event::Start(Tag::Image { dest_url, .. }) => panic!("image {dest_url} in\n{md}"),
            Event::Start(Tag::Link { dest_url, .. }) => assert!(
                ["http:", "https:", "mailto:"]
                    .iter()
                    .any(|s| dest_url.to_ascii_lowercase().starts_with(s)),
                "link {dest_url} in\n{md}"
            ),
            _ => {}
        }
    }
    assert!(!md.contains("javascript:alert(3)"), "{md}");
    assert!(md.contains("Association \\| pipe \\# titre"), "{md}");
}

#[test]
fn output_is_deterministic() {
    let dir = workdir(&["festival-campus.toml", "maison-de-quartier.toml"]);
    for format in ["md", "html"] {
        let a = pacte(
            dir.path(),
            &["render", "festival-campus.toml", "--format", format],
        );
        let b = pacte(
            dir.path(),
            &["render", "festival-campus.toml", "--format", format],
        );
        assert!(a.status.success());
        assert_eq!(a.stdout, b.stdout, "{format}");
    }
    // Folder render, twice: the same bytes, one file per convention.
    for out in ["out1", "out2"] {
        std::fs::create_dir(dir.path().join(out)).expect("mkdir");
        let o = pacte(dir.path(), &["render", ".", "--format", "html", "-o", out]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    for id in ["festival-campus-2027", "maison-quartier-brotteaux"] {
        let a = std::fs::read(dir.path().join("out1").join(format!("{id}.html"))).expect("out1");
        let b = std::fs::read(dir.path().join("out2").join(format!("{id}.html"))).expect("out2");
        assert_eq!(a, b);
    }
}

#[test]
fn html_is_self_contained() {
    let html = render("maison-de-quartier.toml", &["--format", "html"]);
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"),
        "{html}"
    );
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains("size: A4"));
    assert!(html.contains("counter(pages)"));
    assert!(html.contains("break-inside: avoid"));
    for bad in ["<script", "<link", "@import", "url(", "src="] {
        assert!(!html.contains(bad), "{bad}");
    }
    let en = render(
        "maison-de-quartier.toml",
        &["--format", "html", "--lang", "en"],
    );
    assert!(en.contains("<html lang=\"en\">"));
}

#[test]
fn one_template_can_be_overridden() {
    let dir = workdir(&["festival-campus.toml"]);
    let t = dir.path().join("tpl");
    std::fs::create_dir(&t).expect("mkdir");
    std::fs::write(
        t.join("convention.md"),
        "CUSTOM {{ title }} — {{ object.heading }}\n{{ footer.line }}\n",
    )
    .expect("write");
    let o = pacte(
        dir.path(),
        &["render", "festival-campus.toml", "--templates", "tpl"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let md = stdout(&o);
    assert!(
        md.starts_with("CUSTOM Festival pluridisciplinaire du campus — Article 1 – Objet"),
        "{md}"
    );
    assert!(md.contains("tpl (sha256:"), "{md}");
    // The other templates stay built in.
    let o = pacte(
        dir.path(),
        &[
            "render",
            "festival-campus.toml",
            "--templates",
            "tpl",
            "--format",
            "html",
        ],
    );
    assert!(o.status.success());
    assert!(stdout(&o).contains("<h2>Article 1 – Objet</h2>"));
    // pacte.toml `templates` is used when --templates is not given.
    std::fs::write(dir.path().join("pacte.toml"), "templates = \"tpl\"\n").expect("write");
    let o = pacte(dir.path(), &["render", "festival-campus.toml"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("CUSTOM "));
}

#[test]
fn a_broken_template_names_itself_and_its_line() {
    let dir = workdir(&["festival-campus.toml"]);
    let t = dir.path().join("tpl");
    std::fs::create_dir(&t).expect("mkdir");
    std::fs::write(
        t.join("convention.md"),
        "# {{ title }}\n\n{% if %}\n{% endif %}\n",
    )
    .expect("write");
    let o = pacte(
        dir.path(),
        &["render", "festival-campus.toml", "--templates", "tpl"],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("error: template convention.md: line 3:"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(o.stdout.is_empty());
    // A render error (unknown variable) is located too.
    std::fs::write(
        t.join("convention.md"),
        "# {{ title }}\n{{ nothing.here }}\n",
    )
    .expect("write");
    let o = pacte(
        dir.path(),
        &["render", "festival-campus.toml", "--templates", "tpl"],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("template convention.md: line 2:"), "{err}");
    // A broken labels file.
    std::fs::remove_file(t.join("convention.md")).expect("rm");
    std::fs::create_dir(t.join("labels")).expect("mkdir");
    std::fs::write(t.join("labels/fr.toml"), "[doc]\ndraft_mark = \n").expect("write");
    let o = pacte(
        dir.path(),
        &["render", "festival-campus.toml", "--templates", "tpl"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("template labels/fr.toml: line 2"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn output_files_are_written_safely() {
    let dir = workdir(&["festival-campus.toml"]);
    let p = dir.path();
    // Format from the extension.
    let o = pacte(p, &["render", "festival-campus.toml", "-o", "out.html"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let first = std::fs::read_to_string(p.join("out.html")).expect("written");
    assert!(first.starts_with("<!DOCTYPE html>"));
    // An existing file is not replaced without --force.
    std::fs::write(p.join("out.md"), "keep me").expect("write");
    let o = pacte(p, &["render", "festival-campus.toml", "-o", "out.md"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("out.md: already exists"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        std::fs::read_to_string(p.join("out.md")).unwrap(),
        "keep me"
    );
    // --force replaces it.
    let o = pacte(
        p,
        &["render", "festival-campus.toml", "-o", "out.md", "--force"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read_to_string(p.join("out.md"))
        .unwrap()
        .starts_with("# Festival"));
    // Never over its own input, even with --force.
    let before = std::fs::read(p.join("festival-campus.toml")).unwrap();
    let o = pacte(
        p,
        &[
            "render",
            "festival-campus.toml",
            "-o",
            "./festival-campus.toml",
            "--force",
            "--format",
            "md",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("refusing to write over"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        std::fs::read(p.join("festival-campus.toml")).unwrap(),
        before
    );
    // A missing output folder is one line.
    let o = pacte(
        p,
        &["render", "festival-campus.toml", "-o", "nowhere/out.md"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("does not exist"));
    // No temporary file is left behind.
    let leftovers: Vec<_> = std::fs::read_dir(p)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".pacte"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn structure_errors_stop_everything() {
    let dir = workdir(&["festival-campus.toml", "maison-de-quartier.toml"]);
    let p = dir.path();
    std::fs::write(
        p.join("broken.toml"),
        "[convention]\nid = \"broken\"\ntitel = \"typo\"\n\n[[party]]\nid = \"a\"\nname = \"A\"\nsector = \"public\"\n",
    )
    .expect("write");
    let o = pacte(p, &["render", "broken.toml", "-o", "broken.md"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("S002"), "{err}");
    assert!(
        err.contains("not rendered: fix the structure errors first"),
        "{err}"
    );
    assert!(!p.join("broken.md").exists());
    // A folder with one broken file: nothing is written.
    std::fs::create_dir(p.join("out")).expect("mkdir");
    let o = pacte(p, &["render", ".", "-o", "out", "--format", "html"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("nothing rendered"), "{}", stderr(&o));
    assert_eq!(std::fs::read_dir(p.join("out")).unwrap().count(), 0);
    // A folder needs -o; PDF needs -o.
    let o = pacte(p, &["render", "."]);
    assert_eq!(o.status.code(), Some(2));
    let o = pacte(p, &["render", "festival-campus.toml", "--format", "pdf"]);
    assert_eq!(o.status.code(), Some(2));
}

fn browser() -> Option<PathBuf> {
    if let Some(b) = std::env::var_os("PACTE_BROWSER").filter(|b| !b.is_empty()) {
        return Some(PathBuf::from(b));
    }
    let path = std::env::var_os("PATH")?;
    [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ]
    .iter()
    .flat_map(|n| std::env::split_paths(&path).map(move |d| d.join(n)))
    .find(|p| p.is_file())
}

fn pdftotext(pdf: &Path, page: Option<usize>) -> Option<String> {
    let mut c = Command::new("pdftotext");
    if let Some(n) = page {
        c.args(["-f", &n.to_string(), "-l", &n.to_string()]);
    }
    // Reading order, not `-layout`: the signature blocks stand two per row.
    let o = c.arg(pdf).arg("-").output().expect("pdftotext runs");
    o.status
        .success()
        .then(|| String::from_utf8_lossy(&o.stdout).to_string())
}

/// Per page of a PDF: its height, the lowest point of its body text (the
/// page number at the top and the footer in the bottom margin left out)
/// and the first words of its body, from `pdftotext -bbox`.
fn page_bodies(pdf: &Path) -> Vec<(f64, f64, String)> {
    let o = Command::new("pdftotext")
        .arg("-bbox")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let text = String::from_utf8_lossy(&o.stdout).to_string();
    let attr = |tag: &str, name: &str| -> f64 {
        let k = format!("{name}=\"");
        tag.find(&k)
            .and_then(|i| tag[i + k.len()..].split('"').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0)
    };
    let mut pages = Vec::new();
    for page in text.split("<page ").skip(1) {
        let height = attr(page, "height");
        let mut bottom: f64 = 0.0;
        let mut words: Vec<(f64, f64, String)> = Vec::new();
        for w in page.split("<word ").skip(1) {
            let (tag, rest) = w.split_once('>').unwrap_or((w, ""));
            let word = rest.split('<').next().unwrap_or("").to_string();
            let (y0, y1, x0) = (attr(tag, "yMin"), attr(tag, "yMax"), attr(tag, "xMin"));
            if y0 > 50.0 && y1 < height - 75.0 {
                bottom = bottom.max(y1);
                words.push((y0, x0, word));
            }
        }
        words.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
        let first = words
            .iter()
            .take(3)
            .map(|w| w.2.as_str())
            .collect::<Vec<_>>()
            .join(" ")
            .replace("&apos;", "'");
        pages.push((height, bottom, first));
    }
    pages
}

/// How the closing sentence begins (paper or electronic, French or English).
const CLOSINGS: [&str; 4] = [
    "Fait à",
    "Done at",
    "Signée électroniquement",
    "Signed electronically",
];

/// Whitespace runs as one space, and hyphens dropped: a name cut at its
/// hyphen at the end of a line of a narrow signature block comes back whole.
fn squash(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('-', "")
}

/// A system tool a test needs is missing: the test is skipped with a note,
/// except in CI (`CI=true`), where it fails: a CI run never passes a test
/// it did not run.
fn tool_missing(note: &str) {
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{note}: under CI=true this test fails instead of being skipped");
    }
    eprintln!("note: {note}: the test is skipped");
}

#[test]
fn pdf_has_every_name_and_whole_signature_blocks() {
    let Some(browser) = browser() else {
        return tool_missing("no Chromium or Chrome found");
    };
    if Command::new("pdftotext").arg("-v").output().is_err() {
        return tool_missing("pdftotext (poppler-utils) not found");
    }
    let names = fixture_names();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let dir = workdir(&refs);
    std::fs::create_dir(dir.path().join("pdf")).expect("mkdir");
    let o = Command::new(BIN)
        .args(["render", ".", "--format", "pdf", "-o", "pdf"])
        .current_dir(dir.path())
        .env("PACTE_BROWSER", &browser)
        .output()
        .expect("run pacte");
    assert!(o.status.success(), "{}", stderr(&o));
    for name in &names {
        let source = std::fs::read_to_string(source(name)).unwrap();
        let md = render(name, &[]);
        let id = source
            .lines()
            .find_map(|l| {
                let l = l.trim();
                l.strip_prefix("id = \"")
                    .or_else(|| l.strip_prefix("id: "))
                    .map(|r| r.trim_end_matches('"').to_string())
            })
            .expect("convention id");
        let pdf = dir.path().join("pdf").join(format!("{id}.pdf"));
        let all = squash(&pdftotext(&pdf, None).expect("pdftotext"));
        let pages: Vec<String> = (1..100)
            .map_while(|n| pdftotext(&pdf, Some(n)))
            .map(|t| squash(&t))
            .collect();
        // Party and signatory names, from the signature blocks of the Markdown.
        // A block opens with its heading in bold ("Pour la Ville", or the
        // party's name) after the closing sentence "Fait à …".
        let mut parties = Vec::new();
        let closing = md
            .lines()
            .position(|l| CLOSINGS.iter().any(|c| l.starts_with(c)))
            .unwrap_or_else(|| panic!("{name}: no closing sentence"));
        let mut lines = md.lines().skip(closing).peekable();
        while let Some(l) = lines.next() {
            let head = l.strip_prefix("**");
            if let Some(p) = head.and_then(|p| p.strip_suffix("**  ")) {
                let sig = lines
                    .peek()
                    .map(|s| s.split(',').next().unwrap_or("").trim().to_string())
                    .unwrap_or_default();
                parties.push((p.replace('\\', ""), sig.replace('\\', "")));
            }
        }
        assert!(!parties.is_empty(), "{name}: no signature block found");
        assert!(
            all.replace(" / ", "/")
                .contains(&format!("1/{}", pages.len())),
            "{name}: no page numbers\n{all}"
        );
        let parties: Vec<(String, String)> = parties
            .iter()
            .map(|(p, s)| (squash(p), squash(s)))
            .collect();
        for (party, signatory) in &parties {
            assert!(all.contains(party.as_str()), "{name}: {party} missing");
            assert!(
                all.contains(signatory.as_str()),
                "{name}: {signatory} missing"
            );
            // The page with this party's signature block has its signatory
            // and its signature line too.
            let header = party.clone();
            // The block is the last mention of its heading (the name
            // also opens the parties' list).
            let (n, text) = pages
                .iter()
                .enumerate()
                .rev()
                .find(|(_, t)| t.contains(&header))
                .unwrap_or_else(|| panic!("{name}: `{header}` on no page"));
            let after = &text[text.rfind(&header).unwrap_or(0)..];
            assert!(
                after.contains(signatory.as_str()) && after.contains("Signature"),
                "{name}: the signature block of {party} is split after page {n}"
            );
        }
        // One font family, body and footer: the DejaVu Serif that .ci/run
        // installs (fonts-dejavu-core).
        if let Ok(o) = Command::new("pdffonts").arg(&pdf).output() {
            let fonts = String::from_utf8_lossy(&o.stdout);
            for f in fonts.lines().skip(2) {
                let name = f.split_whitespace().next().unwrap_or_default();
                assert!(
                    name.contains("+DejaVuSerif"),
                    "{name}: not DejaVu Serif\n{fonts}"
                );
            }
        }
        // No page ends in its upper half, except the last and one followed
        // by the closing block (kept whole, too tall for what was left).
        let bboxes = page_bodies(&pdf);
        for (i, (height, bottom, _)) in bboxes.iter().enumerate() {
            let next_is_closing = bboxes
                .get(i + 1)
                .is_some_and(|(_, _, f)| CLOSINGS.iter().any(|c| f.starts_with(c)));
            assert!(
                i + 1 == bboxes.len() || *bottom > height / 2.0 || next_is_closing,
                "{name}: page {} ends at {bottom:.0} of {height:.0} pt (page {} opens with `{}`)",
                i + 1,
                i + 2,
                bboxes.get(i + 1).map(|b| b.2.as_str()).unwrap_or_default()
            );
        }
        // "Fait à …" and the first signature block share a page.
        let done = md.lines().nth(closing).unwrap_or_default();
        let done = CLOSINGS.iter().find(|c| done.starts_with(**c)).unwrap();
        let first = &parties[0].0;
        assert!(
            pages.iter().any(|p| p
                .find(done)
                .is_some_and(|i| p[i..].contains(first.as_str()))),
            "{name}: `{done}` and the block of {first} are on different pages"
        );
    }
}

/// The footer names the commit of each file's last change, marks a modified
/// working copy and an untracked file, the same way for one file and for a
/// folder (where git is asked once for all files).
#[test]
fn footer_git_state_for_one_file_and_for_a_folder() {
    let git_ok = Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !git_ok {
        return tool_missing("git is not installed");
    }
    let dir = workdir(&["festival-campus.toml", "community-energy.toml"]);
    let git = |args: &[&str]| {
        let o = Command::new("git")
            .args(["-c", "user.email=test@example.org", "-c", "user.name=test"])
            .args(args)
            .current_dir(dir.path())
            .output()
            .expect("git runs");
        assert!(
            o.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8_lossy(&o.stdout).trim().to_string()
    };
    git(&["init", "-q"]);
    git(&["add", "."]);
    git(&["commit", "-qm", "conventions"]);
    let commit = git(&["log", "-1", "--format=%h"]);
    let festival = std::fs::read_to_string(dir.path().join("festival-campus.toml")).unwrap();
    std::fs::write(
        dir.path().join("festival-campus.toml"),
        format!("{festival}\n# relu\n"),
    )
    .unwrap();
    let energy = std::fs::read_to_string(dir.path().join("community-energy.toml")).unwrap();
    std::fs::write(
        dir.path().join("nouvelle.toml"),
        energy.replace("id = \"cork-community-energy\"", "id = \"nouvelle\""),
    )
    .unwrap();

    let one = |name: &str| stdout(&pacte(dir.path(), &["render", name, "--format", "html"]));
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let o = pacte(
        dir.path(),
        &["render", ".", "--format", "html", "-o", "out"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let folder = |id: &str| {
        std::fs::read_to_string(dir.path().join("out").join(format!("{id}.html"))).unwrap()
    };

    for (html, label) in [
        (one("festival-campus.toml"), "one"),
        (folder("festival-campus-2027"), "folder"),
    ] {
        assert!(
            html.contains(&format!("Git\u{A0}: {commit} (copie de travail modifiée")),
            "{label}"
        );
    }
    for html in [
        one("community-energy.toml"),
        folder("cork-community-energy"),
    ] {
        assert!(
            html.contains(&format!("Git: {commit}")) && !html.contains("modified"),
            "committed, unchanged"
        );
    }
    for html in [one("nouvelle.toml"), folder("nouvelle")] {
        assert!(html.contains("untracked"), "untracked");
    }
}

/// Without a browser, PDF is a one-line error that says how to get one,
/// and nothing is written.
#[test]
fn pdf_without_a_browser_says_how_to_install_one() {
    let dir = workdir(&["festival-campus.toml"]);
    let empty = tempfile::tempdir().expect("temp dir");
    for (browser, expected) in [
        (None, "apt-get install chromium"),
        (
            Some("/nonexistent/chromium"),
            "PACTE_BROWSER=/nonexistent/chromium",
        ),
    ] {
        let mut c = Command::new(BIN);
        c.args([
            "render",
            "festival-campus.toml",
            "--format",
            "pdf",
            "-o",
            "out.pdf",
        ])
        .current_dir(dir.path())
        .env("PATH", empty.path())
        .env_remove("PACTE_BROWSER");
        if let Some(b) = browser {
            c.env("PACTE_BROWSER", b);
        }
        let o = c.output().expect("run pacte");
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(
            err.starts_with("error: ") && err.trim_end().lines().count() == 1,
            "{err}"
        );
        assert!(err.contains(expected), "{err}");
        assert!(!dir.path().join("out.pdf").exists());
    }
}

/// `-o DIR/` names a folder, created when missing, for one file or a folder.
#[test]
fn output_folders_are_created() {
    let dir = workdir(&["festival-campus.toml", "maison-de-quartier.toml"]);
    for (args, file) in [
        (
            vec!["render", "festival-campus.toml", "-o", "one/deep/"],
            "one/deep/festival-campus-2027.md",
        ),
        (
            vec!["render", ".", "--format", "html", "-o", "all"],
            "all/maison-quartier-brotteaux.html",
        ),
    ] {
        let o = pacte(dir.path(), &args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        let text = std::fs::read_to_string(dir.path().join(file)).expect(file);
        assert!(text.contains("Article 1"), "{file}");
    }
}

/// A folder of 20 conventions to PDF: one browser process prints them all,
/// each file is a PDF with its own title.
#[test]
fn a_folder_of_twenty_conventions_to_pdf() {
    let ci = std::env::var("CI").as_deref() == Ok("true");
    let Some(browser) = browser() else {
        assert!(!ci, "CI: Chromium must be installed (.ci/run installs it)");
        eprintln!("note: no Chromium or Chrome found: the PDF folder test is skipped");
        return;
    };
    let has_pdftotext = Command::new("pdftotext").arg("-v").output().is_ok();
    assert!(has_pdftotext || !ci, "CI: pdftotext must be installed");
    let dir = tempfile::tempdir().expect("temp dir");
    let src = std::fs::read_to_string(source("festival-campus.toml")).unwrap();
    for i in 0..20 {
        let text = src
            .replacen(
                "id = \"festival-campus-2027\"",
                &format!("id = \"copie-{i:02}\""),
                1,
            )
            .replacen(
                "Festival pluridisciplinaire du campus",
                &format!("Copie numéro {i}"),
                1,
            );
        std::fs::write(dir.path().join(format!("c{i:02}.toml")), text).unwrap();
    }
    let o = Command::new(BIN)
        .args(["render", ".", "--format", "pdf", "-o", "pdf/"])
        .current_dir(dir.path())
        .env("PACTE_BROWSER", &browser)
        .output()
        .expect("run pacte");
    assert!(o.status.success(), "{}", stderr(&o));
    for i in 0..20 {
        let pdf = dir.path().join("pdf").join(format!("copie-{i:02}.pdf"));
        let bytes = std::fs::read(&pdf).expect("a PDF per convention");
        assert!(bytes.starts_with(b"%PDF"), "{}", pdf.display());
        if has_pdftotext {
            let text = squash(&pdftotext(&pdf, Some(1)).expect("pdftotext"));
            assert!(text.contains(&format!("Copie numéro {i}")), "{i}: {text}");
        }
    }
}

/// Without a designation, no sentence puts a party's bare name where French
/// needs an article: constructions that need none.
#[test]
fn parties_without_designation_need_no_article() {
    let dir = tempfile::tempdir().expect("temp dir");
    let src = std::fs::read_to_string(source("cpo-ateliers-vercors.toml")).unwrap();
    let text: String = src
        .lines()
        .filter(|l| !l.trim_start().starts_with("designation"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(text, src, "the example has designations");
    std::fs::write(dir.path().join("c.toml"), text).unwrap();
    let md = stdout(&pacte(dir.path(), &["render", "c.toml"]));
    assert!(
        md.contains("est accordée au titre des exercices 2026, 2027 et 2028 par la partie suivante\u{A0}: Département de l'Isère."),
        "{md}"
    );
    assert!(!md.contains("**Pour Département"), "{md}");
    assert!(md.contains("**Département de l'Isère**  \n"), "{md}");
}
