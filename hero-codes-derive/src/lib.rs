//! Proc macros of [hero-codes](https://docs.rs/hero-codes). Use them through `hero-codes`,
//! which re-exports them and holds the types the generated code names.
//!
//! Both read a catalog file, `codes.toml`, at compile time: the one the calling crate
//! declares in its `Cargo.toml` (`[package.metadata.hero-codes] catalog = "..."`), a path
//! given to them, or else the built-in catalog of `hero-codes`. Cargo rebuilds the crate
//! when the file or its `codes.lock` changes, and every mistake, in the file or in the Rust
//! source, is a compile error at its place, all of them at once, never a panic.
//!
//! - [`include_catalog!`] generates one enum per catalog of the file, with its codes,
//!   statuses, descriptions, lookup and docs, plus the file's `ENVELOPE` and `HTTP_STATUSES`
//!   (documented in `hero_codes::include_catalog!`);
//! - [`#[derive(ApiError)]`](derive@ApiError) maps an error enum or struct to codes of the
//!   catalog, one `#[api(code = "...")]` per variant (documented in `hero_codes::ApiError`).
//!
//! ```
//! use hero_codes::ApiError;
//!
//! #[derive(Debug, thiserror::Error, hero_codes::ApiError)]
//! enum AppError {
//!     #[error("app {id} not found")]
//!     #[api(code = "10400", desc = "应用{id}不存在", en = "App {id} does not exist")]
//!     AppNotFound { id: u64 },
//! }
//!
//! let error = AppError::AppNotFound { id: 7 };
//! assert_eq!(error.code(), "10400");
//! assert_eq!(error.body(), r#"{"result":false,"result_code":"10400","result_desc":"应用7不存在"}"#);
//! ```
//!
//! A code that is not in the catalog does not compile:
//!
//! ```compile_fail
//! #[derive(Debug, thiserror::Error, hero_codes::ApiError)]
//! enum AppError {
//!     #[error("app not found")]
//!     #[api(code = "10401")] // unknown code `10401`: ... did you mean `10400`?
//!     AppNotFound,
//! }
//! ```
//!
//! The entry points stay thin: reading and checking a catalog file is the job of
//! `hero-codes-catalog`, generating code the job of the modules here. The derive's
//! attributes, its messages and the generated items are chapters of the hero-codes manual:
//! `docs/derive.md` and `docs/generated-api.md` in the repository.

mod api_error;
mod catalog_enum;
mod ctxt;
mod emit;
mod envelope;
mod source;

use proc_macro::TokenStream;

/// Generates, from a catalog file, one enum per catalog plus the file's `ENVELOPE` and
/// `HTTP_STATUSES`. The path is relative to the crate's `Cargo.toml`; without one, the file
/// the crate declares in `Cargo.toml`. Documented with examples in
/// `hero_codes::include_catalog!`.
#[proc_macro]
pub fn include_catalog(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as catalog_enum::Input);
    match input.load() {
        Ok(loaded) => catalog_enum::expand(&loaded, input.krate()),
        // Nothing to add when another macro of this build reported the file's problems.
        Err(source::NotLoaded(errors)) => errors
            .map(syn::Error::into_compile_error)
            .unwrap_or_default(),
    }
    .into()
}

/// Implements `hero_codes::ApiError` (and the framework glue) for an error enum or struct,
/// each variant mapped to a catalog code with `#[api(code = "...")]`, checked at compile
/// time. Documented with examples in `hero_codes::ApiError`.
#[proc_macro_derive(ApiError, attributes(api))]
pub fn derive_api_error(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    api_error::derive(&input).into()
}
