//! Every answer an error type can give, as data: what API documentation is made of.

use crate::{ApiError, Envelope};

/// The answers of an error type, one per variant (for a catalog enum, one per code but
/// the success code), in declaration order. `#[derive(ApiError)]` and
/// [`include_catalog!`](crate::include_catalog) implement it; the `utoipa` feature reads it
/// to document every error a type can produce.
///
/// ```
/// use hero_codes::ErrorAnswers;
///
/// #[derive(Debug, thiserror::Error, hero_codes::ApiError)]
/// enum AppError {
///     #[error("app {id} not found")]
///     #[api(code = "10400", desc = "应用{id}不存在", en = "App {id} does not exist")]
///     AppNotFound { id: u64 },
///     #[error("database: {0}")]
///     #[api(code = "10500")]
///     Db(#[from] std::io::Error),
/// }
///
/// let answers: Vec<_> = AppError::answers().collect();
/// assert_eq!(answers[0].name, "AppNotFound");
/// assert_eq!((answers[0].code, answers[0].status), ("10400", 404));
/// assert_eq!(answers[0].desc, "应用{id}不存在"); // fields are filled in at run time
/// assert_eq!((answers[1].code, answers[1].desc), ("10500", "系统错误"));
/// assert_eq!(AppError::ENVELOPE.code, "result_code");
/// ```
pub trait ErrorAnswers: ApiError {
    /// The envelope the answers are in.
    const ENVELOPE: Envelope;
    /// One answer per variant, read from the data the macros generate.
    fn answers() -> impl Iterator<Item = ErrorAnswer>;
}

/// One answer of an [`ErrorAnswers`] type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ErrorAnswer {
    /// The variant's name (the type's for a struct).
    pub name: &'static str,
    /// The code, as it goes into the envelope.
    pub code: &'static str,
    /// The HTTP status.
    pub status: u16,
    /// The description in the default locale; a variant's own description as written, with
    /// its `{field}` placeholders.
    pub desc: &'static str,
}
