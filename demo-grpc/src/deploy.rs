//! What the gRPC demo bounds, as a deployed service must: a connection that never speaks
//! HTTP/2, a peer that stops answering, and the wait for calls in flight at shutdown.

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpSocket, TcpStream};
use tokio::time::{Sleep, sleep};
use tonic::codegen::tokio_stream::{Stream, StreamExt};
use tonic::transport::server::{Connected, TcpConnectInfo, TcpIncoming};

/// How long a new connection has to send the HTTP/2 connection preface and the header of
/// its first frame; a connection that has not is closed.
pub const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// How often the server pings an idle connection, and how long it waits for the answer
/// before closing it: a peer gone silent holds its connection at most twice this.
pub const KEEPALIVE: Duration = Duration::from_secs(10);

/// How long the calls in flight may take to finish once SIGTERM or SIGINT came.
pub const SHUTDOWN_TIMEOUT: Duration = Duration::from_secs(20);

/// Listens on `address` with room for 1,024 connections not yet accepted, as the HTTP
/// demo does: `TcpListener::bind` leaves 128, and a burst of more connections than that
/// waits for the kernel's SYN retransmission, a second or more.
///
/// # Errors
/// The address cannot be bound.
pub fn listen(address: SocketAddr) -> io::Result<TcpListener> {
    let socket = TcpSocket::new_v4()?;
    socket.set_reuseaddr(true)?;
    socket.bind(address)?;
    socket.listen(1024)
}

/// The client connection preface (24 bytes) and the 9-byte header of the SETTINGS frame
/// that must follow it (RFC 9113, section 3.4).
const HANDSHAKE_BYTES: usize = 24 + 9;

/// The connections of `incoming`, each closed unless it sends its HTTP/2 preface within
/// [`HANDSHAKE_TIMEOUT`].
pub fn with_handshake_deadline(
    incoming: TcpIncoming,
) -> impl Stream<Item = io::Result<HandshakeDeadline<TcpStream>>> {
    incoming.map(|accepted| accepted.map(HandshakeDeadline::new))
}

/// A connection whose reads fail with `TimedOut` once [`HANDSHAKE_TIMEOUT`] has passed
/// before its first 33 bytes (the preface and a frame header) came: hyper then closes it. Once they came,
/// it is the connection as it is.
pub struct HandshakeDeadline<IO> {
    io: IO,
    // Boxed so that the connection stays `Unpin`, as hyper needs.
    deadline: Pin<Box<Sleep>>,
    awaited: usize,
}

impl<IO> HandshakeDeadline<IO> {
    fn new(io: IO) -> Self {
        HandshakeDeadline {
            io,
            deadline: Box::pin(sleep(HANDSHAKE_TIMEOUT)),
            awaited: HANDSHAKE_BYTES,
        }
    }
}

impl<IO: AsyncRead + Unpin> AsyncRead for HandshakeDeadline<IO> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        // Polling the deadline while bytes are awaited also wakes this read when it passes.
        if self.awaited > 0 && self.deadline.as_mut().poll(cx).is_ready() {
            return Poll::Ready(Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "no HTTP/2 connection preface within the handshake timeout",
            )));
        }
        let before = buf.filled().len();
        let read = Pin::new(&mut self.io).poll_read(cx, buf);
        if let Poll::Ready(Ok(())) = read {
            let came = buf.filled().len() - before;
            self.awaited = self.awaited.saturating_sub(came);
        }
        read
    }
}

impl<IO: AsyncWrite + Unpin> AsyncWrite for HandshakeDeadline<IO> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.io).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_shutdown(cx)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.io).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }
}

impl Connected for HandshakeDeadline<TcpStream> {
    type ConnectInfo = TcpConnectInfo;

    fn connect_info(&self) -> Self::ConnectInfo {
        self.io.connect_info()
    }
}
