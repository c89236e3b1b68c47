//! Keeps every answer of a router in the envelope: a tower [`Layer`] that works wherever
//! axum takes one, and the `Router` sugar on top of it.

use std::any::Any;
use std::future::Future;
use std::marker::PhantomData;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::task::{Context, Poll, ready};

use axum::Router;
use axum::body::{Body, HttpBody};
use axum::extract::Request;
use axum::response::Response;
use bytes::Bytes;
use http::header::{CONTENT_LANGUAGE, CONTENT_LENGTH, CONTENT_TYPE, VARY};
use http::{HeaderMap, HeaderValue};
use tower_layer::Layer;
use tower_service::Service;

use super::response::into_response;
use tracing::Level;

use crate::answer::{self, Answer, Mark, Nesting, Observation};
use crate::header::find;
use crate::locale::LocaleScope;
use crate::negotiate::Negotiator;
use crate::{CatalogCode, FailureCodes};

/// A tower layer that puts everything the wrapped service answers into the envelope of
/// catalog `C`, with codes from `C`'s `failures` table:
///
/// - the [`Json`](super::Json), [`Query`](super::Query), [`Path`](super::Path) and
///   [`Form`](super::Form) extractors inside it reject in `C`;
/// - a handler panic answers `internal` (500), nothing of the panic message;
/// - an unknown route answers `not_found`, a wrong method `method_not_allowed` (405, `Allow`
///   kept), a body over the limit `body_too_large` (413), a wrong content type
///   `unsupported_media_type` (415);
/// - any other error response that is not an envelope (from axum or an inner layer) keeps
///   its status and headers and gets the envelope body: `internal` for a 5xx, else the
///   first code of `C` with that status, else `bad_request`.
///
/// Answers already in an envelope (derived errors, catalog codes, [`ApiResponse`]) pass
/// unchanged, whatever their catalog and wherever they were made (the handler, a task it
/// spawned, a blocking pool, a `Service`): the crate marks its error answers, so an inner
/// part of the app may answer in another catalog. The handler runs in the request's
/// language (`Accept-Language`, negotiated against the catalog's `locales`); a task it
/// spawns takes it along with [`InLocale::in_current_locale`](crate::InLocale).
///
/// It works with `Router::layer`, `Router::route_layer`, `MethodRouter::layer` and
/// `ServiceBuilder`, and wrapped around a finished router
/// ([`around`](EnvelopeLayer::around)), where a request costs less than through
/// `Router::layer`, which wraps each route:
///
/// ```
/// use axum::{Router, routing::get};
/// use hero_codes::{HeroCode, ResultCode, axum::EnvelopeLayer};
/// use tower::ServiceBuilder;
///
/// let app: Router = Router::new()
///     .route("/health", get(|| async { "ok" }))
///     // This route's answers are in HeroCode ...
///     .route("/hero", get(|| async { HeroCode::NotFound }).layer(EnvelopeLayer::<HeroCode>::new()))
///     // ... everything else in ResultCode, unknown routes included.
///     .layer(ServiceBuilder::new().layer(EnvelopeLayer::<ResultCode>::new()));
/// ```
///
/// [`ApiResponse`]: crate::ApiResponse
pub struct EnvelopeLayer<C> {
    client_level: Level,
    catalog: PhantomData<fn() -> C>,
}

impl<C> EnvelopeLayer<C> {
    /// The layer for catalog `C`, logging client errors at debug level.
    pub fn new() -> Self {
        EnvelopeLayer {
            client_level: Level::DEBUG,
            catalog: PhantomData,
        }
    }

    /// The layer logging each client error's answer (4xx, and business errors of any
    /// status) at `level`; 5xx answers log at error level with their source chain whatever
    /// it is. See [Observability](crate::observe).
    ///
    /// ```
    /// use hero_codes::{ResultCode, axum::EnvelopeLayer};
    /// let layer = EnvelopeLayer::<ResultCode>::new().client_errors_at(tracing::Level::INFO);
    /// # let _ = layer;
    /// ```
    pub fn client_errors_at(self, level: Level) -> Self {
        EnvelopeLayer {
            client_level: level,
            ..self
        }
    }
}

impl<C: FailureCodes> EnvelopeLayer<C> {
    /// The layer wrapped around a finished `router`: the fastest form, where the layer
    /// runs once per request around the routing. Serve the result with
    /// [`serve`](super::serve), or with axum's `serve` and `into_make_service`.
    ///
    /// The router's routes are made ready first (`router.with_state(())`), as axum makes
    /// them ready when it serves a `Router` itself. `self.layer(router)` answers the same,
    /// but the router inside it would make each request's route again: about 180
    /// instructions and an allocation per request.
    ///
    /// ```
    /// use axum::{Router, routing::get};
    /// use hero_codes::{ResultCode, axum::EnvelopeLayer};
    ///
    /// let router: Router = Router::new().route("/", get(|| async { ResultCode::NotFound }));
    /// let app = EnvelopeLayer::<ResultCode>::new().around(router);
    /// # let _ = app;
    /// ```
    pub fn around(&self, router: Router) -> EnvelopeService<Router, C> {
        self.layer(router.with_state(()))
    }
}

impl<C> Default for EnvelopeLayer<C> {
    fn default() -> Self {
        Self::new()
    }
}

impl<C> Clone for EnvelopeLayer<C> {
    fn clone(&self) -> Self {
        Self::new().client_errors_at(self.client_level)
    }
}

impl<C> std::fmt::Debug for EnvelopeLayer<C> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EnvelopeLayer")
            .field("catalog", &std::any::type_name::<C>())
            .field("client_level", &self.client_level)
            .finish()
    }
}

impl<S, C: FailureCodes> Layer<S> for EnvelopeLayer<C> {
    type Service = EnvelopeService<S, C>;

    fn layer(&self, inner: S) -> Self::Service {
        EnvelopeService {
            inner,
            negotiator: Negotiator::shared(C::ENVELOPE.locales),
            client_level: self.client_level,
            catalog: PhantomData,
        }
    }
}

/// The service of [`EnvelopeLayer`].
pub struct EnvelopeService<S, C> {
    inner: S,
    negotiator: &'static Negotiator,
    client_level: Level,
    catalog: PhantomData<fn() -> C>,
}

impl<S: Clone, C> Clone for EnvelopeService<S, C> {
    fn clone(&self) -> Self {
        EnvelopeService {
            inner: self.inner.clone(),
            negotiator: self.negotiator,
            client_level: self.client_level,
            catalog: PhantomData,
        }
    }
}

impl<S, C> std::fmt::Debug for EnvelopeService<S, C> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EnvelopeService")
            .field("catalog", &std::any::type_name::<C>())
            .finish_non_exhaustive()
    }
}

impl<S, C, ResBody> Service<Request> for EnvelopeService<S, C>
where
    S: Service<Request, Response = Response<ResBody>>,
    ResBody: HttpBody<Data = Bytes> + Send + 'static,
    ResBody::Error: Into<axum::BoxError>,
    C: FailureCodes,
{
    type Response = Response;
    type Error = S::Error;
    type Future = ResponseFuture<S::Future, C>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Self::Future {
        let locale = self.negotiator.for_headers(request.headers());
        // A handler may panic when called or when polled. Caught here rather than by
        // tower-http's `CatchPanic`, which boxes every answer's body once more.
        let observation = Observation::start(self.client_level);
        let future = |state| ResponseFuture {
            state,
            locale,
            observation,
            catalog: PhantomData,
        };
        // Built whole inside the catch, so that the inner future is moved once, not thrice.
        let inner = &mut self.inner;
        catch_unwind(AssertUnwindSafe(|| {
            future(State::Called {
                future: inner.call(request),
            })
        }))
        .unwrap_or_else(|panic| {
            future(State::Panicked {
                answer: Some(panic_response::<C>(panic)),
            })
        })
    }
}

pin_project_lite::pin_project! {
    /// The future of [`EnvelopeService`]: the inner answer, put into the envelope, in the
    /// locale the request asked for.
    pub struct ResponseFuture<F, C> {
        #[pin]
        state: State<F>,
        locale: Option<&'static str>,
        observation: Observation,
        catalog: PhantomData<fn() -> C>,
    }
}

pin_project_lite::pin_project! {
    /// The inner service's future, or the answer for its panic in `call`.
    #[project = StateProjection]
    enum State<F> {
        Called { #[pin] future: F },
        Panicked { answer: Option<Response> },
    }
}

impl<F, C, ResBody, E> Future for ResponseFuture<F, C>
where
    F: Future<Output = Result<Response<ResBody>, E>>,
    ResBody: HttpBody<Data = Bytes> + Send + 'static,
    ResBody::Error: Into<axum::BoxError>,
    C: FailureCodes,
{
    type Output = Result<Response, E>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let _nesting = Nesting::enter();
        // Envelopes the handler makes inside this poll are in the request's locale.
        let _locale = LocaleScope::enter(*this.locale);
        let mut response = match this.state.project() {
            StateProjection::Called { future } => {
                match catch_unwind(AssertUnwindSafe(|| future.poll(cx))) {
                    Ok(answer) => ready!(answer)?.map(Body::new),
                    Err(panic) => panic_response::<C>(panic),
                }
            }
            StateProjection::Panicked { answer } => answer
                .take()
                .expect("an envelope future polled after it completed"),
        };
        let mark = keep_in_envelope::<C>(&mut response);
        let status = response.status();
        let recorded = this.observation.finish::<C>(status, mark, answer::nested());
        match (recorded, mark) {
            (Some(recorded), _) => {
                response.extensions_mut().insert(recorded);
            }
            // The mark is read, and no layer outside reads one: its map can serve again.
            (None, Some(_)) => super::mark::reclaim(response.extensions_mut()),
            (None, None) => {}
        }
        // An answer of the envelope core says `Vary` itself (a marked one is one).
        if mark.is_none() {
            label_language::<C>(response.headers_mut());
        }
        Poll::Ready(Ok(response))
    }
}

/// Puts everything a router answers into the envelope of catalog `C`: sugar for
/// [`EnvelopeLayer`].
pub trait EnvelopeRouter {
    /// `self.layer(EnvelopeLayer::<C>::new())`: every answer of the router, its fallback
    /// (unknown routes) included, in the envelope of `C`. Call it after adding the routes
    /// and layers it should cover.
    ///
    /// ```
    /// use axum::{Router, routing::get};
    /// use hero_codes::{HeroCode, axum::EnvelopeRouter};
    ///
    /// let app: Router = Router::new()
    ///     .route("/health", get(|| async { "ok" }))
    ///     .with_envelope::<HeroCode>();
    /// ```
    fn with_envelope<C: FailureCodes>(self) -> Self;

    /// `self.route_layer(EnvelopeLayer::<C>::new())`: the routes added so far only, not
    /// the fallback, for a sub-router that answers in its own catalog, merged into an app
    /// whose other answers, unknown routes included, are in another.
    ///
    /// ```
    /// use axum::{Router, routing::put};
    /// use hero_codes::{ApiResponse, HeroCode, ResultCode, axum::EnvelopeRouter};
    ///
    /// let hero = Router::new()
    ///     .route("/download+1", put(|| async { ApiResponse::<(), HeroCode>::accepted() }))
    ///     .routes_with_envelope::<HeroCode>();
    /// let app: Router = Router::new().merge(hero).with_envelope::<ResultCode>();
    /// ```
    fn routes_with_envelope<C: FailureCodes>(self) -> Self;
}

impl<S: Clone + Send + Sync + 'static> EnvelopeRouter for Router<S> {
    fn with_envelope<C: FailureCodes>(self) -> Self {
        self.layer(EnvelopeLayer::<C>::new())
    }

    fn routes_with_envelope<C: FailureCodes>(self) -> Self {
        self.route_layer(EnvelopeLayer::<C>::new())
    }
}

/// Catalog `C`'s `internal` answer to a panic; the panic message goes to the log.
fn panic_response<C: FailureCodes>(panic: Box<dyn Any + Send>) -> Response {
    into_response(Answer::panic::<C>(panic.as_ref()))
}

/// Keeps the response, or puts the envelope of catalog `C` in its place (see
/// [`answer::replacement`]); the mark of the answer that goes out.
fn keep_in_envelope<C: FailureCodes>(response: &mut Response) -> Option<Mark> {
    let mark = response.extensions().get::<Mark>().copied();
    let Some(answer) = answer::replacement::<C>(response.status(), mark) else {
        return mark;
    };
    let answer_mark = answer.mark;
    if let Some(Mark::Rejected(_)) = mark {
        // The crate's own answer: nothing of it to keep.
        *response = into_response(answer);
        return answer_mark;
    }
    // Keep the status and headers such as `Allow` and `Vary`, to which `Accept-Language`
    // is added; the old body and its length go.
    let headers = response.headers_mut();
    headers.remove(CONTENT_LENGTH);
    headers.remove(CONTENT_TYPE);
    let (mut answer_parts, body) = into_response(answer).into_parts();
    answer_parts.headers.remove(VARY);
    headers.extend(answer_parts.headers);
    label_language::<C>(headers);
    response.extensions_mut().extend(answer_parts.extensions);
    *response.body_mut() = body;
    answer_mark
}

/// `Vary: Accept-Language` on an answer that says its language, when catalog `C` has
/// several: see [`answer::must_vary_on_language`].
fn label_language<C: CatalogCode>(headers: &mut HeaderMap) {
    let vary =
        answer::must_vary_on_language::<C, _>(find(headers, &CONTENT_LANGUAGE).is_some(), || {
            headers.get_all(VARY).iter().map(HeaderValue::as_bytes)
        });
    if vary {
        headers.append(VARY, HeaderValue::from_static("accept-language"));
    }
}
