//! Reads the TOML text of a catalogue file into the model, reporting every structural
//! mistake (wrong type, missing or unknown key) with its position.

use toml::de::DeTable;

use crate::diagnostic::{Diagnostics, Span, Spanned};
use crate::model::{Catalog, CatalogFile, CodeEntry, CodeRange, Envelope, HttpStatus};
use crate::reader::{self, Table, Value};

const FILE_KEYS: &[&str] = &["envelope", "http", "catalogs"];
const HTTP_TABLE_KEYS: &[&str] = &["statuses"];
const ENVELOPE_KEYS: &[&str] = &[
    "result",
    "code",
    "desc",
    "data",
    "code_max_chars",
    "desc_max_chars",
];
const HTTP_KEYS: &[&str] = &["status", "reason", "meaning"];
const CATALOG_KEYS: &[&str] = &["doc", "statuses", "ranges", "codes"];
const CODE_KEYS: &[&str] = &["code", "name", "status", "desc"];

/// Parses `text` and reads it into a [`CatalogFile`]. Syntax errors stop here; structural
/// mistakes are all collected, and whatever could be read is returned for validation.
pub(crate) fn read(text: &str, diagnostics: &mut Diagnostics) -> Option<CatalogFile> {
    let (document, syntax_errors) = DeTable::parse_recoverable(text);
    if !syntax_errors.is_empty() {
        for error in syntax_errors {
            let span = error.span().unwrap_or(0..0);
            diagnostics.push(
                span.into(),
                format!("invalid TOML: {}", error.message().trim_end()),
            );
        }
        return None;
    }
    let document = Value::new(
        document.span(),
        toml::de::DeValue::Table(document.into_inner()),
    );
    let file = Table::open(&document, "the catalogue file", FILE_KEYS, diagnostics)?;
    let envelope = read_envelope(file.get("envelope"), diagnostics);
    let http_statuses = file
        .get("http")
        .and_then(|value| Table::open(value, "the [http] table", HTTP_TABLE_KEYS, diagnostics))
        .and_then(|http| http.require("statuses", diagnostics))
        .map(|value| {
            each_table(
                value,
                "statuses",
                "an HTTP status row",
                HTTP_KEYS,
                diagnostics,
            )
        })
        .unwrap_or_default()
        .iter()
        .filter_map(|row| read_http_status(row, diagnostics))
        .collect();
    let catalogs = match file.require("catalogs", diagnostics) {
        Some(value) => read_catalogs(value, diagnostics),
        None => Vec::new(),
    };
    Some(CatalogFile {
        envelope,
        http_statuses,
        catalogs,
    })
}

fn read_envelope(value: Option<&Value<'_>>, diagnostics: &mut Diagnostics) -> Envelope {
    let table = value
        .and_then(|value| Table::open(value, "the [envelope] table", ENVELOPE_KEYS, diagnostics));
    let span = value.map_or(Span { start: 0, end: 0 }, |value| value.span().into());
    let name = |key: &str, default: &str, diagnostics: &mut Diagnostics| {
        table
            .as_ref()
            .and_then(|table| table.get(key))
            .and_then(|value| reader::string(value, key, diagnostics))
            .unwrap_or_else(|| Spanned::new(default.to_owned(), span))
    };
    let limit = |key: &str, default: usize, diagnostics: &mut Diagnostics| {
        table
            .as_ref()
            .and_then(|table| table.get(key))
            .and_then(|value| reader::integer(value, key, diagnostics))
            .unwrap_or(Spanned::new(default, span))
    };
    Envelope {
        result: name("result", "result", diagnostics),
        code: name("code", "result_code", diagnostics),
        desc: name("desc", "result_desc", diagnostics),
        data: name("data", "data", diagnostics),
        code_max_chars: limit("code_max_chars", 32, diagnostics),
        desc_max_chars: limit("desc_max_chars", 128, diagnostics),
    }
}

fn read_http_status(row: &Table<'_, '_>, diagnostics: &mut Diagnostics) -> Option<HttpStatus> {
    let status = row
        .require("status", diagnostics)
        .and_then(|value| read_status(value, "status", diagnostics));
    let reason = row
        .require("reason", diagnostics)
        .and_then(|value| reader::string(value, "reason", diagnostics));
    let meaning = row
        .require("meaning", diagnostics)
        .and_then(|value| reader::string(value, "meaning", diagnostics));
    Some(HttpStatus {
        status: status?,
        reason: reason?,
        meaning: meaning?,
    })
}

fn read_catalogs(value: &Value<'_>, diagnostics: &mut Diagnostics) -> Vec<Catalog> {
    let Some(catalogs) = Table::open_map(value, "the [catalogs] table", diagnostics) else {
        return Vec::new();
    };
    let catalogs_with_names: Vec<_> = catalogs.entries().collect();
    catalogs_with_names
        .into_iter()
        .filter_map(|(name, value)| read_catalog(name, value, diagnostics))
        .collect()
}

fn read_catalog(
    name: Spanned<&str>,
    value: &Value<'_>,
    diagnostics: &mut Diagnostics,
) -> Option<Catalog> {
    let table = Table::open(value, "a catalogue", CATALOG_KEYS, diagnostics)?;
    let doc = table
        .get("doc")
        .and_then(|value| reader::string(value, "doc", diagnostics));
    let statuses = table.get("statuses").map(|value| {
        reader::array(value, "statuses", diagnostics)
            .into_iter()
            .flatten()
            .filter_map(|status| read_status(status, "statuses", diagnostics))
            .collect()
    });
    let ranges = table
        .get("ranges")
        .map(|value| read_ranges(value, diagnostics))
        .unwrap_or_default();
    let codes = table
        .require("codes", diagnostics)
        .map(|value| each_table(value, "codes", "a code entry", CODE_KEYS, diagnostics))
        .unwrap_or_default()
        .iter()
        .filter_map(|entry| read_code(entry, diagnostics))
        .collect();
    Some(Catalog {
        name: Spanned::new(name.value.to_owned(), name.span),
        doc,
        statuses,
        ranges,
        codes,
    })
}

/// `ranges = { 404 = [10400, 10499], ... }`
fn read_ranges(value: &Value<'_>, diagnostics: &mut Diagnostics) -> Vec<CodeRange> {
    let Some(table) = Table::open_map(value, "the `ranges` table", diagnostics) else {
        return Vec::new();
    };
    let mut ranges = Vec::new();
    for (status, bounds) in table.entries() {
        let status = match status.value.parse::<u16>() {
            Ok(number) if is_http_status(number) => Spanned::new(number, status.span),
            _ => {
                diagnostics.push(
                    status.span,
                    format!(
                        "`{}` is not an HTTP status: a key of `ranges` is a status from 100 to 999",
                        status.value
                    ),
                );
                continue;
            }
        };
        let Some(pair) = reader::array(bounds, "a range", diagnostics) else {
            continue;
        };
        let numbers: Vec<_> = pair
            .iter()
            .filter_map(|bound| reader::integer::<u64>(bound, "a range bound", diagnostics))
            .collect();
        match <[Spanned<u64>; 2]>::try_from(numbers) {
            Ok([low, high]) => ranges.push(CodeRange { status, low, high }),
            Err(numbers) if numbers.len() == pair.len() => diagnostics.push(
                bounds.span().into(),
                "a range is two numbers, the lowest and the highest code: `[10400, 10499]`",
            ),
            Err(_) => {} // a bound of the wrong type, reported above
        }
    }
    ranges
}

fn read_code(entry: &Table<'_, '_>, diagnostics: &mut Diagnostics) -> Option<CodeEntry> {
    let code = entry
        .require("code", diagnostics)
        .and_then(|value| reader::string(value, "code", diagnostics));
    let name = entry
        .require("name", diagnostics)
        .and_then(|value| reader::string(value, "name", diagnostics));
    let status = entry
        .require("status", diagnostics)
        .and_then(|value| read_status(value, "status", diagnostics));
    let desc = entry
        .require("desc", diagnostics)
        .and_then(|value| reader::string(value, "desc", diagnostics));
    Some(CodeEntry {
        code: code?,
        name: name?,
        status: status?,
        desc: desc?,
    })
}

/// An HTTP status: an integer from 100 to 999, the range `http::StatusCode` accepts.
fn read_status(
    value: &Value<'_>,
    key: &str,
    diagnostics: &mut Diagnostics,
) -> Option<Spanned<u16>> {
    let status = reader::integer::<u16>(value, key, diagnostics)?;
    if !is_http_status(status.value) {
        diagnostics.push(
            status.span,
            format!(
                "`{}` is not an HTTP status: use a status from 100 to 999",
                status.value
            ),
        );
        return None;
    }
    Some(status)
}

fn is_http_status(number: u16) -> bool {
    (100..=999).contains(&number)
}

/// The items of the array `value` (under `key`), each opened as a table.
fn each_table<'a, 'i>(
    value: &'a Value<'i>,
    key: &str,
    what: &'static str,
    known: &[&str],
    diagnostics: &mut Diagnostics,
) -> Vec<Table<'a, 'i>> {
    reader::array(value, key, diagnostics)
        .into_iter()
        .flatten()
        .filter_map(|item| Table::open(item, what, known, diagnostics))
        .collect()
}
