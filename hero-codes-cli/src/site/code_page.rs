//! The page of one code: what a client that receives it needs to know, as rustc's error
//! index gives a page to each error code.

use hero_codes_catalog::{CatalogFile, CodeEntry, RetiredCode, error_body_json};

use super::{Definition, Pages, SITE_STYLE, State, page_path};
use crate::table::html::{self, escape, status_badge};

/// The page of `code`, with one part per file that defines it (one, unless files share a
/// catalog); `pages` tells which codes a deprecation note may link to.
pub(super) fn render(code: &str, definitions: &[Definition], pages: &Pages) -> String {
    let name = match &definitions[0].state {
        State::Active(entry) => &entry.name.value,
        State::Retired(retired) => &retired.name.value,
    };
    let catalog = &definitions[0].catalog.name.value;
    let mut body = format!(
        "<nav><a href=\"../index.html\">All result codes</a> › {}</nav>\n",
        escape(catalog)
    );
    for definition in definitions {
        if definitions.len() > 1 {
            body.push_str(&format!(
                "<h2>In {}</h2>\n",
                escape(&definition.service.origin)
            ));
        }
        body.push_str(&match definition.state {
            State::Active(entry) => active(definition, entry, pages),
            State::Retired(retired) => self::retired(definition, retired),
        });
    }
    let file = &definitions[0].service.file;
    html::page(language(file), &format!("{code} {name}"), SITE_STYLE, &body)
}

/// The language of `file`'s pages: its first locale; Chinese, the built-in catalog's, when
/// it declares none.
pub(super) fn language(file: &CatalogFile) -> &str {
    file.locale_tags().first().copied().unwrap_or("zh")
}

/// A code in service: its status, descriptions, error body and deprecation.
fn active(definition: &Definition, entry: &CodeEntry, pages: &Pages) -> String {
    let file = &definition.service.file;
    let catalog = definition.catalog;
    let mut html = format!("<p class=\"lead\">{}</p>\n", escape(&entry.desc.value));
    if let Some(note) = &entry.deprecated {
        html.push_str(&format!(
            "<p><span class=\"badge s1\">deprecated</span> {}</p>\n",
            link_codes(&note.value, &catalog.name.value, &entry.code.value, pages)
        ));
    }
    html.push_str("<dl>\n");
    let status = entry.status.value;
    let meaning = file
        .http_status(status)
        .map(|row| {
            format!(
                " {}: {}",
                escape(&row.reason.value),
                escape(&row.meaning.value)
            )
        })
        .unwrap_or_default();
    html.push_str(&format!(
        "<dt>HTTP status</dt><dd>{}{meaning}</dd>\n<dt>gRPC status</dt><dd><code>{}</code></dd>\n",
        status_badge(file, status),
        catalog.grpc_of(entry).name()
    ));
    html.push_str(&facts(definition));
    if let Some(note) = entry.retry_note() {
        html.push_str(&format!("<dt>Retry</dt><dd>{}</dd>\n", escape(note)));
    }
    let answers: Vec<String> = catalog
        .failures
        .iter()
        .flatten()
        .filter(|failure| failure.code.value == entry.code.value)
        .map(|failure| {
            let kind = failure.kind.value;
            format!("{} (<code>{}</code>)", escape(kind.summary()), kind.key())
        })
        .collect();
    if !answers.is_empty() {
        html.push_str(&format!(
            "<dt>Answers</dt><dd>{}</dd>\n",
            answers.join("; ")
        ));
    }
    html.push_str("</dl>\n");
    html.push_str(&documentation(entry));
    html.push_str(&descriptions(file, entry));
    let is_success = catalog
        .success()
        .is_some_and(|success| success.code.value == entry.code.value);
    if !is_success {
        html.push_str(&format!(
            "<h2>Error body</h2>\n<pre><code>{}</code></pre>\n",
            escape(&error_body_json(
                &file.envelope,
                &entry.code.value,
                &entry.desc.value
            ))
        ));
    }
    html
}

/// A retired code: why, and the name it had.
fn retired(definition: &Definition, retired: &RetiredCode) -> String {
    format!(
        "<p class=\"lead\"><span class=\"badge s1\">retired</span> {}</p>\n<p>No longer answered, and never to be given another meaning in {}.</p>\n<dl>\n{}</dl>\n",
        escape(&retired.reason.value),
        escape(&definition.catalog.name.value),
        facts(definition)
    )
}

/// Where the code comes from: its catalog, the file (the service) it is defined in, the
/// shared file the catalog is included from and the catalog's owner, when it has them.
fn facts(definition: &Definition) -> String {
    let catalog = definition.catalog;
    let doc = catalog
        .doc
        .as_ref()
        .map(|doc| format!(": {}", escape(&doc.value)))
        .unwrap_or_default();
    let mut html = format!(
        "<dt>Catalog</dt><dd><code>{}</code>{doc}</dd>\n<dt>Service</dt><dd>{}</dd>\n",
        escape(&catalog.name.value),
        escape(&definition.service.origin)
    );
    if let Some(shared) = &catalog.file {
        html.push_str(&format!(
            "<dt>Included from</dt><dd>{}</dd>\n",
            escape(shared)
        ));
    }
    if let Some(owner) = &catalog.owner {
        let about = definition
            .service
            .file
            .owners
            .iter()
            .find(|declared| declared.name.value == owner.value)
            .and_then(|declared| declared.doc.as_ref())
            .map(|doc| format!(": {}", escape(&doc.value)))
            .unwrap_or_default();
        html.push_str(&format!(
            "<dt>Owner</dt><dd><code>{}</code>{about}</dd>\n",
            escape(&owner.value)
        ));
    }
    html
}

/// The code's long documentation (`doc` or `doc_file`), one paragraph per block of lines,
/// as written: the Markdown reads as text.
fn documentation(entry: &CodeEntry) -> String {
    let Some(doc) = &entry.doc else {
        return String::new();
    };
    let paragraphs: String = doc
        .value
        .split("\n\n")
        .map(str::trim)
        .filter(|paragraph| !paragraph.is_empty())
        .map(|paragraph| format!("<p>{}</p>\n", escape(paragraph)))
        .collect();
    format!("<h2>Documentation</h2>\n{paragraphs}")
}

/// The description in every locale of the file.
fn descriptions(file: &CatalogFile, entry: &CodeEntry) -> String {
    let locales = file.locale_tags();
    let mut html = String::from(
        "<h2>Descriptions</h2>\n<table>\n<thead><tr><th>Locale</th><th>Description</th></tr></thead>\n<tbody>\n",
    );
    if locales.is_empty() {
        html.push_str(&format!(
            "<tr><td>default</td><td>{}</td></tr>\n",
            escape(&entry.desc.value)
        ));
    }
    for (index, locale) in locales.iter().enumerate() {
        html.push_str(&format!(
            "<tr><td><code>{0}</code></td><td lang=\"{0}\">{1}</td></tr>\n",
            escape(locale),
            escape(entry.desc_in(index))
        ));
    }
    html.push_str("</tbody>\n</table>\n");
    html
}

/// `note` with each code of `catalog` it names (but `own`) linked to that code's page:
/// `use 10105` links 10105.
fn link_codes(note: &str, catalog: &str, own: &str, pages: &Pages) -> String {
    let mut html = String::new();
    let mut word = String::new();
    let flush = |word: &mut String, html: &mut String| {
        if !word.is_empty() && word != own && pages.contains_key(&(catalog, word.as_str())) {
            html.push_str(&format!(
                "<a href=\"../{}\">{}</a>",
                escape(&page_path(catalog, word)),
                escape(word)
            ));
        } else {
            html.push_str(&escape(word));
        }
        word.clear();
    };
    for character in note.chars() {
        if character.is_alphanumeric() || character == '-' || character == '_' {
            word.push(character);
        } else {
            flush(&mut word, &mut html);
            html.push_str(&escape(&character.to_string()));
        }
    }
    flush(&mut word, &mut html);
    html
}
