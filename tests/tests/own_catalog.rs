//! A service with catalog files of its own, end to end over HTTP (127.0.0.1, a real
//! client): every answer, success, business error, rejection, unknown route, wrong method
//! and panic, is in that file's envelope, with its field names, its success code and its
//! code type. Two files unlike the built-in one:
//!
//! - `catalogs/alibaba.toml`: fields `success` / `code` / `message` / `data`, success code
//!   `00000`, business errors answered with HTTP 200;
//! - `catalogs/wechat.toml`: `errcode` (a JSON number) / `errmsg`, no `result` field.

use axum::Router;
use axum::routing::{get, post};
use hero_codes::axum::{EnvelopeRouter, Json, Path};
use hero_codes::{ApiError, ApiResponse, CatalogCode, Code};
use http::header::ALLOW;
use http::{Method, StatusCode};
use serde::Deserialize;
use serde_json::{Value, json};

mod support;
use support::{assert_envelope, assert_not_in_body, get_path, send, spawn};

const SECRET: &str = "SECRET: password=hunter2";

mod alibaba {
    hero_codes::include_catalog!("catalogs/alibaba.toml");
}
mod wechat {
    hero_codes::include_catalog!("catalogs/wechat.toml");
}
use alibaba::AliCode;
use wechat::WeChatCode;

#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
#[api(file = "catalogs/alibaba.toml")]
enum AliError {
    /// A business error, answered with HTTP 200 as the catalog says.
    #[error("user side")]
    #[api(code = "A0001")]
    User,
    /// A description of its own on a 200 code: allowed, it is not a 5xx.
    #[error("bad page {page}")]
    #[api(code = "A0400", desc = "参数page={page}不对")]
    BadPage { page: u32 },
    #[error("database failed")]
    #[api(code = "B0001")]
    Db(#[from] std::io::Error),
}

#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
#[api(file = "catalogs/wechat.toml")]
enum WeChatError {
    #[error("unknown app id")]
    #[api(code = "40013")]
    InvalidAppId,
    #[error("overloaded")]
    #[api(code = "-1")]
    Busy,
}

#[derive(Debug, Deserialize)]
struct Order {
    item: String,
}

/// The same routes for each catalog: success with and without data, its errors, the
/// `Json` and `Path` extractors, and a panic whose message must not leave the server.
macro_rules! service {
    ($code:ty, $error:ty, $user_error:expr, $server_error:expr) => {{
        async fn ok() -> ApiResponse<Value, $code> {
            ApiResponse::ok(json!({ "id": 1 }))
        }
        async fn accepted() -> ApiResponse<(), $code> {
            ApiResponse::accepted()
        }
        async fn user_error() -> Result<ApiResponse<(), $code>, $error> {
            Err($user_error)
        }
        async fn server_error() -> Result<ApiResponse<(), $code>, $error> {
            Err($server_error)
        }
        async fn order(Json(order): Json<Order>) -> ApiResponse<String, $code> {
            ApiResponse::created(order.item)
        }
        async fn page(Path(page): Path<u32>) -> ApiResponse<u32, $code> {
            ApiResponse::ok(page)
        }
        async fn panics() -> ApiResponse<(), $code> {
            panic!("{}", SECRET)
        }
        Router::new()
            .route("/ok", get(ok))
            .route("/accepted", post(accepted))
            .route("/user-error", get(user_error))
            .route("/server-error", get(server_error))
            .route("/orders", post(order))
            .route("/pages/{page}", get(page))
            .route("/panic", get(panics))
            .with_envelope::<$code>()
    }};
}

fn alibaba_service() -> Router {
    service!(
        AliCode,
        AliError,
        AliError::User,
        AliError::Db(std::io::Error::other(SECRET))
    )
    .route("/bad-page/{page}", get(bad_page))
    .route("/unserializable", get(unserializable))
}

/// Data that JSON cannot hold (a map whose keys are not strings): a server bug.
async fn unserializable() -> ApiResponse<std::collections::BTreeMap<(u8, u8), u8>, AliCode> {
    ApiResponse::ok([((1, 2), 3)].into())
}

async fn bad_page(axum::extract::Path(page): axum::extract::Path<u32>) -> Result<(), AliError> {
    Err(AliError::BadPage { page })
}

fn wechat_service() -> Router {
    service!(
        WeChatCode,
        WeChatError,
        WeChatError::InvalidAppId,
        WeChatError::Busy
    )
}

fn ali_error(code: &str, message: &str) -> Value {
    json!({ "success": false, "code": code, "message": message })
}

fn wechat_error(code: i64, message: &str) -> Value {
    json!({ "errcode": code, "errmsg": message })
}

// ------------------------------------------------------------ Alibaba style ----

#[tokio::test]
async fn alibaba_success_has_its_names_and_success_code() {
    let base = spawn(alibaba_service()).await;
    assert_envelope(
        &get_path(&base, "/ok").await,
        StatusCode::OK,
        json!({ "success": true, "code": "00000", "message": "一切ok", "data": { "id": 1 } }),
    );
    assert_envelope(
        &send(&base, Method::POST, "/accepted", None, Vec::new()).await,
        StatusCode::ACCEPTED,
        json!({ "success": true, "code": "00000", "message": "一切ok" }),
    );
    assert_envelope(
        &send(
            &base,
            Method::POST,
            "/orders",
            Some("application/json"),
            r#"{"item":"书"}"#,
        )
        .await,
        StatusCode::CREATED,
        json!({ "success": true, "code": "00000", "message": "一切ok", "data": "书" }),
    );
}

#[tokio::test]
async fn alibaba_business_errors_answer_http_200_with_the_code_in_the_body() {
    let base = spawn(alibaba_service()).await;
    assert_envelope(
        &get_path(&base, "/user-error").await,
        StatusCode::OK,
        ali_error("A0001", "用户端错误"),
    );
    assert_envelope(
        &get_path(&base, "/bad-page/7").await,
        StatusCode::OK,
        ali_error("A0400", "参数page=7不对"),
    );
}

#[tokio::test]
async fn alibaba_rejections_answer_in_its_envelope() {
    let base = spawn(alibaba_service()).await;
    let truncated = send(
        &base,
        Method::POST,
        "/orders",
        Some("application/json"),
        r#"{"item":"SECRET-INPUT"#,
    )
    .await;
    assert_envelope(
        &truncated,
        StatusCode::OK,
        ali_error("A0400", "用户请求参数错误"),
    );
    assert_not_in_body(&truncated, &["SECRET-INPUT", "EOF", "line"]);
    assert_envelope(
        &send(&base, Method::POST, "/orders", None, r#"{"item":"书"}"#).await,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ali_error("A0400", "用户请求参数错误"),
    );
    assert_envelope(
        &get_path(&base, "/pages/x").await,
        StatusCode::OK,
        ali_error("A0400", "用户请求参数错误"),
    );
}

#[tokio::test]
async fn alibaba_unknown_route_and_wrong_method_answer_in_its_envelope() {
    let base = spawn(alibaba_service()).await;
    assert_envelope(
        &get_path(&base, "/nope").await,
        StatusCode::NOT_FOUND,
        ali_error("A0404", "访问的接口不存在"),
    );
    let wrong_method = send(&base, Method::DELETE, "/ok", None, Vec::new()).await;
    assert_envelope(
        &wrong_method,
        StatusCode::METHOD_NOT_ALLOWED,
        ali_error("A0400", "用户请求参数错误"),
    );
    assert!(wrong_method.1.contains_key(ALLOW), "{:?}", wrong_method.1);
}

#[tokio::test]
async fn alibaba_server_errors_and_panics_answer_its_internal_code_and_nothing_else() {
    let base = spawn(alibaba_service()).await;
    for path in ["/server-error", "/panic"] {
        let reply = get_path(&base, path).await;
        assert_envelope(
            &reply,
            StatusCode::INTERNAL_SERVER_ERROR,
            ali_error("B0001", "系统执行出错"),
        );
        assert_not_in_body(&reply, &[SECRET, "hunter2", "database"]);
    }
}

#[tokio::test]
async fn data_that_cannot_be_serialized_answers_the_catalogs_internal_code() {
    let base = spawn(alibaba_service()).await;
    assert_envelope(
        &get_path(&base, "/unserializable").await,
        StatusCode::INTERNAL_SERVER_ERROR,
        ali_error("B0001", "系统执行出错"),
    );
}

#[tokio::test]
async fn a_rust_client_reads_alibaba_answers_with_its_names() {
    let base = spawn(alibaba_service()).await;
    let (_, _, body) = get_path(&base, "/ok").await;
    let answer: ApiResponse<Value, AliCode> = serde_json::from_slice(&body).unwrap();
    assert!(answer.is_success());
    assert_eq!(answer.code(), &Code::Known(AliCode::Ok));
    assert_eq!(answer.into_result().unwrap(), Some(json!({ "id": 1 })));

    let (_, _, body) = get_path(&base, "/user-error").await;
    let answer: ApiResponse<Value, AliCode> = serde_json::from_slice(&body).unwrap();
    let error = answer.into_result().unwrap_err();
    assert_eq!(error.code, Code::Known(AliCode::UserError));
    assert_eq!(error.desc, "用户端错误");
}

// ------------------------------------------------------------- WeChat style ----

#[tokio::test]
async fn wechat_success_has_a_numeric_code_and_no_result_field() {
    let base = spawn(wechat_service()).await;
    assert_envelope(
        &get_path(&base, "/ok").await,
        StatusCode::OK,
        json!({ "errcode": 0, "errmsg": "ok", "data": { "id": 1 } }),
    );
    assert_envelope(
        &get_path(&base, "/pages/3").await,
        StatusCode::OK,
        json!({ "errcode": 0, "errmsg": "ok", "data": 3 }),
    );
}

#[tokio::test]
async fn wechat_errors_rejections_and_failures_have_numeric_codes() {
    let base = spawn(wechat_service()).await;
    assert_envelope(
        &get_path(&base, "/user-error").await,
        StatusCode::BAD_REQUEST,
        wechat_error(40013, "invalid appid"),
    );
    assert_envelope(
        &send(
            &base,
            Method::POST,
            "/orders",
            Some("application/json"),
            "{]",
        )
        .await,
        StatusCode::BAD_REQUEST,
        wechat_error(47001, "data format error"),
    );
    assert_envelope(
        &get_path(&base, "/nope").await,
        StatusCode::NOT_FOUND,
        wechat_error(404, "not found"),
    );
    for path in ["/server-error", "/panic"] {
        let reply = get_path(&base, path).await;
        assert_envelope(
            &reply,
            StatusCode::SERVICE_UNAVAILABLE,
            wechat_error(-1, "system busy"),
        );
        assert_not_in_body(&reply, &[SECRET]);
    }
}

#[tokio::test]
async fn a_rust_client_tells_wechat_success_by_the_code_alone() {
    let base = spawn(wechat_service()).await;
    let (_, _, body) = get_path(&base, "/ok").await;
    let answer: ApiResponse<Value, WeChatCode> = serde_json::from_slice(&body).unwrap();
    assert!(answer.is_success());
    assert_eq!(answer.data(), Some(&json!({ "id": 1 })));

    let (_, _, body) = get_path(&base, "/user-error").await;
    let answer: ApiResponse<Value, WeChatCode> = serde_json::from_slice(&body).unwrap();
    assert!(!answer.is_success());
    assert_eq!(answer.status(), StatusCode::BAD_REQUEST);
    assert_eq!(answer.code(), &Code::Known(WeChatCode::InvalidAppId));

    // A code this build does not know stays a number when written back.
    let answer: ApiResponse<Value, WeChatCode> =
        serde_json::from_str(r#"{"errcode":45009,"errmsg":"reach max api daily quota limit"}"#)
            .unwrap();
    assert!(!answer.is_success());
    assert_eq!(answer.code(), &Code::Unknown("45009".to_owned()));
    assert_eq!(
        serde_json::to_value(&answer).unwrap(),
        wechat_error(45009, "reach max api daily quota limit")
    );
}

// ---------------------------------------------------------------- the codes ----

#[test]
fn compile_time_bodies_use_the_files_envelope() {
    assert_eq!(
        AliError::User.body(),
        r#"{"success":false,"code":"A0001","message":"用户端错误"}"#
    );
    assert_eq!(
        WeChatError::Busy.body(),
        r#"{"errcode":-1,"errmsg":"system busy"}"#
    );
    assert_eq!(AliError::User.envelope(), &AliCode::ENVELOPE);
    assert_eq!(
        WeChatCode::InvalidAppId.body(),
        r#"{"errcode":40013,"errmsg":"invalid appid"}"#
    );
}

#[test]
fn codes_serialize_as_their_envelope_writes_them() {
    assert_eq!(
        serde_json::to_string(&AliCode::UserError).unwrap(),
        r#""A0001""#
    );
    assert_eq!(
        serde_json::to_string(&WeChatCode::SystemBusy).unwrap(),
        "-1"
    );
    // A JSON client may send either form; a signed integer is read too.
    assert_eq!(
        serde_json::from_str::<WeChatCode>("-1").unwrap(),
        WeChatCode::SystemBusy
    );
    assert_eq!(
        serde_json::from_str::<WeChatCode>(r#""40013""#).unwrap(),
        WeChatCode::InvalidAppId
    );
    assert!(serde_json::from_str::<WeChatCode>("40014").is_err());
}

#[test]
fn codes_round_trip_through_a_binary_format_that_is_not_self_describing() {
    for code in AliCode::ALL {
        let bytes = postcard::to_allocvec(code).unwrap();
        assert_eq!(postcard::from_bytes::<AliCode>(&bytes).unwrap(), *code);
    }
    for code in WeChatCode::ALL {
        let bytes = postcard::to_allocvec(code).unwrap();
        assert_eq!(postcard::from_bytes::<WeChatCode>(&bytes).unwrap(), *code);
    }
    for code in hero_codes::ResultCode::ALL {
        let bytes = postcard::to_allocvec(code).unwrap();
        assert_eq!(
            postcard::from_bytes::<hero_codes::ResultCode>(&bytes).unwrap(),
            *code
        );
    }
}

#[test]
fn each_catalog_knows_its_success_code() {
    assert_eq!(AliCode::SUCCESS, AliCode::Ok);
    assert_eq!(WeChatCode::SUCCESS, WeChatCode::Ok);
    assert_eq!(WeChatCode::ENVELOPE.result, None);
}
