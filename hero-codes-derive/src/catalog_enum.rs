//! Code generation for `include_catalog!`: one enum per catalog, the envelope's field
//! names and the HTTP status table.
//!
//! Generated code names the runtime only as `::hero_codes::...` (or the path given with
//! `crate = ...`), so it works in any crate that depends on `hero-codes` (and in
//! `hero-codes` itself, through `extern crate self`).

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Mutex;

use hero_codes_catalog::{
    Catalog, CatalogFile, CodeEntry, error_reason, markdown_http_table, markdown_table,
};
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;
use syn::parse::{Parse, ParseStream};

use crate::emit::{Answers, ImplFor, Row, RowDesc};
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
///
/// Once per file in a compiler run: what cargo reads is the crate's dep-info, to which one
/// `include_bytes!` of a file adds it as well as three hundred, and a compiler run expands
/// every macro of the crate again (expansion is not incremental), so the first expansion
/// that names a file tracks it in every build. Three copies of a file per derive were a
/// tenth of what a large service's derives cost `cargo check`.
pub(crate) fn track_files(loaded: &Loaded) -> TokenStream {
    static TRACKED: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());
    let mut tracked = TRACKED
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let paths = loaded
        .tracked
        .iter()
        .filter(|path| tracked.insert((*path).clone()))
        .map(|path| path.to_string_lossy().into_owned());
    quote! {
        #(const _: &[u8] = ::core::include_bytes!(#paths);)*
    }
}

fn expand_envelope(file: &CatalogFile, krate: &TokenStream) -> TokenStream {
    let fields = envelope::fields(file, krate);
    quote! {
        /// The field names and limits of the response envelope, from the catalog file.
        pub const ENVELOPE: #krate::Envelope = #fields;
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
    let doc = catalog_doc(catalog);
    let variants = catalog.codes.iter().map(|entry| {
        let variant = Ident::new(&entry.name.value, Span::call_site());
        let doc = variant_doc(entry, file);
        let deprecation = deprecation(entry);
        quote!(#[doc = #doc] #deprecation #variant,)
    });
    let answers = catalog_answers(catalog, file, krate).expand(&ImplFor {
        generics: TokenStream::new(),
        ty: quote!(#name),
        error_where: TokenStream::new(),
        api_where: TokenStream::new(),
        slot: quote!(index(self)),
    });
    let inherent = inherent_impl(catalog, &name, krate);
    let catalog_code = catalog_code_impl(catalog, &name, krate);
    let failure_codes = expand_failure_codes(catalog, &name, krate);
    let std_impls = std_impls(&name, krate);
    // What a feature implements for a catalog enum beyond its errors: its schema, for
    // utoipa (the runtime turns the feature on here too).
    let catalog_glue =
        cfg!(feature = "utoipa").then(|| quote!(#krate::__utoipa_catalog_glue! { #name }));
    quote! {
        #[doc = #doc]
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
        }

        // The tables and impls name every variant, deprecated ones included.
        #[allow(deprecated)]
        const _: () = {
            const fn index(code: &#name) -> usize {
                *code as usize
            }

            // The table `Tabled` holds, for the readers below.
            const TABLE: &#krate::__private::Table = <#name as #krate::__private::Tabled>::TABLE;

            #answers
            #inherent
            #catalog_code
            #failure_codes
            #std_impls
            #catalog_glue
        };
    }
}

/// The enum's doc: the catalog's own line, its success code, and the table of its codes.
fn catalog_doc(catalog: &Catalog) -> String {
    let summary = catalog.doc.as_ref().map_or_else(
        || format!("The `{}` catalog.", catalog.name.value),
        |doc| doc.value.clone(),
    );
    let success = catalog.success().map_or_else(String::new, |success| {
        format!(
            "\n\nSuccess is `{}` ({}).",
            success.code.value, success.name.value
        )
    });
    format!("{summary}{success}\n\n{}", markdown_table(catalog))
}

/// The catalog's answers, one row per code; every code but the success code is an error
/// answer.
fn catalog_answers<'a>(
    catalog: &'a Catalog,
    file: &'a CatalogFile,
    krate: &'a TokenStream,
) -> Answers<'a> {
    let success = catalog.success().map(|entry| entry.code.value.as_str());
    let locales = envelope::locale_count(file);
    let rows = catalog
        .codes
        .iter()
        .map(|entry| Row {
            name: &entry.name.value,
            catalog: &catalog.name.value,
            code: &entry.code.value,
            status: entry.status.value,
            grpc: catalog.grpc_of(entry).number(),
            reason: error_reason(&entry.name.value),
            domain: file.domain_of(catalog),
            desc: RowDesc::Fixed((0..locales).map(|locale| entry.desc_in(locale)).collect()),
            listed: success != Some(entry.code.value.as_str()),
        })
        .collect();
    Answers {
        file: Some(file),
        krate,
        rows,
    }
}

/// `ALL`, `MARKDOWN_TABLE`, and the `const` readers of a code, which also serve
/// `CatalogCode`. Reads the `TABLE` of the shared emission.
fn inherent_impl(catalog: &Catalog, name: &Ident, krate: &TokenStream) -> TokenStream {
    let variants = catalog
        .codes
        .iter()
        .map(|entry| Ident::new(&entry.name.value, Span::call_site()));
    let markdown = markdown_table(catalog);
    let count = catalog.codes.len();
    let retryable = catalog.codes.iter().map(CodeEntry::is_retryable);
    quote! {
        // `from_code`'s table, built by `const` evaluation.
        static INDEX: [u32; #krate::__private::slot_count(#count)] =
            #krate::__private::build_index(TABLE.identities);

        // Each code's `retryable`, by variant.
        const RETRYABLE: [bool; #count] = [#(#retryable),*];

        impl #name {
            /// Every code of the catalog, in file order.
            pub const ALL: &'static [Self] = &[#(Self::#variants),*];

            /// The catalog as a Markdown table, one row per code.
            pub const MARKDOWN_TABLE: &'static str = #markdown;

            /// The envelope of the catalog's file: field names, code type, limits, locales.
            pub const ENVELOPE: #krate::Envelope = TABLE.envelope;

            /// The code as it goes into the envelope's code field, e.g. `"10400"`.
            pub const fn code(&self) -> &'static str {
                TABLE.code(index(self))
            }

            /// The HTTP status this code answers with.
            pub const fn status(&self) -> #krate::__private::http::StatusCode {
                TABLE.status(index(self))
            }

            /// The public description of the code, from the catalog file, in its
            /// default locale.
            pub const fn desc(&self) -> &'static str {
                TABLE.descs[0][index(self)]
            }

            /// The description in `locale`, one of the file's `locales` (`"en"`);
            /// `None` for another.
            pub fn desc_in(&self, locale: &str) -> ::core::option::Option<&'static str> {
                let locale = TABLE.envelope.locales.iter().position(|tag| *tag == locale)?;
                ::core::option::Option::Some(TABLE.descs[locale][index(self)])
            }

            /// Whether sending the same request again can succeed: the code's
            /// `retryable` in the catalog file, `false` when the file does not say.
            pub const fn retryable(&self) -> bool {
                RETRYABLE[index(self)]
            }

            /// The variant whose code is `code`, if the catalog has one. Constant time,
            /// whatever the catalog's size.
            pub fn from_code(code: &str) -> ::core::option::Option<Self> {
                #krate::__private::find(&INDEX, TABLE.identities, code).map(|index| Self::ALL[index])
            }
        }
    }
}

/// `CatalogCode`, on the inherent readers.
fn catalog_code_impl(catalog: &Catalog, name: &Ident, krate: &TokenStream) -> TokenStream {
    let catalog_name = &catalog.name.value;
    let success = catalog
        .success()
        .map(|entry| Ident::new(&entry.name.value, Span::call_site()));
    quote! {
        impl #krate::CatalogCode for #name {
            const CATALOG: &'static str = #catalog_name;
            const ALL: &'static [Self] = Self::ALL;
            const SUCCESS: Self = Self::#success;

            fn from_code(code: &str) -> ::core::option::Option<Self> {
                Self::from_code(code)
            }
        }
    }
}

/// `Debug` (the variant's name, from the shared emission's `TABLE`), `Error`, `Display`,
/// `FromStr` and serde, through the runtime's generic helpers.
fn std_impls(name: &Ident, krate: &TokenStream) -> TokenStream {
    quote! {
        impl ::core::fmt::Debug for #name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(TABLE.names[index(self)])
            }
        }

        impl ::std::error::Error for #name {}

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
/// 所请求的资源不存在", then each other locale's text: " · en: The requested ...", then
/// whether retrying helps and the code's long documentation, when the file has them.
fn variant_doc(entry: &CodeEntry, file: &CatalogFile) -> String {
    let mut doc = entry.doc_line();
    for (index, locale) in file.locale_tags().iter().enumerate().skip(1) {
        doc.push_str(&format!(" · {locale}: {}", entry.desc_in(index)));
    }
    // The retry advice and the long documentation, as `hero-codes explain` shows them.
    let doc_text = entry.doc.as_ref().map(|doc| doc.value.trim());
    for paragraph in entry.retry_note().into_iter().chain(doc_text) {
        doc.push_str("\n\n");
        doc.push_str(paragraph);
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
