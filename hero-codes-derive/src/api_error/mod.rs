//! `#[derive(ApiError)]`, in the pipeline of the best derive crates: parse into own types
//! that keep their spans (`ast`, `attr`), read the catalog once (`resolve::load`), check
//! every rule against what was read, with no other input (`resolve::resolve`), expand only
//! checked input (`expand`), and on error emit every error plus a fallback impl
//! (`fallback`).

mod ast;
mod attr;
mod expand;
mod fallback;
#[cfg(test)]
mod properties;
mod resolve;
mod template;

use proc_macro2::TokenStream;
use syn::DeriveInput;

use crate::ctxt::Ctxt;

pub(crate) fn derive(input: &DeriveInput) -> TokenStream {
    let mut ctxt = Ctxt::default();
    let parsed = ast::Input::from_syn(input, &mut ctxt);
    let resolved = parsed.as_ref().and_then(|parsed| {
        let source = resolve::load(parsed, &mut ctxt)?;
        resolve::resolve(parsed, source, &mut ctxt)
    });
    // The fallback names the runtime as the input does, so a renamed crate brings no
    // second error.
    let krate = parsed
        .as_ref()
        .map_or_else(|| ast::runtime_path(None), ast::Input::krate);
    match (ctxt.check(), resolved) {
        (Ok(()), Some(resolved)) => expand::expand(&resolved),
        (Err(errors), _) => {
            let mut tokens = errors.into_compile_error();
            tokens.extend(fallback_for(input, &krate));
            tokens
        }
        (Ok(()), None) => fallback_for(input, &krate),
    }
}

/// An impl that compiles after an error, except for a union, which is never an error type.
fn fallback_for(input: &DeriveInput, krate: &TokenStream) -> TokenStream {
    match input.data {
        syn::Data::Union(_) => TokenStream::new(),
        _ => fallback::expand(input, krate),
    }
}
