//! The vocabulary every part of [hero-codes](https://docs.rs/hero-codes) shares, written
//! once: the model of `codes.toml` (`hero-codes-catalog`), the proc macros, the runtime and
//! the `hero-codes` command all read it from here, so adding a failure kind or a generated
//! item is one edit in one place.
//!
//! - [`Failure`]: the failures a web framework detects around a handler, with the key of
//!   each in a catalog's `failures` table and the status HTTP requires for some;
//! - [`CodeType`] and [`error_body`]: how an envelope writes its code, and the one writer of
//!   error bodies (the macros call it at compile time, the runtime for descriptions filled
//!   in from fields);
//! - [`GrpcCode`] and [`error_reason`]: the gRPC status codes, the one an HTTP status
//!   maps to, and the reason of a code's `ErrorInfo`;
//! - [`GENERATED_ITEMS`]: the associated items every generated catalog enum has;
//! - [`default_envelope`]: the envelope of a file whose `[envelope]` says nothing.
//!
//! This crate has no dependencies.
//!
//! ```
//! use hero_codes_vocab::{CodeType, EnvelopeNames, Failure, error_body};
//!
//! assert_eq!(Failure::from_key("invalid_json"), Some(Failure::InvalidJson));
//! assert_eq!(Failure::BodyTooLarge.required_status(), Some(413));
//!
//! let names = EnvelopeNames {
//!     result: Some("result"),
//!     code: "result_code",
//!     desc: "result_desc",
//!     code_type: CodeType::String,
//!     doc_url: None,
//! };
//! assert_eq!(
//!     error_body(&names, "10400", "所请求的资源不存在"),
//!     r#"{"result":false,"result_code":"10400","result_desc":"所请求的资源不存在"}"#
//! );
//! ```

#![forbid(unsafe_code)]

mod body;
pub mod default_envelope;
mod failure;
mod grpc;
mod items;

pub use body::{
    CodeType, DOC_URL_PLACEHOLDER, DocUrl, EnvelopeNames, error_body, push_json_string,
};
pub use failure::Failure;
pub use grpc::{GrpcCode, error_reason};
pub use items::GENERATED_ITEMS;
