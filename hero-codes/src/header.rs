//! Reading a header the layers look at on every request or answer, at the price of the
//! few headers most such maps hold.

use http::{HeaderMap, HeaderName, HeaderValue};

/// The most headers a map may hold for [`find`] to walk it instead of hashing the name.
const WALKED: usize = 4;

/// The first value of `name` in `headers`, as [`HeaderMap::get`] gives it.
///
/// `get` hashes the name and probes the table: about 80 instructions, a hundredth of a
/// whole request over loopback, paid by the layers once or twice per request. A map of
/// a few entries (a response's own headers, a request from `curl` or a load tester) is
/// walked in less; a larger one is looked up as usual.
#[inline]
pub(crate) fn find<'a>(headers: &'a HeaderMap, name: &HeaderName) -> Option<&'a HeaderValue> {
    if headers.len() > WALKED {
        return headers.get(name);
    }
    headers
        .iter()
        .find_map(|(key, value)| (key == name).then_some(value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::header::{ACCEPT, ACCEPT_LANGUAGE, CONTENT_LANGUAGE, HOST, USER_AGENT, VARY};

    fn map(entries: &[(&HeaderName, &'static str)]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for (name, value) in entries {
            headers.append(*name, HeaderValue::from_static(value));
        }
        headers
    }

    #[test]
    fn finds_what_get_finds_in_small_and_large_maps() {
        let small = map(&[
            (&HOST, "a"),
            (&VARY, "x"),
            (&VARY, "y"),
            (&ACCEPT_LANGUAGE, "en"),
        ]);
        let large = map(&[
            (&HOST, "a"),
            (&USER_AGENT, "b"),
            (&ACCEPT, "c"),
            (&VARY, "x"),
            (&VARY, "y"),
            (&ACCEPT_LANGUAGE, "en"),
        ]);
        for headers in [&small, &large] {
            for name in [&HOST, &VARY, &ACCEPT_LANGUAGE, &CONTENT_LANGUAGE] {
                assert_eq!(find(headers, name), headers.get(name), "{name}");
            }
        }
        assert_eq!(find(&small, &VARY).unwrap(), "x", "the first value");
        assert_eq!(find(&HeaderMap::new(), &HOST), None);
    }

    #[test]
    fn a_custom_name_is_found_too() {
        let name = HeaderName::from_static("x-request-id");
        let headers = map(&[(&HOST, "a"), (&name, "7")]);
        assert_eq!(find(&headers, &name).unwrap(), "7");
    }
}
