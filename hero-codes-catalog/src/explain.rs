//! A code explained in full, as `rustc --explain` explains an error code: the page that
//! `hero-codes explain CODE` prints.

use crate::model::{Catalog, CatalogFile, CodeEntry, RetiredCode};

/// The Markdown page of `entry`, a code of `catalog` in `file`: its catalog and variant,
/// HTTP status, description in every locale, whether retrying helps, deprecation, owner,
/// the file it comes from, and its long documentation.
///
/// ```
/// let text = r#"locales = ["zh", "en"]
/// [owners.platform]
/// ranges = [[10000, 10599]]
///
/// [catalogs.App]
/// owner = "platform"
/// codes = [
///     { code = "0", name = "Ok", status = 200, desc = "成功", en = "Success" },
///     { code = "10503", name = "Busy", status = 503, desc = "服务繁忙", en = "Busy", retryable = true, doc = "Wait a second and send the request again." },
/// ]"#;
/// let file = hero_codes_catalog::CatalogFile::parse(text, "codes.toml").unwrap();
/// let catalog = &file.catalogs[0];
/// assert_eq!(
///     hero_codes_catalog::explain(&file, catalog, &catalog.codes[1]),
///     "\
/// ## 10503: App::Busy
///
/// HTTP 503 · owned by `platform`
///
/// - zh: 服务繁忙
/// - en: Busy
///
/// Retrying can help: the same request may succeed later.
///
/// Wait a second and send the request again.
/// "
/// );
/// ```
pub fn explain(file: &CatalogFile, catalog: &Catalog, entry: &CodeEntry) -> String {
    let mut page = format!(
        "# {}: {}::{}\n\n{}\n\n",
        entry.code.value,
        catalog.name.value,
        entry.name.value,
        facts(file, catalog, entry)
    );
    let locales = file.locale_tags();
    match locales.as_slice() {
        [] | [_] => page.push_str(&format!("{}\n", entry.desc.value)),
        tags => {
            for (index, locale) in tags.iter().enumerate() {
                page.push_str(&format!("- {locale}: {}\n", entry.desc_in(index)));
            }
        }
    }
    let deprecated = entry
        .deprecated
        .as_ref()
        .map(|note| format!("Deprecated: {}", note.value));
    let doc = entry.doc.as_ref().map_or_else(
        || {
            "No documentation yet: add `doc = \"\"\"...\"\"\"` or `doc_file = \"...\"` to its line."
                .to_owned()
        },
        |doc| doc.value.trim().to_owned(),
    );
    let paragraphs = deprecated
        .into_iter()
        .chain(entry.retry_note().map(str::to_owned))
        .chain([doc]);
    for paragraph in paragraphs {
        page.push_str(&format!("\n{paragraph}\n"));
    }
    page
}

/// The page of a code `catalog` retired: its old name and why, so an old answer a client
/// still holds is explained.
///
/// ```
/// let text = r#"[catalogs.App]
/// codes = [{ code = "0", name = "Ok", status = 200, desc = "成功" }]
/// retired = [{ code = "7", name = "Legacy", reason = "the v1 API is gone" }]"#;
/// let file = hero_codes_catalog::CatalogFile::parse(text, "codes.toml").unwrap();
/// let catalog = &file.catalogs[0];
/// assert_eq!(
///     hero_codes_catalog::explain_retired(catalog, &catalog.retired[0]),
///     "# 7: App::Legacy (retired)\n\nRetired: the v1 API is gone\n\nNo longer answered, and never to be given another meaning in App.\n"
/// );
/// ```
pub fn explain_retired(catalog: &Catalog, retired: &RetiredCode) -> String {
    format!(
        "# {}: {}::{} (retired)\n\nRetired: {}\n\nNo longer answered, and never to be given another meaning in {}.\n",
        retired.code.value,
        catalog.name.value,
        retired.name.value,
        retired.reason.value,
        catalog.name.value
    )
}

/// `HTTP 404 NOT FOUND (请求的资源不存在) · owned by `platform` · from shared/spec.toml`.
fn facts(file: &CatalogFile, catalog: &Catalog, entry: &CodeEntry) -> String {
    let status = entry.status.value;
    let reason = file
        .http_status(status)
        .map_or_else(String::new, |row| format!(" {}", row.summary()));
    let owner = catalog
        .owner
        .as_ref()
        .map(|owner| format!("owned by `{}`", owner.value));
    let from = catalog.file.as_ref().map(|origin| format!("from {origin}"));
    std::iter::once(format!("HTTP {status}{reason}"))
        .chain(owner)
        .chain(from)
        .collect::<Vec<_>>()
        .join(" · ")
}
