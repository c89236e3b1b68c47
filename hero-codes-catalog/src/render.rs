//! Catalogs as tables for people: Markdown now, other formats later from the same rows.

use crate::model::{Catalog, CatalogFile, CodeEntry, Envelope, HttpStatus};

/// The catalog as a Markdown table with one row per code, in file order, with a column per
/// other locale of the file after `Description`.
///
/// ```
/// let file = hero_codes_catalog::CatalogFile::builtin().unwrap();
/// let table = hero_codes_catalog::markdown_table(file.catalog("ResultCode").unwrap());
/// assert!(table.starts_with("| Code | Variant | Status | gRPC | Description | Description (en) |\n|---"));
/// assert!(table.contains(
///     "| 10400 | `NotFound` | 404 | NOT_FOUND | 所请求的资源不存在 | The requested resource does not exist |\n"
/// ));
/// ```
pub fn markdown_table(catalog: &Catalog) -> String {
    let locales: Vec<&str> = catalog.codes.first().map_or_else(Vec::new, |entry| {
        entry
            .translations
            .iter()
            .map(|(locale, _)| locale.as_str())
            .collect()
    });
    let headings = code_table_headings(&locales);
    let rows = catalog.codes.iter().map(|entry| {
        let mut row = code_table_row(catalog, entry);
        row[1] = format!("`{}`", row[1]); // the variant, as code
        row
    });
    markdown(&headings, rows)
}

/// The HTTP status table as Markdown, in file order.
///
/// ```
/// let file = hero_codes_catalog::CatalogFile::builtin().unwrap();
/// let table = hero_codes_catalog::markdown_http_table(&file);
/// assert!(table.contains("| 413 | required Length too Large | 上传的File体积太大 |\n"));
/// ```
pub fn markdown_http_table(file: &CatalogFile) -> String {
    let headings = HTTP_TABLE_HEADINGS.map(str::to_owned);
    markdown(&headings, file.http_statuses.iter().map(http_table_row))
}

/// The headings of a catalog's table before its descriptions, whatever its format.
pub const CODE_TABLE_HEADINGS: [&str; 4] = ["Code", "Variant", "Status", "gRPC"];

/// The headings of a catalog's table, whatever its format: [`CODE_TABLE_HEADINGS`],
/// `Description`, then `Description (en)` for each locale after the default one (`locales`
/// lists those after the default).
pub fn code_table_headings(other_locales: &[&str]) -> Vec<String> {
    let mut headings: Vec<String> = CODE_TABLE_HEADINGS.map(str::to_owned).into();
    headings.push("Description".to_owned());
    headings.extend(
        other_locales
            .iter()
            .map(|locale| format!("Description ({locale})")),
    );
    headings
}

/// A code of `catalog` in the columns of [`CODE_TABLE_HEADINGS`]: code, variant, HTTP
/// status, gRPC status.
pub fn code_table_cells(catalog: &Catalog, entry: &CodeEntry) -> [String; 4] {
    [
        entry.code.value.clone(),
        entry.name.value.clone(),
        entry.status.value.to_string(),
        catalog.grpc_of(entry).name().to_owned(),
    ]
}

/// A code's row under [`code_table_headings`]: [`code_table_cells`], then the description
/// in each locale of the file, the default first.
pub fn code_table_row(catalog: &Catalog, entry: &CodeEntry) -> Vec<String> {
    let mut row: Vec<String> = code_table_cells(catalog, entry).into();
    row.push(entry.desc.value.clone());
    row.extend(
        entry
            .translations
            .iter()
            .map(|(_, text)| text.value.clone()),
    );
    row
}

/// The headings of the HTTP status table, whatever its format.
pub const HTTP_TABLE_HEADINGS: [&str; 3] = ["Status", "Reason", "Meaning"];

/// A row of the HTTP status table under [`HTTP_TABLE_HEADINGS`].
pub fn http_table_row(row: &HttpStatus) -> [String; 3] {
    [
        row.status.value.to_string(),
        row.reason.value.clone(),
        row.meaning.value.clone(),
    ]
}

/// A Markdown table of `rows` under `headings`, cells escaped.
fn markdown<R: AsRef<[String]>>(headings: &[String], rows: impl Iterator<Item = R>) -> String {
    let mut table = format!("| {} |\n", headings.join(" | "));
    table.push_str(&"|---".repeat(headings.len()));
    table.push_str("|\n");
    for row in rows {
        let cells: Vec<String> = row.as_ref().iter().map(|cell| escape_cell(cell)).collect();
        table.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    table
}

/// A pipe would end the cell early; a line break would end the row.
fn escape_cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// The JSON body of an error answer with the envelope's field names:
/// `{"result":false,"result_code":"10400","result_desc":"..."}`. The code is a JSON number
/// when the envelope says `code_type = "number"`, and `result` is left out when the envelope
/// has none. The macros serialize it at compile time, so a fixed error costs no
/// serialization per request.
///
/// ```
/// let file = hero_codes_catalog::CatalogFile::builtin().unwrap();
/// assert_eq!(
///     hero_codes_catalog::error_body_json(&file.envelope, "10400", "所请求的资源不存在"),
///     r#"{"result":false,"result_code":"10400","result_desc":"所请求的资源不存在"}"#
/// );
/// ```
pub fn error_body_json(envelope: &Envelope, code: &str, desc: &str) -> String {
    hero_codes_vocab::error_body(&envelope.names(), code, desc)
}
