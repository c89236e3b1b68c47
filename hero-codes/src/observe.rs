//! What every answer leaves for operators: its catalog, code and status on the request's
//! span, a log line for error answers, and (feature `metrics`) a count by code and the
//! handler's latency by code class. The envelope core records each answer once,
//! for axum and actix-web alike.
//!
//! Each code of a catalog has one [`CodeIdentity`], a row of the table the macros generate,
//! so recording an answer reads labels that exist already and, with metrics, increments
//! handles registered at its first answer (found by the identity's address, see
//! `metrics::registry`): it never formats or hashes a label.

#[cfg(any(feature = "axum", feature = "actix", feature = "tonic"))]
use std::time::Duration;

#[cfg(any(feature = "axum", feature = "actix", feature = "tonic"))]
use http::StatusCode;
#[cfg(any(feature = "axum", feature = "actix", feature = "tonic"))]
use tracing::Level;

/// A code of a catalog as operators see it: the labels of its answers. Generated as a row
/// of its type's table; read it with [`ApiError::identity`](crate::ApiError::identity).
///
/// ```
/// use hero_codes::{ApiError, ResultCode};
///
/// let identity = ResultCode::NotFound.identity();
/// assert_eq!((identity.catalog(), identity.code(), identity.status()), ("ResultCode", "10400", 404));
/// assert_eq!(identity.class(), hero_codes::CodeClass::Client);
/// ```
#[derive(Debug)]
pub struct CodeIdentity {
    catalog: &'static str,
    code: &'static str,
    // A `StatusCode`, checked when the identity is built (at compile time), so that an
    // answer reads its status with no check.
    status: http::StatusCode,
    class: CodeClass,
    grpc: i32,
    reason: &'static str,
    domain: &'static str,
}

/// Whether a code means success, a client's mistake or the server's: the class its
/// latency is measured by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CodeClass {
    /// The catalog's success code.
    Success,
    /// An error code whose status is not 5xx (HTTP-200 business errors included).
    Client,
    /// An error code with a 5xx status.
    Server,
}

impl CodeClass {
    /// The class of a code answered with `status`; `success` for the catalog's success code.
    const fn of(success: bool, status: u16) -> Self {
        match (success, status) {
            (true, _) => CodeClass::Success,
            (false, 500..=599) => CodeClass::Server,
            (false, _) => CodeClass::Client,
        }
    }

    /// The label value: `success`, `client` or `server`.
    pub const fn label(self) -> &'static str {
        match self {
            CodeClass::Success => "success",
            CodeClass::Client => "client",
            CodeClass::Server => "server",
        }
    }
}

/// The identity of `code` of `catalog`, answered with `status`, over gRPC with the status
/// numbered `grpc` and the `ErrorInfo` of `reason` in `domain`; `success` for the catalog's
/// success code. Evaluated at compile time (for a generated table's rows, by
/// [`identities`](crate::table::identities)), so a status that `StatusCode` does not take
/// fails the build, never an answer.
pub(crate) const fn identity(
    catalog: &'static str,
    code: &'static str,
    status: u16,
    success: bool,
    grpc: i32,
    reason: &'static str,
    domain: &'static str,
) -> CodeIdentity {
    CodeIdentity {
        catalog,
        code,
        status: crate::catalog::private::status(status),
        class: CodeClass::of(success, status),
        grpc,
        reason,
        domain,
    }
}

impl CodeIdentity {
    /// The name of the code's catalog: `ResultCode`.
    pub const fn catalog(&self) -> &'static str {
        self.catalog
    }

    /// The code as the envelope writes it: `10400`.
    pub const fn code(&self) -> &'static str {
        self.code
    }

    /// The HTTP status the catalog gives the code.
    pub const fn status(&self) -> u16 {
        self.status.as_u16()
    }

    /// The HTTP status the catalog gives the code, as answers write it.
    pub(crate) const fn http_status(&self) -> http::StatusCode {
        self.status
    }

    /// Success, client or server.
    pub const fn class(&self) -> CodeClass {
        self.class
    }

    /// The number of the gRPC status the code answers with over gRPC: the catalog's
    /// `grpc`, else the one its HTTP status maps to (`google/rpc/code.proto`).
    ///
    /// ```
    /// use hero_codes::{ApiError, HeroCode};
    ///
    /// let identity = HeroCode::FileTooLarge.identity();
    /// assert_eq!(identity.grpc(), 8); // RESOURCE_EXHAUSTED
    /// assert_eq!((identity.reason(), identity.domain()), ("FILE_TOO_LARGE", "HeroCode"));
    /// ```
    pub const fn grpc(&self) -> i32 {
        self.grpc
    }

    /// The reason of the code's gRPC `ErrorInfo` (AIP-193): its catalog variant in
    /// UPPER_SNAKE_CASE, `NOT_FOUND`.
    pub const fn reason(&self) -> &'static str {
        self.reason
    }

    /// The gRPC error domain of the code's catalog (`ErrorInfo.domain`): the catalog's or
    /// file's `domain`, else the catalog's name.
    pub const fn domain(&self) -> &'static str {
        self.domain
    }
}

/// The identity of codes that no catalog generated: answers of an `ApiError`
/// implemented by hand. One label value, so the count's cardinality stays bounded.
pub(crate) static UNKNOWN: CodeIdentity =
    identity("unknown", "unknown", 500, false, 2, "UNKNOWN", "unknown");

/// The names an answer records on the current span. Only fields a span declares can be
/// recorded (a `tracing` rule), so they are declared empty by the span that wants them:
/// [`RequestSpan`](crate::axum::RequestSpan) for tower-http's `TraceLayer`, or a span of
/// yours with the same fields. OpenTelemetry's names where it has them.
pub mod fields {
    /// `http.response.status_code`: the status of the answer.
    pub const STATUS: &str = "http.response.status_code";
    /// `error.type`: the code of an error answer (OpenTelemetry's error type).
    pub const ERROR_TYPE: &str = "error.type";
    /// `hero_codes.catalog`: the catalog of the answer's code.
    pub const CATALOG: &str = "hero_codes.catalog";
    /// `hero_codes.code`: the answer's code, success included.
    pub const CODE: &str = "hero_codes.code";
}

/// A request's span with the [`fields`] an answer records declared empty, so they are
/// recorded on it (and become span attributes for `tracing-opentelemetry`), besides the
/// request's method and path. `hero_codes::axum::RequestSpan` makes it for tower-http's
/// `TraceLayer`; with actix-web, open it around the app (`docs/observability.md` shows
/// how).
///
/// ```
/// let span = hero_codes::observe::request_span("GET", "/apps/7");
/// assert!(span.field(hero_codes::observe::fields::CODE).is_some() || span.is_disabled());
/// ```
pub fn request_span(method: &str, path: &str) -> tracing::Span {
    tracing::info_span!(
        "request",
        http.request.method = method,
        url.path = path,
        http.response.status_code = tracing::field::Empty,
        error.type = tracing::field::Empty,
        hero_codes.catalog = tracing::field::Empty,
        hero_codes.code = tracing::field::Empty,
    )
}

/// Records an answer with `status` and the code `identity`, `elapsed` after the request
/// came in: on the current span, in the log for error answers (a 4xx at `client_level`;
/// a 5xx at error level, its source chain logged where the error was answered), and in
/// the metrics.
#[cfg(any(feature = "axum", feature = "actix", feature = "tonic"))]
pub(crate) fn record(
    identity: &'static CodeIdentity,
    status: StatusCode,
    elapsed: Duration,
    client_level: Level,
) {
    record_on_span(identity, status);
    if identity.class == CodeClass::Client {
        log_client_error(identity, status, client_level);
    }
    #[cfg(feature = "metrics")]
    crate::metrics::record(identity, status, elapsed);
    #[cfg(not(feature = "metrics"))]
    let _ = elapsed;
}

/// Puts the answer's status and code on the current span. With no subscriber ever set
/// there is no span to find, and looking for one would cost every request.
#[cfg(any(feature = "axum", feature = "actix", feature = "tonic"))]
fn record_on_span(identity: &CodeIdentity, status: StatusCode) {
    if !tracing::dispatcher::has_been_set() {
        return;
    }
    let span = tracing::Span::current();
    if !span.is_disabled() {
        span.record(fields::STATUS, status.as_u16());
        span.record(fields::CATALOG, identity.catalog);
        span.record(fields::CODE, identity.code);
        if identity.class != CodeClass::Success {
            span.record(fields::ERROR_TYPE, identity.code);
        }
    }
}

/// A client error's line, at the level the layer was given.
#[cfg(any(feature = "axum", feature = "actix", feature = "tonic"))]
fn log_client_error(identity: &CodeIdentity, status: StatusCode, level: Level) {
    macro_rules! at {
        ($level:expr) => {
            tracing::event!(
                $level,
                catalog = identity.catalog,
                code = identity.code,
                status = status.as_u16(),
                "client error answered"
            )
        };
    }
    match level {
        Level::TRACE => at!(Level::TRACE),
        Level::DEBUG => at!(Level::DEBUG),
        Level::INFO => at!(Level::INFO),
        Level::WARN => at!(Level::WARN),
        Level::ERROR => at!(Level::ERROR),
    }
}
