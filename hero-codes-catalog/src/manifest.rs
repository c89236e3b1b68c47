//! The catalog file a crate declares once, in its `Cargo.toml`:
//!
//! ```toml
//! [package.metadata.hero-codes]
//! catalog = "api/codes.toml"
//! ```
//!
//! Every `#[derive(ApiError)]` of the crate and `include_catalog!()` read that file. Cargo
//! rebuilds a crate when its `Cargo.toml` changes, so declaring a new catalog file is seen
//! by the next build; a new file that nobody declares could not be.

use std::sync::{Mutex, PoisonError};

use crate::suggest::closest;

/// The keys of `[package.metadata.hero-codes]`.
const METADATA_KEYS: &[&str] = &["catalog"];

/// The catalog path that the manifest text `manifest` declares, relative to the manifest,
/// or `None` if it declares none.
///
/// ```
/// use hero_codes_catalog::declared_catalog;
///
/// let manifest = "[package]\nname = \"app\"\n\n[package.metadata.hero-codes]\ncatalog = \"api/codes.toml\"\n";
/// assert_eq!(declared_catalog(manifest), Ok(Some("api/codes.toml".to_owned())));
/// assert_eq!(declared_catalog("[package]\nname = \"app\"\n"), Ok(None));
/// assert_eq!(
///     declared_catalog("[package.metadata.hero-codes]\ncatalogue = \"codes.toml\"\n"),
///     Err("unknown key `catalogue` in [package.metadata.hero-codes]: did you mean `catalog`?".to_owned())
/// );
/// ```
///
/// # Errors
/// A message for a `[package.metadata.hero-codes]` table that is not one, with unknown
/// keys, or whose `catalog` is not a non-empty string. A manifest that is not TOML declares
/// nothing here: cargo reports it before any macro runs.
pub fn declared_catalog(manifest: &str) -> Result<Option<String>, String> {
    // Every macro of a crate reads the same manifest, and parsing it as TOML costs far
    // more than reading it: the last text and its answer are kept for the next call.
    static LAST: Mutex<Option<(String, Declared)>> = Mutex::new(None);
    let mut last = LAST.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((text, answer)) = last.as_ref()
        && text == manifest
    {
        return answer.clone();
    }
    let answer = parse_declared_catalog(manifest);
    *last = Some((manifest.to_owned(), answer.clone()));
    answer
}

/// What a manifest declares: the catalog's path if any, or what is wrong.
type Declared = Result<Option<String>, String>;

fn parse_declared_catalog(manifest: &str) -> Declared {
    let Ok(manifest) = manifest.parse::<toml::Table>() else {
        return Ok(None);
    };
    let Some(metadata) = manifest
        .get("package")
        .and_then(|package| package.get("metadata"))
        .and_then(|metadata| metadata.get("hero-codes"))
    else {
        return Ok(None);
    };
    let Some(table) = metadata.as_table() else {
        return Err(
            "[package.metadata.hero-codes] must be a table: write `catalog = \"codes.toml\"` under it"
                .to_owned(),
        );
    };
    if let Some(unknown) = table
        .keys()
        .find(|key| !METADATA_KEYS.contains(&key.as_str()))
    {
        let hint = match closest(unknown, METADATA_KEYS.iter().copied()) {
            Some(near) => format!("did you mean `{near}`?"),
            None => "the only key is `catalog`".to_owned(),
        };
        return Err(format!(
            "unknown key `{unknown}` in [package.metadata.hero-codes]: {hint}"
        ));
    }
    match table.get("catalog") {
        None => Ok(None),
        Some(toml::Value::String(path)) if !path.trim().is_empty() => Ok(Some(path.clone())),
        Some(_) => Err(
            "`catalog` in [package.metadata.hero-codes] must be the path of the catalog file, relative to Cargo.toml: `catalog = \"codes.toml\"`"
                .to_owned(),
        ),
    }
}
