//! The demo service: the two documents' own examples, served on 127.0.0.1 with the
//! built-in catalog and nothing but hero-codes' public API.
//!
//! ```sh
//! cargo run -p hero-codes --example demo            # port 3000, or PORT=8080, or -- --port 8080
//! curl -X POST 'http://127.0.0.1:3000/api/tracker/apps?search_value=Farm'
//! curl -X PUT http://127.0.0.1:3000/download+1 -H 'Authorization: Bearer demo-token' \
//!      -H 'Content-Type: application/json' -d '{"oid":"3","channel":"online"}'
//! ```
//!
//! - `POST /api/tracker/apps?search_value=Farm` (response spec, `ResultCode`): the apps whose
//!   name contains the value, answering exactly the spec's example response. No
//!   `search_value` answers 10002; `GET /api/tracker/apps/{id}` finds one app, or 10400.
//! - `PUT /download+1` (Hero sample, `HeroCode`): counts a download and answers 202.
//!   `channel` (`online` or `1` for an activity, `direct` or `0` otherwise) comes from the
//!   JSON body or the query; an activity needs an `oid`. It needs `Authorization: Bearer
//!   demo-token`: a missing or wrong token answers 1002, a bad channel or a missing `oid`
//!   answers 1000, bad JSON 1006.
//! - `GET /api/tracker/panic` panics, to show that a panic answers 10500 with the
//!   catalog's text (the message goes to the log only).
//! - Anything else, an unknown route, a wrong method, a panic, answers in the envelope too.
//! - Every request is bounded ([`RequestLimits`]): a body announced or grown over 64 KiB
//!   answers 413 at once, a request not answered in 10 s (a client that stalls mid-body)
//!   answers 408, both in the envelope, and the connection is closed.
//! - A connection whose request line and headers are not complete within 10 s is closed
//!   ([`HEADER_TIMEOUT`]), so slow-header clients cannot hold connections.
//! - Each request has a span ([`RequestSpan`]) on which its answer records its status,
//!   catalog and code; with `--features metrics`, `GET /metrics` counts answers by code.
//! - SIGTERM (what a container runtime sends) or SIGINT (Ctrl-C) stops accepting, lets the
//!   requests in flight finish and exits 0, within 20 s ([`SHUTDOWN_TIMEOUT`]).

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::routing::{get, post, put};
use bytes::Bytes;
use hero_codes::axum::{EnvelopeRouter, Path, Query, RequestLimits, RequestSpan};
use hero_codes::{ApiResponse, HeroCode, ResultCode};
use http::HeaderMap;
use http::header::AUTHORIZATION;
use tower_http::trace::TraceLayer;

#[path = "demo_service/mod.rs"]
mod service;
pub use service::*;

/// The largest body a request may carry.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// The longest a request may take, reading its body included.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// The demo's routes: the tracker answers in `ResultCode`, `/download+1` in `HeroCode`, and
/// everything else (unknown routes included) in `ResultCode`.
pub fn app(demo: Arc<Demo>) -> Router {
    // Each sub-router is bounded inside its own envelope, so a 413 or 408 of
    // `/download+1` answers in `HeroCode`.
    let hero = Router::new()
        .route("/download+1", put(download))
        .with_request_limits(MAX_BODY_BYTES, REQUEST_TIMEOUT)
        .routes_with_envelope::<HeroCode>();
    let router = Router::new();
    // The OpenAPI document of every route and answer, with the `utoipa` feature.
    #[cfg(feature = "utoipa")]
    let router = router.route(
        "/openapi.json",
        get(|| async { axum::Json(service::openapi::openapi()) }),
    );
    router
        .route("/api/tracker/apps", post(search))
        .route("/api/tracker/apps/{id}", get(app_by_id))
        .route("/api/tracker/panic", get(panic))
        .with_request_limits(MAX_BODY_BYTES, REQUEST_TIMEOUT)
        .merge(hero)
        .with_state(demo)
        .with_envelope::<ResultCode>()
}

async fn panic() -> ApiResponse<()> {
    panic!("the demo's panicking handler (this text never reaches a client)")
}

async fn search(
    State(demo): State<Arc<Demo>>,
    Query(search): Query<Search>,
) -> Result<ApiResponse<Vec<App>>, TrackerError> {
    search_apps(&demo, search)
}

async fn app_by_id(
    State(demo): State<Arc<Demo>>,
    Path(id): Path<u64>,
) -> Result<ApiResponse<App>, TrackerError> {
    get_app(&demo, id)
}

async fn download(
    State(demo): State<Arc<Demo>>,
    headers: HeaderMap,
    Query(query): Query<DownloadArgs>,
    body: Bytes,
) -> Result<ApiResponse<(), HeroCode>, DownloadError> {
    let authorization = headers.get(AUTHORIZATION).map(|value| value.as_bytes());
    download_plus_1(&demo, authorization, query, &body)
}

/// Listens on 127.0.0.1 with room for 1,024 connections not yet accepted, as actix-web
/// does: `TcpListener::bind` leaves 128, and a burst of more connections than that waits
/// for the kernel's SYN retransmission, 1 s.
fn bind(port: u16) -> std::io::Result<tokio::net::TcpListener> {
    let socket = tokio::net::TcpSocket::new_v4()?;
    socket.set_reuseaddr(true)?;
    socket.bind((std::net::Ipv4Addr::LOCALHOST, port).into())?;
    socket.listen(1024)
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
    let port = match port() {
        Ok(port) => port,
        Err(message) => {
            eprintln!("demo: {message}");
            std::process::exit(2);
        }
    };
    let listener = bind(port)?;
    println!("demo listening on http://{}", listener.local_addr()?);
    let app = app(Arc::new(Demo::with_example_app()));
    // With `--features metrics`: every answer counted by code, the counts at `GET /metrics`,
    // outside the envelope (a route added after the layer; merging a router would replace
    // the enveloped fallback).
    #[cfg(feature = "metrics")]
    let app = app.route("/metrics", metrics_route());
    // Each request's span, outside the envelope, carries its answer's status and code.
    let app = app.layer(TraceLayer::new_for_http().make_span_with(RequestSpan));
    hero_codes::axum::serve(listener, app)
        .header_timeout(HEADER_TIMEOUT)
        .shutdown_timeout(SHUTDOWN_TIMEOUT)
        .await
}

/// `GET /metrics`: the Prometheus text of a recorder installed now, before any answer.
#[cfg(feature = "metrics")]
fn metrics_route() -> axum::routing::MethodRouter {
    use hero_codes::metrics::{LATENCY, LATENCY_BUCKETS};
    use metrics_exporter_prometheus::{Matcher, PrometheusBuilder};

    let recorder = PrometheusBuilder::new()
        .set_buckets_for_metric(Matcher::Full(LATENCY.to_owned()), LATENCY_BUCKETS)
        .expect("latency buckets")
        .build_recorder();
    let handle = recorder.handle();
    metrics::set_global_recorder(recorder).expect("the demo installs the only recorder");
    // The recorder keeps every latency sample until its upkeep folds them in: without it,
    // they pile up between scrapes (or for ever, with no scraper), and each answer pays.
    let upkeep = handle.clone();
    tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_secs(5));
        loop {
            every.tick().await;
            upkeep.run_upkeep();
        }
    });
    get(move || async move {
        hero_codes::metrics::flush();
        handle.render()
    })
}
