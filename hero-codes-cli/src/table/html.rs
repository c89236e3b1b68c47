//! One standalone web page: a table per catalog, a search box that filters the rows by
//! code, name or description as one types, statuses as coloured badges. Styles and script
//! are inline, so the page opens offline, from a file, or attached to a mail.

use hero_codes_catalog::{CODE_TABLE_HEADINGS, CatalogFile, code_table_headings};

/// The page around the tables: `{title}` and `{tables}` are filled in. The script hides the
/// rows whose `data-search` text does not contain every word typed, and a table with no row
/// left, and says how many codes are shown.
const PAGE: &str = r#"<!DOCTYPE html>
<html lang="zh">
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
</style>
</head>
<body>
<h1>{title}</h1>
<input type="search" id="search" placeholder="Search by code, name or description" autofocus>
<p id="count"></p>
{tables}<script>
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
</body>
</html>
"#;

pub(super) fn render(file: &CatalogFile) -> String {
    let mut tables = String::new();
    for catalog in &file.catalogs {
        tables.push_str(&format!(
            "<section id=\"{0}\">\n<h2>{0}</h2>\n",
            escape(&catalog.name.value)
        ));
        if let Some(doc) = &catalog.doc {
            tables.push_str(&format!("<p>{}</p>\n", escape(&doc.value)));
        }
        tables.push_str("<table>\n<thead><tr>");
        let locales = file.locale_tags();
        let headings = code_table_headings(locales.get(1..).unwrap_or_default());
        // The headings after the default description are one per other locale.
        let languages = [None; CODE_TABLE_HEADINGS.len() + 1]
            .into_iter()
            .chain(locales.iter().skip(1).map(Some));
        for (heading, language) in headings.iter().zip(languages) {
            match language {
                Some(locale) => tables.push_str(&format!("<th lang=\"{}\">", escape(locale))),
                None => tables.push_str("<th>"),
            }
            tables.push_str(&escape(heading));
            tables.push_str("</th>");
        }
        tables.push_str("</tr></thead>\n<tbody>\n");
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
            tables.push_str(&format!(
                "<tr data-search=\"{}\"><td class=\"code\">{}</td><td class=\"name\">{}</td><td><span class=\"badge s{}\" title=\"{}\">{status}</span></td><td class=\"grpc\">{}</td><td>{}</td>{translations}</tr>\n",
                escape(&search.to_lowercase()),
                escape(code),
                escape(name),
                status / 100,
                escape(&reason(file, status)),
                catalog.grpc_of(entry).name(),
                escape(desc)
            ));
        }
        tables.push_str("</tbody>\n</table>\n</section>\n");
    }
    PAGE.replace("{title}", "Result codes")
        .replace("{tables}", &tables)
}

/// What the HTTP status table says of `status`, for the badge's tooltip.
fn reason(file: &CatalogFile, status: u16) -> String {
    file.http_statuses
        .iter()
        .find(|row| row.status.value == status)
        .map_or_else(
            || format!("HTTP {status}"),
            |row| format!("HTTP {status} {}: {}", row.reason.value, row.meaning.value),
        )
}

/// Text for an element's content or a quoted attribute.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
