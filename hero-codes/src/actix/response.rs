//! Answers in the envelope, as actix-web responses.

use actix_web::body::BoxBody;
use actix_web::http::StatusCode as ActixStatus;
use actix_web::http::header::{CONTENT_TYPE, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, Responder};
use bytes::Bytes;
use http::StatusCode;
use serde::Serialize;

use crate::glue::{error_status, failure_code, localized_body, success_body};
use crate::response::ENVELOPE_CONTENT_TYPE;
use crate::{ApiError, ApiResponse, Failure, FailureCodes};

/// Marks a response as already in the envelope, in its extensions, so the
/// [`Envelope`](super::Envelope) middleware leaves it as it is; with the locale of its
/// description, for `Content-Language`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct InEnvelope {
    pub(crate) locale: Option<&'static str>,
}

/// How the nearest [`Envelope`](super::Envelope) middleware answers a failure, in its
/// catalog: put in the request's extensions, so that the extractors' error handlers
/// answer in the catalog of a resource or scope wrapped in its own `Envelope`.
#[derive(Clone, Copy)]
pub(crate) struct FailureAnswer(pub(crate) fn(Failure) -> HttpResponse);

/// The answer for `error`: its status and envelope body, in the request's locale when the
/// [`Envelope`](super::Envelope) middleware runs. A 5xx error is logged with its source
/// chain first, since the client reads only the catalog's text.
///
/// Derived errors call this from their `ResponseError::error_response`.
pub fn error_response<E: ApiError>(error: &E) -> HttpResponse {
    localized_envelope(error_status(error), error)
}

/// The answer for a framework `failure` in catalog `C`: the code its `failures` table
/// names, with the status HTTP requires for the failure, else the code's own.
///
/// ```
/// use hero_codes::{Failure, HeroCode};
/// let response = hero_codes::actix::failure_response::<HeroCode>(Failure::BodyTooLarge);
/// assert_eq!(response.status().as_u16(), 413);
/// ```
pub fn failure_response<C: FailureCodes + ApiError>(failure: Failure) -> HttpResponse {
    let (status, code) = failure_code::<C>(failure);
    localized_envelope(status, &code)
}

/// `error`'s envelope with `status`, in the locale answers are made in now.
pub(crate) fn localized_envelope<E: ApiError + ?Sized>(
    status: StatusCode,
    error: &E,
) -> HttpResponse {
    let (body, locale) = localized_body(error);
    envelope(status, body, locale)
}

fn envelope(status: StatusCode, body: Bytes, locale: Option<&'static str>) -> HttpResponse {
    let mut response = HttpResponse::with_body(actix_status(status), BoxBody::new(body));
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static(ENVELOPE_CONTENT_TYPE),
    );
    response.extensions_mut().insert(InEnvelope { locale });
    response
}

/// actix-web 4 is on `http` 0.2; the catalog speaks `http` 1.
#[doc(hidden)]
pub fn actix_status(status: StatusCode) -> ActixStatus {
    ActixStatus::from_u16(status.as_u16()).unwrap_or(ActixStatus::INTERNAL_SERVER_ERROR)
}

/// Success in `C`'s envelope. `C` needs a `failures` table: data that cannot be serialized
/// is a server bug, answered with `C`'s `internal` code.
impl<T: Serialize, C: FailureCodes + ApiError> Responder for ApiResponse<T, C> {
    type Body = BoxBody;

    fn respond_to(self, _request: &HttpRequest) -> HttpResponse {
        match success_body(self) {
            Some((status, body, locale)) => envelope(status, body, locale),
            None => failure_response::<C>(Failure::Internal),
        }
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
