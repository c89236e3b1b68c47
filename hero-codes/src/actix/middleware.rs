//! The middleware that keeps every answer of an actix-web `App` in the envelope: panics,
//! error responses that are not envelopes, and the answer's language.

use std::future::{Ready, ready};
use std::marker::PhantomData;
use std::panic::AssertUnwindSafe;
use std::rc::Rc;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform};
use actix_web::error::InternalError;
use actix_web::http::Method;
use actix_web::http::header::{
    ACCEPT_LANGUAGE, ALLOW, CONTENT_LANGUAGE, CONTENT_LENGTH, CONTENT_TYPE, HeaderMap, HeaderValue,
    VARY,
};
use actix_web::{Error, HttpResponse};
use futures_util::FutureExt;
use futures_util::future::LocalBoxFuture;

use super::response::into_response;
use tracing::Level;

use crate::answer::{self, Answer, Counted, Mark, Observation};
use crate::negotiate::Negotiator;
use crate::{CatalogCode, FailureCodes, InLocale};

/// Middleware that puts every answer of the services it wraps into the envelope of
/// catalog `C`: a panic answers `internal` (500, the message goes to the log); an error
/// response that is not an envelope keeps its status and headers (`Allow` of a 405) and
/// gets the body of the code `C`'s `failures` table names for its status. Answers are made
/// in the best of the catalog's locales for the request's `Accept-Language`, with
/// `Content-Language` and `Vary: Accept-Language`.
///
/// [`EnvelopeApp::with_envelope`](super::EnvelopeApp::with_envelope) wraps an `App` in it;
/// wrap a scope or resource in it to answer there in another catalog.
///
/// ```
/// use actix_web::{App, web};
/// use hero_codes::{HeroCode, ResultCode, actix::{EnvelopeApp, EnvelopeLayer}};
///
/// let app = App::new()
///     .service(web::scope("/hero").wrap(EnvelopeLayer::<HeroCode>::new()))
///     .with_envelope::<ResultCode>();
/// ```
pub struct EnvelopeLayer<C> {
    client_level: Level,
    catalog: PhantomData<fn() -> C>,
}

impl<C> EnvelopeLayer<C> {
    /// The middleware for catalog `C`, logging client errors at debug level.
    pub fn new() -> Self {
        EnvelopeLayer {
            client_level: Level::DEBUG,
            catalog: PhantomData,
        }
    }

    /// The middleware logging each client error's answer (4xx, and business errors of any
    /// status) at `level`; 5xx answers log at error level with their source chain whatever
    /// it is. See [Observability](crate::observe).
    pub fn client_errors_at(self, level: Level) -> Self {
        EnvelopeLayer {
            client_level: level,
            ..self
        }
    }
}

impl<C> Default for EnvelopeLayer<C> {
    fn default() -> Self {
        Self::new()
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

impl<S, B, C> Transform<S, ServiceRequest> for EnvelopeLayer<C>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error> + 'static,
    B: MessageBody + 'static,
    C: FailureCodes,
{
    type Response = ServiceResponse<BoxBody>;
    type Error = Error;
    type Transform = EnvelopeService<S, C>;
    type InitError = ();
    type Future = Ready<Result<Self::Transform, ()>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(EnvelopeService {
            service: Rc::new(service),
            negotiator: Negotiator::shared(C::ENVELOPE.locales),
            client_level: self.client_level,
            catalog: PhantomData,
        }))
    }
}

/// The service of [`EnvelopeLayer`].
pub struct EnvelopeService<S, C> {
    service: Rc<S>,
    negotiator: &'static Negotiator,
    client_level: Level,
    catalog: PhantomData<fn() -> C>,
}

impl<S, B, C> Service<ServiceRequest> for EnvelopeService<S, C>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error> + 'static,
    B: MessageBody + 'static,
    C: FailureCodes,
{
    type Response = ServiceResponse<BoxBody>;
    type Error = Error;
    type Future = LocalBoxFuture<'static, Result<ServiceResponse<BoxBody>, Error>>;

    actix_web::dev::forward_ready!(service);

    fn call(&self, mut request: ServiceRequest) -> Self::Future {
        answer_head_as_get(&mut request);
        let locale = self.negotiator.pick(|| {
            let accept_language = request.headers().get(ACCEPT_LANGUAGE)?;
            accept_language.to_str().ok()
        });
        let service = Rc::clone(&self.service);
        let observation = Observation::start(self.client_level);
        let answer = async move {
            // A handler's future may panic when called or when polled.
            let called = std::panic::catch_unwind(AssertUnwindSafe(|| service.call(request)));
            let outcome = match called {
                Ok(future) => AssertUnwindSafe(future).catch_unwind().await,
                Err(panic) => Err(panic),
            };
            // The request is gone with a panic or an error (and a clone of it kept here
            // would stop the router from matching it), so those answer as an `Error` whose
            // response actix sends as it is.
            match outcome {
                Ok(Ok(response)) => {
                    let (request, response) = response.into_parts();
                    let (response, mark) = keep_in_envelope::<C, B>(response);
                    let mut response = finish::<C>(response, mark, observation);
                    allow_head_with_get(response.headers_mut());
                    Ok(ServiceResponse::new(request, response))
                }
                Ok(Err(error)) => {
                    let (response, mark) = keep_in_envelope::<C, BoxBody>(error.error_response());
                    let response = finish::<C>(response, mark, observation);
                    Err(InternalError::from_response(error, response).into())
                }
                Err(panic) => {
                    let answer = Answer::panic::<C>(panic.as_ref());
                    let mark = answer.mark;
                    let response = finish::<C>(into_response(answer), mark, observation);
                    Err(InternalError::from_response("handler panicked", response).into())
                }
            }
        };
        // Envelopes the handler and this middleware make are in the request's locale.
        Box::pin(Counted::new(answer.in_locale(locale)))
    }
}

/// The answer with `mark`, recorded by its code and, unless the envelope core made it
/// (it says `Vary` itself), labelled with `Vary` as the layer does.
fn finish<C: FailureCodes>(
    mut response: HttpResponse,
    mark: Option<Mark>,
    observation: Observation,
) -> HttpResponse {
    let status = http::StatusCode::from_u16(response.status().as_u16())
        .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
    if let Some(recorded) = observation.finish::<C>(status, mark, answer::nested()) {
        response.extensions_mut().insert(recorded);
    }
    match mark {
        Some(_) => response,
        None => label_language::<C>(response),
    }
}

/// `HEAD` is answered as `GET`, as axum does and HTTP asks (the server sends the head of
/// the answer only): routes match it as `GET`, so handlers see `GET`.
fn answer_head_as_get(request: &mut ServiceRequest) {
    if request.method() == Method::HEAD {
        request.head_mut().method = Method::GET;
    }
}

/// A `405`'s `Allow` names `HEAD` wherever it names `GET`, since [`answer_head_as_get`]
/// answers it there; in axum's form, `GET,HEAD`.
fn allow_head_with_get(headers: &mut HeaderMap) {
    let Some(allow) = headers.get(ALLOW).and_then(|value| value.to_str().ok()) else {
        return;
    };
    let methods: Vec<&str> = allow.split(',').map(str::trim).collect();
    if methods.contains(&"GET") && !methods.contains(&"HEAD") {
        let with_head = format!("{},HEAD", methods.join(","));
        if let Ok(value) = HeaderValue::try_from(with_head) {
            headers.insert(ALLOW, value);
        }
    }
}

/// The response, or the envelope of catalog `C` in its place (its status and other
/// headers kept; see [`answer::replacement`]), with the mark of the answer that goes out.
fn keep_in_envelope<C: FailureCodes, B: MessageBody + 'static>(
    response: HttpResponse<B>,
) -> (HttpResponse, Option<Mark>) {
    let status = http::StatusCode::from_u16(response.status().as_u16())
        .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
    let mark = response.extensions().get::<Mark>().copied();
    let Some(answer) = answer::replacement::<C>(status, mark) else {
        return (response.map_into_boxed_body(), mark);
    };
    let answer_mark = answer.mark;
    let mut replaced = into_response(answer);
    if let Some(Mark::Rejected(_)) = mark {
        // The crate's own answer: nothing of it to keep.
        return (replaced, answer_mark);
    }
    // The old headers, `Vary` among them, to which `Accept-Language` is added.
    replaced.headers_mut().remove(VARY);
    for (name, value) in response.headers() {
        if name != CONTENT_TYPE && name != CONTENT_LENGTH && name != CONTENT_LANGUAGE {
            replaced.headers_mut().append(name.clone(), value.clone());
        }
    }
    (label_language::<C>(replaced), answer_mark)
}

/// `Vary: Accept-Language` on an answer that says its language, when catalog `C` has
/// several: see [`answer::must_vary_on_language`].
fn label_language<C: CatalogCode>(mut response: HttpResponse) -> HttpResponse {
    let headers = response.headers_mut();
    let vary =
        answer::must_vary_on_language::<C, _>(headers.contains_key(CONTENT_LANGUAGE), || {
            headers.get_all(VARY).map(HeaderValue::as_bytes)
        });
    if vary {
        headers.append(VARY, HeaderValue::from_static("accept-language"));
    }
    response
}
