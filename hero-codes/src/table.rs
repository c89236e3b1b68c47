//! The data generated code answers from: a catalog enum's and a derived error's codes,
//! statuses, descriptions and compile-time bodies, one slot per variant and one row per
//! locale. The generated `ApiError` methods are one call each into these `#[inline]`
//! readers, so the code each derive adds stays small.

use std::borrow::Cow;

use bytes::Bytes;
use http::StatusCode;

use crate::Envelope;

/// One type's answers, indexed by variant (the default locale's row first). `B` is
/// `&[u8]`, or `Option<&[u8]>` when some variant's description is filled at run time
/// (its slot holds `None`).
pub struct Table<B: 'static> {
    /// The envelope of the catalog file the answers come from.
    pub envelope: Envelope,
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

/// `ApiError`, the framework glue and `ErrorAnswers` of a catalog enum or a derived error,
/// from the data the macros emit: the [`Table`] (`TABLE`, the envelope written once in it)
/// is defined here, inside the caller's `const _: () = { ... };`, beside its
/// `fn index(&Self) -> usize`. Written once here rather than quoted by every
/// derive: the proc macro emits only the data, and rustc expands the rest.
///
/// `methods fixed` reads every description and body from the table; a derived error with
/// descriptions filled at run time gives its own `localized_desc` and `localized_body`.
#[macro_export]
#[doc(hidden)]
macro_rules! __answers {
    (
        impl [$($generics:tt)*] [$($ty:tt)*] [$($error_where:tt)*] [$($api_where:tt)*]
        table $body:ty {
            envelope $envelope:expr;
            codes $codes:expr;
            statuses [$($status:literal),*]
            identities [$((
                $catalog:literal, $code:literal, $code_status:literal, $success:literal,
                $grpc:literal, $reason:literal, $domain:literal
            )),*]
            descs $descs:expr;
            bodies $bodies:expr;
        }
        answers $answers:expr;
        methods $($methods:tt)*
    ) => {
        // A static, not a const: an answer reads one slot rather than copying the table.
        static TABLE: $crate::__private::Table<$body> = $crate::__private::Table {
            envelope: $envelope,
            codes: $codes,
            statuses: &$crate::__private::statuses([$($status),*]),
            descs: $descs,
            bodies: $bodies,
        };

        // Apart from the table: an identity holds the code's metric handles, registered at
        // its first answer, and a static may not borrow such a value from a temporary.
        static IDENTITIES: [$crate::CodeIdentity; <[u16]>::len(&[$($code_status),*])] = [
            $($crate::CodeIdentity::new(
                $catalog, $code, $code_status, $success, $grpc, $reason, $domain
            )),*
        ];

        #[automatically_derived]
        impl $($generics)* $crate::ApiError for $($ty)* $($error_where)* {
            // Inlined wherever the error is answered: one variant lookup, not one per call.
            #[inline]
            fn code(&self) -> &'static str {
                TABLE.code(index(self))
            }

            #[inline]
            fn status(&self) -> $crate::__private::http::StatusCode {
                TABLE.status(index(self))
            }

            #[inline]
            fn desc(&self) -> ::std::borrow::Cow<'static, str> {
                $crate::ApiError::localized_desc(self, 0)
            }

            #[inline]
            fn envelope(&self) -> &'static $crate::Envelope {
                &TABLE.envelope
            }

            #[inline]
            fn identity(&self) -> &'static $crate::CodeIdentity {
                &IDENTITIES[index(self)]
            }

            $crate::__answers! { @methods $($methods)* }
        }

        $crate::__framework_glue! { [$($generics)*] [$($ty)*] [$($api_where)*] }

        #[automatically_derived]
        impl $($generics)* $crate::ErrorAnswers for $($ty)* $($api_where)* {
            const ENVELOPE: $crate::Envelope = TABLE.envelope;
            const ANSWERS: &'static [$crate::ErrorAnswer] = $answers;
        }
    };
    (@methods fixed) => {
        #[inline]
        fn localized_desc(&self, locale: usize) -> ::std::borrow::Cow<'static, str> {
            TABLE.desc(locale, index(self))
        }

        #[inline]
        fn localized_body(&self, locale: usize) -> $crate::__private::Bytes {
            TABLE.body(locale, index(self))
        }
    };
    (@methods { $($methods:tt)* }) => {
        $($methods)*
    };
}
