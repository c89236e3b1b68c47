//! API result codes from one `codes.toml`: generated code enums, compile-time checked error
//! mappings and one response envelope.
//!
//! A catalog file lists an API's result codes, one a line: code, variant name, HTTP status
//! and public description. [`include_catalog!`] turns each catalog of the file into an enum,
//! and [`#[derive(ApiError)]`](derive@ApiError) maps a service's own errors to its codes: a
//! code that is not in the file does not compile. Every answer then comes in one envelope:
//!
//! ```json
//! {"result": false, "result_code": "10400", "result_desc": "所请求的资源不存在"}
//! {"result": true,  "result_code": "0",     "result_desc": "成功", "data": {}}
//! ```
//!
//! # The built-in catalog
//!
//! A crate with no `codes.toml` of its own uses the built-in one, which transcribes two API
//! documents: the Hero API code list ([`HeroCode`], [`HTTP_STATUSES`]) and the response spec
//! ([`ResultCode`], [`ENVELOPE`]). Its codes are plain data:
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
//! # A service's errors
//!
//! `Display` (thiserror's `#[error]`) stays the internal message for the logs; the catalog
//! gives the public answer, whose body is serialized at compile time:
//!
//! ```
//! use hero_codes::{ApiError, ApiResponse};
//!
//! #[derive(Debug, thiserror::Error, hero_codes::ApiError)]
//! enum AppError {
//!     #[error("app {id} not found")]
//!     #[api(code = "10400", desc = "应用{id}不存在", en = "App {id} does not exist")]
//!     AppNotFound { id: u64 },
//!     #[error("database: {0}")]
//!     #[api(code = "10500")]
//!     Db(#[from] std::io::Error),
//! }
//!
//! let missing = AppError::AppNotFound { id: 7 };
//! assert_eq!(missing.status(), http::StatusCode::NOT_FOUND);
//! assert_eq!(missing.body(), r#"{"result":false,"result_code":"10400","result_desc":"应用7不存在"}"#);
//!
//! // A 5xx answer never carries the internal message.
//! let db = AppError::from(std::io::Error::other("password=hunter2"));
//! assert_eq!(db.body(), r#"{"result":false,"result_code":"10500","result_desc":"系统错误"}"#);
//!
//! let ok = ApiResponse::<_>::ok("Farm测试开发");
//! assert_eq!(
//!     serde_json::to_string(&ok).unwrap(),
//!     r#"{"result":true,"result_code":"0","result_desc":"成功","data":"Farm测试开发"}"#
//! );
//! ```
//!
//! With the `axum` feature (on by default) the same error is a handler's error as it is, and
//! one layer puts every other answer of a router in the envelope too (bad input, an unknown
//! route, a wrong method, a panic):
//!
//! ```no_run
//! # #[cfg(feature = "axum")]
//! # mod service {
//! # #[derive(Debug, thiserror::Error, hero_codes::ApiError)]
//! # enum AppError {
//! #     #[error("app {id} not found")]
//! #     #[api(code = "10400", desc = "应用{id}不存在", en = "App {id} does not exist")]
//! #     AppNotFound { id: u64 },
//! # }
//! use axum::{Router, routing::get};
//! use hero_codes::axum::{EnvelopeRouter, Path};
//! use hero_codes::{ApiResponse, ResultCode};
//!
//! async fn get_app(Path(id): Path<u64>) -> Result<ApiResponse<String>, AppError> {
//!     match id {
//!         1 => Ok(ApiResponse::ok("Farm测试开发".to_owned())),
//!         _ => Err(AppError::AppNotFound { id }),
//!     }
//! }
//!
//! #[tokio::main]
//! async fn main() -> std::io::Result<()> {
//!     let app: Router = Router::new()
//!         .route("/apps/{id}", get(get_app))
//!         .with_envelope::<ResultCode>();
//!     let listener = tokio::net::TcpListener::bind("127.0.0.1:3000").await?;
//!     axum::serve(listener, app).await // or hero_codes::axum::serve (feature `serve`)
//! }
//! # }
//! # fn main() {}
//! ```
//!
//! # Map of the crate
//!
//! | item | what it is |
//! |---|---|
//! | [`include_catalog!`] | generates the code enums of a catalog file: the crate's own, declared in its `Cargo.toml` under `[package.metadata.hero-codes]`, or any other |
//! | [`#[derive(ApiError)]`](derive@ApiError) | maps an error enum or struct to codes with `#[api(code = "...")]`, checked at compile time |
//! | [`ApiError`](trait@ApiError), [`ErrorAnswers`] | what an error answers: code, status, description, body; every answer it can give |
//! | [`CatalogCode`], [`FailureCodes`], [`Failure`] | generic code over any catalog's enum; which code answers each failure a framework detects |
//! | [`ApiResponse`], [`Code`], [`ErrorReply`] | the success envelope, and a client's reading of any answer, judged by its code |
//! | [`Envelope`], [`HttpStatusTable`] | a catalog file's envelope field names and HTTP status table |
//! | [`in_locale`], [`current_locale`], [`InLocale`] | answers in the catalog's other languages, and the request's language carried to other tasks |
//! | [`ResultCode`], [`HeroCode`], [`ENVELOPE`], [`HTTP_STATUSES`] | the built-in catalog |
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | `axum` | yes | module [`axum`]: `IntoResponse` for errors and codes, extractors that reject in the envelope, the `EnvelopeLayer` and `.with_envelope()` |
//! | `serve` | yes | [`axum::serve`]: serves a router with a header timeout, and drains on SIGTERM or SIGINT within a bound |
//! | `actix` | no | module `actix`: `ResponseError` and `Responder`, and `.with_envelope()` on an actix-web `App` |
//! | `utoipa` | no | module `openapi`: `IntoResponses` and `ToSchema` for utoipa 6, every answer documented in OpenAPI |
//! | `tonic` | no | module `grpc`: `From<error> for tonic::Status` with `ErrorInfo` and `LocalizedMessage`, a layer for tonic servers, and a `Status` read back into the catalog's codes |
//!
//! # The manual
//!
//! The repository's `README.md` is the way in (the demo service, your own catalog in a few
//! steps); its `docs/` folder has one chapter per subject, every Rust block of it tested:
//! the catalog format and rules (`docs/catalog.md`), changing codes safely with deprecation,
//! retirement and `codes.lock` (`docs/changing-codes.md`), several languages
//! (`docs/locales.md`), your own catalog (`docs/own-catalog.md`), the generated API
//! (`docs/generated-api.md`), the derive (`docs/derive.md`), `ApiResponse`
//! (`docs/envelope.md`), axum (`docs/axum.md`), actix-web (`docs/actix.md`), OpenAPI
//! (`docs/openapi.md`), gRPC with tonic (`docs/grpc.md`), the `hero-codes` command (`docs/command.md`), performance and
//! reliability (`docs/performance.md`, `docs/reliability.md`).

// Generated code names this crate as `::hero_codes`, here too.
extern crate self as hero_codes;

#[cfg(feature = "actix")]
pub mod actix;
#[cfg(any(feature = "axum", feature = "actix", feature = "tonic"))]
// The gRPC adapter alone uses the core's observation, not its HTTP answers.
#[cfg_attr(not(any(feature = "axum", feature = "actix")), allow(dead_code))]
mod answer;
mod answers;
#[cfg(feature = "axum")]
pub mod axum;
mod catalog;
mod error;
mod failure;
#[cfg(feature = "tonic")]
pub mod grpc;
#[cfg(any(feature = "axum", feature = "tonic"))]
mod header;
mod locale;
mod lookup;
#[cfg(feature = "metrics")]
pub mod metrics;
#[cfg(any(feature = "axum", feature = "actix", feature = "tonic"))]
mod negotiate;
pub mod observe;
#[cfg(feature = "utoipa")]
pub mod openapi;
mod response;
mod table;

pub use answers::{ErrorAnswer, ErrorAnswers};
pub use catalog::{CatalogCode, Envelope, HttpStatusRow, HttpStatusTable, UnknownCode};
pub use error::ApiError;
pub use failure::FailureCodes;
pub use hero_codes_vocab::{CodeType, DocUrl, Failure};
pub use locale::{InLocale, Localized, NotAFuture, current_locale, in_locale};
pub use observe::{CodeClass, CodeIdentity};
pub use response::{ApiResponse, Code, ErrorReply};

/// Generates code enums from a catalog file, checked at compile time.
///
/// The path is relative to the `Cargo.toml` of the crate that invokes the macro. For each
/// `[catalogs.Name]` in the file it generates `pub enum Name`, one variant per code, with
/// `ALL`, `MARKDOWN_TABLE`, `code()`, `status()`, `desc()`, `from_code()`, `Display`,
/// `FromStr`, serde as the code string, [`CatalogCode`], [`ApiError`] (so a code is a
/// handler error as it is) and, with a `failures` table, [`FailureCodes`]. It also generates
/// `pub const ENVELOPE:` [`Envelope`] and `pub const HTTP_STATUSES:`
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
    pub use crate::lookup::{build_index, find, slot_count};
    pub use crate::table::{Table, Tabled, identities};
    #[cfg(feature = "actix")]
    pub use actix_web;
    #[cfg(feature = "axum")]
    pub use axum;
    pub use bytes::Bytes;
    pub use http;
    pub use serde;
    #[cfg(feature = "tonic")]
    pub use tonic;
    #[cfg(feature = "utoipa")]
    pub use utoipa;

    // The glue of each framework feature this build of the crate lacks: nothing. The
    // derive emits a call for each feature it has, and every build of this crate turns
    // its features on in the derive (one build of it for the whole dependency graph), so
    // the derive can have more features than one build of this crate (a build dependency
    // with fewer, say); that build's calls reach these.
    #[cfg(not(feature = "axum"))]
    #[macro_export]
    #[doc(hidden)]
    macro_rules! __axum_glue {
        ($($input:tt)*) => {};
    }

    #[cfg(not(feature = "actix"))]
    #[macro_export]
    #[doc(hidden)]
    macro_rules! __actix_glue {
        ($($input:tt)*) => {};
    }

    #[cfg(not(feature = "utoipa"))]
    #[macro_export]
    #[doc(hidden)]
    macro_rules! __utoipa_glue {
        ($($input:tt)*) => {};
    }

    #[cfg(not(feature = "utoipa"))]
    #[macro_export]
    #[doc(hidden)]
    macro_rules! __utoipa_catalog_glue {
        ($($input:tt)*) => {};
    }

    #[cfg(not(feature = "tonic"))]
    #[macro_export]
    #[doc(hidden)]
    macro_rules! __tonic_glue {
        ($($input:tt)*) => {};
    }
}
