//! The gRPC side of a catalog file: the `grpc` keys (a status code by name, per code and
//! per catalog), the `domain` keys, and the rules that keep every error code off gRPC `OK`.

use hero_codes_vocab::GrpcCode;

use crate::diagnostic::{Diagnostics, Spanned};
use crate::model::{Catalog, CatalogFile};
use crate::reader::Table;

/// `grpc = "NOT_FOUND"`: a gRPC status code by the name `google/rpc/code.proto` gives it.
pub(crate) fn read_grpc(
    table: &Table<'_, '_>,
    diagnostics: &mut Diagnostics,
) -> Option<Spanned<GrpcCode>> {
    let written = table.optional_string("grpc", diagnostics)?;
    let code = GrpcCode::from_name(&written.value).unwrap_or_else(|| {
        diagnostics.push(written.span, unknown_grpc_code(&written.value));
        // The file is rejected already; an error status keeps the rules below from
        // calling the code OK as well, for a name that was meant to be an error's.
        GrpcCode::Unknown
    });
    Some(Spanned::new(code, written.span))
}

/// The message for a gRPC code name that `google/rpc/code.proto` does not have, with the
/// likely one: the file's `grpc` and the derive's `#[api(grpc = "...")]` say it alike.
///
/// ```
/// assert_eq!(
///     hero_codes_catalog::unknown_grpc_code("NOT_FUOND"),
///     "unknown gRPC status `NOT_FUOND`: did you mean `NOT_FOUND`?"
/// );
/// ```
pub fn unknown_grpc_code(written: &str) -> String {
    let names = GrpcCode::ALL.iter().map(|code| code.name());
    let upper = written.to_ascii_uppercase();
    match crate::suggest::closest(&upper, names.clone()) {
        Some(name) => format!("unknown gRPC status `{written}`: did you mean `{name}`?"),
        None => format!(
            "unknown gRPC status `{written}`: use a name from google/rpc/code.proto, such as `INVALID_ARGUMENT`, `NOT_FOUND` or `FAILED_PRECONDITION`"
        ),
    }
}

/// Every gRPC rule of `file`.
pub(crate) fn check(file: &CatalogFile, diagnostics: &mut Diagnostics) {
    let domains = file
        .catalogs
        .iter()
        .filter_map(|catalog| catalog.domain.as_ref());
    for domain in file.domain.iter().chain(domains) {
        domain_is_a_name(domain, diagnostics);
    }
    for catalog in &file.catalogs {
        catalog_grpc_is_an_error(catalog, diagnostics);
        error_codes_are_not_ok(catalog, diagnostics);
    }
}

/// Rejects `domain = ""` and `domain = "apps example"`: clients compare it, as a name.
fn domain_is_a_name(domain: &Spanned<String>, diagnostics: &mut Diagnostics) {
    let value = &domain.value;
    if value.is_empty() || value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        diagnostics.push(
            domain.span,
            format!(
                "`domain = {value:?}` is not a name: write the service's DNS name, such as \"apps.example.com\", or leave it out for the catalog's name"
            ),
        );
    }
}

/// Rejects `grpc = "OK"` under `[catalogs.Name]`: it is the gRPC status of error codes.
fn catalog_grpc_is_an_error(catalog: &Catalog, diagnostics: &mut Diagnostics) {
    if let Some(grpc) = catalog
        .grpc
        .as_ref()
        .filter(|grpc| grpc.value == GrpcCode::Ok)
    {
        diagnostics.push(
            grpc.span,
            format!(
                "`grpc = \"OK\"` in [catalogs.{}] would answer its errors as successes over gRPC: name an error status, such as \"FAILED_PRECONDITION\"",
                catalog.name.value
            ),
        );
    }
}

/// Rejects an error code that gRPC would read as `OK`: `{ code = "A0001", status = 200 }`
/// beside the success code (Alibaba's and WeChat's catalogs answer errors with HTTP 200)
/// with no `grpc` of its own or of its catalog, and `grpc = "OK"` on an error code; and a
/// success code with any other `grpc`. Another 2xx code (`{ code = "QUEUED", status = 202 }`)
/// says the request went well in its own way, and answers OK.
fn error_codes_are_not_ok(catalog: &Catalog, diagnostics: &mut Diagnostics) {
    // A catalog without a success code, or with one that is no success, is reported by
    // `success_code_is_defined`.
    let Some(success) = catalog
        .success()
        .filter(|success| (200..300).contains(&success.status.value))
    else {
        return;
    };
    let name = &catalog.name.value;
    for entry in &catalog.codes {
        let code = &entry.code.value;
        let is_success = *code == success.code.value;
        let answers_ok = catalog.grpc_of(entry) == GrpcCode::Ok;
        match (&entry.grpc, is_success, answers_ok) {
            (Some(own), true, false) => diagnostics.push(
                own.span,
                format!("`{code}` is {name}'s success code, which gRPC answers with OK: remove its `grpc`"),
            ),
            (Some(own), false, true) => diagnostics.push(
                own.span,
                format!("error code `{code}` would answer gRPC OK, a success: name an error status, such as \"FAILED_PRECONDITION\""),
            ),
            (None, false, true) if entry.status.value == 200 => diagnostics.push(
                entry.status.span,
                format!(
                    "error code `{code}` answers HTTP {}, which gRPC reads as OK, a success: give it `grpc = \"...\"`, or give every such code of {name} one with `grpc = \"FAILED_PRECONDITION\"` in [catalogs.{name}]",
                    entry.status.value
                ),
            ),
            _ => {}
        }
    }
}
