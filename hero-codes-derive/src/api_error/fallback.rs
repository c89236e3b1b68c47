//! What the derive emits beside its errors: an `ApiError` impl that compiles, so one
//! mistake in an attribute does not also bring "the trait `ApiError` is not implemented"
//! at every place the type is used (as thiserror's fallback does).

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use super::expand::impl_for;
use crate::emit::impls;

pub(crate) fn expand(input: &DeriveInput, krate: &TokenStream) -> TokenStream {
    impls(
        &impl_for(input, krate),
        quote! {
            fn code(&self) -> &'static str {
                ::core::unreachable!()
            }

            fn status(&self) -> #krate::__private::http::StatusCode {
                ::core::unreachable!()
            }

            fn desc(&self) -> ::std::borrow::Cow<'static, str> {
                ::core::unreachable!()
            }

            fn envelope(&self) -> &'static #krate::EnvelopeFields {
                ::core::unreachable!()
            }
        },
        quote!(#krate::ENVELOPE),
        quote!(&[]),
        krate,
    )
}
