//! The data generated code answers from: a catalog enum's and a derived error's codes,
//! statuses, descriptions and compile-time bodies, one slot per variant and one row per
//! locale. The generated `ApiError` methods are one call each into these `#[inline]`
//! readers, so the code each derive adds stays small.

use std::borrow::Cow;

use bytes::Bytes;
use http::StatusCode;

/// One type's answers, indexed by variant (the default locale's row first). `B` is
/// `&[u8]`, or `Option<&[u8]>` when some variant's description is filled at run time
/// (its slot holds `None`).
pub struct Table<B: 'static> {
    /// The code of each variant.
    pub codes: &'static [&'static str],
    /// The HTTP status of each variant.
    pub statuses: &'static [StatusCode],
    /// The description of each variant, one row per locale.
    pub descs: &'static [&'static [&'static str]],
    /// The envelope body of each variant, serialized at compile time, one row per locale.
    pub bodies: &'static [&'static [B]],
}

impl<B: Copy> Table<B> {
    /// The code of the variant at `index`.
    #[inline]
    pub fn code(&self, index: usize) -> &'static str {
        self.codes[index]
    }

    /// The status of the variant at `index`.
    #[inline]
    pub fn status(&self, index: usize) -> StatusCode {
        self.statuses[index]
    }

    /// The description of the variant at `index` in the locale at `locale` (the default
    /// one for a locale the file does not have).
    #[inline]
    pub fn desc(&self, locale: usize, index: usize) -> Cow<'static, str> {
        Cow::Borrowed(self.descs.get(locale).unwrap_or(&self.descs[0])[index])
    }

    #[inline]
    fn body_slot(&self, locale: usize, index: usize) -> B {
        self.bodies.get(locale).unwrap_or(&self.bodies[0])[index]
    }
}

impl Table<&'static [u8]> {
    /// The body of the variant at `index` in the locale at `locale`.
    #[inline]
    pub fn body(&self, locale: usize, index: usize) -> Bytes {
        Bytes::from_static(self.body_slot(locale, index))
    }
}

impl Table<Option<&'static [u8]>> {
    /// The body of the variant at `index` in the locale at `locale`, if it is fixed.
    #[inline]
    pub fn body(&self, locale: usize, index: usize) -> Option<Bytes> {
        self.body_slot(locale, index).map(Bytes::from_static)
    }
}
