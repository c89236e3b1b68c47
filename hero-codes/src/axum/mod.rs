//! axum glue: every answer of a service in the envelope.
//!
//! - Derived errors and the catalog enums implement `IntoResponse`: return them from a
//!   handler. 5xx answers carry only the catalog's text; the error and its source chain go
//!   to `tracing` at error level.
//! - [`ApiResponse`](crate::ApiResponse) implements `IntoResponse` for success.
//! - [`Json`], [`Query`], [`Path`] and [`Form`] extract as axum's do, but reject with the
//!   envelope, never echoing the client's input or serde's message.
//! - [`EnvelopeRouter::with_envelope`] puts everything else in the envelope too: unknown
//!   routes, wrong methods (keeping `Allow`), bodies over the limit, wrong content types,
//!   panics, and error responses of inner layers.
//! - [`RequestLimits::with_request_limits`] bounds each request's body size (checked
//!   against `Content-Length` before reading) and time, so slow or lying clients are
//!   answered and their connections freed.
//! - [`serve`] (feature `serve`) serves a router with a header timeout and drains on
//!   SIGTERM or SIGINT within a bound.
//!
//! Which code answers which failure comes from the catalog's `failures` table.

mod extract;
mod layer;
mod limits;
mod mark;
mod response;
#[cfg(feature = "serve")]
mod serve;
mod trace;

pub use extract::{Form, Json, Path, Query, Rejection};
pub use layer::{EnvelopeLayer, EnvelopeRouter, EnvelopeService, ResponseFuture};
pub use limits::RequestLimits;
pub use response::{error_response, failure_response};
#[cfg(feature = "serve")]
pub use serve::{DEFAULT_HEADER_TIMEOUT, DEFAULT_SHUTDOWN_TIMEOUT, Serve, serve, shutdown_signal};
pub use trace::RequestSpan;
