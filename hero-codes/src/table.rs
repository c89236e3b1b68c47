//! The data generated code answers from, and the impls that read it.
//!
//! A catalog enum and a derived error each emit an impl of the hidden trait [`Tabled`]:
//! its [`Table`] (each variant's [`CodeIdentity`]: its code, status and labels;
//! descriptions and compile-time bodies, one row per locale), a constant, and the
//! variant's slot. [`ApiError`] and [`ErrorAnswers`] are implemented here once for every
//! `Tabled` type, so each derive adds one small impl and the framework glue for rustc to
//! check, rather than a dozen methods and statics. A type that implements `ApiError`
//! by hand is not `Tabled` (only its own crate could make it so), so its impl and the
//! blanket one never overlap.

use std::borrow::Cow;
use std::error::Error;

use bytes::Bytes;
use http::StatusCode;

use crate::error::error_body;
use crate::observe::identity;
use crate::{ApiError, CodeClass, CodeIdentity, Envelope, ErrorAnswer, ErrorAnswers};

/// One type's answers, indexed by slot (a variant's position), the default locale's row
/// first.
pub struct Table {
    /// The envelope of the catalog file the answers come from.
    pub envelope: Envelope,
    /// The name of each variant, as [`ErrorAnswers`] lists it.
    pub names: &'static [&'static str],
    /// Each variant's code, its status and its labels, built by [`identities`] at compile
    /// time. Plain data (an answer's metric handles live in the metrics' registry), so that
    /// constants can read the table.
    pub identities: &'static [CodeIdentity],
    /// The description of each variant, one row per locale. A description filled at run
    /// time is there as written (`应用{id}不存在`) in the default locale's row.
    pub descs: &'static [&'static [&'static str]],
    /// The envelope body of each variant, serialized at compile time, one row per locale;
    /// empty where the description is filled at run time.
    pub bodies: &'static [&'static [&'static [u8]]],
}

impl Table {
    /// The code at `slot`.
    #[inline]
    pub const fn code(&self, slot: usize) -> &'static str {
        self.identities[slot].code()
    }

    /// The HTTP status of the code at `slot`, checked when the table was built.
    #[inline]
    pub const fn status(&self, slot: usize) -> StatusCode {
        self.identities[slot].http_status()
    }

    /// The description at `slot` in the locale at `locale` (the default one for a locale
    /// the file does not have).
    #[inline]
    pub fn desc(&self, locale: usize, slot: usize) -> Cow<'static, str> {
        Cow::Borrowed(self.descs.get(locale).unwrap_or(&self.descs[0])[slot])
    }

    /// The compile-time body at `slot` in the locale at `locale`; `None` where the
    /// description is filled at run time.
    #[inline]
    pub fn body(&self, locale: usize, slot: usize) -> Option<Bytes> {
        let body = self.bodies.get(locale).unwrap_or(&self.bodies[0])[slot];
        (!body.is_empty()).then(|| Bytes::from_static(body))
    }

    /// Every error answer, in slot order: all but the success code.
    fn answers(&'static self) -> impl Iterator<Item = ErrorAnswer> {
        self.identities
            .iter()
            .enumerate()
            .filter(|(_, identity)| identity.class() != CodeClass::Success)
            .map(move |(slot, identity)| ErrorAnswer {
                name: self.names[slot],
                code: identity.code(),
                status: identity.status(),
                desc: self.descs[0][slot],
            })
    }
}

/// A row of [`identities`]: catalog, code, HTTP status, whether it is the catalog's
/// success code, gRPC status number, `ErrorInfo` reason and gRPC domain.
pub type IdentityRow = (
    &'static str,
    &'static str,
    u16,
    bool,
    i32,
    &'static str,
    &'static str,
);

/// The [`CodeIdentity`] of each row, for [`Table::identities`]: generated code writes each
/// row as a tuple, fewer tokens for the compiler than a call per row, and each status is
/// checked here, at compile time.
pub const fn identities<const N: usize>(rows: [IdentityRow; N]) -> [CodeIdentity; N] {
    // Placeholders (with a status `StatusCode` takes), each replaced by its row's.
    let mut all = [const { identity("", "", 500, false, 0, "", "") }; N];
    let mut slot = 0;
    while slot < N {
        let (catalog, code, status, success, grpc, reason, domain) = rows[slot];
        all[slot] = identity(catalog, code, status, success, grpc, reason, domain);
        slot += 1;
    }
    all
}

/// A type whose answers are a [`Table`]: what `#[derive(ApiError)]` and
/// `include_catalog!` implement, and all they implement of [`ApiError`] and
/// [`ErrorAnswers`].
pub trait Tabled: Error {
    /// The type's table. A constant's data may be copied into each crate that uses it, so
    /// a code's identity can have more than one address (`metrics::registry` allows it).
    const TABLE: &'static Table;

    /// The slot of `self`'s variant.
    fn slot(&self) -> usize;

    /// The description of a variant whose description is filled from its fields, in the
    /// locale at `locale`; `None` for the others, which the table answers.
    #[inline]
    fn filled_desc(&self, locale: usize) -> Option<String> {
        let _ = locale;
        None
    }

    /// [`ApiError::visit_fields`]: the fields a variant's own description names.
    fn visit_fields(&self, visit: &mut dyn FnMut(&'static str, String)) {
        let _ = visit;
    }
}

impl<T: Tabled> ApiError for T {
    // Inlined wherever the error is answered: one slot lookup, one read.
    #[inline]
    fn code(&self) -> &'static str {
        T::TABLE.code(self.slot())
    }

    // From the identity, where it was checked at compile time: no check per answer.
    #[inline]
    fn status(&self) -> StatusCode {
        T::TABLE.status(self.slot())
    }

    #[inline]
    fn desc(&self) -> Cow<'static, str> {
        self.localized_desc(0)
    }

    #[inline]
    fn envelope(&self) -> &'static Envelope {
        &T::TABLE.envelope
    }

    #[inline]
    fn localized_desc(&self, locale: usize) -> Cow<'static, str> {
        match self.filled_desc(locale) {
            Some(desc) => Cow::Owned(desc),
            None => T::TABLE.desc(locale, self.slot()),
        }
    }

    // One lookup: the fixed body if the variant has one, else serialized now.
    #[inline]
    fn localized_body(&self, locale: usize) -> Bytes {
        let slot = self.slot();
        match T::TABLE.body(locale, slot) {
            Some(body) => body,
            None => error_body(
                &T::TABLE.envelope,
                T::TABLE.code(slot),
                &self.localized_desc(locale),
            ),
        }
    }

    #[inline]
    fn identity(&self) -> &'static CodeIdentity {
        &T::TABLE.identities[self.slot()]
    }

    fn visit_fields(&self, visit: &mut dyn FnMut(&'static str, String)) {
        Tabled::visit_fields(self, visit);
    }
}

impl<T: Tabled> ErrorAnswers for T {
    const ENVELOPE: Envelope = T::TABLE.envelope;

    fn answers() -> impl Iterator<Item = ErrorAnswer> {
        T::TABLE.answers()
    }
}
