//! One call that configures an actix-web `App` to answer everything in the envelope.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::error::{
    InternalError, JsonPayloadError, PathError, QueryPayloadError, UrlencodedError,
};
use actix_web::{App, Error, HttpRequest, ResponseError, web};

use super::middleware::EnvelopeLayer;
use super::response::{failure_response, into_response};
use crate::answer::Answer;
use crate::{Failure, FailureCodes};

/// Puts every answer of an actix-web `App` into the envelope of a catalog.
pub trait EnvelopeApp {
    /// The app, answering in catalog `C`, with codes from `C`'s `failures` table:
    ///
    /// - actix's `web::Json`, `web::Query`, `web::Path` and `web::Form` reject with
    ///   `invalid_json`, `invalid_query`, `invalid_path` and `invalid_form`, a body over the
    ///   extractor's limit with `body_too_large` (413), a wrong content type with
    ///   `unsupported_media_type` (415); the client's input and serde's message go to
    ///   `tracing` at debug level, never into the answer;
    /// - an unknown route answers `not_found`, a wrong method `method_not_allowed` (405,
    ///   `Allow` kept), a panic `internal` (500, nothing of its message);
    /// - any other error response that is not an envelope keeps its status and headers and
    ///   gets the envelope body ([`EnvelopeLayer`]).
    ///
    /// Routes may be added before or after. The extractor configurations are app data: a
    /// `web::JsonConfig` of your own (say, for a larger limit) on a scope or resource wins
    /// there, so give it the same error handler or let [`EnvelopeLayer`] answer its errors.
    ///
    /// ```
    /// use actix_web::{App, web};
    /// use hero_codes::{HeroCode, actix::EnvelopeApp};
    ///
    /// let app = App::new()
    ///     .route("/health", web::get().to(|| async { "ok" }))
    ///     .with_envelope::<HeroCode>();
    /// ```
    fn with_envelope<C: FailureCodes>(
        self,
    ) -> App<
        impl ServiceFactory<
            ServiceRequest,
            Config = (),
            Response = ServiceResponse<BoxBody>,
            Error = Error,
            InitError = (),
        >,
    >;
}

impl<T, B> EnvelopeApp for App<T>
where
    T: ServiceFactory<
            ServiceRequest,
            Config = (),
            Response = ServiceResponse<B>,
            Error = Error,
            InitError = (),
        >,
    T::Service: 'static,
    B: MessageBody + 'static,
{
    fn with_envelope<C: FailureCodes>(
        self,
    ) -> App<
        impl ServiceFactory<
            ServiceRequest,
            Config = (),
            Response = ServiceResponse<BoxBody>,
            Error = Error,
            InitError = (),
        >,
    > {
        self.app_data(web::JsonConfig::default().error_handler(reject_json))
            .app_data(web::QueryConfig::default().error_handler(reject_query))
            .app_data(web::PathConfig::default().error_handler(reject_path))
            .app_data(web::FormConfig::default().error_handler(reject_form))
            .default_service(web::to(|| async {
                failure_response::<C>(Failure::NotFound)
            }))
            .wrap(EnvelopeLayer::<C>::new())
    }
}

fn reject_json(error: JsonPayloadError, _request: &HttpRequest) -> Error {
    // actix answers a wrong content type with 400: the variant says more.
    let input = match error {
        JsonPayloadError::ContentType => Failure::UnsupportedMediaType,
        _ => Failure::InvalidJson,
    };
    reject(input, error)
}

fn reject_query(error: QueryPayloadError, _request: &HttpRequest) -> Error {
    reject(Failure::InvalidQuery, error)
}

fn reject_path(error: PathError, _request: &HttpRequest) -> Error {
    reject(Failure::InvalidPath, error)
}

fn reject_form(error: UrlencodedError, _request: &HttpRequest) -> Error {
    let input = match error {
        UrlencodedError::ContentType => Failure::UnsupportedMediaType,
        _ => Failure::InvalidForm,
    };
    reject(input, error)
}

/// The envelope for actix's rejection of `input`, answered in the catalog of the nearest
/// [`EnvelopeLayer`] (a resource's own, else the app's); actix's error, which may quote
/// the input, goes to the log.
fn reject(input: Failure, error: impl ResponseError + 'static) -> Error {
    let failure = Failure::of_rejection(input, error.status_code().as_u16());
    tracing::debug!(?failure, detail = %error, "request rejected");
    InternalError::from_response(error, into_response(Answer::rejection(failure))).into()
}
