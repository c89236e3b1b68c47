//! The demo's tracker over gRPC: the response spec's search
//! (`POST /api/tracker/apps?search_value=Farm`) as the method `hero.tracker.v1.Tracker/SearchApps`,
//! answering the same apps as the HTTP demo and, for a missing app or argument, the same
//! catalog codes, as `tonic::Status` with `ErrorInfo` and `LocalizedMessage`.
//!
//! ```sh
//! cargo run -p demo-grpc        # port 50051, or PORT=50052, or -- --port 50052
//! grpcurl -plaintext -d '{"search_value": "Farm"}' 127.0.0.1:50051 hero.tracker.v1.Tracker/SearchApps
//! grpcurl -plaintext -H 'accept-language: en' -d '{"id": 9}' 127.0.0.1:50051 hero.tracker.v1.Tracker/GetApp
//! ```
//!
//! The server answers reflection (grpcurl, Postman and other clients need no `.proto`),
//! runs every method under [`StatusLayer`] (the request's language, a panic answered
//! 10500, every answer recorded by its code), and drains on SIGTERM or SIGINT.

use std::net::SocketAddr;
use std::sync::Arc;

use hero_codes::ResultCode;
use hero_codes::grpc::StatusLayer;
use tonic::{Request, Response, Status};

// The HTTP demo's state, errors and tracker, shared: the same data and codes. Its
// download route and HTTP settings are not served over gRPC.
#[allow(dead_code)]
#[path = "../../hero-codes/examples/demo_service/mod.rs"]
mod service;

pub use service::{Demo, Search, TrackerError};

/// The messages and service of `proto/tracker.proto`.
pub mod proto {
    tonic::include_proto!("hero.tracker.v1");

    /// The file descriptor set reflection answers from.
    pub const FILE_DESCRIPTOR_SET: &[u8] =
        tonic::include_file_descriptor_set!("tracker_descriptor");
}

use proto::tracker_server::{Tracker, TrackerServer};

/// The port the demo listens on when none is given.
pub const DEFAULT_PORT: u16 = 50051;

/// The tracker service, over the HTTP demo's state.
pub struct TrackerService {
    demo: Arc<Demo>,
}

impl TrackerService {
    /// The service over `demo`.
    pub fn new(demo: Arc<Demo>) -> Self {
        TrackerService { demo }
    }
}

/// A storage failure of [`Tracker::backup`]: 10500, whose cause only the log sees.
#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
#[api(catalog = "ResultCode")]
pub enum BackupError {
    #[error("backup failed")]
    #[api(code = "10500")]
    Storage(#[source] std::io::Error),
}

#[tonic::async_trait]
impl Tracker for TrackerService {
    async fn search_apps(
        &self,
        request: Request<proto::SearchAppsRequest>,
    ) -> Result<Response<proto::SearchAppsResponse>, Status> {
        let search = Search {
            search_value: request.into_inner().search_value,
        };
        let answer = service::search_apps(&self.demo, search)?;
        let data = answer.into_result().ok().flatten().unwrap_or_default();
        Ok(Response::new(proto::SearchAppsResponse {
            data: data.iter().map(message).collect(),
        }))
    }

    async fn get_app(
        &self,
        request: Request<proto::GetAppRequest>,
    ) -> Result<Response<proto::App>, Status> {
        let answer = service::get_app(&self.demo, request.into_inner().id)?;
        let app = answer.into_result().ok().flatten();
        Ok(Response::new(app.as_ref().map(message).unwrap_or_default()))
    }

    async fn backup(
        &self,
        _: Request<proto::BackupRequest>,
    ) -> Result<Response<proto::BackupResponse>, Status> {
        let cause = std::io::Error::other("disk full at /var/backups (password=hunter2)");
        Err(BackupError::Storage(cause).into())
    }

    async fn panic(
        &self,
        _: Request<proto::PanicRequest>,
    ) -> Result<Response<proto::PanicResponse>, Status> {
        panic!("the demo's panicking method (this text never reaches a client)")
    }
}

/// The HTTP demo's app as a message: the same fields, through serde, so the two demos
/// cannot drift apart.
fn message(app: &service::App) -> proto::App {
    serde_json::to_value(app)
        .and_then(serde_json::from_value)
        .expect("proto::App has the fields of the demo's App")
}

/// Serves the tracker and reflection on `listener` until `shutdown` completes, under
/// [`StatusLayer`] in `ResultCode`.
pub async fn serve(
    listener: tokio::net::TcpListener,
    shutdown: impl Future<Output = ()>,
) -> Result<(), tonic::transport::Error> {
    let reflection = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(proto::FILE_DESCRIPTOR_SET)
        .build_v1()
        .expect("the descriptor set compiled with the service");
    let tracker = TrackerServer::new(TrackerService::new(Arc::new(Demo::with_example_app())));
    let incoming = tonic::transport::server::TcpIncoming::from(listener);
    tonic::transport::Server::builder()
        .layer(StatusLayer::<ResultCode>::new())
        .add_service(tracker)
        .add_service(reflection)
        .serve_with_incoming_shutdown(incoming, shutdown)
        .await
}

/// The address to listen on: 127.0.0.1 and `--port N`, else `PORT`, else 50051.
///
/// # Errors
/// An unknown argument, or a port that is not a number.
pub fn address() -> Result<SocketAddr, String> {
    let mut args = std::env::args().skip(1);
    let given = match (args.next().as_deref(), args.next()) {
        (Some("--port"), Some(port)) => Some(port),
        (Some(other), _) => return Err(format!("unknown argument `{other}`: use --port N")),
        (None, _) => std::env::var("PORT").ok(),
    };
    let port = given.map_or(Ok(DEFAULT_PORT), |port| {
        port.parse()
            .map_err(|_| format!("`{port}` is not a port number"))
    })?;
    Ok(SocketAddr::from(([127, 0, 0, 1], port)))
}
