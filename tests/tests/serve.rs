//! `hero_codes::axum::serve`'s bounds over a real 127.0.0.1 socket, with short timeouts: a
//! client that does not finish its headers is closed (and so is a kept-alive connection left
//! idle), a shutdown lets a request in flight
//! finish and refuses new connections, and a request that outlives the shutdown timeout is
//! cut so that the server still returns. (tests/deploy.rs holds the demos to the same with
//! the demos' own bounds, on signals.)

use std::time::{Duration, Instant};

use axum::Router;
use axum::routing::get;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

const HEADER_TIMEOUT: Duration = Duration::from_millis(300);

struct Server {
    addr: String,
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<std::io::Result<()>>,
}

impl Server {
    /// Serves `/` (at once), `/slow` (500 ms) and `/forever` (an hour).
    async fn start(shutdown_timeout: Duration) -> Self {
        let app = Router::new()
            .route("/", get(|| async { "at once" }))
            .route(
                "/slow",
                get(|| async {
                    tokio::time::sleep(Duration::from_millis(500)).await;
                    "after 500 ms"
                }),
            )
            .route(
                "/forever",
                get(|| async {
                    tokio::time::sleep(Duration::from_secs(3600)).await;
                    "never"
                }),
            );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1");
        let addr = listener.local_addr().expect("an address").to_string();
        let (stop, stopped) = oneshot::channel();
        let server = hero_codes::axum::serve(listener, app)
            .header_timeout(HEADER_TIMEOUT)
            .shutdown_timeout(shutdown_timeout)
            .shutdown_signal(async {
                let _ = stopped.await;
            });
        Server {
            addr,
            stop: Some(stop),
            task: tokio::spawn(server.into_future()),
        }
    }

    /// Sends a GET of `path` on a new connection and leaves it to be read.
    async fn send(&self, path: &str) -> TcpStream {
        let mut stream = TcpStream::connect(&self.addr).await.expect("connect");
        let request = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        stream.write_all(request.as_bytes()).await.expect("write");
        stream
    }

    fn stop(&mut self) {
        self.stop
            .take()
            .expect("stopped once")
            .send(())
            .expect("serving");
    }

    /// Waits for `serve` to return; panics unless it returns `Ok` within `within`.
    async fn stopped(self, within: Duration) {
        let returned = tokio::time::timeout(within, self.task)
            .await
            .expect("serve returns in time");
        returned
            .expect("the server task")
            .expect("serve returns Ok");
    }
}

/// Reads until the server closes; an error (a reset) ends it as a close does.
async fn read_to_close(stream: &mut TcpStream) -> String {
    let mut answer = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut answer));
    let _ = read.await.expect("the server closes within 5 s");
    String::from_utf8_lossy(&answer).into_owned()
}

#[tokio::test]
async fn a_client_that_does_not_finish_its_headers_is_closed() {
    let server = Server::start(Duration::from_secs(1)).await;
    let started = Instant::now();
    let mut slow = TcpStream::connect(&server.addr).await.expect("connect");
    slow.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        .await
        .expect("write");
    let silent_started = Instant::now();
    let mut silent = TcpStream::connect(&server.addr).await.expect("connect");
    // Meanwhile a whole request is answered.
    let mut whole = server.send("/").await;
    let mut answer = [0u8; 15];
    whole.read_exact(&mut answer).await.expect("an answer");
    assert_eq!(&answer, b"HTTP/1.1 200 OK");
    let answered = Instant::now();

    assert_eq!(
        read_to_close(&mut slow).await,
        "",
        "closed without an answer"
    );
    let elapsed = started.elapsed();
    assert!(elapsed >= HEADER_TIMEOUT, "closed after {elapsed:?}");
    assert_eq!(read_to_close(&mut silent).await, "");
    assert!(silent_started.elapsed() >= HEADER_TIMEOUT);
    // The answered connection, kept alive and idle, is closed by the same timer.
    assert!(read_to_close(&mut whole).await.ends_with("at once"));
    // The timer started when the answer was written, a moment before it was read here.
    assert!(answered.elapsed() >= HEADER_TIMEOUT - Duration::from_millis(50));
}

#[tokio::test]
async fn a_shutdown_lets_a_request_in_flight_finish() {
    // A shutdown timeout far beyond the 500 ms answer, so that a server which waited for it
    // instead of for the answer shows plainly.
    let mut server = Server::start(Duration::from_secs(30)).await;
    let mut slow = server.send("/slow").await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    server.stop();
    let answer = read_to_close(&mut slow).await;
    assert!(answer.starts_with("HTTP/1.1 200 OK"), "{answer}");
    assert!(answer.ends_with("after 500 ms"), "{answer}");
    // No new connection once the signal came: a load balancer moves on at once.
    assert!(TcpStream::connect(&server.addr).await.is_err());
    // Returned once the answer was written, not at the shutdown timeout.
    server.stopped(Duration::from_secs(10)).await;
}

#[tokio::test]
async fn a_request_that_outlives_the_shutdown_timeout_is_cut() {
    let shutdown_timeout = Duration::from_millis(300);
    let mut server = Server::start(shutdown_timeout).await;
    let mut forever = server.send("/forever").await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    let stopped = Instant::now();
    server.stop();
    // `/forever` sleeps an hour, so returning at all shows the cut; the bound leaves room for
    // a busy machine.
    server
        .stopped(shutdown_timeout + Duration::from_secs(10))
        .await;
    let elapsed = stopped.elapsed();
    assert!(elapsed >= shutdown_timeout, "returned after {elapsed:?}");
    assert_eq!(
        read_to_close(&mut forever).await,
        "",
        "cut without an answer"
    );
}

/// `serve` takes any service of axum's requests: here the envelope layer wrapped around a
/// router, whose unknown route answers in the envelope.
#[tokio::test]
async fn a_layer_wrapped_around_a_router_is_served_too() {
    use hero_codes::{ResultCode, axum::EnvelopeLayer};
    use tower::Layer;

    let router = Router::new().route("/", get(|| async { "at once" }));
    let app = EnvelopeLayer::<ResultCode>::new().layer(router);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind 127.0.0.1");
    let addr = listener.local_addr().expect("an address");
    let (stop, stopped) = oneshot::channel::<()>();
    let server = tokio::spawn(
        hero_codes::axum::serve(listener, app)
            .shutdown_signal(async {
                let _ = stopped.await;
            })
            .into_future(),
    );
    let mut stream = TcpStream::connect(addr).await.expect("connect");
    let request = "GET /nope HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    stream.write_all(request.as_bytes()).await.expect("write");
    let answer = read_to_close(&mut stream).await;
    assert!(answer.starts_with("HTTP/1.1 404 Not Found"), "{answer}");
    assert!(answer.contains(r#""result_code":"10400""#), "{answer}");
    stop.send(()).expect("serving");
    let returned = tokio::time::timeout(Duration::from_secs(5), server).await;
    returned
        .expect("serve returns in time")
        .expect("the task")
        .expect("Ok");
}
