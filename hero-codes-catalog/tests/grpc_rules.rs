//! The gRPC keys of a catalog file (`grpc`, per code and per catalog, and `domain`) and
//! their rules: each test parses a tiny file and compares the exact rendered error.

use hero_codes_catalog::{CatalogFile, GrpcCode};

const ORIGIN: &str = "codes.toml";

fn errors(text: &str) -> String {
    match CatalogFile::parse(text, ORIGIN) {
        Ok(file) => panic!("expected an error, the file was accepted: {file:#?}"),
        Err(error) => error.to_string(),
    }
}

fn accepts(text: &str) -> CatalogFile {
    CatalogFile::parse(text, ORIGIN).unwrap_or_else(|error| panic!("unexpected error:\n{error}"))
}

/// An Alibaba-style catalog: every answer is HTTP 200, `extra` goes under its header.
fn alibaba(extra: &str, line: &str) -> String {
    format!(
        "[catalogs.Ali]\nsuccess = \"00000\"\n{extra}codes = [\n    {{ code = \"00000\", name = \"Ok\", status = 200, desc = \"ok\" }},\n    {line}\n]\n"
    )
}

#[test]
fn a_code_follows_its_http_status_unless_it_names_its_own() {
    let file = accepts(
        r#"[catalogs.App]
codes = [
    { code = "0", name = "Ok", status = 200, desc = "ok" },
    { code = "1", name = "Missing", status = 404, desc = "missing" },
    { code = "2", name = "Stale", status = 400, desc = "stale", grpc = "FAILED_PRECONDITION" },
    { code = "3", name = "Crash", status = 500, desc = "crash" },
]
"#,
    );
    let app = &file.catalogs[0];
    let grpc: Vec<GrpcCode> = app.codes.iter().map(|entry| app.grpc_of(entry)).collect();
    assert_eq!(
        grpc,
        [
            GrpcCode::Ok,
            GrpcCode::NotFound,
            GrpcCode::FailedPrecondition,
            GrpcCode::Internal
        ]
    );
}

#[test]
fn an_error_answered_with_http_200_is_told_at_its_line_with_the_fix() {
    assert_eq!(
        errors(&alibaba(
            "",
            r#"{ code = "A0001", name = "UserError", status = 200, desc = "user" },"#
        )),
        "codes.toml:5:52: error code `A0001` answers HTTP 200, which gRPC reads as OK, a success: give it `grpc = \"...\"`, or give every such code of Ali one with `grpc = \"FAILED_PRECONDITION\"` in [catalogs.Ali]"
    );
}

#[test]
fn a_catalog_default_or_a_code_of_its_own_settles_it() {
    let file = accepts(&alibaba(
        "grpc = \"FAILED_PRECONDITION\"\n",
        r#"{ code = "A0001", name = "UserError", status = 200, desc = "user" },
    { code = "B0001", name = "SystemError", status = 200, desc = "system", grpc = "INTERNAL" },"#,
    ));
    let ali = &file.catalogs[0];
    let grpc: Vec<GrpcCode> = ali.codes.iter().map(|entry| ali.grpc_of(entry)).collect();
    assert_eq!(
        grpc,
        [
            GrpcCode::Ok,
            GrpcCode::FailedPrecondition,
            GrpcCode::Internal
        ]
    );
}

#[test]
fn a_misspelt_status_name_suggests_the_right_one() {
    assert_eq!(
        errors(&alibaba(
            "",
            r#"{ code = "A0001", name = "UserError", status = 200, desc = "user", grpc = "NOT_FUOND" },"#
        )),
        "codes.toml:5:79: unknown gRPC status `NOT_FUOND`: did you mean `NOT_FOUND`?"
    );
    assert_eq!(
        errors(&alibaba("grpc = \"wrong\"\n", "")),
        "codes.toml:3:8: unknown gRPC status `wrong`: use a name from google/rpc/code.proto, such as `INVALID_ARGUMENT`, `NOT_FOUND` or `FAILED_PRECONDITION`"
    );
}

#[test]
fn ok_is_for_the_success_code_only() {
    assert_eq!(
        errors(&alibaba("grpc = \"OK\"\n", "")),
        "codes.toml:3:8: `grpc = \"OK\"` in [catalogs.Ali] would answer its errors as successes over gRPC: name an error status, such as \"FAILED_PRECONDITION\""
    );
    assert_eq!(
        errors(&alibaba(
            "",
            r#"{ code = "A0404", name = "Missing", status = 404, desc = "missing", grpc = "OK" },"#
        )),
        "codes.toml:5:80: error code `A0404` would answer gRPC OK, a success: name an error status, such as \"FAILED_PRECONDITION\""
    );
    assert_eq!(
        errors(
            "[catalogs.App]\ncodes = [{ code = \"0\", name = \"Ok\", status = 200, desc = \"ok\", grpc = \"NOT_FOUND\" }]\n"
        ),
        "codes.toml:2:71: `0` is App's success code, which gRPC answers with OK: remove its `grpc`"
    );
}

#[test]
fn the_domain_is_the_catalogs_then_the_files_then_the_catalog_name() {
    let file = accepts(
        r#"domain = "apps.example.com"
[catalogs.App]
codes = [{ code = "0", name = "Ok", status = 200, desc = "ok" }]
[catalogs.Billing]
domain = "billing.example.com"
codes = [{ code = "0", name = "Ok", status = 200, desc = "ok" }]
"#,
    );
    let domains: Vec<&str> = file.catalogs.iter().map(|c| file.domain_of(c)).collect();
    assert_eq!(domains, ["apps.example.com", "billing.example.com"]);
    let bare = accepts(
        "[catalogs.App]\ncodes = [{ code = \"0\", name = \"Ok\", status = 200, desc = \"ok\" }]\n",
    );
    assert_eq!(bare.domain_of(&bare.catalogs[0]), "App");
    assert_eq!(
        errors(
            "domain = \"apps example\"\n[catalogs.App]\ncodes = [{ code = \"0\", name = \"Ok\", status = 200, desc = \"ok\" }]\n"
        ),
        "codes.toml:1:10: `domain = \"apps example\"` is not a name: write the service's DNS name, such as \"apps.example.com\", or leave it out for the catalog's name"
    );
}
