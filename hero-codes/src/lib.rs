//! API result codes from one `codes.toml`: generated code enums, compile-time checked error
//! mappings and one response envelope.
//!
//! The built-in catalog transcribes two API documents: the Hero API code list
//! ([`HeroCode`], [`HTTP_STATUSES`]) and the response spec ([`ResultCode`], [`ENVELOPE`]).
//!
//! ```
//! use hero_codes::{HeroCode, ResultCode};
//! use http::StatusCode;
//!
//! let code = ResultCode::NotFound;
//! assert_eq!(code.code(), "10400");
//! assert_eq!(code.status(), StatusCode::NOT_FOUND);
//! assert_eq!(code.desc(), "所请求的资源不存在");
//! assert_eq!(ResultCode::from_code("10400"), Some(code));
//! assert_eq!(HeroCode::FileTooLarge.status(), StatusCode::PAYLOAD_TOO_LARGE);
//! ```
//!
//! A service's own errors map to codes with [`#[derive(ApiError)]`](derive@ApiError), and
//! with the `axum` feature (on by default) they, [`ApiResponse`] and the [`axum`] module's
//! extractors and router layer answer every request in the envelope. The `actix` feature
//! does the same for actix-web (module `actix`), and `utoipa` documents every answer in
//! OpenAPI (module `openapi`).

// Generated code names this crate as `::hero_codes`, here too.
extern crate self as hero_codes;

#[cfg(feature = "actix")]
pub mod actix;
#[cfg(any(feature = "axum", feature = "actix"))]
mod answer;
mod answers;
#[cfg(feature = "axum")]
pub mod axum;
mod catalog;
mod error;
mod failure;
mod locale;
mod lookup;
#[cfg(any(feature = "axum", feature = "actix"))]
mod negotiate;
#[cfg(feature = "utoipa")]
pub mod openapi;
mod response;

pub use answers::{ErrorAnswer, ErrorAnswers};
pub use catalog::{CatalogCode, EnvelopeFields, HttpStatusRow, HttpStatusTable, UnknownCode};
pub use error::ApiError;
pub use failure::FailureCodes;
pub use hero_codes_vocab::{CodeType, Failure};
pub use locale::{InLocale, Localized, NotAFuture, current_locale, in_locale};
pub use response::{ApiResponse, Code, ErrorReply};

/// Generates code enums from a catalog file, checked at compile time.
///
/// The path is relative to the `Cargo.toml` of the crate that invokes the macro. For each
/// `[catalogs.Name]` in the file it generates `pub enum Name`, one variant per code, with
/// `ALL`, `MARKDOWN_TABLE`, `code()`, `status()`, `desc()`, `from_code()`, `Display`,
/// `FromStr`, serde as the code string, [`CatalogCode`], [`ApiError`] (so a code is a
/// handler error as it is) and, with a `failures` table, [`FailureCodes`]. It also generates
/// `pub const ENVELOPE:` [`EnvelopeFields`] and `pub const HTTP_STATUSES:`
/// [`HttpStatusTable`]. Editing the file and building again picks up the change.
///
/// Every mistake in the file is a compile error naming its line and column, all of them at
/// once.
///
/// ```
/// // examples/app_codes.toml in this crate:
/// // [catalogs.AppCode]
/// // statuses = [200, 404, 500]
/// // ranges = { 404 = [40400, 40499], 500 = [50000, 50099] }
/// // codes = [
/// //     { code = "0",     name = "Ok",          status = 200, desc = "成功" },
/// //     { code = "40400", name = "AppNotFound", status = 404, desc = "应用不存在" },
/// //     ...
/// hero_codes::include_catalog!("examples/app_codes.toml");
///
/// assert_eq!(AppCode::AppNotFound.code(), "40400");
/// assert_eq!(AppCode::AppNotFound.status(), http::StatusCode::NOT_FOUND);
/// assert_eq!(AppCode::from_code("50000"), Some(AppCode::Internal));
/// assert_eq!(AppCode::ALL.len(), 3);
/// ```
pub use hero_codes_derive::include_catalog;

pub use hero_codes_derive::ApiError;

include_catalog!("codes.toml");

/// The pieces generated code calls. Not public API: it changes without notice.
#[doc(hidden)]
pub mod __private {
    pub use crate::catalog::private::*;
    pub use crate::error::error_body;
    pub use crate::lookup::{build_index, find};
    #[cfg(feature = "actix")]
    pub use actix_web;
    #[cfg(feature = "axum")]
    pub use axum;
    pub use bytes::Bytes;
    pub use http;
    pub use serde;
    #[cfg(feature = "utoipa")]
    pub use utoipa;

    /// `IntoResponse` and the other framework impls of each enabled feature, for a type
    /// that implements [`ApiError`](crate::ApiError).
    #[macro_export]
    #[doc(hidden)]
    macro_rules! __framework_glue {
        ($($input:tt)*) => {
            $crate::__axum_glue_if_enabled! { $($input)* }
            $crate::__actix_glue_if_enabled! { $($input)* }
            $crate::__utoipa_glue_if_enabled! { $($input)* }
        };
    }

    /// What each enabled feature implements for a catalog enum beyond its errors (its
    /// schema, for utoipa).
    #[macro_export]
    #[doc(hidden)]
    macro_rules! __catalog_glue {
        ($name:ident) => {
            $crate::__utoipa_catalog_glue_if_enabled! { $name }
        };
    }

    #[cfg(feature = "utoipa")]
    #[macro_export]
    #[doc(hidden)]
    macro_rules! __utoipa_glue_if_enabled {
        ($($input:tt)*) => { $crate::__utoipa_glue! { $($input)* } };
    }

    #[cfg(not(feature = "utoipa"))]
    #[macro_export]
    #[doc(hidden)]
    macro_rules! __utoipa_glue_if_enabled {
        ($($input:tt)*) => {};
    }

    #[cfg(feature = "utoipa")]
    #[macro_export]
    #[doc(hidden)]
    macro_rules! __utoipa_catalog_glue_if_enabled {
        ($name:ident) => {
            $crate::__utoipa_catalog_glue! { $name }
        };
    }

    #[cfg(not(feature = "utoipa"))]
    #[macro_export]
    #[doc(hidden)]
    macro_rules! __utoipa_catalog_glue_if_enabled {
        ($name:ident) => {};
    }

    #[cfg(feature = "actix")]
    #[macro_export]
    #[doc(hidden)]
    macro_rules! __actix_glue_if_enabled {
        ($($input:tt)*) => { $crate::__actix_glue! { $($input)* } };
    }

    #[cfg(not(feature = "actix"))]
    #[macro_export]
    #[doc(hidden)]
    macro_rules! __actix_glue_if_enabled {
        ($($input:tt)*) => {};
    }

    #[cfg(feature = "axum")]
    #[macro_export]
    #[doc(hidden)]
    macro_rules! __axum_glue_if_enabled {
        ($($input:tt)*) => { $crate::__axum_glue! { $($input)* } };
    }

    #[cfg(not(feature = "axum"))]
    #[macro_export]
    #[doc(hidden)]
    macro_rules! __axum_glue_if_enabled {
        ($($input:tt)*) => {};
    }
}
