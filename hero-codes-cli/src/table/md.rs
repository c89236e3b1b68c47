//! Markdown, as the response spec lays out its tables: the envelope's fields, the HTTP
//! statuses, then one table of codes per catalog.

use hero_codes_catalog::{CatalogFile, markdown_http_table, markdown_table};

use super::{ENVELOPE_HEADINGS, envelope_rows};

pub(super) fn render(file: &CatalogFile) -> String {
    let mut page = String::from("## Envelope\n\n");
    page.push_str(&format!("| {} |\n", ENVELOPE_HEADINGS.join(" | ")));
    page.push_str(&"|---".repeat(ENVELOPE_HEADINGS.len()));
    page.push_str("|\n");
    for [key, field, kind, present] in envelope_rows(&file.envelope) {
        page.push_str(&format!("| {key} | `{field}` | {kind} | {present} |\n"));
    }
    if !file.http_statuses.is_empty() {
        page.push_str("\n## HTTP statuses\n\n");
        page.push_str(&markdown_http_table(file));
    }
    for catalog in &file.catalogs {
        page.push_str(&format!("\n## {}\n\n", catalog.name.value));
        if let Some(doc) = &catalog.doc {
            page.push_str(&format!("{}\n\n", doc.value));
        }
        page.push_str(&markdown_table(catalog));
    }
    page
}
