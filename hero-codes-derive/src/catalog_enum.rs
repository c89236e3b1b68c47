//! Code generation for `include_catalog!`: one enum per catalogue, the envelope's field
//! names and the HTTP status table.
//!
//! Generated code names the runtime only as `::hero_codes::...`, so it works in any crate
//! that depends on `hero-codes` (and in `hero-codes` itself, through `extern crate self`).

use hero_codes_catalog::{Catalog, CodeEntry, Envelope, markdown_http_table, markdown_table};
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::envelope;
use crate::source::Loaded;

pub(crate) fn expand(loaded: &Loaded) -> TokenStream {
    let path = loaded
        .path
        .as_ref()
        .map(|path| path.to_string_lossy().into_owned())
        .unwrap_or_default();
    let envelope = expand_envelope(&loaded.file.envelope);
    let http_statuses = expand_http_statuses(&loaded.file);
    let envelope_fields = &loaded.file.envelope;
    let enums = loaded
        .file
        .catalogs
        .iter()
        .map(|catalog| expand_catalog(catalog, envelope_fields));
    quote! {
        // Makes cargo rebuild this crate when the catalogue file changes: the file becomes a
        // dependency of the crate, as with any `include_bytes!`.
        const _: &[u8] = ::core::include_bytes!(#path);
        #envelope
        #http_statuses
        #(#enums)*
    }
}

fn expand_envelope(envelope: &Envelope) -> TokenStream {
    let fields = envelope::fields(envelope);
    quote! {
        /// The field names and limits of the response envelope, from the catalogue file.
        pub const ENVELOPE: ::hero_codes::EnvelopeFields = #fields;
    }
}

fn expand_http_statuses(file: &hero_codes_catalog::CatalogFile) -> TokenStream {
    let rows = file.http_statuses.iter().map(|row| {
        let status = row.status.value;
        let reason = &row.reason.value;
        let meaning = &row.meaning.value;
        quote! {
            ::hero_codes::HttpStatusRow { status: #status, reason: #reason, meaning: #meaning }
        }
    });
    let markdown = markdown_http_table(file);
    let doc = format!("The HTTP status table of the catalogue file.\n\n{markdown}");
    quote! {
        #[doc = #doc]
        pub const HTTP_STATUSES: ::hero_codes::HttpStatusTable =
            ::hero_codes::HttpStatusTable::new(&[#(#rows),*], #markdown);
    }
}

fn expand_catalog(catalog: &Catalog, envelope: &Envelope) -> TokenStream {
    let name = Ident::new(&catalog.name.value, Span::call_site());
    let catalog_name = &catalog.name.value;
    let markdown = markdown_table(catalog);
    let summary = catalog.doc.as_ref().map_or_else(
        || format!("The `{catalog_name}` catalogue."),
        |doc| doc.value.clone(),
    );
    let doc = format!("{summary}\n\n{markdown}");
    let count = catalog.codes.len();
    let slots = count.saturating_mul(2).next_power_of_two();
    let variants: Vec<Ident> = catalog
        .codes
        .iter()
        .map(|entry| Ident::new(&entry.name.value, Span::call_site()))
        .collect();
    let variant_docs = catalog.codes.iter().map(variant_doc);
    let names = catalog.codes.iter().map(|entry| entry.name.value.as_str());
    let codes = catalog.codes.iter().map(|entry| entry.code.value.as_str());
    let statuses = catalog.codes.iter().map(|entry| entry.status.value);
    let descs = catalog.codes.iter().map(|entry| entry.desc.value.as_str());
    let bodies = catalog
        .codes
        .iter()
        .map(|entry| envelope::error_body_literal(envelope, &entry.code.value, &entry.desc.value));
    let failure_codes = expand_failure_codes(catalog, &name);
    // The variant's position in the arrays below. An empty catalogue is an uninhabited
    // enum, which `match *self {}` covers.
    let index = if count == 0 {
        quote!(match *self {})
    } else {
        quote!(*self as usize)
    };
    // Arrays indexed by variant rather than a `match` per method: the generated code stays
    // small for thousands of codes, and every accessor is one load.
    quote! {
        #[doc = #doc]
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum #name {
            #( #[doc = #variant_docs] #variants, )*
        }

        impl #name {
            /// Every code of the catalogue, in file order.
            pub const ALL: &'static [Self] = &[#(Self::#variants),*];

            /// The catalogue as a Markdown table, one row per code.
            pub const MARKDOWN_TABLE: &'static str = #markdown;

            #[doc(hidden)]
            pub const __NAMES: [&'static str; #count] = [#(#names),*];
            #[doc(hidden)]
            pub const __CODES: [&'static str; #count] = [#(#codes),*];
            #[doc(hidden)]
            pub const __DESCS: [&'static str; #count] = [#(#descs),*];
            #[doc(hidden)]
            pub const __STATUSES: [::hero_codes::__private::http::StatusCode; #count] =
                [#(::hero_codes::__private::status(#statuses)),*];
            /// Serialized at compile time: no serialization per answer.
            #[doc(hidden)]
            pub const __BODIES: [&'static [u8]; #count] = [#(#bodies),*];
            /// `from_code`'s table, built by `const` evaluation.
            #[doc(hidden)]
            pub const __INDEX: [u32; #slots] = ::hero_codes::__private::build_index(&Self::__CODES);

            const fn index(&self) -> usize {
                #index
            }

            /// The code as it goes into the envelope's code field, e.g. `"10400"`.
            pub const fn code(&self) -> &'static str {
                Self::__codes()[self.index()]
            }

            /// The HTTP status this code answers with.
            pub const fn status(&self) -> ::hero_codes::__private::http::StatusCode {
                static STATUSES: [::hero_codes::__private::http::StatusCode; #count] =
                    #name::__STATUSES;
                STATUSES[self.index()]
            }

            /// The public description of the code, from the catalogue file.
            pub const fn desc(&self) -> &'static str {
                static DESCS: [&str; #count] = #name::__DESCS;
                DESCS[self.index()]
            }

            /// The variant whose code is `code`, if the catalogue has one. Constant time,
            /// whatever the catalogue's size.
            pub fn from_code(code: &str) -> ::core::option::Option<Self> {
                static INDEX: [u32; #slots] = #name::__INDEX;
                ::hero_codes::__private::find(&INDEX, Self::__codes(), code)
                    .map(|index| Self::ALL[index])
            }

            /// The codes as one static, shared by `code` and `from_code`: a call reads one
            /// slot rather than copying the array.
            #[doc(hidden)]
            pub const fn __codes() -> &'static [&'static str; #count] {
                static CODES: [&str; #count] = #name::__CODES;
                &CODES
            }
        }

        impl ::core::fmt::Debug for #name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                static NAMES: [&str; #count] = #name::__NAMES;
                f.write_str(NAMES[self.index()])
            }
        }

        impl ::hero_codes::CatalogCode for #name {
            const CATALOG: &'static str = #catalog_name;
            const ALL: &'static [Self] = Self::ALL;

            fn code(&self) -> &'static str {
                Self::code(self)
            }

            fn status(&self) -> ::hero_codes::__private::http::StatusCode {
                Self::status(self)
            }

            fn desc(&self) -> &'static str {
                Self::desc(self)
            }

            fn from_code(code: &str) -> ::core::option::Option<Self> {
                Self::from_code(code)
            }
        }

        impl ::std::error::Error for #name {}

        impl ::hero_codes::ApiError for #name {
            fn code(&self) -> &'static str {
                Self::code(self)
            }

            fn status(&self) -> ::hero_codes::__private::http::StatusCode {
                Self::status(self)
            }

            fn desc(&self) -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(Self::desc(self))
            }

            fn body(&self) -> ::hero_codes::__private::Bytes {
                static BODIES: [&[u8]; #count] = #name::__BODIES;
                ::hero_codes::__private::Bytes::from_static(BODIES[self.index()])
            }
        }

        ::hero_codes::__framework_glue! { [] [#name] [] }

        #failure_codes

        impl ::core::fmt::Display for #name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::hero_codes::__private::display_code(self, f)
            }
        }

        impl ::core::str::FromStr for #name {
            type Err = ::hero_codes::UnknownCode;

            fn from_str(code: &str) -> ::core::result::Result<Self, Self::Err> {
                ::hero_codes::__private::parse_code(code)
            }
        }

        impl ::hero_codes::__private::serde::Serialize for #name {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: ::hero_codes::__private::serde::Serializer,
            {
                serializer.serialize_str(self.code())
            }
        }

        impl<'de> ::hero_codes::__private::serde::Deserialize<'de> for #name {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: ::hero_codes::__private::serde::Deserializer<'de>,
            {
                ::hero_codes::__private::deserialize_code(deserializer)
            }
        }
    }
}

/// `FailureCodes` for a catalogue with a `failures` table: `invalid_json = "10000"` becomes
/// `Failure::InvalidJson => Self::InvalidParameter`.
fn expand_failure_codes(catalog: &Catalog, name: &Ident) -> TokenStream {
    let Some(failures) = &catalog.failures else {
        return TokenStream::new();
    };
    let arms = failures.iter().filter_map(|failure| {
        let entry = catalog.entry(&failure.code.value)?;
        let kind = Ident::new(&upper_camel_case(&failure.kind.value), Span::call_site());
        let variant = Ident::new(&entry.name.value, Span::call_site());
        Some(quote! { ::hero_codes::Failure::#kind => Self::#variant, })
    });
    quote! {
        impl ::hero_codes::FailureCodes for #name {
            fn for_failure(failure: ::hero_codes::Failure) -> Self {
                match failure {
                    #(#arms)*
                }
            }
        }
    }
}

/// `invalid_json` -> `InvalidJson`.
fn upper_camel_case(snake: &str) -> String {
    snake
        .split('_')
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// The variant's doc line, so rustdoc shows the table: "`10400` · 404 · 所请求的资源不存在".
fn variant_doc(entry: &CodeEntry) -> String {
    format!(
        "`{}` · HTTP {} · {}",
        entry.code.value, entry.status.value, entry.desc.value
    )
}
