//! Extractors that behave like axum's but reject with the envelope.

use axum::extract::rejection::{FormRejection, JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use http::request::Parts;

use super::response::into_response;
use crate::Failure;
use crate::answer::Answer;

/// Why an extractor refused a request. It answers with the envelope of the nearest
/// [`EnvelopeLayer`](super::EnvelopeLayer) around the route: the code its catalog's
/// `failures` table names for the failure (without any layer, the built-in
/// [`ResultCode`](crate::ResultCode)'s), and nothing of the client's input or of serde's
/// message, which goes to `tracing` at debug level instead.
pub struct Rejection {
    failure: Failure,
    detail: String,
}

impl std::fmt::Debug for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rejection")
            .field("failure", &self.failure)
            .field("detail", &self.detail)
            .finish_non_exhaustive()
    }
}

impl Rejection {
    /// The failure, which picks the answer's code.
    pub fn failure(&self) -> Failure {
        self.failure
    }

    /// Reads axum's rejection of `input` with `status`.
    fn new(input: Failure, status: StatusCode, detail: String) -> Self {
        Rejection {
            failure: Failure::of_rejection(input, status.as_u16()),
            detail,
        }
    }
}

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        tracing::debug!(failure = ?self.failure, detail = %self.detail, "request rejected");
        // The nearest layer answers it in its own catalog.
        into_response(Answer::rejection(self.failure))
    }
}

macro_rules! envelope_extractor {
    (
        $(#[$doc:meta])*
        $name:ident, $axum:ident, $axum_rejection:ident, $failure:ident, $trait:ident, $input:ty
    ) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
        pub struct $name<T>(pub T);

        impl From<$axum_rejection> for Rejection {
            fn from(rejection: $axum_rejection) -> Self {
                Rejection::new(Failure::$failure, rejection.status(), rejection.body_text())
            }
        }

        envelope_extractor!(@impl $name, $axum, $trait, $input);

        impl<T> std::ops::Deref for $name<T> {
            type Target = T;

            fn deref(&self) -> &T {
                &self.0
            }
        }
    };
    (@impl $name:ident, $axum:ident, FromRequest, $input:ty) => {
        impl<T, S> FromRequest<S> for $name<T>
        where
            axum::extract::$axum<T>: FromRequest<S>,
            Rejection: From<<axum::extract::$axum<T> as FromRequest<S>>::Rejection>,
            S: Send + Sync,
        {
            type Rejection = Rejection;

            async fn from_request(request: $input, state: &S) -> Result<Self, Rejection> {
                match axum::extract::$axum::<T>::from_request(request, state).await {
                    Ok(axum::extract::$axum(value)) => Ok($name(value)),
                    Err(rejection) => Err(Rejection::from(rejection)),
                }
            }
        }
    };
    (@impl $name:ident, $axum:ident, FromRequestParts, $input:ty) => {
        impl<T, S> FromRequestParts<S> for $name<T>
        where
            axum::extract::$axum<T>: FromRequestParts<S>,
            Rejection: From<<axum::extract::$axum<T> as FromRequestParts<S>>::Rejection>,
            S: Send + Sync,
        {
            type Rejection = Rejection;

            async fn from_request_parts(parts: $input, state: &S) -> Result<Self, Rejection> {
                match axum::extract::$axum::<T>::from_request_parts(parts, state).await {
                    Ok(axum::extract::$axum(value)) => Ok($name(value)),
                    Err(rejection) => Err(Rejection::from(rejection)),
                }
            }
        }
    };
}

envelope_extractor!(
    /// A JSON body, as `axum::Json`: bad JSON, a missing content type or a body over the
    /// limit answer with the envelope.
    Json, Json, JsonRejection, InvalidJson, FromRequest, Request
);
envelope_extractor!(
    /// A form body, as `axum::Form`, rejecting with the envelope.
    Form, Form, FormRejection, InvalidForm, FromRequest, Request
);
envelope_extractor!(
    /// A query string, as `axum::extract::Query`, rejecting with the envelope.
    Query, Query, QueryRejection, InvalidQuery, FromRequestParts, &mut Parts
);
envelope_extractor!(
    /// Path parameters, as `axum::extract::Path`, rejecting with the envelope.
    Path, Path, PathRejection, InvalidPath, FromRequestParts, &mut Parts
);
