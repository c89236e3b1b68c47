//! Code pieces for the response envelope that both macros emit.

use hero_codes_catalog::{CatalogFile, CodeType, Envelope, default_envelope, error_body_json};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// The file's envelope and locales as a `hero_codes::Envelope` value; `krate` is the
/// path of the runtime crate. Only what differs from the default envelope is written
/// (`Envelope { locales: &["zh", "en"], ..DEFAULT_ENVELOPE }`, or `DEFAULT_ENVELOPE`
/// alone): every derive emits one, and each token is work for the compiler.
pub(crate) fn fields(file: &CatalogFile, krate: &TokenStream) -> TokenStream {
    let envelope = &file.envelope;
    let mut fields = TokenStream::new();
    let result = envelope.result.as_ref().map(|name| name.value.as_str());
    if result != Some(default_envelope::RESULT) {
        fields.extend(match result {
            Some(name) => quote!(result: ::core::option::Option::Some(#name),),
            None => quote!(result: ::core::option::Option::None,),
        });
    }
    for (field, value, default) in [
        (quote!(code), &envelope.code.value, default_envelope::CODE),
        (quote!(desc), &envelope.desc.value, default_envelope::DESC),
        (quote!(data), &envelope.data.value, default_envelope::DATA),
    ] {
        if value != default {
            fields.extend(quote!(#field: #value,));
        }
    }
    if envelope.code_type.value != default_envelope::CODE_TYPE {
        fields.extend(match envelope.code_type.value {
            CodeType::String => quote!(code_type: #krate::CodeType::String,),
            CodeType::Number => quote!(code_type: #krate::CodeType::Number,),
        });
    }
    for (field, value, default) in [
        (
            quote!(code_max_chars),
            envelope.code_max_chars.value,
            default_envelope::CODE_MAX_CHARS,
        ),
        (
            quote!(desc_max_chars),
            envelope.desc_max_chars.value,
            default_envelope::DESC_MAX_CHARS,
        ),
    ] {
        if value != default {
            fields.extend(quote!(#field: #value,));
        }
    }
    let locales = file.locale_tags();
    if !locales.is_empty() {
        fields.extend(quote!(locales: &[#(#locales),*],));
    }
    if let Some(link) = &envelope.doc_url {
        let (field, template) = (&link.field.value, &link.template.value);
        fields.extend(quote! {
            doc_url: ::core::option::Option::Some(#krate::DocUrl { field: #field, template: #template }),
        });
    }
    if fields.is_empty() {
        return quote!(#krate::__private::DEFAULT_ENVELOPE);
    }
    quote!(#krate::Envelope { #fields ..#krate::__private::DEFAULT_ENVELOPE })
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
