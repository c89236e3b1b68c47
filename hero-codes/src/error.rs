//! The trait every API error implements, and how its envelope body is made.

use std::borrow::Cow;
use std::error::Error;

use bytes::Bytes;
use http::StatusCode;

use crate::{CodeIdentity, Envelope};

/// An error that answers with the envelope: a code from a catalog, its HTTP status and
/// its public description.
///
/// Derive it with [`#[derive(ApiError)]`](derive@crate::ApiError); the generated catalog
/// enums ([`ResultCode`](crate::ResultCode), ...) implement it too. `Display` stays the
/// internal message for logs; [`desc`](ApiError::desc) is what the client reads.
///
/// ```
/// use hero_codes::ApiError;
/// use http::StatusCode;
///
/// #[derive(Debug, thiserror::Error, hero_codes::ApiError)]
/// enum AppError {
///     #[error("app {id} not found")]
///     #[api(code = "10400", desc = "应用{id}不存在", en = "App {id} does not exist")]
///     AppNotFound { id: u64 },
///     #[error("database: {0}")]
///     #[api(code = "10500")]
///     Db(#[from] std::io::Error),
/// }
///
/// let missing = AppError::AppNotFound { id: 7 };
/// assert_eq!(missing.code(), "10400");
/// assert_eq!(missing.status(), StatusCode::NOT_FOUND);
/// assert_eq!(missing.desc(), "应用7不存在");
///
/// // A 5xx answer says only the catalog's text; `Display` is for the logs.
/// let failed = AppError::from(std::io::Error::other("password=hunter2"));
/// assert_eq!(failed.status(), StatusCode::INTERNAL_SERVER_ERROR);
/// assert_eq!(failed.desc(), "系统错误");
/// assert!(!String::from_utf8_lossy(&failed.body()).contains("hunter2"));
/// assert_eq!(failed.to_string(), "database: password=hunter2");
/// ```
///
/// The catalog enums are errors as they are:
///
/// ```
/// use hero_codes::{ApiError, ResultCode};
///
/// let error = ResultCode::NotFound;
/// assert_eq!(ApiError::code(&error), "10400");
/// assert_eq!(
///     error.body(),
///     r#"{"result":false,"result_code":"10400","result_desc":"所请求的资源不存在"}"#
/// );
/// ```
pub trait ApiError: Error {
    /// The code, as it goes into the envelope: `"10400"`.
    fn code(&self) -> &'static str;

    /// The HTTP status of the answer.
    fn status(&self) -> StatusCode;

    /// The public description: the catalog's text, or a variant's own
    /// `#[api(desc = "...")]` with its fields filled in; in the default locale.
    fn desc(&self) -> Cow<'static, str>;

    /// The envelope of the catalog file the code comes from: its field names, code type
    /// and locales shape [`body`](ApiError::body).
    fn envelope(&self) -> &'static Envelope;

    /// The description in `locale`, a tag of the file's `locales` (`"en"`); `None` for a
    /// locale the file does not have.
    ///
    /// ```
    /// use hero_codes::{ApiError, ResultCode};
    /// let error = ResultCode::NotFound;
    /// assert_eq!(ApiError::desc_in(&error, "en").as_deref(), Some("The requested resource does not exist"));
    /// assert_eq!(ApiError::desc_in(&error, "fr"), None);
    /// ```
    fn desc_in(&self, locale: &str) -> Option<Cow<'static, str>> {
        let index = self
            .envelope()
            .locales
            .iter()
            .position(|tag| *tag == locale)?;
        Some(self.localized_desc(index))
    }

    /// The description in the locale at `index` of the file's `locales` (0: the default):
    /// how the macros answer in a locale without looking its tag up. Use
    /// [`desc_in`](ApiError::desc_in).
    #[doc(hidden)]
    fn localized_desc(&self, index: usize) -> Cow<'static, str> {
        let _ = index; // one language unless the implementation knows more
        self.desc()
    }

    /// Hands each field a variant's own description names to `visit`, by name, formatted
    /// as the description formats it: `("id", 7)` for `应用{id}不存在`. The metadata of
    /// the error's gRPC `ErrorInfo`; nothing for a description from the catalog.
    #[doc(hidden)]
    fn visit_fields(&self, visit: &mut dyn FnMut(&'static str, &dyn std::fmt::Display)) {
        let _ = visit; // no fields unless the implementation knows some
    }

    /// The body in the locale at `index` of the file's `locales`; the derive serializes
    /// each at compile time wherever the description is fixed.
    #[doc(hidden)]
    fn localized_body(&self, index: usize) -> Bytes {
        error_body(self.envelope(), self.code(), &self.localized_desc(index))
    }

    /// The code as operators see it: its catalog, code and class, the labels of its answers
    /// in traces and metrics. Generated for derived errors and catalog codes; an error
    /// that implements the trait by hand is `unknown`.
    fn identity(&self) -> &'static CodeIdentity {
        &crate::observe::UNKNOWN
    }

    /// The JSON body of the answer, `{"result":false,"result_code":...,"result_desc":...}`
    /// with the names of [`envelope`](ApiError::envelope), in the default locale.
    fn body(&self) -> Bytes {
        self.localized_body(0)
    }
}

/// Serializes an error envelope with the field names and code type of `fields`, cutting
/// `desc` to the envelope's limit. Generated code calls it for descriptions filled in at
/// run time.
pub fn error_body(fields: &Envelope, code: &str, desc: &str) -> Bytes {
    let desc = truncate_chars(desc, fields.desc_max_chars);
    Bytes::from(hero_codes_vocab::error_body(&fields.names(), code, desc))
}

/// The first `max` characters of `text`: the envelope caps `result_desc`, and a description
/// filled from fields may run over.
pub(crate) fn truncate_chars(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        Some((cut, _)) => &text[..cut],
        None => text,
    }
}

/// Logs a server error and its whole source chain at error level: the client reads only
/// the catalog's text, so this is where the details go. Called by the framework glue.
#[cfg(any(feature = "axum", feature = "actix", feature = "tonic"))]
pub(crate) fn report_server_error(code: &str, status: StatusCode, error: &dyn Error) {
    let mut chain = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        chain.push_str(": ");
        chain.push_str(&cause.to_string());
        source = cause.source();
    }
    tracing::error!(code, status = status.as_u16(), error = %chain, "request failed");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_by_characters() {
        assert_eq!(truncate_chars("应用不存在", 2), "应用");
        assert_eq!(truncate_chars("abc", 3), "abc");
        assert_eq!(truncate_chars("", 1), "");
    }

    /// The reporter is the framework glue's.
    #[cfg(feature = "axum")]
    mod report {
        use super::*;

        #[test]
        fn a_server_error_is_logged_with_its_source_chain() {
            #[derive(Debug)]
            struct Outer(std::io::Error);
            impl std::fmt::Display for Outer {
                fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("saving the app")
                }
            }
            impl Error for Outer {
                fn source(&self) -> Option<&(dyn Error + 'static)> {
                    Some(&self.0)
                }
            }

            let log = LogBuffer::default();
            let subscriber = tracing_subscriber::fmt()
                .with_writer(log.clone())
                .with_ansi(false)
                .finish();
            tracing::subscriber::with_default(subscriber, || {
                let error = Outer(std::io::Error::other("disk full"));
                report_server_error("10500", StatusCode::INTERNAL_SERVER_ERROR, &error);
            });
            let log = log.text();
            assert!(log.contains("ERROR"), "{log}");
            assert!(log.contains("saving the app: disk full"), "{log}");
            assert!(log.contains("code=\"10500\""), "{log}");
        }

        /// A `tracing` writer that keeps what is logged.
        #[derive(Clone, Default)]
        struct LogBuffer(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

        impl LogBuffer {
            fn text(&self) -> String {
                String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
            }
        }

        impl std::io::Write for LogBuffer {
            fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
                self.0.lock().unwrap().extend_from_slice(bytes);
                Ok(bytes.len())
            }

            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }

        impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for LogBuffer {
            type Writer = LogBuffer;

            fn make_writer(&'a self) -> LogBuffer {
                self.clone()
            }
        }
    }

    /// The bodies serialized at compile time (by the macros) and at run time (here, for
    /// descriptions filled from fields) are one format.
    #[test]
    fn compile_time_bodies_match_run_time_ones() {
        use crate::{HeroCode, ResultCode};
        for code in ResultCode::ALL {
            assert_eq!(
                ApiError::body(code),
                error_body(&crate::ENVELOPE, code.code(), code.desc())
            );
        }
        for code in HeroCode::ALL {
            assert_eq!(
                ApiError::body(code),
                error_body(&crate::ENVELOPE, code.code(), code.desc())
            );
        }
    }

    #[test]
    fn escapes_json() {
        let body = error_body(&crate::ENVELOPE, "1", "a \"quoted\"\n\\ text");
        assert_eq!(
            body,
            r#"{"result":false,"result_code":"1","result_desc":"a \"quoted\"\n\\ text"}"#
        );
    }
}
