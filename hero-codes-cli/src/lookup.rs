//! `hero-codes lookup`: what a code means.

use std::io::Write;

use hero_codes_catalog::CatalogFile;

use crate::source::{self, Checked};
use crate::{CannotRun, FileArg, Outcome};

/// Show the catalog, variant, HTTP status and description of a code
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  hero-codes lookup 10400
  hero-codes lookup 1004 api/codes.toml

A code that is in no catalog exits with status 1 and names the nearest codes.")]
pub(crate) struct Args {
    /// The code as it goes into the envelope, e.g. 10400
    code: String,
    #[command(flatten)]
    file: FileArg,
}

/// How many near codes to suggest for an unknown one.
const NEAREST: usize = 3;

pub(crate) fn run(args: &Args, out: &mut impl Write) -> Result<Outcome, CannotRun> {
    let Some(Checked { file, origin }) = source::checked(args.file.file.as_deref())? else {
        return Ok(Outcome::ProblemFound);
    };
    let mut found = false;
    for catalog in &file.catalogs {
        let Some(entry) = catalog.entry(&args.code) else {
            continue;
        };
        found = true;
        let status = entry.status.value;
        let reason = file
            .http_status(status)
            .map_or_else(String::new, |row| format!(" {}", row.summary()));
        writeln!(
            out,
            "{}::{}\n  code:   {}\n  status: {status}{reason}\n  desc:   {}",
            catalog.name.value, entry.name.value, entry.code.value, entry.desc.value
        )?;
        // Each other locale of the file, aligned under `desc`: `  en:     ...`.
        for (locale, text) in &entry.translations {
            writeln!(out, "  {:<7} {}", format!("{locale}:"), text.value)?;
        }
    }
    if found {
        return Ok(Outcome::Ok);
    }
    report_unknown(&file, &origin, &args.code)?;
    Ok(Outcome::ProblemFound)
}

/// Says on stderr that `file` (named `origin`) has no `code`, with the nearest codes.
pub(crate) fn report_unknown(
    file: &CatalogFile,
    origin: &str,
    code: &str,
) -> Result<(), CannotRun> {
    let mut stderr = std::io::stderr().lock();
    writeln!(stderr, "error: no code `{code}` in {origin}")?;
    let nearest = nearest_codes(file, code);
    if !nearest.is_empty() {
        writeln!(stderr, "  nearest: {}", nearest.join(", "))?;
    }
    Ok(())
}

/// The codes nearest `code`, as `code (Catalog::Variant)`: its likely misspellings first
/// (every one as close as the closest), then, for a number, the numerically nearest.
fn nearest_codes(file: &CatalogFile, code: &str) -> Vec<String> {
    let entries: Vec<_> = file
        .catalogs
        .iter()
        .flat_map(|catalog| catalog.codes.iter().map(move |entry| (catalog, entry)))
        .collect();
    let mut picked = hero_codes_catalog::nearest(
        code,
        entries.iter().map(|(_, entry)| entry.code.value.as_str()),
    );
    picked.truncate(NEAREST);
    if let Ok(number) = code.parse::<u64>() {
        let mut by_distance: Vec<(u64, &str)> = entries
            .iter()
            .filter_map(|(_, entry)| {
                let other = entry.code.value.parse::<u64>().ok()?;
                Some((number.abs_diff(other), entry.code.value.as_str()))
            })
            .collect();
        by_distance.sort();
        for (_, near) in by_distance {
            if picked.len() == NEAREST {
                break;
            }
            if !picked.contains(&near) {
                picked.push(near);
            }
        }
    }
    picked
        .iter()
        .flat_map(|near| {
            entries
                .iter()
                .filter(move |(_, entry)| entry.code.value == *near)
                .map(|(catalog, entry)| {
                    format!(
                        "{} ({}::{})",
                        entry.code.value, catalog.name.value, entry.name.value
                    )
                })
        })
        .collect()
}
