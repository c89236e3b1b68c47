//! What a catalog enum and a derived error both emit, by one path: their answers as data
//! (`hero_codes::__private::Table`: the envelope once, each variant's code identity, its
//! code, status and labels, and descriptions and compile-time bodies, one row per locale),
//! the hidden `Tabled` impl (the table and the variant's slot) and the framework glue.
//!
//! The runtime implements `ApiError` and `ErrorAnswers` once for every `Tabled` type, so
//! a derive adds two small impls for rustc to check, the table being `Tabled`'s constant:
//! what it costs scales with the number and size of the items and tokens it generates.
//! The caller emits everything inside one `const _: () = { ... };`.

use hero_codes_catalog::CatalogFile;
use proc_macro2::{Literal, TokenStream};
use quote::quote;

use crate::envelope;

/// The answers of one type, one row per variant in slot order.
pub(crate) struct Answers<'a> {
    /// The catalog file the answers come from; `None` for the derive's fallback, which
    /// answers nothing, in the built-in envelope.
    pub(crate) file: Option<&'a CatalogFile>,
    pub(crate) krate: &'a TokenStream,
    pub(crate) rows: Vec<Row<'a>>,
}

/// One variant's answer.
pub(crate) struct Row<'a> {
    /// The variant's name, as `ErrorAnswers` lists it.
    pub(crate) name: &'a str,
    /// The name of the catalog the code is in, for the code's identity in traces and
    /// metrics.
    pub(crate) catalog: &'a str,
    pub(crate) code: &'a str,
    pub(crate) status: u16,
    /// The gRPC status code's number, the reason of its `ErrorInfo` (the catalog variant
    /// in UPPER_SNAKE_CASE) and its domain: the code's identity over gRPC.
    pub(crate) grpc: i32,
    pub(crate) reason: String,
    pub(crate) domain: &'a str,
    /// Where the description comes from.
    pub(crate) desc: RowDesc<'a>,
    /// Whether `ErrorAnswers` lists it: a catalog's success code is no error.
    pub(crate) listed: bool,
}

/// A variant's description.
pub(crate) enum RowDesc<'a> {
    /// Fixed: one text per locale of the file, the default first.
    Fixed(Vec<&'a str>),
    /// Filled from the variant's fields at run time.
    Filled {
        /// The default locale's text as written, `应用{id}不存在`, for `ErrorAnswers`.
        written: String,
        /// The variant's pattern, binding the fields the text names.
        pattern: TokenStream,
        /// The text in the locale `locale` holds, formatted from those bindings.
        format: TokenStream,
        /// Each field the text names, by name, handed to `visit` as the text formats it:
        /// the `ErrorInfo` metadata of a gRPC answer.
        visits: TokenStream,
    },
}

impl Row<'_> {
    /// `(catalog, code, status, success, grpc, reason, domain)`: the row of the code's
    /// identity, which `identities` builds. A catalog's success code is the one row
    /// `ErrorAnswers` does not list.
    fn identity(&self) -> TokenStream {
        let Row {
            catalog,
            code,
            status,
            grpc,
            reason,
            domain,
            ..
        } = self;
        let success = !self.listed;
        quote!((#catalog, #code, #status, #success, #grpc, #reason, #domain))
    }
}

/// The `impl` header pieces of the type the answers are for.
pub(crate) struct ImplFor {
    pub(crate) generics: TokenStream,
    pub(crate) ty: TokenStream,
    /// `where` clause of `Tabled` (`Self: Error` and the type's own bounds).
    pub(crate) error_where: TokenStream,
    /// `where` clause of the glue (`Self: ApiError` and the type's own).
    pub(crate) api_where: TokenStream,
    /// The slot of `self`'s variant, as an expression.
    pub(crate) slot: TokenStream,
}

impl<'a> Answers<'a> {
    /// No answer: the derive's fallback after a mistake, so that the type still implements
    /// `ApiError` and the mistake is the only error.
    pub(crate) fn none(krate: &'a TokenStream) -> Self {
        Answers {
            file: None,
            krate,
            rows: Vec::new(),
        }
    }

    /// The table, `Tabled` and the framework glue.
    pub(crate) fn expand(&self, impl_for: &ImplFor) -> TokenStream {
        let krate = self.krate;
        let ImplFor {
            generics,
            ty,
            error_where,
            api_where,
            slot,
        } = impl_for;
        let table = self.table();
        let filled_desc = self.filled_desc();
        let glue = framework_glue(krate, quote!([#generics] [#ty] [#api_where]));
        quote! {
            #[automatically_derived]
            impl #generics #krate::__private::Tabled for #ty #error_where {
                // A constant, not a `static` beside the impl: one item less for rustc in
                // every derive, and an answer still reads one slot of it.
                const TABLE: &'static #krate::__private::Table = &#table;

                #[inline]
                fn slot(&self) -> usize {
                    #slot
                }

                #filled_desc
            }

            #glue
        }
    }

    /// `Table { envelope, identities, ..}`: one slot per variant, one row per locale,
    /// bodies serialized now, at compile time.
    fn table(&self) -> TokenStream {
        let krate = self.krate;
        let envelope = match self.file {
            Some(file) => envelope::fields(file, krate),
            None => quote!(#krate::ENVELOPE),
        };
        let names = self.rows.iter().map(|row| row.name);
        let identities = self.rows.iter().map(|row| row.identity());
        let locales = 0..self.file.map_or(0, envelope::locale_count);
        let descs = locales.clone().map(|locale| {
            let row = self.rows.iter().map(|row| match (&row.desc, locale) {
                (RowDesc::Fixed(texts), _) => texts[locale],
                (RowDesc::Filled { written, .. }, 0) => written.as_str(),
                (RowDesc::Filled { .. }, _) => "", // never read: the variant's arm answers
            });
            quote!(&[#(#row),*])
        });
        let bodies = locales.map(|locale| {
            let row = self.rows.iter().map(|row| self.body(row, locale));
            quote!(&[#(#row),*])
        });
        quote! {
            #krate::__private::Table {
                envelope: #envelope,
                names: &[#(#names),*],
                identities: &#krate::__private::identities([#(#identities),*]),
                descs: &[#(#descs),*],
                bodies: &[#(#bodies),*],
            }
        }
    }

    /// The row's body in `locale`, serialized now; empty where the description is filled
    /// at run time.
    fn body(&self, row: &Row<'_>, locale: usize) -> Literal {
        match (&row.desc, self.file) {
            (RowDesc::Fixed(texts), Some(file)) => {
                envelope::error_body_literal(&file.envelope, row.code, texts[locale])
            }
            (RowDesc::Filled { .. }, _) | (_, None) => Literal::byte_string(b""),
        }
    }

    /// `Tabled::filled_desc` and `visit_fields` of a derived error whose descriptions are
    /// filled at run time: each such variant has an arm of its own; nothing for the others.
    fn filled_desc(&self) -> TokenStream {
        let filled: Vec<(&TokenStream, &TokenStream, &TokenStream)> = self
            .rows
            .iter()
            .filter_map(|row| match &row.desc {
                RowDesc::Filled {
                    pattern,
                    format,
                    visits,
                    ..
                } => Some((pattern, format, visits)),
                RowDesc::Fixed(_) => None,
            })
            .collect();
        if filled.is_empty() {
            return TokenStream::new();
        }
        let descs = filled
            .iter()
            .map(|(pattern, format, _)| quote!(#pattern => ::core::option::Option::Some(#format),));
        let visits = filled
            .iter()
            .map(|(pattern, _, visits)| quote!(#pattern => { #visits }));
        quote! {
            #[inline]
            #[allow(unused_variables)] // `locale`, when every text is in one language
            fn filled_desc(&self, locale: usize) -> ::core::option::Option<::std::string::String> {
                #[allow(unreachable_patterns)]
                match self {
                    #(#descs)*
                    _ => ::core::option::Option::None,
                }
            }

            fn visit_fields(
                &self,
                visit: &mut dyn ::core::ops::FnMut(&'static str, ::std::string::String),
            ) {
                #[allow(unreachable_patterns)]
                match self {
                    #(#visits)*
                    _ => {}
                }
            }
        }
    }
}

/// The framework impls of a type that implements `ApiError`: one call of the runtime's
/// macro for each framework feature it has (`hero_codes::__axum_glue! { [generics] [Type]
/// [where] }` and the like), which it turns on in this crate too (a build of it that
/// lacks a feature another build turned on here defines that macro empty). Chosen here,
/// not by a runtime macro asking each feature in turn: each macro call is work for rustc
/// in every derive.
fn framework_glue(krate: &TokenStream, input: TokenStream) -> TokenStream {
    let enabled = [
        (cfg!(feature = "axum"), quote!(__axum_glue)),
        (cfg!(feature = "actix"), quote!(__actix_glue)),
        (cfg!(feature = "utoipa"), quote!(__utoipa_glue)),
        (cfg!(feature = "tonic"), quote!(__tonic_glue)),
    ];
    enabled
        .into_iter()
        .filter(|(on, _)| *on)
        .map(|(_, glue)| quote!(#krate::#glue! { #input }))
        .collect()
}
