//! actix-web glue: every answer of an `App` in the envelope, as the `axum` module does for
//! axum.
//!
//! - Derived errors and the catalog enums implement `ResponseError`: return them from a
//!   handler. Answers come from the bodies serialized at compile time; 5xx answers carry
//!   only the catalog's text, the error and its source chain go to `tracing`.
//! - [`ApiResponse`](crate::ApiResponse) implements `Responder` for success.
//! - [`EnvelopeApp::with_envelope`] puts everything else in the envelope too: rejections of
//!   actix's own `Json`, `Query`, `Path` and `Form` extractors (without echoing the input or
//!   serde's message), unknown routes, wrong methods (keeping `Allow`), bodies over the
//!   limit, wrong content types and panics; and answers in the request's `Accept-Language`.
//!
//! Which code answers which failure comes from the catalog's `failures` table.
//!
//! ```no_run
//! use actix_web::{App, HttpServer, web};
//! use hero_codes::actix::EnvelopeApp;
//! use hero_codes::{ApiResponse, ResultCode};
//!
//! #[derive(Debug, thiserror::Error, hero_codes::ApiError)]
//! enum AppError {
//!     #[error("app {id} not found")]
//!     #[api(code = "10400", desc = "应用{id}不存在", en = "App {id} does not exist")]
//!     AppNotFound { id: u64 },
//! }
//!
//! async fn get_app(id: web::Path<u64>) -> Result<ApiResponse<String>, AppError> {
//!     match id.into_inner() {
//!         1 => Ok(ApiResponse::ok("Farm测试开发".to_owned())),
//!         id => Err(AppError::AppNotFound { id }),
//!     }
//! }
//!
//! #[actix_web::main]
//! async fn main() -> std::io::Result<()> {
//!     HttpServer::new(|| {
//!         App::new()
//!             .route("/apps/{id}", web::get().to(get_app))
//!             .with_envelope::<ResultCode>()
//!     })
//!     .bind(("127.0.0.1", 3000))?
//!     .run()
//!     .await
//! }
//! ```

mod app;
mod middleware;
mod response;

pub use app::EnvelopeApp;
pub use middleware::{EnvelopeLayer, EnvelopeService};
#[doc(hidden)] // called by the glue macro only
pub use response::actix_status as __status;
pub use response::{error_response, failure_response};
