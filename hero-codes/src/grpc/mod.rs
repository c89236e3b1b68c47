//! gRPC with tonic (feature `tonic`): the same catalog codes as over HTTP, as
//! `tonic::Status` with Google's rich error model.
//!
//! - Derived errors and catalog enums convert into [`Status`] (`?` works in a tonic
//!   handler): the code's gRPC status (the catalog's `grpc`, else the one its HTTP status
//!   maps to by `google/rpc/code.proto`), its description in the request's language as the
//!   message, and in `grpc-status-details-bin` an `ErrorInfo` (reason: the code's variant
//!   in UPPER_SNAKE_CASE; domain: the catalog's; metadata: `code`, the envelope's code as
//!   written, and the fields a variant's own description names) and a `LocalizedMessage`.
//!   A 5xx code logs its error's source chain and tells the client nothing of it.
//! - [`StatusLayer`] for tonic servers: the request's `accept-language` picks the language,
//!   a panicking handler answers the catalog's `internal` code, any other error status
//!   gets the details of the catalog's code for it, and every answer is recorded by its
//!   code, as the HTTP layers record theirs.
//! - Clients read a `Status` back with [`reply`]: the catalog's code when the domain and
//!   the code match, [`Code::Unknown`](crate::Code::Unknown) with the code kept otherwise,
//!   and the localized text.
//!
//! ```
//! use hero_codes::ResultCode;
//! use tonic::{Code, Status};
//!
//! #[derive(Debug, thiserror::Error, hero_codes::ApiError)]
//! enum AppError {
//!     #[error("app {id} not found")]
//!     #[api(code = "10400", desc = "应用{id}不存在", en = "App {id} does not exist")]
//!     AppNotFound { id: u64 },
//! }
//!
//! let status = Status::from(AppError::AppNotFound { id: 7 });
//! assert_eq!(status.code(), Code::NotFound);
//! assert_eq!(status.message(), "应用7不存在");
//!
//! let reply = hero_codes::grpc::reply::<ResultCode>(&status);
//! assert_eq!(reply.code, hero_codes::Code::Known(ResultCode::NotFound));
//! assert_eq!(reply.desc, "应用7不存在");
//! assert_eq!(reply.reason.as_deref(), Some("NOT_FOUND"));
//! assert_eq!(reply.fields, [("id".to_owned(), "7".to_owned())]);
//! ```

mod layer;
mod reply;

use std::collections::HashMap;
use std::error::Error;
use std::fmt;
use std::sync::Arc;

use tonic::{Code, Status};
use tonic_types::{ErrorDetails, StatusExt};

use crate::error::report_server_error;
use crate::locale::answer_locale;
use crate::{ApiError, CodeIdentity};

pub use layer::{StatusLayer, StatusService};
pub use reply::{StatusReply, reply};

/// The key of the envelope's code in `ErrorInfo.metadata`.
pub const CODE_KEY: &str = "code";

/// The `Status` `error` answers with over gRPC, in the language answers are made in now
/// (the request's, under [`StatusLayer`]): what `From<error> for Status` calls, for
/// errors you hold by reference.
///
/// ```
/// use hero_codes::{ResultCode, grpc};
///
/// let status = hero_codes::in_locale("en", || grpc::status(&ResultCode::NotFound));
/// assert_eq!(status.code(), tonic::Code::NotFound);
/// assert_eq!(status.message(), "The requested resource does not exist");
/// ```
pub fn status<E: ApiError>(error: &E) -> Status {
    answer(error, grpc_code(error.identity()))
}

/// The `Status` of `error` with the gRPC code `grpc`: its own, or that of a status the
/// layer replaces.
fn answer<E: ApiError>(error: &E, grpc: Code) -> Status {
    let http_status = error.status();
    if http_status.is_server_error() {
        report_server_error(error.code(), http_status, error);
    }
    let identity = error.identity();
    let locales = error.envelope().locales;
    let locale = answer_locale(locales);
    let desc = error.localized_desc(locale);
    let mut metadata = HashMap::with_capacity(1);
    metadata.insert(CODE_KEY.to_owned(), error.code().to_owned());
    error.visit_fields(&mut |name, value| {
        metadata.insert(name.to_owned(), value.to_string());
    });
    let mut details = ErrorDetails::new();
    details.set_error_info(identity.reason(), identity.domain(), metadata);
    if let Some(tag) = locales.get(locale) {
        details.set_localized_message(*tag, desc.as_ref());
    }
    marked(Status::with_error_details(grpc, desc, details), identity)
}

/// The gRPC code of `identity`: never `OK` for an error (a 2xx code that is not the
/// success code, answered as an error, is `UNKNOWN`).
fn grpc_code(identity: &CodeIdentity) -> Code {
    match Code::from_i32(identity.grpc()) {
        Code::Ok => Code::Unknown,
        code => code,
    }
}

/// `status`, carrying the code `identity` it answers for [`StatusLayer`] to record: the
/// mark rides in the status itself (as its source, which tonic never sends), so it is
/// recorded wherever the status was made.
fn marked(mut status: Status, identity: &'static CodeIdentity) -> Status {
    status.set_source(Arc::new(Answered(identity)));
    status
}

/// The code a `Status` answers, as its source.
#[derive(Debug)]
struct Answered(&'static CodeIdentity);

impl fmt::Display for Answered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "answered with code {}", self.0.code())
    }
}

impl Error for Answered {}

/// The code `status` was marked with by [`status`], if any.
fn answered(status: &Status) -> Option<&'static CodeIdentity> {
    status
        .source()
        .and_then(|source| source.downcast_ref::<Answered>())
        .map(|answered| answered.0)
}

/// `From<error> for tonic::Status`, for a type that implements [`ApiError`].
#[macro_export]
#[doc(hidden)]
macro_rules! __tonic_glue {
    ([$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {
        impl $($impl_generics)* ::core::convert::From<$($ty)*>
            for $crate::__private::tonic::Status
        $($where_clause)*
        {
            #[inline]
            fn from(error: $($ty)*) -> Self {
                $crate::grpc::status(&error)
            }
        }
    };
}
