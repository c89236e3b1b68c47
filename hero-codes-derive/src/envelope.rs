//! Code pieces for the response envelope that both macros emit.

use hero_codes_catalog::{CatalogFile, CodeType, Envelope, error_body_json};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// The file's envelope and locales as a `hero_codes::Envelope` value; `krate` is the
/// path of the runtime crate.
pub(crate) fn fields(file: &CatalogFile, krate: &TokenStream) -> TokenStream {
    let envelope = &file.envelope;
    let locales = file.locale_tags();
    let result = match &envelope.result {
        Some(name) => {
            let name = &name.value;
            quote!(::core::option::Option::Some(#name))
        }
        None => quote!(::core::option::Option::None),
    };
    let code = &envelope.code.value;
    let desc = &envelope.desc.value;
    let data = &envelope.data.value;
    let code_type = match envelope.code_type.value {
        CodeType::String => quote!(#krate::CodeType::String),
        CodeType::Number => quote!(#krate::CodeType::Number),
    };
    let code_max_chars = envelope.code_max_chars.value;
    let desc_max_chars = envelope.desc_max_chars.value;
    let doc_url = match &envelope.doc_url {
        Some(link) => {
            let (field, template) = (&link.field.value, &link.template.value);
            quote!(::core::option::Option::Some(#krate::DocUrl { field: #field, template: #template }))
        }
        None => quote!(::core::option::Option::None),
    };
    quote! {
        #krate::Envelope {
            result: #result,
            code: #code,
            desc: #desc,
            data: #data,
            code_type: #code_type,
            code_max_chars: #code_max_chars,
            desc_max_chars: #desc_max_chars,
            locales: &[#(#locales),*],
            doc_url: #doc_url,
        }
    }
}

/// How many languages the file's descriptions are in: its `locales`, or the one untagged.
pub(crate) fn locale_count(file: &CatalogFile) -> usize {
    file.locales.len().max(1)
}

/// The error body of `code` with `desc`, serialized now, at compile time, as a byte string
/// literal: no serialization per answer.
pub(crate) fn error_body_literal(envelope: &Envelope, code: &str, desc: &str) -> Literal {
    Literal::byte_string(error_body_json(envelope, code, desc).as_bytes())
}
