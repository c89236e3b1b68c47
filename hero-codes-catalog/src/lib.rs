//! The `codes.toml` model of [hero-codes](https://docs.rs/hero-codes): find a crate's
//! catalog file and the lock beside it ([`Located`], the one loader of the macros and the
//! command), check every rule, and render it as tables.
//!
//! A catalog file lists an API's result codes, one a line (code, variant name, HTTP status,
//! public description), with its envelope's field names and, optionally, its HTTP status
//! table, its languages, the code that answers each failure a web framework detects, and
//! its retired codes.
//!
//! This crate has no proc-macro dependency, so the `hero-codes-derive` macros and any
//! command-line tool (the `hero-codes` command is one) apply the very same rules, with the
//! same messages: a file the command accepts is a file that compiles. Every mistake in a file
//! is collected, with the line and column where it stands, so the user sees all of them at
//! once.
//!
//! ```
//! use hero_codes_catalog::CatalogFile;
//!
//! let text = r#"
//! [catalogs.AppCode]
//! statuses = [200, 404]
//! codes = [
//!     { code = "0",   name = "Ok",       status = 200, desc = "成功" },
//!     { code = "404", name = "NotFound", status = 404, desc = "不存在" },
//! ]
//! "#;
//! let file = CatalogFile::parse(text, "codes.toml").unwrap();
//! assert_eq!(file.catalogs[0].codes[1].name.value, "NotFound");
//!
//! let broken = text.replace("status = 404", "status = 418");
//! let error = CatalogFile::parse(&broken, "codes.toml").unwrap_err();
//! assert_eq!(
//!     error.to_string(),
//!     "codes.toml:6:49: status 418 is not allowed in AppCode: use one of 200, 404, or add it to `statuses`"
//! );
//! ```
//!
//! Once codes are released, [`diff`] says what a new version of the file breaks for the
//! clients of the old one, and [`Lock`] (`codes.lock`) makes every build refuse it:
//!
//! ```
//! use hero_codes_catalog::{CatalogFile, Lock, diff};
//!
//! let v1 = r#"[catalogs.AppCode]
//! codes = [
//!     { code = "0",   name = "Ok",       status = 200, desc = "成功" },
//!     { code = "404", name = "NotFound", status = 404, desc = "不存在" },
//! ]"#;
//! let old = CatalogFile::parse(v1, "codes.toml").unwrap();
//! let lock = Lock::of(&old);
//!
//! let v2 = v1.replace("status = 404", "status = 410");
//! let new = CatalogFile::parse(&v2, "codes.toml").unwrap();
//! assert!(diff(&old, &new).iter().any(|change| change.is_breaking()));
//! assert!(CatalogFile::parse_locked(&v2, "codes.toml", &lock).is_err());
//! ```
//!
//! # Map of the crate
//!
//! | item | what it is |
//! |---|---|
//! | [`CatalogFile`] (`parse`, `parse_locked`, `builtin`) | a checked catalog file: its [`Envelope`], [`HttpStatus`] rows, [`Catalog`]s of [`CodeEntry`]s, [`FailureCode`]s and [`RetiredCode`]s, each value [`Spanned`] |
//! | [`Error`], [`Problem`], [`Position`], [`Span`] | every mistake of a file, each at its line and column, drawn as rustc draws errors by [`Error::render`] |
//! | [`Lock`], [`LockedCode`], [`LockedState`], [`lock_path`] | `codes.lock`: the codes released so far, and where the lock of a file lives |
//! | [`diff`], [`Change`] | what changed between two versions of a file, and which changes break clients |
//! | [`Located`], [`Source`], [`Choice`] | the one loader: a crate's catalog file (the one its `Cargo.toml` declares, else the built-in), read with its lock, checked, and the files to track |
//! | [`references`], [`Attached`], [`join`] | the files a catalog file names (`include`, `doc_file`), as the loader reads them |
//! | [`Include`], [`Owner`], [`OwnedRange`], [`DocLink`] | a file's includes, the owners of blocks of codes, the link to each code's page in error bodies |
//! | [`check_together`] | several files checked as one organisation's: a code with two meanings, owners whose blocks overlap |
//! | [`explain`] | a code's page, as `hero-codes explain` prints it |
//! | [`declared_catalog`] | the catalog a crate declares in its `Cargo.toml` (`[package.metadata.hero-codes] catalog = "..."`) |
//! | [`closest`], [`nearest`] | "did you mean": the likely misspellings of a key or code |
//! | [`markdown_table`], [`markdown_http_table`], [`error_body_json`], [`code_table_headings`], [`code_table_row`] | renderings shared by the macros and the command |
//! | [`GrpcCode`], [`Catalog::grpc_of`], [`CatalogFile::domain_of`], [`unknown_grpc_code`], [`error_reason`] | each code's gRPC status and `ErrorInfo` (reason, domain), from the `grpc` and `domain` keys |
//! | [`json_schema`] | the JSON Schema of the file format, for editors (Taplo, Even Better TOML) |
//! | [`Failure`] (`Failure::ALL`), [`CodeType`] | the failures a `[catalogs.Name.failures]` table names, and the type of codes (from `hero-codes-vocab`) |
//! | [`BUILTIN_SOURCE`], [`BUILTIN_LOCK`] | the built-in catalog (the Hero API code list and the response spec) and its lock |
//!
//! The file's format and rules are a chapter of the hero-codes manual, `docs/catalog.md` in
//! the repository, with `docs/changing-codes.md` for deprecation, retirement and the lock,
//! and `docs/command.md` for the `hero-codes` command built on this crate.

mod annotate;
mod diagnostic;
mod diff;
mod explain;
mod grpc;
mod ident;
mod include;
mod keys;
mod load;
mod lock;
mod manifest;
mod model;
mod owners;
mod parse;
mod reader;
mod render;
mod schema;
mod shift;
mod suggest;
mod together;
mod validate;
mod wording;

use std::path::Path;

pub use diagnostic::{Error, Position, Problem, Span, Spanned};
pub use diff::{Change, diff};
pub use explain::{explain, explain_retired};
pub use grpc::unknown_grpc_code;
pub use hero_codes_vocab::{CodeType, Failure, GrpcCode, default_envelope, error_reason};
pub use include::{Attached, References, join, references};
pub use load::{Choice, Located, Source};
pub use lock::{Lock, LockedCode, LockedState, lock_path};
pub use manifest::declared_catalog;
pub use model::{
    Catalog, CatalogFile, CodeEntry, CodeRange, DocLink, Envelope, FailureCode, HttpStatus,
    Include, OwnedRange, Owner, RetiredCode,
};
pub use reader::looks_like_locale;
pub use render::{
    CODE_TABLE_HEADINGS, HTTP_TABLE_HEADINGS, code_table_cells, code_table_headings,
    code_table_row, error_body_json, http_table_row, markdown_http_table, markdown_table,
};
pub use schema::json_schema;
pub use suggest::{closest, nearest};
pub use together::check_together;
pub use wording::quoted_list;

use diagnostic::Diagnostics;

/// The text of the built-in catalog: the Hero API code list and the response spec.
pub const BUILTIN_SOURCE: &str = include_str!("../codes.toml");

/// How messages name the built-in catalog.
pub const BUILTIN_ORIGIN: &str = "codes.toml (built-in)";

/// The text of the built-in catalog's `codes.lock`: the codes it has released.
pub const BUILTIN_LOCK: &str = include_str!("../codes.lock");

/// How messages name the built-in catalog's lock.
pub const BUILTIN_LOCK_ORIGIN: &str = "codes.lock (built-in)";

impl CatalogFile {
    /// Parses and checks the text of a catalog file. `origin` names the file in messages.
    ///
    /// # Errors
    /// Every mistake in the file: invalid TOML, a wrong or missing key, or a broken rule.
    pub fn parse(text: &str, origin: &str) -> Result<CatalogFile, Error> {
        Self::parse_checked(text, origin, &[], None)
    }

    /// Parses and checks the text of a catalog file, and checks it against the `lock` of
    /// its released codes: see [`Lock`].
    ///
    /// # Errors
    /// Anything [`CatalogFile::parse`] rejects, and every released code the file removes,
    /// renumbers to another status or brings back from retirement, at its line.
    pub fn parse_locked(text: &str, origin: &str, lock: &Lock) -> Result<CatalogFile, Error> {
        Self::parse_checked(text, origin, &[], Some((lock, lock::ACCEPT_BREAKING)))
    }

    /// Parses and checks the text of a catalog file with the files it names (the catalog
    /// files it includes, the Markdown files of its codes: see [`references`]), and against
    /// the `lock` of its released codes if there is one, with lock messages ending with
    /// `way_out`, the way to break clients on purpose from where the reader is.
    pub(crate) fn parse_checked(
        text: &str,
        origin: &str,
        attached: &[Attached],
        lock: Option<(&Lock, &str)>,
    ) -> Result<CatalogFile, Error> {
        let mut diagnostics = Diagnostics::new(text);
        let file = Self::check_at(text, origin, 0, attached, lock, &mut diagnostics);
        match (diagnostics.into_error(origin), file) {
            (None, Some(file)) => Ok(file),
            (Some(error), _) => Err(error),
            (None, None) => unreachable!("a file that could not be read has a diagnostic"),
        }
    }

    /// Reads and checks the catalog file `text`, placed in `diagnostics` at `offset`: every
    /// rule, and its lock when there is one.
    pub(crate) fn check_at<'t>(
        text: &'t str,
        origin: &str,
        offset: usize,
        attached: &'t [Attached],
        lock: Option<(&Lock, &str)>,
        diagnostics: &mut Diagnostics<'t>,
    ) -> Option<CatalogFile> {
        let file = include::read_whole(text, offset, attached, diagnostics)?;
        validate::check(&file, diagnostics);
        if let Some((lock, way_out)) = lock {
            // The lock sits beside the file: `app.lock` for `app.toml`.
            let lock_name = lock_path(Path::new(origin));
            let lock_name = lock_name.file_name().unwrap_or_default().to_string_lossy();
            lock.check(&file, &lock_name, way_out, diagnostics);
        }
        Some(file)
    }

    /// The built-in catalog, parsed and checked, against its own `codes.lock` too.
    ///
    /// ```
    /// let file = hero_codes_catalog::CatalogFile::builtin().unwrap();
    /// let names: Vec<_> = file.catalogs.iter().map(|catalog| catalog.name.value.as_str()).collect();
    /// assert_eq!(names, ["HeroCode", "ResultCode"]);
    /// ```
    ///
    /// # Errors
    /// Only if `codes.toml` or `codes.lock` in this package was edited into a broken file,
    /// or into a file that breaks the lock.
    pub fn builtin() -> Result<CatalogFile, Error> {
        let lock = Lock::parse(BUILTIN_LOCK, BUILTIN_LOCK_ORIGIN)?;
        Self::parse_locked(BUILTIN_SOURCE, BUILTIN_ORIGIN, &lock)
    }
}
