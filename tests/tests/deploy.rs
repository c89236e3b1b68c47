//! Both demo binaries deploy like a real service, each started as its own process on a free
//! port of 127.0.0.1 (built by cargo as `scripts/openapi-check` builds them):
//!
//! - 1,000 clients that send a request line and then one header line every 5 s, and 100
//!   that send nothing, are all closed by the demo within 40 s (its header timeout is
//!   10 s), and normal requests made meanwhile are answered within 1 s each;
//! - on SIGTERM and on SIGINT the demo finishes a request in flight (an upload still being
//!   sent when the signal comes) and exits 0 within its shutdown timeout;
//! - the axum demo, built with `--features metrics`, counts every answer of a known mix
//!   by its code at `GET /metrics`, in text that `promtool check metrics` accepts.
//!
//! The gRPC demo deploys alike: 1,000 clients that send the HTTP/2 preface a byte every
//! 5 s, and 100 that send nothing, are closed within 40 s (its handshake timeout is 10 s)
//! while normal calls are answered within 1 s each, and it exits 0 on SIGTERM and SIGINT.
//!
//! Every client and wait is bounded; the demos are killed when a test ends, however it ends.

#[allow(dead_code)]
#[path = "../../hero-codes/examples/demo_service/mod.rs"]
mod service;
mod support;

use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use service::{DEMO_TOKEN, HEADER_TIMEOUT, SHUTDOWN_TIMEOUT};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const SLOW_CLIENTS: usize = 1000;
/// Clients that connect and send nothing.
const SILENT_CLIENTS: usize = 100;
/// How often a slow client sends one more header line.
const HEADER_LINE_EVERY: Duration = Duration::from_secs(5);
/// By when every slow client must have been closed, from the first one's connect.
const ALL_FREED_WITHIN: Duration = Duration::from_secs(40);
/// The longest a normal request may take while the slow clients are connected.
const NORMAL_ANSWER_WITHIN: Duration = Duration::from_secs(1);

#[tokio::test]
async fn axum_demo_drops_slow_headers() {
    slow_headers_are_dropped("demo").await;
}

#[tokio::test]
async fn actix_demo_drops_slow_headers() {
    slow_headers_are_dropped("demo-actix").await;
}

#[tokio::test]
async fn grpc_demo_drops_slow_handshakes() {
    slow_headers_are_dropped("demo-grpc").await;
}

#[tokio::test]
async fn grpc_demo_exits_on_sigterm() {
    exits_on("demo-grpc", libc::SIGTERM).await;
}

#[tokio::test]
async fn grpc_demo_exits_on_sigint() {
    exits_on("demo-grpc", libc::SIGINT).await;
}

#[tokio::test]
async fn axum_demo_drains_on_sigterm() {
    drains_on("demo", libc::SIGTERM).await;
}

#[tokio::test]
async fn axum_demo_drains_on_sigint() {
    drains_on("demo", libc::SIGINT).await;
}

#[tokio::test]
async fn actix_demo_drains_on_sigterm() {
    drains_on("demo-actix", libc::SIGTERM).await;
}

#[tokio::test]
async fn actix_demo_drains_on_sigint() {
    drains_on("demo-actix", libc::SIGINT).await;
}

async fn slow_headers_are_dropped(name: &str) {
    // Each test holds 1,000 client sockets, its demo as many: more than the usual soft
    // limit of 1,024 file descriptors. The demo inherits the raised limit.
    let clients = SLOW_CLIENTS + SILENT_CLIENTS;
    raise_file_limit(4 * clients as u64 + 256);
    let demo = Demo::start(name).await;
    let started = Instant::now();
    let mut clients: Vec<_> = (0..clients)
        .map(|client| {
            let addr = demo.addr.clone();
            let trickle = match client >= SLOW_CLIENTS {
                true => Trickle::Nothing,
                false if name == "demo-grpc" => Trickle::Http2Preface,
                false => Trickle::HeaderLines,
            };
            tokio::spawn(slow_client(addr, trickle, started))
        })
        .collect();
    // Normal requests, one a second, while slow clients are still connected.
    let mut normal = Vec::new();
    while clients.iter().any(|client| !client.is_finished()) && started.elapsed() < ALL_FREED_WITHIN
    {
        tokio::time::sleep(Duration::from_secs(1)).await;
        normal.push(match name {
            "demo-grpc" => timed_call(&demo.addr).await,
            _ => timed_request(&demo.addr).await,
        });
    }
    let mut freed = Vec::with_capacity(clients.len());
    for client in clients.drain(..) {
        freed.push(client.await.expect("a slow client"));
    }
    let still_open = freed.iter().filter(|at| at.is_none()).count();
    let freed: Vec<Duration> = freed.into_iter().flatten().collect();
    let first = freed.iter().min().copied().unwrap_or_default();
    let last = freed.iter().max().copied().unwrap_or_default();
    let slowest = normal.iter().max().copied().unwrap_or_default();
    println!(
        "{name}: {} slow and silent clients closed by the demo between {:.1} s and {:.1} s, {still_open} still open; \
         {} normal requests meanwhile, the slowest answered in {:.1} ms",
        freed.len(),
        first.as_secs_f64(),
        last.as_secs_f64(),
        normal.len(),
        slowest.as_secs_f64() * 1000.0,
    );
    assert_eq!(still_open, 0, "{name}: slow clients still open after 40 s");
    // Closed by the header (or handshake) timer, not before: each client has sent a header
    // line, or a byte of the preface, at 5 s.
    let timeout = match name {
        "demo-grpc" => demo_grpc::HANDSHAKE_TIMEOUT,
        _ => HEADER_TIMEOUT,
    };
    assert!(
        first >= timeout - Duration::from_millis(500),
        "{name}: a slow client closed after {first:?}, before the header timeout"
    );
    assert!(last <= ALL_FREED_WITHIN);
    assert!(!normal.is_empty(), "{name}: no normal request was made");
    assert!(
        slowest <= NORMAL_ANSWER_WITHIN,
        "{name}: a normal request took {slowest:?}"
    );
}

/// What a slow client sends, a little every 5 s.
#[derive(Clone, Copy, PartialEq)]
enum Trickle {
    /// A request line, then one header line every 5 s, never the end of the headers.
    HeaderLines,
    /// The HTTP/2 connection preface, one byte every 5 s.
    Http2Preface,
    /// Nothing at all.
    Nothing,
}

/// Connects and sends what `trickle` says; returns when the demo closed the connection
/// (counted from `started`), or `None` if it is still open after 40 s.
async fn slow_client(addr: String, trickle: Trickle, started: Instant) -> Option<Duration> {
    let mut stream = TcpStream::connect(addr).await.expect("connect");
    let closed = async {
        let mut sent = 0;
        let next = |sent: usize| match trickle {
            Trickle::HeaderLines if sent == 0 => {
                b"GET /api/tracker/apps/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n".to_vec()
            }
            Trickle::HeaderLines => format!("X-Slow-{sent}: {sent}\r\n").into_bytes(),
            Trickle::Http2Preface => vec![b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"[sent % 24]],
            Trickle::Nothing => Vec::new(),
        };
        if trickle == Trickle::HeaderLines && stream.write_all(&next(sent)).await.is_err() {
            return started.elapsed();
        }
        sent += usize::from(trickle == Trickle::HeaderLines);
        let mut buffer = [0u8; 1024];
        loop {
            tokio::select! {
                read = stream.read(&mut buffer) => match read {
                    // actix-web answers 408, and an HTTP/2 server its SETTINGS, before
                    // closing: read on to the end.
                    Ok(n) if n > 0 => continue,
                    _ => return started.elapsed(),
                },
                () = tokio::time::sleep(HEADER_LINE_EVERY), if trickle != Trickle::Nothing => {
                    if stream.write_all(&next(sent)).await.is_err() {
                        return started.elapsed();
                    }
                    sent += 1;
                }
            }
        }
    };
    tokio::time::timeout(ALL_FREED_WITHIN.saturating_sub(started.elapsed()), closed)
        .await
        .ok()
}

/// A whole search call of the gRPC demo on a new connection: its time to the spec's app.
/// Panics on a wrong answer or none within 5 s.
async fn timed_call(addr: &str) -> Duration {
    use demo_grpc::proto::SearchAppsRequest;
    use demo_grpc::proto::tracker_client::TrackerClient;

    let started = Instant::now();
    let found = tokio::time::timeout(Duration::from_secs(5), async {
        let mut client = TrackerClient::connect(format!("http://{addr}"))
            .await
            .expect("connect");
        let request = SearchAppsRequest {
            search_value: Some("Farm".to_owned()),
        };
        client.search_apps(request).await.expect("a search answer")
    })
    .await
    .expect("a normal call answered within 5 s");
    assert_eq!(found.get_ref().data[0].name, "Farm测试开发");
    started.elapsed()
}

/// A whole request on a new connection: its time to a complete, correct answer. Panics on
/// a wrong answer or none within 5 s.
async fn timed_request(addr: &str) -> Duration {
    let started = Instant::now();
    let answer = tokio::time::timeout(Duration::from_secs(5), async {
        let mut stream = TcpStream::connect(addr).await.expect("connect");
        stream
            .write_all(
                b"GET /api/tracker/apps/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
            )
            .await
            .expect("write");
        read_to_close(&mut stream).await
    })
    .await
    .expect("a normal request answered within 5 s");
    assert!(answer.starts_with("HTTP/1.1 200 OK"), "{answer}");
    assert!(answer.contains(r#""name":"Farm测试开发""#), "{answer}");
    started.elapsed()
}

async fn read_to_close(stream: &mut TcpStream) -> String {
    let mut answer = Vec::new();
    // An error after the answer (a reset) ends it as a close does.
    let _ = stream.read_to_end(&mut answer).await;
    String::from_utf8_lossy(&answer).into_owned()
}

/// The gRPC demo, called once and idle, exits 0 soon after `signal`.
async fn exits_on(name: &str, signal: libc::c_int) {
    let mut demo = Demo::start(name).await;
    timed_call(&demo.addr).await;
    let signalled = Instant::now();
    demo.signal(signal);
    let status = demo
        .wait_exit(demo_grpc::SHUTDOWN_TIMEOUT + Duration::from_secs(2))
        .await;
    println!(
        "{name}: signal {signal}: exit {status} {:.2} s after it",
        signalled.elapsed().as_secs_f64()
    );
    assert!(status.success(), "{name} exited with {status}");
}

async fn drains_on(name: &str, signal: libc::c_int) {
    let mut demo = Demo::start(name).await;
    // A kept-alive connection, idle when the signal comes: it must not hold the drain.
    let mut idle = TcpStream::connect(&demo.addr).await.expect("connect");
    idle.write_all(b"GET /api/tracker/apps/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .await
        .expect("write");
    let mut first = [0u8; 12];
    idle.read_exact(&mut first).await.expect("an answer");
    assert_eq!(&first, b"HTTP/1.1 200");
    // An upload in flight: headers and half the body sent before the signal, the rest 1 s
    // after it.
    let body = br#"{"channel":"direct"}"#;
    let mut upload = TcpStream::connect(&demo.addr).await.expect("connect");
    let head = format!(
        "PUT /download+1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {DEMO_TOKEN}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    upload.write_all(head.as_bytes()).await.expect("write");
    upload.write_all(&body[..10]).await.expect("write");
    tokio::time::sleep(Duration::from_millis(300)).await;

    let signalled = Instant::now();
    demo.signal(signal);
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert!(
        demo.exited().is_none(),
        "{name} exited with a request in flight"
    );
    upload.write_all(&body[10..]).await.expect("write");
    let answer = tokio::time::timeout(Duration::from_secs(5), read_to_close(&mut upload))
        .await
        .expect("the upload answered within 5 s");
    assert!(answer.starts_with("HTTP/1.1 202 Accepted"), "{answer}");
    assert!(answer.contains(r#""result_code":"0""#), "{answer}");
    drop(upload);

    let status = demo
        .wait_exit(SHUTDOWN_TIMEOUT + Duration::from_secs(2))
        .await;
    let elapsed = signalled.elapsed();
    println!(
        "{name}: signal {signal}: the upload in flight answered 202, exit {status} {:.2} s after the signal",
        elapsed.as_secs_f64()
    );
    assert!(status.success(), "{name} exited with {status}");
    assert!(
        elapsed <= SHUTDOWN_TIMEOUT,
        "{name} took {elapsed:?} to exit"
    );
}

#[tokio::test]
async fn axum_demo_counts_every_answer_at_metrics() {
    use support::prometheus::{answers, promtool_accepts, samples};
    let demo = Demo::start("demo").await;
    let base = format!("http://{}", demo.addr);
    let mix: [(http::Method, &str, u16); 5] = [
        (http::Method::GET, "/api/tracker/apps/1", 200),
        (http::Method::GET, "/api/tracker/apps/2", 404),
        (http::Method::GET, "/no-such-route", 404),
        (http::Method::PUT, "/download+1", 401),
        (http::Method::GET, "/api/tracker/panic", 500),
    ];
    for (method, path, status) in mix {
        let reply = support::send(&base, method, path, None, Vec::new()).await;
        assert_eq!(reply.0.as_u16(), status, "{path}");
        assert!(
            !reply.2.is_empty(),
            "{path}: an envelope, not an empty body"
        );
    }
    let (status, _, body) = support::get_path(&base, "/metrics").await;
    assert_eq!(status, http::StatusCode::OK);
    let text = String::from_utf8(body).expect("Prometheus text is UTF-8");
    for (catalog, code, status, count) in [
        ("ResultCode", "0", 200, 1.0),
        ("ResultCode", "10400", 404, 2.0),
        ("HeroCode", "1002", 401, 1.0),
        ("ResultCode", "10500", 500, 1.0),
    ] {
        assert_eq!(
            answers(&text, catalog, code, status),
            count,
            "{catalog} {code}:\n{text}"
        );
    }
    // The latency is a histogram with the crate's buckets, not a summary.
    let buckets = samples(&text, &format!("{}_bucket", hero_codes::metrics::LATENCY));
    let result_code_clients = |labels: &std::collections::HashMap<String, String>| {
        labels["catalog"] == "ResultCode" && labels["class"] == "client"
    };
    let client_404s = buckets
        .iter()
        .find(|(labels, _)| result_code_clients(labels) && labels["le"] == "+Inf");
    assert_eq!(client_404s.map(|(_, count)| *count), Some(2.0), "{text}");
    let bounds = buckets
        .iter()
        .filter(|(labels, _)| result_code_clients(labels))
        .count();
    assert_eq!(
        bounds,
        hero_codes::metrics::LATENCY_BUCKETS.len() + 1,
        "{text}"
    );
    promtool_accepts(&text);
}

/// A demo binary running on a free port of 127.0.0.1; killed when dropped.
struct Demo {
    child: Child,
    addr: String,
}

impl Demo {
    async fn start(name: &str) -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("a free port on 127.0.0.1")
            .port();
        let child = Command::new(demo_binary(name))
            .args(["--port", &port.to_string()])
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .spawn()
            .expect("start the demo");
        let demo = Demo {
            child,
            addr: format!("127.0.0.1:{port}"),
        };
        for _ in 0..200 {
            if TcpStream::connect(&demo.addr).await.is_ok() {
                return demo;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("{name} does not listen on {} after 10 s", demo.addr);
    }

    fn signal(&self, signal: libc::c_int) {
        let pid = libc::pid_t::try_from(self.child.id()).expect("a pid");
        // SAFETY: kill(2) with our own child's pid and a valid signal number.
        let sent = unsafe { libc::kill(pid, signal) };
        assert_eq!(sent, 0, "kill({pid}, {signal})");
    }

    fn exited(&mut self) -> Option<ExitStatus> {
        self.child.try_wait().expect("the demo's status")
    }

    async fn wait_exit(&mut self, within: Duration) -> ExitStatus {
        let started = Instant::now();
        while started.elapsed() < within {
            if let Some(status) = self.exited() {
                return status;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!("the demo still runs {within:?} after the signal");
    }
}

impl Drop for Demo {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The demo binaries, built once for all tests: the HTTP demos with the features
/// `scripts/openapi-check` builds them with, and `metrics` for `GET /metrics`; the gRPC
/// demo's own package.
const DEMO_BUILDS: [&[&str]; 2] = [
    &[
        "--package",
        "hero-codes",
        "--example",
        "demo",
        "--example",
        "demo-actix",
        "--features",
        "utoipa,actix,metrics",
    ],
    &["--package", "demo-grpc", "--bin", "demo-grpc"],
];

/// The binary of the demo `name`, from [`DEMO_BUILDS`].
fn demo_binary(name: &str) -> PathBuf {
    static BUILT: OnceLock<Vec<(String, PathBuf)>> = OnceLock::new();
    let built = BUILT.get_or_init(|| DEMO_BUILDS.iter().flat_map(|args| build(args)).collect());
    built
        .iter()
        .find(|(built, _)| built == name)
        .map(|(_, path)| path.clone())
        .unwrap_or_else(|| panic!("cargo built no demo `{name}`"))
}

/// `cargo build` with `args`: the name and path of each executable built.
fn build(args: &[&str]) -> Vec<(String, PathBuf)> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .arg("build")
        .args(args)
        .arg("--message-format=json-render-diagnostics")
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .stderr(Stdio::inherit())
        .output()
        .expect("run cargo build");
    assert!(output.status.success(), "cargo build {args:?} failed");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|message| {
            let name = message["target"]["name"].as_str()?.to_owned();
            let executable = message["executable"].as_str()?;
            Some((name, PathBuf::from(executable)))
        })
        .collect()
}

/// Raises the soft limit on open files to `wanted`, or to the hard limit if lower; panics
/// if that is too low, naming the limit to raise.
fn raise_file_limit(wanted: u64) {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit and setrlimit with a valid resource and a pointer to a local.
    unsafe {
        assert_eq!(libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit), 0);
        if limit.rlim_cur < wanted {
            limit.rlim_cur = wanted.min(limit.rlim_max);
            assert_eq!(libc::setrlimit(libc::RLIMIT_NOFILE, &limit), 0);
        }
    }
    assert!(
        limit.rlim_cur >= wanted,
        "this test needs {wanted} open files and the hard limit is {}: raise it (ulimit -Hn)",
        limit.rlim_max
    );
}
