//! End to end over HTTP, axum: the test routes on a real socket (127.0.0.1, a free port),
//! called by a real client (reqwest), through every case of `support::cases` (shared with
//! actix-web's `http_actix.rs`), and the cases that belong to axum's layer.

use axum::Router;
use axum::routing::{get, post, put};
use hero_codes::axum::{EnvelopeLayer, EnvelopeRouter, Form, Json, Path, Query};
use hero_codes::{ApiResponse, HeroCode, ResultCode};
use http::Method;
use http::StatusCode;
use http::header::CONTENT_TYPE;
use serde_json::{Value, json};

mod support;
use support::cases::{
    App, AppError, DB_SECRET, Login, NewApp, PANIC_SECRET, Page, assert_error, invalid_parameter,
};
use support::{ENVELOPE_CONTENT_TYPE, assert_not_in_body, get_path, send, spawn};
use tower::ServiceBuilder;

// ---------------------------------------------------------------------------------------
// The service under test
// ---------------------------------------------------------------------------------------

async fn ok() -> Result<ApiResponse<App>, AppError> {
    Ok(ApiResponse::ok(App {
        id: 1,
        name: "demo".to_owned(),
    }))
}

async fn created() -> Result<ApiResponse<App>, AppError> {
    Ok(ApiResponse::created(App {
        id: 2,
        name: "new".to_owned(),
    }))
}

async fn accepted() -> Result<ApiResponse<()>, AppError> {
    Ok(ApiResponse::accepted())
}

async fn accepted_with() -> Result<ApiResponse<App>, AppError> {
    Ok(ApiResponse::accepted_with(App {
        id: 3,
        name: "updated".to_owned(),
    }))
}

async fn forbidden() -> Result<ApiResponse<()>, ResultCode> {
    Err(ResultCode::PermissionDenied)
}

async fn db_failure() -> Result<ApiResponse<()>, AppError> {
    Err(std::io::Error::other(DB_SECRET).into())
}

async fn panics() -> Result<ApiResponse<()>, AppError> {
    panic!("{PANIC_SECRET}");
}

async fn get_app(Path(id): Path<u32>) -> Result<ApiResponse<App>, AppError> {
    if id == 7 {
        return Err(AppError::AppNotFound { id });
    }
    Ok(ApiResponse::ok(App {
        id,
        name: format!("app{id}"),
    }))
}

async fn search(Query(page): Query<Page>) -> Result<ApiResponse<Value>, AppError> {
    Ok(ApiResponse::ok(json!({ "page": page.page })))
}

async fn create_app(Json(new): Json<NewApp>) -> Result<ApiResponse<App>, AppError> {
    if new.name == "taken" {
        return Err(AppError::AlreadyExists);
    }
    Ok(ApiResponse::created(App {
        id: 10,
        name: new.name,
    }))
}

async fn login(Form(login): Form<Login>) -> Result<ApiResponse<Value>, AppError> {
    if login.password != "right" {
        return Err(AppError::InvalidToken);
    }
    Ok(ApiResponse::ok(json!({ "user": login.user })))
}

fn routes() -> Router {
    Router::new()
        .route("/ok", get(ok))
        .route("/created", post(created))
        .route("/accepted", put(accepted))
        .route("/accepted-with", put(accepted_with))
        .route("/forbidden", get(forbidden))
        .route("/db", get(db_failure))
        .route("/panic", get(panics))
        .route("/apps/{id}", get(get_app))
        .route("/apps", post(create_app))
        .route("/search", get(search))
        .route("/login", post(login))
}

fn result_code_app() -> Router {
    routes().with_envelope::<ResultCode>()
}

fn hero_code_app() -> Router {
    routes().with_envelope::<HeroCode>()
}

http_cases! {
    result: spawn(result_code_app()),
    hero: spawn(hero_code_app()),
}

/// The same cases with the layer wrapped around the whole router, the way axum wraps
/// middleware that must see every request (`EnvelopeLayer::around`, which is
/// `Layer::layer(router.with_state(()))`), rather than added by `Router::layer` to each
/// route.
mod around_the_router {
    use super::{HeroCode, ResultCode, routes, support};
    use hero_codes::axum::EnvelopeLayer;

    crate::http_cases! {
        result: support::spawn(EnvelopeLayer::<ResultCode>::new().around(routes())),
        hero: support::spawn(EnvelopeLayer::<HeroCode>::new().around(routes())),
    }
}

// ---------------------------------------------------------------------------------------
// The layer, the axum way
// ---------------------------------------------------------------------------------------

/// `EnvelopeLayer` on one route (`MethodRouter::layer`) in HeroCode, and through
/// `ServiceBuilder` on the whole router in ResultCode.
fn layered_app() -> Router {
    Router::new()
        .route(
            "/hero/apps",
            post(create_app).layer(EnvelopeLayer::<HeroCode>::new()),
        )
        .route("/apps", post(create_app))
        .route("/json-lookalike", get(json_lookalike))
        .layer(ServiceBuilder::new().layer(EnvelopeLayer::<ResultCode>::new()))
}

/// A 400 that is not an envelope, though its content type is the envelope's: the layer
/// must not be fooled by the header.
async fn json_lookalike() -> axum::response::Response {
    axum::response::IntoResponse::into_response((
        StatusCode::BAD_REQUEST,
        [(CONTENT_TYPE, ENVELOPE_CONTENT_TYPE)],
        r#"{"error":"LOOKALIKE"}"#,
    ))
}

#[tokio::test]
async fn a_route_layer_answers_its_rejections_in_its_own_catalog() {
    let base = spawn(layered_app()).await;
    let bad_json = r#"{"name":"LAYER-bad"#;
    let hero = send(
        &base,
        Method::POST,
        "/hero/apps",
        Some("application/json"),
        bad_json,
    )
    .await;
    assert_error(
        &hero,
        StatusCode::BAD_REQUEST,
        "1006",
        "输入的JSON数据格式不正确",
    );
    let result = send(
        &base,
        Method::POST,
        "/apps",
        Some("application/json"),
        bad_json,
    )
    .await;
    invalid_parameter(&result, StatusCode::BAD_REQUEST);
    // Unknown routes are the outer layer's.
    let missing = get_path(&base, "/hero/nope").await;
    assert_error(
        &missing,
        StatusCode::NOT_FOUND,
        "10400",
        "所请求的资源不存在",
    );
}

#[tokio::test]
async fn the_layer_recognises_envelopes_by_marker_not_by_content_type() {
    let base = spawn(layered_app()).await;
    let reply = get_path(&base, "/json-lookalike").await;
    invalid_parameter(&reply, StatusCode::BAD_REQUEST);
    assert_not_in_body(&reply, &["LOOKALIKE"]);
}
