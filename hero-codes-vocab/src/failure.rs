//! The failures a web framework detects before or around a handler.

/// Declares [`Failure`] from one table: per kind its doc, its key in a catalog's `failures`
/// table, what it answers (for messages and docs), and the status HTTP requires, if any.
macro_rules! failure_kinds {
    ($(
        $(#[doc = $doc:literal])*
        $variant:ident = $key:literal, $summary:literal, $required:expr;
    )*) => {
        /// A failure the framework glue detects itself: a body, query or path that does not
        /// fit, an unknown route, a panic. Each catalog that has a `[catalogs.Name.failures]`
        /// table says which of its codes answers each one, by its [`key`](Failure::key).
        ///
        /// Not `#[non_exhaustive]`: a new kind is a new required key of every `failures`
        /// table, so the generated `match` must see it.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Failure {
            $($(#[doc = $doc])* $variant,)*
        }

        impl Failure {
            /// Every kind, in the order a `failures` table lists them.
            pub const ALL: &'static [Failure] = &[$(Failure::$variant),*];

            /// The key in a catalog's `failures` table: `invalid_json`.
            pub const fn key(self) -> &'static str {
                match self {
                    $(Failure::$variant => $key,)*
                }
            }

            /// The variant's name, as generated code writes it: `InvalidJson`.
            pub const fn name(self) -> &'static str {
                match self {
                    $(Failure::$variant => stringify!($variant),)*
                }
            }

            /// What the kind stands for, in a few words: `no route for the path`.
            pub const fn summary(self) -> &'static str {
                match self {
                    $(Failure::$variant => $summary,)*
                }
            }

            /// The HTTP status HTTP itself requires for this failure, whatever the code's own
            /// status: 405, 413 and 415. For the others the code's status answers.
            ///
            /// ```
            /// use hero_codes_vocab::Failure;
            /// assert_eq!(Failure::BodyTooLarge.required_status(), Some(413));
            /// assert_eq!(Failure::InvalidJson.required_status(), None);
            /// ```
            pub const fn required_status(self) -> Option<u16> {
                match self {
                    $(Failure::$variant => $required,)*
                }
            }
        }
    };
}

failure_kinds! {
    /// A JSON body that does not parse or does not fit the expected type.
    InvalidJson = "invalid_json",
        "a JSON body that does not parse or does not fit the expected type", None;
    /// A form body that does not fit the expected type.
    InvalidForm = "invalid_form", "a form body that does not fit the expected type", None;
    /// A query string that does not fit the expected type.
    InvalidQuery = "invalid_query", "a query string that does not fit the expected type", None;
    /// Path parameters that do not fit the expected type.
    InvalidPath = "invalid_path", "path parameters that do not fit the expected type", None;
    /// A body without the expected content type: answered with 415.
    UnsupportedMediaType = "unsupported_media_type",
        "a body without the expected content type (answered with 415)", Some(415);
    /// A body over the size limit: answered with 413.
    BodyTooLarge = "body_too_large", "a body over the size limit (answered with 413)", Some(413);
    /// No route for the path.
    NotFound = "not_found", "no route for the path", None;
    /// A route without the request's method: answered with 405.
    MethodNotAllowed = "method_not_allowed",
        "a route without the method (answered with 405)", Some(405);
    /// Any other client error.
    BadRequest = "bad_request", "any other client error", None;
    /// A panic, or any other server error.
    Internal = "internal", "a panic or any other server error", None;
}

impl Failure {
    /// The kind whose `failures` key is `key`.
    ///
    /// ```
    /// use hero_codes_vocab::Failure;
    /// assert_eq!(Failure::from_key("not_found"), Some(Failure::NotFound));
    /// assert_eq!(Failure::from_key("NotFound"), None);
    /// ```
    pub fn from_key(key: &str) -> Option<Failure> {
        Failure::ALL.iter().copied().find(|kind| kind.key() == key)
    }

    /// The failure an error response with `status` stands for, when nothing more is known
    /// about it: a response from another layer, or the framework's own.
    ///
    /// ```
    /// use hero_codes_vocab::Failure;
    /// assert_eq!(Failure::from_status(404), Failure::NotFound);
    /// assert_eq!(Failure::from_status(413), Failure::BodyTooLarge);
    /// assert_eq!(Failure::from_status(503), Failure::Internal);
    /// assert_eq!(Failure::from_status(409), Failure::BadRequest);
    /// ```
    pub fn from_status(status: u16) -> Failure {
        let required = Failure::ALL
            .iter()
            .copied()
            .find(|kind| kind.required_status() == Some(status));
        match (required, status) {
            (Some(kind), _) => kind,
            (None, 404) => Failure::NotFound,
            (None, 500..=599) => Failure::Internal,
            (None, _) => Failure::BadRequest,
        }
    }

    /// The failure of an extractor of `input` whose framework rejected the request with
    /// `status`: a body too large (413), a wrong content type (415) and a server-side
    /// mistake (5xx) say more than that the input does not fit.
    ///
    /// ```
    /// use hero_codes_vocab::Failure;
    /// assert_eq!(Failure::of_rejection(Failure::InvalidJson, 400), Failure::InvalidJson);
    /// assert_eq!(Failure::of_rejection(Failure::InvalidJson, 413), Failure::BodyTooLarge);
    /// ```
    pub fn of_rejection(input: Failure, status: u16) -> Failure {
        match Failure::from_status(status) {
            Failure::BadRequest | Failure::NotFound | Failure::MethodNotAllowed => input,
            said_more => said_more,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_names_are_unique_and_round_trip() {
        for (index, kind) in Failure::ALL.iter().enumerate() {
            assert_eq!(Failure::from_key(kind.key()), Some(*kind));
            assert_eq!(format!("{kind:?}"), kind.name());
            for other in &Failure::ALL[index + 1..] {
                assert_ne!(kind.key(), other.key());
            }
        }
    }

    #[test]
    fn a_required_status_reads_back_as_its_kind() {
        for kind in Failure::ALL {
            if let Some(status) = kind.required_status() {
                assert_eq!(Failure::from_status(status), *kind);
            }
        }
    }
}
