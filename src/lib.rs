//! pacte: partnership agreements ("conventions de partenariat") kept as
//! plain TOML or YAML files, checked against a catalogue of rules.
//!
//! The library never prints: [`run`] writes to the writers it is given and
//! returns the exit status; findings are data ([`diagnostic::Diagnostic`]).

use std::io::Write;

use anyhow::Result;

use failure::{Fail as _, Failure};

pub mod annex;
pub mod check;
pub mod cli;
pub mod codes;
pub mod commands;
pub mod config;
pub mod decode;
pub mod diagnostic;
pub mod discover;
pub mod due;
pub mod edit;
pub mod emit;
pub mod escape;
pub mod failure;
pub mod fingerprint;
pub mod git;
pub mod grants;
pub mod keys;
pub mod load;
pub mod markdown;
pub mod model;
pub mod output;
pub mod parse;
pub mod present;
pub mod render;
pub mod report;
pub mod rules;
pub mod schedule;
pub mod schema;
pub mod source;
pub mod terms_diff;
pub mod value;
pub mod workspace;

/// How a command ended, when it could run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0.
    Clean,
    /// Exit 1: error-level findings (or warnings with `--deny-warnings`).
    Findings,
}

/// Whether to colour output written to a terminal.
pub fn use_color(choice: cli::ColorChoice, is_terminal: bool) -> bool {
    match choice {
        cli::ColorChoice::Always => true,
        cli::ColorChoice::Never => false,
        cli::ColorChoice::Auto => {
            is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

/// Runs one command. Errors (exit 2) carry context naming the file.
pub fn run(cli: cli::Cli, stdout: &mut dyn Write, stdout_is_terminal: bool) -> Result<Outcome> {
    let color = use_color(cli.color, stdout_is_terminal);
    let cwd = std::env::current_dir().or_fail(|| Failure::CurrentFolder)?;
    let config = || config::Config::load(cli.config.as_deref(), &cwd);
    match cli.command {
        cli::Command::Check(args) => commands::check(&args, &config()?, color, cli.quiet, stdout),
        cli::Command::Explain { rule } => {
            let lang = present::lang::from_process(config().ok().and_then(|c| c.lang));
            let Some(r) = rules::find(&rule) else {
                let names = rules::CATALOGUE
                    .iter()
                    .flat_map(|r| [r.meta().code.as_str(), r.meta().name]);
                return Err(Failure::UnknownRule {
                    suggestion: decode::closest(&rule, names).map(str::to_string),
                    rule,
                }
                .into());
            };
            writeln!(stdout, "{}", commands::explain_in(r.meta(), lang))?;
            Ok(Outcome::Clean)
        }
        cli::Command::Rules { format } => {
            commands::rules(&config()?, format, stdout)?;
            Ok(Outcome::Clean)
        }
        cli::Command::Fingerprint { file } => {
            writeln!(stdout, "{}", commands::fingerprint(&file, &config()?)?)?;
            Ok(Outcome::Clean)
        }
        cli::Command::Render(args) => {
            use std::io::IsTerminal as _;
            let stderr = std::io::stderr();
            let color_err = use_color(cli.color, stderr.is_terminal());
            let mut err = stderr.lock();
            render::run(&args, &config()?, color_err, cli.quiet, stdout, &mut err)
        }
        cli::Command::Sign(args) => {
            let opts = commands::sign::SignOptions {
                file: args.file,
                party: args.party,
                name: args.name,
                date: args.date.unwrap_or_else(commands::today),
                place: args.place,
                amendment: args.amendment,
            };
            let config = config()?;
            let signed = commands::sign::sign(&opts, &config)?;
            let lang = present::lang::from_process(config.lang);
            commands::sign::describe(&opts, &signed, lang, stdout, &mut std::io::stderr().lock())?;
            Ok(Outcome::Clean)
        }
        cli::Command::Diff(args) => {
            let opts = commands::diff::DiffOptions {
                file: args.file,
                from: args.from,
                to: args.to,
                format: match args.format {
                    cli::DiffFormat::Human => commands::diff::DiffFormat::Human,
                    cli::DiffFormat::Md => commands::diff::DiffFormat::Md,
                    cli::DiffFormat::Json => commands::diff::DiffFormat::Json,
                },
            };
            commands::diff::run(&opts, &config()?, stdout)?;
            Ok(Outcome::Clean)
        }
        cli::Command::Log { file, format } => {
            let opts = commands::log::LogOptions {
                file,
                format: match format {
                    cli::ListFormat::Human => commands::log::LogFormat::Human,
                    cli::ListFormat::Json => commands::log::LogFormat::Json,
                },
                lang: present::lang::from_process(config().ok().and_then(|c| c.lang)),
            };
            commands::log::run(&opts, stdout)?;
            Ok(Outcome::Clean)
        }
        cli::Command::Status(args) => report::status(&args, &config()?, color, stdout),
        cli::Command::Report(args) => report::report(&args, &config()?, stdout),
        cli::Command::Export(args) => {
            let export = commands::export::Export {
                paths: &args.paths,
                format: match args.format {
                    cli::ExportFormat::Scdl => commands::export::Format::Scdl,
                },
                output: args.output.as_deref(),
                force: args.force,
            };
            commands::export::run(&export, &config()?, stdout, &mut std::io::stderr().lock())
        }
        cli::Command::New(args) => {
            let config = config()?;
            let lang = match args.lang {
                Some(cli::RenderLang::Fr) => model::Lang::Fr,
                Some(cli::RenderLang::En) => model::Lang::En,
                None => config
                    .lang
                    .unwrap_or_else(|| present::lang::from_process(None)),
            };
            let yaml = args.syntax == cli::NewSyntax::Yaml;
            let opts = commands::new::NewOptions {
                id: args.id,
                kind: match args.kind {
                    cli::NewKind::Realisation => model::Kind::Realisation,
                    cli::NewKind::Gestion => model::Kind::Gestion,
                    cli::NewKind::Protocole => model::Kind::Protocole,
                    cli::NewKind::Subvention => model::Kind::Subvention,
                },
                lang,
                parties: args.parties,
                yaml,
                currency: config.currency.clone().unwrap_or_else(|| "EUR".into()),
            };
            let path = args
                .output
                .unwrap_or_else(|| commands::new::default_output(&config.root, &opts.id, yaml));
            commands::new::write(&opts, &path, args.force)?;
            if !cli.quiet {
                // In the language of messages, not the skeleton's.
                let said = failure::Note::Wrote {
                    path: path
                        .strip_prefix(&cwd)
                        .unwrap_or(&path)
                        .display()
                        .to_string(),
                };
                let lang = present::lang::from_process(config.lang);
                writeln!(stdout, "{}", present::failures::note(&said, lang))?;
            }
            Ok(Outcome::Clean)
        }
        cli::Command::Init(args) => {
            // The message language; `--lang` where given.
            let lang = match args.lang {
                Some(cli::RenderLang::Fr) => model::Lang::Fr,
                Some(cli::RenderLang::En) => model::Lang::En,
                None => present::lang::from_process(config().ok().and_then(|c| c.lang)),
            };
            let opts = commands::init::InitOptions {
                dir: args.dir.unwrap_or_default(),
                lang,
                jurisdiction: args.jurisdiction,
                ci: match args.ci {
                    cli::InitCi::Github => commands::init::Ci::Github,
                    cli::InitCi::Gitlab => commands::init::Ci::Gitlab,
                    cli::InitCi::None => commands::init::Ci::None,
                },
                pacte_source: args.pacte_source,
            };
            let done = commands::init::init(&opts)?;
            // What it wrote, in the language of messages: PACTE_LANG, else
            // the `lang` of the pacte.toml just written (CLI.md).
            commands::init::describe(present::lang::from_process(Some(lang)), &done, stdout)?;
            Ok(Outcome::Clean)
        }
        cli::Command::Schema => {
            let lang = present::lang::from_process(config()?.lang);
            serde_json::to_writer_pretty(&mut *stdout, &schema::schema(lang))?;
            writeln!(stdout)?;
            Ok(Outcome::Clean)
        }
        cli::Command::Completions { shell } => {
            commands::shell::completions(shell, stdout)?;
            Ok(Outcome::Clean)
        }
        cli::Command::Man => {
            commands::shell::man(stdout)?;
            Ok(Outcome::Clean)
        }
    }
}
