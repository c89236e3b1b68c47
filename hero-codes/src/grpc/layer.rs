//! The layer of a tonic server: every answer in the catalog's codes, in the request's
//! language, recorded by its code.

use std::future::Future;
use std::marker::PhantomData;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::task::{Context, Poll};

use http::{Request, Response, StatusCode};
use tonic::{Code, Status};
use tower_layer::Layer;
use tower_service::Service;
use tracing::Level;

use super::{answer, answered, grpc_code};
use crate::answer::{Mark, Observation, report_panic};
use crate::locale::LocaleScope;
use crate::negotiate::Negotiator;
use crate::{CodeClass, CodeIdentity, Failure, FailureCodes};

/// A tower layer for tonic servers that answers in catalog `C`, as
/// [`EnvelopeLayer`](crate::axum::EnvelopeLayer) does over HTTP:
///
/// - handlers run in the request's language: `accept-language` metadata, negotiated
///   against `C`'s `locales` (a task a handler spawns takes it along with
///   [`InLocale::in_current_locale`](crate::InLocale));
/// - a panicking handler answers `C`'s `internal` code as a `Status` (`INTERNAL`, nothing
///   of the panic's message, which is logged), and the server keeps serving;
/// - a status that is not a catalog code's (an unknown method's `UNIMPLEMENTED`, a message
///   over the size limit, a `Status` built by hand) keeps its gRPC code and gets the
///   message and details of `C`'s code for it: `not_found` for an unknown method or
///   service, `body_too_large` for a message over the size limit (`OUT_OF_RANGE` or
///   `RESOURCE_EXHAUSTED`), `internal` for a server-side code,
///   else the first code of `C` with that gRPC status, else `bad_request`;
/// - every answer is recorded by its code (a success as `C`'s success code), on the span
///   and in the metrics, as the HTTP layers record theirs.
///
/// A stream that fails after its first message ends with its status in the trailers, past
/// the layer: it is recorded as a success.
///
/// ```no_run
/// # async fn serve(routes: tonic::service::Routes) -> Result<(), tonic::transport::Error> {
/// use hero_codes::{ResultCode, grpc::StatusLayer};
///
/// tonic::transport::Server::builder()
///     .layer(StatusLayer::<ResultCode>::new())
///     .add_routes(routes)
///     .serve("127.0.0.1:50051".parse().unwrap())
///     .await
/// # }
/// ```
pub struct StatusLayer<C> {
    client_level: Level,
    catalog: PhantomData<fn() -> C>,
}

impl<C> StatusLayer<C> {
    /// The layer for catalog `C`, logging client errors at debug level.
    pub fn new() -> Self {
        StatusLayer {
            client_level: Level::DEBUG,
            catalog: PhantomData,
        }
    }

    /// The layer logging each client error's answer at `level`; 5xx codes log at error
    /// level with their source chain whatever it is.
    pub fn client_errors_at(self, level: Level) -> Self {
        StatusLayer {
            client_level: level,
            ..self
        }
    }
}

impl<C> Default for StatusLayer<C> {
    fn default() -> Self {
        Self::new()
    }
}

impl<C> Clone for StatusLayer<C> {
    fn clone(&self) -> Self {
        Self::new().client_errors_at(self.client_level)
    }
}

impl<C> std::fmt::Debug for StatusLayer<C> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StatusLayer")
            .field("catalog", &std::any::type_name::<C>())
            .field("client_level", &self.client_level)
            .finish()
    }
}

impl<S, C: FailureCodes> Layer<S> for StatusLayer<C> {
    type Service = StatusService<S, C>;

    fn layer(&self, inner: S) -> Self::Service {
        StatusService {
            inner,
            negotiator: Negotiator::shared(C::ENVELOPE.locales),
            client_level: self.client_level,
            catalog: PhantomData,
        }
    }
}

/// The service of [`StatusLayer`].
pub struct StatusService<S, C> {
    inner: S,
    negotiator: &'static Negotiator,
    client_level: Level,
    catalog: PhantomData<fn() -> C>,
}

impl<S: Clone, C> Clone for StatusService<S, C> {
    fn clone(&self) -> Self {
        StatusService {
            inner: self.inner.clone(),
            negotiator: self.negotiator,
            client_level: self.client_level,
            catalog: PhantomData,
        }
    }
}

impl<S, C> std::fmt::Debug for StatusService<S, C> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StatusService")
            .field("catalog", &std::any::type_name::<C>())
            .finish_non_exhaustive()
    }
}

impl<S, C, B, ResBody> Service<Request<B>> for StatusService<S, C>
where
    S: Service<Request<B>, Response = Response<ResBody>>,
    ResBody: Default,
    C: FailureCodes,
{
    type Response = Response<ResBody>;
    type Error = S::Error;
    type Future = StatusFuture<S::Future, C>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        let locale = self.negotiator.for_headers(request.headers());
        StatusFuture {
            inner: self.inner.call(request),
            locale,
            observation: Observation::start(self.client_level),
            catalog: PhantomData,
        }
    }
}

pin_project_lite::pin_project! {
    /// The future of [`StatusService`]: the inner answer in the catalog's codes, in the
    /// locale the request asked for.
    pub struct StatusFuture<F, C> {
        #[pin]
        inner: F,
        locale: Option<&'static str>,
        observation: Observation,
        catalog: PhantomData<fn() -> C>,
    }
}

impl<F, C, ResBody, E> Future for StatusFuture<F, C>
where
    F: Future<Output = Result<Response<ResBody>, E>>,
    ResBody: Default,
    C: FailureCodes,
{
    type Output = Result<Response<ResBody>, E>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let polled = {
            let _scope = LocaleScope::enter(*this.locale);
            let inner = this.inner;
            catch_unwind(AssertUnwindSafe(|| inner.poll(cx)))
        };
        let (response, identity) = match polled {
            Ok(Poll::Pending) => return Poll::Pending,
            Ok(Poll::Ready(Err(error))) => return Poll::Ready(Err(error)),
            Ok(Poll::Ready(Ok(response))) => in_catalog::<C, ResBody>(response, *this.locale),
            Err(panic) => {
                report_panic(&*panic);
                let internal = C::for_failure(Failure::Internal);
                let grpc = grpc_code(internal.identity());
                let status = in_locale(*this.locale, || answer(&internal, grpc));
                (status.into_http(), Some(internal.identity()))
            }
        };
        let mark = identity.map(Mark::InEnvelope);
        let status = identity.map_or(StatusCode::OK, |identity| {
            StatusCode::from_u16(identity.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
        });
        this.observation.finish::<C>(status, mark, false);
        Poll::Ready(Ok(response))
    }
}

/// `response` as catalog `C` answers it, with the code of an error answer: kept when a
/// catalog code made it; a success (no `grpc-status` before the body) as it is; any other
/// error status with the details of `C`'s code for it.
fn in_catalog<C: FailureCodes, B: Default>(
    response: Response<B>,
    locale: Option<&'static str>,
) -> (Response<B>, Option<&'static CodeIdentity>) {
    if let Some(identity) = response.extensions().get::<Status>().and_then(answered) {
        return (response, Some(identity));
    }
    let grpc = response
        .headers()
        .get(Status::GRPC_STATUS)
        .map(|value| Code::from_bytes(value.as_bytes()));
    let Some(grpc) = grpc.filter(|grpc| *grpc != Code::Ok) else {
        return (response, None);
    };
    let code = code_for::<C>(grpc);
    if code.identity().class() == CodeClass::Server {
        tracing::error!(
            grpc = grpc as i32,
            code = code.code(),
            "error status replaced by the catalog's"
        );
    }
    let status = in_locale(locale, || answer(&code, grpc));
    (status.into_http(), Some(code.identity()))
}

/// The code of `C` that answers a status `grpc` no catalog code made.
fn code_for<C: FailureCodes>(grpc: Code) -> C {
    let failure = match grpc {
        Code::Unimplemented => Failure::NotFound,
        // tonic answers a message over its size limit with OUT_OF_RANGE, and one that
        // decompresses over it with RESOURCE_EXHAUSTED.
        Code::OutOfRange | Code::ResourceExhausted => Failure::BodyTooLarge,
        Code::Internal
        | Code::Unknown
        | Code::DataLoss
        | Code::Unavailable
        | Code::DeadlineExceeded => Failure::Internal,
        _ => {
            let same = C::ALL
                .iter()
                .copied()
                .find(|code| *code != C::SUCCESS && code.identity().grpc() == grpc as i32);
            return same.unwrap_or_else(|| C::for_failure(Failure::BadRequest));
        }
    };
    C::for_failure(failure)
}

/// `answer()` in `locale`, as the handler's answers are.
fn in_locale<R>(locale: Option<&'static str>, answer: impl FnOnce() -> R) -> R {
    let _scope = LocaleScope::enter(locale);
    answer()
}

#[cfg(test)]
mod tests {
    use std::convert::Infallible;

    use tower::ServiceExt;

    use super::*;
    use crate::grpc::reply;
    use crate::{Code as CatalogCode, ResultCode};
    use http::header::ACCEPT_LANGUAGE;

    /// What the layer answers for a service whose answer is `status`, built by hand.
    async fn through_layer(status: Status, language: &str) -> Status {
        let inner = tower::service_fn(move |_: Request<()>| {
            let status = status.clone();
            async move { Ok::<_, Infallible>(status.into_http::<()>()) }
        });
        let service = StatusLayer::<ResultCode>::new().layer(inner);
        let request = Request::builder()
            .header(ACCEPT_LANGUAGE, language)
            .body(())
            .unwrap();
        let response = service.oneshot(request).await.unwrap();
        Status::from_header_map(response.headers()).expect("an error status in the headers")
    }

    #[tokio::test]
    async fn a_status_built_by_hand_keeps_its_grpc_code_and_gets_the_catalogs_details() {
        let denied = through_layer(Status::permission_denied("go away"), "en").await;
        assert_eq!(denied.code(), Code::PermissionDenied);
        let answer = reply::<ResultCode>(&denied);
        // The first code of ResultCode whose gRPC status is PERMISSION_DENIED.
        assert_eq!(
            answer.code,
            CatalogCode::Known(ResultCode::PermissionDenied)
        );
        assert_eq!(answer.desc, "No permission to access");

        let odd = through_layer(Status::aborted("conflict"), "zh").await;
        assert_eq!(odd.code(), Code::Aborted);
        // No code of ResultCode answers ABORTED: its `bad_request` code.
        let answer = reply::<ResultCode>(&odd);
        assert_eq!(
            answer.code,
            CatalogCode::Known(ResultCode::InvalidParameter)
        );
        assert_eq!(answer.locale.as_deref(), Some("zh"));
    }

    #[tokio::test]
    async fn a_catalog_codes_status_is_kept_as_it_is() {
        let kept = through_layer(crate::grpc::status(&ResultCode::NotFound), "en").await;
        // Made outside the layer's locale: its language is the one it was made in.
        assert_eq!(reply::<ResultCode>(&kept).locale.as_deref(), Some("zh"));
        assert_eq!(kept.code(), Code::NotFound);
    }
}
