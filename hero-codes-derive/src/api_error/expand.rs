//! Code generation for `#[derive(ApiError)]`, from checked input only.
//!
//! One `match` maps a value to its variant's index; code, status, description and body are
//! then read from arrays. That keeps the generated code small for enums of hundreds of
//! variants; only variants with their own `desc` get arms of their own.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};
use syn::{DeriveInput, Member, WhereClause, parse_quote};

use super::resolve::{Desc, Resolved, ResolvedVariant, Template};
use super::template::Piece;
use crate::catalog_enum::track_files;
use crate::envelope;

/// `ApiError` and the framework glue, inside `const _: () = { ... };` so no helper item
/// leaks into the user's namespace (as serde does).
pub(crate) fn expand(resolved: &Resolved<'_>) -> TokenStream {
    let input = resolved.input.original;
    let krate = &resolved.input.krate();
    let file = &resolved.source.file;
    let variants = &resolved.variants;
    let count = variants.len();
    let locale_count = envelope::locale_count(file);
    let codes = variants.iter().map(|variant| &variant.code);
    let statuses = variants.iter().map(|variant| variant.status);
    let templated: Vec<&ResolvedVariant<'_>> = variants
        .iter()
        .filter(|variant| matches!(variant.desc, Desc::Template(..)))
        .collect();
    // One row per locale, one column per variant. A variant with its own `desc` has an arm
    // below; its slots are never read.
    let descs = (0..locale_count).map(|locale| {
        let row = variants.iter().map(|variant| match &variant.desc {
            Desc::Catalog(texts) => texts[locale].as_str(),
            Desc::Template(..) => "",
        });
        quote!([#(#row),*])
    });
    let bodies = (0..locale_count).map(|locale| {
        let row = variants.iter().map(|variant| match &variant.desc {
            Desc::Catalog(texts) => {
                let body =
                    envelope::error_body_literal(&file.envelope, &variant.code, &texts[locale]);
                if templated.is_empty() {
                    quote!(#body)
                } else {
                    quote!(::core::option::Option::Some(#body))
                }
            }
            Desc::Template(..) => quote!(::core::option::Option::None),
        });
        quote!([#(#row),*])
    });
    // With a variant whose description is filled at run time, a slot may hold no body.
    let body_type = if templated.is_empty() {
        quote!(&[u8])
    } else {
        quote!(::core::option::Option<&[u8]>)
    };
    let track = track_files(&resolved.source);
    let fields = envelope::fields(file, krate);
    let fixed_desc = quote!(::std::borrow::Cow::Borrowed(
        DESCS.get(locale).unwrap_or(&DESCS[0])[index(self)]
    ));
    let desc_body = if templated.is_empty() {
        fixed_desc
    } else {
        let patterns = templated.iter().map(|variant| pattern(variant));
        let formats = templated.iter().map(|variant| localized_format(variant));
        quote! {
            #[allow(unreachable_patterns)]
            match self {
                #(#patterns => ::std::borrow::Cow::Owned(#formats),)*
                _ => #fixed_desc,
            }
        }
    };
    let body_body = if templated.is_empty() {
        quote!(#krate::__private::Bytes::from_static(
            BODIES.get(locale).unwrap_or(&BODIES[0])[index(self)]
        ))
    } else {
        // One lookup: a fixed body if the variant has one, else serialized now.
        quote! {
            let index = index(self);
            match BODIES.get(locale).unwrap_or(&BODIES[0])[index] {
                ::core::option::Option::Some(body) => #krate::__private::Bytes::from_static(body),
                ::core::option::Option::None => #krate::__private::error_body(
                    &FIELDS,
                    CODES[index],
                    &#krate::ApiError::localized_desc(self, locale),
                ),
            }
        }
    };
    let index_fn = index_fn(resolved);
    let answers = variants.iter().map(|variant| {
        let name = variant.variant.ident.to_string();
        let code = &variant.code;
        let status = variant.status;
        let desc = match &variant.desc {
            Desc::Catalog(texts) => texts[0].clone(),
            Desc::Template(templates) => template_text(&templates[0]),
        };
        quote!(#krate::ErrorAnswer { name: #name, code: #code, status: #status, desc: #desc })
    });
    let error_answers = error_answers_impl(input, &fields, quote!(&[#(#answers),*]), krate);
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
                #krate::ApiError::localized_desc(self, 0)
            }

            #[inline]
            fn envelope(&self) -> &'static #krate::EnvelopeFields {
                &FIELDS
            }

            #[inline]
            fn localized_desc(&self, locale: usize) -> ::std::borrow::Cow<'static, str> {
                #desc_body
            }

            #[inline]
            fn localized_body(&self, locale: usize) -> #krate::__private::Bytes {
                #body_body
            }

            #[inline]
            fn body(&self) -> #krate::__private::Bytes {
                #krate::ApiError::localized_body(self, 0)
            }
        },
        krate,
    );
    let deprecations = deprecation_warnings(variants);
    quote! {
        const _: () = {
            #track
            // Statics, not consts: indexing reads one slot of one array.
            static CODES: [&str; #count] = [#(#codes),*];
            static STATUSES: [#krate::__private::http::StatusCode; #count] =
                [#(#krate::__private::status(#statuses)),*];
            static DESCS: [[&str; #count]; #locale_count] = [#(#descs),*];
            // Serialized at compile time, once per locale: no serialization per answer.
            static BODIES: [[#body_type; #count]; #locale_count] = [#(#bodies),*];
            static FIELDS: #krate::EnvelopeFields = #fields;
            #deprecations
            #index_fn
            #api_error
            #error_answers
        };
    }
}

/// A warning at each `code = "..."` literal that names a deprecated code. A proc macro
/// cannot warn on stable Rust, so each is the use of a `#[deprecated]` item, spanned at the
/// literal: rustc reports it there, with the catalog's note, under the variant's
/// `#[allow(...)]` attributes.
fn deprecation_warnings(variants: &[ResolvedVariant<'_>]) -> TokenStream {
    let warnings = variants
        .iter()
        .filter_map(|variant| Some((variant.deprecated.as_ref()?, &variant.variant.allows)))
        .enumerate()
        .map(|(index, ((note, literal), allows))| {
            let item = format_ident!("DEPRECATED_CODE_{index}");
            let used = format_ident!("DEPRECATED_CODE_{index}", span = literal.span());
            quote! {
                #[deprecated(note = #note)]
                const #item: () = ();
                #(#allows)*
                const _: () = #used;
            }
        });
    quote!(#(#warnings)*)
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

/// `impl ErrorAnswers`: every answer of the type, as data (the fallback's is empty).
pub(crate) fn error_answers_impl(
    input: &DeriveInput,
    fields: &TokenStream,
    answers: TokenStream,
    krate: &TokenStream,
) -> TokenStream {
    let ident = &input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let where_clause = where_with(input, parse_quote!(Self: #krate::ApiError));
    quote! {
        #[automatically_derived]
        impl #impl_generics #krate::ErrorAnswers for #ident #ty_generics #where_clause {
            const FIELDS: #krate::EnvelopeFields = #fields;
            const ANSWERS: &'static [#krate::ErrorAnswer] = #answers;
        }
    }
}

/// A variant's own description as written: `应用{id}不存在`.
fn template_text(template: &Template) -> String {
    let mut text = String::new();
    for (piece, _) in &template.pieces {
        match piece {
            Piece::Text(literal) => text.push_str(literal),
            Piece::Field { name, .. } => {
                text.push('{');
                text.push_str(name);
                text.push('}');
            }
        }
    }
    text
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

/// `Type::Name { id: __field_id, .. }`, binding the fields the description names (the
/// same in every locale, as the checks make sure).
fn pattern(variant: &ResolvedVariant<'_>) -> TokenStream {
    let path = &variant.variant.path;
    let Desc::Template(templates) = &variant.desc else {
        return quote!(#path { .. });
    };
    let default = &templates[0];
    let mut members: Vec<&Member> = Vec::new();
    for member in default
        .pieces
        .iter()
        .filter_map(|(_, member)| member.as_ref())
    {
        if !members.contains(&member) {
            members.push(member); // a field named twice is bound once
        }
    }
    let bindings = members.iter().map(|member| {
        let binding = binding(member, default.span);
        quote!(#member: #binding,)
    });
    quote!(#path { #(#bindings)* .. })
}

/// The binding of a field, spanned at a description literal so that "doesn't implement
/// `Display`" points there.
fn binding(member: &Member, span: Span) -> Ident {
    let mut binding = match member {
        Member::Named(ident) => format_ident!("__field_{}", ident),
        Member::Unnamed(index) => format_ident!("__field_{}", index.index),
    };
    binding.set_span(span);
    binding
}

/// The description of a variant with templates, in the locale `locale` holds:
/// `match locale { 1 => format!("App {} does not exist", __field_id), _ => format!(...) }`.
fn localized_format(variant: &ResolvedVariant<'_>) -> TokenStream {
    let Desc::Template(templates) = &variant.desc else {
        return TokenStream::new();
    };
    let default = format_template(&templates[0]);
    let others = templates
        .iter()
        .enumerate()
        .skip(1)
        .map(|(locale, template)| {
            let format = format_template(template);
            quote!(#locale => #format,)
        });
    if templates.len() == 1 {
        return default;
    }
    quote! {
        match locale {
            #(#others)*
            _ => #default,
        }
    }
}

/// `format!("应用{}不存在", __field_id)`, each argument spanned at its literal so that a
/// field which cannot be formatted is reported there.
fn format_template(template: &Template) -> TokenStream {
    let mut format = String::new();
    let mut arguments = Vec::new();
    for (piece, member) in &template.pieces {
        match (piece, member) {
            (Piece::Text(text), _) => format.push_str(&text.replace('{', "{{").replace('}', "}}")),
            (Piece::Field { spec, .. }, Some(member)) => {
                let colon = if spec.is_empty() { "" } else { ":" };
                format.push_str(&format!("{{{colon}{spec}}}"));
                arguments.push(binding(member, template.span));
            }
            (Piece::Field { .. }, None) => {} // refused by the checks
        }
    }
    quote!(::std::format!(#format, #(#arguments),*))
}
