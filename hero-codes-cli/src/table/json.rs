//! The whole catalog as JSON, for programs: documentation sites, linters, other tools.
//!
//! The shape, version 1 (later versions only add keys, so a reader ignores the keys it does
//! not know; a change that removes or retypes a key raises `version`):
//!
//! ```text
//! {
//!   "version": 1,
//!   "locales": ["zh", "en"],                                (empty: one untagged language)
//!   "envelope": { "result": "result" | null, "code": "result_code", "desc": "result_desc",
//!                 "data": "data", "code_type": "string" | "number",
//!                 "code_max_chars": 32, "desc_max_chars": 128 },
//!   "http_statuses": [ { "status": 404, "reason": "NOT FOUND", "meaning": "请求的资源不存在" } ],
//!   "catalogs": [ {
//!     "name": "ResultCode",
//!     "doc": "…" | null,
//!     "success": "0",                                      (the code that means success)
//!     "domain": "ResultCode",                              (the gRPC ErrorInfo domain)
//!     "statuses": [200, 404] | null,                       (null: any status is allowed)
//!     "ranges": [ { "status": 404, "low": 10400, "high": 10499 } ],
//!     "codes": [ { "code": "10400", "name": "NotFound", "status": 404, "grpc": "NOT_FOUND", "desc": "…",
//!                  "translations": { "en": "…" } } ],        (the other locales, in order)
//!     "failures": { "invalid_json": "10000", … } | null    (keys in file order)
//!   } ]
//! }
//! ```

use hero_codes_catalog::{Catalog, CatalogFile, CodeEntry, CodeRange, Envelope, HttpStatus};
use serde::Serialize;
use serde::Serializer;

/// The version of the shape above.
const VERSION: u32 = 1;

pub(super) fn render(file: &CatalogFile) -> String {
    let document = Document {
        version: VERSION,
        locales: file.locale_tags(),
        envelope: JsonEnvelope::from(&file.envelope),
        http_statuses: file
            .http_statuses
            .iter()
            .map(JsonHttpStatus::from)
            .collect(),
        catalogs: file
            .catalogs
            .iter()
            .map(|catalog| JsonCatalog::new(file, catalog))
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&document).expect("the document serializes");
    text.push('\n');
    text
}

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    locales: Vec<&'a str>,
    envelope: JsonEnvelope<'a>,
    http_statuses: Vec<JsonHttpStatus<'a>>,
    catalogs: Vec<JsonCatalog<'a>>,
}

#[derive(Serialize)]
struct JsonEnvelope<'a> {
    result: Option<&'a str>,
    code: &'a str,
    desc: &'a str,
    data: &'a str,
    code_type: &'static str,
    code_max_chars: usize,
    desc_max_chars: usize,
}

impl<'a> From<&'a Envelope> for JsonEnvelope<'a> {
    fn from(envelope: &'a Envelope) -> Self {
        JsonEnvelope {
            result: envelope.result.as_ref().map(|result| result.value.as_str()),
            code: &envelope.code.value,
            desc: &envelope.desc.value,
            data: &envelope.data.value,
            code_type: envelope.code_type.value.key(),
            code_max_chars: envelope.code_max_chars.value,
            desc_max_chars: envelope.desc_max_chars.value,
        }
    }
}

#[derive(Serialize)]
struct JsonHttpStatus<'a> {
    status: u16,
    reason: &'a str,
    meaning: &'a str,
}

impl<'a> From<&'a HttpStatus> for JsonHttpStatus<'a> {
    fn from(row: &'a HttpStatus) -> Self {
        JsonHttpStatus {
            status: row.status.value,
            reason: &row.reason.value,
            meaning: &row.meaning.value,
        }
    }
}

#[derive(Serialize)]
struct JsonCatalog<'a> {
    name: &'a str,
    doc: Option<&'a str>,
    success: Option<&'a str>,
    domain: &'a str,
    statuses: Option<Vec<u16>>,
    ranges: Vec<JsonRange>,
    codes: Vec<JsonCode<'a>>,
    failures: Option<Ordered<'a>>,
}

impl<'a> JsonCatalog<'a> {
    fn new(file: &'a CatalogFile, catalog: &'a Catalog) -> Self {
        JsonCatalog {
            name: &catalog.name.value,
            doc: catalog.doc.as_ref().map(|doc| doc.value.as_str()),
            success: catalog.success().map(|entry| entry.code.value.as_str()),
            domain: file.domain_of(catalog),
            statuses: catalog
                .statuses
                .as_ref()
                .map(|statuses| statuses.iter().map(|status| status.value).collect()),
            ranges: catalog.ranges.iter().map(JsonRange::from).collect(),
            codes: catalog
                .codes
                .iter()
                .map(|entry| JsonCode::new(catalog, entry))
                .collect(),
            failures: catalog.failures.as_ref().map(|failures| {
                Ordered(
                    failures
                        .iter()
                        .map(|failure| (failure.kind.value.key(), failure.code.value.as_str()))
                        .collect(),
                )
            }),
        }
    }
}

#[derive(Serialize)]
struct JsonRange {
    status: u16,
    low: u64,
    high: u64,
}

impl From<&CodeRange> for JsonRange {
    fn from(range: &CodeRange) -> Self {
        JsonRange {
            status: range.status.value,
            low: range.low.value,
            high: range.high.value,
        }
    }
}

#[derive(Serialize)]
struct JsonCode<'a> {
    code: &'a str,
    name: &'a str,
    status: u16,
    grpc: &'static str,
    desc: &'a str,
    translations: Ordered<'a>,
}

impl<'a> JsonCode<'a> {
    fn new(catalog: &Catalog, entry: &'a CodeEntry) -> Self {
        JsonCode {
            code: &entry.code.value,
            name: &entry.name.value,
            status: entry.status.value,
            grpc: catalog.grpc_of(entry).name(),
            desc: &entry.desc.value,
            translations: Ordered(
                entry
                    .translations
                    .iter()
                    .map(|(locale, text)| (locale.as_str(), text.value.as_str()))
                    .collect(),
            ),
        }
    }
}

/// Text pairs as a JSON object in file order (a map type would sort the keys):
/// `failure kind → code`, `locale → description`.
struct Ordered<'a>(Vec<(&'a str, &'a str)>);

impl Serialize for Ordered<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().copied())
    }
}
