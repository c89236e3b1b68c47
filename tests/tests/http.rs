//! End to end over HTTP: a test router on a real socket (127.0.0.1, a free port), called
//! by a real client (reqwest). Every answer, success or failure, must be the envelope with
//! `Content-Type: application/json; charset=utf-8`, the right status and the exact body;
//! error bodies hold only `result`, `result_code` and `result_desc`, and never echo the
//! client's input or a server-side secret.

use axum::Router;
use axum::routing::{get, post, put};
use hero_codes::axum::{EnvelopeLayer, EnvelopeRouter, Form, Json, Path, Query};
use hero_codes::{ApiResponse, Code, HeroCode, ResultCode};
use http::header::{ALLOW, CONTENT_TYPE};
use http::{HeaderMap, Method, StatusCode};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

mod support;
use support::{ENVELOPE_CONTENT_TYPE, assert_envelope, assert_not_in_body, get_path, send, spawn};
use tower::ServiceBuilder;

const DB_SECRET: &str = "SECRET: select * from users";
const PANIC_SECRET: &str = "SECRET panic: password=hunter2";
/// axum's default body limit is 2 MB; this is over it.
const HUGE_BODY_BYTES: usize = 3 * 1024 * 1024;

// ---------------------------------------------------------------------------------------
// The service under test
// ---------------------------------------------------------------------------------------

#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
enum AppError {
    /// 4xx with its own description, filled from the field.
    #[error("app {id} not found")]
    #[api(
        code = "10400",
        desc = "应用{id}不存在",
        en = "App {id} does not exist"
    )]
    AppNotFound { id: u32 },
    /// 4xx with the catalogue's text.
    #[error("app name already taken")]
    #[api(code = "10001")]
    AlreadyExists,
    /// 401 with the catalogue's text.
    #[error("bad token")]
    #[api(code = "10102")]
    InvalidToken,
    /// 5xx whose source carries a secret that must stay on the server.
    #[error("database failed")]
    #[api(code = "10500")]
    Db(#[from] std::io::Error),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct App {
    id: u32,
    name: String,
}

#[derive(Debug, Deserialize)]
struct NewApp {
    name: String,
    /// Free-form, so deeply nested JSON reaches serde_json's own recursion limit.
    #[serde(default)]
    #[allow(dead_code)]
    meta: Option<Value>,
}

#[derive(Debug, Deserialize)]
struct Page {
    page: u32,
}

#[derive(Debug, Deserialize)]
struct Login {
    user: String,
    password: String,
}

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

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

/// An error envelope: exactly `result` (false), `result_code` and `result_desc`, no `data`.
fn assert_error(
    reply: &(StatusCode, HeaderMap, Vec<u8>),
    status: StatusCode,
    code: &str,
    desc: &str,
) {
    assert_envelope(
        reply,
        status,
        json!({ "result": false, "result_code": code, "result_desc": desc }),
    );
    let body: Value = serde_json::from_slice(&reply.2).expect("JSON");
    let mut keys: Vec<&str> = body
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(keys, ["result", "result_code", "result_desc"]);
}

fn invalid_parameter(reply: &(StatusCode, HeaderMap, Vec<u8>), status: StatusCode) {
    assert_error(reply, status, "10000", "请求参数无效");
}

fn nested_arrays(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

/// A JSON body of `HUGE_BODY_BYTES` whose text is `marker` repeated.
fn huge_json(marker: &str) -> String {
    let filler = marker.repeat(HUGE_BODY_BYTES / marker.len());
    format!(r#"{{"name":"{filler}"}}"#)
}

// ---------------------------------------------------------------------------------------
// Success
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn ok_answers_200_with_data() {
    let base = spawn(result_code_app()).await;
    let reply = get_path(&base, "/ok").await;
    assert_envelope(
        &reply,
        StatusCode::OK,
        json!({"result": true, "result_code": "0", "result_desc": "成功",
               "data": {"id": 1, "name": "demo"}}),
    );
}

#[tokio::test]
async fn created_answers_201_with_data() {
    let base = spawn(result_code_app()).await;
    let reply = send(&base, Method::POST, "/created", None, Vec::new()).await;
    assert_envelope(
        &reply,
        StatusCode::CREATED,
        json!({"result": true, "result_code": "0", "result_desc": "成功",
               "data": {"id": 2, "name": "new"}}),
    );
}

#[tokio::test]
async fn accepted_answers_202_without_data_key() {
    let base = spawn(result_code_app()).await;
    let reply = send(&base, Method::PUT, "/accepted", None, Vec::new()).await;
    assert_envelope(
        &reply,
        StatusCode::ACCEPTED,
        json!({"result": true, "result_code": "0", "result_desc": "成功"}),
    );
}

#[tokio::test]
async fn accepted_with_answers_202_with_data() {
    let base = spawn(result_code_app()).await;
    let reply = send(&base, Method::PUT, "/accepted-with", None, Vec::new()).await;
    assert_envelope(
        &reply,
        StatusCode::ACCEPTED,
        json!({"result": true, "result_code": "0", "result_desc": "成功",
               "data": {"id": 3, "name": "updated"}}),
    );
}

#[tokio::test]
async fn path_extractor_reads_a_u32() {
    let base = spawn(result_code_app()).await;
    let reply = get_path(&base, "/apps/42").await;
    assert_envelope(
        &reply,
        StatusCode::OK,
        json!({"result": true, "result_code": "0", "result_desc": "成功",
               "data": {"id": 42, "name": "app42"}}),
    );
}

#[tokio::test]
async fn query_extractor_reads_a_u32() {
    let base = spawn(result_code_app()).await;
    let reply = get_path(&base, "/search?page=3").await;
    assert_envelope(
        &reply,
        StatusCode::OK,
        json!({"result": true, "result_code": "0", "result_desc": "成功", "data": {"page": 3}}),
    );
}

#[tokio::test]
async fn json_extractor_reads_the_body() {
    let base = spawn(result_code_app()).await;
    let reply = send(
        &base,
        Method::POST,
        "/apps",
        Some("application/json"),
        r#"{"name":"hello"}"#,
    )
    .await;
    assert_envelope(
        &reply,
        StatusCode::CREATED,
        json!({"result": true, "result_code": "0", "result_desc": "成功",
               "data": {"id": 10, "name": "hello"}}),
    );
}

#[tokio::test]
async fn form_extractor_reads_the_body() {
    let base = spawn(result_code_app()).await;
    let reply = send(
        &base,
        Method::POST,
        "/login",
        Some("application/x-www-form-urlencoded"),
        "user=alice&password=right",
    )
    .await;
    assert_envelope(
        &reply,
        StatusCode::OK,
        json!({"result": true, "result_code": "0", "result_desc": "成功", "data": {"user": "alice"}}),
    );
}

// ---------------------------------------------------------------------------------------
// Errors a handler returns
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn placeholder_desc_is_filled_from_the_variant_fields() {
    let base = spawn(result_code_app()).await;
    let reply = get_path(&base, "/apps/7").await;
    assert_error(&reply, StatusCode::NOT_FOUND, "10400", "应用7不存在");
}

#[tokio::test]
async fn variant_without_desc_answers_the_catalogue_text() {
    let base = spawn(result_code_app()).await;
    let reply = send(
        &base,
        Method::POST,
        "/apps",
        Some("application/json"),
        r#"{"name":"taken"}"#,
    )
    .await;
    assert_error(
        &reply,
        StatusCode::BAD_REQUEST,
        "10001",
        "资源存在，无需重复创建",
    );
}

#[tokio::test]
async fn unauthorized_variant_answers_401() {
    let base = spawn(result_code_app()).await;
    let reply = send(
        &base,
        Method::POST,
        "/login",
        Some("application/x-www-form-urlencoded"),
        "user=alice&password=wrong-PASSWORD-guess",
    )
    .await;
    assert_error(&reply, StatusCode::UNAUTHORIZED, "10102", "Token无效");
    assert_not_in_body(&reply, &["alice", "wrong-PASSWORD-guess"]);
}

#[tokio::test]
async fn server_error_answers_the_catalogue_text_and_hides_its_source() {
    let base = spawn(result_code_app()).await;
    let reply = get_path(&base, "/db").await;
    let (status, headers, bytes) = &reply;
    assert_eq!(*status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(
        bytes.as_slice(),
        r#"{"result":false,"result_code":"10500","result_desc":"系统错误"}"#.as_bytes()
    );
    assert_error(
        &reply,
        StatusCode::INTERNAL_SERVER_ERROR,
        "10500",
        "系统错误",
    );
    assert_not_in_body(&reply, &["SECRET", "select", "users", "database failed"]);
    for (name, value) in headers {
        let value = String::from_utf8_lossy(value.as_bytes());
        assert!(
            !value.contains("SECRET") && !value.contains("select"),
            "header {name} leaks the secret: {value}"
        );
    }
}

#[tokio::test]
async fn catalogue_enum_returned_as_the_error_answers_its_status() {
    let base = spawn(result_code_app()).await;
    let reply = get_path(&base, "/forbidden").await;
    assert_error(&reply, StatusCode::FORBIDDEN, "10300", "没有权限访问");
}

// ---------------------------------------------------------------------------------------
// Bad input: answered with the envelope, never echoing the input
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn truncated_json_is_invalid_parameter() {
    let base = spawn(result_code_app()).await;
    let reply = send(
        &base,
        Method::POST,
        "/apps",
        Some("application/json"),
        r#"{"name":"TRUNCATED-input"#,
    )
    .await;
    invalid_parameter(&reply, StatusCode::BAD_REQUEST);
    assert_not_in_body(&reply, &["TRUNCATED", "name", "EOF", "line"]);
}

#[tokio::test]
async fn trailing_garbage_after_json_is_invalid_parameter() {
    let base = spawn(result_code_app()).await;
    let reply = send(
        &base,
        Method::POST,
        "/apps",
        Some("application/json"),
        r#"{"name":"fine"} GARBAGE-after-json"#,
    )
    .await;
    invalid_parameter(&reply, StatusCode::BAD_REQUEST);
    assert_not_in_body(&reply, &["GARBAGE", "fine", "trailing"]);
}

#[tokio::test]
async fn invalid_utf8_in_a_json_string_is_invalid_parameter() {
    let base = spawn(result_code_app()).await;
    let mut body = br#"{"name":"BAD-UTF8-"#.to_vec();
    body.extend_from_slice(&[0xff, 0xfe, 0xc3]);
    body.extend_from_slice(br#""}"#);
    let reply = send(&base, Method::POST, "/apps", Some("application/json"), body).await;
    invalid_parameter(&reply, StatusCode::BAD_REQUEST);
    assert_not_in_body(&reply, &["BAD-UTF8", "\u{fffd}", "unicode"]);
}

#[tokio::test]
async fn json_nested_200_deep_is_invalid_parameter() {
    let base = spawn(result_code_app()).await;
    // As the whole body, and inside a free-form field (past serde_json's recursion limit).
    let bodies = [
        nested_arrays(200),
        format!(r#"{{"name":"DEEP-name","meta":{}}}"#, nested_arrays(200)),
    ];
    for body in bodies {
        let reply = send(&base, Method::POST, "/apps", Some("application/json"), body).await;
        invalid_parameter(&reply, StatusCode::BAD_REQUEST);
        assert_not_in_body(&reply, &["[[", "DEEP", "recursion"]);
    }
}

#[tokio::test]
async fn json_without_content_type_is_415() {
    let base = spawn(result_code_app()).await;
    let reply = send(&base, Method::POST, "/apps", None, r#"{"name":"NO-TYPE"}"#).await;
    invalid_parameter(&reply, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_not_in_body(&reply, &["NO-TYPE", "Content-Type", "application/json"]);
}

#[tokio::test]
async fn json_sent_as_text_plain_is_415() {
    let base = spawn(result_code_app()).await;
    let reply = send(
        &base,
        Method::POST,
        "/apps",
        Some("text/plain"),
        r#"{"name":"PLAIN-TEXT"}"#,
    )
    .await;
    invalid_parameter(&reply, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_not_in_body(&reply, &["PLAIN-TEXT", "text/plain"]);
}

#[tokio::test]
async fn body_over_the_limit_is_413() {
    let base = spawn(result_code_app()).await;
    let reply = send(
        &base,
        Method::POST,
        "/apps",
        Some("application/json"),
        huge_json("HUGE-"),
    )
    .await;
    invalid_parameter(&reply, StatusCode::PAYLOAD_TOO_LARGE);
    assert_not_in_body(&reply, &["HUGE", "limit", "length"]);
}

#[tokio::test]
async fn path_number_too_big_for_u32_is_invalid_parameter() {
    let base = spawn(result_code_app()).await;
    let reply = get_path(&base, "/apps/99999999999").await;
    invalid_parameter(&reply, StatusCode::BAD_REQUEST);
    assert_not_in_body(&reply, &["99999999999", "u32", "id"]);
}

#[tokio::test]
async fn non_numeric_query_value_is_invalid_parameter() {
    let base = spawn(result_code_app()).await;
    let reply = get_path(&base, "/search?page=NOT-A-NUMBER").await;
    invalid_parameter(&reply, StatusCode::BAD_REQUEST);
    assert_not_in_body(&reply, &["NOT-A-NUMBER", "page", "invalid digit"]);
}

#[tokio::test]
async fn form_missing_a_field_is_invalid_parameter() {
    let base = spawn(result_code_app()).await;
    let reply = send(
        &base,
        Method::POST,
        "/login",
        Some("application/x-www-form-urlencoded"),
        "user=FORM-USER",
    )
    .await;
    invalid_parameter(&reply, StatusCode::BAD_REQUEST);
    assert_not_in_body(&reply, &["FORM-USER", "password", "missing"]);
}

#[tokio::test]
async fn unknown_route_answers_not_found() {
    let base = spawn(result_code_app()).await;
    let reply = get_path(&base, "/no-such-ROUTE-here").await;
    assert_error(&reply, StatusCode::NOT_FOUND, "10400", "所请求的资源不存在");
    assert_not_in_body(&reply, &["no-such-ROUTE-here", "ROUTE"]);
}

#[tokio::test]
async fn wrong_method_answers_405_and_keeps_allow() {
    let base = spawn(result_code_app()).await;
    let reply = send(&base, Method::DELETE, "/ok", None, Vec::new()).await;
    invalid_parameter(&reply, StatusCode::METHOD_NOT_ALLOWED);
    let allow = reply
        .1
        .get(ALLOW)
        .expect("an Allow header")
        .to_str()
        .expect("text");
    let mut methods: Vec<&str> = allow.split(',').map(str::trim).collect();
    methods.sort_unstable();
    assert_eq!(methods, ["GET", "HEAD"]);
    assert_not_in_body(&reply, &["DELETE", "/ok"]);
}

#[tokio::test]
async fn handler_panic_answers_500_without_the_message() {
    let base = spawn(result_code_app()).await;
    let reply = get_path(&base, "/panic").await;
    assert_error(
        &reply,
        StatusCode::INTERNAL_SERVER_ERROR,
        "10500",
        "系统错误",
    );
    assert_not_in_body(&reply, &["SECRET", "hunter2", "panic"]);
}

// ---------------------------------------------------------------------------------------
// A Rust client reading answers back
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn rust_client_reads_the_data_of_a_success() {
    let base = spawn(result_code_app()).await;
    let (_, _, bytes) = get_path(&base, "/apps/42").await;
    let answer: ApiResponse<App> = serde_json::from_slice(&bytes).expect("an envelope");
    assert_eq!(answer.status(), StatusCode::OK);
    assert_eq!(answer.code(), &Code::Known(ResultCode::Success));
    let data = answer.into_result().expect("a success");
    assert_eq!(
        data,
        Some(App {
            id: 42,
            name: "app42".to_owned()
        })
    );
}

#[tokio::test]
async fn rust_client_reads_the_code_of_an_error() {
    let base = spawn(result_code_app()).await;
    let (_, _, bytes) = get_path(&base, "/apps/7").await;
    let answer: ApiResponse<App> = serde_json::from_slice(&bytes).expect("an envelope");
    assert_eq!(answer.status(), StatusCode::NOT_FOUND);
    let error = answer.into_result().expect_err("an error");
    assert_eq!(error.code, Code::Known(ResultCode::NotFound));
    assert_eq!(error.desc, "应用7不存在");
}

// ---------------------------------------------------------------------------------------
// The same router in the Hero catalogue
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn hero_router_answers_bad_json_with_1006() {
    let base = spawn(hero_code_app()).await;
    let reply = send(
        &base,
        Method::POST,
        "/apps",
        Some("application/json"),
        r#"{"name":"HERO-bad"#,
    )
    .await;
    assert_error(
        &reply,
        StatusCode::BAD_REQUEST,
        "1006",
        "输入的JSON数据格式不正确",
    );
    assert_not_in_body(&reply, &["HERO-bad"]);
}

#[tokio::test]
async fn hero_router_answers_unknown_route_with_1001() {
    let base = spawn(hero_code_app()).await;
    let reply = get_path(&base, "/no-such-HERO-route").await;
    assert_error(&reply, StatusCode::NOT_FOUND, "1001", "资源不存在");
    assert_not_in_body(&reply, &["HERO-route"]);
}

#[tokio::test]
async fn hero_router_answers_body_over_the_limit_with_4003() {
    let base = spawn(hero_code_app()).await;
    let reply = send(
        &base,
        Method::POST,
        "/apps",
        Some("application/json"),
        huge_json("HUGE-"),
    )
    .await;
    assert_error(
        &reply,
        StatusCode::PAYLOAD_TOO_LARGE,
        "4003",
        "上传文件的体积超过限制",
    );
    assert_not_in_body(&reply, &["HUGE"]);
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
async fn a_route_layer_answers_its_rejections_in_its_own_catalogue() {
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
