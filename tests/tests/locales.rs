//! Descriptions in the client's language, end to end (127.0.0.1, a real client): the
//! envelope layer reads `Accept-Language` (quality values, language ranges, `*`), answers in
//! the best of the catalog's locales, else the default (the documents' Chinese), and says
//! so with `Content-Language` and `Vary: Accept-Language`. The code never changes.

use axum::Router;
use axum::routing::get;
use hero_codes::axum::{EnvelopeRouter, Path};
use hero_codes::{ApiResponse, ResultCode};
use http::StatusCode;
use http::header::{CONTENT_LANGUAGE, VARY};
use serde_json::{Value, json};

mod support;
use support::{assert_envelope, get_in_language, spawn};

#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
enum AppError {
    #[error("app {id} not found")]
    #[api(
        code = "10400",
        desc = "应用{id}不存在",
        en = "App {id} does not exist"
    )]
    AppNotFound { id: u32 },
}

async fn get_app(Path(id): Path<u32>) -> Result<ApiResponse<u32>, AppError> {
    match id {
        1 => Ok(ApiResponse::ok(1)),
        _ => Err(AppError::AppNotFound { id }),
    }
}

async fn forbidden() -> Result<ApiResponse<()>, ResultCode> {
    Err(ResultCode::PermissionDenied)
}

fn app() -> Router {
    Router::new()
        .route("/apps/{id}", get(get_app))
        .route("/forbidden", get(forbidden))
        .with_envelope::<ResultCode>()
}

/// The answers of each route in Chinese and in English.
struct Answers {
    path: &'static str,
    status: StatusCode,
    zh: Value,
    en: Value,
}

fn error(code: &str, desc: &str) -> Value {
    json!({ "result": false, "result_code": code, "result_desc": desc })
}

fn answers() -> Vec<Answers> {
    vec![
        Answers {
            path: "/apps/1",
            status: StatusCode::OK,
            zh: json!({ "result": true, "result_code": "0", "result_desc": "成功", "data": 1 }),
            en: json!({ "result": true, "result_code": "0", "result_desc": "Success", "data": 1 }),
        },
        Answers {
            path: "/apps/7",
            status: StatusCode::NOT_FOUND,
            zh: error("10400", "应用7不存在"),
            en: error("10400", "App 7 does not exist"),
        },
        Answers {
            path: "/forbidden",
            status: StatusCode::FORBIDDEN,
            zh: error("10300", "没有权限访问"),
            en: error("10300", "No permission to access"),
        },
        Answers {
            path: "/apps/x",
            status: StatusCode::BAD_REQUEST,
            zh: error("10000", "请求参数无效"),
            en: error("10000", "Invalid request parameter"),
        },
        Answers {
            path: "/no/such/route",
            status: StatusCode::NOT_FOUND,
            zh: error("10400", "所请求的资源不存在"),
            en: error("10400", "The requested resource does not exist"),
        },
    ]
}

/// For each `Accept-Language`, the language it must get.
const REQUESTS: &[(Option<&str>, &str)] = &[
    (Some("en"), "en"),
    (Some("en-US,en;q=0.9"), "en"),
    (Some("fr, en;q=0.5"), "en"),
    (Some("zh-CN"), "zh"),
    (Some("zh;q=0.3, en;q=0.7"), "en"),
    (Some("*"), "zh"),
    (None, "zh"),
    (Some("fr"), "zh"),
    (Some(";;q=x,,  , 12-?"), "zh"),
];

#[tokio::test]
async fn every_answer_is_in_the_negotiated_language_and_says_so() {
    let base = spawn(app()).await;
    for answer in answers() {
        for (accept_language, language) in REQUESTS {
            let reply = get_in_language(&base, answer.path, *accept_language).await;
            let body = if *language == "en" {
                &answer.en
            } else {
                &answer.zh
            };
            let case = format!("{} with Accept-Language {accept_language:?}", answer.path);
            assert_envelope(&reply, answer.status, body.clone());
            assert_eq!(
                reply
                    .1
                    .get(CONTENT_LANGUAGE)
                    .map(|value| value.to_str().unwrap()),
                Some(*language),
                "{case}"
            );
            let vary: Vec<_> = reply.1.get_all(VARY).iter().collect();
            assert_eq!(vary, ["accept-language"], "{case}");
        }
    }
}

#[test]
fn codes_and_errors_know_every_locale_without_a_server() {
    use hero_codes::ApiError;
    assert_eq!(
        ResultCode::NotFound.desc_in("en"),
        Some("The requested resource does not exist")
    );
    assert_eq!(
        ResultCode::NotFound.desc_in("zh"),
        Some("所请求的资源不存在")
    );
    assert_eq!(ResultCode::NotFound.desc_in("fr"), None);
    assert_eq!(ResultCode::ENVELOPE.locales, ["zh", "en"]);
    let error = AppError::AppNotFound { id: 3 };
    assert_eq!(error.desc_in("en").as_deref(), Some("App 3 does not exist"));
    assert_eq!(error.desc_in("fr"), None);
    let english = hero_codes::in_locale("en", || hero_codes::axum::error_response(&error));
    assert_eq!(english.headers()["content-language"], "en");
    assert_eq!(error.desc(), "应用3不存在");
}

/// A plain error response of the app's that varies already: the envelope takes its place,
/// keeps its `Vary` and adds `Accept-Language` to it, on axum and actix-web alike.
#[tokio::test]
async fn a_replaced_answer_keeps_its_vary_and_adds_accept_language() {
    let plain = || async { (StatusCode::CONFLICT, [(VARY, "origin")], "in use") };
    let axum_app = Router::new()
        .route("/plain", get(plain))
        .with_envelope::<ResultCode>();
    let actix_app = || {
        use hero_codes::actix::EnvelopeApp;
        actix_web::App::new()
            .route(
                "/plain",
                actix_web::web::get().to(|| async {
                    actix_web::HttpResponse::Conflict()
                        .insert_header(("vary", "origin"))
                        .body("in use")
                }),
            )
            .with_envelope::<ResultCode>()
    };
    for base in [spawn(axum_app).await, support::spawn_actix(actix_app)] {
        let reply = get_in_language(&base, "/plain", Some("en")).await;
        assert_eq!(reply.0, StatusCode::CONFLICT, "{base}");
        assert_eq!(reply.1[CONTENT_LANGUAGE], "en", "{base}");
        let vary: Vec<_> = reply.1.get_all(VARY).iter().collect();
        assert_eq!(vary, ["origin", "accept-language"], "{base}");
    }
}
