//! Proc macros of [hero-codes](https://docs.rs/hero-codes). Use them through `hero-codes`,
//! which re-exports them and holds the types the generated code names.
//!
//! The entry points stay thin: reading and checking a catalogue file is the job of
//! `hero-codes-catalog`, generating code the job of the modules here.

mod catalog_enum;
mod source;

use proc_macro::TokenStream;

/// Generates, from a catalogue file, one enum per catalogue plus the file's `ENVELOPE` and
/// `HTTP_STATUSES`. The path is relative to the crate's `Cargo.toml`. Documented with
/// examples in `hero_codes::include_catalog!`.
#[proc_macro]
pub fn include_catalog(input: TokenStream) -> TokenStream {
    let path = syn::parse_macro_input!(input as syn::LitStr);
    match source::load(&path) {
        Ok(loaded) => catalog_enum::expand(&loaded),
        Err(errors) => errors.into_compile_error(),
    }
    .into()
}
