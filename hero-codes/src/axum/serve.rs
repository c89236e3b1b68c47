//! Serving a router as a deployed service should: a connection whose request headers are
//! not complete in time is dropped, and SIGTERM or SIGINT drains the requests in flight
//! within a bound, then returns.
//!
//! `axum::serve` sets no header timer (a client that sends a request line and then one
//! header line every few seconds holds its connection forever) and waits without bound
//! for connections on graceful shutdown. This is hyper's own HTTP/1 connection with its
//! `header_read_timeout`, in an accept loop of ours that stops on a signal and waits for
//! its connections at most a given time. RELIABILITY.md has the measurements.

use std::convert::Infallible;
use std::future::{Future, IntoFuture};
use std::io;
use std::pin::{Pin, pin};
use std::time::Duration;

use axum::body::Body;
use axum::extract::Request;
use axum::response::Response;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::JoinSet;
use tower_service::Service;

/// The longest a client may take to send a request's line and headers, from the moment
/// its connection is accepted or its previous answer was written: hyper's own default.
pub const DEFAULT_HEADER_TIMEOUT: Duration = Duration::from_secs(30);

/// The longest the requests in flight at a shutdown signal may take to finish: under the
/// 30 s a container runtime such as Kubernetes waits before it kills the process.
pub const DEFAULT_SHUTDOWN_TIMEOUT: Duration = Duration::from_secs(20);

type Signal = Pin<Box<dyn Future<Output = ()> + Send>>;

/// Serves `app` on `listener` over HTTP/1.1 until SIGTERM or SIGINT (Ctrl-C), then
/// drains: see [`Serve`] for the bounds and how to change them. `app` is a `Router`, or
/// any service of axum's requests, such as an
/// [`EnvelopeLayer`](super::EnvelopeLayer) wrapped around a router (the second example).
///
/// ```no_run
/// use axum::{Router, routing::get};
/// use hero_codes::{ResultCode, axum::EnvelopeRouter};
///
/// # async fn run() -> std::io::Result<()> {
/// let app: Router = Router::new()
///     .route("/", get(|| async { "Hello, World!" }))
///     .with_envelope::<ResultCode>();
/// let listener = tokio::net::TcpListener::bind("127.0.0.1:3000").await?;
/// hero_codes::axum::serve(listener, app).await // returns once drained: exit 0
/// # }
/// ```
///
/// ```no_run
/// use axum::{Router, routing::get};
/// use hero_codes::{ResultCode, axum::EnvelopeLayer};
///
/// # async fn run() -> std::io::Result<()> {
/// let router: Router = Router::new().route("/", get(|| async { "Hello, World!" }));
/// let app = EnvelopeLayer::<ResultCode>::new().around(router);
/// let listener = tokio::net::TcpListener::bind("127.0.0.1:3000").await?;
/// hero_codes::axum::serve(listener, app).await
/// # }
/// ```
pub fn serve<S>(listener: TcpListener, app: S) -> Serve<S>
where
    S: Service<Request, Response = Response, Error = Infallible> + Clone + Send + 'static,
    S::Future: Send,
{
    Serve {
        listener,
        app,
        header_timeout: DEFAULT_HEADER_TIMEOUT,
        shutdown_timeout: DEFAULT_SHUTDOWN_TIMEOUT,
        signal: Box::pin(shutdown_signal()),
    }
}

/// A server from [`serve`], to configure and then `.await`.
///
/// - A connection whose request line and headers are not complete within
///   [`header_timeout`](Self::header_timeout) of its accept (or of its previous answer, on
///   a kept-alive connection) is closed without an answer. This also closes a kept-alive
///   connection idle that long: behind a load balancer that keeps idle connections open
///   longer (AWS ALB: 60 s), set it above the balancer's idle timeout.
/// - On the [shutdown signal](Self::shutdown_signal) it stops accepting, closes idle
///   connections, lets requests in flight finish and their answers be written, and
///   returns `Ok(())` once all connections are closed or
///   [`shutdown_timeout`](Self::shutdown_timeout) has passed, closing those left.
///
/// The time a request may take once its headers are read is the router's to bound:
/// [`RequestLimits`](super::RequestLimits).
///
/// ```
/// use std::time::Duration;
/// use axum::{Router, routing::get};
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
/// let addr = listener.local_addr()?;
/// let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
/// let app = Router::new().route("/", get(|| async { "Hello, World!" }));
/// let server = hero_codes::axum::serve(listener, app)
///     .header_timeout(Duration::from_secs(10))
///     .shutdown_timeout(Duration::from_secs(20))
///     // In place of SIGTERM or SIGINT.
///     .shutdown_signal(async { stopped.await.unwrap_or(()) });
/// let server = tokio::spawn(server.into_future());
///
/// // A client that has sent nothing yet does not hold the drain.
/// let _silent = tokio::net::TcpStream::connect(addr).await?;
/// stop.send(()).unwrap_or(());
/// server.await.expect("the server task")?;
/// # Ok(())
/// # }
/// ```
#[must_use = "a server does nothing until awaited"]
pub struct Serve<S = axum::Router> {
    listener: TcpListener,
    app: S,
    header_timeout: Duration,
    shutdown_timeout: Duration,
    signal: Signal,
}

impl<S> Serve<S>
where
    S: Service<Request, Response = Response, Error = Infallible> + Clone + Send + 'static,
    S::Future: Send,
{
    /// The longest a client may take to send a request's line and headers (default
    /// [`DEFAULT_HEADER_TIMEOUT`]).
    pub fn header_timeout(mut self, timeout: Duration) -> Self {
        self.header_timeout = timeout;
        self
    }

    /// The longest requests in flight may take to finish once the shutdown signal came
    /// (default [`DEFAULT_SHUTDOWN_TIMEOUT`]).
    pub fn shutdown_timeout(mut self, timeout: Duration) -> Self {
        self.shutdown_timeout = timeout;
        self
    }

    /// Drains when `signal` completes instead of on SIGTERM or SIGINT
    /// ([`shutdown_signal`]).
    pub fn shutdown_signal(mut self, signal: impl Future<Output = ()> + Send + 'static) -> Self {
        self.signal = Box::pin(signal);
        self
    }

    async fn run(self) -> io::Result<()> {
        let mut http = http1::Builder::new();
        http.timer(TokioTimer::new())
            .header_read_timeout(self.header_timeout);
        let (stop, stopping) = watch::channel(false);
        let mut connections = JoinSet::new();
        let mut signal = self.signal;
        loop {
            tokio::select! {
                () = &mut signal => break,
                accepted = self.listener.accept() => match accepted {
                    Ok((stream, _)) => {
                        let connection = serve_connection(&http, stream, self.app.clone());
                        connections.spawn(until_stopped(connection, stopping.clone()));
                    }
                    Err(error) => pause_after(error).await,
                },
                // Reaps finished connections, so the set holds only open ones.
                Some(_) = connections.join_next() => {}
            }
        }
        drop(self.listener);
        tracing::info!(
            connections = connections.len(),
            "shutdown signal: draining connections"
        );
        stop.send_replace(true);
        let drained = tokio::time::timeout(self.shutdown_timeout, async {
            while connections.join_next().await.is_some() {}
        });
        if drained.await.is_err() {
            tracing::warn!(
                connections = connections.len(),
                timeout = ?self.shutdown_timeout,
                "shutdown timeout: closing the connections left"
            );
            connections.shutdown().await;
        }
        Ok(())
    }
}

impl<S> IntoFuture for Serve<S>
where
    S: Service<Request, Response = Response, Error = Infallible> + Clone + Send + 'static,
    S::Future: Send,
{
    type Output = io::Result<()>;
    type IntoFuture = Pin<Box<dyn Future<Output = io::Result<()>> + Send>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.run())
    }
}

/// Completes on SIGTERM (what a container runtime sends to stop a process) or SIGINT
/// (Ctrl-C); on other systems than Unix, on Ctrl-C. The signal [`serve`] drains on.
///
/// # Panics
///
/// If the signal handlers cannot be installed, which happens only outside a tokio
/// runtime or when the process is out of file descriptors at start.
pub async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut terminate = signal(SignalKind::terminate()).expect("a SIGTERM handler");
        let mut interrupt = signal(SignalKind::interrupt()).expect("a SIGINT handler");
        tokio::select! {
            _ = terminate.recv() => {}
            _ = interrupt.recv() => {}
        }
    }
    #[cfg(not(unix))]
    tokio::signal::ctrl_c().await.expect("a Ctrl-C handler");
}

/// A service of axum's requests, as hyper calls it: each request's body made axum's.
#[derive(Clone)]
struct FromHyper<S>(S);

impl<S: Service<Request>> Service<hyper::Request<Incoming>> for FromHyper<S> {
    type Response = S::Response;
    type Error = S::Error;
    type Future = S::Future;

    fn poll_ready(
        &mut self,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), Self::Error>> {
        self.0.poll_ready(cx)
    }

    fn call(&mut self, request: hyper::Request<Incoming>) -> Self::Future {
        self.0.call(request.map(Body::new))
    }
}

type Connection<S> =
    http1::UpgradeableConnection<TokioIo<TcpStream>, TowerToHyperService<FromHyper<S>>>;

fn serve_connection<S>(http: &http1::Builder, stream: TcpStream, app: S) -> Connection<S>
where
    S: Service<Request, Response = Response, Error = Infallible> + Clone + Send + 'static,
    S::Future: Send,
{
    // Upgrades, so that a router's WebSocket routes work as under `axum::serve`.
    http.serve_connection(
        TokioIo::new(stream),
        TowerToHyperService::new(FromHyper(app)),
    )
    .with_upgrades()
}

/// Serves a connection to its end; once `stopping` turns true, lets its request in flight
/// finish and closes it.
async fn until_stopped<S>(connection: Connection<S>, mut stopping: watch::Receiver<bool>)
where
    S: Service<Request, Response = Response, Error = Infallible> + Clone + Send + 'static,
    S::Future: Send,
{
    let mut connection = pin!(connection);
    // The guard `wait_for` returns is not `Send`: drop it inside.
    let stopped = async {
        let _ = stopping.wait_for(|stop| *stop).await;
    };
    let result = tokio::select! {
        result = connection.as_mut() => result,
        () = stopped => {
            connection.as_mut().graceful_shutdown();
            connection.await
        }
    };
    if let Err(error) = result {
        // A header timeout, a client gone, a malformed request: the client's doing.
        tracing::debug!(%error, "connection closed");
    }
}

/// After a failed accept: a connection reset before it was accepted is nothing; anything
/// else (out of file descriptors) is logged, and accepting pauses a second rather than
/// spinning.
async fn pause_after(error: io::Error) {
    use io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset};
    if matches!(
        error.kind(),
        ConnectionAborted | ConnectionRefused | ConnectionReset
    ) {
        return;
    }
    tracing::error!(%error, "accept failed; accepting again in 1 s");
    tokio::time::sleep(Duration::from_secs(1)).await;
}
