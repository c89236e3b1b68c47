//! `[envelope] doc_url`: every error body links to its code's page, as Stripe's `doc_url`,
//! whether the body was serialized at compile time (a fixed description), at run time (a
//! description filled from fields) or by the glue (an unknown route); success bodies carry
//! no link. Served by axum on 127.0.0.1 and read by a real client.

use axum::Router;
use axum::routing::get;
use hero_codes::axum::EnvelopeRouter;
use hero_codes::{ApiError, ApiResponse};
use http::StatusCode;
use serde_json::json;

mod support;
use support::{assert_envelope, get_path, spawn};

mod linked {
    hero_codes::include_catalog!("catalogs/linked.toml");
}
use linked::LinkedCode;

#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
#[api(file = "catalogs/linked.toml")]
enum LinkedError {
    #[error("missing")]
    #[api(code = "10400")]
    Missing,
    #[error("bad page {page}")]
    #[api(code = "10000", desc = "参数page={page}不对")]
    BadPage { page: u32 },
}

fn link(code: &str) -> String {
    format!("https://errors.example.com/codes/{code}")
}

#[test]
fn the_envelope_knows_its_link() {
    let doc_url = linked::ENVELOPE.doc_url.expect("the file has a doc_url");
    assert_eq!(doc_url.field, "doc_url");
    assert_eq!(doc_url.of("10400"), link("10400"));
    assert_eq!(
        LinkedError::Missing.body(),
        format!(
            r#"{{"result":false,"result_code":"10400","result_desc":"所请求的资源不存在","doc_url":"{}"}}"#,
            link("10400")
        )
    );
}

#[tokio::test]
async fn every_error_body_links_to_its_codes_page() {
    async fn ok() -> ApiResponse<u32, LinkedCode> {
        ApiResponse::ok(7)
    }
    async fn missing() -> Result<ApiResponse<(), LinkedCode>, LinkedError> {
        Err(LinkedError::Missing)
    }
    async fn bad_page() -> Result<ApiResponse<(), LinkedCode>, LinkedError> {
        Err(LinkedError::BadPage { page: 3 })
    }
    let router = Router::new()
        .route("/ok", get(ok))
        .route("/missing", get(missing))
        .route("/bad-page", get(bad_page))
        .with_envelope::<LinkedCode>();
    let base = spawn(router).await;

    let error = |code: &str, desc: &str| json!({ "result": false, "result_code": code, "result_desc": desc, "doc_url": link(code) });
    assert_envelope(
        &get_path(&base, "/missing").await,
        StatusCode::NOT_FOUND,
        error("10400", "所请求的资源不存在"),
    );
    assert_envelope(
        &get_path(&base, "/bad-page").await,
        StatusCode::BAD_REQUEST,
        error("10000", "参数page=3不对"),
    );
    assert_envelope(
        &get_path(&base, "/no-such-route").await,
        StatusCode::NOT_FOUND,
        error("10400", "所请求的资源不存在"),
    );
    assert_envelope(
        &get_path(&base, "/ok").await,
        StatusCode::OK,
        json!({ "result": true, "result_code": "0", "result_desc": "成功", "data": 7 }),
    );
}
