//! Code generation for `#[derive(ApiError)]`, from checked input only.

use hero_codes_catalog::Envelope;
use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};
use syn::{DeriveInput, Member};

use super::resolve::{Desc, Resolved, ResolvedVariant};
use super::template::Piece;
use crate::envelope;

/// `ApiError` and the framework glue, inside `const _: () = { ... };` so no helper item
/// leaks into the user's namespace (as serde does).
pub(crate) fn expand(resolved: &Resolved<'_>) -> TokenStream {
    let input = resolved.input.original;
    let envelope = &resolved.source.file.envelope;
    let patterns: Vec<TokenStream> = resolved.variants.iter().map(pattern).collect();
    let codes = resolved.variants.iter().map(|variant| &variant.code);
    let statuses = resolved.variants.iter().map(|variant| variant.status);
    let descs = resolved.variants.iter().map(desc_expr);
    let bodies = resolved
        .variants
        .iter()
        .map(|variant| body_expr(variant, envelope));
    let track = resolved.source.path.as_ref().map(|path| {
        let path = path.to_string_lossy();
        // Rebuild when the catalogue file changes, as with any `include_bytes!`.
        quote! { const _: &[u8] = ::core::include_bytes!(#path); }
    });
    // The file's envelope, for bodies filled in at run time.
    let fields = resolved
        .variants
        .iter()
        .any(|variant| matches!(variant.desc, Desc::Template(_)))
        .then(|| {
            let fields = envelope::fields(envelope);
            quote! { const FIELDS: ::hero_codes::EnvelopeFields = #fields; }
        });
    let api_error = api_error_impl(
        input,
        quote! {
            fn code(&self) -> &'static str {
                match self { #(#patterns => #codes,)* }
            }

            fn status(&self) -> ::hero_codes::__private::http::StatusCode {
                match self {
                    #(#patterns => const { ::hero_codes::__private::status(#statuses) },)*
                }
            }

            fn desc(&self) -> ::std::borrow::Cow<'static, str> {
                match self { #(#patterns => #descs,)* }
            }

            fn body(&self) -> ::hero_codes::__private::Bytes {
                match self { #(#patterns => #bodies,)* }
            }
        },
    );
    quote! {
        const _: () = {
            #track
            #fields
            #api_error
        };
    }
}

/// `impl ApiError` with `items`, plus the framework glue; the fallback shares it.
pub(crate) fn api_error_impl(input: &DeriveInput, items: TokenStream) -> TokenStream {
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics ::hero_codes::ApiError for #ident #ty_generics #where_clause {
            #items
        }

        ::hero_codes::__framework_glue! {
            [#impl_generics] [#ident #ty_generics] [#where_clause]
        }
    }
}

/// `Self::Name { .. }`, binding the fields a description names.
fn pattern(variant: &ResolvedVariant<'_>) -> TokenStream {
    let path = &variant.variant.path;
    let bindings = match &variant.desc {
        Desc::Template(pieces) => pieces
            .iter()
            .filter_map(|(_, member)| member.as_ref())
            .map(|member| {
                let binding = binding(member);
                quote!(#member: #binding,)
            })
            .collect(),
        Desc::Catalogue(_) => TokenStream::new(),
    };
    quote!(#path { #bindings .. })
}

fn binding(member: &Member) -> Ident {
    match member {
        Member::Named(ident) => format_ident!("__field_{}", ident),
        Member::Unnamed(index) => format_ident!("__field_{}", index.index),
    }
}

fn desc_expr(variant: &ResolvedVariant<'_>) -> TokenStream {
    match &variant.desc {
        Desc::Catalogue(desc) => quote!(::std::borrow::Cow::Borrowed(#desc)),
        Desc::Template(pieces) => {
            let mut format = String::new();
            for (piece, member) in pieces {
                match (piece, member) {
                    (Piece::Text(text), _) => {
                        format.push_str(&text.replace('{', "{{").replace('}', "}}"));
                    }
                    (Piece::Field { spec, .. }, Some(member)) => {
                        let colon = if spec.is_empty() { "" } else { ":" };
                        format.push_str(&format!("{{{}{colon}{spec}}}", binding(member)));
                    }
                    (Piece::Field { .. }, None) => {} // refused by the checks
                }
            }
            let format = Literal::string(&format);
            quote!(::std::borrow::Cow::Owned(::std::format!(#format)))
        }
    }
}

/// A fixed description's body is serialized now, at compile time; a filled one per answer.
fn body_expr(variant: &ResolvedVariant<'_>, envelope: &Envelope) -> TokenStream {
    match &variant.desc {
        Desc::Catalogue(desc) => envelope::static_error_body(envelope, &variant.code, desc),
        Desc::Template(_) => {
            quote!(::hero_codes::__private::error_body(
                &FIELDS,
                ::hero_codes::ApiError::code(self),
                &::hero_codes::ApiError::desc(self)
            ))
        }
    }
}
