//! `hero-codes explain`: a code explained in full, as `rustc --explain` explains an error.

use std::io::Write;

use crate::lookup::report_unknown;
use crate::source::{self, Checked};
use crate::{CannotRun, FileArg, Outcome};

/// Explain a code in full: status, descriptions, whether retrying helps, its documentation
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  hero-codes explain 10400
  hero-codes explain 20402 services/payments/codes.toml

Prints Markdown, as `rustc --explain` does. The documentation is the code's `doc` or
`doc_file` in the catalog file. A code that is in no catalog exits with status 1 and names
the nearest codes.")]
pub(crate) struct Args {
    /// The code as it goes into the envelope, e.g. 10400
    code: String,
    #[command(flatten)]
    file: FileArg,
}

pub(crate) fn run(args: &Args, out: &mut impl Write) -> Result<Outcome, CannotRun> {
    let Some(Checked { file, origin }) = source::checked(args.file.file.as_deref())? else {
        return Ok(Outcome::ProblemFound);
    };
    let pages: Vec<String> = file
        .catalogs
        .iter()
        .filter_map(|catalog| {
            let entry = catalog.entry(&args.code)?;
            Some(hero_codes_catalog::explain(&file, catalog, entry))
        })
        .collect();
    if pages.is_empty() {
        report_unknown(&file, &origin, &args.code)?;
        return Ok(Outcome::ProblemFound);
    }
    // A code in two catalogs of one file has a page in each.
    write!(out, "{}", pages.join("\n"))?;
    Ok(Outcome::Ok)
}
