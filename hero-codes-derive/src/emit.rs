//! What a catalog enum and a derived error both emit, by one path: the envelope (once),
//! the answers as data (`hero_codes::__private::Table`: codes, statuses, descriptions and
//! compile-time bodies, one slot per variant and one row per locale), `ApiError`, the
//! framework glue and `ErrorAnswers`.
//!
//! The caller emits everything inside one `const _: () = { ... };` together with
//! `fn index(&Self) -> usize`, the variant's slot: a cast for a catalog enum, a `match`
//! for a derived error. The proc macro emits the data and one invocation of the runtime's
//! `__answers!`, which holds the impls; each `ApiError` method is one call into the
//! runtime's `#[inline]` readers, so a derive adds little code to expand and check.

use hero_codes_catalog::CatalogFile;
use proc_macro2::TokenStream;
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

/// The `impl` header pieces of the type the answers are for.
pub(crate) struct ImplFor {
    pub(crate) generics: TokenStream,
    pub(crate) ty: TokenStream,
    /// `where` clause of `ApiError` (`Self: Error` and the type's own bounds).
    pub(crate) error_where: TokenStream,
    /// `where` clause of the glue and `ErrorAnswers` (`Self: ApiError` and the type's own).
    pub(crate) api_where: TokenStream,
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

    /// The invocation of the runtime's `__answers!`, which defines `TABLE` (the envelope
    /// written once in it) and implements `ApiError`, the glue and `ErrorAnswers` on it: the
    /// proc macro emits the data, rustc expands the rest.
    pub(crate) fn expand(&self, impl_for: &ImplFor) -> TokenStream {
        let krate = self.krate;
        let ImplFor {
            generics,
            ty,
            error_where,
            api_where,
        } = impl_for;
        let fields = match self.file {
            Some(file) => envelope::fields(file, krate),
            None => quote!(#krate::ENVELOPE),
        };
        let table = self.table(&fields);
        let listed = self.rows.iter().filter(|row| row.listed).map(|row| {
            let (name, code, status) = (row.name, row.code, row.status);
            let desc = match &row.desc {
                RowDesc::Fixed(texts) => texts[0],
                RowDesc::Filled { written, .. } => written.as_str(),
            };
            quote!(#krate::ErrorAnswer { name: #name, code: #code, status: #status, desc: #desc })
        });
        let methods = self.methods();
        quote! {
            #krate::__answers! {
                impl [#generics] [#ty] [#error_where] [#api_where]
                #table
                answers &[#(#listed),*];
                methods #methods
            }
        }
    }

    /// Whether some variant's description is filled at run time (its body slots are then
    /// `None`).
    fn fills(&self) -> bool {
        self.rows
            .iter()
            .any(|row| matches!(row.desc, RowDesc::Filled { .. }))
    }

    /// `table <body type> { envelope ..; codes ..; statuses [..] descs ..; bodies ..; }`:
    /// one slot per variant, one row per locale, bodies serialized now, at compile time.
    fn table(&self, fields: &TokenStream) -> TokenStream {
        let fills = self.fills();
        let codes = self.rows.iter().map(|row| row.code);
        let statuses = self.rows.iter().map(|row| row.status);
        // A catalog's success code is the one row `ErrorAnswers` does not list.
        let identities = self.rows.iter().map(|row| {
            let (catalog, code, status, success) = (row.catalog, row.code, row.status, !row.listed);
            let (grpc, reason, domain) = (row.grpc, &row.reason, row.domain);
            quote!((#catalog, #code, #status, #success, #grpc, #reason, #domain))
        });
        let locales = 0..self.file.map_or(0, envelope::locale_count);
        let descs = locales.clone().map(|locale| {
            let row = self.rows.iter().map(|row| match &row.desc {
                RowDesc::Fixed(texts) => texts[locale],
                RowDesc::Filled { .. } => "", // never read: the variant's arm answers
            });
            quote!(&[#(#row),*])
        });
        // Rows come from a file: the fallback, without one, has none.
        let envelope = self.file.map(|file| &file.envelope);
        let bodies = locales.map(|locale| {
            let row = self.rows.iter().map(|row| match (&row.desc, envelope) {
                (RowDesc::Fixed(texts), Some(envelope)) => {
                    let body = envelope::error_body_literal(envelope, row.code, texts[locale]);
                    if fills {
                        quote!(::core::option::Option::Some(#body))
                    } else {
                        quote!(#body)
                    }
                }
                (RowDesc::Filled { .. }, _) | (_, None) => quote!(::core::option::Option::None),
            });
            quote!(&[#(#row),*])
        });
        let body_type = if fills {
            quote!(::core::option::Option<&[u8]>)
        } else {
            quote!(&[u8])
        };
        quote! {
            table #body_type {
                envelope #fields;
                codes &[#(#codes),*];
                statuses [#(#statuses),*]
                identities [#(#identities),*]
                descs &[#(#descs),*];
                bodies &[#(#bodies),*];
            }
        }
    }

    /// `fixed`, or the `localized_desc` and `localized_body` of a derived error whose
    /// descriptions are filled at run time: each such variant has an arm of its own.
    fn methods(&self) -> TokenStream {
        if !self.fills() {
            return quote!(fixed);
        }
        let krate = self.krate;
        let filled = self.rows.iter().filter_map(|row| match &row.desc {
            RowDesc::Filled {
                pattern, format, ..
            } => Some(quote!(#pattern => ::std::borrow::Cow::Owned(#format),)),
            RowDesc::Fixed(_) => None,
        });
        let visits = self.rows.iter().filter_map(|row| match &row.desc {
            RowDesc::Filled {
                pattern, visits, ..
            } => Some(quote!(#pattern => { #visits })),
            RowDesc::Fixed(_) => None,
        });
        quote! {{
            #[inline]
            fn localized_desc(&self, locale: usize) -> ::std::borrow::Cow<'static, str> {
                #[allow(unreachable_patterns)]
                match self {
                    #(#filled)*
                    _ => TABLE.desc(locale, index(self)),
                }
            }

            fn visit_fields(
                &self,
                visit: &mut dyn ::core::ops::FnMut(&'static str, &dyn ::core::fmt::Display),
            ) {
                #[allow(unreachable_patterns)]
                match self {
                    #(#visits)*
                    _ => {}
                }
            }

            // One lookup: the fixed body if the variant has one, else serialized now.
            #[inline]
            fn localized_body(&self, locale: usize) -> #krate::__private::Bytes {
                let index = index(self);
                match TABLE.body(locale, index) {
                    ::core::option::Option::Some(body) => body,
                    ::core::option::Option::None => #krate::__private::error_body(
                        &TABLE.envelope,
                        TABLE.code(index),
                        &#krate::ApiError::localized_desc(self, locale),
                    ),
                }
            }
        }}
    }
}
