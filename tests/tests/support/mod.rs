//! What the end-to-end tests share: a server on a free port of 127.0.0.1, a real client,
//! and assertions on envelope answers.

#![allow(dead_code)] // each test file uses its own part of this module

use http::header::CONTENT_TYPE;
use http::{HeaderMap, Method, StatusCode};
use serde_json::Value;

pub mod built;
pub mod cases;
pub mod prometheus;

pub const ENVELOPE_CONTENT_TYPE: &str = "application/json; charset=utf-8";

/// Serves `app` on a free port of 127.0.0.1 for the rest of the test, as axum serves it;
/// returns its base URL. `app` is a `Router`, or a whole router wrapped in a layer
/// (`EnvelopeLayer::around`).
pub async fn spawn<S>(app: S) -> String
where
    S: tower::Service<
            axum::extract::Request,
            Response = axum::response::Response,
            Error = std::convert::Infallible,
        > + Clone
        + Send
        + 'static,
    S::Future: Send,
{
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind 127.0.0.1:0");
    let addr = listener.local_addr().expect("local address");
    let app = axum::ServiceExt::<axum::extract::Request>::into_make_service(app);
    tokio::spawn(async move {
        axum::serve(listener, app).await.expect("serve");
    });
    format!("http://{addr}")
}

/// Serves the actix-web apps `factory` makes on a free port of 127.0.0.1, one worker on a
/// thread of its own with actix's runtime, for the rest of the test; returns the base URL.
pub fn spawn_actix<F, T, B>(factory: F) -> String
where
    F: Fn() -> actix_web::App<T> + Send + Clone + 'static,
    T: actix_web::dev::ServiceFactory<
            actix_web::dev::ServiceRequest,
            Config = (),
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
            InitError = (),
        > + 'static,
    B: actix_web::body::MessageBody + 'static,
{
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    let addr = listener.local_addr().expect("local address");
    let server = actix_web::HttpServer::new(factory)
        .workers(1)
        .listen(listener)
        .expect("listen")
        .run();
    std::thread::spawn(move || actix_web::rt::System::new().block_on(server));
    format!("http://{addr}")
}

/// Sends one request; `content_type` is left out when `None`.
pub async fn send(
    base: &str,
    method: Method,
    path: &str,
    content_type: Option<&str>,
    body: impl Into<reqwest::Body>,
) -> (StatusCode, HeaderMap, Vec<u8>) {
    let client = reqwest::Client::builder()
        .no_proxy()
        .build()
        .expect("client");
    let mut request = client.request(method, format!("{base}{path}")).body(body);
    if let Some(content_type) = content_type {
        request = request.header(CONTENT_TYPE, content_type);
    }
    let response = request.send().await.expect("request sent");
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.bytes().await.expect("body read").to_vec();
    (status, headers, body)
}

/// `GET path` with an `Accept-Language` header, when given.
pub async fn get_in_language(
    base: &str,
    path: &str,
    accept_language: Option<&str>,
) -> (StatusCode, HeaderMap, Vec<u8>) {
    let client = reqwest::Client::builder()
        .no_proxy()
        .build()
        .expect("client");
    let mut request = client.get(format!("{base}{path}"));
    if let Some(accept_language) = accept_language {
        request = request.header(http::header::ACCEPT_LANGUAGE, accept_language);
    }
    let response = request.send().await.expect("request sent");
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.bytes().await.expect("body read").to_vec();
    (status, headers, body)
}

pub async fn get_path(base: &str, path: &str) -> (StatusCode, HeaderMap, Vec<u8>) {
    send(base, Method::GET, path, None, Vec::new()).await
}

/// Status, the envelope's content type exactly, and the whole JSON body.
pub fn assert_envelope(reply: &(StatusCode, HeaderMap, Vec<u8>), status: StatusCode, body: Value) {
    let (actual_status, headers, bytes) = reply;
    let text = String::from_utf8_lossy(bytes);
    assert_eq!(*actual_status, status, "status; body: {text}");
    let content_types: Vec<_> = headers.get_all(CONTENT_TYPE).iter().collect();
    assert_eq!(
        content_types,
        [ENVELOPE_CONTENT_TYPE],
        "content type; body: {text}"
    );
    let actual: Value = serde_json::from_slice(bytes)
        .unwrap_or_else(|error| panic!("body is not JSON ({error}): {text}"));
    assert_eq!(actual, body, "body");
}

/// None of `fragments` (pieces of the client's input, or secrets) is in the body.
pub fn assert_not_in_body(reply: &(StatusCode, HeaderMap, Vec<u8>), fragments: &[&str]) {
    let body = String::from_utf8_lossy(&reply.2);
    for fragment in fragments {
        assert!(
            !body.contains(fragment),
            "the body echoes {fragment:?}: {body}"
        );
    }
}
