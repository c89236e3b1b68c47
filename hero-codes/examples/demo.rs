//! The demo service: the two documents' own examples, served on 127.0.0.1 with the
//! built-in catalogue and nothing but hero-codes' public API.
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
//!   catalogue's text (the message goes to the log only).
//! - Anything else, an unknown route, a wrong method, a panic, answers in the envelope too.
//! - Every request is bounded ([`RequestLimits`]): a body announced or grown over 64 KiB
//!   answers 413 at once, a request not answered in 10 s (a client that stalls mid-body)
//!   answers 408, both in the envelope, and the connection is closed.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::routing::{get, post, put};
use bytes::Bytes;
use hero_codes::axum::{EnvelopeRouter, Path, Query, RequestLimits};
use hero_codes::{ApiResponse, HeroCode, ResultCode};
use http::HeaderMap;
use http::header::AUTHORIZATION;
use serde::{Deserialize, Serialize};

/// The token `PUT /download+1` accepts (as `@auth.login_required` in the Hero sample).
pub const DEMO_TOKEN: &str = "demo-token";

/// The largest body a request may carry.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// The longest a request may take, reading its body included.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// An app of the tracker, as in the response spec's example.
#[derive(Clone, Debug, Serialize)]
pub struct App {
    id: u64,
    user: User,
    key: String,
    secret: String,
    name: String,
    created_at: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct User {
    phone_number: Option<String>,
    company: Option<String>,
    id: u64,
    username: String,
}

/// The service's state, in memory.
#[derive(Default)]
pub struct Demo {
    apps: RwLock<Vec<App>>,
    /// Downloads counted per activity (`oid`); direct downloads under "".
    downloads: RwLock<HashMap<String, AtomicU64>>,
}

impl Demo {
    /// The state with the response spec's example app.
    pub fn with_example_app() -> Self {
        let app = App {
            id: 1,
            user: User {
                phone_number: None,
                company: None,
                id: 1,
                username: "lifanping".to_owned(),
            },
            key: "gtNone4u1iy3Af5oOl1usBndtQbp".to_owned(),
            secret: "1bd7a8d55fe745f2b9c58f66c90004a7".to_owned(),
            name: "Farm测试开发".to_owned(),
            created_at: "2019-02-22 11:22".to_owned(),
        };
        Demo {
            apps: RwLock::new(vec![app]),
            downloads: RwLock::default(),
        }
    }

    /// How many downloads `oid` has counted ("" for direct ones).
    pub fn downloads(&self, oid: &str) -> u64 {
        let downloads = self.downloads.read().unwrap_or_else(|e| e.into_inner());
        downloads
            .get(oid)
            .map_or(0, |count| count.load(Ordering::Relaxed))
    }
}

/// Errors of the tracker routes, in the response spec's codes.
#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
#[api(catalog = "ResultCode")]
pub enum TrackerError {
    #[error("search without search_value")]
    #[api(code = "10002")]
    MissingSearchValue,
    #[error("app {id} not found")]
    #[api(code = "10400", desc = "应用{id}不存在")]
    AppNotFound { id: u64 },
}

/// Errors of `PUT /download+1`, in the Hero list's codes.
#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
#[api(catalog = "HeroCode")]
pub enum DownloadError {
    #[error("no bearer token")]
    #[api(code = "1002")]
    MissingToken,
    #[error("wrong bearer token")]
    #[api(code = "1002")]
    WrongToken,
    #[error("unknown channel")]
    #[api(code = "1000")]
    BadChannel,
    #[error("an activity download without oid")]
    #[api(code = "1000")]
    MissingOid,
    #[error("body is not the expected JSON: {0}")]
    #[api(code = "1006")]
    BadJson(#[from] serde_json::Error),
}

/// The demo's routes: the tracker answers in `ResultCode`, `/download+1` in `HeroCode`, and
/// everything else (unknown routes included) in `ResultCode`.
pub fn app(demo: Arc<Demo>) -> Router {
    // Each sub-router is bounded inside its own envelope, so a 413 or 408 of
    // `/download+1` answers in `HeroCode`.
    let hero = Router::new()
        .route("/download+1", put(download_plus_1))
        .with_request_limits(MAX_BODY_BYTES, REQUEST_TIMEOUT)
        .routes_with_envelope::<HeroCode>();
    Router::new()
        .route("/api/tracker/apps", post(search_apps))
        .route("/api/tracker/apps/{id}", get(get_app))
        .route("/api/tracker/panic", get(panic))
        .with_request_limits(MAX_BODY_BYTES, REQUEST_TIMEOUT)
        .merge(hero)
        .with_state(demo)
        .with_envelope::<ResultCode>()
}

async fn panic() -> ApiResponse<()> {
    panic!("the demo's panicking handler (this text never reaches a client)")
}

#[derive(Deserialize)]
struct Search {
    search_value: Option<String>,
}

async fn search_apps(
    State(demo): State<Arc<Demo>>,
    Query(search): Query<Search>,
) -> Result<ApiResponse<Vec<App>>, TrackerError> {
    let value = search
        .search_value
        .ok_or(TrackerError::MissingSearchValue)?;
    let apps = demo.apps.read().unwrap_or_else(|e| e.into_inner());
    let found = apps
        .iter()
        .filter(|app| app.name.contains(&value))
        .cloned()
        .collect();
    Ok(ApiResponse::ok(found))
}

async fn get_app(
    State(demo): State<Arc<Demo>>,
    Path(id): Path<u64>,
) -> Result<ApiResponse<App>, TrackerError> {
    let apps = demo.apps.read().unwrap_or_else(|e| e.into_inner());
    let app = apps.iter().find(|app| app.id == id).cloned();
    app.map(ApiResponse::ok)
        .ok_or(TrackerError::AppNotFound { id })
}

/// `channel` and `oid`, from the query or the JSON body (the body wins).
#[derive(Default, Deserialize)]
struct DownloadArgs {
    channel: Option<String>,
    oid: Option<String>,
}

async fn download_plus_1(
    State(demo): State<Arc<Demo>>,
    headers: HeaderMap,
    Query(query): Query<DownloadArgs>,
    body: Bytes,
) -> Result<ApiResponse<(), HeroCode>, DownloadError> {
    check_token(&headers)?;
    // The body is optional (`?channel=direct` alone is a download), so it is read here
    // rather than with the `Json` extractor, which requires one.
    let body: DownloadArgs = if body.is_empty() {
        DownloadArgs::default()
    } else {
        serde_json::from_slice(&body)?
    };
    let channel = body
        .channel
        .or(query.channel)
        .ok_or(DownloadError::BadChannel)?;
    let oid = match channel.as_str() {
        "online" | "1" => body.oid.or(query.oid).ok_or(DownloadError::MissingOid)?,
        "direct" | "0" => String::new(),
        _ => return Err(DownloadError::BadChannel),
    };
    let mut downloads = demo.downloads.write().unwrap_or_else(|e| e.into_inner());
    downloads
        .entry(oid)
        .or_default()
        .fetch_add(1, Ordering::Relaxed);
    Ok(ApiResponse::accepted())
}

fn check_token(headers: &HeaderMap) -> Result<(), DownloadError> {
    let header = headers
        .get(AUTHORIZATION)
        .ok_or(DownloadError::MissingToken)?;
    let token = header
        .to_str()
        .ok()
        .and_then(|value| value.strip_prefix("Bearer "))
        .ok_or(DownloadError::WrongToken)?;
    if token == DEMO_TOKEN {
        Ok(())
    } else {
        Err(DownloadError::WrongToken)
    }
}

/// The port: `--port N`, else `PORT`, else 3000.
fn port() -> Result<u16, String> {
    let mut args = std::env::args().skip(1);
    let given = match (args.next().as_deref(), args.next()) {
        (Some("--port"), Some(port)) => Some(port),
        (Some(other), _) => return Err(format!("unknown argument `{other}`: use --port N")),
        (None, _) => std::env::var("PORT").ok(),
    };
    given.map_or(Ok(3000), |port| {
        port.parse()
            .map_err(|_| format!("`{port}` is not a port number"))
    })
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
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    println!("demo listening on http://{}", listener.local_addr()?);
    let app = app(Arc::new(Demo::with_example_app()));
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
