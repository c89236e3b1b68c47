//! Whole requests over loopback, as a user feels them: the same answer served by a bare
//! axum app and by one under the envelope layer, loaded by `wrk` in alternating rounds.
//!
//! ```sh
//! cargo run --release -p hero-codes-bench --bin whole_request [-- ROUNDS [SECONDS]]
//! ```
//!
//! Four comparisons, each printed as the ratio of the medians of requests per second:
//!
//! - **derived error**: `Err(AppError::NotFound)` under the envelope layer of `ResultCode`
//!   against the same bytes (status, headers, body) written by hand in a bare handler,
//!   with no layer. The program first checks that the answers are byte-equal but for
//!   `Date`.
//! - **hello-world**: `"Hello, World!"` under the layer against the same handler bare.
//!
//! Each with the layer wrapped around the whole router
//! (`EnvelopeLayer::new().around(router)`, served with `into_make_service`, as axum wraps
//! middleware that must see every request) and added by `.with_envelope()`
//! (`Router::layer`, which axum applies to each route).
//!
//! The server is this program started again with `serve`: one Tokio thread serves the
//! three apps (bare, wrapped, layered), on three ports of 127.0.0.1. `wrk` (Debian's `wrk`
//! package) loads one route at a time with 1 thread and 32 connections for SECONDS
//! (default 4) per round; each round (default 5) runs every side once, the order reversed
//! every other round so that no side always runs first. Every loop is bounded in time,
//! and the server is killed at the end.
//!
//! Times on a shared machine move with its load; instructions do not. With `instructions`
//! the program counts, with `valgrind --tool=callgrind`, the server's instructions per
//! request of each side instead (the difference between a run of REQUESTS, default 20,000,
//! and one of a tenth as many, sent one after the other on one connection):
//!
//! ```sh
//! cargo run --release -p hero-codes-bench --bin whole_request -- instructions [REQUESTS]
//! ```

use std::future::IntoFuture;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::response::Response;
use axum::routing::get;
use axum::{Router, ServiceExt};
use hero_codes::ResultCode;
use hero_codes::axum::{EnvelopeLayer, EnvelopeRouter};
use hero_codes_bench::loopback::{
    Run, Server, alternating_rounds, free_port, instructions_per_request, report_rates,
    require_wrk, wait_for,
};
use http::StatusCode;
use http::header::{CONTENT_LANGUAGE, CONTENT_TYPE, HeaderValue, VARY};

/// The derived error's answer, written by hand: what a person who knows the bytes sends.
const NOT_FOUND: &[u8] =
    r#"{"result":false,"result_code":"10400","result_desc":"所请求的资源不存在"}"#.as_bytes();

/// The three apps the server serves, each on a port of its own.
#[derive(Clone, Copy)]
enum App {
    /// No layer.
    Bare,
    /// `EnvelopeLayer` wrapped around the whole router.
    Wrapped,
    /// `.with_envelope()`: `Router::layer`, on each route.
    Layered,
}

/// One side of a comparison: which app, which route.
struct Side {
    label: &'static str,
    app: App,
    path: &'static str,
}

const SIDES: [Side; 6] = [
    Side {
        label: "derived error, hand-written bytes, no layer",
        app: App::Bare,
        path: "/error",
    },
    Side {
        label: "derived error, EnvelopeLayer around the router",
        app: App::Wrapped,
        path: "/error",
    },
    Side {
        label: "derived error, .with_envelope() (Router::layer)",
        app: App::Layered,
        path: "/error",
    },
    Side {
        label: "hello-world, no layer",
        app: App::Bare,
        path: "/hello",
    },
    Side {
        label: "hello-world, EnvelopeLayer around the router",
        app: App::Wrapped,
        path: "/hello",
    },
    Side {
        label: "hello-world, .with_envelope() (Router::layer)",
        app: App::Layered,
        path: "/hello",
    },
];

/// The comparisons: (ours, baseline) as indexes into [`SIDES`], and the target ratio.
const RATIOS: [(&str, usize, usize, f64); 4] = [
    (
        "derived error, layer around the router / hand-written bytes",
        1,
        0,
        0.97,
    ),
    ("hello-world, layer around the router / bare", 4, 3, 0.97),
    (
        "derived error, .with_envelope() / hand-written bytes",
        2,
        0,
        0.97,
    ),
    ("hello-world, .with_envelope() / bare", 5, 3, 0.97),
];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [first, ports @ ..] = args.as_slice()
        && first == "serve"
    {
        let ports: Vec<u16> = ports
            .iter()
            .map(|port| port.parse().expect("a port"))
            .collect();
        return serve(ports.try_into().expect("three ports"));
    }
    let (rounds, seconds) = match Run::from_args(args.into_iter()) {
        Run::Instructions { requests } => return count_instructions(requests),
        Run::Wrk { rounds, seconds } => (rounds, seconds),
    };
    require_wrk();

    let ports = [free_port(), free_port(), free_port()];
    let _server = Server(
        Command::new(std::env::current_exe().expect("this program"))
            .arg("serve")
            .args(ports.map(|port| port.to_string()))
            .stdin(Stdio::piped())
            .spawn()
            .expect("start the server"),
    );
    let url = |side: &Side| format!("http://127.0.0.1:{}{}", ports[side.app as usize], side.path);
    for port in ports {
        wait_for(port);
    }
    same_bytes(ports, "/error");
    same_bytes(ports, "/hello");

    let urls: Vec<String> = SIDES.iter().map(url).collect();
    let rates = alternating_rounds(&urls, rounds, seconds);
    println!("\nwrk -t1 -c32, {rounds} alternating rounds of {seconds} s, server on one thread\n");
    let labels: Vec<&str> = SIDES.iter().map(|side| side.label).collect();
    report_rates(&labels, &rates, &RATIOS);
}

/// Panics unless the apps answer `path` with the same bytes but for `Date`.
fn same_bytes(ports: [u16; 3], path: &str) {
    let [bare, wrapped, layered] = ports.map(|port| answer_without_date(port, path));
    for (enveloped, how) in [
        (wrapped, "around the router"),
        (layered, "by Router::layer"),
    ] {
        assert_eq!(
            bare, enveloped,
            "{path}: the layer {how} must answer the bytes of the bare app"
        );
    }
    println!(
        "{path}: the three apps answer the same {} bytes",
        bare.len()
    );
}

/// The whole answer to `GET path`, its `Date` line taken out.
fn answer_without_date(port: u16, path: &str) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .expect("a timeout");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .expect("send a request");
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).expect("read the answer");
    String::from_utf8(answer)
        .expect("a UTF-8 answer")
        .split("\r\n")
        .filter(|line| !line.to_ascii_lowercase().starts_with("date:"))
        .collect::<Vec<_>>()
        .join("\r\n")
}

/// The three apps, on one Tokio thread, on `ports` in the order of [`App`]. The server
/// exits when its standard input closes (or has nothing to read).
fn serve(ports: [u16; 3]) {
    std::thread::spawn(|| {
        let _ = std::io::stdin().read_to_end(&mut Vec::new());
        std::process::exit(0);
    });
    let bare_app = Router::new()
        .route("/hello", get(|| async { "Hello, World!" }))
        .route("/error", get(|| async { hand_written_not_found() }));
    let routes = || {
        Router::new()
            .route("/hello", get(|| async { "Hello, World!" }))
            .route(
                "/error",
                get(|| async { Err::<(), _>(hero_codes_bench::AppError::NotFound) }),
            )
    };
    let wrapped_app = EnvelopeLayer::<ResultCode>::new().around(routes());
    let layered_app = routes().with_envelope::<ResultCode>();
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a Tokio runtime")
        .block_on(async {
            let listen = |port: u16| async move {
                tokio::net::TcpListener::bind(("127.0.0.1", port))
                    .await
                    .expect("bind")
            };
            let [bare, wrapped, layered] = ports;
            let bare = axum::serve(listen(bare).await, bare_app);
            let wrapped = axum::serve(
                listen(wrapped).await,
                ServiceExt::<Request>::into_make_service(wrapped_app),
            );
            let layered = axum::serve(listen(layered).await, layered_app);
            let (bare, wrapped, layered) = tokio::join!(
                bare.into_future(),
                wrapped.into_future(),
                layered.into_future()
            );
            bare.and(wrapped).and(layered).expect("serve");
        });
}

/// The bytes of the derived error's answer, built the fastest way by hand.
fn hand_written_not_found() -> Response {
    let mut response = Response::new(Body::from(Bytes::from_static(NOT_FOUND)));
    *response.status_mut() = StatusCode::NOT_FOUND;
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    headers.insert(CONTENT_LANGUAGE, HeaderValue::from_static("zh"));
    headers.insert(VARY, HeaderValue::from_static("accept-language"));
    response
}

/// Prints the server's instructions per request of each side, counted by callgrind.
fn count_instructions(requests: u64) {
    println!("\ninstructions of the server per request (callgrind)\n");
    println!("| side | instructions per request |");
    println!("|---|---:|");
    let this = std::env::current_exe().expect("this program");
    let counts: Vec<f64> = SIDES
        .iter()
        .map(|side| {
            // The three apps run; the side's port is the one given, the others free ones.
            let server = |port: u16| {
                let mut ports = [free_port(), free_port(), free_port()];
                ports[side.app as usize] = port;
                let mut command = Command::new(&this);
                command
                    .arg("serve")
                    .args(ports.map(|port| port.to_string()));
                command
            };
            let per_request = instructions_per_request(server, side.path, requests);
            println!("| {} | {per_request:.0} |", side.label);
            per_request
        })
        .collect();
    println!("\n| comparison | instructions, ours / baseline |");
    println!("|---|---:|");
    for (label, ours, baseline, _) in RATIOS {
        println!("| {label} | {:.3} |", counts[ours] / counts[baseline]);
    }
}
