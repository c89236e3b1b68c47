//! Code pieces for the response envelope that both macros emit.

use hero_codes_catalog::{Envelope, error_body_json};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// The file's envelope as a `hero_codes::EnvelopeFields` value.
pub(crate) fn fields(envelope: &Envelope) -> TokenStream {
    let result = &envelope.result.value;
    let code = &envelope.code.value;
    let desc = &envelope.desc.value;
    let data = &envelope.data.value;
    let code_max_chars = envelope.code_max_chars.value;
    let desc_max_chars = envelope.desc_max_chars.value;
    quote! {
        ::hero_codes::EnvelopeFields {
            result: #result,
            code: #code,
            desc: #desc,
            data: #data,
            code_max_chars: #code_max_chars,
            desc_max_chars: #desc_max_chars,
        }
    }
}

/// The error body of `code` with `desc`, serialized now, at compile time, as a byte string
/// literal: no serialization per answer.
pub(crate) fn error_body_literal(envelope: &Envelope, code: &str, desc: &str) -> Literal {
    Literal::byte_string(error_body_json(envelope, code, desc).as_bytes())
}
