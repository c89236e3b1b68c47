//! Proc macros of [hero-codes](https://docs.rs/hero-codes). Use them through `hero-codes`,
//! which re-exports them and holds the types the generated code names.
//!
//! The entry points stay thin: reading and checking a catalog file is the job of
//! `hero-codes-catalog`, generating code the job of the modules here.

mod api_error;
mod catalog_enum;
mod ctxt;
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
