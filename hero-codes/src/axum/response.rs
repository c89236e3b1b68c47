//! Answers of the envelope core as axum responses.

use axum::body::Body;
use axum::response::{IntoResponse, Response};
use http::header::{CONTENT_LANGUAGE, CONTENT_TYPE, HeaderValue, VARY};
use serde::Serialize;

use crate::answer::Answer;
use crate::response::ENVELOPE_CONTENT_TYPE;
use crate::{ApiError, ApiResponse, Failure, FailureCodes};

/// The answer for `error`: its status and envelope body. A 5xx error is logged with its
/// source chain first, since the client reads only the catalog's text.
///
/// Derived errors call this from their `IntoResponse`.
pub fn error_response<E: ApiError>(error: &E) -> Response {
    into_response(Answer::error(error))
}

/// The answer for a framework `failure` in catalog `C`: the code its `failures` table
/// names, with the status HTTP requires for the failure, else the code's own.
///
/// ```
/// use hero_codes::{Failure, HeroCode};
/// let response = hero_codes::axum::failure_response::<HeroCode>(Failure::BodyTooLarge);
/// assert_eq!(response.status(), http::StatusCode::PAYLOAD_TOO_LARGE);
/// ```
pub fn failure_response<C: FailureCodes>(failure: Failure) -> Response {
    into_response(Answer::failure::<C>(failure))
}

/// The axum response of an envelope answer: its status, body, content type, language (and
/// `Vary` when it may follow the request's), and on an error answer the mark that keeps it
/// as it is in any envelope layer.
// Inlined into the caller's crate: the answer is built in place, as a hand-written one is.
#[inline]
pub(crate) fn into_response(answer: Answer) -> Response {
    let mut response = Response::new(Body::from(answer.body));
    *response.status_mut() = answer.status;
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static(ENVELOPE_CONTENT_TYPE),
    );
    if let Some(locale) = answer.locale {
        headers.insert(CONTENT_LANGUAGE, HeaderValue::from_static(locale));
    }
    if answer.varies_on_language {
        headers.insert(VARY, HeaderValue::from_static("accept-language"));
    }
    if let Some(mark) = answer.mark {
        *response.extensions_mut() = super::mark::extensions_with(mark);
    }
    response
}

/// Success in `C`'s envelope. `C` needs a `failures` table: data that cannot be serialized
/// is a server bug, answered with `C`'s `internal` code.
impl<T: Serialize, C: FailureCodes> IntoResponse for ApiResponse<T, C> {
    fn into_response(self) -> Response {
        into_response(Answer::success(self))
    }
}

/// `IntoResponse` for a type that implements [`ApiError`]: the derive and the catalog
/// enums expand to this macro, so the proc macro needs no knowledge of axum.
#[doc(hidden)]
#[macro_export]
macro_rules! __axum_glue {
    ([$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {
        impl $($impl_generics)* $crate::__private::axum::response::IntoResponse for $($ty)*
        $($where_clause)*
        {
            #[inline]
            fn into_response(self) -> $crate::__private::axum::response::Response {
                $crate::axum::error_response(&self)
            }
        }
    };
}
