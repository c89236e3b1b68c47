//! Which of a catalog's locales answers a request: `Accept-Language` with its quality
//! values, matched by `fluent-langneg` (so `zh-CN` finds `zh` and `en` finds `en-US`).

use fluent_langneg::{LanguageIdentifier, NegotiationStrategy, negotiate_languages};
use std::sync::{Mutex, PoisonError};

/// A catalog's locales, parsed once, to negotiate each request against.
pub(crate) struct Negotiator {
    tags: &'static [&'static str],
    available: Vec<LanguageIdentifier>,
}

impl Negotiator {
    /// The negotiator for the locales of a catalog file, the default first: made once per
    /// list of locales in the program and kept, so that a layer's service holds a plain
    /// reference, which its framework copies for each request without touching a
    /// reference count.
    pub(crate) fn shared(tags: &'static [&'static str]) -> &'static Negotiator {
        static MADE: Mutex<Vec<&'static Negotiator>> = Mutex::new(Vec::new());
        let mut made = MADE.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(negotiator) = made.iter().find(|negotiator| negotiator.tags == tags) {
            return negotiator;
        }
        // One per distinct list of locales: a handful in any program.
        let negotiator = Box::leak(Box::new(Negotiator::new(tags)));
        made.push(negotiator);
        negotiator
    }

    /// For the locales of a catalog file, the default first.
    fn new(tags: &'static [&'static str]) -> Self {
        let available = tags
            .iter()
            // The catalog checks that each is a language tag; an odd one never matches.
            .map(|tag| tag.parse().unwrap_or_default())
            .collect();
        Negotiator { tags, available }
    }

    /// The locale to answer a request with `headers` in: see [`pick`](Self::pick).
    #[cfg(any(feature = "axum", feature = "tonic"))]
    pub(crate) fn for_headers(&self, headers: &http::HeaderMap) -> Option<&'static str> {
        self.pick(|| {
            crate::header::find(headers, &http::header::ACCEPT_LANGUAGE)
                .and_then(|value| value.to_str().ok())
        })
    }

    /// The locale to answer in: the first range of the request's `Accept-Language`, by
    /// quality, that one of the locales matches; else the default. `None` when the file
    /// declares no locales. `accept_language` (the header's text, if it has one that is
    /// text) is called only when there is a choice: a catalog with one locale answers in
    /// it without reading the request.
    pub(crate) fn pick<'h>(
        &self,
        accept_language: impl FnOnce() -> Option<&'h str>,
    ) -> Option<&'static str> {
        let (default, others) = self.tags.split_first()?;
        if others.is_empty() {
            return Some(default);
        }
        let Some(header) = accept_language() else {
            return Some(default);
        };
        for range in ranked_ranges(header) {
            if range == "*" {
                return Some(default); // any language: the default is one
            }
            let Ok(requested) = range.parse::<LanguageIdentifier>() else {
                continue;
            };
            let found = negotiate_languages(
                &[requested],
                &self.available,
                None,
                NegotiationStrategy::Lookup,
            );
            if let Some(position) = found
                .first()
                .and_then(|found| self.available.iter().position(|id| id == *found))
            {
                return Some(self.tags[position]);
            }
        }
        Some(default)
    }
}

/// The language ranges of an `Accept-Language` value, best first: sorted by quality (`q`,
/// 1 when absent), in header order among equals, without those of quality 0 or with a
/// quality that is not a number.
fn ranked_ranges(header: &str) -> Vec<&str> {
    let mut ranges: Vec<(&str, f32)> = header
        .split(',')
        .filter_map(|item| {
            let mut parts = item.split(';');
            let range = parts.next()?.trim();
            let quality = match parts.find_map(|param| param.trim().strip_prefix("q=")) {
                Some(q) => q
                    .trim()
                    .parse::<f32>()
                    .ok()
                    .filter(|q| (0.0..=1.0).contains(q))?,
                None => 1.0,
            };
            (!range.is_empty() && quality > 0.0).then_some((range, quality))
        })
        .collect();
    // Stable: equal qualities keep the client's order.
    ranges.sort_by(|a, b| b.1.total_cmp(&a.1));
    ranges.into_iter().map(|(range, _)| range).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pick(header: Option<&str>) -> Option<&'static str> {
        Negotiator::new(&["zh", "en"]).pick(|| header)
    }

    #[test]
    fn ranges_are_ranked_by_quality() {
        assert_eq!(
            ranked_ranges("fr;q=0.5, en, de;q=0.9, xx;q=0, yy;q=abc"),
            ["en", "de", "fr"]
        );
    }

    #[test]
    fn picks_by_quality_language_range_and_default() {
        assert_eq!(pick(Some("en")), Some("en"));
        assert_eq!(pick(Some("en-US,en;q=0.9")), Some("en"));
        assert_eq!(pick(Some("zh-CN")), Some("zh"));
        assert_eq!(pick(Some("fr, en;q=0.5")), Some("en"));
        assert_eq!(pick(Some("zh;q=0.4, en;q=0.8")), Some("en"));
        assert_eq!(pick(Some("*")), Some("zh"));
        assert_eq!(pick(Some("fr")), Some("zh"));
        assert_eq!(pick(Some(";;,,=q")), Some("zh"));
        assert_eq!(pick(None), Some("zh"));
        assert_eq!(Negotiator::new(&[]).pick(|| None), None);
        let only = Negotiator::new(&["en"]);
        assert_eq!(
            only.pick(|| panic!("one locale reads no header")),
            Some("en")
        );
    }
}
