//! Where an answer is built does not change it, on axum and on actix-web: the cases of
//! `support::built` against each framework's `/built/...` routes on a real socket.

mod support;

use support::built::UserError;
use support::cases::AppError;

/// The error every `/built/...` route answers, but two.
fn app_not_found() -> AppError {
    AppError::AppNotFound { id: 7 }
}

mod axum_routes {
    use std::convert::Infallible;

    use axum::Router;
    use axum::extract::Request;
    use axum::middleware::{self, Next};
    use axum::response::{IntoResponse, Response};
    use axum::routing::get;
    use hero_codes::axum::EnvelopeRouter;
    use hero_codes::{InLocale, ResultCode, current_locale, in_locale};

    use super::{AppError, UserError, app_not_found};

    async fn handler() -> Result<(), AppError> {
        Err(app_not_found())
    }

    async fn spawned() -> Response {
        tokio::spawn(async { app_not_found().into_response() })
            .await
            .expect("the task ends")
    }

    async fn spawned_hero() -> Response {
        tokio::spawn(async { UserError::UserNotFound.into_response() })
            .await
            .expect("the task ends")
    }

    async fn spawned_in_locale() -> Response {
        tokio::spawn(async { app_not_found().into_response() }.in_current_locale())
            .await
            .expect("the task ends")
    }

    async fn blocking() -> Response {
        tokio::task::spawn_blocking(|| app_not_found().into_response())
            .await
            .expect("the closure ends")
    }

    async fn blocking_in_locale() -> Response {
        let locale = current_locale();
        tokio::task::spawn_blocking(move || in_locale(locale, || app_not_found().into_response()))
            .await
            .expect("the closure ends")
    }

    async fn later_poll() -> Response {
        tokio::task::yield_now().await;
        app_not_found().into_response()
    }

    async fn before_await() -> Response {
        let answer = app_not_found().into_response();
        tokio::task::yield_now().await;
        answer
    }

    /// A user's middleware that refuses the request itself.
    async fn refuse(_request: Request, _next: Next) -> Response {
        AppError::InvalidToken.into_response()
    }

    pub fn app() -> Router {
        // Built in `call`, outside any poll of the layer's future.
        let service = tower::service_fn(|_request: Request| {
            let answer = app_not_found().into_response();
            async move { Ok::<_, Infallible>(answer) }
        });
        Router::new()
            .route("/built/handler", get(handler))
            .route("/built/spawned", get(spawned))
            .route("/built/spawned-hero", get(spawned_hero))
            .route("/built/spawned-in-locale", get(spawned_in_locale))
            .route("/built/blocking", get(blocking))
            .route("/built/blocking-in-locale", get(blocking_in_locale))
            .route("/built/later-poll", get(later_poll))
            .route("/built/before-await", get(before_await))
            .route_service("/built/service", service)
            .route(
                "/built/middleware",
                get(handler).layer(middleware::from_fn(refuse)),
            )
            .with_envelope::<ResultCode>()
    }

    crate::built_cases!(crate::support::spawn(app()));
}

mod actix_routes {
    use actix_web::body::MessageBody;
    use actix_web::dev::{ServiceRequest, ServiceResponse, fn_service};
    use actix_web::middleware::{Next, from_fn};
    use actix_web::{App, HttpResponse, ResponseError, web};
    use hero_codes::actix::EnvelopeApp;
    use hero_codes::{InLocale, ResultCode};

    use super::{AppError, UserError, app_not_found};

    async fn handler() -> Result<HttpResponse, AppError> {
        Err(app_not_found())
    }

    /// actix's tasks run on the thread that spawns them (`spawn_local`).
    async fn spawned() -> HttpResponse {
        actix_web::rt::spawn(async { app_not_found().error_response() })
            .await
            .expect("the task ends")
    }

    async fn spawned_hero() -> HttpResponse {
        actix_web::rt::spawn(async { UserError::UserNotFound.error_response() })
            .await
            .expect("the task ends")
    }

    async fn spawned_in_locale() -> HttpResponse {
        actix_web::rt::spawn(async { app_not_found().error_response() }.in_current_locale())
            .await
            .expect("the task ends")
    }

    /// An actix response cannot cross threads: the pool makes the error, the handler its
    /// answer, in the request's language (so `/built/blocking-in-locale` is this route too).
    async fn blocking() -> Result<HttpResponse, AppError> {
        let error = web::block(app_not_found).await.expect("the closure ends");
        Err(error)
    }

    async fn later_poll() -> HttpResponse {
        actix_web::rt::task::yield_now().await;
        app_not_found().error_response()
    }

    async fn before_await() -> HttpResponse {
        let answer = app_not_found().error_response();
        actix_web::rt::task::yield_now().await;
        answer
    }

    /// A user's middleware that refuses the request itself.
    async fn refuse(
        request: ServiceRequest,
        _next: Next<impl MessageBody>,
    ) -> Result<ServiceResponse, actix_web::Error> {
        Ok(request.into_response(AppError::InvalidToken.error_response()))
    }

    fn serve() -> String {
        crate::support::spawn_actix(|| {
            // Built in `call`, outside any poll of the middleware's future.
            let service = fn_service(|request: ServiceRequest| {
                let answer = request.into_response(app_not_found().error_response());
                async move { Ok::<_, actix_web::Error>(answer) }
            });
            App::new()
                .route("/built/handler", web::get().to(handler))
                .route("/built/spawned", web::get().to(spawned))
                .route("/built/spawned-hero", web::get().to(spawned_hero))
                .route("/built/spawned-in-locale", web::get().to(spawned_in_locale))
                .route("/built/blocking", web::get().to(blocking))
                .route("/built/blocking-in-locale", web::get().to(blocking))
                .route("/built/later-poll", web::get().to(later_poll))
                .route("/built/before-await", web::get().to(before_await))
                .service(web::service("/built/service").finish(service))
                .service(
                    web::resource("/built/middleware")
                        .wrap(from_fn(refuse))
                        .get(handler),
                )
                .with_envelope::<ResultCode>()
        })
    }

    crate::built_cases!(async { serve() });
}
