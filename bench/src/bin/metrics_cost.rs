//! What counting answers costs a whole request: the demo's error route
//! (`GET /api/tracker/apps/999`, code 10400) served by the demo built with the `metrics`
//! feature, a Prometheus recorder installed and every answer counted, against the same
//! demo built without the feature. Both open each request's span ([`RequestSpan`]) and
//! record the answer's status and code on it, and log at `info` as the demo does.
//!
//! ```sh
//! cargo run --release -p hero-codes-bench --bin metrics_cost [-- ROUNDS [SECONDS]]
//! cargo run --release -p hero-codes-bench --bin metrics_cost -- instructions [REQUESTS]
//! ```
//!
//! The program first builds the demo twice (`cargo build --release --example demo`, with
//! and without `--features metrics`) and keeps both binaries in `target/metrics-cost/`. It
//! then loads both with `wrk` in alternating rounds (default 5 of 4 s) and prints the
//! ratio; with `instructions`, it counts each demo's instructions per request with
//! callgrind instead (REQUESTS defaults to 20,000).
//!
//! [`RequestSpan`]: hero_codes::axum::RequestSpan

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use hero_codes_bench::loopback::{
    Run, Server, alternating_rounds, free_port, instructions_per_request, report_rates,
    require_wrk, wait_for,
};

/// The demo's route that answers a derived error: no app has id 999.
const ERROR_ROUTE: &str = "/api/tracker/apps/999";

/// The two demos: (label, cargo features).
const SIDES: [(&str, &[&str]); 2] = [
    ("demo, `metrics` feature off", &[]),
    (
        "demo, `metrics` on, recorder installed",
        &["--features", "metrics"],
    ),
];

fn main() {
    let run = Run::from_args(std::env::args().skip(1));
    let demos = build_demos();
    let (rounds, seconds) = match run {
        Run::Instructions { requests } => return count_instructions(&demos, requests),
        Run::Wrk { rounds, seconds } => (rounds, seconds),
    };
    require_wrk();
    let ports = [free_port(), free_port()];
    let _servers: Vec<Server> = demos
        .iter()
        .zip(ports)
        .map(|(demo, port)| Server(demo_command(demo, port).spawn().expect("start a demo")))
        .collect();
    ports.into_iter().for_each(wait_for);
    let urls: Vec<String> = ports
        .iter()
        .map(|port| format!("http://127.0.0.1:{port}{ERROR_ROUTE}"))
        .collect();
    let rates = alternating_rounds(&urls, rounds, seconds);
    println!("\nwrk -t1 -c32, {rounds} alternating rounds of {seconds} s\n");
    let labels = SIDES.map(|(label, _)| label);
    report_rates(&labels, &rates, &[("metrics on / off", 1, 0, 0.97)]);
}

/// Builds the demo once per side; the paths of the two binaries.
fn build_demos() -> Vec<PathBuf> {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("bench is in the workspace");
    let kept = workspace.join("target/metrics-cost");
    std::fs::create_dir_all(&kept).expect("create target/metrics-cost");
    SIDES
        .iter()
        .enumerate()
        .map(|(index, (label, features))| {
            println!("building the {label}");
            let status = Command::new(env!("CARGO"))
                .args([
                    "build",
                    "--quiet",
                    "--release",
                    "-p",
                    "hero-codes",
                    "--example",
                    "demo",
                ])
                .args(*features)
                .current_dir(workspace)
                .status()
                .expect("run cargo");
            assert!(status.success(), "building the {label} failed");
            let demo = kept.join(format!("demo-{index}"));
            std::fs::copy(workspace.join("target/release/examples/demo"), &demo)
                .expect("keep the demo binary");
            demo
        })
        .collect()
}

/// The command that runs `demo` on `port`, its output discarded.
fn demo_command(demo: &Path, port: u16) -> Command {
    let mut command = Command::new(demo);
    command
        .env("PORT", port.to_string())
        .env("RUST_LOG", "info")
        .stdin(Stdio::null())
        .stdout(Stdio::null());
    command
}

/// Prints each demo's instructions per request of the error route, and their ratio.
fn count_instructions(demos: &[PathBuf], requests: u64) {
    println!("\ninstructions of the demo per request of {ERROR_ROUTE} (callgrind)\n");
    println!("| side | instructions per request |");
    println!("|---|---:|");
    let counts: Vec<f64> = demos
        .iter()
        .zip(SIDES)
        .map(|(demo, (label, _))| {
            let per_request =
                instructions_per_request(|port| demo_command(demo, port), ERROR_ROUTE, requests);
            println!("| {label} | {per_request:.0} |");
            per_request
        })
        .collect();
    println!("\n| comparison | instructions, on / off |");
    println!("|---|---:|");
    println!("| metrics on / off | {:.3} |", counts[1] / counts[0]);
}
