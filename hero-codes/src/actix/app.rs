//! One call that configures an actix-web `App` to answer everything in the envelope.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::error::{
    InternalError, JsonPayloadError, PathError, QueryPayloadError, UrlencodedError,
};
use actix_web::{App, Error, HttpMessage, HttpRequest, ResponseError, web};

use super::middleware::EnvelopeLayer;
use super::response::{failure_response, into_response};
use crate::answer::{Answer, FailureAnswer};
use crate::{ApiError, Failure, FailureCodes};

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
    fn with_envelope<C: FailureCodes + ApiError>(
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
    fn with_envelope<C: FailureCodes + ApiError>(
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
        self.app_data(web::JsonConfig::default().error_handler(reject_json::<C>))
            .app_data(web::QueryConfig::default().error_handler(reject_query::<C>))
            .app_data(web::PathConfig::default().error_handler(reject_path::<C>))
            .app_data(web::FormConfig::default().error_handler(reject_form::<C>))
            .default_service(web::to(|| async {
                failure_response::<C>(Failure::NotFound)
            }))
            .wrap(EnvelopeLayer::<C>::new())
    }
}

fn reject_json<C: FailureCodes + ApiError>(
    error: JsonPayloadError,
    request: &HttpRequest,
) -> Error {
    // actix answers a wrong content type with 400: the variant says more.
    let input = match error {
        JsonPayloadError::ContentType => Failure::UnsupportedMediaType,
        _ => Failure::InvalidJson,
    };
    reject::<C>(input, error, request)
}

fn reject_query<C: FailureCodes + ApiError>(
    error: QueryPayloadError,
    request: &HttpRequest,
) -> Error {
    reject::<C>(Failure::InvalidQuery, error, request)
}

fn reject_path<C: FailureCodes + ApiError>(error: PathError, request: &HttpRequest) -> Error {
    reject::<C>(Failure::InvalidPath, error, request)
}

fn reject_form<C: FailureCodes + ApiError>(error: UrlencodedError, request: &HttpRequest) -> Error {
    let input = match error {
        UrlencodedError::ContentType => Failure::UnsupportedMediaType,
        _ => Failure::InvalidForm,
    };
    reject::<C>(input, error, request)
}

/// The envelope for actix's rejection of `input`, in the catalog of the nearest
/// [`EnvelopeLayer`] (else `C`); actix's error, which may quote the input, goes to the log.
fn reject<C: FailureCodes + ApiError>(
    input: Failure,
    error: impl ResponseError + 'static,
    request: &HttpRequest,
) -> Error {
    let failure = Failure::of_rejection(input, error.status_code().as_u16());
    tracing::debug!(?failure, detail = %error, "request rejected");
    let nearest = request.extensions().get::<FailureAnswer>().copied();
    let answer = match nearest {
        Some(answer) => answer.answer(failure),
        None => Answer::failure::<C>(failure),
    };
    InternalError::from_response(error, into_response(answer)).into()
}
