//! One standalone web page: a table per catalog, a search box that filters the rows by
//! code, name or description as one types, statuses as coloured badges. Styles and script
//! are inline, so the page opens offline, from a file, or attached to a mail.
//!
//! Its parts (the page, the search box and its script, a catalog's table) are the pieces
//! the pages of `hero-codes site` are made of too.

use hero_codes_catalog::{CODE_TABLE_HEADINGS, Catalog, CatalogFile, code_table_headings};

/// A page: `{lang}`, `{title}`, `{style}` (styles of its own after the shared ones) and `{body}` are
/// filled in.
const PAGE: &str = r#"<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="hero-codes">
<title>{title}</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1f2328; }
  h1 { font-size: 1.5rem; }
  h2 { font-size: 1.2rem; margin-top: 2rem; }
  input[type=search] { width: 100%; box-sizing: border-box; font-size: 1rem; padding: .5rem .75rem; border: 1px solid #8c959f; border-radius: 6px; }
  #count { color: #59636e; margin: .5rem 0 0; }
  table { border-collapse: collapse; width: 100%; margin-top: .5rem; }
  th, td { text-align: left; padding: .35rem .75rem; border-bottom: 1px solid #d1d9e0; }
  th { background: #f6f8fa; }
  td.code, td.name { font-family: ui-monospace, monospace; }
  .badge { display: inline-block; min-width: 2.5rem; text-align: center; padding: .1rem .5rem; border-radius: 1rem; font-weight: 600; font-size: .85rem; color: #fff; }
  .s2 { background: #1a7f37; } .s3 { background: #0969da; } .s4 { background: #bf8700; } .s5 { background: #cf222e; } .s1 { background: #59636e; }
  [hidden] { display: none; }
{style}</style>
</head>
<body>
<h1>{title}</h1>
{body}</body>
</html>
"#;

/// The search box and the line that counts the codes it shows; [`SEARCH_SCRIPT`] makes
/// them work.
pub(crate) const SEARCH_BOX: &str = r#"<input type="search" id="search" placeholder="Search by code, name or description" autofocus>
<p id="count"></p>
"#;

/// Hides the rows whose `data-search` text does not contain every word typed, and a
/// section with no row left, and says how many codes are shown.
pub(crate) const SEARCH_SCRIPT: &str = r#"<script>
  const search = document.getElementById("search");
  const count = document.getElementById("count");
  const rows = [...document.querySelectorAll("tr[data-search]")];
  function filter() {
    const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const row of rows) {
      row.hidden = !words.every((word) => row.dataset.search.includes(word));
      if (!row.hidden) shown++;
    }
    for (const section of document.querySelectorAll("section")) {
      section.hidden = !section.querySelector("tr[data-search]:not([hidden])");
    }
    count.textContent = shown + " of " + rows.length + " codes";
  }
  search.addEventListener("input", filter);
  filter();
</script>
"#;

pub(super) fn render(file: &CatalogFile) -> String {
    let tables: String = file
        .catalogs
        .iter()
        .map(|catalog| {
            let name = escape(&catalog.name.value);
            let section = Section {
                id: &catalog.name.value,
                heading: name,
                href: &|_| None,
                lifecycle: false,
            };
            catalog_section(file, catalog, &section)
        })
        .collect();
    page(
        "zh",
        "Result codes",
        "",
        &format!("{SEARCH_BOX}{tables}{SEARCH_SCRIPT}"),
    )
}

/// A whole page in the language `lang`: the shared styles and `style`, `title` as its title
/// and first heading, then `body`.
pub(crate) fn page(lang: &str, title: &str, style: &str, body: &str) -> String {
    PAGE.replace("{lang}", &escape(lang))
        .replace("{title}", &escape(title))
        .replace("{style}", style)
        .replace("{body}", body)
}

/// How [`catalog_section`] lays a catalog out.
pub(crate) struct Section<'a> {
    /// The section's `id`, unique in the page.
    pub(crate) id: &'a str,
    /// The section's heading, as HTML.
    pub(crate) heading: String,
    /// The link of a code's cell, if it has one.
    pub(crate) href: &'a dyn Fn(&str) -> Option<String>,
    /// Whether to mark deprecated codes and list retired ones too.
    pub(crate) lifecycle: bool,
}

/// A catalog's `<section>`: its heading, its doc and a table of its codes, each row with
/// the text the search box looks in.
pub(crate) fn catalog_section(file: &CatalogFile, catalog: &Catalog, section: &Section) -> String {
    let mut html = format!(
        "<section id=\"{}\">\n<h2>{}</h2>\n",
        escape(section.id),
        section.heading
    );
    if let Some(doc) = &catalog.doc {
        html.push_str(&format!("<p>{}</p>\n", escape(&doc.value)));
    }
    html.push_str("<table>\n<thead><tr>");
    let locales = file.locale_tags();
    let headings = code_table_headings(locales.get(1..).unwrap_or_default());
    // The headings after the default description are one per other locale.
    let languages = [None; CODE_TABLE_HEADINGS.len() + 1]
        .into_iter()
        .chain(locales.iter().skip(1).map(Some));
    for (heading, language) in headings.iter().zip(languages) {
        match language {
            Some(locale) => html.push_str(&format!("<th lang=\"{}\">", escape(locale))),
            None => html.push_str("<th>"),
        }
        html.push_str(&escape(heading));
        html.push_str("</th>");
    }
    html.push_str("</tr></thead>\n<tbody>\n");
    for entry in &catalog.codes {
        let (code, name, status, desc) = (
            &entry.code.value,
            &entry.name.value,
            entry.status.value,
            &entry.desc.value,
        );
        // The search box finds a code by its text in any locale.
        let mut search = format!("{code} {name} {desc}");
        let mut translations = String::new();
        for (locale, text) in &entry.translations {
            search.push_str(&format!(" {}", text.value));
            translations.push_str(&format!(
                "<td lang=\"{}\">{}</td>",
                escape(locale),
                escape(&text.value)
            ));
        }
        let mut name = escape(name);
        if section.lifecycle && entry.deprecated.is_some() {
            search.push_str(" deprecated");
            name.push_str(" <span class=\"badge s1\">deprecated</span>");
        }
        html.push_str(&format!(
            "<tr data-search=\"{}\"><td class=\"code\">{}</td><td class=\"name\">{name}</td><td>{}</td><td class=\"grpc\">{}</td><td>{}</td>{translations}</tr>\n",
            escape(&search.to_lowercase()),
            code_cell(code, section),
            status_badge(file, status),
            catalog.grpc_of(entry).name(),
            escape(desc)
        ));
    }
    if section.lifecycle {
        html.push_str(&retired_rows(catalog, section, locales.len()));
    }
    html.push_str("</tbody>\n</table>\n</section>\n");
    html
}

/// A row per retired code: its former name, a `retired` badge and its reason.
fn retired_rows(catalog: &Catalog, section: &Section, locales: usize) -> String {
    let empty_cells = "<td></td>".repeat(locales.saturating_sub(1));
    catalog
        .retired
        .iter()
        .map(|retired| {
            let (code, name, reason) = (
                &retired.code.value,
                &retired.name.value,
                &retired.reason.value,
            );
            format!(
                "<tr data-search=\"{}\"><td class=\"code\">{}</td><td class=\"name\">{}</td><td><span class=\"badge s1\">retired</span></td><td></td><td>{}</td>{empty_cells}</tr>\n",
                escape(&format!("{code} {name} retired {reason}").to_lowercase()),
                code_cell(code, section),
                escape(name),
                escape(reason)
            )
        })
        .collect()
}

/// A code, linked when the section links codes.
fn code_cell(code: &str, section: &Section) -> String {
    match (section.href)(code) {
        Some(href) => format!("<a href=\"{}\">{}</a>", escape(&href), escape(code)),
        None => escape(code),
    }
}

/// `status` as a coloured badge, with what the HTTP status table says of it as its tooltip.
pub(crate) fn status_badge(file: &CatalogFile, status: u16) -> String {
    format!(
        "<span class=\"badge s{}\" title=\"{}\">{status}</span>",
        status / 100,
        escape(&reason(file, status))
    )
}

/// What the HTTP status table says of `status`.
pub(crate) fn reason(file: &CatalogFile, status: u16) -> String {
    file.http_status(status).map_or_else(
        || format!("HTTP {status}"),
        |row| format!("HTTP {status} {}: {}", row.reason.value, row.meaning.value),
    )
}

/// Text for an element's content or a quoted attribute.
pub(crate) fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
