//! Answers held by the thread that recorded them and handed to the recorder in batches.
//!
//! A code's counter and its class's histogram are shared by every worker thread, and
//! writing them (an atomic add; for `metrics-exporter-prometheus`'s histogram, a push onto
//! a lock-free list of samples) moves their cache lines between cores at every answer
//! (BENCHMARKS.md, "Counting answers", has the measurements). So each thread keeps its
//! answers in a buffer of its own, behind a lock that only a flush ever contends for, and
//! hands them over in a batch:
//!
//! - itself, every [`BATCH`] answers, which bounds what a busy thread holds;
//! - from a background thread, every [`AT_MOST_LATE`], so that a quiet service's figures
//!   are never later than that;
//! - at [`flush`](super::flush), which a scrape calls for exact figures.
//!
//! A thread that ends leaves its answers for the next flush.

use std::sync::{Arc, Mutex, Once};
use std::time::Duration;

use super::{Handles, lock};

/// The answers a thread holds before it hands them over itself.
const BATCH: usize = 128;

/// How long an answer waits at most (with the background thread running) before it
/// reaches the recorder.
const AT_MOST_LATE: Duration = Duration::from_secs(1);

/// One thread's answers: the handles of each answer's code, and its latency in seconds.
type Pending = Mutex<Vec<(&'static Handles, f64)>>;

/// A thread's [`Pending`] alone on its cache lines: two threads' locks side by side in
/// memory would move the line between their cores at every answer, the very cost that
/// batching avoids.
#[repr(align(128))]
struct Padded(Pending);

/// The pending answers of every thread that has recorded one, for [`flush`].
static THREADS: Mutex<Vec<Arc<Padded>>> = Mutex::new(Vec::new());

/// The answers of threads that have ended, for the next [`flush`]: a thread that ends
/// does not hand them over itself, since recording may use thread-locals of the
/// recorder's that are already gone.
static LEFT_BEHIND: Pending = Mutex::new(Vec::new());

/// A thread's own buffer: registered in [`THREADS`] at the thread's first answer, left
/// behind and unregistered when the thread ends.
struct ThreadBatch(Arc<Padded>);

thread_local! {
    static BATCH_OF_THIS_THREAD: ThreadBatch = ThreadBatch::register();
}

impl ThreadBatch {
    fn register() -> Self {
        start_background_flush();
        let pending = Arc::new(Padded(Mutex::new(Vec::with_capacity(BATCH))));
        lock(&THREADS).push(Arc::clone(&pending));
        ThreadBatch(pending)
    }
}

impl Drop for ThreadBatch {
    fn drop(&mut self) {
        lock(&THREADS).retain(|pending| !Arc::ptr_eq(pending, &self.0));
        lock(&LEFT_BEHIND).append(&mut lock(&self.0.0));
    }
}

/// Records an answer of the code of `handles`, `seconds` after its request came in,
/// through this thread's batch.
pub(super) fn record(handles: &'static Handles, seconds: f64) {
    let batched = BATCH_OF_THIS_THREAD.try_with(|batch| {
        let mut pending = lock(&batch.0.0);
        pending.push((handles, seconds));
        if pending.len() >= BATCH {
            hand_over(&mut pending);
        }
    });
    // A thread being torn down has no batch any more.
    if batched.is_err() {
        lock(&LEFT_BEHIND).push((handles, seconds));
    }
}

/// Hands every thread's pending answers to the recorder.
pub(super) fn flush() {
    for pending in lock(&THREADS).iter() {
        hand_over(&mut lock(&pending.0));
    }
    hand_over(&mut lock(&LEFT_BEHIND));
}

fn hand_over(pending: &mut Vec<(&'static Handles, f64)>) {
    for (handles, seconds) in pending.drain(..) {
        handles.hand_over(seconds);
    }
}

/// Starts, once per process, the thread that flushes every [`AT_MOST_LATE`]. Without it
/// (a process that cannot start threads), answers still arrive by batch and by `flush`.
fn start_background_flush() {
    static STARTED: Once = Once::new();
    STARTED.call_once(|| {
        let _ = std::thread::Builder::new()
            .name("hero-codes-metrics".to_owned())
            .spawn(|| {
                loop {
                    std::thread::sleep(AT_MOST_LATE);
                    flush();
                }
            });
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::observe::{CodeIdentity, identity};
    use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusRecorder};

    /// The handles of a code of its own catalog `catalog`, registered with `recorder`.
    fn handles(recorder: &PrometheusRecorder, catalog: &'static str) -> &'static Handles {
        let code: &'static CodeIdentity = Box::leak(Box::new(identity(
            catalog,
            "10400",
            404,
            false,
            5,
            "NOT_FOUND",
            catalog,
        )));
        metrics::with_local_recorder(recorder, || super::super::registry::handles(code))
    }

    /// The answers `recorder` has counted, and the latencies it has, of `catalog`.
    fn figures(recorder: &PrometheusRecorder, catalog: &str) -> (usize, usize) {
        let text = recorder.handle().render();
        let value = |metric: &str| -> usize {
            let prefix = format!("{metric}{{catalog=\"{catalog}\"");
            text.lines()
                .filter(|line| line.starts_with(&prefix))
                .filter_map(|line| line.rsplit_once(' ')?.1.parse::<usize>().ok())
                .sum()
        };
        (
            value(super::super::ANSWERS),
            value(&format!("{}_count", super::super::LATENCY)),
        )
    }

    #[test]
    fn a_full_batch_and_a_flush_hand_every_answer_over() {
        let recorder = PrometheusBuilder::new().build_recorder();
        let code = handles(&recorder, "Batched");
        for _ in 0..BATCH {
            record(code, 0.5);
        }
        assert_eq!(figures(&recorder, "Batched"), (BATCH, BATCH));
        record(code, 0.25);
        flush();
        assert_eq!(figures(&recorder, "Batched"), (BATCH + 1, BATCH + 1));
    }

    #[test]
    fn an_ended_threads_answers_arrive_at_the_next_flush() {
        let recorder = PrometheusBuilder::new().build_recorder();
        let code = handles(&recorder, "Ended");
        std::thread::spawn(move || record(code, 0.5))
            .join()
            .unwrap();
        flush();
        assert_eq!(figures(&recorder, "Ended"), (1, 1));
    }
}
