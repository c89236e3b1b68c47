//! Code generation for `#[derive(ApiError)]`, from checked input only.
//!
//! One `match` maps a value to its variant's index; code, status, description and body are
//! then read from arrays. That keeps the generated code small for enums of hundreds of
//! variants; only variants with their own `desc` get arms of their own.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};
use syn::{DeriveInput, Member, WhereClause, parse_quote};

use super::resolve::{Desc, Resolved, ResolvedVariant};
use super::template::Piece;
use crate::catalog_enum::track_files;
use crate::envelope;

/// `ApiError` and the framework glue, inside `const _: () = { ... };` so no helper item
/// leaks into the user's namespace (as serde does).
pub(crate) fn expand(resolved: &Resolved<'_>) -> TokenStream {
    let input = resolved.input.original;
    let krate = &resolved.input.krate();
    let envelope = &resolved.source.file.envelope;
    let variants = &resolved.variants;
    let count = variants.len();
    let codes = variants.iter().map(|variant| &variant.code);
    let statuses = variants.iter().map(|variant| variant.status);
    // A variant with its own `desc` has an arm below; its array slots are never read.
    let descs = variants.iter().map(|variant| match &variant.desc {
        Desc::Catalogue(desc) => desc.as_str(),
        Desc::Template(..) => "",
    });
    let bodies: Vec<TokenStream> = variants
        .iter()
        .map(|variant| match &variant.desc {
            Desc::Catalogue(desc) => {
                let body = envelope::error_body_literal(envelope, &variant.code, desc);
                quote!(#body)
            }
            Desc::Template(..) => quote!(::core::option::Option::None),
        })
        .collect();
    let templated: Vec<&ResolvedVariant<'_>> = variants
        .iter()
        .filter(|variant| matches!(variant.desc, Desc::Template(..)))
        .collect();
    let track = track_files(&resolved.source);
    let fields = envelope::fields(envelope, krate);
    let desc_body = if templated.is_empty() {
        quote!(::std::borrow::Cow::Borrowed(DESCS[index(self)]))
    } else {
        let patterns = templated.iter().map(|variant| pattern(variant));
        let formats = templated.iter().map(|variant| format_desc(variant));
        quote! {
            #[allow(unreachable_patterns)]
            match self {
                #(#patterns => ::std::borrow::Cow::Owned(#formats),)*
                _ => ::std::borrow::Cow::Borrowed(DESCS[index(self)]),
            }
        }
    };
    let body_body = if templated.is_empty() {
        quote!(#krate::__private::Bytes::from_static(BODIES[index(self)]))
    } else {
        // One lookup: a fixed body if the variant has one, else serialized now.
        quote! {
            let index = index(self);
            match BODIES[index] {
                ::core::option::Option::Some(body) => #krate::__private::Bytes::from_static(body),
                ::core::option::Option::None => #krate::__private::error_body(
                    &FIELDS,
                    CODES[index],
                    &#krate::ApiError::desc(self),
                ),
            }
        }
    };
    // With a variant whose description is filled at run time, a slot may hold no body.
    let bodies_static = if templated.is_empty() {
        quote!(static BODIES: [&[u8]; #count] = [#(#bodies),*];)
    } else {
        let bodies = variants
            .iter()
            .zip(&bodies)
            .map(|(variant, body)| match variant.desc {
                Desc::Catalogue(_) => quote!(::core::option::Option::Some(#body)),
                Desc::Template(..) => quote!(#body),
            });
        quote!(static BODIES: [::core::option::Option<&[u8]>; #count] = [#(#bodies),*];)
    };
    let index_fn = index_fn(resolved);
    let api_error = api_error_impl(
        input,
        quote! {
            // Inlined wherever the error is answered: one variant lookup, not one per call.
            #[inline]
            fn code(&self) -> &'static str {
                CODES[index(self)]
            }

            #[inline]
            fn status(&self) -> #krate::__private::http::StatusCode {
                STATUSES[index(self)]
            }

            #[inline]
            fn desc(&self) -> ::std::borrow::Cow<'static, str> {
                #desc_body
            }

            #[inline]
            fn envelope(&self) -> &'static #krate::EnvelopeFields {
                &FIELDS
            }

            #[inline]
            fn body(&self) -> #krate::__private::Bytes {
                #body_body
            }
        },
        krate,
    );
    quote! {
        const _: () = {
            #track
            // Statics, not consts: indexing reads one slot of one array.
            static CODES: [&str; #count] = [#(#codes),*];
            static STATUSES: [#krate::__private::http::StatusCode; #count] =
                [#(#krate::__private::status(#statuses)),*];
            static DESCS: [&str; #count] = [#(#descs),*];
            // Serialized at compile time: no serialization per answer.
            #bodies_static
            static FIELDS: #krate::EnvelopeFields = #fields;
            #index_fn
            #api_error
        };
    }
}

/// `fn index(value: &Type) -> usize`: the variant's position.
fn index_fn(resolved: &Resolved<'_>) -> TokenStream {
    let input = resolved.input.original;
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let arms = resolved
        .variants
        .iter()
        .enumerate()
        .map(|(index, variant)| {
            let path = &variant.variant.path;
            quote!(#path { .. } => #index,)
        });
    quote! {
        #[inline]
        fn index #impl_generics (value: &#ident #ty_generics) -> usize #where_clause {
            match *value { #(#arms)* }
        }
    }
}

/// `impl ApiError` with `items`, plus the framework glue; the fallback shares it. Both are
/// bounded by what they need (`Self: Error`), so a generic type whose `Error` impl has
/// bounds of its own (as thiserror writes them) gets both under the same bounds.
pub(crate) fn api_error_impl(
    input: &DeriveInput,
    items: TokenStream,
    krate: &TokenStream,
) -> TokenStream {
    let ident = &input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let api_error_where = where_with(input, parse_quote!(Self: ::std::error::Error));
    let glue_where = where_with(input, parse_quote!(Self: #krate::ApiError));
    quote! {
        #[automatically_derived]
        impl #impl_generics #krate::ApiError for #ident #ty_generics #api_error_where {
            #items
        }

        #krate::__framework_glue! {
            [#impl_generics] [#ident #ty_generics] [#glue_where]
        }
    }
}

fn where_with(input: &DeriveInput, predicate: syn::WherePredicate) -> WhereClause {
    let mut where_clause = input
        .generics
        .where_clause
        .clone()
        .unwrap_or_else(|| parse_quote!(where));
    where_clause.predicates.push(predicate);
    where_clause
}

/// `Type::Name { id: __field_id, .. }`, binding the fields the description names.
fn pattern(variant: &ResolvedVariant<'_>) -> TokenStream {
    let path = &variant.variant.path;
    let Desc::Template(pieces, span) = &variant.desc else {
        return quote!(#path { .. });
    };
    let mut members: Vec<&Member> = Vec::new();
    for member in pieces.iter().filter_map(|(_, member)| member.as_ref()) {
        if !members.contains(&member) {
            members.push(member); // a field named twice is bound once
        }
    }
    let bindings = members.iter().map(|member| {
        let binding = binding(member, *span);
        quote!(#member: #binding,)
    });
    quote!(#path { #(#bindings)* .. })
}

/// The binding of a field, spanned at the `desc` literal so that "doesn't implement
/// `Display`" points there.
fn binding(member: &Member, span: Span) -> Ident {
    let mut binding = match member {
        Member::Named(ident) => format_ident!("__field_{}", ident),
        Member::Unnamed(index) => format_ident!("__field_{}", index.index),
    };
    binding.set_span(span);
    binding
}

/// `format!("应用{}不存在", __field_id)`, each argument spanned at the `desc` literal so
/// that a field which cannot be formatted is reported there.
fn format_desc(variant: &ResolvedVariant<'_>) -> TokenStream {
    let Desc::Template(pieces, span) = &variant.desc else {
        return TokenStream::new();
    };
    let mut format = String::new();
    let mut arguments = Vec::new();
    for (piece, member) in pieces {
        match (piece, member) {
            (Piece::Text(text), _) => format.push_str(&text.replace('{', "{{").replace('}', "}}")),
            (Piece::Field { spec, .. }, Some(member)) => {
                let colon = if spec.is_empty() { "" } else { ":" };
                format.push_str(&format!("{{{colon}{spec}}}"));
                arguments.push(binding(member, *span));
            }
            (Piece::Field { .. }, None) => {} // refused by the checks
        }
    }
    quote!(::std::format!(#format, #(#arguments),*))
}
