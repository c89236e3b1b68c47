//! Code generation for `include_catalog!`: one enum per catalog, the envelope's field
//! names and the HTTP status table.
//!
//! Generated code names the runtime only as `::hero_codes::...` (or the path given with
//! `crate = ...`), so it works in any crate that depends on `hero-codes` (and in
//! `hero-codes` itself, through `extern crate self`).

use hero_codes_catalog::{Catalog, CatalogFile, CodeEntry, markdown_http_table, markdown_table};
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;
use syn::parse::{Parse, ParseStream};

use crate::envelope;
use crate::source::{self, Loaded, NotLoaded};

/// `include_catalog!()`, `include_catalog!("codes.toml")` or
/// `include_catalog!("codes.toml", crate = my_codes)`.
pub(crate) struct Input {
    /// The file, relative to the crate's manifest; `None` for the crate's declared one.
    path: Option<syn::LitStr>,
    /// The runtime crate's path, `::hero_codes` unless renamed.
    krate: TokenStream,
}

impl Parse for Input {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let path = if input.peek(syn::LitStr) {
            Some(input.parse()?)
        } else {
            None
        };
        let mut krate = quote!(::hero_codes);
        if path.is_some() && !input.is_empty() {
            input.parse::<syn::Token![,]>()?;
        }
        if !input.is_empty() {
            input.parse::<syn::Token![crate]>().map_err(|error| {
                syn::Error::new(
                    error.span(),
                    "expected the catalog file as a string, then optionally `crate = path`: `include_catalog!(\"codes.toml\")`",
                )
            })?;
            input.parse::<syn::Token![=]>()?;
            let path: syn::Path = input.parse()?;
            krate = quote!(#path);
        }
        Ok(Input { path, krate })
    }
}

impl Input {
    /// The catalog file this invocation names, loaded and checked.
    pub(crate) fn load(&self) -> Result<Loaded, NotLoaded> {
        match &self.path {
            Some(path) => source::load(path, &format!("include_catalog!({:?})", path.value())),
            None => source::load_declared_only(Span::call_site(), "include_catalog!()"),
        }
    }

    pub(crate) fn krate(&self) -> &TokenStream {
        &self.krate
    }
}

pub(crate) fn expand(loaded: &Loaded, krate: &TokenStream) -> TokenStream {
    let track = track_files(loaded);
    let envelope = expand_envelope(&loaded.file, krate);
    let http_statuses = expand_http_statuses(&loaded.file, krate);
    let enums = loaded
        .file
        .catalogs
        .iter()
        .map(|catalog| expand_catalog(catalog, &loaded.file, krate));
    quote! {
        #track
        #envelope
        #http_statuses
        #(#enums)*
    }
}

/// `include_bytes!` of each file the code was generated from, which makes cargo rebuild
/// the crate when one changes, as with any `include_bytes!` (`proc_macro::tracked_path` is
/// not stable).
pub(crate) fn track_files(loaded: &Loaded) -> TokenStream {
    let paths = loaded
        .tracked
        .iter()
        .map(|path| path.to_string_lossy().into_owned());
    quote! {
        #(const _: &[u8] = ::core::include_bytes!(#paths);)*
    }
}

fn expand_envelope(file: &CatalogFile, krate: &TokenStream) -> TokenStream {
    let fields = envelope::fields(file, krate);
    quote! {
        /// The field names and limits of the response envelope, from the catalog file.
        pub const ENVELOPE: #krate::EnvelopeFields = #fields;
    }
}

fn expand_http_statuses(
    file: &hero_codes_catalog::CatalogFile,
    krate: &TokenStream,
) -> TokenStream {
    let rows = file.http_statuses.iter().map(|row| {
        let status = row.status.value;
        let reason = &row.reason.value;
        let meaning = &row.meaning.value;
        quote! {
            #krate::HttpStatusRow { status: #status, reason: #reason, meaning: #meaning }
        }
    });
    let markdown = markdown_http_table(file);
    let doc = format!("The HTTP status table of the catalog file.\n\n{markdown}");
    quote! {
        #[doc = #doc]
        pub const HTTP_STATUSES: #krate::HttpStatusTable =
            #krate::HttpStatusTable::new(&[#(#rows),*], #markdown);
    }
}

/// The enum, and its impls inside `const _: () = { ... };` with the tables they read, so
/// that no helper item appears on the user's type or in their namespace.
fn expand_catalog(catalog: &Catalog, file: &CatalogFile, krate: &TokenStream) -> TokenStream {
    let name = Ident::new(&catalog.name.value, Span::call_site());
    let catalog_name = &catalog.name.value;
    let markdown = markdown_table(catalog);
    let summary = catalog.doc.as_ref().map_or_else(
        || format!("The `{catalog_name}` catalog."),
        |doc| doc.value.clone(),
    );
    let success = catalog
        .success()
        .expect("a checked catalog has a success code");
    let doc = format!(
        "{summary}\n\nSuccess is `{}` ({}).\n\n{markdown}",
        success.code.value, success.name.value
    );
    let success = Ident::new(&success.name.value, Span::call_site());
    let count = catalog.codes.len();
    let slots = count.saturating_mul(2).next_power_of_two();
    let variants: Vec<Ident> = catalog
        .codes
        .iter()
        .map(|entry| Ident::new(&entry.name.value, Span::call_site()))
        .collect();
    let variant_docs = catalog.codes.iter().map(|entry| variant_doc(entry, file));
    let variant_deprecations = catalog.codes.iter().map(deprecation);
    let names = catalog.codes.iter().map(|entry| entry.name.value.as_str());
    let codes = catalog.codes.iter().map(|entry| entry.code.value.as_str());
    let statuses = catalog.codes.iter().map(|entry| entry.status.value);
    let locale_count = envelope::locale_count(file);
    // One row per locale, one column per code.
    let descs = (0..locale_count).map(|locale| {
        let row = catalog.codes.iter().map(|entry| entry.desc_in(locale));
        quote!([#(#row),*])
    });
    let bodies = (0..locale_count).map(|locale| {
        let row = catalog.codes.iter().map(|entry| {
            envelope::error_body_literal(&file.envelope, &entry.code.value, entry.desc_in(locale))
        });
        quote!([#(#row),*])
    });
    let fields = envelope::fields(file, krate);
    // What an error of this catalog can answer: every code but the success code.
    let answers = catalog
        .codes
        .iter()
        .filter(|entry| success != entry.name.value)
        .map(|entry| {
            let (name, code) = (&entry.name.value, &entry.code.value);
            let (status, desc) = (entry.status.value, entry.desc_in(0));
            quote!(#krate::ErrorAnswer { name: #name, code: #code, status: #status, desc: #desc })
        });
    let failure_codes = expand_failure_codes(catalog, &name, krate);
    let status_code = quote!(#krate::__private::http::StatusCode);
    // Arrays indexed by variant rather than a `match` per method: the generated code stays
    // small for thousands of codes, and every accessor is one load. Statics, not consts:
    // indexing reads one slot of one array rather than copying it.
    quote! {
        #[doc = #doc]
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum #name {
            #( #[doc = #variant_docs] #variant_deprecations #variants, )*
        }

        // The tables and impls name every variant, deprecated ones included.
        #[allow(deprecated)]
        const _: () = {
            const CODE_LIST: [&str; #count] = [#(#codes),*];
            static CODES: [&str; #count] = CODE_LIST;
            static NAMES: [&str; #count] = [#(#names),*];
            static DESCS: [[&str; #count]; #locale_count] = [#(#descs),*];
            static STATUSES: [#status_code; #count] = [#(#krate::__private::status(#statuses)),*];
            // Serialized at compile time: no serialization per answer.
            static BODIES: [[&[u8]; #count]; #locale_count] = [#(#bodies),*];
            // `from_code`'s table, built by `const` evaluation.
            static INDEX: [u32; #slots] = #krate::__private::build_index(&CODE_LIST);
            static FIELDS: #krate::EnvelopeFields = #fields;

            const fn index(code: &#name) -> usize {
                *code as usize
            }

            impl #name {
                /// Every code of the catalog, in file order.
                pub const ALL: &'static [Self] = &[#(Self::#variants),*];

                /// The catalog as a Markdown table, one row per code.
                pub const MARKDOWN_TABLE: &'static str = #markdown;

                /// The code as it goes into the envelope's code field, e.g. `"10400"`.
                pub const fn code(&self) -> &'static str {
                    CODES[index(self)]
                }

                /// The HTTP status this code answers with.
                pub const fn status(&self) -> #status_code {
                    STATUSES[index(self)]
                }

                /// The public description of the code, from the catalog file, in its
                /// default locale.
                pub const fn desc(&self) -> &'static str {
                    DESCS[0][index(self)]
                }

                /// The description in `locale`, one of the file's `locales` (`"en"`);
                /// `None` for another.
                pub fn desc_in(&self, locale: &str) -> ::core::option::Option<&'static str> {
                    let locale = FIELDS.locales.iter().position(|tag| *tag == locale)?;
                    ::core::option::Option::Some(DESCS[locale][index(self)])
                }

                /// The variant whose code is `code`, if the catalog has one. Constant time,
                /// whatever the catalog's size.
                pub fn from_code(code: &str) -> ::core::option::Option<Self> {
                    #krate::__private::find(&INDEX, &CODES, code).map(|index| Self::ALL[index])
                }
            }

            impl ::core::fmt::Debug for #name {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.write_str(NAMES[index(self)])
                }
            }

            impl #krate::CatalogCode for #name {
                const CATALOG: &'static str = #catalog_name;
                const ALL: &'static [Self] = Self::ALL;
                const SUCCESS: Self = Self::#success;
                const ENVELOPE: #krate::EnvelopeFields = #fields;

                fn code(&self) -> &'static str {
                    Self::code(self)
                }

                fn status(&self) -> #status_code {
                    Self::status(self)
                }

                fn desc(&self) -> &'static str {
                    Self::desc(self)
                }

                fn desc_in(&self, locale: &str) -> ::core::option::Option<&'static str> {
                    Self::desc_in(self, locale)
                }

                fn from_code(code: &str) -> ::core::option::Option<Self> {
                    Self::from_code(code)
                }
            }

            impl ::std::error::Error for #name {}

            impl #krate::ApiError for #name {
                fn code(&self) -> &'static str {
                    Self::code(self)
                }

                fn status(&self) -> #status_code {
                    Self::status(self)
                }

                fn desc(&self) -> ::std::borrow::Cow<'static, str> {
                    ::std::borrow::Cow::Borrowed(Self::desc(self))
                }

                fn envelope(&self) -> &'static #krate::EnvelopeFields {
                    &FIELDS
                }

                #[inline]
                fn localized_desc(&self, locale: usize) -> ::std::borrow::Cow<'static, str> {
                    let descs = DESCS.get(locale).unwrap_or(&DESCS[0]);
                    ::std::borrow::Cow::Borrowed(descs[index(self)])
                }

                #[inline]
                fn localized_body(&self, locale: usize) -> #krate::__private::Bytes {
                    let bodies = BODIES.get(locale).unwrap_or(&BODIES[0]);
                    #krate::__private::Bytes::from_static(bodies[index(self)])
                }

                #[inline]
                fn body(&self) -> #krate::__private::Bytes {
                    #krate::__private::Bytes::from_static(BODIES[0][index(self)])
                }
            }

            impl #krate::ErrorAnswers for #name {
                const FIELDS: #krate::EnvelopeFields = #fields;
                const ANSWERS: &'static [#krate::ErrorAnswer] = &[#(#answers),*];
            }

            #krate::__framework_glue! { [] [#name] [] }
            #krate::__catalog_glue! { #name }

            #failure_codes

            impl ::core::fmt::Display for #name {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    #krate::__private::display_code(self, f)
                }
            }

            impl ::core::str::FromStr for #name {
                type Err = #krate::UnknownCode;

                fn from_str(code: &str) -> ::core::result::Result<Self, Self::Err> {
                    #krate::__private::parse_code(code)
                }
            }

            impl #krate::__private::serde::Serialize for #name {
                fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
                where
                    S: #krate::__private::serde::Serializer,
                {
                    #krate::__private::serialize_code(self, serializer)
                }
            }

            impl<'de> #krate::__private::serde::Deserialize<'de> for #name {
                fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
                where
                    D: #krate::__private::serde::Deserializer<'de>,
                {
                    #krate::__private::deserialize_code(deserializer)
                }
            }
        };
    }
}

/// `FailureCodes` for a catalog with a `failures` table: `invalid_json = "10000"` becomes
/// `Failure::InvalidJson => Self::InvalidParameter`.
fn expand_failure_codes(catalog: &Catalog, name: &Ident, krate: &TokenStream) -> TokenStream {
    let Some(failures) = &catalog.failures else {
        return TokenStream::new();
    };
    let arms = failures.iter().filter_map(|failure| {
        let entry = catalog.entry(&failure.code.value)?;
        let kind = Ident::new(failure.kind.value.name(), Span::call_site());
        let variant = Ident::new(&entry.name.value, Span::call_site());
        Some(quote! { #krate::Failure::#kind => Self::#variant, })
    });
    quote! {
        impl #krate::FailureCodes for #name {
            fn for_failure(failure: #krate::Failure) -> Self {
                match failure {
                    #(#arms)*
                }
            }
        }
    }
}

/// The variant's doc line, so rustdoc shows the table: "`10400` · HTTP 404 ·
/// 所请求的资源不存在", then each other locale's text: " · en: The requested ...".
fn variant_doc(entry: &CodeEntry, file: &CatalogFile) -> String {
    let mut doc = entry.doc_line();
    for (index, locale) in file.locale_tags().iter().enumerate().skip(1) {
        doc.push_str(&format!(" · {locale}: {}", entry.desc_in(index)));
    }
    doc
}

/// `#[deprecated(note = "...")]` for a code the file marks `deprecated`: naming the variant
/// warns with the file's note, and the code still answers.
fn deprecation(entry: &CodeEntry) -> Option<TokenStream> {
    let note = entry.deprecated.as_ref()?;
    let note = format!("code `{}` is deprecated: {}", entry.code.value, note.value);
    Some(quote!(#[deprecated(note = #note)]))
}
