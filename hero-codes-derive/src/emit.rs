//! What a catalog enum and a derived error both emit, by one path: the envelope (once),
//! the answers as data (`hero_codes::__private::Table`: codes, statuses, descriptions and
//! compile-time bodies, one slot per variant and one row per locale), `ApiError`, the
//! framework glue and `ErrorAnswers`.
//!
//! The caller emits everything inside one `const _: () = { ... };` together with
//! `fn index(&Self) -> usize`, the variant's slot: a cast for a catalog enum, a `match`
//! for a derived error. Each `ApiError` method is then one call into the runtime's
//! `#[inline]` readers, so a derive adds little code for rustc to check.

use hero_codes_catalog::CatalogFile;
use proc_macro2::TokenStream;
use quote::quote;

use crate::envelope;

/// The answers of one type, one row per variant in slot order.
pub(crate) struct Answers<'a> {
    pub(crate) file: &'a CatalogFile,
    pub(crate) krate: &'a TokenStream,
    pub(crate) rows: Vec<Row<'a>>,
}

/// One variant's answer.
pub(crate) struct Row<'a> {
    /// The variant's name, as `ErrorAnswers` lists it.
    pub(crate) name: &'a str,
    pub(crate) code: &'a str,
    pub(crate) status: u16,
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

impl Answers<'_> {
    /// `FIELDS` (the envelope, the one time it is written), `CODES`, `TABLE`, `ApiError`,
    /// the glue and `ErrorAnswers`.
    pub(crate) fn expand(&self, impl_for: &ImplFor) -> TokenStream {
        let krate = self.krate;
        let fields = envelope::fields(self.file, krate);
        let table = self.table();
        let methods = self.methods();
        let listed = self.rows.iter().filter(|row| row.listed).map(|row| {
            let (name, code, status) = (row.name, row.code, row.status);
            let desc = match &row.desc {
                RowDesc::Fixed(texts) => texts[0],
                RowDesc::Filled { written, .. } => written.as_str(),
            };
            quote!(#krate::ErrorAnswer { name: #name, code: #code, status: #status, desc: #desc })
        });
        let impls = impls(
            impl_for,
            methods,
            quote!(FIELDS),
            quote!(&[#(#listed),*]),
            krate,
        );
        quote! {
            const FIELDS: #krate::EnvelopeFields = #fields;
            #table
            #impls
        }
    }

    /// Whether some variant's description is filled at run time (its body slots are then
    /// `None`).
    fn fills(&self) -> bool {
        self.rows
            .iter()
            .any(|row| matches!(row.desc, RowDesc::Filled { .. }))
    }

    /// `CODES` and `TABLE`: statics, so that an answer reads one slot of one array.
    fn table(&self) -> TokenStream {
        let krate = self.krate;
        let fills = self.fills();
        let count = self.rows.len();
        let codes = self.rows.iter().map(|row| row.code);
        let statuses = self.rows.iter().map(|row| row.status);
        let locales = 0..envelope::locale_count(self.file);
        let descs = locales.clone().map(|locale| {
            let row = self.rows.iter().map(|row| match &row.desc {
                RowDesc::Fixed(texts) => texts[locale],
                RowDesc::Filled { .. } => "", // never read: the variant's arm answers
            });
            quote!(&[#(#row),*])
        });
        let bodies = locales.map(|locale| {
            let row = self.rows.iter().map(|row| match &row.desc {
                RowDesc::Fixed(texts) => {
                    let body =
                        envelope::error_body_literal(&self.file.envelope, row.code, texts[locale]);
                    if fills {
                        quote!(::core::option::Option::Some(#body))
                    } else {
                        quote!(#body)
                    }
                }
                RowDesc::Filled { .. } => quote!(::core::option::Option::None),
            });
            quote!(&[#(#row),*])
        });
        let body_type = if fills {
            quote!(::core::option::Option<&[u8]>)
        } else {
            quote!(&[u8])
        };
        quote! {
            const CODES: [&str; #count] = [#(#codes),*];
            // Serialized at compile time, once per locale: no serialization per answer.
            static TABLE: #krate::__private::Table<#body_type> = #krate::__private::Table {
                codes: &CODES,
                statuses: &[#(#krate::__private::status(#statuses)),*],
                descs: &[#(#descs),*],
                bodies: &[#(#bodies),*],
            };
        }
    }

    /// The `ApiError` methods, each one read of `TABLE`, inlined wherever the error is
    /// answered (one variant lookup, not one per call).
    fn methods(&self) -> TokenStream {
        let krate = self.krate;
        let fixed_desc = quote!(TABLE.desc(locale, index(self)));
        let (desc, body) = if self.fills() {
            let filled = self.rows.iter().filter_map(|row| match &row.desc {
                RowDesc::Filled {
                    pattern, format, ..
                } => Some(quote!(#pattern => ::std::borrow::Cow::Owned(#format),)),
                RowDesc::Fixed(_) => None,
            });
            let desc = quote! {
                #[allow(unreachable_patterns)]
                match self {
                    #(#filled)*
                    _ => #fixed_desc,
                }
            };
            // One lookup: the fixed body if the variant has one, else serialized now.
            let body = quote! {
                let index = index(self);
                match TABLE.body(locale, index) {
                    ::core::option::Option::Some(body) => body,
                    ::core::option::Option::None => #krate::__private::error_body(
                        &FIELDS,
                        TABLE.code(index),
                        &#krate::ApiError::localized_desc(self, locale),
                    ),
                }
            };
            (desc, body)
        } else {
            (fixed_desc, quote!(TABLE.body(locale, index(self))))
        };
        quote! {
            #[inline]
            fn code(&self) -> &'static str {
                TABLE.code(index(self))
            }

            #[inline]
            fn status(&self) -> #krate::__private::http::StatusCode {
                TABLE.status(index(self))
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
                #desc
            }

            #[inline]
            fn localized_body(&self, locale: usize) -> #krate::__private::Bytes {
                #body
            }
        }
    }
}

/// `impl ApiError` with `methods`, the framework glue, and `impl ErrorAnswers` with the
/// envelope `fields` and the `answers` slice; the derive's fallback shares it. Each is
/// bounded by what it needs, so a generic type whose `Error` impl has bounds of its own (as
/// thiserror writes them) gets them under the same bounds.
pub(crate) fn impls(
    impl_for: &ImplFor,
    methods: TokenStream,
    fields: TokenStream,
    answers: TokenStream,
    krate: &TokenStream,
) -> TokenStream {
    let ImplFor {
        generics,
        ty,
        error_where,
        api_where,
    } = impl_for;
    quote! {
        #[automatically_derived]
        impl #generics #krate::ApiError for #ty #error_where {
            #methods
        }

        #krate::__framework_glue! { [#generics] [#ty] [#api_where] }

        #[automatically_derived]
        impl #generics #krate::ErrorAnswers for #ty #api_where {
            const FIELDS: #krate::EnvelopeFields = #fields;
            const ANSWERS: &'static [#krate::ErrorAnswer] = #answers;
        }
    }
}
