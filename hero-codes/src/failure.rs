//! Failures a web framework detects before or around a handler, and the catalog codes
//! that answer them.

use http::StatusCode;

use crate::CatalogCode;

/// A failure the framework glue detects itself: a body, query or path that does not fit,
/// an unknown route, a panic. Each catalog that has a `[catalogs.Name.failures]` table
/// says which of its codes answers each one (see [`FailureCodes`]).
///
/// Not `#[non_exhaustive]`: a new kind is a new required key of every `failures` table, so
/// the generated `match` must see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Failure {
    /// A JSON body that does not parse or does not fit the expected type.
    InvalidJson,
    /// A form body that does not fit the expected type.
    InvalidForm,
    /// A query string that does not fit the expected type.
    InvalidQuery,
    /// Path parameters that do not fit the expected type.
    InvalidPath,
    /// A body without the expected content type: answered with 415.
    UnsupportedMediaType,
    /// A body over the size limit: answered with 413.
    BodyTooLarge,
    /// No route for the path.
    NotFound,
    /// A route without the request's method: answered with 405.
    MethodNotAllowed,
    /// Any other client error.
    BadRequest,
    /// A panic, or any other server error.
    Internal,
}

impl Failure {
    /// The HTTP status HTTP itself requires for this failure, whatever the code's own status:
    /// 405, 413 and 415. For the others the code's status answers.
    ///
    /// ```
    /// use hero_codes::Failure;
    /// assert_eq!(Failure::BodyTooLarge.required_status(), Some(http::StatusCode::PAYLOAD_TOO_LARGE));
    /// assert_eq!(Failure::InvalidJson.required_status(), None);
    /// ```
    pub fn required_status(self) -> Option<StatusCode> {
        match self {
            Failure::MethodNotAllowed => Some(StatusCode::METHOD_NOT_ALLOWED),
            Failure::BodyTooLarge => Some(StatusCode::PAYLOAD_TOO_LARGE),
            Failure::UnsupportedMediaType => Some(StatusCode::UNSUPPORTED_MEDIA_TYPE),
            _ => None,
        }
    }

    /// The failure an error response with `status` stands for, when nothing more is known
    /// about it: a response from another layer, or axum's own.
    pub fn from_status(status: StatusCode) -> Failure {
        match status {
            StatusCode::NOT_FOUND => Failure::NotFound,
            StatusCode::METHOD_NOT_ALLOWED => Failure::MethodNotAllowed,
            StatusCode::PAYLOAD_TOO_LARGE => Failure::BodyTooLarge,
            StatusCode::UNSUPPORTED_MEDIA_TYPE => Failure::UnsupportedMediaType,
            status if status.is_server_error() => Failure::Internal,
            _ => Failure::BadRequest,
        }
    }

    /// The failure of an extractor of `input` whose framework rejected the request with
    /// `status`: a body too large (413), a wrong content type (415) and a server-side
    /// mistake (5xx) say more than that the input does not fit.
    #[cfg(any(feature = "axum", feature = "actix"))]
    pub(crate) fn of_rejection(input: Failure, status: StatusCode) -> Failure {
        match Failure::from_status(status) {
            Failure::BadRequest | Failure::NotFound | Failure::MethodNotAllowed => input,
            said_more => said_more,
        }
    }
}

/// A catalog that says which of its codes answers each [`Failure`]: generated for every
/// catalog with a `[catalogs.Name.failures]` table, such as [`ResultCode`](crate::ResultCode)
/// and [`HeroCode`](crate::HeroCode).
///
/// ```
/// use hero_codes::{Failure, FailureCodes, HeroCode, ResultCode};
/// assert_eq!(ResultCode::for_failure(Failure::InvalidJson), ResultCode::InvalidParameter);
/// assert_eq!(HeroCode::for_failure(Failure::InvalidJson), HeroCode::MalformedJson);
/// assert_eq!(HeroCode::for_failure(Failure::BodyTooLarge), HeroCode::FileTooLarge);
/// ```
#[diagnostic::on_unimplemented(
    message = "catalog `{Self}` does not say which codes answer framework failures",
    label = "needs a `[catalogs.{Self}.failures]` table",
    note = "add `[catalogs.{Self}.failures]` to its catalog file, one code per failure kind"
)]
pub trait FailureCodes: CatalogCode {
    /// The code that answers `failure`.
    fn for_failure(failure: Failure) -> Self;
}
