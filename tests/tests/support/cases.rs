//! The end-to-end cases every framework's glue must pass, each against the base URL of a
//! server on 127.0.0.1 that serves the same test routes (`/ok`, `/apps/{id}`, `/login`, ...;
//! see `tests/http.rs` for axum and `tests/http_actix.rs` for actix-web) in `ResultCode`, or
//! for the `hero_*` cases in `HeroCode`. [`http_cases!`] makes one test per case.
//!
//! Every answer, success or failure, must be the envelope with `Content-Type:
//! application/json; charset=utf-8`, the right status and the exact body; error bodies hold
//! only `result`, `result_code` and `result_desc`, and never echo the client's input or a
//! server-side secret.

use hero_codes::{ApiResponse, Code, ResultCode};
use http::header::{ALLOW, CONTENT_TYPE};
use http::{HeaderMap, Method, StatusCode};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::{assert_envelope, assert_not_in_body, get_path, send};

/// What `/db` fails with: it must stay on the server.
pub const DB_SECRET: &str = "SECRET: select * from users";
/// What `/panic` panics with: it must stay on the server.
pub const PANIC_SECRET: &str = "SECRET panic: password=hunter2";
/// Over both frameworks' default JSON limit (2 MB).
const HUGE_BODY_BYTES: usize = 3 * 1024 * 1024;

/// An app, as the test routes answer it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct App {
    pub id: u32,
    pub name: String,
}

/// The test routes' errors: each framework's handlers return them.
#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
pub enum AppError {
    /// 4xx with its own description, filled from the field.
    #[error("app {id} not found")]
    #[api(
        code = "10400",
        desc = "应用{id}不存在",
        en = "App {id} does not exist"
    )]
    AppNotFound { id: u32 },
    /// 4xx with the catalog's text.
    #[error("app name already taken")]
    #[api(code = "10001")]
    AlreadyExists,
    /// 401 with the catalog's text.
    #[error("bad token")]
    #[api(code = "10102")]
    InvalidToken,
    /// 5xx whose source carries a secret that must stay on the server.
    #[error("database failed")]
    #[api(code = "10500")]
    Db(#[from] std::io::Error),
}

#[derive(Debug, Deserialize)]
pub struct NewApp {
    pub name: String,
    /// Free-form, so deeply nested JSON reaches serde_json's own recursion limit.
    #[serde(default)]
    #[allow(dead_code)]
    pub meta: Option<Value>,
}

#[derive(Debug, Deserialize)]
pub struct Page {
    pub page: u32,
}

#[derive(Debug, Deserialize)]
pub struct Login {
    pub user: String,
    pub password: String,
}

/// One `#[tokio::test]` per case, each against a new server: `result: <expr>` is a future
/// of the base URL of a server answering in `ResultCode`, `hero: <expr>` in `HeroCode`.
#[macro_export]
macro_rules! http_cases {
    (result: $result:expr, hero: $hero:expr $(,)?) => {
        $crate::http_cases!(@each $result;
            ok_answers_200_with_data,
            created_answers_201_with_data,
            accepted_answers_202_without_data_key,
            accepted_with_answers_202_with_data,
            path_extractor_reads_a_u32,
            query_extractor_reads_a_u32,
            json_extractor_reads_the_body,
            form_extractor_reads_the_body,
            placeholder_desc_is_filled_from_the_variant_fields,
            variant_without_desc_answers_the_catalog_text,
            unauthorized_variant_answers_401,
            server_error_answers_the_catalog_text_and_hides_its_source,
            catalog_enum_returned_as_the_error_answers_its_status,
            truncated_json_is_invalid_parameter,
            trailing_garbage_after_json_is_invalid_parameter,
            invalid_utf8_in_a_json_string_is_invalid_parameter,
            json_nested_200_deep_is_invalid_parameter,
            json_without_content_type_is_415,
            json_sent_as_text_plain_is_415,
            body_over_the_limit_is_413,
            path_number_too_big_for_u32_is_invalid_parameter,
            non_numeric_query_value_is_invalid_parameter,
            form_missing_a_field_is_invalid_parameter,
            unknown_route_answers_not_found,
            wrong_method_answers_405_and_keeps_allow,
            head_answers_as_get_without_a_body,
            handler_panic_answers_500_without_the_message,
            rust_client_reads_the_data_of_a_success,
            rust_client_reads_the_code_of_an_error,
        );
        $crate::http_cases!(@each $hero;
            hero_router_answers_bad_json_with_1006,
            hero_router_answers_unknown_route_with_1001,
            hero_router_answers_body_over_the_limit_with_4003,
        );
    };
    (@each $spawn:expr; $($case:ident,)*) => {
        $(
            #[tokio::test]
            async fn $case() {
                let base = $spawn.await;
                support::cases::$case(&base).await;
            }
        )*
    };
}

/// An error envelope: exactly `result` (false), `result_code` and `result_desc`, no `data`.
pub fn assert_error(
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

pub fn invalid_parameter(reply: &(StatusCode, HeaderMap, Vec<u8>), status: StatusCode) {
    assert_error(reply, status, "10000", "请求参数无效");
}

pub fn nested_arrays(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

/// A JSON body of `HUGE_BODY_BYTES` whose text is `marker` repeated.
pub fn huge_json(marker: &str) -> String {
    let filler = marker.repeat(HUGE_BODY_BYTES / marker.len());
    format!(r#"{{"name":"{filler}"}}"#)
}

// ---------------------------------------------------------------------------------------
// Success
// ---------------------------------------------------------------------------------------

pub async fn ok_answers_200_with_data(base: &str) {
    let reply = get_path(base, "/ok").await;
    assert_envelope(
        &reply,
        StatusCode::OK,
        json!({"result": true, "result_code": "0", "result_desc": "成功",
               "data": {"id": 1, "name": "demo"}}),
    );
}

pub async fn created_answers_201_with_data(base: &str) {
    let reply = send(base, Method::POST, "/created", None, Vec::new()).await;
    assert_envelope(
        &reply,
        StatusCode::CREATED,
        json!({"result": true, "result_code": "0", "result_desc": "成功",
               "data": {"id": 2, "name": "new"}}),
    );
}

pub async fn accepted_answers_202_without_data_key(base: &str) {
    let reply = send(base, Method::PUT, "/accepted", None, Vec::new()).await;
    assert_envelope(
        &reply,
        StatusCode::ACCEPTED,
        json!({"result": true, "result_code": "0", "result_desc": "成功"}),
    );
}

pub async fn accepted_with_answers_202_with_data(base: &str) {
    let reply = send(base, Method::PUT, "/accepted-with", None, Vec::new()).await;
    assert_envelope(
        &reply,
        StatusCode::ACCEPTED,
        json!({"result": true, "result_code": "0", "result_desc": "成功",
               "data": {"id": 3, "name": "updated"}}),
    );
}

pub async fn path_extractor_reads_a_u32(base: &str) {
    let reply = get_path(base, "/apps/42").await;
    assert_envelope(
        &reply,
        StatusCode::OK,
        json!({"result": true, "result_code": "0", "result_desc": "成功",
               "data": {"id": 42, "name": "app42"}}),
    );
}

pub async fn query_extractor_reads_a_u32(base: &str) {
    let reply = get_path(base, "/search?page=3").await;
    assert_envelope(
        &reply,
        StatusCode::OK,
        json!({"result": true, "result_code": "0", "result_desc": "成功", "data": {"page": 3}}),
    );
}

pub async fn json_extractor_reads_the_body(base: &str) {
    let reply = send(
        base,
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

pub async fn form_extractor_reads_the_body(base: &str) {
    let reply = send(
        base,
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

pub async fn placeholder_desc_is_filled_from_the_variant_fields(base: &str) {
    let reply = get_path(base, "/apps/7").await;
    assert_error(&reply, StatusCode::NOT_FOUND, "10400", "应用7不存在");
}

pub async fn variant_without_desc_answers_the_catalog_text(base: &str) {
    let reply = send(
        base,
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

pub async fn unauthorized_variant_answers_401(base: &str) {
    let reply = send(
        base,
        Method::POST,
        "/login",
        Some("application/x-www-form-urlencoded"),
        "user=alice&password=wrong-PASSWORD-guess",
    )
    .await;
    assert_error(&reply, StatusCode::UNAUTHORIZED, "10102", "Token无效");
    assert_not_in_body(&reply, &["alice", "wrong-PASSWORD-guess"]);
}

pub async fn server_error_answers_the_catalog_text_and_hides_its_source(base: &str) {
    let reply = get_path(base, "/db").await;
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

pub async fn catalog_enum_returned_as_the_error_answers_its_status(base: &str) {
    let reply = get_path(base, "/forbidden").await;
    assert_error(&reply, StatusCode::FORBIDDEN, "10300", "没有权限访问");
}

// ---------------------------------------------------------------------------------------
// Bad input: answered with the envelope, never echoing the input
// ---------------------------------------------------------------------------------------

pub async fn truncated_json_is_invalid_parameter(base: &str) {
    let reply = send(
        base,
        Method::POST,
        "/apps",
        Some("application/json"),
        r#"{"name":"TRUNCATED-input"#,
    )
    .await;
    invalid_parameter(&reply, StatusCode::BAD_REQUEST);
    assert_not_in_body(&reply, &["TRUNCATED", "name", "EOF", "line"]);
}

pub async fn trailing_garbage_after_json_is_invalid_parameter(base: &str) {
    let reply = send(
        base,
        Method::POST,
        "/apps",
        Some("application/json"),
        r#"{"name":"fine"} GARBAGE-after-json"#,
    )
    .await;
    invalid_parameter(&reply, StatusCode::BAD_REQUEST);
    assert_not_in_body(&reply, &["GARBAGE", "fine", "trailing"]);
}

pub async fn invalid_utf8_in_a_json_string_is_invalid_parameter(base: &str) {
    let mut body = br#"{"name":"BAD-UTF8-"#.to_vec();
    body.extend_from_slice(&[0xff, 0xfe, 0xc3]);
    body.extend_from_slice(br#""}"#);
    let reply = send(base, Method::POST, "/apps", Some("application/json"), body).await;
    invalid_parameter(&reply, StatusCode::BAD_REQUEST);
    assert_not_in_body(&reply, &["BAD-UTF8", "\u{fffd}", "unicode"]);
}

pub async fn json_nested_200_deep_is_invalid_parameter(base: &str) {
    // As the whole body, and inside a free-form field (past serde_json's recursion limit).
    let bodies = [
        nested_arrays(200),
        format!(r#"{{"name":"DEEP-name","meta":{}}}"#, nested_arrays(200)),
    ];
    for body in bodies {
        let reply = send(base, Method::POST, "/apps", Some("application/json"), body).await;
        invalid_parameter(&reply, StatusCode::BAD_REQUEST);
        assert_not_in_body(&reply, &["[[", "DEEP", "recursion"]);
    }
}

pub async fn json_without_content_type_is_415(base: &str) {
    let reply = send(base, Method::POST, "/apps", None, r#"{"name":"NO-TYPE"}"#).await;
    invalid_parameter(&reply, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_not_in_body(&reply, &["NO-TYPE", "Content-Type", "application/json"]);
}

pub async fn json_sent_as_text_plain_is_415(base: &str) {
    let reply = send(
        base,
        Method::POST,
        "/apps",
        Some("text/plain"),
        r#"{"name":"PLAIN-TEXT"}"#,
    )
    .await;
    invalid_parameter(&reply, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_not_in_body(&reply, &["PLAIN-TEXT", "text/plain"]);
}

pub async fn body_over_the_limit_is_413(base: &str) {
    let reply = send(
        base,
        Method::POST,
        "/apps",
        Some("application/json"),
        huge_json("HUGE-"),
    )
    .await;
    invalid_parameter(&reply, StatusCode::PAYLOAD_TOO_LARGE);
    assert_not_in_body(&reply, &["HUGE", "limit", "length"]);
}

pub async fn path_number_too_big_for_u32_is_invalid_parameter(base: &str) {
    let reply = get_path(base, "/apps/99999999999").await;
    invalid_parameter(&reply, StatusCode::BAD_REQUEST);
    assert_not_in_body(&reply, &["99999999999", "u32", "id"]);
}

pub async fn non_numeric_query_value_is_invalid_parameter(base: &str) {
    let reply = get_path(base, "/search?page=NOT-A-NUMBER").await;
    invalid_parameter(&reply, StatusCode::BAD_REQUEST);
    assert_not_in_body(&reply, &["NOT-A-NUMBER", "page", "invalid digit"]);
}

pub async fn form_missing_a_field_is_invalid_parameter(base: &str) {
    let reply = send(
        base,
        Method::POST,
        "/login",
        Some("application/x-www-form-urlencoded"),
        "user=FORM-USER",
    )
    .await;
    invalid_parameter(&reply, StatusCode::BAD_REQUEST);
    assert_not_in_body(&reply, &["FORM-USER", "password", "missing"]);
}

pub async fn unknown_route_answers_not_found(base: &str) {
    let reply = get_path(base, "/no-such-ROUTE-here").await;
    assert_error(&reply, StatusCode::NOT_FOUND, "10400", "所请求的资源不存在");
    assert_not_in_body(&reply, &["no-such-ROUTE-here", "ROUTE"]);
}

pub async fn wrong_method_answers_405_and_keeps_allow(base: &str) {
    let reply = send(base, Method::DELETE, "/ok", None, Vec::new()).await;
    invalid_parameter(&reply, StatusCode::METHOD_NOT_ALLOWED);
    let allow = reply
        .1
        .get(ALLOW)
        .expect("an Allow header")
        .to_str()
        .expect("text");
    // HEAD is answered wherever GET is, by both frameworks.
    assert_eq!(allow, "GET,HEAD");
    assert_not_in_body(&reply, &["DELETE", "/ok"]);
}

pub async fn head_answers_as_get_without_a_body(base: &str) {
    let get = get_path(base, "/ok").await;
    let head = send(base, Method::HEAD, "/ok", None, Vec::new()).await;
    assert_eq!(head.0, StatusCode::OK);
    assert_eq!(head.1[CONTENT_TYPE], get.1[CONTENT_TYPE]);
    assert!(head.2.is_empty(), "a body for HEAD: {:?}", head.2);
}

pub async fn handler_panic_answers_500_without_the_message(base: &str) {
    let reply = get_path(base, "/panic").await;
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

pub async fn rust_client_reads_the_data_of_a_success(base: &str) {
    let (_, _, bytes) = get_path(base, "/apps/42").await;
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

pub async fn rust_client_reads_the_code_of_an_error(base: &str) {
    let (_, _, bytes) = get_path(base, "/apps/7").await;
    let answer: ApiResponse<App> = serde_json::from_slice(&bytes).expect("an envelope");
    assert_eq!(answer.status(), StatusCode::NOT_FOUND);
    let error = answer.into_result().expect_err("an error");
    assert_eq!(error.code, Code::Known(ResultCode::NotFound));
    assert_eq!(error.desc, "应用7不存在");
}

// ---------------------------------------------------------------------------------------
// The same router in the Hero catalog
// ---------------------------------------------------------------------------------------

pub async fn hero_router_answers_bad_json_with_1006(base: &str) {
    let reply = send(
        base,
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

pub async fn hero_router_answers_unknown_route_with_1001(base: &str) {
    let reply = get_path(base, "/no-such-HERO-route").await;
    assert_error(&reply, StatusCode::NOT_FOUND, "1001", "资源不存在");
    assert_not_in_body(&reply, &["HERO-route"]);
}

pub async fn hero_router_answers_body_over_the_limit_with_4003(base: &str) {
    let reply = send(
        base,
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
