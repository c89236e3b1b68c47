//! The language an answer is made in. The envelope layer picks it from the request's
//! `Accept-Language` and sets it while the handler runs; [`in_locale`] sets it by hand.
//! Bodies are serialized at compile time once per locale, so answering in another language
//! only picks another static body.

use std::cell::Cell;

thread_local! {
    /// The locale answers made on this thread now are in; `None` for the default.
    static ANSWER_LOCALE: Cell<Option<&'static str>> = const { Cell::new(None) };
}

/// Runs `answer` with every envelope made inside it in `locale` (a tag of the answering
/// catalog's `locales`, such as `"en"`); a catalog without that locale answers in its
/// default one. The envelope layer does this for each request; call it where answers are
/// made without the layer, or to answer in a locale a request does not say (a user's
/// stored preference).
///
/// ```
/// use hero_codes::{ApiError, ResultCode, in_locale};
///
/// let error = ResultCode::NotFound;
/// assert_eq!(
///     in_locale("en", || error.localized_body(hero_codes::answer_locale(error.envelope().locales))),
///     r#"{"result":false,"result_code":"10400","result_desc":"The requested resource does not exist"}"#
/// );
/// assert_eq!(hero_codes::answer_locale(&["zh", "en"]), 0); // outside: the default
/// ```
pub fn in_locale<R>(locale: &'static str, answer: impl FnOnce() -> R) -> R {
    let _scope = LocaleScope::enter(Some(locale));
    answer()
}

/// The index in `locales` (a catalog file's, default first) of the locale answers are
/// made in now: 0, the default, outside [`in_locale`] and the layer, or when `locales` lacks
/// it.
#[inline]
pub fn answer_locale(locales: &[&str]) -> usize {
    ANSWER_LOCALE.with(Cell::get).map_or(0, |wanted| {
        locales
            .iter()
            .position(|locale| same_tag(locale, wanted))
            .unwrap_or(0)
    })
}

/// `a == b` for short language tags, byte by byte: a call to `memcmp` for two bytes would
/// cost more than the comparison (this runs for every localised answer).
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
}
