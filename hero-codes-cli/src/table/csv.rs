//! CSV for spreadsheets: one row per code (RFC 4180, CRLF line ends), UTF-8 with a byte order
//! mark, without which Excel reads the file in the local code page and garbles Chinese text.

use hero_codes_catalog::CatalogFile;

use super::{code_headings, code_rows};

pub(super) fn render(file: &CatalogFile) -> String {
    let mut sheet = String::from("\u{feff}");
    let headings = code_headings(file);
    push_row(
        &mut sheet,
        ["Catalog"]
            .into_iter()
            .chain(headings.iter().map(String::as_str)),
    );
    for (catalog, rows) in code_rows(file) {
        for row in &rows {
            push_row(
                &mut sheet,
                [catalog].into_iter().chain(row.iter().map(String::as_str)),
            );
        }
    }
    sheet
}

fn push_row<'a>(sheet: &mut String, cells: impl Iterator<Item = &'a str>) {
    let cells: Vec<String> = cells.map(quote).collect();
    sheet.push_str(&cells.join(","));
    sheet.push_str("\r\n");
}

/// A cell as RFC 4180 writes it: in quotes, doubled, when it holds a comma, a quote or a
/// line break. A leading `=`, `+`, `-` or `@` is kept as text by a quote mark: a
/// spreadsheet would otherwise run the cell as a formula.
fn quote(cell: &str) -> String {
    let cell = if cell.starts_with(['=', '+', '-', '@']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    };
    if cell.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell
    }
}
