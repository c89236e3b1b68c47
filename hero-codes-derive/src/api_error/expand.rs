//! Code generation for `#[derive(ApiError)]`, from checked input only.
//!
//! One `match` maps a value to its variant's index; code, status, description and body are
//! then read from arrays. That keeps the generated code small for enums of hundreds of
//! variants; only variants with their own `desc` get arms of their own.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};
use syn::{DeriveInput, Member};

use super::resolve::{Desc, Resolved, ResolvedVariant, Template};
use super::template::Piece;
use crate::catalog_enum::track_files;
use crate::emit::{Answers, ImplFor, Row, RowDesc};

/// `ApiError` and the framework glue, inside `const _: () = { ... };` so no helper item
/// leaks into the user's namespace (as serde does).
pub(crate) fn expand(resolved: &Resolved<'_>) -> TokenStream {
    let input = resolved.input.original;
    let krate = &resolved.input.krate();
    let names: Vec<String> = resolved
        .variants
        .iter()
        .map(|variant| variant.variant.ident.to_string())
        .collect();
    let rows = resolved
        .variants
        .iter()
        .zip(&names)
        .map(|(variant, name)| Row {
            name,
            catalog: &variant.catalog,
            code: &variant.code,
            status: variant.status,
            grpc: variant.grpc.number(),
            reason: variant.reason.clone(),
            domain: &variant.domain,
            desc: row_desc(variant),
            listed: true,
        })
        .collect();
    let answers = Answers {
        file: Some(&resolved.source.file),
        krate,
        rows,
    }
    .expand(&impl_for(input, krate, slot(resolved)));
    let track = track_files(&resolved.source);
    let deprecations = deprecation_warnings(&resolved.variants);
    quote! {
        const _: () = {
            #track
            #deprecations
            #answers
        };
    }
}

/// The description of a variant as the shared emission takes it.
fn row_desc<'a>(variant: &'a ResolvedVariant<'_>) -> RowDesc<'a> {
    match &variant.desc {
        Desc::Catalog(texts) => RowDesc::Fixed(texts.iter().map(String::as_str).collect()),
        Desc::Template(templates) => RowDesc::Filled {
            written: template_text(&templates[0]),
            pattern: pattern(variant),
            format: localized_format(variant),
            visits: field_visits(&templates[0]),
        },
    }
}

/// The impl headers for the derive's input: its generics, with `Self: Error` on
/// `Tabled` and `Self: ApiError` on the glue; `slot`, the variant's slot.
pub(crate) fn impl_for(input: &DeriveInput, krate: &TokenStream, slot: TokenStream) -> ImplFor {
    let ident = &input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    ImplFor {
        generics: quote!(#impl_generics),
        ty: quote!(#ident #ty_generics),
        error_where: where_with(input, quote!(Self: ::std::error::Error)),
        // The type by name, not `Self`: the gRPC glue implements `From<Type>` for
        // `tonic::Status`, where `Self` is the status.
        api_where: where_with(input, quote!(#ident #ty_generics: #krate::ApiError)),
        slot,
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

/// `match *self { Type::A { .. } => 0, ... }`: the variant's slot.
fn slot(resolved: &Resolved<'_>) -> TokenStream {
    let arms = resolved
        .variants
        .iter()
        .enumerate()
        .map(|(index, variant)| {
            let path = &variant.variant.path;
            quote!(#path { .. } => #index,)
        });
    quote!(match *self { #(#arms)* })
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

/// The input's `where` clause with `predicate` added, written out rather than parsed;
/// none for a type without generics, where `predicate` is what the impl itself requires
/// (and a clause is one more item for rustc to check per derive).
fn where_with(input: &DeriveInput, predicate: TokenStream) -> TokenStream {
    if input.generics.params.is_empty() && input.generics.where_clause.is_none() {
        return TokenStream::new();
    }
    let predicates = input
        .generics
        .where_clause
        .iter()
        .flat_map(|clause| clause.predicates.iter());
    quote!(where #(#predicates,)* #predicate)
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

/// `visit("id", format!("{}", __field_id));` for each field `template` names, once,
/// formatted as the template formats it: by `format!` as the description is, so that a
/// field that cannot be formatted is one error, not two.
fn field_visits(template: &Template) -> TokenStream {
    let mut seen: Vec<&str> = Vec::new();
    let visits = template.pieces.iter().filter_map(|(piece, member)| {
        let (Piece::Field { name, spec }, Some(member)) = (piece, member) else {
            return None;
        };
        if seen.contains(&name.as_str()) {
            return None;
        }
        seen.push(name);
        let colon = if spec.is_empty() { "" } else { ":" };
        let format = format!("{{{colon}{spec}}}");
        let binding = binding(member, template.span);
        Some(quote!(visit(#name, ::std::format!(#format, #binding));))
    });
    quote!(#(#visits)*)
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
