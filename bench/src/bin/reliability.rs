//! The load and fault driver of RELIABILITY.md: starts the release demo on 127.0.0.1,
//! loads it with a mix of good and bad requests, checks every answer is the envelope with
//! the expected status and code, holds slow and broken clients against it, and compares
//! the throughput of a derived error, a success and a bare hello-world (3 rounds of
//! ROUTE_SECONDS=5 each).
//!
//! ```sh
//! cargo build --release -p hero-codes --example demo
//! cargo run --release -p hero-codes-bench --bin reliability      # SECONDS=30 CONNECTIONS=64
//! ```
//!
//! Every loop is bounded in time and count and talks only to 127.0.0.1; the servers it
//! starts are killed when it ends.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const TOKEN: &str = "Authorization: Bearer demo-token\r\n";
const JSON: &str = "Content-Type: application/json\r\n";

/// One kind of request of the mix and the answer it must get.
struct Case {
    name: &'static str,
    head: String,
    body: &'static [u8],
    status: u16,
    code: &'static str,
    /// The client leaves the connection unusable (it announced a body it never sends).
    closes: bool,
}

fn case(
    name: &'static str,
    method: &str,
    path: &str,
    headers: &str,
    body: &'static [u8],
    expect: (u16, &'static str),
) -> Case {
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{headers}Content-Length: {}\r\n\r\n",
        body.len()
    );
    Case {
        name,
        head,
        body,
        status: expect.0,
        code: expect.1,
        closes: false,
    }
}

/// The mix: successes, business errors, a truncated body, an oversized one (announced, so
/// the answer comes before the body is sent), wrong methods, unknown routes, a panic.
fn mix() -> Vec<Case> {
    let oversized = Case {
        name: "oversized body",
        head: format!(
            "PUT /download+1 HTTP/1.1\r\nHost: 127.0.0.1\r\n{TOKEN}{JSON}Content-Length: 100000\r\n\r\n"
        ),
        body: b"",
        status: 413,
        code: "4003",
        closes: true,
    };
    vec![
        case(
            "search",
            "POST",
            "/api/tracker/apps?search_value=Farm",
            "",
            b"",
            (200, "0"),
        ),
        case("get app", "GET", "/api/tracker/apps/1", "", b"", (200, "0")),
        case(
            "download",
            "PUT",
            "/download+1",
            &format!("{TOKEN}{JSON}"),
            br#"{"channel":"direct"}"#,
            (202, "0"),
        ),
        case(
            "app not found",
            "GET",
            "/api/tracker/apps/9",
            "",
            b"",
            (404, "10400"),
        ),
        case(
            "no search value",
            "POST",
            "/api/tracker/apps",
            "",
            b"",
            (400, "10002"),
        ),
        case(
            "no token",
            "PUT",
            "/download+1",
            JSON,
            br#"{"channel":"direct"}"#,
            (401, "1002"),
        ),
        case(
            "truncated JSON",
            "PUT",
            "/download+1",
            &format!("{TOKEN}{JSON}"),
            br#"{"channel":"onl"#,
            (400, "1006"),
        ),
        oversized,
        case(
            "wrong method",
            "DELETE",
            "/api/tracker/apps",
            "",
            b"",
            (405, "10000"),
        ),
        case(
            "unknown route",
            "GET",
            "/nope/../etc",
            "",
            b"",
            (404, "10400"),
        ),
        case(
            "panic",
            "GET",
            "/api/tracker/panic",
            "",
            b"",
            (500, "10500"),
        ),
    ]
}

/// An answer as read off the socket.
struct Answer {
    status: u16,
    close: bool,
    body: Vec<u8>,
}

/// Reads one HTTP/1.1 answer with a `Content-Length` (every envelope has one).
async fn read_answer(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> std::io::Result<Answer> {
    buffer.clear();
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        if let Some(end) = buffer.windows(4).position(|window| window == b"\r\n\r\n") {
            break end + 4;
        }
        let read = stream.read(&mut chunk).await?;
        if read == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buffer.extend_from_slice(&chunk[..read]);
    };
    let head = String::from_utf8_lossy(&buffer[..head_end]).to_ascii_lowercase();
    let status = head
        .get(9..12)
        .and_then(|status| status.parse().ok())
        .unwrap_or(0);
    let length: usize = head
        .lines()
        .find_map(|line| line.strip_prefix("content-length:"))
        .and_then(|length| length.trim().parse().ok())
        .ok_or(std::io::ErrorKind::InvalidData)?;
    let close = head.contains("connection: close");
    let mut body = buffer[head_end..].to_vec();
    while body.len() < length {
        let read = stream.read(&mut chunk).await?;
        if read == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        body.extend_from_slice(&chunk[..read]);
    }
    Ok(Answer {
        status,
        close,
        body,
    })
}

/// Whether `answer` is the envelope with the status and code `case` expects (the status
/// alone for a case without a code).
fn is_expected(case: &Case, answer: &Answer) -> bool {
    if case.code.is_empty() {
        // The hello-world baseline: no envelope to check.
        return answer.status == case.status;
    }
    let Ok(Value::Object(body)) = serde_json::from_slice::<Value>(&answer.body) else {
        return false;
    };
    let success = answer.status < 300;
    answer.status == case.status
        && body.get("result") == Some(&Value::Bool(success))
        && body.get("result_code").and_then(Value::as_str) == Some(case.code)
        && body
            .get("result_desc")
            .and_then(Value::as_str)
            .is_some_and(|desc| !desc.is_empty() && !desc.contains("panicking"))
}

/// What one connection loop saw.
#[derive(Default)]
struct Tally {
    served: u64,
    wrong: u64,
    latencies_us: Vec<u32>,
    first_wrong: Option<String>,
}

impl Tally {
    fn merge(&mut self, other: Tally) {
        self.served += other.served;
        self.wrong += other.wrong;
        self.latencies_us.extend(other.latencies_us);
        self.first_wrong = self.first_wrong.take().or(other.first_wrong);
    }
}

/// Sends `cases` round-robin (from `offset`) on one keep-alive connection until `until`,
/// reconnecting when the server closes. An I/O error counts as a wrong answer.
async fn connection_loop(addr: String, cases: &[Case], offset: usize, until: Instant) -> Tally {
    let mut tally = Tally::default();
    let mut buffer = Vec::with_capacity(16 * 1024);
    let mut stream: Option<TcpStream> = None;
    // At most ten million requests per connection: the loop stops by itself.
    for next in offset..offset + 10_000_000 {
        if Instant::now() >= until {
            break;
        }
        let case = &cases[next % cases.len()];
        let started = Instant::now();
        let result = async {
            if stream.is_none() {
                let connected = TcpStream::connect(&addr).await?;
                // The head and the body go in two writes: without this, the second waits
                // for the server's delayed acknowledgement of the first (40 ms).
                connected.set_nodelay(true)?;
                stream = Some(connected);
            }
            let socket = stream.as_mut().expect("connected");
            socket.write_all(case.head.as_bytes()).await?;
            socket.write_all(case.body).await?;
            read_answer(socket, &mut buffer).await
        }
        .await;
        tally.served += 1;
        match result {
            Ok(answer) => {
                tally
                    .latencies_us
                    .push(started.elapsed().as_micros().min(u32::MAX as u128) as u32);
                if !is_expected(case, &answer) {
                    tally.wrong += 1;
                    tally.first_wrong.get_or_insert_with(|| {
                        format!(
                            "{}: {} {}",
                            case.name,
                            answer.status,
                            String::from_utf8_lossy(&answer.body)
                        )
                    });
                }
                if answer.close || case.closes {
                    stream = None;
                }
            }
            Err(error) => {
                tally.wrong += 1;
                tally
                    .first_wrong
                    .get_or_insert_with(|| format!("{}: {error}", case.name));
                stream = None;
            }
        }
    }
    tally
}

/// Runs `connections` loops over `cases` for `seconds`.
async fn load(
    addr: &str,
    cases: &'static [Case],
    connections: usize,
    seconds: u64,
) -> (Tally, Duration) {
    let started = Instant::now();
    let until = started + Duration::from_secs(seconds);
    let loops: Vec<_> = (0..connections)
        .map(|index| tokio::spawn(connection_loop(addr.to_owned(), cases, index, until)))
        .collect();
    let mut tally = Tally::default();
    for handle in loops {
        tally.merge(handle.await.expect("a connection loop"));
    }
    (tally, started.elapsed())
}

fn percentile(sorted: &[u32], share: f64) -> f64 {
    let index = ((sorted.len() as f64 - 1.0) * share).round() as usize;
    sorted.get(index).map_or(0.0, |&us| f64::from(us) / 1000.0)
}

fn report(label: &str, tally: &mut Tally, elapsed: Duration) -> f64 {
    tally.latencies_us.sort_unstable();
    let rps = tally.served as f64 / elapsed.as_secs_f64();
    println!(
        "{label}: {} requests in {:.1} s, {rps:.0} req/s, latency p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms, not the expected envelope: {}",
        tally.served,
        elapsed.as_secs_f64(),
        percentile(&tally.latencies_us, 0.5),
        percentile(&tally.latencies_us, 0.99),
        percentile(&tally.latencies_us, 1.0),
        tally.wrong,
    );
    if let Some(first) = &tally.first_wrong {
        println!("  first wrong answer: {first}");
    }
    rps
}

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|line| line.strip_prefix("VmRSS:"))
                .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

/// A server process, killed when dropped.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Waits until `addr` accepts connections, for at most 10 s.
async fn wait_for(addr: &str) {
    for _ in 0..200 {
        if TcpStream::connect(addr).await.is_ok() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("nothing listens on {addr} after 10 s");
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port on 127.0.0.1")
        .port()
}

fn demo_binary() -> std::path::PathBuf {
    let path = std::env::var_os("DEMO").map_or_else(
        || std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/release/examples/demo"),
        std::path::PathBuf::from,
    );
    assert!(
        path.exists(),
        "no demo at {}: run `cargo build --release -p hero-codes --example demo` first",
        path.display()
    );
    path
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(default)
}

/// Sends one good request on a new connection and times its answer.
async fn timed_request(addr: &str) -> Result<Duration, String> {
    let cases = mix();
    let case = &cases[0];
    let started = Instant::now();
    let answer = tokio::time::timeout(Duration::from_secs(5), async {
        let mut stream = TcpStream::connect(addr).await?;
        stream.write_all(case.head.as_bytes()).await?;
        read_answer(&mut stream, &mut Vec::new()).await
    })
    .await
    .map_err(|_| "no answer within 5 s".to_owned())?
    .map_err(|error| error.to_string())?;
    if is_expected(case, &answer) {
        Ok(started.elapsed())
    } else {
        Err(format!("wrong answer {}", answer.status))
    }
}

/// A client that sends `head` and `body`, then waits up to `wait` for the server to answer
/// and close. Returns the status answered (0 for none) and whether the server closed.
async fn broken_client(
    addr: String,
    head: String,
    body: &'static [u8],
    wait: Duration,
) -> (u16, bool) {
    let Ok(mut stream) = TcpStream::connect(&addr).await else {
        return (0, false);
    };
    if stream.write_all(head.as_bytes()).await.is_err() || stream.write_all(body).await.is_err() {
        return (0, false);
    }
    let mut buffer = Vec::new();
    let outcome = tokio::time::timeout(wait, async {
        let status = read_answer(&mut stream, &mut buffer)
            .await
            .map_or(0, |answer| answer.status);
        // After the answer the server must close: a read returns 0 (or an error).
        let closed = matches!(stream.read(&mut [0u8; 64]).await, Ok(0) | Err(_));
        (status, closed)
    })
    .await;
    outcome.unwrap_or((0, false))
}

async fn slow_clients(addr: &str) {
    let wait = Duration::from_secs(20);
    let download = |length: usize| {
        format!(
            "PUT /download+1 HTTP/1.1\r\nHost: 127.0.0.1\r\n{TOKEN}{JSON}Content-Length: {length}\r\n\r\n"
        )
    };
    let started = Instant::now();
    // 1,000 idle connections: opened, never written to, held to the end of this phase.
    let mut idle = Vec::new();
    for _ in 0..1000 {
        match TcpStream::connect(addr).await {
            Ok(stream) => idle.push(stream),
            Err(error) => {
                println!("  idle connection {} refused: {error}", idle.len());
                break;
            }
        }
    }
    let half_bodies: Vec<_> = (0..300)
        .map(|_| {
            tokio::spawn(broken_client(
                addr.to_owned(),
                download(40),
                br#"{"channel":"#,
                wait,
            ))
        })
        .collect();
    let huge = tokio::spawn(broken_client(
        addr.to_owned(),
        download(1_000_000_000),
        b"",
        wait,
    ));
    // A client that closes mid-request: half a body, then gone.
    {
        let mut stream = TcpStream::connect(addr).await.expect("connect");
        stream
            .write_all(download(40).as_bytes())
            .await
            .expect("write");
        stream.write_all(br#"{"chan"#).await.expect("write");
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let meanwhile = timed_request(addr).await;
    let (huge_status, huge_closed) = huge.await.expect("client");
    let mut answered = 0;
    let mut closed = 0;
    let mut statuses = std::collections::BTreeMap::new();
    for client in half_bodies {
        let (status, was_closed) = client.await.expect("client");
        answered += u32::from(status != 0);
        closed += u32::from(was_closed);
        *statuses.entry(status).or_insert(0) += 1;
    }
    let after = timed_request(addr).await;
    println!(
        "slow clients ({} idle connections held): Content-Length 1000000000 answered {huge_status}, closed {huge_closed}; \
         300 half bodies: {answered} answered ({statuses:?} by status), {closed} closed, in {:.1} s; \
         a normal request meanwhile: {meanwhile:?}; after: {after:?}",
        idle.len(),
        started.elapsed().as_secs_f64(),
    );
}

/// The throughput service: one handler text bare and under the envelope layer, a
/// success and a derived error, in one process so that they compare fairly.
async fn throughput_service(port: u16) {
    use axum::routing::get;
    use hero_codes::axum::EnvelopeRouter;
    use hero_codes::{ApiResponse, ResultCode};
    let app = axum::Router::new()
        .route("/enveloped", get(|| async { "Hello, World!" }))
        .route(
            "/success",
            get(|| async { ApiResponse::<_, ResultCode>::ok("Hello, World!") }),
        )
        .route(
            "/error",
            get(|| async { Err::<(), _>(hero_codes_bench::AppError::NotFound) }),
        )
        .routes_with_envelope::<ResultCode>()
        // Added after the route layer: the bare baseline.
        .route("/", get(|| async { "Hello, World!" }));
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .expect("bind");
    axum::serve(listener, app).await.expect("serve");
}

fn get_case(path: &str, status: u16, code: &'static str) -> Case {
    Case {
        name: "throughput",
        head: format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
        body: b"",
        status,
        code,
        closes: false,
    }
}

/// Requests per second of each route, in rounds so that a change of load on the machine
/// falls on all of them alike.
async fn throughput(connections: usize, seconds_each: u64) {
    let port = free_port();
    let _service = Server(
        Command::new(std::env::current_exe().expect("this binary"))
            .args(["serve-throughput", &port.to_string()])
            .spawn()
            .expect("start the throughput service"),
    );
    let addr = format!("127.0.0.1:{port}");
    wait_for(&addr).await;
    let routes: [(&str, &'static [Case]); 4] = [
        (
            "bare hello-world (GET /, no layer)",
            leak(vec![get_case("/", 200, "")]),
        ),
        (
            "hello-world under EnvelopeLayer (GET /enveloped)",
            leak(vec![get_case("/enveloped", 200, "")]),
        ),
        (
            "success (GET /success, ApiResponse::ok)",
            leak(vec![get_case("/success", 200, "0")]),
        ),
        (
            "derived error (GET /error, AppError::NotFound)",
            leak(vec![get_case("/error", 404, "10400")]),
        ),
    ];
    let mut totals: Vec<(Tally, Duration)> = routes
        .iter()
        .map(|_| (Tally::default(), Duration::ZERO))
        .collect();
    for _round in 0..3 {
        for ((_, cases), total) in routes.iter().zip(&mut totals) {
            let (tally, elapsed) = load(&addr, cases, connections, seconds_each).await;
            total.0.merge(tally);
            total.1 += elapsed;
        }
    }
    let rates: Vec<f64> = routes
        .iter()
        .zip(&mut totals)
        .map(|((label, _), (tally, elapsed))| report(label, tally, *elapsed))
        .collect();
    println!(
        "throughput against bare hello-world: under the layer {:.3}, success {:.3}, derived error {:.3}",
        rates[1] / rates[0],
        rates[2] / rates[0],
        rates[3] / rates[0],
    );
}

fn leak<T>(value: T) -> &'static T {
    Box::leak(Box::new(value))
}

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    if args.next().as_deref() == Some("serve-throughput") {
        let port = args
            .next()
            .and_then(|port| port.parse().ok())
            .expect("a port");
        return throughput_service(port).await;
    }
    let seconds = env_number("SECONDS", 30);
    let connections = env_number("CONNECTIONS", 64) as usize;

    let port = free_port();
    let demo = Server(
        Command::new(demo_binary())
            .args(["--port", &port.to_string()])
            .env("RUST_LOG", "off")
            .env("RUST_BACKTRACE", "0")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the demo"),
    );
    let addr = format!("127.0.0.1:{port}");
    wait_for(&addr).await;
    let pid = demo.0.id();

    let cases: &'static [Case] = leak(mix());
    let (mut warm, elapsed) = load(&addr, cases, connections, 5).await;
    report("warm-up (5 s)", &mut warm, elapsed);
    let rss_warm = rss_kib(pid);
    let (mut tally, elapsed) = load(&addr, cases, connections, seconds).await;
    report(
        &format!("mix ({seconds} s, {connections} connections)"),
        &mut tally,
        elapsed,
    );
    let rss_end = rss_kib(pid);
    println!(
        "demo resident memory: {rss_warm} KiB after warm-up, {rss_end} KiB at the end ({:+.1}%)",
        (rss_end as f64 - rss_warm as f64) * 100.0 / rss_warm as f64
    );

    slow_clients(&addr).await;
    println!(
        "demo resident memory after the slow clients: {} KiB",
        rss_kib(pid)
    );

    drop(demo);
    throughput(connections, env_number("ROUTE_SECONDS", 5)).await;
}
