//! The request span for tower-http's `TraceLayer`, with the fields an answer records.

use http::Request;
use tower_http::trace::MakeSpan;
use tracing::Span;

/// Makes tower-http's `TraceLayer` open each request's span with the fields the envelope
/// layer records declared ([`observe::fields`](crate::observe::fields)): the answer's
/// status, catalog, code, and `error.type` for an error. Put the `TraceLayer` outside the
/// envelope layer, so its span is the current one when the answer is ready.
///
/// ```
/// use axum::{Router, routing::get};
/// use hero_codes::{ResultCode, axum::{EnvelopeRouter, RequestSpan}};
/// use tower_http::trace::TraceLayer;
///
/// let app: Router = Router::new()
///     .route("/apps/{id}", get(|| async { ResultCode::NotFound }))
///     .with_envelope::<ResultCode>()
///     .layer(TraceLayer::new_for_http().make_span_with(RequestSpan));
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct RequestSpan;

impl<B> MakeSpan<B> for RequestSpan {
    fn make_span(&mut self, request: &Request<B>) -> Span {
        crate::observe::request_span(request.method().as_str(), request.uri().path())
    }
}
