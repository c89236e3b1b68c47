//! `RequestLimits` over a real socket: a lying or stalled client is answered in the
//! envelope and its connection closed, at once or when the timeout runs out.

mod support;

use std::time::{Duration, Instant};

use axum::Router;
use axum::routing::put;
use hero_codes::HeroCode;
use hero_codes::axum::{EnvelopeRouter, RequestLimits};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const TIMEOUT: Duration = Duration::from_millis(300);

async fn bounded_service() -> String {
    let router = Router::new()
        .route(
            "/upload",
            put(|body: bytes::Bytes| async move { body.len().to_string() }),
        )
        .with_request_limits(1024, TIMEOUT)
        .with_envelope::<HeroCode>();
    let base = support::spawn(router).await;
    base.trim_start_matches("http://").to_owned()
}

/// Sends `raw`, reads until the server closes (at most 5 s), returns what it answered.
async fn exchange(addr: &str, raw: &[u8]) -> String {
    let mut stream = TcpStream::connect(addr).await.expect("connect");
    stream.write_all(raw).await.expect("write");
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut answer))
        .await
        .expect("the server answers and closes within 5 s")
        .expect("read");
    String::from_utf8_lossy(&answer).into_owned()
}

#[tokio::test]
async fn an_announced_body_over_the_limit_answers_413_before_it_is_sent() {
    let addr = bounded_service().await;
    let answer = exchange(
        &addr,
        b"PUT /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000\r\n\r\n",
    )
    .await;
    // No byte of the body is ever sent: a server that waited for it would answer the
    // timeout's 408 (as the next test shows), so a 413 was decided from the headers alone.
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(
        answer.ends_with(r#""result_code":"4003","result_desc":"上传文件的体积超过限制"}"#),
        "{answer}"
    );
}

#[tokio::test]
async fn a_stalled_body_answers_408_in_the_envelope_when_the_timeout_runs_out() {
    let addr = bounded_service().await;
    let started = Instant::now();
    let answer = exchange(
        &addr,
        b"PUT /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 40\r\n\r\n{\"half\":",
    )
    .await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    // HeroCode has no 408 code: its `bad_request` answers.
    assert!(
        answer.ends_with(r#""result_code":"1000","result_desc":"输入参数错误"}"#),
        "{answer}"
    );
    assert!(started.elapsed() >= TIMEOUT, "answered before the timeout");
}

#[tokio::test]
async fn a_body_within_the_limit_is_read() {
    let addr = bounded_service().await;
    let answer = exchange(
        &addr,
        b"PUT /upload HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 5\r\n\r\nhello",
    )
    .await;
    assert!(
        answer.starts_with("HTTP/1.1 200") && answer.ends_with("\r\n\r\n5"),
        "{answer}"
    );
}
