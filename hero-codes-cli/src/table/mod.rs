//! `hero-codes table`: the catalog laid out for people (Markdown, reStructuredText, a web
//! page, a spreadsheet) or for programs (JSON).

mod csv;
pub(crate) mod html;
mod json;
mod md;
mod rst;

use std::io::Write;

use hero_codes_catalog::{CatalogFile, CodeType, Envelope, code_table_headings, code_table_row};

use crate::source::{self, Checked};
use crate::{CannotRun, FileArg, Outcome};

/// Lay the catalog out as tables: Markdown, reStructuredText, a web page, JSON or CSV
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  hero-codes table > CODES.md
  hero-codes table --format rst > docs/codes.rst
  hero-codes table --format html > codes.html     one page, opens offline, with a search box
  hero-codes table --format csv > codes.csv       opens in Excel with the Chinese text intact
  hero-codes table --format json | jq '.catalogs[].codes[] | select(.status == 404)'

The JSON shape is versioned: its `version` is 1, and later versions only add keys.")]
pub(crate) struct Args {
    #[command(flatten)]
    file: FileArg,
    /// The table format
    #[arg(long, value_enum, default_value_t = Format::Md)]
    format: Format,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum Format {
    /// Markdown tables, as the response spec lays them out
    Md,
    /// reStructuredText simple tables, as the Hero list lays them out (Sphinx renders them)
    Rst,
    /// One standalone web page with a search box
    Html,
    /// The whole catalog for programs, in a documented, versioned shape
    Json,
    /// One row per code, UTF-8 with a byte order mark, for spreadsheets
    Csv,
}

pub(crate) fn run(args: &Args, out: &mut impl Write) -> Result<Outcome, CannotRun> {
    let Some(Checked { file, .. }) = source::checked(args.file.file.as_deref())? else {
        return Ok(Outcome::ProblemFound);
    };
    let text = match args.format {
        Format::Md => md::render(&file),
        Format::Rst => rst::render(&file),
        Format::Html => html::render(&file),
        Format::Json => json::render(&file),
        Format::Csv => csv::render(&file),
    };
    out.write_all(text.as_bytes())?;
    Ok(Outcome::Ok)
}

/// The envelope's fields as the response spec's table of response parameters lists them:
/// `(key, JSON name, type, when present)`; no `result` row for an envelope without one.
fn envelope_rows(envelope: &Envelope) -> Vec<[String; 4]> {
    let result = envelope.result.as_ref().map(|result| {
        [
            "result".to_owned(),
            result.value.clone(),
            "Boolean".to_owned(),
            "always: true on success".to_owned(),
        ]
    });
    let code_type = match envelope.code_type.value {
        CodeType::String => format!("String(1-{})", envelope.code_max_chars.value),
        CodeType::Number => "Integer".to_owned(),
    };
    result
        .into_iter()
        .chain([
            [
                "code".to_owned(),
                envelope.code.value.clone(),
                code_type,
                "always".to_owned(),
            ],
            [
                "desc".to_owned(),
                envelope.desc.value.clone(),
                format!("String(1-{})", envelope.desc_max_chars.value),
                "always".to_owned(),
            ],
            [
                "data".to_owned(),
                envelope.data.value.clone(),
                "any JSON".to_owned(),
                "on success only".to_owned(),
            ],
        ])
        .collect()
}

/// The headings of [`envelope_rows`].
const ENVELOPE_HEADINGS: [&str; 4] = ["Key", "Field", "Type", "Present"];

/// A catalog's codes as table rows under [`code_headings`], in file order.
fn code_rows(file: &CatalogFile) -> impl Iterator<Item = (&str, Vec<Vec<String>>)> {
    file.catalogs.iter().map(|catalog| {
        let rows = catalog
            .codes
            .iter()
            .map(|entry| code_table_row(catalog, entry))
            .collect();
        (catalog.name.value.as_str(), rows)
    })
}

/// The headings of [`code_rows`]: `Description` for the default locale, then
/// `Description (en)` for each other one.
fn code_headings(file: &CatalogFile) -> Vec<String> {
    let locales = file.locale_tags();
    code_table_headings(locales.get(1..).unwrap_or_default())
}
