//! The derive input in this crate's own types: each item with its `#[api]` keys, keeping
//! the syn nodes for spans.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Data, DeriveInput, Fields, Ident};

use super::attr::{self, Attrs, Place};
use crate::ctxt::Ctxt;

pub(crate) struct Input<'a> {
    pub(crate) original: &'a DeriveInput,
    /// `file`, `catalog` and `crate`: which catalog to read, and the runtime's path.
    pub(crate) attrs: Attrs,
    /// One entry per enum variant, or the struct itself.
    pub(crate) variants: Vec<Variant<'a>>,
}

/// An enum variant, or a struct, that maps to one code.
pub(crate) struct Variant<'a> {
    pub(crate) ident: &'a Ident,
    /// `Type::Name` for a variant, `Type` for a struct: what a pattern starts with.
    pub(crate) path: TokenStream,
    pub(crate) fields: &'a Fields,
    pub(crate) attrs: Attrs,
    /// The `#[allow(...)]` attributes on the variant and its enum (or on the struct), which
    /// the code generated for this variant honours too: `#[allow(deprecated)]` silences the
    /// warning for a deprecated code.
    pub(crate) allows: Vec<&'a syn::Attribute>,
}

/// The `#[allow(...)]` attributes among `attrs`.
fn allows(attrs: &[syn::Attribute]) -> impl Iterator<Item = &syn::Attribute> {
    attrs.iter().filter(|attr| attr.path().is_ident("allow"))
}

impl<'a> Input<'a> {
    pub(crate) fn from_syn(input: &'a DeriveInput, ctxt: &mut Ctxt) -> Option<Self> {
        match &input.data {
            Data::Enum(data) => {
                let attrs = attr::parse(&input.attrs, Place::Enum, ctxt);
                let variants = data
                    .variants
                    .iter()
                    .map(|variant| {
                        let ident = &variant.ident;
                        let ty = &input.ident;
                        Variant {
                            ident,
                            path: quote!(#ty::#ident),
                            fields: &variant.fields,
                            attrs: attr::parse(&variant.attrs, Place::Variant, ctxt),
                            allows: allows(&input.attrs).chain(allows(&variant.attrs)).collect(),
                        }
                    })
                    .collect();
                Some(Input {
                    original: input,
                    attrs,
                    variants,
                })
            }
            Data::Struct(data) => {
                let mut attrs = attr::parse(&input.attrs, Place::Struct, ctxt);
                let ty = &input.ident;
                let variant = Variant {
                    ident: ty,
                    path: quote!(#ty),
                    fields: &data.fields,
                    allows: allows(&input.attrs).collect(),
                    attrs: Attrs {
                        code: attrs.code.take(),
                        desc: attrs.desc.take(),
                        translations: std::mem::take(&mut attrs.translations),
                        had_error: attrs.had_error,
                        ..Attrs::default()
                    },
                };
                Some(Input {
                    original: input,
                    attrs,
                    variants: vec![variant],
                })
            }
            Data::Union(_) => {
                ctxt.error_spanned_by(
                    &input.ident,
                    "ApiError can be derived for an enum or a struct, not a union",
                );
                None
            }
        }
    }

    pub(crate) fn is_enum(&self) -> bool {
        matches!(self.original.data, Data::Enum(_))
    }

    /// The path of the runtime crate in generated code: `crate = ...`, else `::hero_codes`.
    pub(crate) fn krate(&self) -> TokenStream {
        runtime_path(self.attrs.krate.as_ref())
    }
}

/// `path`, or `::hero_codes` when the crate is not renamed.
pub(crate) fn runtime_path(path: Option<&syn::Path>) -> TokenStream {
    match path {
        Some(path) => quote!(#path),
        None => quote!(::hero_codes),
    }
}
