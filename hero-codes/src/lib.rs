//! API result codes from one `codes.toml`: generated code enums, compile-time checked
//! mappings and one response envelope.
//!
//! The built-in catalogue transcribes two API documents: the Hero API code list
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

// Generated code names this crate as `::hero_codes`, here too.
extern crate self as hero_codes;

mod catalog;

#[doc(hidden)]
pub use catalog::__private;
pub use catalog::{CatalogCode, EnvelopeFields, HttpStatusRow, HttpStatusTable, UnknownCode};

/// Generates code enums from a catalogue file, checked at compile time.
///
/// The path is relative to the `Cargo.toml` of the crate that invokes the macro. For each
/// `[catalogs.Name]` in the file it generates `pub enum Name`, one variant per code, with
/// `ALL`, `MARKDOWN_TABLE`, `code()`, `status()`, `desc()`, `from_code()`, `Display`,
/// `FromStr`, serde as the code string and [`CatalogCode`]. It also generates
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

include_catalog!("codes.toml");
