//! Answers counted by code, and the handler's latency by code class, on the
//! [`metrics`](https://docs.rs/metrics) facade (feature `metrics`): install a recorder,
//! such as `metrics-exporter-prometheus`, before the first request, and every envelope
//! layer (axum's and actix-web's) records into it.
//!
//! - [`ANSWERS`] `hero_codes_answers_total{catalog, code, status}`: a counter per code and
//!   the status it answered with;
//! - [`LATENCY`] `hero_codes_handler_duration_seconds{catalog, class}`: a histogram of
//!   the time from the request reaching the layer to its answer, per code class
//!   (`success`, `client`, `server`).
//!
//! Label values come from the catalog only (a code no catalog generated is `unknown`), so
//! the number of series is bounded by the file. Each code registers its handles at its
//! first answer; later answers find them by the address of the code's identity and
//! increment them, with no label formatted or hashed.
//!
//! What a thread records reaches the recorder in batches: each thread holds its answers
//! until it has 128, or until a background thread hands them over (at most a second
//! later), because every worker writing the same counter and histogram at every answer
//! costs a request several per cent of its time. [`flush`] hands everything over: call it
//! before rendering, as the demo's `GET /metrics` does, for figures exact to the last
//! answer.

use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use http::StatusCode;
use metrics::{Counter, Histogram, counter, histogram};

use crate::observe::CodeIdentity;

mod batch;
mod registry;

/// The counter of answers: `hero_codes_answers_total{catalog, code, status}`.
pub const ANSWERS: &str = "hero_codes_answers_total";

/// The histogram of handler latency in seconds:
/// `hero_codes_handler_duration_seconds{catalog, class}`.
pub const LATENCY: &str = "hero_codes_handler_duration_seconds";

/// Bucket bounds in seconds for [`LATENCY`], from half a millisecond to ten seconds: give
/// them to a recorder that keeps buckets, so that Prometheus gets a histogram it can
/// aggregate over instances (`histogram_quantile`), rather than a summary of quantiles
/// per process. `metrics-exporter-prometheus` also folds samples into buckets at a small
/// fraction of what a summary's sketch costs.
///
/// ```
/// use hero_codes::metrics::{LATENCY, LATENCY_BUCKETS};
/// use metrics_exporter_prometheus::{Matcher, PrometheusBuilder};
///
/// let builder = PrometheusBuilder::new()
///     .set_buckets_for_metric(Matcher::Full(LATENCY.to_owned()), LATENCY_BUCKETS)
///     .expect("bounds");
/// # let _ = builder;
/// ```
pub const LATENCY_BUCKETS: &[f64] = &[
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// A code's registered handles: its counter for its own status, its latency histogram,
/// and the counters of the other statuses it answered with (a failure that HTTP answers
/// with 405, 413 or 415, whatever the code's own status): few, found by a short scan.
#[derive(Debug)]
pub(crate) struct Handles {
    answers: Counter,
    latency: Histogram,
    other_statuses: Mutex<Vec<(u16, Counter)>>,
}

impl Handles {
    fn register(identity: &CodeIdentity) -> Self {
        describe();
        Handles {
            answers: answers_counter(identity, identity.status()),
            latency: histogram!(
                LATENCY,
                "catalog" => identity.catalog(),
                "class" => identity.class().label()
            ),
            other_statuses: Mutex::new(Vec::new()),
        }
    }

    /// Counts an answer of the code's own status and records its latency: what a
    /// batch hands over.
    fn hand_over(&self, seconds: f64) {
        self.answers.increment(1);
        self.latency.record(seconds);
    }

    /// Counts an answer with a status other than the code's own, at once: rare enough
    /// not to be batched.
    fn count_other_status(&self, identity: &CodeIdentity, status: u16) {
        let mut others = lock(&self.other_statuses);
        match others.iter().find(|(known, _)| *known == status) {
            Some((_, counter)) => counter.increment(1),
            None => {
                let counter = answers_counter(identity, status);
                counter.increment(1);
                others.push((status, counter));
            }
        }
    }
}

/// A lock of the metrics: what it guards stays valid whatever panicked while holding it.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Tells the recorder what the two metrics are (Prometheus' `# HELP` and unit), once.
fn describe() {
    static DESCRIBED: std::sync::Once = std::sync::Once::new();
    DESCRIBED.call_once(|| {
        metrics::describe_counter!(ANSWERS, "Answers sent, by catalog, code and HTTP status.");
        metrics::describe_histogram!(
            LATENCY,
            metrics::Unit::Seconds,
            "Time from a request reaching the envelope layer to its answer, by catalog and code class."
        );
    });
}

fn answers_counter(identity: &CodeIdentity, status: u16) -> Counter {
    counter!(
        ANSWERS,
        "catalog" => identity.catalog(),
        "code" => identity.code(),
        "status" => status.to_string()
    )
}

/// Hands every answer that threads still hold to the recorder: call it before rendering
/// the recorder's figures, so that they count the last answers.
///
/// ```no_run
/// use axum::{Router, routing::get};
/// use metrics_exporter_prometheus::PrometheusBuilder;
///
/// let recorder = PrometheusBuilder::new().build_recorder();
/// let prometheus = recorder.handle();
/// metrics::set_global_recorder(recorder).expect("the only recorder");
/// let scrape = get(move || async move {
///     hero_codes::metrics::flush();
///     prometheus.render()
/// });
/// let app: Router = Router::new().route("/metrics", scrape);
/// ```
pub fn flush() {
    batch::flush();
}

/// Counts an answer and records its latency.
pub(crate) fn record(identity: &'static CodeIdentity, status: StatusCode, elapsed: Duration) {
    let handles = registry::handles(identity);
    let seconds = elapsed.as_secs_f64();
    if status.as_u16() == identity.status() {
        batch::record(handles, seconds);
    } else {
        handles.count_other_status(identity, status.as_u16());
        handles.latency.record(seconds);
    }
}
