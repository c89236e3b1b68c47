//! Whole requests over loopback, as a user feels them: the same answer served by a bare
//! axum app and by one under the envelope layer, loaded by `wrk` in alternating rounds.
//!
//! ```sh
//! cargo run --release -p hero-codes-bench --bin whole_request [-- ROUNDS [SECONDS]]
//! ```
//!
//! Two comparisons, each printed as the ratio of the medians of requests per second:
//!
//! - **derived error**: `Err(AppError::NotFound)` under `.with_envelope::<ResultCode>()`
//!   against the same bytes (status, headers, body) written by hand in a bare handler,
//!   with no layer. The program first checks that both answers are byte-equal but for
//!   `Date`.
//! - **hello-world**: `"Hello, World!"` under the layer against the same handler bare.
//!
//! The server is this program started again with `serve`: one Tokio thread serves both
//! apps, on two ports of 127.0.0.1. `wrk` (Debian's `wrk` package) loads one route at a
//! time with 1 thread and 32 connections for SECONDS (default 4) per round; each round
//! (default 5) runs every side once, the order reversed every other round so that no side
//! always runs first. Every loop is bounded in time, and the server is killed at the end.
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
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::response::Response;
use axum::routing::get;
use hero_codes::ResultCode;
use hero_codes::axum::EnvelopeRouter;
use http::StatusCode;
use http::header::{CONTENT_LANGUAGE, CONTENT_TYPE, HeaderValue, VARY};

/// The derived error's answer, written by hand: what a person who knows the bytes sends.
const NOT_FOUND: &[u8] =
    r#"{"result":false,"result_code":"10400","result_desc":"所请求的资源不存在"}"#.as_bytes();

/// One side of a comparison: which app, which route.
struct Side {
    label: &'static str,
    enveloped: bool,
    path: &'static str,
}

const SIDES: [Side; 4] = [
    Side {
        label: "derived error, hand-written bytes, no layer",
        enveloped: false,
        path: "/error",
    },
    Side {
        label: "derived error under EnvelopeLayer",
        enveloped: true,
        path: "/error",
    },
    Side {
        label: "hello-world, no layer",
        enveloped: false,
        path: "/hello",
    },
    Side {
        label: "hello-world under EnvelopeLayer",
        enveloped: true,
        path: "/hello",
    },
];

/// The comparisons: (ours, baseline) as indexes into [`SIDES`], and the target ratio.
const RATIOS: [(&str, usize, usize, f64); 2] = [
    (
        "derived error under the layer / hand-written bytes",
        1,
        0,
        0.97,
    ),
    ("hello-world under the layer / bare", 3, 2, 0.97),
];

fn main() {
    let mut args = std::env::args().skip(1);
    let first = args.next();
    if first.as_deref() == Some("serve") {
        let port = |arg: Option<String>| -> u16 {
            arg.and_then(|port| port.parse().ok()).expect("two ports")
        };
        return serve(port(args.next()), port(args.next()));
    }
    if first.as_deref() == Some("instructions") {
        let requests = args.next().map_or(20_000, |requests| {
            requests.parse().expect("REQUESTS is a number")
        });
        return count_instructions(requests);
    }
    let rounds: usize = first.map_or(5, |rounds| rounds.parse().expect("ROUNDS is a number"));
    let seconds: u64 = args
        .next()
        .map_or(4, |seconds| seconds.parse().expect("SECONDS is a number"));
    if Command::new("wrk").arg("--version").output().is_err() {
        eprintln!("this benchmark needs wrk on the PATH (Debian: apt-get install wrk)");
        std::process::exit(2);
    }

    let ports = [free_port(), free_port()];
    let _server = Server(
        Command::new(std::env::current_exe().expect("this program"))
            .args(["serve", &ports[0].to_string(), &ports[1].to_string()])
            .stdin(Stdio::piped())
            .spawn()
            .expect("start the server"),
    );
    let url = |side: &Side| {
        let port = ports[usize::from(side.enveloped)];
        format!("http://127.0.0.1:{port}{}", side.path)
    };
    for port in ports {
        wait_for(port);
    }
    same_bytes(ports, "/error");
    same_bytes(ports, "/hello");

    println!("warming up: 1 s per side");
    for side in &SIDES {
        wrk(&url(side), 1);
    }
    let mut rates: Vec<Vec<f64>> = vec![Vec::new(); SIDES.len()];
    for round in 0..rounds {
        let mut order: Vec<usize> = (0..SIDES.len()).collect();
        if round % 2 == 1 {
            order.reverse();
        }
        for index in order {
            rates[index].push(wrk(&url(&SIDES[index]), seconds));
        }
        println!("round {} of {rounds} done", round + 1);
    }
    report(&rates, rounds, seconds);
}

fn report(rates: &[Vec<f64>], rounds: usize, seconds: u64) {
    println!("\nwrk -t1 -c32, {rounds} alternating rounds of {seconds} s, server on one thread\n");
    println!("| side | median (requests/s) | rounds (requests/s) |");
    println!("|---|---:|---|");
    let medians: Vec<f64> = rates
        .iter()
        .map(|rates| median(&mut rates.clone()))
        .collect();
    for ((side, rates), median) in SIDES.iter().zip(rates.iter()).zip(&medians) {
        let all: Vec<String> = rates.iter().map(|rate| format!("{rate:.0}")).collect();
        println!("| {} | {median:.0} | {} |", side.label, all.join(", "));
    }
    // The two sides of a comparison run one after the other in every round, so the ratio
    // of each round is taken under the same load; its median is the figure that decides.
    println!("\n| comparison | median of the rounds' ratios | ratio of the medians | target |");
    println!("|---|---:|---:|---|");
    for (label, ours, baseline, target) in RATIOS {
        let mut ratios: Vec<f64> = rates[ours]
            .iter()
            .zip(&rates[baseline])
            .map(|(ours, baseline)| ours / baseline)
            .collect();
        println!(
            "| {label} | {:.3} | {:.3} | >= {target:.2} |",
            median(&mut ratios),
            medians[ours] / medians[baseline]
        );
    }
}

fn median(rates: &mut [f64]) -> f64 {
    rates.sort_by(f64::total_cmp);
    rates[rates.len() / 2]
}

/// Requests per second of `wrk` on `url` for `seconds`; exits if a socket failed.
fn wrk(url: &str, seconds: u64) -> f64 {
    let output = Command::new("wrk")
        .args(["-t1", "-c32", &format!("-d{seconds}s"), url])
        .output()
        .expect("run wrk");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "wrk failed on {url}:\n{text}");
    assert!(
        !text.contains("Socket errors"),
        "wrk saw socket errors on {url}:\n{text}"
    );
    text.lines()
        .find_map(|line| line.strip_prefix("Requests/sec:"))
        .and_then(|rate| rate.trim().parse().ok())
        .unwrap_or_else(|| panic!("no Requests/sec in wrk's output:\n{text}"))
}

/// Panics unless both apps answer `path` with the same bytes but for `Date`.
fn same_bytes(ports: [u16; 2], path: &str) {
    let [bare, enveloped] = ports.map(|port| answer_without_date(port, path));
    assert_eq!(
        bare, enveloped,
        "the two sides of {path} must answer the same bytes"
    );
    println!("{path}: both sides answer the same {} bytes", bare.len());
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

/// The two apps, on one Tokio thread: bare on `bare`, under the layer on `enveloped`.
/// The server exits when its standard input closes (or has nothing to read).
fn serve(bare: u16, enveloped: u16) {
    std::thread::spawn(|| {
        let _ = std::io::stdin().read_to_end(&mut Vec::new());
        std::process::exit(0);
    });
    let bare_app = Router::new()
        .route("/hello", get(|| async { "Hello, World!" }))
        .route("/error", get(|| async { hand_written_not_found() }));
    let enveloped_app = Router::new()
        .route("/hello", get(|| async { "Hello, World!" }))
        .route(
            "/error",
            get(|| async { Err::<(), _>(hero_codes_bench::AppError::NotFound) }),
        )
        .with_envelope::<ResultCode>();
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a Tokio runtime")
        .block_on(async {
            let listen = |port: u16| tokio::net::TcpListener::bind(("127.0.0.1", port));
            let (bare, enveloped) = (listen(bare).await, listen(enveloped).await);
            let bare = axum::serve(bare.expect("bind"), bare_app);
            let enveloped = axum::serve(enveloped.expect("bind"), enveloped_app);
            let (bare, enveloped) = tokio::join!(bare.into_future(), enveloped.into_future());
            bare.and(enveloped).expect("serve");
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
    let counts: Vec<f64> = SIDES
        .iter()
        .map(|side| {
            let few = requests / 10;
            let per_request = (instructions(side, requests) - instructions(side, few)) as f64
                / (requests - few) as f64;
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

/// The instructions of a whole server run under callgrind that answers `requests` to
/// `side`, one after the other on one connection.
fn instructions(side: &Side, requests: u64) -> u64 {
    let ports = [free_port(), free_port()];
    let out = std::env::temp_dir().join(format!("whole_request.{}.callgrind", ports[0]));
    let mut server = Command::new("valgrind")
        .args(["--tool=callgrind", "--quiet"])
        .arg(format!("--callgrind-out-file={}", out.display()))
        .arg(std::env::current_exe().expect("this program"))
        .args(["serve", &ports[0].to_string(), &ports[1].to_string()])
        .stdin(Stdio::piped())
        .spawn()
        .expect("run valgrind (Debian: apt-get install valgrind)");
    let port = ports[usize::from(side.enveloped)];
    wait_for(port);
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("a timeout");
    let request = format!("GET {} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", side.path);
    let mut buffer = Vec::new();
    for _ in 0..requests {
        stream
            .write_all(request.as_bytes())
            .expect("send a request");
        read_answer(&mut stream, &mut buffer);
    }
    // The server exits when its standard input closes; callgrind writes its counts then.
    drop(server.stdin.take());
    assert!(server.wait().expect("wait for the server").success());
    let counts = std::fs::read_to_string(&out).expect("read callgrind's counts");
    std::fs::remove_file(&out).expect("remove callgrind's counts");
    counts
        .lines()
        .find_map(|line| {
            line.strip_prefix("totals:")
                .or(line.strip_prefix("summary:"))
        })
        .and_then(|total| total.trim().parse().ok())
        .expect("a total in callgrind's counts")
}

/// Reads one answer with a `Content-Length` from `stream`.
fn read_answer(stream: &mut TcpStream, buffer: &mut Vec<u8>) {
    buffer.clear();
    let mut chunk = [0u8; 4096];
    loop {
        let read = stream.read(&mut chunk).expect("read an answer");
        assert!(read > 0, "the server closed the connection");
        buffer.extend_from_slice(&chunk[..read]);
        let Some(head) = buffer.windows(4).position(|window| window == b"\r\n\r\n") else {
            continue;
        };
        let length: usize = String::from_utf8_lossy(&buffer[..head])
            .to_ascii_lowercase()
            .lines()
            .find_map(|line| line.strip_prefix("content-length:"))
            .and_then(|length| length.trim().parse().ok())
            .expect("a Content-Length");
        if buffer.len() >= head + 4 + length {
            return;
        }
    }
}

/// Kills the server when dropped.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port()
}

/// Waits up to 10 s for the server to listen on `port`.
fn wait_for(port: u16) {
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the server did not listen on {port}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}
