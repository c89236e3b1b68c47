//! Bounds on what one request may cost: its body's size, checked against `Content-Length`
//! before anything is read, and its time, body reading included.
//!
//! Without them a client that announces a large body and sends nothing, or sends half a
//! body and stalls, holds its connection and its task for as long as it likes: axum's
//! `DefaultBodyLimit` is applied only while the body is read, and nothing times a request
//! out. RELIABILITY.md has the measurements.

use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use http::StatusCode;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

/// Bounds every request of a router: sugar for tower-http's `RequestBodyLimitLayer` and
/// `TimeoutLayer`, in the order that lets the envelope wrap their answers.
pub trait RequestLimits {
    /// Answers a request whose `Content-Length` is over `max_body_bytes` with 413 at once,
    /// a body that grows over it while being read with 413 too, and a request not answered
    /// within `timeout` (a client that stalls mid-body included) with 408; the connection
    /// is then closed. Call it before [`with_envelope`](super::EnvelopeRouter::with_envelope),
    /// so that both answers are in the envelope: 413 with the catalog's `body_too_large`
    /// code, 408 with its first code of status 408, else its `bad_request` code.
    ///
    /// ```
    /// use std::time::Duration;
    /// use axum::{Router, routing::put};
    /// use hero_codes::{ResultCode, axum::{EnvelopeRouter, RequestLimits}};
    ///
    /// let app: Router = Router::new()
    ///     .route("/upload", put(|body: bytes::Bytes| async move { body.len().to_string() }))
    ///     .with_request_limits(64 * 1024, Duration::from_secs(10))
    ///     .with_envelope::<ResultCode>();
    /// ```
    fn with_request_limits(self, max_body_bytes: usize, timeout: Duration) -> Self;
}

impl<S: Clone + Send + Sync + 'static> RequestLimits for Router<S> {
    fn with_request_limits(self, max_body_bytes: usize, timeout: Duration) -> Self {
        // The last layer added is the outermost: the length check answers before the
        // timer starts, and the timer covers the handler's reading of the body. axum's own
        // limit is set to the same number, so one limit answers whichever way a body is read.
        self.layer(DefaultBodyLimit::max(max_body_bytes))
            .layer(TimeoutLayer::with_status_code(
                StatusCode::REQUEST_TIMEOUT,
                timeout,
            ))
            .layer(RequestBodyLimitLayer::new(max_body_bytes))
    }
}
