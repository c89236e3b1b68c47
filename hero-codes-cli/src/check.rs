//! `hero-codes check`: every rule of the macros, every problem at once; with several
//! files, the rules between them too.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use hero_codes_catalog::{CatalogFile, Error, Position, Source, check_together};
use serde::Serialize;

use crate::source;
use crate::{CannotRun, Format, Outcome};

/// Check a catalog file by every rule the macros apply, and print every problem at once
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  hero-codes check
  hero-codes check api/codes.toml
  hero-codes check --format json codes.toml | jq -r '.[] | \"\\(.line): \\(.message)\"'
  hero-codes check services/*/codes.toml    the services of an organisation, together

Problems are printed as rustc prints errors, in colour on a terminal (NO_COLOR=1 turns it
off). With --format json, stdout is an array with one object per problem:
{\"file\", \"line\", \"column\", \"end\": {\"line\", \"column\"}, \"message\", \"help\"}, lines and
columns counted from 1, columns in characters, `end` one past the last character, `help`
null when the message has none. Exit status 1 when there is a problem.")]
pub(crate) struct Args {
    /// The catalog files [default: the one the crate here declares in its Cargo.toml, as the
    /// macros read it; outside a crate, ./codes.toml if there is one; else the built-in
    /// catalog]. Several files are checked together, as the services of one organisation:
    /// a code defined with different meanings, or owners whose blocks overlap, is a problem
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    /// How to print the problems
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
}

pub(crate) fn run(args: &Args, out: &mut impl Write) -> Result<Outcome, CannotRun> {
    let (described, result) = match args.files.as_slice() {
        [] | [_] => {
            let source = source::read(args.files.first().map(PathBuf::as_path))?;
            (
                source.located.describe(),
                source.check().map(|file| vec![file]),
            )
        }
        files => {
            let sources = files
                .iter()
                .map(|file| source::read(Some(file)))
                .collect::<Result<Vec<Source>, _>>()?;
            let described: Vec<String> = sources
                .iter()
                .map(|source| source.located.describe())
                .collect();
            (described.join(", "), check_together(&sources))
        }
    };
    match args.format {
        Format::Json => {
            let problems = result.as_ref().err().map(json_problems).unwrap_or_default();
            serde_json::to_writer_pretty(&mut *out, &problems).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
        Format::Human => match &result {
            Ok(files) => {
                let catalogs = files.iter().flat_map(|file: &CatalogFile| &file.catalogs);
                let codes: usize = catalogs.clone().map(|catalog| catalog.codes.len()).sum();
                let catalogs = catalogs.count();
                writeln!(
                    out,
                    "{described}: no problems in {catalogs} catalog{}, {codes} code{}",
                    plural(catalogs),
                    plural(codes)
                )?;
            }
            Err(error) => {
                let color = std::io::stdout().is_terminal() && color_allowed();
                write_problems(error, color, out)?;
            }
        },
    }
    Ok(match result {
        Ok(_) => Outcome::Ok,
        Err(_) => Outcome::ProblemFound,
    })
}

/// Whether colour may be used on a terminal: not when `NO_COLOR` is set (no-color.org).
pub(crate) fn color_allowed() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
}

/// Every problem of `error` as rustc draws an error, then a count, as cargo ends.
pub(crate) fn write_problems(
    error: &Error,
    color: bool,
    out: &mut impl Write,
) -> Result<(), CannotRun> {
    for problem in error.problems() {
        writeln!(out, "{}\n", error.annotate(problem, color))?;
    }
    let count = error.problems().len();
    writeln!(
        out,
        "error: could not use `{}`: {count} problem{}",
        error.origin(),
        plural(count)
    )?;
    Ok(())
}

fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}

/// One problem for CI annotations.
#[derive(Serialize)]
struct JsonProblem<'a> {
    file: &'a str,
    line: Option<usize>,
    column: Option<usize>,
    end: Option<End>,
    message: &'a str,
    help: Option<&'a str>,
}

/// Where a problem ends: one past its last character.
#[derive(Serialize)]
struct End {
    line: usize,
    column: usize,
}

fn json_problems(error: &Error) -> Vec<JsonProblem<'_>> {
    error
        .problems()
        .iter()
        .map(|problem| JsonProblem {
            file: error.file_of(problem),
            line: problem.position.map(|position| position.line),
            column: problem.position.map(|position| position.column),
            end: error
                .text_of(problem)
                .zip(problem.span)
                .map(|(text, span)| Position::of(text, span.end))
                .map(|Position { line, column }| End { line, column }),
            message: problem.summary(),
            help: problem.help(),
        })
        .collect()
}
