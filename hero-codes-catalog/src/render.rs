//! Catalogs as tables for people: Markdown now, other formats later from the same rows.

use crate::diagnostic::Spanned;
use crate::model::{Catalog, CatalogFile, CodeType, Envelope};

/// The catalog as a Markdown table with one row per code, in file order, with a column per
/// other locale of the file after `Description`.
///
/// ```
/// let file = hero_codes_catalog::CatalogFile::builtin().unwrap();
/// let table = hero_codes_catalog::markdown_table(file.catalog("ResultCode").unwrap());
/// assert!(table.starts_with("| Code | Variant | Status | Description | Description (en) |\n|---"));
/// assert!(table.contains(
///     "| 10400 | `NotFound` | 404 | 所请求的资源不存在 | The requested resource does not exist |\n"
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
    let mut table = String::from("| Code | Variant | Status | Description |");
    for locale in &locales {
        table.push_str(&format!(" Description ({locale}) |"));
    }
    table.push('\n');
    table.push_str(&"|---".repeat(4 + locales.len()));
    table.push_str("|\n");
    for entry in &catalog.codes {
        table.push_str(&format!(
            "| {} | `{}` | {} | {} |",
            escape_cell(&entry.code.value),
            entry.name.value,
            entry.status.value,
            escape_cell(&entry.desc.value)
        ));
        for (_, text) in &entry.translations {
            table.push_str(&format!(" {} |", escape_cell(&text.value)));
        }
        table.push('\n');
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
    let field =
        |name: &Spanned<String>, value: &str| format!("{}:{value}", json_string(&name.value));
    let code = match envelope.code_type.value {
        // A checked catalog holds integers only in a numeric envelope.
        CodeType::Number => code.to_owned(),
        CodeType::String => json_string(code),
    };
    let fields: Vec<String> = envelope
        .result
        .iter()
        .map(|result| field(result, "false"))
        .chain([
            field(&envelope.code, &code),
            field(&envelope.desc, &json_string(desc)),
        ])
        .collect();
    format!("{{{}}}", fields.join(","))
}

fn json_string(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}
