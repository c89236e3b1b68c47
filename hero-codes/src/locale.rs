//! The language answers are made in. The envelope layer picks it from the request's
//! `Accept-Language` and sets it while it polls the handler; work the handler hands to
//! other tasks takes it along with [`InLocale::in_current_locale`] (futures) or
//! [`current_locale`] and [`in_locale`] (closures). Bodies are serialized at compile time
//! once per locale, so answering in another language only picks another static body.
//!
//! The locale is a convenience carried by the thread that polls: it chooses among a
//! code's descriptions, and an answer, once made, keeps the language it was made in.

use std::cell::Cell;
use std::future::{Future, IntoFuture};
use std::pin::Pin;
use std::task::{Context, Poll};

thread_local! {
    /// The locale answers made on this thread now are in; `None` for the default.
    static ANSWER_LOCALE: Cell<Option<&'static str>> = const { Cell::new(None) };
}

/// The locale answers are made in now: the request's, inside the envelope layer or a
/// future wrapped by [`InLocale`]; `None` (each catalog's default) elsewhere. Read it
/// before handing work to a blocking pool, and give it to [`in_locale`] there.
///
/// ```
/// assert_eq!(hero_codes::current_locale(), None);
/// hero_codes::in_locale("en", || assert_eq!(hero_codes::current_locale(), Some("en")));
/// ```
pub fn current_locale() -> Option<&'static str> {
    ANSWER_LOCALE.with(Cell::get)
}

/// Runs `answer` now, with every envelope made inside it in `locale` (a tag of the
/// answering catalog's `locales`, such as `"en"`, or `None` for each catalog's default);
/// a catalog without that locale answers in its default one. Use it in a closure handed to
/// a blocking pool, with the [`current_locale`] read before, or to answer in a locale a
/// request does not say (a user's stored preference).
///
/// ```
/// use hero_codes::{current_locale, in_locale};
///
/// // In a handler under the envelope layer, `current_locale()` is the request's.
/// let locale = in_locale("en", current_locale);
/// let seen = std::thread::spawn(move || in_locale(locale, current_locale)).join().unwrap();
/// assert_eq!(seen, Some("en"));
/// assert_eq!(current_locale(), None, "the scope ended with the closure");
/// ```
///
/// The closure runs now, so a future made in it would run later, outside the locale: that
/// does not compile. Wrap the future instead, with [`InLocale::in_locale`]:
///
/// ```compile_fail
/// let later = hero_codes::in_locale("en", || async { hero_codes::ResultCode::NotFound });
/// ```
pub fn in_locale<R: NotAFuture>(
    locale: impl Into<Option<&'static str>>,
    answer: impl FnOnce() -> R,
) -> R {
    let _scope = LocaleScope::enter(locale.into());
    answer()
}

/// What [`in_locale`]'s closure may return: anything but a future (anything `Unpin`, which
/// `async` blocks and `async fn` futures are not), since a future would run after the
/// closure, outside the locale.
#[diagnostic::on_unimplemented(
    message = "`in_locale` runs its closure now, but this closure returns a future: `{Self}`",
    label = "this future would run later, outside the locale",
    note = "wrap the future instead: `async {{ .. }}.in_locale(\"en\")` or `.in_current_locale()` (trait `hero_codes::InLocale`)"
)]
pub trait NotAFuture {}

impl<T: Unpin> NotAFuture for T {}

/// Futures that make answers in a locale: [`in_locale`](InLocale::in_locale) for a given
/// one, [`in_current_locale`](InLocale::in_current_locale) to take the request's along into
/// a spawned task, as `tracing`'s `in_current_span` takes a span.
///
/// ```
/// use hero_codes::{InLocale, current_locale};
///
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// let seen = async { current_locale() }.in_locale("en").await;
/// assert_eq!(seen, Some("en"));
///
/// // In a handler under the envelope layer: the spawned task answers in the request's
/// // language too.
/// let handler = async {
///     tokio::spawn(async { current_locale() }.in_current_locale()).await.unwrap()
/// };
/// assert_eq!(handler.in_locale("en").await, Some("en"));
/// # }
/// ```
pub trait InLocale: IntoFuture + Sized {
    /// This future, with every envelope made while it is polled in `locale` (a tag, or
    /// `None` for each catalog's default).
    fn in_locale(self, locale: impl Into<Option<&'static str>>) -> Localized<Self::IntoFuture> {
        Localized {
            inner: self.into_future(),
            locale: locale.into(),
        }
    }

    /// This future, in the locale answers are made in now ([`current_locale`]): for work a
    /// handler hands to `tokio::spawn`.
    fn in_current_locale(self) -> Localized<Self::IntoFuture> {
        self.in_locale(current_locale())
    }
}

impl<F: IntoFuture> InLocale for F {}

pin_project_lite::pin_project! {
    /// A future whose answers are made in a locale: see [`InLocale`].
    #[derive(Debug)]
    #[must_use = "futures do nothing unless polled"]
    pub struct Localized<F> {
        #[pin]
        inner: F,
        locale: Option<&'static str>,
    }
}

impl<F: Future> Future for Localized<F> {
    type Output = F::Output;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let this = self.project();
        let _scope = LocaleScope::enter(*this.locale);
        this.inner.poll(cx)
    }
}

/// The index in `locales` (a catalog file's, default first) of the locale answers are
/// made in now: 0, the default, outside a locale scope, or when `locales` lacks it.
#[cfg(any(feature = "axum", feature = "actix", feature = "tonic"))]
#[inline]
pub(crate) fn answer_locale(locales: &[&str]) -> usize {
    current_locale().map_or(0, |wanted| {
        locales
            .iter()
            .position(|locale| same_tag(locale, wanted))
            .unwrap_or(0)
    })
}

/// `a == b` for short language tags, byte by byte: a call to `memcmp` for two bytes would
/// cost more than the comparison (this runs for every localised answer).
#[cfg(any(feature = "axum", feature = "actix", feature = "tonic"))]
#[inline]
fn same_tag(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y)
}

/// Sets the answer locale while it lives, and puts the previous one back when dropped
/// (also on a panic), so scopes nest.
pub(crate) struct LocaleScope {
    previous: Option<&'static str>,
}

impl LocaleScope {
    pub(crate) fn enter(locale: Option<&'static str>) -> Self {
        LocaleScope {
            previous: ANSWER_LOCALE.with(|current| current.replace(locale)),
        }
    }
}

impl Drop for LocaleScope {
    fn drop(&mut self) {
        ANSWER_LOCALE.with(|current| current.set(self.previous));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(any(feature = "axum", feature = "actix", feature = "tonic"))]
    #[test]
    fn scopes_nest_and_restore() {
        let locales = ["zh", "en", "fr"];
        assert_eq!(answer_locale(&locales), 0);
        in_locale("fr", || {
            assert_eq!(answer_locale(&locales), 2);
            in_locale("en", || assert_eq!(answer_locale(&locales), 1));
            assert_eq!(answer_locale(&locales), 2);
            assert_eq!(
                answer_locale(&["zh", "en"]),
                0,
                "a file without fr answers in its default"
            );
        });
        assert_eq!(answer_locale(&locales), 0);
    }

    #[test]
    fn a_wrapped_future_is_in_its_locale_at_every_poll_and_only_then() {
        let mut future = std::pin::pin!(
            async {
                let first = current_locale();
                YieldOnce(false).await;
                (first, current_locale())
            }
            .in_locale("en")
        );
        let mut cx = Context::from_waker(std::task::Waker::noop());
        assert!(future.as_mut().poll(&mut cx).is_pending());
        assert_eq!(current_locale(), None, "nothing leaks out of a poll");
        let Poll::Ready(seen) = future.as_mut().poll(&mut cx) else {
            panic!("the second poll completes");
        };
        assert_eq!(seen, (Some("en"), Some("en")));
    }

    /// Pending once, then ready: a later poll.
    struct YieldOnce(bool);

    impl Future for YieldOnce {
        type Output = ();

        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
            if self.0 {
                return Poll::Ready(());
            }
            self.0 = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}
