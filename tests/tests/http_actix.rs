//! End to end over HTTP, actix-web: the test routes of `http.rs`, written for actix-web with
//! its own extractors and `EnvelopeApp::with_envelope`, on a real socket (127.0.0.1, a free
//! port), through every case of `support::cases`.

use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::{App, web};
use hero_codes::actix::EnvelopeApp;
use hero_codes::{ApiResponse, FailureCodes, HeroCode, ResultCode};
use serde_json::{Value, json};

mod support;
use support::cases::{self, AppError, DB_SECRET, Login, NewApp, PANIC_SECRET, Page};

fn app(id: u32, name: &str) -> cases::App {
    cases::App {
        id,
        name: name.to_owned(),
    }
}

async fn ok() -> Result<ApiResponse<cases::App>, AppError> {
    Ok(ApiResponse::ok(app(1, "demo")))
}

async fn created() -> Result<ApiResponse<cases::App>, AppError> {
    Ok(ApiResponse::created(app(2, "new")))
}

async fn accepted() -> Result<ApiResponse<()>, AppError> {
    Ok(ApiResponse::accepted())
}

async fn accepted_with() -> Result<ApiResponse<cases::App>, AppError> {
    Ok(ApiResponse::accepted_with(app(3, "updated")))
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

async fn get_app(id: web::Path<u32>) -> Result<ApiResponse<cases::App>, AppError> {
    let id = id.into_inner();
    if id == 7 {
        return Err(AppError::AppNotFound { id });
    }
    Ok(ApiResponse::ok(app(id, &format!("app{id}"))))
}

async fn search(page: web::Query<Page>) -> Result<ApiResponse<Value>, AppError> {
    Ok(ApiResponse::ok(json!({ "page": page.page })))
}

async fn create_app(new: web::Json<NewApp>) -> Result<ApiResponse<cases::App>, AppError> {
    if new.name == "taken" {
        return Err(AppError::AlreadyExists);
    }
    Ok(ApiResponse::created(app(10, &new.name)))
}

async fn login(login: web::Form<Login>) -> Result<ApiResponse<Value>, AppError> {
    if login.password != "right" {
        return Err(AppError::InvalidToken);
    }
    Ok(ApiResponse::ok(json!({ "user": login.user })))
}

/// The test routes, every answer in catalog `C`. Resources, not `App::route`: a route's
/// method is a guard, so a wrong method would fall through to "no such route" (404), where a
/// resource answers 405 with `Allow`.
fn routes<C: FailureCodes>() -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    App::new()
        .service(web::resource("/ok").get(ok))
        .service(web::resource("/created").post(created))
        .service(web::resource("/accepted").put(accepted))
        .service(web::resource("/accepted-with").put(accepted_with))
        .service(web::resource("/forbidden").get(forbidden))
        .service(web::resource("/db").get(db_failure))
        .service(web::resource("/panic").get(panics))
        .service(web::resource("/apps/{id}").get(get_app))
        .service(web::resource("/apps").post(create_app))
        .service(web::resource("/search").get(search))
        .service(web::resource("/login").post(login))
        .with_envelope::<C>()
}

/// Serves the test routes in `C` for the rest of the test; returns the base URL.
async fn spawn<C: FailureCodes>() -> String {
    support::spawn_actix(routes::<C>)
}

http_cases! {
    result: spawn::<ResultCode>(),
    hero: spawn::<HeroCode>(),
}

/// The middleware answers in the request's language, and says which.
#[tokio::test]
async fn answers_in_the_requested_language() {
    let base = spawn::<ResultCode>().await;
    let reply = support::get_in_language(&base, "/apps/7", Some("fr, en;q=0.5")).await;
    cases::assert_error(
        &reply,
        http::StatusCode::NOT_FOUND,
        "10400",
        "App 7 does not exist",
    );
    assert_eq!(reply.1[http::header::CONTENT_LANGUAGE], "en");
    assert_eq!(reply.1[http::header::VARY], "accept-language");
    let missing = support::get_in_language(&base, "/nope", Some("en-US")).await;
    cases::assert_error(
        &missing,
        http::StatusCode::NOT_FOUND,
        "10400",
        "The requested resource does not exist",
    );
    let default = support::get_in_language(&base, "/nope", None).await;
    assert_eq!(default.1[http::header::CONTENT_LANGUAGE], "zh");
}

/// A resource wrapped in its own `Envelope` answers its extractors' rejections in its own
/// catalog, though the app-wide error handlers are the app's.
#[tokio::test]
async fn a_resource_envelope_answers_its_rejections_in_its_own_catalog() {
    let base = support::spawn_actix(|| {
        App::new()
            .service(
                web::resource("/hero/apps")
                    .post(create_app)
                    .wrap(hero_codes::actix::EnvelopeLayer::<HeroCode>::new()),
            )
            .service(web::resource("/apps").post(create_app))
            .with_envelope::<ResultCode>()
    });
    let bad_json = r#"{"name":"RESOURCE-bad"#;
    let json = Some("application/json");
    let hero = support::send(&base, http::Method::POST, "/hero/apps", json, bad_json).await;
    cases::assert_error(
        &hero,
        http::StatusCode::BAD_REQUEST,
        "1006",
        "输入的JSON数据格式不正确",
    );
    let result = support::send(&base, http::Method::POST, "/apps", json, bad_json).await;
    cases::invalid_parameter(&result, http::StatusCode::BAD_REQUEST);
    support::assert_not_in_body(&hero, &["RESOURCE-bad"]);
}
