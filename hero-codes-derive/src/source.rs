//! Finds and loads a catalogue file named in a macro invocation.

use std::path::PathBuf;

use hero_codes_catalog::CatalogFile;

/// A checked catalogue file and the absolute path it was read from.
pub(crate) struct Loaded {
    pub(crate) file: CatalogFile,
    pub(crate) path: PathBuf,
}

/// Loads the file named by `path`, relative to the manifest of the crate being compiled.
///
/// Relative to `CARGO_MANIFEST_DIR`, read now (at expansion time), as sqlx does: the working
/// directory of rustc is not the crate's. Messages name the file as written in the
/// invocation, so they read the same on every machine and inside trybuild.
pub(crate) fn load(path: &syn::LitStr) -> Result<Loaded, syn::Error> {
    let written = path.value();
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR").ok_or_else(|| {
        syn::Error::new(
            path.span(),
            "CARGO_MANIFEST_DIR is not set: build this crate with cargo",
        )
    })?;
    let absolute = PathBuf::from(manifest_dir).join(&written);
    match CatalogFile::load(&absolute, &written) {
        Ok(file) => Ok(Loaded {
            file,
            path: absolute,
        }),
        Err(error) => Err(to_syn_error(&error, path.span())),
    }
}

/// Every problem of `error` as one compile error each, all at `span`.
pub(crate) fn to_syn_error(
    error: &hero_codes_catalog::Error,
    span: proc_macro2::Span,
) -> syn::Error {
    let mut errors = error
        .problems()
        .iter()
        .map(|problem| syn::Error::new(span, error.render(problem)));
    let mut combined = errors
        .next()
        .unwrap_or_else(|| syn::Error::new(span, error.to_string()));
    for next in errors {
        combined.combine(next);
    }
    combined
}
