//! Every answer is recorded by its code, on axum and on actix-web alike, over a real
//! socket: the fields on the request's span (`RequestSpan` for tower-http's `TraceLayer`,
//! `observe::request_span` around an actix app) and, with the `metrics` feature, the
//! Prometheus counts scraped from a recorder, checked by `promtool` when it is installed
//! (in CI it must be).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use tracing::Subscriber;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing_subscriber::Layer;
use tracing_subscriber::layer::{Context, SubscriberExt};
use tracing_subscriber::registry::LookupSpan;

mod support;
use support::built::UserError;
use support::cases::AppError;
use support::get_path;
use support::prometheus::{answers, latency_count, promtool_accepts};

/// What each case answers: the path after the framework's prefix, then the status, the
/// catalog and the code the answer records, and whether it is an error.
const CASES: &[(&str, u16, &str, &str, bool)] = &[
    ("/ok", 200, "ResultCode", "0", false),
    ("/apps/7", 404, "ResultCode", "10400", true),
    ("/spawned-hero", 404, "HeroCode", "2000", true),
    ("/db", 500, "ResultCode", "10500", true),
    ("/panic", 500, "ResultCode", "10500", true),
    ("/no-such-route", 404, "ResultCode", "10400", true),
];

/// The recorded fields of each request span, by its `url.path`.
type Spans = Arc<Mutex<HashMap<String, HashMap<String, String>>>>;

/// The fields of spans named `request`, kept by path as they are recorded.
struct Capture(Spans);

struct Fields(HashMap<String, String>);

impl Visit for Fields {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0.insert(
            field.name().to_owned(),
            format!("{value:?}").replace('"', ""),
        );
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.insert(field.name().to_owned(), value.to_owned());
    }
}

impl<S: Subscriber + for<'a> LookupSpan<'a>> Layer<S> for Capture {
    fn on_new_span(&self, attributes: &Attributes<'_>, id: &Id, context: Context<'_, S>) {
        if attributes.metadata().name() != "request" {
            return;
        }
        let mut fields = Fields(HashMap::new());
        attributes.record(&mut fields);
        if let Some(span) = context.span(id) {
            span.extensions_mut().insert(fields);
        }
    }

    fn on_record(&self, id: &Id, values: &Record<'_>, context: Context<'_, S>) {
        let Some(span) = context.span(id) else { return };
        let mut extensions = span.extensions_mut();
        let Some(fields) = extensions.get_mut::<Fields>() else {
            return;
        };
        values.record(fields);
        if let Some(path) = fields.0.get("url.path") {
            let mut spans = self.0.lock().unwrap();
            spans.insert(path.clone(), fields.0.clone());
        }
    }
}

/// The process-wide subscriber and recorder, installed once for every test here.
fn observers() -> &'static (Spans, PrometheusHandle) {
    static OBSERVERS: OnceLock<(Spans, PrometheusHandle)> = OnceLock::new();
    OBSERVERS.get_or_init(|| {
        let spans = Spans::default();
        let subscriber = tracing_subscriber::registry().with(Capture(Arc::clone(&spans)));
        tracing::subscriber::set_global_default(subscriber).expect("one subscriber");
        let recorder = PrometheusBuilder::new().build_recorder();
        let handle = recorder.handle();
        metrics::set_global_recorder(recorder).expect("one recorder");
        (spans, handle)
    })
}

/// Both frameworks count into one recorder: one case list at a time.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

mod axum_app {
    use axum::Router;
    use axum::response::{IntoResponse, Response};
    use axum::routing::get;
    use hero_codes::ApiResponse;
    use hero_codes::ResultCode;
    use hero_codes::axum::{EnvelopeRouter, RequestSpan};
    use tower_http::trace::TraceLayer;

    use super::{AppError, UserError};

    async fn spawned_hero() -> Response {
        tokio::spawn(async { UserError::UserNotFound.into_response() })
            .await
            .expect("the task ends")
    }

    pub fn app(prefix: &str) -> Router {
        Router::new()
            .route(
                &format!("{prefix}/ok"),
                get(|| async { ApiResponse::<_>::ok(1) }),
            )
            .route(
                &format!("{prefix}/apps/7"),
                get(|| async { AppError::AppNotFound { id: 7 } }),
            )
            .route(&format!("{prefix}/spawned-hero"), get(spawned_hero))
            .route(
                &format!("{prefix}/db"),
                get(|| async { AppError::from(std::io::Error::other("disk")) }),
            )
            .route(
                &format!("{prefix}/panic"),
                get(|| async {
                    if true {
                        panic!("observed");
                    }
                }),
            )
            .with_envelope::<ResultCode>()
            .layer(TraceLayer::new_for_http().make_span_with(RequestSpan))
    }
}

mod actix_app {
    use actix_web::dev::Service;
    use actix_web::{App, HttpResponse, ResponseError, web};
    use hero_codes::actix::EnvelopeApp;
    use hero_codes::{ApiResponse, ResultCode};
    use tracing::Instrument;

    use super::{AppError, UserError};

    async fn ok() -> ApiResponse<u32> {
        ApiResponse::ok(1)
    }

    async fn not_found() -> Result<HttpResponse, AppError> {
        Err(AppError::AppNotFound { id: 7 })
    }

    async fn spawned_hero() -> HttpResponse {
        actix_web::rt::spawn(async { UserError::UserNotFound.error_response() })
            .await
            .expect("the task ends")
    }

    async fn db() -> Result<HttpResponse, AppError> {
        Err(std::io::Error::other("disk").into())
    }

    async fn panics() -> HttpResponse {
        panic!("observed");
    }

    pub fn serve(prefix: &'static str) -> String {
        crate::support::spawn_actix(move || {
            App::new()
                .route(&format!("{prefix}/ok"), web::get().to(ok))
                .route(&format!("{prefix}/apps/7"), web::get().to(not_found))
                .route(
                    &format!("{prefix}/spawned-hero"),
                    web::get().to(spawned_hero),
                )
                .route(&format!("{prefix}/db"), web::get().to(db))
                .route(&format!("{prefix}/panic"), web::get().to(panics))
                .with_envelope::<ResultCode>()
                .wrap_fn(|request, service| {
                    let span = hero_codes::observe::request_span(
                        request.method().as_str(),
                        request.path(),
                    );
                    service.call(request).instrument(span)
                })
        })
    }
}

/// The fields recorded on the span of `path`, once its answer is recorded.
async fn span_fields(spans: &Spans, path: &str) -> HashMap<String, String> {
    for _ in 0..100 {
        let recorded = spans.lock().unwrap().get(path).cloned();
        if let Some(fields) = recorded.filter(|fields| fields.contains_key("hero_codes.code")) {
            return fields;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("no answer recorded on the span of {path}");
}

/// Every case against the server at `base`, its paths under `prefix`: the span of each
/// says its answer, and each answer is counted once.
async fn assert_every_answer_recorded(base: &str, prefix: &str) {
    let (spans, metrics) = observers();
    let before = metrics.render();
    for (path, status, catalog, code, error) in CASES {
        let path = format!("{prefix}{path}");
        let reply = get_path(base, &path).await;
        assert_eq!(reply.0.as_u16(), *status, "{path}");
        let fields = span_fields(spans, &path).await;
        assert_eq!(
            fields["http.response.status_code"],
            status.to_string(),
            "{path}"
        );
        assert_eq!(fields["hero_codes.catalog"], *catalog, "{path}");
        assert_eq!(fields["hero_codes.code"], *code, "{path}");
        assert_eq!(
            fields.get("error.type").map(String::as_str),
            error.then_some(*code),
            "{path}"
        );
    }
    hero_codes::metrics::flush();
    let after = metrics.render();
    let mut expected: HashMap<(&str, &str, u16), f64> = HashMap::new();
    for (_, status, catalog, code, _) in CASES {
        *expected.entry((catalog, code, *status)).or_default() += 1.0;
    }
    for ((catalog, code, status), count) in expected {
        let counted =
            answers(&after, catalog, code, status) - answers(&before, catalog, code, status);
        assert_eq!(counted, count, "{catalog} {code} {status}:\n{after}");
    }
    // The latency is by the code's catalog and class: one success, five errors, two of
    // them 5xx, one in HeroCode.
    let classes = [
        ("ResultCode", "success", 1.0),
        ("ResultCode", "client", 2.0),
        ("HeroCode", "client", 1.0),
        ("ResultCode", "server", 2.0),
    ];
    for (catalog, class, count) in classes {
        let measured =
            latency_count(&after, catalog, class) - latency_count(&before, catalog, class);
        assert_eq!(measured, count, "{catalog} {class}:\n{after}");
    }
    promtool_accepts(&after);
}

#[tokio::test]
async fn axum_records_every_answer_by_its_code() {
    observers();
    let _turn = ONE_AT_A_TIME.lock().await;
    let base = support::spawn(axum_app::app("/axum")).await;
    assert_every_answer_recorded(&base, "/axum").await;
}

#[tokio::test]
async fn actix_records_every_answer_by_its_code() {
    observers();
    let _turn = ONE_AT_A_TIME.lock().await;
    let base = actix_app::serve("/actix");
    assert_every_answer_recorded(&base, "/actix").await;
}
