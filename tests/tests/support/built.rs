//! Where an answer is built must not change it: the cases every framework's glue passes
//! for answers made in the handler, a task it spawned, a blocking pool, a later poll,
//! before an `.await`, a `Service::call` and a middleware of the user's, all under the
//! envelope of `ResultCode` (see `tests/built.rs` for axum and actix-web).
//!
//! Each route answers `AppError::AppNotFound { id: 7 }` (404 10400 应用7不存在), but
//! `/built/spawned-hero`, which answers `UserError::UserNotFound` of `HeroCode` (404 2000
//! 用户不存在), and `/built/middleware`, whose middleware answers `AppError::InvalidToken`
//! (401 10102).

use http::header::{CONTENT_LANGUAGE, VARY};
use http::{HeaderMap, StatusCode};

use super::cases::assert_error;
use super::get_in_language;

/// A `HeroCode` error, answered under the envelope of `ResultCode`: it must keep its code.
#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
pub enum UserError {
    #[error("no such user")]
    #[api(code = "2000")]
    UserNotFound,
}

/// The routes that build `AppNotFound { id: 7 }` in the default locale wherever they build it.
pub const APP_NOT_FOUND_ROUTES: &[&str] = &[
    "/built/handler",
    "/built/spawned",
    "/built/blocking",
    "/built/later-poll",
    "/built/before-await",
    "/built/service",
];

/// One `#[tokio::test]` per case, each against a new server: `$spawn` is a future of the
/// base URL of a server with the `/built/...` routes under `ResultCode`'s envelope.
#[macro_export]
macro_rules! built_cases {
    ($spawn:expr) => {
        $crate::built_cases!(@each $spawn;
            every_place_keeps_the_code_and_the_text,
            a_spawned_task_keeps_another_catalogs_code,
            a_spawned_task_takes_the_request_language_along,
            a_blocking_pool_takes_the_request_language_along,
            an_answer_keeps_the_language_it_was_made_in,
            a_middleware_of_the_users_keeps_its_answer,
        );
    };
    (@each $spawn:expr; $($case:ident,)*) => {
        $(
            #[tokio::test]
            async fn $case() {
                let base = $spawn.await;
                $crate::support::built::$case(&base).await;
            }
        )*
    };
}

/// Status, envelope, and `Content-Language` naming the language of the text.
fn assert_answer(
    reply: &(StatusCode, HeaderMap, Vec<u8>),
    status: StatusCode,
    code: &str,
    desc: &str,
    language: &str,
) {
    assert_error(reply, status, code, desc);
    assert_eq!(reply.1[CONTENT_LANGUAGE], language, "Content-Language");
    let vary: Vec<_> = reply.1.get_all(VARY).iter().collect();
    assert_eq!(vary, ["accept-language"], "Vary");
}

pub async fn every_place_keeps_the_code_and_the_text(base: &str) {
    for route in APP_NOT_FOUND_ROUTES {
        let reply = get_in_language(base, route, None).await;
        println!("built at {route}"); // shown with a failure: which place lost its answer
        assert_answer(&reply, StatusCode::NOT_FOUND, "10400", "应用7不存在", "zh");
    }
}

pub async fn a_spawned_task_keeps_another_catalogs_code(base: &str) {
    let reply = get_in_language(base, "/built/spawned-hero", None).await;
    assert_answer(&reply, StatusCode::NOT_FOUND, "2000", "用户不存在", "zh");
}

pub async fn a_spawned_task_takes_the_request_language_along(base: &str) {
    let reply = get_in_language(base, "/built/spawned-in-locale", Some("en")).await;
    let english = "App 7 does not exist";
    assert_answer(&reply, StatusCode::NOT_FOUND, "10400", english, "en");
}

pub async fn a_blocking_pool_takes_the_request_language_along(base: &str) {
    let reply = get_in_language(base, "/built/blocking-in-locale", Some("en")).await;
    let english = "App 7 does not exist";
    assert_answer(&reply, StatusCode::NOT_FOUND, "10400", english, "en");
}

/// Work handed to another task without its locale answers in the default one, and says
/// so: the answer is never relabelled.
pub async fn an_answer_keeps_the_language_it_was_made_in(base: &str) {
    let reply = get_in_language(base, "/built/spawned", Some("en")).await;
    assert_answer(&reply, StatusCode::NOT_FOUND, "10400", "应用7不存在", "zh");
    let reply = get_in_language(base, "/built/handler", Some("en")).await;
    let english = "App 7 does not exist";
    assert_answer(&reply, StatusCode::NOT_FOUND, "10400", english, "en");
}

pub async fn a_middleware_of_the_users_keeps_its_answer(base: &str) {
    let reply = get_in_language(base, "/built/middleware", Some("en")).await;
    assert_answer(
        &reply,
        StatusCode::UNAUTHORIZED,
        "10102",
        "Invalid token",
        "en",
    );
}
