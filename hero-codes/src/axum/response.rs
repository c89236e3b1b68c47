//! Responses in the envelope.

use axum::body::Body;
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use http::StatusCode;
use http::header::{CONTENT_TYPE, HeaderValue};
use serde::Serialize;

use crate::error::report_server_error;
use crate::{ApiError, ApiResponse, CatalogCode, Failure, FailureCodes, ResultCode};

/// The content type of every envelope; it also tells the envelope layer that a response is
/// already in the envelope (axum's own `Json` says `application/json` without a charset).
pub(crate) const ENVELOPE_CONTENT_TYPE: &str = "application/json; charset=utf-8";

/// The answer for `error`: its status and envelope body. A 5xx error is logged with its
/// source chain first, since the client reads only the catalogue's text.
///
/// Derived errors call this from their `IntoResponse`.
pub fn error_response<E: ApiError>(error: &E) -> Response {
    let status = error.status();
    if status.is_server_error() {
        report_server_error(error.code(), status, error);
    }
    envelope(status, error.body())
}

/// The answer for a framework `failure` in catalogue `C`: the code its `failures` table
/// names, with the status HTTP requires for the failure, else the code's own.
///
/// ```
/// use hero_codes::{Failure, HeroCode};
/// let response = hero_codes::axum::failure_response::<HeroCode>(Failure::BodyTooLarge);
/// assert_eq!(response.status(), http::StatusCode::PAYLOAD_TOO_LARGE);
/// ```
pub fn failure_response<C: FailureCodes + ApiError>(failure: Failure) -> Response {
    let code = C::for_failure(failure);
    let status = failure
        .required_status()
        .unwrap_or_else(|| CatalogCode::status(&code));
    envelope(status, code.body())
}

// Inlined into the caller's crate: the answer is built in place, as a hand-written one is.
#[inline]
pub(crate) fn envelope(status: StatusCode, body: Bytes) -> Response {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static(ENVELOPE_CONTENT_TYPE),
    );
    response
}

impl<T: Serialize, C: CatalogCode> IntoResponse for ApiResponse<T, C> {
    fn into_response(self) -> Response {
        match serde_json::to_vec(&self) {
            Ok(body) => envelope(self.status(), Bytes::from(body)),
            Err(error) => {
                // The data could not be serialized: a server bug, answered as one.
                report_server_error(
                    ResultCode::SystemError.code(),
                    StatusCode::INTERNAL_SERVER_ERROR,
                    &error,
                );
                failure_response::<ResultCode>(Failure::Internal)
            }
        }
    }
}

/// `IntoResponse` for a type that implements [`ApiError`]: the derive and the catalogue
/// enums expand to this macro, so the proc macro needs no knowledge of axum.
#[doc(hidden)]
#[macro_export]
macro_rules! __axum_glue {
    ([$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {
        impl $($impl_generics)* $crate::__private::axum::response::IntoResponse for $($ty)*
        $($where_clause)*
        {
            fn into_response(self) -> $crate::__private::axum::response::Response {
                $crate::axum::error_response(&self)
            }
        }
    };
}
