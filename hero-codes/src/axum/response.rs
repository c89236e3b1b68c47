//! Responses in the envelope.

use std::cell::Cell;

use axum::body::Body;
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use http::StatusCode;
use http::header::{CONTENT_TYPE, HeaderValue};
use serde::Serialize;

use crate::glue::{error_status, failure_code, localized_body, success_body};
use crate::response::ENVELOPE_CONTENT_TYPE;
use crate::{ApiError, ApiResponse, Failure, FailureCodes};

/// Marks a response as already in the envelope, in its response extensions, so the
/// envelope layer leaves it as it is whatever its catalog; with the locale its
/// description is in, for `Content-Language`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct InEnvelope {
    pub(crate) locale: Option<&'static str>,
}

thread_local! {
    /// How many envelope layers are polling their service on this thread. A marker costs an
    /// allocation (the first entry of a response's extensions), so it is set only when a
    /// layer is there to read it: an answer without a layer costs what a hand-built one does.
    static LAYERS_POLLING: Cell<u32> = const { Cell::new(0) };
}

/// Counts a layer as polling while it lives; see [`LAYERS_POLLING`].
pub(crate) struct LayerPolling(());

impl LayerPolling {
    pub(crate) fn enter() -> Self {
        LAYERS_POLLING.with(|count| count.set(count.get() + 1));
        LayerPolling(())
    }
}

impl Drop for LayerPolling {
    fn drop(&mut self) {
        LAYERS_POLLING.with(|count| count.set(count.get() - 1));
    }
}

/// How the nearest [`EnvelopeLayer`](super::EnvelopeLayer) answers a failure, in its
/// catalog: put in the request's extensions for the extractors to reject with.
#[derive(Clone, Copy)]
pub(crate) struct FailureAnswer(fn(Failure) -> Response);

impl FailureAnswer {
    pub(crate) fn new(answer: fn(Failure) -> Response) -> Self {
        FailureAnswer(answer)
    }

    /// The answer of the nearest layer, if the request went through one.
    pub(crate) fn find(extensions: &http::Extensions) -> Option<Self> {
        extensions.get::<FailureAnswer>().copied()
    }

    pub(crate) fn answer(self, failure: Failure) -> Response {
        (self.0)(failure)
    }
}

/// The answer for `error`: its status and envelope body. A 5xx error is logged with its
/// source chain first, since the client reads only the catalog's text.
///
/// Derived errors call this from their `IntoResponse`.
pub fn error_response<E: ApiError>(error: &E) -> Response {
    localized_envelope(error_status(error), error)
}

/// The answer for a framework `failure` in catalog `C`: the code its `failures` table
/// names, with the status HTTP requires for the failure, else the code's own.
///
/// ```
/// use hero_codes::{Failure, HeroCode};
/// let response = hero_codes::axum::failure_response::<HeroCode>(Failure::BodyTooLarge);
/// assert_eq!(response.status(), http::StatusCode::PAYLOAD_TOO_LARGE);
/// ```
pub fn failure_response<C: FailureCodes + ApiError>(failure: Failure) -> Response {
    let (status, code) = failure_code::<C>(failure);
    localized_envelope(status, &code)
}

/// `error`'s envelope with `status`, in the locale answers are made in now.
#[inline]
pub(crate) fn localized_envelope<E: ApiError + ?Sized>(status: StatusCode, error: &E) -> Response {
    let (body, locale) = localized_body(error);
    envelope(status, body, locale)
}

// Inlined into the caller's crate: the answer is built in place, as a hand-written one is.
#[inline]
pub(crate) fn envelope(status: StatusCode, body: Bytes, locale: Option<&'static str>) -> Response {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static(ENVELOPE_CONTENT_TYPE),
    );
    if LAYERS_POLLING.with(Cell::get) > 0 {
        response.extensions_mut().insert(InEnvelope { locale });
    }
    response
}

/// Success in `C`'s envelope. `C` needs a `failures` table: data that cannot be serialized
/// is a server bug, answered with `C`'s `internal` code.
impl<T: Serialize, C: FailureCodes + ApiError> IntoResponse for ApiResponse<T, C> {
    fn into_response(self) -> Response {
        match success_body(self) {
            Some((status, body, locale)) => envelope(status, body, locale),
            None => failure_response::<C>(Failure::Internal),
        }
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
