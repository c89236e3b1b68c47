//! A quiet service's answers reach the recorder without a flush: the envelope layer
//! batches what each thread records (`hero_codes::metrics`), and a background thread hands
//! a batch that is not full over within a second. Its own process, so that no other
//! test's `flush` hands it over instead.

use std::time::{Duration, Instant};

use axum::Router;
use axum::routing::get;
use hero_codes::ResultCode;
use hero_codes::axum::EnvelopeRouter;
use metrics_exporter_prometheus::PrometheusBuilder;

mod support;
use support::prometheus::{answers, latency_count};

#[tokio::test]
async fn one_answer_is_counted_within_a_few_seconds_with_no_flush() {
    let recorder = PrometheusBuilder::new().build_recorder();
    let prometheus = recorder.handle();
    metrics::set_global_recorder(recorder).expect("one recorder");
    let app = Router::new()
        .route("/gone", get(|| async { ResultCode::NotFound }))
        .with_envelope::<ResultCode>();
    let base = support::spawn(app).await;

    let (status, _, _) = support::get_path(&base, "/gone").await;
    assert_eq!(status.as_u16(), 404);

    let asked = Instant::now();
    let counted = |text: &str| {
        (
            answers(text, "ResultCode", "10400", 404),
            latency_count(text, "ResultCode", "client"),
        )
    };
    while counted(&prometheus.render()) != (1.0, 1.0) {
        assert!(
            asked.elapsed() < Duration::from_secs(5),
            "not counted 5 s after the answer:\n{}",
            prometheus.render()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
