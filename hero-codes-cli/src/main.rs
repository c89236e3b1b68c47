//! `hero-codes`: one `codes.toml` for docs, clients and CI in every language.
//!
//! Each subcommand reads a catalog file (by default the one the macros of the crate it runs
//! in read) through `hero-codes-catalog`, the model and loader the macros use, so the
//! command reads the same file with the same rules and prints the same messages.

mod check;
mod diff;
mod explain;
mod export;
mod lock;
mod lookup;
mod names;
mod schema;
mod site;
mod source;
mod table;
mod text;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// What a subcommand found: exit 0 when all is well, 1 when it found a problem.
#[derive(Debug, PartialEq, Eq)]
enum Outcome {
    Ok,
    ProblemFound,
}

/// Why a subcommand could not run: exit 2, with this message on stderr.
#[derive(Debug)]
struct CannotRun(String);

impl From<std::io::Error> for CannotRun {
    fn from(error: std::io::Error) -> Self {
        CannotRun(format!("cannot write the output: {error}"))
    }
}

const EXAMPLES: &str = "\
Examples:
  hero-codes check                          check the catalog of the crate here
  hero-codes check api/codes.toml --format json
  hero-codes table --format html > codes.html
  hero-codes export --lang ts > src/codes.ts
  hero-codes lookup 10400
  hero-codes explain 10400                  a code in full, as rustc --explain
  hero-codes diff old/codes.toml codes.toml
  hero-codes lock                           write the lock beside the crate's catalog
  hero-codes schema > codes.schema.json     for editors: `#:schema ./codes.schema.json`
  hero-codes site site */codes.toml         a page per code, searchable, offline

Exit status: 0 all is well, 1 a problem was found (a mistake in the file, an unknown code,
a breaking change), 2 the command could not run (an unreadable file, bad arguments).";

/// One `codes.toml` for docs, clients and CI: check it, lay it out as tables, export it to
/// other languages, look codes up, compare versions and lock the released codes.
#[derive(Debug, Parser)]
#[command(name = "hero-codes", version, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Check(check::Args),
    Table(table::Args),
    Export(export::Args),
    Lookup(lookup::Args),
    Explain(explain::Args),
    Diff(diff::Args),
    Lock(lock::Args),
    Schema(schema::Args),
    Site(site::Args),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // clap exits 2 for bad arguments already; help and version are no failure.
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { 2 } else { 0 });
        }
    };
    let mut stdout = std::io::stdout().lock();
    let outcome = match cli.command {
        Command::Check(args) => check::run(&args, &mut stdout),
        Command::Table(args) => table::run(&args, &mut stdout),
        Command::Export(args) => export::run(&args, &mut stdout),
        Command::Lookup(args) => lookup::run(&args, &mut stdout),
        Command::Explain(args) => explain::run(&args, &mut stdout),
        Command::Diff(args) => diff::run(&args, &mut stdout),
        Command::Lock(args) => lock::run(&args, &mut stdout),
        Command::Schema(args) => schema::run(&args, &mut stdout),
        Command::Site(args) => site::run(&args, &mut stdout),
    };
    let _ = stdout.flush();
    match outcome {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::ProblemFound) => ExitCode::from(1),
        Err(CannotRun(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

/// How `check` and `diff` print what they found.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum Format {
    /// For people: problems drawn as rustc draws errors, changes one a line
    Human,
    /// For programs and CI annotations: JSON, described under --help
    Json,
}

/// The catalog file argument every subcommand but `diff` takes.
#[derive(Debug, clap::Args)]
struct FileArg {
    /// The catalog file [default: the one the crate here declares in its Cargo.toml, as the
    /// macros read it; outside a crate, ./codes.toml if there is one; else the built-in
    /// catalog]
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,
}
