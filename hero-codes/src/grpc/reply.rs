//! A client's reading of a gRPC error status: the catalog's code, by its `ErrorInfo`.

use tonic::Status;
use tonic_types::StatusExt;

use super::CODE_KEY;
use crate::{ApiError, CatalogCode, Code};

/// A gRPC error status as a client reads it: judge it by [`code`](StatusReply::code).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusReply<C> {
    /// The catalog's code, when the status's `ErrorInfo` is of `C`'s domain and its code
    /// is one of `C`'s; else [`Code::Unknown`] with the code the status carries (the
    /// `ErrorInfo` code of another domain, or, without one, the gRPC status's name, such
    /// as `UNAVAILABLE`).
    pub code: Code<C>,
    /// The text for people: the `LocalizedMessage`, else the status's message.
    pub desc: String,
    /// The language of `desc`, when the status says it.
    pub locale: Option<String>,
    /// The gRPC status code.
    pub grpc: tonic::Code,
    /// `ErrorInfo.reason` (`NOT_FOUND`) and `ErrorInfo.domain`, when the status has one.
    pub reason: Option<String>,
    /// See [`reason`](StatusReply::reason).
    pub domain: Option<String>,
    /// The other `ErrorInfo` metadata, by name: the fields of a variant's own description.
    pub fields: Vec<(String, String)>,
}

/// Reads `status` as an answer of catalog `C`. See [`StatusReply`].
///
/// ```
/// use hero_codes::{Code, HeroCode, ResultCode, grpc};
///
/// let status = tonic::Status::from(ResultCode::NotFound);
/// let reply = grpc::reply::<ResultCode>(&status);
/// assert_eq!(reply.code, Code::Known(ResultCode::NotFound));
/// assert_eq!(reply.locale.as_deref(), Some("zh"));
///
/// // The same code of another catalog's domain is not this catalog's.
/// assert_eq!(grpc::reply::<HeroCode>(&status).code, Code::Unknown("10400".to_owned()));
/// ```
pub fn reply<C: CatalogCode + ApiError>(status: &Status) -> StatusReply<C> {
    let details = status.get_error_details();
    let info = details.error_info();
    let localized = details.localized_message();
    let written = info.and_then(|info| info.metadata.get(CODE_KEY));
    let ours = info.is_some_and(|info| info.domain == C::SUCCESS.identity().domain());
    let code = match written {
        Some(code) if ours => Code::parse(code),
        Some(code) => Code::Unknown(code.clone()),
        None => Code::Unknown(grpc_name(status.code()).to_owned()),
    };
    let mut fields: Vec<(String, String)> = info
        .into_iter()
        .flat_map(|info| &info.metadata)
        .filter(|(name, _)| *name != CODE_KEY)
        .map(|(name, value)| (name.clone(), value.clone()))
        .collect();
    fields.sort();
    StatusReply {
        code,
        desc: localized.map_or_else(|| status.message().to_owned(), |l| l.message.clone()),
        locale: localized.map(|localized| localized.locale.clone()),
        grpc: status.code(),
        reason: info.map(|info| info.reason.clone()),
        domain: info.map(|info| info.domain.clone()),
        fields,
    }
}

/// The name `google/rpc/code.proto` gives `code`: `UNAVAILABLE`.
fn grpc_name(code: tonic::Code) -> &'static str {
    hero_codes_vocab::GrpcCode::from_number(code as i32).map_or("UNKNOWN", |code| code.name())
}
