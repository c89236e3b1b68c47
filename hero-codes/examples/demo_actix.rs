//! The demo service on actix-web: the same routes and answers as the axum `demo` example
//! (see `demo.rs`), from the same code (`demo_service/`), with `hero_codes::actix`.
//!
//! ```sh
//! cargo run -p hero-codes --example demo-actix --features actix   # port 3000, or PORT, or -- --port N
//! curl -X POST 'http://127.0.0.1:3000/api/tracker/apps?search_value=Farm'
//! ```
//!
//! Deployed as the axum demo is: a connection whose request line and headers are not
//! complete within [`HEADER_TIMEOUT`] (10 s) is answered 408 and closed, and SIGTERM or
//! SIGINT lets the requests in flight finish and exits 0 within [`SHUTDOWN_TIMEOUT`] (20 s).

use std::sync::Arc;

use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::http::header::AUTHORIZATION;
use actix_web::{HttpRequest, HttpServer, web};
use bytes::Bytes;
use hero_codes::actix::{EnvelopeApp, EnvelopeLayer};
use hero_codes::{ApiResponse, HeroCode, ResultCode};

#[path = "demo_service/mod.rs"]
mod service;
pub use service::*;

/// The demo's routes: the tracker answers in `ResultCode`, `/download+1` in `HeroCode`, and
/// everything else (unknown routes included) in `ResultCode`. Resources, so that a wrong
/// method answers 405 with `Allow` rather than falling through to 404.
pub fn app(
    demo: web::Data<Demo>,
) -> actix_web::App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let app = actix_web::App::new();
    // The OpenAPI document of every route and answer, with the `utoipa` feature.
    #[cfg(feature = "utoipa")]
    let app = app.service(
        web::resource("/openapi.json").get(|| async { web::Json(service::openapi::openapi()) }),
    );
    app.app_data(demo)
        .service(web::resource("/api/tracker/apps").post(search))
        .service(web::resource("/api/tracker/apps/{id}").get(app_by_id))
        .service(
            web::resource("/download+1")
                .put(download)
                .wrap(EnvelopeLayer::<HeroCode>::new()),
        )
        .with_envelope::<ResultCode>()
}

async fn search(
    demo: web::Data<Demo>,
    search: web::Query<Search>,
) -> Result<ApiResponse<Vec<App>>, TrackerError> {
    search_apps(&demo, search.into_inner())
}

async fn app_by_id(
    demo: web::Data<Demo>,
    id: web::Path<u64>,
) -> Result<ApiResponse<App>, TrackerError> {
    get_app(&demo, id.into_inner())
}

async fn download(
    demo: web::Data<Demo>,
    request: HttpRequest,
    query: web::Query<DownloadArgs>,
    body: Bytes,
) -> Result<ApiResponse<(), HeroCode>, DownloadError> {
    let authorization = request
        .headers()
        .get(AUTHORIZATION)
        .map(|value| value.as_bytes());
    download_plus_1(&demo, authorization, query.into_inner(), &body)
}

/// Completes on SIGTERM (what a container runtime sends) or SIGINT (Ctrl-C).
async fn sigterm_or_sigint() {
    use tokio::signal::unix::{SignalKind, signal};
    let mut terminate = signal(SignalKind::terminate()).expect("a SIGTERM handler");
    let mut interrupt = signal(SignalKind::interrupt()).expect("a SIGINT handler");
    tokio::select! {
        _ = terminate.recv() => {}
        _ = interrupt.recv() => {}
    }
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
    let port = match port() {
        Ok(port) => port,
        Err(message) => {
            eprintln!("demo-actix: {message}");
            std::process::exit(2);
        }
    };
    let demo = web::Data::from(Arc::new(Demo::with_example_app()));
    let server = HttpServer::new(move || app(demo.clone()))
        .client_request_timeout(HEADER_TIMEOUT)
        .shutdown_timeout(SHUTDOWN_TIMEOUT.as_secs())
        // actix-web drains on SIGTERM but stops at once on SIGINT: drain on both.
        .shutdown_signal(sigterm_or_sigint())
        .bind(("127.0.0.1", port))?;
    for addr in server.addrs() {
        println!("demo-actix listening on http://{addr}");
    }
    server.run().await
}
