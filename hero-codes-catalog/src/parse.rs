//! Reads the TOML text of a catalog file into the model, reporting every structural
//! mistake (wrong type, missing or unknown key) with its position.

use toml::de::{DeTable, DeValue};

use hero_codes_vocab::{CodeType, Failure, default_envelope};

use crate::diagnostic::{Diagnostics, Span, Spanned};
use crate::grpc::read_grpc;
use crate::include::Attachments;
use crate::keys::{self, names};
use crate::model::{
    Catalog, CatalogFile, CodeEntry, CodeRange, DocLink, Envelope, FailureCode, HttpStatus,
    Include, OwnedRange, Owner, RetiredCode,
};
use crate::reader::{self, Table, Value};

/// Parses `text` and reads it into a [`CatalogFile`], with the Markdown files its codes name
/// from `attachments`. Syntax errors stop here; structural mistakes are all collected, and
/// whatever could be read is returned for validation. The included files' catalogs are not
/// in it yet: see `include::read_whole`.
pub(crate) fn read(
    text: &str,
    attachments: &Attachments<'_>,
    diagnostics: &mut Diagnostics,
) -> Option<CatalogFile> {
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
    let document = Value::new(document.span(), DeValue::Table(document.into_inner()));
    let file = Table::open(
        &document,
        "the catalog file",
        &names(keys::FILE),
        diagnostics,
    )?;
    let locales: Vec<Spanned<String>> = file
        .get("locales")
        .or_else(|| misplaced_locales(&file))
        .and_then(|value| reader::array(value, "`locales`", diagnostics))
        .into_iter()
        .flatten()
        .filter_map(|locale| reader::string(locale, "a locale in `locales`", diagnostics))
        .collect();
    let domain = file.optional_string("domain", diagnostics);
    let envelope = read_envelope(file.get("envelope"), diagnostics);
    let http_statuses = file
        .get("http")
        .and_then(|value| {
            Table::open_section(
                value,
                "the [http] table",
                &names(keys::HTTP),
                &names(keys::FILE),
                diagnostics,
            )
        })
        .and_then(|http| http.require("statuses", diagnostics))
        .map(|rows| {
            each_table(
                rows,
                "`statuses`",
                "an HTTP status row",
                &names(keys::HTTP_ROW),
                diagnostics,
            )
        })
        .unwrap_or_default()
        .iter()
        .filter_map(|row| read_http_status(row, diagnostics))
        .collect();
    // A code entry holds `desc` and one key per other locale: `en = "..."`.
    let code_keys: Vec<&str> = names(keys::CODE)
        .into_iter()
        .chain(locales.iter().skip(1).map(|locale| locale.value.as_str()))
        .collect();
    let includes: Vec<Include> = file
        .get("include")
        .and_then(|value| reader::array(value, "`include`", diagnostics))
        .into_iter()
        .flatten()
        .filter_map(|entry| read_include(entry, diagnostics))
        .collect();
    let owners: Vec<Owner> = file
        .get("owners")
        .and_then(|value| Table::open_map(value, "the [owners] table", diagnostics))
        .iter()
        .flat_map(Table::entries)
        .filter_map(|(name, value)| read_owner(name, value, diagnostics))
        .collect();
    // A file of owners, or one that takes all its catalogs from others, needs none of its own.
    let needs_catalogs = !keys::FILE_NEEDS_ONE_OF
        .iter()
        .any(|key| *key != "catalogs" && file.get(key).is_some());
    let reading = Reading {
        code_keys: &code_keys,
        attachments,
    };
    let catalogs = read_catalogs(file.get("catalogs"), &reading, needs_catalogs, diagnostics);
    let catalogs = catalogs
        .into_iter()
        .map(|catalog| order_translations(catalog, &locales))
        .collect();
    Some(CatalogFile {
        locales,
        envelope,
        http_statuses,
        catalogs,
        domain,
        includes,
        owners,
    })
}

/// What reading a code line needs beyond the line: its keys, and the files it may name.
struct Reading<'a> {
    code_keys: &'a [&'a str],
    attachments: &'a Attachments<'a>,
}

/// An entry of `include`: `"../shared/spec.toml"` or `{ path = "...", catalogs = [...] }`.
fn read_include(value: &Value<'_>, diagnostics: &mut Diagnostics) -> Option<Include> {
    if value.get_ref().is_str() {
        let path = reader::string(value, "an entry of `include`", diagnostics)?;
        return Some(Include {
            path,
            catalogs: None,
        });
    }
    let table = Table::open(
        value,
        "an entry of `include` (a path, or a table with `path` and `catalogs`)",
        &names(keys::INCLUDE),
        diagnostics,
    )?;
    let path = table.required_string("path", diagnostics)?;
    let catalogs = table.get("catalogs").map(|value| {
        reader::array(value, "`catalogs`", diagnostics)
            .into_iter()
            .flatten()
            .filter_map(|name| reader::string(name, "a catalog name in `catalogs`", diagnostics))
            .collect()
    });
    Some(Include { path, catalogs })
}

/// `[owners.payments]`: `ranges = [[20000, 20999]]`, `prefixes = ["P"]`, `doc = "..."`.
fn read_owner(
    name: Spanned<&str>,
    value: &Value<'_>,
    diagnostics: &mut Diagnostics,
) -> Option<Owner> {
    let table = Table::open_section(
        value,
        "an owner",
        &names(keys::OWNER),
        &names(keys::FILE),
        diagnostics,
    )?;
    let doc = table.optional_string("doc", diagnostics);
    let ranges = table
        .get("ranges")
        .and_then(|value| reader::array(value, "`ranges`", diagnostics))
        .into_iter()
        .flatten()
        .filter_map(|range| read_bounds(range, diagnostics))
        .map(|[low, high]| OwnedRange { low, high })
        .collect();
    let prefixes = table
        .get("prefixes")
        .and_then(|value| reader::array(value, "`prefixes`", diagnostics))
        .into_iter()
        .flatten()
        .filter_map(|prefix| reader::string(prefix, "a prefix in `prefixes`", diagnostics))
        .collect();
    Some(Owner {
        name: Spanned::new(name.value.to_owned(), name.span),
        doc,
        ranges,
        prefixes,
    })
}

/// `locales` written below a `[header]`, reported there as misplaced: read as the file's
/// own, so that its translations are not each reported as unknown keys too.
fn misplaced_locales<'a, 'i>(file: &Table<'a, 'i>) -> Option<&'a Value<'i>> {
    let catalogs = file
        .get("catalogs")
        .and_then(|catalogs| catalogs.get_ref().as_table())
        .into_iter()
        .flat_map(|catalogs| catalogs.values());
    ["envelope", "http"]
        .into_iter()
        .filter_map(|key| file.get(key))
        .chain(catalogs)
        .find_map(|table| table.get_ref().as_table()?.get("locales"))
}

fn read_envelope(value: Option<&Value<'_>>, diagnostics: &mut Diagnostics) -> Envelope {
    let table = value.and_then(|value| {
        Table::open_section(
            value,
            "the [envelope] table",
            &names(keys::ENVELOPE),
            &names(keys::FILE),
            diagnostics,
        )
    });
    // A default has an empty span at the start of the table, so checks can tell it from a
    // value the file wrote.
    let start = value.map_or(0, |value| value.span().start);
    let default_span = Span { start, end: start };
    let name = |key: &str, default: &str, diagnostics: &mut Diagnostics| {
        table
            .as_ref()
            .and_then(|table| table.optional_string(key, diagnostics))
            .unwrap_or_else(|| Spanned::new(default.to_owned(), default_span))
    };
    let limit = |key: &str, default: usize, diagnostics: &mut Diagnostics| {
        table
            .as_ref()
            .and_then(|table| table.get(key))
            .and_then(|value| reader::integer(value, &format!("`{key}`"), diagnostics))
            .unwrap_or(Spanned::new(default, default_span))
    };
    let result = match table.as_ref().and_then(|table| table.get("result")) {
        None => Some(Spanned::new(
            default_envelope::RESULT.to_owned(),
            default_span,
        )),
        Some(value) => read_result_field(value, diagnostics),
    };
    let code_type = table
        .as_ref()
        .and_then(|table| table.optional_string("code_type", diagnostics))
        .and_then(|written| read_code_type(&written, diagnostics))
        .unwrap_or(Spanned::new(default_envelope::CODE_TYPE, default_span));
    Envelope {
        result,
        code: name("code", default_envelope::CODE, diagnostics),
        desc: name("desc", default_envelope::DESC, diagnostics),
        data: name("data", default_envelope::DATA, diagnostics),
        code_type,
        code_max_chars: limit(
            "code_max_chars",
            default_envelope::CODE_MAX_CHARS,
            diagnostics,
        ),
        desc_max_chars: limit(
            "desc_max_chars",
            default_envelope::DESC_MAX_CHARS,
            diagnostics,
        ),
        doc_url: table
            .as_ref()
            .and_then(|table| table.get("doc_url"))
            .and_then(|value| read_doc_url(value, diagnostics)),
    }
}

/// `doc_url = { field = "doc_url", template = "https://.../{code}" }`.
fn read_doc_url(value: &Value<'_>, diagnostics: &mut Diagnostics) -> Option<DocLink> {
    let table = Table::open(
        value,
        "`doc_url` (a table with `field` and `template`)",
        &names(keys::DOC_URL),
        diagnostics,
    )?;
    let field = table.required_string("field", diagnostics);
    let template = table.required_string("template", diagnostics);
    Some(DocLink {
        field: field?,
        template: template?,
    })
}

/// `result = "ok"` names the success field; `result = false` leaves it out.
fn read_result_field(value: &Value<'_>, diagnostics: &mut Diagnostics) -> Option<Spanned<String>> {
    match value.get_ref() {
        DeValue::Boolean(false) => None,
        DeValue::Boolean(true) => {
            diagnostics.push(
                value.span().into(),
                "`result = true` says nothing: name the success field (`result = \"result\"`), or write `result = false` to leave it out",
            );
            None
        }
        _ => reader::string(value, "`result` (a field name, or false)", diagnostics),
    }
}

/// `code_type = "string"` or `"number"`.
fn read_code_type(
    written: &Spanned<String>,
    diagnostics: &mut Diagnostics,
) -> Option<Spanned<CodeType>> {
    let code_type = CodeType::ALL
        .into_iter()
        .find(|code_type| code_type.key() == written.value);
    if code_type.is_none() {
        diagnostics.push(
            written.span,
            format!(
                "unknown `code_type` `{}`: write \"string\" for codes such as \"10400\", or \"number\" for codes such as 40013",
                written.value
            ),
        );
    }
    code_type.map(|code_type| Spanned::new(code_type, written.span))
}

fn read_http_status(row: &Table<'_, '_>, diagnostics: &mut Diagnostics) -> Option<HttpStatus> {
    let status = read_required_status(row, diagnostics);
    let reason = row.required_string("reason", diagnostics);
    let meaning = row.required_string("meaning", diagnostics);
    Some(HttpStatus {
        status: status?,
        reason: reason?,
        meaning: meaning?,
    })
}

/// Puts each code's translations in the order of `locales`, so an index into `locales`
/// finds its text (a missing one is reported by the checks).
pub(crate) fn order_translations(mut catalog: Catalog, locales: &[Spanned<String>]) -> Catalog {
    for entry in &mut catalog.codes {
        entry.translations.sort_by_key(|(locale, _)| {
            locales
                .iter()
                .position(|declared| declared.value == *locale)
        });
    }
    catalog
}

fn read_catalogs(
    value: Option<&Value<'_>>,
    reading: &Reading<'_>,
    needs_catalogs: bool,
    diagnostics: &mut Diagnostics,
) -> Vec<Catalog> {
    let catalogs =
        value.and_then(|value| Table::open_map(value, "the [catalogs] table", diagnostics));
    let entries: Vec<_> = catalogs.iter().flat_map(Table::entries).collect();
    if needs_catalogs && entries.is_empty() && value.is_none_or(|value| value.get_ref().is_table())
    {
        let span = value.map_or(Span { start: 0, end: 0 }, |value| value.span().into());
        diagnostics.push(
            span,
            "the file has no catalog: add one as a `[catalogs.Name]` table with a `codes` array",
        );
    }
    entries
        .into_iter()
        .filter_map(|(name, value)| read_catalog(name, value, reading, diagnostics))
        .collect()
}

fn read_catalog(
    name: Spanned<&str>,
    value: &Value<'_>,
    reading: &Reading<'_>,
    diagnostics: &mut Diagnostics,
) -> Option<Catalog> {
    let code_keys = reading.code_keys;
    let table = Table::open_section(
        value,
        "a catalog",
        &names(keys::CATALOG),
        &names(keys::FILE),
        diagnostics,
    )?;
    let doc = table.optional_string("doc", diagnostics);
    let owner = table.optional_string("owner", diagnostics);
    let success = table.optional_string("success", diagnostics);
    let statuses = table.get("statuses").map(|value| {
        reader::array(value, "`statuses`", diagnostics)
            .into_iter()
            .flatten()
            .filter_map(|status| read_status(status, "a status in `statuses`", diagnostics))
            .collect()
    });
    let ranges = table
        .get("ranges")
        .map(|value| read_ranges(value, diagnostics))
        .unwrap_or_default();
    let codes_value = table.require("codes", diagnostics);
    let written = codes_value.and_then(|value| value.get_ref().as_array().map(|items| items.len()));
    let entries = codes_value
        .map(|value| each_table(value, "`codes`", "a code entry", code_keys, diagnostics))
        .unwrap_or_default();
    // A missing `codes`, or one of the wrong type, is already reported: it holds any code.
    let mut unread = vec![None; written.map_or(1, |written| written - entries.len())];
    let mut codes = Vec::new();
    for entry in &entries {
        match read_code(entry, reading, diagnostics) {
            Some(code) => codes.push(code),
            None => unread.push(
                entry
                    .get("code")
                    .and_then(|code| code.get_ref().as_str().map(str::to_owned)),
            ),
        }
    }
    let retired = table
        .get("retired")
        .map(|value| {
            each_table(
                value,
                "`retired`",
                "a retired code",
                &names(keys::RETIRED),
                diagnostics,
            )
        })
        .unwrap_or_default()
        .iter()
        .filter_map(|entry| read_retired(entry, diagnostics))
        .collect();
    let failures = table
        .get("failures")
        .map(|value| read_failures(value, diagnostics));
    let grpc = read_grpc(&table, diagnostics);
    let domain = table.optional_string("domain", diagnostics);
    Some(Catalog {
        grpc,
        domain,
        name: Spanned::new(name.value.to_owned(), name.span),
        doc,
        owner,
        file: None,
        success,
        statuses,
        ranges,
        codes,
        retired,
        failures,
        unread,
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
            Ok(number) if is_http_status(number.into()) => Spanned::new(number, status.span),
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
        if let Some([low, high]) = read_bounds(bounds, diagnostics) {
            ranges.push(CodeRange { status, low, high });
        }
    }
    ranges
}

/// A range's bounds: `[10400, 10499]`.
fn read_bounds(bounds: &Value<'_>, diagnostics: &mut Diagnostics) -> Option<[Spanned<u64>; 2]> {
    let pair = reader::array(bounds, "a range", diagnostics)?;
    let numbers: Vec<_> = pair
        .iter()
        .filter_map(|bound| reader::integer::<u64>(bound, "a range bound", diagnostics))
        .collect();
    match <[Spanned<u64>; 2]>::try_from(numbers) {
        Ok(bounds) => Some(bounds),
        Err(numbers) if numbers.len() == pair.len() => {
            diagnostics.push(
                bounds.span().into(),
                "a range is two numbers, the lowest and the highest code: `[10400, 10499]`",
            );
            None
        }
        Err(_) => None, // a bound of the wrong type, reported above
    }
}

/// `[catalogs.Name.failures]`: every kind, each naming a code.
fn read_failures(value: &Value<'_>, diagnostics: &mut Diagnostics) -> Vec<FailureCode> {
    let keys: Vec<&str> = Failure::ALL.iter().map(|kind| kind.key()).collect();
    let Some(table) = Table::open(value, "the `failures` table", &keys, diagnostics) else {
        return Vec::new();
    };
    Failure::ALL
        .iter()
        .filter_map(|&failure| {
            let code = table.required_string(failure.key(), diagnostics)?;
            let (kind, _) = table
                .entries()
                .find(|(kind, _)| kind.value == failure.key())?;
            Some(FailureCode {
                kind: Spanned::new(failure, kind.span),
                code,
            })
        })
        .collect()
}

/// A code entry.
fn read_code(
    entry: &Table<'_, '_>,
    reading: &Reading<'_>,
    diagnostics: &mut Diagnostics,
) -> Option<CodeEntry> {
    // The keys after the fixed ones are the translations' locales.
    let other_locales = &reading.code_keys[keys::CODE.len()..];
    let code = entry.required_string("code", diagnostics);
    let name = entry.required_string("name", diagnostics);
    let status = read_required_status(entry, diagnostics);
    let desc = entry.required_string("desc", diagnostics);
    let deprecated = entry.optional_string("deprecated", diagnostics);
    let grpc = read_grpc(entry, diagnostics);
    let doc_file = entry.optional_string("doc_file", diagnostics);
    let retryable = entry
        .get("retryable")
        .and_then(|value| reader::boolean(value, "`retryable`", diagnostics));
    let translations = other_locales
        .iter()
        .filter_map(|locale| {
            let text = entry.optional_string(locale, diagnostics)?;
            Some(((*locale).to_owned(), text))
        })
        .collect();
    let (code, name, status, desc) = (code?, name?, status?, desc?);
    // Read only for a line that is read: the loader reads the files of such lines only.
    let doc = read_doc(entry, doc_file.as_ref(), reading.attachments, diagnostics);
    Some(CodeEntry {
        code,
        name,
        status,
        desc,
        translations,
        deprecated,
        grpc,
        doc,
        doc_file,
        retryable,
    })
}

/// A code's documentation: `doc = """..."""`, or the text of the file `doc_file` names.
fn read_doc(
    entry: &Table<'_, '_>,
    doc_file: Option<&Spanned<String>>,
    attachments: &Attachments<'_>,
    diagnostics: &mut Diagnostics,
) -> Option<Spanned<String>> {
    let doc = entry.optional_string("doc", diagnostics);
    match (doc, doc_file) {
        (doc, None) => doc,
        (Some(doc), Some(file)) => {
            diagnostics.push(
                file.span,
                "the code has both `doc` and `doc_file`: keep one, the documentation is written once",
            );
            Some(doc)
        }
        (None, Some(file)) => {
            let text = attachments.text(file, diagnostics)?;
            Some(Spanned::new(text.to_owned(), file.span))
        }
    }
}

/// A line of `retired`: `{ code = "10106", name = "SessionRevoked", reason = "..." }`.
fn read_retired(entry: &Table<'_, '_>, diagnostics: &mut Diagnostics) -> Option<RetiredCode> {
    let code = entry.required_string("code", diagnostics);
    let name = entry.required_string("name", diagnostics);
    let reason = entry.required_string("reason", diagnostics);
    Some(RetiredCode {
        code: code?,
        name: name?,
        reason: reason?,
    })
}

fn read_required_status(
    table: &Table<'_, '_>,
    diagnostics: &mut Diagnostics,
) -> Option<Spanned<u16>> {
    let value = table.require("status", diagnostics)?;
    read_status(value, "`status`", diagnostics)
}

/// An HTTP status: an integer from 100 to 999, the range `http::StatusCode` accepts.
fn read_status(
    value: &Value<'_>,
    what: &str,
    diagnostics: &mut Diagnostics,
) -> Option<Spanned<u16>> {
    let number = reader::integer::<i128>(value, what, diagnostics)?;
    match u16::try_from(number.value) {
        Ok(status) if is_http_status(number.value) => Some(Spanned::new(status, number.span)),
        _ => {
            diagnostics.push(
                number.span,
                format!(
                    "`{}` is not an HTTP status: use a status from 100 to 999",
                    number.value
                ),
            );
            None
        }
    }
}

fn is_http_status(number: i128) -> bool {
    (100..=999).contains(&number)
}

/// The items of the array `value` (named `what`), each opened as a table.
fn each_table<'a, 'i>(
    value: &'a Value<'i>,
    what: &str,
    item: &'static str,
    known: &[&str],
    diagnostics: &mut Diagnostics,
) -> Vec<Table<'a, 'i>> {
    reader::array(value, what, diagnostics)
        .into_iter()
        .flatten()
        .filter_map(|entry| Table::open(entry, item, known, diagnostics))
        .collect()
}
