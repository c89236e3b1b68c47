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
//! first answer; later answers increment them, with no label formatted or hashed.

use std::sync::Mutex;
use std::time::Duration;

use http::StatusCode;
use metrics::{Counter, Histogram, counter, histogram};

use crate::observe::CodeIdentity;

/// The counter of answers: `hero_codes_answers_total{catalog, code, status}`.
pub const ANSWERS: &str = "hero_codes_answers_total";

/// The histogram of handler latency in seconds:
/// `hero_codes_handler_duration_seconds{catalog, class}`.
pub const LATENCY: &str = "hero_codes_handler_duration_seconds";

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

    fn count(&self, identity: &CodeIdentity, status: u16) {
        if status == identity.status() {
            return self.answers.increment(1);
        }
        let mut others = self
            .other_statuses
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
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

/// Counts an answer and records its latency.
pub(crate) fn record(identity: &'static CodeIdentity, status: StatusCode, elapsed: Duration) {
    let handles = identity.handles.get_or_init(|| Handles::register(identity));
    handles.count(identity, status.as_u16());
    handles.latency.record(elapsed.as_secs_f64());
}
