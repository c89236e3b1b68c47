//! Answers of the envelope core as actix-web responses.

use actix_web::body::BoxBody;
use actix_web::http::StatusCode as ActixStatus;
use actix_web::http::header::{CONTENT_LANGUAGE, CONTENT_TYPE, HeaderValue, VARY};
use actix_web::{HttpRequest, HttpResponse, Responder};
use http::StatusCode;
use serde::Serialize;

use crate::answer::Answer;
use crate::response::ENVELOPE_CONTENT_TYPE;
use crate::{ApiError, ApiResponse, Failure, FailureCodes};

/// The answer for `error`: its status and envelope body, in the request's locale when the
/// [`EnvelopeLayer`](super::EnvelopeLayer) middleware runs. A 5xx error is logged with its source
/// chain first, since the client reads only the catalog's text.
///
/// Derived errors call this from their `ResponseError::error_response`.
pub fn error_response<E: ApiError>(error: &E) -> HttpResponse {
    into_response(Answer::error(error))
}

/// The answer for a framework `failure` in catalog `C`: the code its `failures` table
/// names, with the status HTTP requires for the failure, else the code's own.
///
/// ```
/// use hero_codes::{Failure, HeroCode};
/// let response = hero_codes::actix::failure_response::<HeroCode>(Failure::BodyTooLarge);
/// assert_eq!(response.status().as_u16(), 413);
/// ```
pub fn failure_response<C: FailureCodes>(failure: Failure) -> HttpResponse {
    into_response(Answer::failure::<C>(failure))
}

/// The actix-web response of an envelope answer: its status, body, content type, language
/// (and `Vary` when it may follow the request's), and on an error answer the mark that
/// keeps it as it is in any `EnvelopeLayer` middleware.
pub(crate) fn into_response(answer: Answer) -> HttpResponse {
    let mut response =
        HttpResponse::with_body(actix_status(answer.status), BoxBody::new(answer.body));
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
        response.extensions_mut().insert(mark);
    }
    response
}

/// actix-web 4 is on `http` 0.2; the catalog speaks `http` 1.
#[doc(hidden)]
pub fn actix_status(status: StatusCode) -> ActixStatus {
    ActixStatus::from_u16(status.as_u16()).unwrap_or(ActixStatus::INTERNAL_SERVER_ERROR)
}

/// Success in `C`'s envelope. `C` needs a `failures` table: data that cannot be serialized
/// is a server bug, answered with `C`'s `internal` code.
impl<T: Serialize, C: FailureCodes> Responder for ApiResponse<T, C> {
    type Body = BoxBody;

    fn respond_to(self, _request: &HttpRequest) -> HttpResponse {
        into_response(Answer::success(self))
    }
}

/// `ResponseError` for a type that implements [`ApiError`]: the derive and the catalog
/// enums expand to this macro, so the proc macro needs no knowledge of actix-web.
#[doc(hidden)]
#[macro_export]
macro_rules! __actix_glue {
    ([$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {
        impl $($impl_generics)* $crate::__private::actix_web::ResponseError for $($ty)*
        $($where_clause)*
        {
            fn status_code(&self) -> $crate::__private::actix_web::http::StatusCode {
                $crate::actix::__status(<Self as $crate::ApiError>::status(self))
            }

            fn error_response(
                &self,
            ) -> $crate::__private::actix_web::HttpResponse<$crate::__private::actix_web::body::BoxBody>
            {
                $crate::actix::error_response(self)
            }
        }
    };
}
