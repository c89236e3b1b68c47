//! What the demo serves, whatever the framework: its state, its errors and what its routes
//! do, used by the axum demo (`demo.rs`) and the actix-web one (`demo_actix.rs`); with the
//! `utoipa` feature, its OpenAPI document (`openapi.rs`).

#[cfg(feature = "utoipa")]
pub mod openapi;

use std::collections::HashMap;
use std::sync::RwLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use hero_codes::{ApiResponse, HeroCode};
use serde::{Deserialize, Serialize};

/// The token `PUT /download+1` accepts (as `@auth.login_required` in the Hero sample).
pub const DEMO_TOKEN: &str = "demo-token";

/// The longest a client may take to send a request's line and headers; then its
/// connection is closed (axum: hyper's header timer, which also closes a kept-alive
/// connection idle that long; actix-web: `client_request_timeout`, answering 408).
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// The longest the requests in flight at SIGTERM or SIGINT may take to finish before the
/// process exits: room for a request's headers (10 s) and its answer (the axum demo's
/// `REQUEST_TIMEOUT`, 10 s), and under the 30 s Kubernetes waits before it kills.
pub const SHUTDOWN_TIMEOUT: Duration = Duration::from_secs(20);

/// An app of the tracker, as in the response spec's example.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct App {
    id: u64,
    user: User,
    key: String,
    secret: String,
    name: String,
    created_at: String,
}

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
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
    #[api(
        code = "10400",
        desc = "应用{id}不存在",
        en = "App {id} does not exist"
    )]
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

/// `search_value` of `POST /api/tracker/apps` (and of the gRPC demo's `SearchApps`).
#[derive(Deserialize)]
pub struct Search {
    pub search_value: Option<String>,
}

/// `POST /api/tracker/apps?search_value=...`: the apps whose name contains the value.
pub fn search_apps(demo: &Demo, search: Search) -> Result<ApiResponse<Vec<App>>, TrackerError> {
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

/// `GET /api/tracker/apps/{id}`.
pub fn get_app(demo: &Demo, id: u64) -> Result<ApiResponse<App>, TrackerError> {
    let apps = demo.apps.read().unwrap_or_else(|e| e.into_inner());
    let app = apps.iter().find(|app| app.id == id).cloned();
    app.map(ApiResponse::ok)
        .ok_or(TrackerError::AppNotFound { id })
}

/// `channel` and `oid`, from the query or the JSON body (the body wins).
#[derive(Default, Deserialize)]
pub struct DownloadArgs {
    channel: Option<String>,
    oid: Option<String>,
}

/// `PUT /download+1`, given its `Authorization` header, query and body.
pub fn download_plus_1(
    demo: &Demo,
    authorization: Option<&[u8]>,
    query: DownloadArgs,
    body: &[u8],
) -> Result<ApiResponse<(), HeroCode>, DownloadError> {
    check_token(authorization)?;
    // The body is optional (`?channel=direct` alone is a download), so it is read here
    // rather than with a framework's JSON extractor, which requires one.
    let body: DownloadArgs = if body.is_empty() {
        DownloadArgs::default()
    } else {
        serde_json::from_slice(body)?
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

fn check_token(authorization: Option<&[u8]>) -> Result<(), DownloadError> {
    let header = authorization.ok_or(DownloadError::MissingToken)?;
    let token = std::str::from_utf8(header)
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
pub fn port() -> Result<u16, String> {
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
