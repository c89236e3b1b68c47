//! Keeps every answer of a router in the envelope.

use std::any::Any;
use std::marker::PhantomData;

use axum::Router;
use axum::body::Body;
use axum::response::Response;
use http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use tower_http::catch_panic::{CatchPanicLayer, ResponseForPanic};

use super::response::{ENVELOPE_CONTENT_TYPE, envelope, failure_response};
use crate::{ApiError, CatalogCode, Failure, FailureCodes};

/// Puts everything a router answers into the envelope of catalogue `C`.
pub trait EnvelopeRouter {
    /// Wraps the router (all its routes and its fallback) so that every answer is an
    /// envelope, with codes from catalogue `C`'s `failures` table:
    ///
    /// - an unknown route answers `not_found` (404);
    /// - a wrong method answers `method_not_allowed` (405), keeping the `Allow` header;
    /// - the [`Json`](super::Json), [`Query`](super::Query), [`Path`](super::Path) and
    ///   [`Form`](super::Form) rejections answer in `C` rather than in `ResultCode`;
    /// - a handler panic answers `internal` (500), nothing of the panic message;
    /// - any other error response that is not an envelope (from axum or an inner layer)
    ///   keeps its status and headers and gets the envelope body: `internal` for a 5xx,
    ///   else the first code of `C` with that status, else `bad_request`.
    ///
    /// Call it after adding routes and the layers it should cover.
    ///
    /// ```
    /// use axum::{Router, routing::get};
    /// use hero_codes::{HeroCode, axum::EnvelopeRouter};
    ///
    /// let app: Router = Router::new()
    ///     .route("/health", get(|| async { "ok" }))
    ///     .with_envelope::<HeroCode>();
    /// ```
    fn with_envelope<C: FailureCodes + ApiError>(self) -> Self;

    /// As [`with_envelope`](EnvelopeRouter::with_envelope), but for the routes added so far
    /// only, not the fallback: for a sub-router that answers in its own catalogue, merged
    /// into an app whose other answers, unknown routes included, are in another.
    ///
    /// ```
    /// use axum::{Router, routing::put};
    /// use hero_codes::{HeroCode, ResultCode, axum::EnvelopeRouter};
    ///
    /// let hero = Router::new()
    ///     .route("/download+1", put(|| async { hero_codes::ApiResponse::accepted() }))
    ///     .routes_with_envelope::<HeroCode>();
    /// let app: Router = Router::new().merge(hero).with_envelope::<ResultCode>();
    /// ```
    fn routes_with_envelope<C: FailureCodes + ApiError>(self) -> Self;
}

impl<S: Clone + Send + Sync + 'static> EnvelopeRouter for Router<S> {
    fn with_envelope<C: FailureCodes + ApiError>(self) -> Self {
        self.layer(CatchPanicLayer::custom(PanicAnswer::<C>(PhantomData)))
            .layer(axum::middleware::map_response(keep_in_envelope::<C>))
    }

    fn routes_with_envelope<C: FailureCodes + ApiError>(self) -> Self {
        self.route_layer(CatchPanicLayer::custom(PanicAnswer::<C>(PhantomData)))
            .route_layer(axum::middleware::map_response(keep_in_envelope::<C>))
    }
}

/// Answers a panic with catalogue `C`'s `internal` code; the panic message goes to the log.
struct PanicAnswer<C>(PhantomData<fn() -> C>);

impl<C> Clone for PanicAnswer<C> {
    fn clone(&self) -> Self {
        PanicAnswer(PhantomData)
    }
}

impl<C: FailureCodes + ApiError> ResponseForPanic for PanicAnswer<C> {
    type ResponseBody = Body;

    fn response_for_panic(&mut self, panic: Box<dyn Any + Send + 'static>) -> Response {
        let message = panic
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("a panic with a non-text payload");
        tracing::error!(panic = message, "handler panicked");
        failure_response::<C>(Failure::Internal)
    }
}

async fn keep_in_envelope<C: FailureCodes + ApiError>(response: Response) -> Response {
    if let Some(&failure) = response.extensions().get::<Failure>() {
        // A rejection of the envelope extractors: answer it in this catalogue.
        return failure_response::<C>(failure);
    }
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) || is_envelope(&response) {
        return response;
    }
    let failure = Failure::from_status(status);
    let code = match failure {
        Failure::BadRequest => first_code_with_status::<C>(status)
            .unwrap_or_else(|| C::for_failure(Failure::BadRequest)),
        _ => C::for_failure(failure),
    };
    if status.is_server_error() {
        tracing::error!(
            status = status.as_u16(),
            code = CatalogCode::code(&code),
            "error response replaced by the envelope"
        );
    }
    // Keep the status and headers such as `Allow`; the old body and its length go.
    let (mut parts, _) = response.into_parts();
    parts.headers.remove(CONTENT_LENGTH);
    parts.headers.remove(CONTENT_TYPE);
    let body = envelope(status, code.body());
    let (body_parts, body) = body.into_parts();
    parts.headers.extend(body_parts.headers);
    Response::from_parts(parts, body)
}

fn is_envelope(response: &Response) -> bool {
    response
        .headers()
        .get(CONTENT_TYPE)
        .is_some_and(|value| value == ENVELOPE_CONTENT_TYPE)
}

fn first_code_with_status<C: CatalogCode>(status: http::StatusCode) -> Option<C> {
    C::ALL.iter().copied().find(|code| code.status() == status)
}
