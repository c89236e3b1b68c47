//! What the derive emits beside its errors: an `ApiError` impl that compiles, so one
//! mistake in an attribute does not also bring "the trait `ApiError` is not implemented"
//! at every place the type is used (as thiserror's fallback does). It is the answers'
//! own emission with no answer: it never runs, since the crate does not compile.

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use super::expand::impl_for;

pub(crate) fn expand(input: &DeriveInput, krate: &TokenStream) -> TokenStream {
    let answers = crate::emit::Answers::none(krate).expand(&impl_for(input, krate, quote!(0)));
    quote! {
        const _: () = {
            #answers
        };
    }
}
