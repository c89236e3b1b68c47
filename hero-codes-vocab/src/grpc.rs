//! The gRPC status codes of `google/rpc/code.proto`, and the one that follows from an HTTP
//! status when a catalog's code names none.

/// Declares [`GrpcCode`] from one table: per code its name as `code.proto` writes it and its
/// number on the wire.
macro_rules! grpc_codes {
    ($($variant:ident = $name:literal, $number:literal;)*) => {
        /// A gRPC status code, as `google/rpc/code.proto` lists them: the status a catalog's
        /// code answers with over gRPC (`grpc = "NOT_FOUND"` in a catalog file).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum GrpcCode {
            $(
                #[doc = concat!("`", $name, "` (", stringify!($number), ").")]
                $variant,
            )*
        }

        impl GrpcCode {
            /// Every code, by number.
            pub const ALL: &'static [GrpcCode] = &[$(GrpcCode::$variant),*];

            /// The name `code.proto` gives it, which a catalog file writes: `NOT_FOUND`.
            pub const fn name(self) -> &'static str {
                match self {
                    $(GrpcCode::$variant => $name,)*
                }
            }

            /// Its number on the wire (`grpc-status`): 5 for `NOT_FOUND`.
            pub const fn number(self) -> i32 {
                match self {
                    $(GrpcCode::$variant => $number,)*
                }
            }
        }
    };
}

grpc_codes! {
    Ok = "OK", 0;
    Cancelled = "CANCELLED", 1;
    Unknown = "UNKNOWN", 2;
    InvalidArgument = "INVALID_ARGUMENT", 3;
    DeadlineExceeded = "DEADLINE_EXCEEDED", 4;
    NotFound = "NOT_FOUND", 5;
    AlreadyExists = "ALREADY_EXISTS", 6;
    PermissionDenied = "PERMISSION_DENIED", 7;
    ResourceExhausted = "RESOURCE_EXHAUSTED", 8;
    FailedPrecondition = "FAILED_PRECONDITION", 9;
    Aborted = "ABORTED", 10;
    OutOfRange = "OUT_OF_RANGE", 11;
    Unimplemented = "UNIMPLEMENTED", 12;
    Internal = "INTERNAL", 13;
    Unavailable = "UNAVAILABLE", 14;
    DataLoss = "DATA_LOSS", 15;
    Unauthenticated = "UNAUTHENTICATED", 16;
}

impl GrpcCode {
    /// The code named `name` as `code.proto` writes it.
    ///
    /// ```
    /// use hero_codes_vocab::GrpcCode;
    /// assert_eq!(GrpcCode::from_name("FAILED_PRECONDITION"), Some(GrpcCode::FailedPrecondition));
    /// assert_eq!(GrpcCode::from_name("NotFound"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<GrpcCode> {
        GrpcCode::ALL
            .iter()
            .copied()
            .find(|code| code.name() == name)
    }

    /// The code numbered `number` on the wire; `None` past `UNAUTHENTICATED` (16).
    ///
    /// ```
    /// use hero_codes_vocab::GrpcCode;
    /// assert_eq!(GrpcCode::from_number(5), Some(GrpcCode::NotFound));
    /// assert_eq!(GrpcCode::from_number(17), None);
    /// ```
    pub fn from_number(number: i32) -> Option<GrpcCode> {
        usize::try_from(number)
            .ok()
            .and_then(|index| GrpcCode::ALL.get(index))
            .copied()
    }

    /// The gRPC code of an answer with HTTP `status`, when its catalog code names none.
    ///
    /// `google/rpc/code.proto` gives each gRPC code its HTTP status; read backwards, a status
    /// that several codes share takes the most general of them: 400 `INVALID_ARGUMENT` (not
    /// `FAILED_PRECONDITION` or `OUT_OF_RANGE`), 409 `ABORTED` (not `ALREADY_EXISTS`), 500
    /// `INTERNAL` (not `UNKNOWN` or `DATA_LOSS`). Statuses it does not list follow the
    /// nearest meaning: 405 `UNIMPLEMENTED`, 408 `DEADLINE_EXCEEDED`, 410 `NOT_FOUND`, 412
    /// `FAILED_PRECONDITION`, 413 `RESOURCE_EXHAUSTED` (as gRPC answers a message over its
    /// limit), 415 and 422 `INVALID_ARGUMENT`, 502 `UNAVAILABLE`; any other 4xx
    /// `FAILED_PRECONDITION`, any other 5xx `INTERNAL`, and 1xx to 3xx `OK`, which only the
    /// success code may answer.
    ///
    /// ```
    /// use hero_codes_vocab::GrpcCode;
    /// assert_eq!(GrpcCode::from_http_status(404), GrpcCode::NotFound);
    /// assert_eq!(GrpcCode::from_http_status(413), GrpcCode::ResourceExhausted);
    /// assert_eq!(GrpcCode::from_http_status(418), GrpcCode::FailedPrecondition);
    /// assert_eq!(GrpcCode::from_http_status(200), GrpcCode::Ok);
    /// ```
    pub const fn from_http_status(status: u16) -> GrpcCode {
        match status {
            400 | 415 | 422 => GrpcCode::InvalidArgument,
            401 => GrpcCode::Unauthenticated,
            403 => GrpcCode::PermissionDenied,
            404 | 410 => GrpcCode::NotFound,
            405 | 501 => GrpcCode::Unimplemented,
            408 | 504 => GrpcCode::DeadlineExceeded,
            409 => GrpcCode::Aborted,
            412 => GrpcCode::FailedPrecondition,
            413 | 429 => GrpcCode::ResourceExhausted,
            499 => GrpcCode::Cancelled,
            502 | 503 => GrpcCode::Unavailable,
            400..=499 => GrpcCode::FailedPrecondition,
            500..=599 => GrpcCode::Internal,
            _ => GrpcCode::Ok,
        }
    }
}

/// The reason of a code's `ErrorInfo` (AIP-193): the name of its variant in
/// UPPER_SNAKE_CASE, a word boundary before each capital that follows a small letter or a
/// digit, or that starts a word after an acronym.
///
/// ```
/// use hero_codes_vocab::error_reason;
/// assert_eq!(error_reason("NotFound"), "NOT_FOUND");
/// assert_eq!(error_reason("InvalidAuthKey"), "INVALID_AUTH_KEY");
/// assert_eq!(error_reason("HTTPError"), "HTTP_ERROR");
/// assert_eq!(error_reason("Error404Page"), "ERROR404_PAGE");
/// ```
pub fn error_reason(variant: &str) -> String {
    let chars: Vec<char> = variant.chars().collect();
    let mut reason = String::with_capacity(variant.len() + 4);
    for (index, &c) in chars.iter().enumerate() {
        let previous = index.checked_sub(1).map(|before| chars[before]);
        let next = chars.get(index + 1);
        let starts_word = c.is_uppercase()
            && previous.is_some_and(|previous| {
                previous.is_lowercase()
                    || previous.is_ascii_digit()
                    || (previous.is_uppercase() && next.is_some_and(|next| next.is_lowercase()))
            });
        if starts_word && !reason.ends_with('_') {
            reason.push('_');
        }
        reason.extend(c.to_uppercase());
    }
    reason
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_positions_and_names_round_trip() {
        for (index, code) in GrpcCode::ALL.iter().enumerate() {
            assert_eq!(code.number() as usize, index);
            assert_eq!(GrpcCode::from_name(code.name()), Some(*code));
            assert_eq!(GrpcCode::from_number(code.number()), Some(*code));
        }
    }

    /// The statuses `code.proto` writes beside its codes.
    #[test]
    fn follows_code_proto() {
        let proto = [
            (400, GrpcCode::InvalidArgument),
            (401, GrpcCode::Unauthenticated),
            (403, GrpcCode::PermissionDenied),
            (404, GrpcCode::NotFound),
            (409, GrpcCode::Aborted),
            (429, GrpcCode::ResourceExhausted),
            (499, GrpcCode::Cancelled),
            (500, GrpcCode::Internal),
            (501, GrpcCode::Unimplemented),
            (503, GrpcCode::Unavailable),
            (504, GrpcCode::DeadlineExceeded),
        ];
        for (status, code) in proto {
            assert_eq!(GrpcCode::from_http_status(status), code, "{status}");
        }
        for status in 400..=599 {
            assert_ne!(GrpcCode::from_http_status(status), GrpcCode::Ok, "{status}");
        }
    }
}
