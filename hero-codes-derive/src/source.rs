//! Finds, loads and caches the catalog file a macro reads.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use hero_codes_catalog::{
    BUILTIN_ORIGIN, CatalogFile, Error, Lock, Problem, declared_catalog, lock_path,
};

/// A checked catalog file, how messages name it, and the absolute paths of the files
/// whose change must rebuild the crate: the catalog file (not for the built-in one, which
/// reaches the macro through `hero-codes-catalog`) and, when the crate's `Cargo.toml` chose
/// it, that manifest.
pub(crate) struct Loaded {
    pub(crate) file: Arc<CatalogFile>,
    pub(crate) origin: String,
    pub(crate) tracked: Vec<PathBuf>,
}

/// Loads the file named by `path`, relative to the manifest of the crate being compiled.
///
/// Relative to `CARGO_MANIFEST_DIR`, read now (at expansion time), as sqlx does: the working
/// directory of rustc is not the crate's. Messages name the file as written in the
/// invocation, so they read the same on every machine and inside trybuild.
pub(crate) fn load(path: &syn::LitStr) -> Result<Loaded, syn::Error> {
    let written = path.value();
    let absolute = manifest_dir(path.span())?.join(&written);
    load_file(&absolute, &written).map_err(|error| to_syn_error(&error, path.span()))
}

/// The crate's own catalog: the file its `Cargo.toml` declares in
/// `[package.metadata.hero-codes] catalog = "..."`, else the built-in catalog. Never the
/// built-in one while the crate holds a `codes.toml` it does not declare: that is an error
/// naming the file, not a silent fallback.
pub(crate) fn load_crate_catalog(span: proc_macro2::Span) -> Result<Loaded, syn::Error> {
    let (declared, manifest) = load_declared(span)?;
    let mut loaded = match declared {
        Some(loaded) => loaded,
        None => builtin(span)?,
    };
    // Declaring a catalog later edits Cargo.toml: the next build must see it.
    loaded.tracked.push(manifest);
    Ok(loaded)
}

/// The catalog file the crate's `Cargo.toml` declares, for `include_catalog!()`.
pub(crate) fn load_declared_only(span: proc_macro2::Span) -> Result<Loaded, syn::Error> {
    match load_declared(span)? {
        (Some(mut loaded), manifest) => {
            loaded.tracked.push(manifest);
            Ok(loaded)
        }
        (None, _) => Err(syn::Error::new(
            span,
            "this crate's Cargo.toml declares no catalog file: declare it as\n[package.metadata.hero-codes]\ncatalog = \"codes.toml\"\nor name the file: include_catalog!(\"codes.toml\")",
        )),
    }
}

/// The declared catalog, if any, and the path of the manifest that was read.
fn load_declared(span: proc_macro2::Span) -> Result<(Option<Loaded>, PathBuf), syn::Error> {
    let dir = manifest_dir(span)?;
    let manifest = dir.join("Cargo.toml");
    let text = std::fs::read_to_string(&manifest)
        .map_err(|error| syn::Error::new(span, format!("cannot read Cargo.toml: {error}")))?;
    let declared = declared_catalog(&text)
        .map_err(|message| syn::Error::new(span, format!("Cargo.toml: {message}")))?;
    let loaded = match declared {
        Some(written) => Some(
            load_file(&dir.join(&written), &written).map_err(|error| to_syn_error(&error, span))?,
        ),
        None => match undeclared_catalog_file(&dir) {
            Some(undeclared) => {
                return Err(syn::Error::new(
                    span,
                    format!(
                        "this crate has a catalog file, `{undeclared}`, but its Cargo.toml does not declare it: declare it in Cargo.toml as\n[package.metadata.hero-codes]\ncatalog = \"{undeclared}\""
                    ),
                ));
            }
            None => None,
        },
    };
    Ok((loaded, manifest))
}

fn builtin(span: proc_macro2::Span) -> Result<Loaded, syn::Error> {
    static BUILTIN: OnceLock<Result<Arc<CatalogFile>, Error>> = OnceLock::new();
    let builtin = BUILTIN.get_or_init(|| CatalogFile::builtin().map(Arc::new));
    match builtin {
        Ok(file) => Ok(Loaded {
            file: Arc::clone(file),
            origin: BUILTIN_ORIGIN.to_owned(),
            tracked: Vec::new(),
        }),
        Err(error) => Err(to_syn_error(error, span)),
    }
}

/// A `codes.toml` inside the crate (beside `Cargo.toml` or a few folders down, not in
/// `target`, hidden folders or other packages), relative to the crate, `/`-separated.
fn undeclared_catalog_file(crate_dir: &Path) -> Option<String> {
    const MAX_DEPTH: usize = 4;
    let mut folders = vec![(crate_dir.to_owned(), 0)];
    while let Some((folder, depth)) = folders.pop() {
        if folder.join("codes.toml").is_file() {
            let relative = folder.join("codes.toml");
            let relative = relative.strip_prefix(crate_dir).unwrap_or(&relative);
            let parts: Vec<_> = relative.iter().map(|part| part.to_string_lossy()).collect();
            return Some(parts.join("/"));
        }
        if depth == MAX_DEPTH {
            continue;
        }
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        let mut children: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_dir()))
            .map(|entry| entry.path())
            .filter(|path| {
                let name = path.file_name().map(|name| name.to_string_lossy());
                let skipped = name.is_some_and(|name| {
                    name.starts_with('.') || name == "target" || name == "node_modules"
                });
                !skipped && !path.join("Cargo.toml").exists()
            })
            .collect();
        children.sort();
        folders.extend(children.into_iter().rev().map(|child| (child, depth + 1)));
    }
    None
}

fn manifest_dir(span: proc_macro2::Span) -> Result<PathBuf, syn::Error> {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .ok_or_else(|| {
            syn::Error::new(
                span,
                "CARGO_MANIFEST_DIR is not set: build this crate with cargo",
            )
        })
}

/// Reads and checks a file once per compiler run however many macros name it: the checked
/// file is kept with the text it came from, and reused while the text is the same (a
/// long-lived process such as rust-analyzer sees edits). A `codes.lock` beside the file is
/// read too (`app.lock` beside
/// `app.toml`), the file checked against it, and tracked like the file.
fn load_file(path: &Path, origin: &str) -> Result<Loaded, Error> {
    type Texts = (String, Option<String>);
    type Cache = Mutex<HashMap<PathBuf, (Texts, Result<Arc<CatalogFile>, Error>)>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();

    let text = std::fs::read_to_string(path).map_err(|error| Error::unreadable(origin, &error))?;
    let lock_file = lock_path(path);
    let lock_origin = lock_path(Path::new(origin));
    let lock_origin = lock_origin.to_string_lossy();
    let lock_text = match std::fs::read_to_string(&lock_file) {
        Ok(lock_text) => Some(lock_text),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
        Err(error) => return Err(Error::unreadable(&lock_origin, &error)),
    };
    let mut tracked = vec![path.to_owned()];
    tracked.extend(lock_text.as_ref().map(|_| lock_file.clone()));
    let texts = (text, lock_text);
    let mut cache = CACHE
        .get_or_init(Cache::default)
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let checked = match cache.get(path) {
        Some((cached, checked)) if *cached == texts => checked.clone(),
        _ => {
            let checked = match &texts.1 {
                Some(lock_text) => Lock::parse(lock_text, &lock_origin)
                    .and_then(|lock| CatalogFile::parse_locked(&texts.0, origin, &lock)),
                None => CatalogFile::parse(&texts.0, origin),
            }
            .map(Arc::new);
            cache.insert(path.to_owned(), (texts, checked.clone()));
            checked
        }
    };
    checked.map(|file| Loaded {
        file,
        origin: origin.to_owned(),
        tracked,
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

        let first = load_file(&path, "codes.toml").unwrap();
        let again = load_file(&path, "codes.toml").unwrap();
        assert!(
            Arc::ptr_eq(&first.file, &again.file),
            "the second read reuses the check"
        );

        std::fs::write(&path, text.replace("成功", "好")).unwrap();
        let edited = load_file(&path, "codes.toml").unwrap();
        assert!(
            !Arc::ptr_eq(&first.file, &edited.file),
            "an edit is checked anew"
        );
        assert_eq!(edited.file.catalogs[0].codes[0].desc.value, "好");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
