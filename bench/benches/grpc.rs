//! gRPC answers: a derived error converted into `tonic::Status` (code, message, `ErrorInfo`
//! and `LocalizedMessage` in `grpc-status-details-bin`) against the same `Status` with the
//! same details built by hand (target: at most 1.10), and, for information, against a bare
//! `Status::not_found(msg)`, which carries no details. Timed in interleaved rounds, as
//! `runtime.rs` does, so that the ratio does not move with the machine's drift.
//! `cargo bench -p hero-codes-bench --bench grpc` (see BENCHMARKS.md).

use std::collections::HashMap;
use std::hint::black_box;

use criterion::Criterion;
use hero_codes_bench::{AppError, rounds};
use tonic::{Code, Status};
use tonic_types::{ErrorDetails, StatusExt};

const DESC: &str = "所请求的资源不存在";

fn derived() -> Status {
    Status::from(black_box(AppError::NotFound))
}

/// What a service writes without hero-codes to send the same details.
fn hand_built() -> Status {
    let mut metadata = HashMap::with_capacity(1);
    metadata.insert("code".to_owned(), "10400".to_owned());
    let mut details = ErrorDetails::new();
    details.set_error_info("NOT_FOUND", "ResultCode", metadata);
    details.set_localized_message("zh", DESC);
    Status::with_error_details(Code::NotFound, black_box(DESC), details)
}

fn bare() -> Status {
    Status::not_found(black_box(DESC))
}

type Op = fn() -> Status;

/// The medians, in ns, of `ours` and `baseline` timed in alternating rounds.
fn interleaved(ours: Op, baseline: Op) -> (f64, f64) {
    rounds::interleaved(41, 50_000, ours, baseline, |op: Op| {
        black_box(op());
    })
}

fn main() {
    // The two carry the same bytes: the comparison is of equals.
    let (ours, hand) = (derived(), hand_built());
    assert_eq!((ours.code(), ours.message()), (hand.code(), hand.message()));
    assert_eq!(ours.details(), hand.details());

    let mut criterion = Criterion::default().configure_from_args();
    let mut group = criterion.benchmark_group("grpc_status");
    for (name, op) in [
        ("derived", derived as Op),
        ("hand_built", hand_built),
        ("bare", bare),
    ] {
        group.bench_function(name, |b| b.iter(op));
    }
    group.finish();

    println!("\nInterleaved rounds (median of 41), ours against the baseline:\n");
    println!("| comparison | ours (ns) | baseline (ns) | ratio | target |");
    println!("|---|---:|---:|---:|---|");
    for (name, baseline, target) in [
        (
            "derived error -> Status vs the same Status built by hand",
            hand_built as Op,
            "<= 1.10",
        ),
        (
            "derived error -> Status vs bare Status::not_found",
            bare,
            "info",
        ),
    ] {
        let (ours_ns, baseline_ns) = interleaved(derived, baseline);
        println!(
            "| {name} | {ours_ns:.1} | {baseline_ns:.1} | {:.3} | {target} |",
            ours_ns / baseline_ns
        );
    }
}
