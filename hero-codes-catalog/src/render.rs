//! Catalogues as tables for people: Markdown now, other formats later from the same rows.

use crate::model::{Catalog, CatalogFile};

/// The catalogue as a Markdown table with one row per code, in file order.
///
/// ```
/// let file = hero_codes_catalog::CatalogFile::builtin().unwrap();
/// let table = hero_codes_catalog::markdown_table(file.catalog("ResultCode").unwrap());
/// assert!(table.starts_with("| Code | Variant | Status | Description |\n|---"));
/// assert!(table.contains("| 10400 | `NotFound` | 404 | 所请求的资源不存在 |\n"));
/// ```
pub fn markdown_table(catalog: &Catalog) -> String {
    let mut table = String::from("| Code | Variant | Status | Description |\n|---|---|---|---|\n");
    for entry in &catalog.codes {
        table.push_str(&format!(
            "| {} | `{}` | {} | {} |\n",
            escape_cell(&entry.code.value),
            entry.name.value,
            entry.status.value,
            escape_cell(&entry.desc.value)
        ));
    }
    table
}

/// The HTTP status table as Markdown, in file order.
///
/// ```
/// let file = hero_codes_catalog::CatalogFile::builtin().unwrap();
/// let table = hero_codes_catalog::markdown_http_table(&file);
/// assert!(table.contains("| 413 | required Length too Large | 上传的File体积太大 |\n"));
/// ```
pub fn markdown_http_table(file: &CatalogFile) -> String {
    let mut table = String::from("| Status | Reason | Meaning |\n|---|---|---|\n");
    for row in &file.http_statuses {
        table.push_str(&format!(
            "| {} | {} | {} |\n",
            row.status.value,
            escape_cell(&row.reason.value),
            escape_cell(&row.meaning.value)
        ));
    }
    table
}

/// A pipe would end the cell early; a line break would end the row.
fn escape_cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}
