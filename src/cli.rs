//! The command line, as CLI.md defines it.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(
    name = "pacte",
    version,
    about = "Partnership agreements (conventions de partenariat) kept as TOML or YAML files: check, explain, fingerprint.",
    after_help = "Examples:\n  pacte check examples\n  pacte explain C006\n  pacte fingerprint examples/festival-campus.toml"
)]
pub struct Cli {
    /// When to colour the output (`NO_COLOR` is honoured with `auto`).
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Print less: errors only, no summary line.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// The workspace file to use (default: the nearest `pacte.toml` upward).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check conventions against the rule catalogue.
    #[command(
        after_help = "Examples:\n  pacte check\n  pacte check conventions/festival.toml --format json\n  pacte check conventions --as-of 2026-12-31 --deny-warnings\n\nExit status: 0 no error, 1 at least one error (or a warning with --deny-warnings), 2 the check could not run."
    )]
    Check(CheckArgs),
    /// Print the full text of one rule: what it checks, why, an example, the fix.
    #[command(after_help = "Examples:\n  pacte explain C006\n  pacte explain dominant-member")]
    Explain {
        /// A rule code (`C006`) or name (`missing-fund-management`).
        rule: String,
    },
    /// List the rule catalogue, with the levels in force after `pacte.toml`.
    #[command(after_help = "Examples:\n  pacte rules\n  pacte rules --format json")]
    Rules {
        #[arg(long, value_enum, default_value_t = ListFormat::Human)]
        format: ListFormat,
    },
    /// Print the fingerprint of a convention's terms (`sha256:…`).
    #[command(after_help = "Example:\n  pacte fingerprint conventions/festival.toml")]
    Fingerprint {
        /// The convention file.
        file: PathBuf,
    },
    /// Render a convention as a signable document (Markdown, HTML, PDF or DOCX).
    #[command(
        mut_arg("output", |a| a.help("Output file, or output folder (a trailing slash, or a folder that exists; created when missing) for one file per convention named after its id; default: standard output")),
        after_help = "Examples:\n  pacte render conventions/festival.toml\n  pacte render conventions/festival.toml --format html -o festival.html\n  pacte render conventions/festival.toml -o festival.pdf --lang en\n  pacte render conventions --format html -o out/\n\nWithout --format, the format follows the extension of -o (.md, .html, .pdf, .docx), else Markdown.\nPDF is printed by a local Chromium or Chrome (on PATH, or named by PACTE_BROWSER), one process for a folder.\nTemplates: --templates DIR, else `templates` in pacte.toml, else built-in; a file with the same name overrides one template."
    )]
    Render(RenderArgs),
    /// Record a party's signature of the current terms, keeping the file's layout.
    #[command(
        after_help = "Examples:\n  pacte sign conventions/festival.toml --party ville --name \"Claire Roche\"\n  pacte sign conventions/festival.toml --party ville --name \"Claire Roche\" --date 2026-05-05 --amendment A1\n\nRefused (exit 2, nothing written): structure errors, error-level C, K or F findings, an unknown party, a party that already signed these terms."
    )]
    Sign(SignArgs),
    /// Compare the terms between two git revisions, clause by clause.
    #[command(
        after_help = "Examples:\n  pacte diff conventions/festival.toml\n  pacte diff conventions/festival.toml --from v1 --format md\n  pacte diff conventions/festival.toml --from HEAD~3 --to HEAD --format json\n\nDefault: HEAD against the working tree. Exit 0 when it ran, whether or not the terms changed."
    )]
    Diff(DiffArgs),
    /// List the revisions where the terms changed, with the signatures of each.
    #[command(
        after_help = "Examples:\n  pacte log conventions/festival.toml\n  pacte log conventions/festival.toml --format json\n\nFollows renames; commits that change only signatures, tracking or layout are counted under the revision whose terms they keep."
    )]
    Log {
        /// The convention file.
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = ListFormat::Human)]
        format: ListFormat,
    },
    /// A terminal dashboard: one line per convention, then the overdue items.
    #[command(
        after_help = "Examples:\n  pacte status\n  pacte status conventions --as-of 2026-12-31\n  pacte status --format json"
    )]
    Status(StatusArgs),
    /// The monitoring report ("suivi"; with one convention, its "bilan"): md, html, json or ics.
    #[command(
        mut_arg("output", |a| a.help("Output file: one report, for one convention or many; default: standard output")),
        after_help = "Examples:\n  pacte report conventions -o suivi.html\n  pacte report conventions/festival.toml --format html -o bilan.html\n  pacte report --format json --as-of 2026-12-31\n  pacte report conventions --format ics -o echeances.ics\n\nWithout --format, the format follows the extension of -o (.md, .html, .json, .ics), else Markdown.\nLanguage: --lang, else the convention's `lang` (one convention), else `lang` in pacte.toml, else French.\nTemplates (report.md, report.html, report/…; financial.md, financial.html for --financial): --templates DIR, else `templates` in pacte.toml, else built-in."
    )]
    Report(ReportArgs),
    /// Export the essential data of the public grants (SCDL subventions 2.1).
    #[command(
        after_help = "Examples:\n  pacte export conventions --format scdl -o subventions.csv\n\nOne row per public grant of a convention under French law (jurisdiction FR, currency EUR).\nA grant that lacks a value the schema requires is left out and named on stderr (exit 1)."
    )]
    Export(ExportArgs),
    /// Write a commented skeleton of a convention to fill in.
    #[command(
        after_help = "Examples:\n  pacte new festival-2027\n  pacte new maison-quartier --kind gestion --parties 3\n  pacte new cpo-2027 --kind subvention --syntax yaml --lang en -o cpo.yaml\n\nWithout -o: conventions/ID.toml (or .yaml) when the workspace has a conventions/ folder, else ID.toml here. Never replaces a file without --force."
    )]
    New(NewArgs),
    /// Set up a repository of conventions: pacte.toml, conventions/, a CI job, a pre-commit entry.
    #[command(
        after_help = "Examples:\n  pacte init\n  pacte init partenariats --lang fr --jurisdiction FR --ci gitlab\n  pacte init --pacte-source https://example.org/pacte.git\n\nNever overwrites a file: what exists is left as it is, and said."
    )]
    Init(InitArgs),
    /// Print the JSON Schema (draft-07) of the format, for editors and validators.
    #[command(
        after_help = "Examples:\n  pacte schema > pacte.schema.json\n  PACTE_LANG=en pacte schema\n\nDescriptions are in the message language. A file with no S error validates; one with an unknown key (S002) or a value of the wrong type, set, pattern or range (S003) does not."
    )]
    Schema,
    /// Print a shell completion script (bash, zsh, fish or powershell).
    #[command(
        after_help = "Examples:\n  pacte completions bash > ~/.local/share/bash-completion/completions/pacte\n  pacte completions zsh > ~/.zfunc/_pacte\n  pacte completions fish > ~/.config/fish/completions/pacte.fish"
    )]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the manual page (roff), for `man`.
    #[command(after_help = "Example:\n  pacte man > pacte.1 && man ./pacte.1")]
    Man,
}

#[derive(Args, Debug)]
pub struct NewArgs {
    /// The convention's id (lowercase letters, digits, `-` and `_`).
    pub id: String,
    /// The kind of convention.
    #[arg(long, value_enum, default_value_t = NewKind::Realisation)]
    pub kind: NewKind,
    /// The language of the skeleton (default: `lang` in pacte.toml, else the message language).
    #[arg(long, value_enum)]
    pub lang: Option<RenderLang>,
    /// The number of parties.
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub parties: usize,
    /// TOML or YAML.
    #[arg(long, value_enum, default_value_t = NewSyntax::Toml)]
    pub syntax: NewSyntax,
    /// Output file (default: conventions/ID.toml, or ID.toml without a conventions/ folder).
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Replace an existing file.
    #[arg(long)]
    pub force: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum NewKind {
    Realisation,
    Gestion,
    Protocole,
    Subvention,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum NewSyntax {
    Toml,
    Yaml,
}

#[derive(Args, Debug)]
pub struct InitArgs {
    /// The folder to set up (default: the current folder).
    pub dir: Option<PathBuf>,
    /// The language of `pacte.toml` and of the comments (default: the message language).
    #[arg(long, value_enum)]
    pub lang: Option<RenderLang>,
    /// The country whose law applies, ISO 3166-1 alpha-2 (`FR`).
    #[arg(long, value_name = "CC")]
    pub jurisdiction: Option<String>,
    /// The CI job to write.
    #[arg(long, value_enum, default_value_t = InitCi::Github)]
    pub ci: InitCi,
    /// A git URL the CI job installs pacte from (default: crates.io, this version).
    #[arg(long, value_name = "URL")]
    pub pacte_source: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InitCi {
    Github,
    Gitlab,
    None,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// Files or folders (default: the workspace, or the current folder).
    pub paths: Vec<PathBuf>,
    /// Export format.
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Output file (default: standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// SCDL subventions 2.1 (CSV).
    Scdl,
}

#[derive(Args, Debug)]
pub struct SignArgs {
    /// The convention file.
    pub file: PathBuf,
    /// The id of the signing party.
    #[arg(long, value_name = "ID")]
    pub party: String,
    /// The name of the person who signs.
    #[arg(long, value_name = "NAME")]
    pub name: String,
    /// The date of the signature (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<jiff::civil::Date>,
    /// Where it was signed.
    #[arg(long, value_name = "PLACE")]
    pub place: Option<String>,
    /// The amendment (`[[amendment]]` id) this signature approves.
    #[arg(long, value_name = "ID")]
    pub amendment: Option<String>,
}

#[derive(Args, Debug)]
pub struct DiffArgs {
    /// The convention file.
    pub file: PathBuf,
    /// The older revision (default: HEAD).
    #[arg(long, value_name = "REV")]
    pub from: Option<String>,
    /// The newer revision (default: the working tree).
    #[arg(long, value_name = "REV")]
    pub to: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Human,
    Md,
    Json,
}

#[derive(Args, Debug)]
pub struct StatusArgs {
    /// Files or folders (default: the workspace, or the current folder).
    pub paths: Vec<PathBuf>,
    /// The date deadlines are judged at (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<jiff::civil::Date>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Human)]
    pub format: ListFormat,
}

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// Files or folders (default: the workspace, or the current folder).
    pub paths: Vec<PathBuf>,
    /// The date deadlines, expenses and measures are judged at (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<jiff::civil::Date>,
    /// Output format (default: from the extension of -o, else md).
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
    /// Language of the report (default: the convention's `lang` for one
    /// convention, else `lang` in pacte.toml, else French).
    #[arg(long, value_enum)]
    pub lang: Option<RenderLang>,
    /// The financial account of one convention (France: the compte rendu
    /// financier, Cerfa n° 15059): md, html or json.
    #[arg(long)]
    pub financial: bool,
    #[command(flatten)]
    pub out: Outputs,
}

/// Where `render` and `report` write, and with which templates.
#[derive(Args, Debug)]
pub struct Outputs {
    /// Output file; default: standard output.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Replace an existing output file.
    #[arg(long)]
    pub force: bool,
    /// A folder whose files override the built-in templates by name.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

impl Outputs {
    /// The template folder in force: `--templates`, else `pacte.toml`'s, else none.
    pub fn template_dir<'a>(
        &'a self,
        config: &'a crate::config::Config,
    ) -> Option<&'a std::path::Path> {
        self.templates.as_deref().or(config.templates.as_deref())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Md,
    Html,
    Json,
    Ics,
    Csv,
}

#[derive(Args, Debug)]
pub struct RenderArgs {
    /// A convention file, or a folder of conventions (then -o names the output folder).
    pub path: PathBuf,
    /// Output format (default: from the extension of -o, else md).
    #[arg(long, value_enum)]
    pub format: Option<RenderFormat>,
    /// Language of the document (default: the convention's `lang`).
    #[arg(long, value_enum)]
    pub lang: Option<RenderLang>,
    #[command(flatten)]
    pub out: Outputs,
    /// Render the amendment ("avenant") with this `[[amendment]]` id instead.
    #[arg(long, value_name = "ID")]
    pub amendment: Option<String>,
    /// With --amendment: the revision the changes are counted from (default:
    /// the latest revision whose terms every party signed).
    #[arg(long, value_name = "REV", requires = "amendment")]
    pub from: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RenderFormat {
    Md,
    Html,
    Pdf,
    Docx,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RenderLang {
    Fr,
    En,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Files or folders to check (default: the workspace, or the current folder).
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// The date the lifecycle rules are judged at (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<jiff::civil::Date>,
    /// Exit 1 on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Also count the findings per rule, most frequent first (human, json).
    #[arg(long)]
    pub statistics: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// rustc-style diagnostics with the source line, and a summary.
    Human,
    /// The stable JSON document of CLI.md.
    Json,
    /// SARIF 2.1.0, for GitHub code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// GitLab Code Quality JSON (an array of issues).
    Gitlab,
    /// JUnit XML: one test case per convention and rule family.
    Junit,
    /// A Markdown table for a pull-request comment.
    Markdown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Human,
    Json,
}

pub fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    let ok_shape = s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-';
    match s.parse::<jiff::civil::Date>() {
        Ok(d) if ok_shape => Ok(d),
        _ => Err(format!(
            "`{s}` is not a date: write YYYY-MM-DD, e.g. 2026-03-01"
        )),
    }
}
