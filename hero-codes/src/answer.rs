//! The envelope core: every decision about an answer, made once for every framework. An
//! adapter (the `axum` and `actix` modules) only turns an [`Answer`] into its framework's
//! response, puts its [`Mark`] on it, and hands its framework's responses back
//! to [`replacement`] and [`must_vary_on_language`].
//!
//! Nothing here reads which thread or poll built an answer: an error answer carries its
//! mark in its own extensions, so it is kept by the layer wherever it was made (a handler,
//! a spawned task, a blocking pool, a `Service::call`).

use std::any::Any;

use bytes::Bytes;
use http::StatusCode;
use serde::Serialize;

use tracing::Level;

use crate::error::report_server_error;
use crate::locale::answer_locale;
use crate::observe::{self, CodeIdentity};
use crate::{ApiError, ApiResponse, CatalogCode, Failure, FailureCodes};

/// An answer in the envelope, before it becomes a framework's response.
#[derive(Debug)]
pub(crate) struct Answer {
    pub(crate) status: StatusCode,
    pub(crate) body: Bytes,
    /// The locale of the description, for `Content-Language`; `None` when the catalog file
    /// declares no locales.
    pub(crate) locale: Option<&'static str>,
    /// Whether the answer says `Vary: Accept-Language`: its catalog has several locales, so
    /// its language may follow the request's, and caches must not give one client's
    /// language to another. Said when the answer is built, so that a layer that keeps it
    /// need not look at its headers.
    pub(crate) varies_on_language: bool,
    /// The mark of an error answer; `None` for a success.
    pub(crate) mark: Option<Mark>,
}

/// What an error answer says of itself to the layers around it, in its response's
/// extensions. Only error answers carry one (a layer never replaces a success, and
/// records an unmarked one as its catalog's success), so a success costs no allocation
/// for it, and neither does a request.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Mark {
    /// Already in the envelope, with the code `identity`: kept as it is, whatever its
    /// catalog, and recorded by its code.
    InEnvelope(&'static CodeIdentity),
    /// An extractor's rejection, answered in the built-in catalog for want of a layer:
    /// the nearest layer answers the failure in its own catalog instead.
    Rejected(Failure),
    /// An answer already recorded by a layer inside another: the outer one keeps it and
    /// does not count it again.
    Recorded,
}

impl Answer {
    /// The answer for `error`: its status and body in the locale answers are made in now.
    /// A 5xx error is logged with its source chain first, since the client reads only the
    /// catalog's text.
    #[inline]
    pub(crate) fn error<E: ApiError>(error: &E) -> Self {
        let status = error.status();
        if status.is_server_error() {
            report_server_error(error.code(), status, error);
        }
        Self::localized(status, error).marked(error.identity())
    }

    /// The answer for a framework `failure` in catalog `C`: the code its `failures` table
    /// names, with the status HTTP requires for the failure, else the code's own.
    pub(crate) fn failure<C: FailureCodes>(failure: Failure) -> Self {
        let code = C::for_failure(failure);
        let status = failure
            .required_status()
            .and_then(|status| StatusCode::from_u16(status).ok())
            .unwrap_or_else(|| code.status());
        Self::localized(status, &code).marked(code.identity())
    }

    /// Success in `C`'s envelope, in the locale answers are made in now. Data that cannot be
    /// serialized is a server bug: logged, and answered with `C`'s `internal` code.
    pub(crate) fn success<T: Serialize, C: FailureCodes>(answer: ApiResponse<T, C>) -> Self {
        let locales = C::ENVELOPE.locales;
        let locale = locales.get(answer_locale(locales)).copied();
        let answer = match locale {
            Some(locale) => answer.in_locale(locale),
            None => answer,
        };
        match serde_json::to_vec(&answer) {
            Ok(body) => Answer {
                status: answer.status(),
                body: Bytes::from(body),
                locale,
                varies_on_language: varies_on_language(locales),
                mark: None,
            },
            Err(error) => {
                let internal = C::for_failure(Failure::Internal);
                report_server_error(internal.code(), StatusCode::INTERNAL_SERVER_ERROR, &error);
                Self::failure::<C>(Failure::Internal)
            }
        }
    }

    /// The answer for a panic of the handler: `C`'s `internal` code, nothing of the panic's
    /// message, which goes to the log.
    pub(crate) fn panic<C: FailureCodes>(payload: &(dyn Any + Send)) -> Self {
        report_panic(payload);
        Self::failure::<C>(Failure::Internal)
    }

    /// `error`'s body with `status`, in the locale answers are made in now.
    #[inline]
    fn localized<E: ApiError + ?Sized>(status: StatusCode, error: &E) -> Self {
        let locales = error.envelope().locales;
        let locale = answer_locale(locales);
        Answer {
            status,
            body: error.localized_body(locale),
            locale: locales.get(locale).copied(),
            varies_on_language: varies_on_language(locales),
            mark: None,
        }
    }

    /// The answer as an error answer of the code `identity`.
    #[inline]
    fn marked(self, identity: &'static CodeIdentity) -> Self {
        Answer {
            mark: Some(Mark::InEnvelope(identity)),
            ..self
        }
    }

    /// The answer for an extractor's rejection with `failure`: in the built-in catalog,
    /// marked for the nearest layer to answer in its own.
    pub(crate) fn rejection(failure: Failure) -> Self {
        Answer {
            mark: Some(Mark::Rejected(failure)),
            ..Self::failure::<crate::ResultCode>(failure)
        }
    }
}

/// Logs a handler's panic with its message: the client reads only the catalog's text.
pub(crate) fn report_panic(payload: &(dyn Any + Send)) {
    let message = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("a panic with a non-text payload");
    tracing::error!(panic = message, "handler panicked");
}

/// What a layer of catalog `C` answers instead of a response of its service with `status`
/// and `mark`: `None` keeps it (a success, a redirect, or an error answer already in the
/// envelope); a rejection answers its failure in `C`;
/// else the code `C`'s `failures` table names for what the status stands for, or, for a
/// plain client error, the first code of `C` with that status, else `bad_request`. A 5xx
/// is logged, since the new answer says nothing of what went wrong.
pub(crate) fn replacement<C: FailureCodes>(
    status: StatusCode,
    mark: Option<Mark>,
) -> Option<Answer> {
    match mark {
        Some(Mark::Rejected(failure)) => return Some(Answer::failure::<C>(failure)),
        Some(Mark::InEnvelope(_) | Mark::Recorded) => return None,
        None if !is_error(status) => return None,
        None => {}
    }
    let failure = Failure::from_status(status.as_u16());
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
    Some(Answer::localized(status, &code).marked(code.identity()))
}

/// What a layer of catalog `C` learns of each answer and records when it is ready: when
/// the request came in, for the latency, and the level of client errors' log lines.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Observation {
    #[cfg(feature = "metrics")]
    started: std::time::Instant,
    client_level: Level,
}

impl Observation {
    /// A request comes in.
    #[inline]
    pub(crate) fn start(client_level: Level) -> Self {
        Observation {
            #[cfg(feature = "metrics")]
            started: std::time::Instant::now(),
            client_level,
        }
    }

    /// Its answer, with `status` and `mark`, is ready: recorded by its code, or, unmarked,
    /// as catalog `C`'s success (an answer the layer keeps carries no code otherwise),
    /// unless a layer inside this one recorded it. Inside another layer (`nesting`), the
    /// mark to put on the answer so that the outer one does not count it again.
    #[inline]
    pub(crate) fn finish<C: FailureCodes>(
        self,
        status: StatusCode,
        mark: Option<Mark>,
        nested: bool,
    ) -> Option<Mark> {
        let identity = match mark {
            Some(Mark::Recorded) => return None,
            Some(Mark::InEnvelope(identity)) => identity,
            // A layer answers a rejection itself: an outer one meets it only without one.
            Some(Mark::Rejected(failure)) => C::for_failure(failure).identity(),
            None => C::SUCCESS.identity(),
        };
        #[cfg(feature = "metrics")]
        let elapsed = self.started.elapsed();
        #[cfg(not(feature = "metrics"))]
        let elapsed = std::time::Duration::ZERO;
        observe::record(identity, status, elapsed, self.client_level);
        nested.then_some(Mark::Recorded)
    }
}

thread_local! {
    /// How many envelope layers are polling their service on this thread now.
    static LAYERS_POLLING: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Counts a layer as polling while it lives. A layer's service, and any layer inside it, is
/// polled within the layer's own poll, so a layer that sees another polling around it is
/// nested, whatever thread or task runs them. It decides only whether an answer is marked
/// as recorded (so that it is counted once), never what the answer is: that is why it may
/// ride on the thread.
pub(crate) struct Nesting(());

impl Nesting {
    pub(crate) fn enter() -> Self {
        LAYERS_POLLING.with(|count| count.set(count.get() + 1));
        Nesting(())
    }
}

/// Whether another layer polls around the one polling now (inside its [`Nesting`]).
pub(crate) fn nested() -> bool {
    LAYERS_POLLING.with(std::cell::Cell::get) > 1
}

#[cfg(feature = "actix")]
pin_project_lite::pin_project! {
    /// A layer's future, counted by [`Nesting`] at each poll.
    pub(crate) struct Counted<F> {
        #[pin]
        inner: F,
    }
}

#[cfg(feature = "actix")]
impl<F> Counted<F> {
    pub(crate) fn new(inner: F) -> Self {
        Counted { inner }
    }
}

#[cfg(feature = "actix")]
impl<F: std::future::Future> std::future::Future for Counted<F> {
    type Output = F::Output;

    fn poll(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<F::Output> {
        let _nesting = Nesting::enter();
        self.project().inner.poll(cx)
    }
}

impl Drop for Nesting {
    fn drop(&mut self) {
        LAYERS_POLLING.with(|count| count.set(count.get() - 1));
    }
}

/// Whether an answer in a catalog with `locales` may follow the request's language, so
/// that caches must keep one client's language from another: when there is a choice.
#[inline]
fn varies_on_language(locales: &[&str]) -> bool {
    locales.len() > 1
}

/// Whether a layer of catalog `C` must add `Vary: Accept-Language` to an answer: the answer
/// says its language (`Content-Language`), `C` has several locales, so caches must not
/// give one client's language to another, and none of the `Vary` values already there (an
/// inner layer's, or the handler's) names it.
///
/// `vary_values` is called only when the answer says its language, since reading a header
/// costs a lookup on every answer.
pub(crate) fn must_vary_on_language<'a, C: CatalogCode, V: IntoIterator<Item = &'a [u8]>>(
    content_language: bool,
    vary_values: impl FnOnce() -> V,
) -> bool {
    if !content_language || !varies_on_language(C::ENVELOPE.locales) {
        return false;
    }
    !vary_values().into_iter().any(|value| {
        value
            .split(|byte| *byte == b',')
            .any(|name| name.trim_ascii().eq_ignore_ascii_case(b"accept-language"))
    })
}

#[inline]
fn is_error(status: StatusCode) -> bool {
    status.is_client_error() || status.is_server_error()
}
