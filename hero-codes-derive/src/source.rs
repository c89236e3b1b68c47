//! The catalog file a macro reads. Finding and reading it is the loader's
//! (`hero_codes_catalog::Located`, which the command uses too); this module keeps what is
//! the macros' own: a per-process cache of checked files, reporting a file's problems once
//! per build, and turning them into compile errors at a span.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use hero_codes_catalog::{CatalogFile, Choice, Error, Located, Problem, Source};

/// A checked catalog file, how messages name it, and the absolute paths of the files
/// whose change must rebuild the crate (see `Source::tracked`).
pub(crate) struct Loaded {
    pub(crate) file: Arc<CatalogFile>,
    pub(crate) origin: String,
    pub(crate) tracked: Vec<PathBuf>,
}

/// Why a macro has no catalog: the compile errors to emit, or `None` when another macro of
/// this build already reported the same problems (the macro then emits its fallback only).
pub(crate) struct NotLoaded(pub(crate) Option<syn::Error>);

/// Loads the file named by `path`, relative to the manifest of the crate being compiled.
///
/// Relative to `CARGO_MANIFEST_DIR`, read now (at expansion time), as sqlx does: the working
/// directory of rustc is not the crate's. Messages name the file as written in the
/// invocation, so they read the same on every machine and inside trybuild.
pub(crate) fn load(path: &syn::LitStr, owner: &str) -> Result<Loaded, NotLoaded> {
    let written = path.value();
    let absolute = manifest_dir(path.span())?.join(&written);
    load_located(Ok(Located::named(absolute, &written)), path.span(), owner)
}

/// The crate's own catalog, as the loader finds it (`Located::in_crate`): the file its
/// `Cargo.toml` declares, an error for a `codes.toml` it does not declare, else the
/// built-in catalog.
pub(crate) fn load_crate_catalog(
    span: proc_macro2::Span,
    owner: &str,
) -> Result<Loaded, NotLoaded> {
    let dir = manifest_dir(span)?;
    load_located(Located::in_crate(&dir, &dir), span, owner)
}

/// The catalog file the crate's `Cargo.toml` declares, for `include_catalog!()`.
pub(crate) fn load_declared_only(
    span: proc_macro2::Span,
    owner: &str,
) -> Result<Loaded, NotLoaded> {
    let dir = manifest_dir(span)?;
    let located = Located::in_crate(&dir, &dir);
    if let Ok(Located {
        choice: Choice::BuiltIn { .. },
        ..
    }) = located
    {
        return Err(NotLoaded(Some(syn::Error::new(
            span,
            "this crate's Cargo.toml declares no catalog file: declare it as\n[package.metadata.hero-codes]\ncatalog = \"codes.toml\"\nor name the file: include_catalog!(\"codes.toml\")",
        ))));
    }
    load_located(located, span, owner)
}

fn load_located(
    located: Result<Located, Error>,
    span: proc_macro2::Span,
    owner: &str,
) -> Result<Loaded, NotLoaded> {
    let failed =
        |error: Error| NotLoaded(first_report(&error, owner).then(|| to_syn_error(&error, span)));
    let source = located.and_then(Located::read).map_err(failed)?;
    let tracked = source.tracked();
    let origin = source.located.origin.clone();
    let file = checked(source).map_err(failed)?;
    Ok(Loaded {
        file,
        origin,
        tracked,
    })
}

/// Checks a file once per compiler run however many macros read it: the checked file is
/// kept with the texts it came from (file and lock), and reused while they are the same (a
/// long-lived process such as rust-analyzer sees edits).
fn checked(source: Source) -> Result<Arc<CatalogFile>, Error> {
    type Cache = Mutex<HashMap<Option<PathBuf>, (Source, Result<Arc<CatalogFile>, Error>)>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();

    let mut cache = CACHE
        .get_or_init(Cache::default)
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    let key = source.located.path.clone();
    match cache.get(&key) {
        Some((cached, checked)) if *cached == source => checked.clone(),
        _ => {
            let checked = source.check().map(Arc::new);
            cache.insert(key, (source, checked.clone()));
            checked
        }
    }
}

/// Whether the macro invocation `owner` reports `error`: the first invocation of a build
/// to meet a problem does, every later one stays silent, so one mistake in a file is one
/// error, not one per macro that reads it. The record is per process (rustc compiles one
/// crate per process) and keyed on the crate, the problems and the file's text, so that
/// rust-analyzer, whose process lives on, reports again after an edit, and the invocation
/// that reported first keeps reporting when it is expanded again.
fn first_report(error: &Error, owner: &str) -> bool {
    static REPORTED: OnceLock<Mutex<HashMap<u64, String>>> = OnceLock::new();

    let mut hasher = DefaultHasher::new();
    std::env::var_os("CARGO_MANIFEST_DIR").hash(&mut hasher);
    std::env::var_os("CARGO_CRATE_NAME").hash(&mut hasher);
    error.to_string().hash(&mut hasher);
    error.text().hash(&mut hasher);
    let mut reported = REPORTED
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    reported
        .entry(hasher.finish())
        .or_insert_with(|| owner.to_owned())
        == owner
}

fn manifest_dir(span: proc_macro2::Span) -> Result<PathBuf, NotLoaded> {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .ok_or_else(|| {
            NotLoaded(Some(syn::Error::new(
                span,
                "CARGO_MANIFEST_DIR is not set: build this crate with cargo",
            )))
        })
}

/// Every problem of `error` as one compile error each, all at `span`.
pub(crate) fn to_syn_error(error: &Error, span: proc_macro2::Span) -> syn::Error {
    let mut errors = error
        .problems()
        .iter()
        .map(|problem| syn::Error::new(span, message(error, problem)));
    let mut combined = errors
        .next()
        .unwrap_or_else(|| syn::Error::new(span, error.to_string()));
    for next in errors {
        combined.combine(next);
    }
    combined
}

/// The problem's line, `file:line:column: message`, then the line of the file it is about
/// with a caret under the mistake: a macro cannot point into the TOML file, but it can quote
/// it, so the user sees the line without opening the file.
fn message(error: &Error, problem: &Problem) -> String {
    match error.quote(problem) {
        Some(quote) => format!("{}\n{quote}", error.render(problem)),
        None => error.render(problem),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_checked_once_while_its_text_stays_the_same() {
        let dir = std::env::temp_dir().join(format!("hero-codes-cache-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("codes.toml");
        let text = "[catalogs.AppCode]\ncodes = [\n    { code = \"0\", name = \"Ok\", status = 200, desc = \"成功\" },\n]\n";
        std::fs::write(&path, text).unwrap();
        let load = || checked(Located::named(path.clone(), "codes.toml").read().unwrap()).unwrap();

        let first = load();
        let again = load();
        assert!(
            Arc::ptr_eq(&first, &again),
            "the second read reuses the check"
        );

        std::fs::write(&path, text.replace("成功", "好")).unwrap();
        let edited = load();
        assert!(!Arc::ptr_eq(&first, &edited), "an edit is checked anew");
        assert_eq!(edited.catalogs[0].codes[0].desc.value, "好");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_same_problems_are_reported_by_their_first_reader_only() {
        let broken = |text: &str| CatalogFile::parse(text, "codes.toml").unwrap_err();
        let error = broken("[catalogs.A]\ncodes = 1\n");
        assert!(first_report(&error, "include_catalog!"));
        assert!(!first_report(&error, "derive(ApiError) for ShopError"));
        assert!(
            first_report(&error, "include_catalog!"),
            "expanded again, it reports again"
        );

        // An edit that leaves a problem is reported again.
        let edited = broken("[catalogs.A]\ncodes = 2\n");
        assert!(first_report(&edited, "derive(ApiError) for ShopError"));
    }
}
