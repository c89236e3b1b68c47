//! reStructuredText, as the Hero list lays out its tables: simple tables framed by `=`
//! rules, which Sphinx and docutils render. Columns are measured in display columns, a
//! Chinese character taking two, as docutils measures them.

use hero_codes_catalog::{CatalogFile, HTTP_TABLE_HEADINGS, http_table_row};

use super::{ENVELOPE_HEADINGS, code_headings, code_rows, envelope_rows};
use crate::text::{pad, width};

pub(super) fn render(file: &CatalogFile) -> String {
    let mut page = String::new();
    section(&mut page, "Envelope");
    let envelope: Vec<[String; 4]> = envelope_rows(&file.envelope)
        .into_iter()
        .map(|[key, field, kind, present]| [key, format!("``{field}``"), escape(&kind), present])
        .collect();
    page.push_str(&simple_table(&ENVELOPE_HEADINGS, &envelope));
    if !file.http_statuses.is_empty() {
        section(&mut page, "HTTP statuses");
        let rows: Vec<[String; 3]> = file
            .http_statuses
            .iter()
            .map(|row| http_table_row(row).map(|cell| escape(&cell)))
            .collect();
        page.push_str(&simple_table(&HTTP_TABLE_HEADINGS, &rows));
    }
    for ((name, rows), catalog) in code_rows(file).zip(&file.catalogs) {
        section(&mut page, name);
        if let Some(doc) = &catalog.doc {
            page.push_str(&format!("{}\n\n", escape(&doc.value)));
        }
        let rows: Vec<Vec<String>> = rows
            .into_iter()
            .map(|row| {
                row.iter()
                    .enumerate()
                    .map(|(column, cell)| match column {
                        1 => format!("``{cell}``"),
                        2 => cell.clone(),
                        _ => escape(cell),
                    })
                    .collect()
            })
            .collect();
        let headings = code_headings(file);
        let headings: Vec<&str> = headings.iter().map(String::as_str).collect();
        page.push_str(&simple_table(&headings, &rows));
    }
    page
}

/// A title underlined with `-`, as long as the title is wide.
fn section(page: &mut String, title: &str) {
    if !page.is_empty() {
        page.push('\n');
    }
    page.push_str(&format!("{title}\n{}\n\n", "-".repeat(width(title))));
}

/// A simple table: a rule of `=` per column, the headings, a rule, the rows, a rule. Every
/// row has a cell per heading.
fn simple_table<Row: AsRef<[String]>>(headings: &[&str], rows: &[Row]) -> String {
    let widths: Vec<usize> = (0..headings.len())
        .map(|column| {
            rows.iter()
                .map(|row| width(&row.as_ref()[column]))
                .chain([width(headings[column])])
                .max()
                .unwrap_or(1)
        })
        .collect();
    let rule = widths
        .iter()
        .map(|&columns| "=".repeat(columns))
        .collect::<Vec<_>>()
        .join("  ");
    let line = |cells: &[&str]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(cell, &columns)| pad(cell, columns))
            .collect();
        format!("{}\n", padded.join("  ").trim_end())
    };
    let mut table = format!("{rule}\n{}{rule}\n", line(headings));
    for row in rows {
        let cells: Vec<&str> = row.as_ref().iter().map(String::as_str).collect();
        table.push_str(&line(&cells));
    }
    table.push_str(&format!("{rule}\n"));
    table
}

/// Backslash-escapes the characters that start inline markup (`*emphasis*`, ``` ``code`` ```,
/// `|substitution|`, `reference_`), so a description reads as written.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        if matches!(character, '\\' | '*' | '`' | '|' | '_') {
            escaped.push('\\');
        }
        escaped.push(if character == '\n' { ' ' } else { character });
    }
    escaped
}
