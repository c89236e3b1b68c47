//! What every framework's glue answers, before it becomes that framework's response: one
//! implementation for axum and actix-web.

use bytes::Bytes;
use http::StatusCode;
use serde::Serialize;

use crate::error::report_server_error;
use crate::{ApiError, ApiResponse, CatalogCode, Failure, FailureCodes, answer_locale};

/// `answer` in `C`'s envelope, in the locale answers are made in now: its status, body and
/// the locale of its description. `None` when its data cannot be serialized, a server bug
/// (logged here) that the glue answers with `C`'s `internal` code.
pub(crate) fn success_body<T: Serialize, C: FailureCodes>(
    answer: ApiResponse<T, C>,
) -> Option<(StatusCode, Bytes, Option<&'static str>)> {
    let locales = C::ENVELOPE.locales;
    let locale = locales.get(answer_locale(locales)).copied();
    let answer = match locale {
        Some(locale) => answer.in_locale(locale),
        None => answer,
    };
    match serde_json::to_vec(&answer) {
        Ok(body) => Some((answer.status(), Bytes::from(body), locale)),
        Err(error) => {
            let internal = C::for_failure(Failure::Internal);
            report_server_error(
                CatalogCode::code(&internal),
                StatusCode::INTERNAL_SERVER_ERROR,
                &error,
            );
            None
        }
    }
}

/// The code of `C` for an error response with `status` that is not an envelope (from the
/// framework or another layer): the `failures` code for what the status stands for, else,
/// for a plain client error, the first code of `C` with that status, else `bad_request`.
/// A 5xx is logged, since its answer says nothing of what went wrong.
pub(crate) fn code_for_status<C: FailureCodes>(status: StatusCode) -> C {
    let failure = Failure::from_status(status);
    let code = match failure {
        Failure::BadRequest => C::ALL
            .iter()
            .copied()
            .find(|code| code.status() == status)
            .unwrap_or_else(|| C::for_failure(Failure::BadRequest)),
        _ => C::for_failure(failure),
    };
    if status.is_server_error() {
        tracing::error!(
            status = status.as_u16(),
            code = code.code(),
            "error response replaced by the envelope"
        );
    }
    code
}

/// The status `error` answers with; a 5xx error is logged with its source chain first,
/// since the client reads only the catalog's text.
pub(crate) fn error_status<E: ApiError>(error: &E) -> StatusCode {
    let status = error.status();
    if status.is_server_error() {
        report_server_error(error.code(), status, error);
    }
    status
}

/// The code of `C`'s `failures` table for `failure`, and its status: the one HTTP requires
/// for the failure, else the code's own.
pub(crate) fn failure_code<C: FailureCodes>(failure: Failure) -> (StatusCode, C) {
    let code = C::for_failure(failure);
    let status = failure
        .required_status()
        .unwrap_or_else(|| CatalogCode::status(&code));
    (status, code)
}

/// `error`'s body in the locale answers are made in now, and that locale's tag.
#[inline]
pub(crate) fn localized_body<E: ApiError + ?Sized>(error: &E) -> (Bytes, Option<&'static str>) {
    let locales = error.envelope().locales;
    let locale = answer_locale(locales);
    (error.localized_body(locale), locales.get(locale).copied())
}

/// Whether an answer of catalog `C` must add `Vary: Accept-Language`: `C` has several
/// locales, so caches must not give one client's language to another, and none of the
/// `Vary` values already there (an inner layer's, or the handler's) names it.
pub(crate) fn must_vary_on_language<'a, C: CatalogCode>(
    vary_values: impl IntoIterator<Item = &'a [u8]>,
) -> bool {
    let named = vary_values.into_iter().any(|value| {
        value
            .split(|byte| *byte == b',')
            .any(|name| name.trim_ascii().eq_ignore_ascii_case(b"accept-language"))
    });
    C::ENVELOPE.locales.len() > 1 && !named
}
