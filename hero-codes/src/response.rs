//! The success envelope a handler returns, which a client also reads back.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use http::StatusCode;
use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{CatalogCode, CodeType, ResultCode};

/// The content type of every envelope, whatever the framework that sends it.
#[cfg(any(feature = "axum", feature = "actix", feature = "utoipa"))]
pub(crate) const ENVELOPE_CONTENT_TYPE: &str = "application/json; charset=utf-8";

/// An answer in the envelope of catalog `C`: `{"result": true, "result_code": "0",
/// "result_desc": "成功", "data": ...}` on success, with `data` left out when there is none.
///
/// A handler returns it for success (`ok`, `created`, `accepted`); a client reads any answer
/// back into it, success or error, and turns it into a `Result` with
/// [`into_result`](ApiResponse::into_result). Everything comes from `C`'s catalog file:
/// the success code and its description, the field names, whether the code is a string or
/// a number, and whether there is a `result` field at all. `C` is the built-in
/// [`ResultCode`] unless named: `ApiResponse<T, AppCode>`.
///
/// ```
/// use hero_codes::{ApiResponse, Code, HeroCode, ResultCode};
///
/// let answer: ApiResponse<_> = ApiResponse::ok(vec![1, 2, 3]);
/// let json = serde_json::to_string(&answer).unwrap();
/// assert_eq!(json, r#"{"result":true,"result_code":"0","result_desc":"成功","data":[1,2,3]}"#);
///
/// // Another catalog, another success code and description.
/// let answer = ApiResponse::<_, HeroCode>::ok("done");
/// let json = serde_json::to_string(&answer).unwrap();
/// assert_eq!(json, r#"{"result":true,"result_code":"0","result_desc":"OK, 成功","data":"done"}"#);
///
/// // A client reads an error answer back, and judges it by its code.
/// let body = r#"{"result":false,"result_code":"10400","result_desc":"所请求的资源不存在"}"#;
/// let answer: ApiResponse<Vec<u32>> = serde_json::from_str(body).unwrap();
/// let error = answer.into_result().unwrap_err();
/// assert_eq!(error.code, Code::Known(ResultCode::NotFound));
///
/// // A code this build does not know is kept, not an error.
/// let body = r#"{"result":false,"result_code":"10999","result_desc":"新错误"}"#;
/// let answer: ApiResponse<()> = serde_json::from_str(body).unwrap();
/// assert_eq!(answer.code(), &Code::Unknown("10999".to_owned()));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct ApiResponse<T, C = ResultCode> {
    status: StatusCode,
    result: bool,
    code: Code<C>,
    desc: Cow<'static, str>,
    data: Option<T>,
}

impl<T, C: CatalogCode> ApiResponse<T, C> {
    /// 200 with `data`.
    pub fn ok(data: T) -> Self {
        Self::success(StatusCode::OK, Some(data))
    }

    /// 201 with `data`: something was created.
    pub fn created(data: T) -> Self {
        Self::success(StatusCode::CREATED, Some(data))
    }

    /// 202 with `data`: accepted, or updated, as the Hero sample answers an update.
    pub fn accepted_with(data: T) -> Self {
        Self::success(StatusCode::ACCEPTED, Some(data))
    }

    fn success(status: StatusCode, data: Option<T>) -> Self {
        ApiResponse {
            status,
            result: true,
            code: Code::Known(C::SUCCESS),
            desc: C::SUCCESS.desc(),
            data,
        }
    }
}

impl<C: CatalogCode> ApiResponse<(), C> {
    /// 202 with no `data`, as the Hero sample's `PUT /download+1` answers.
    ///
    /// ```
    /// use hero_codes::{ApiResponse, HeroCode};
    ///
    /// let answer = ApiResponse::<(), HeroCode>::accepted();
    /// assert_eq!(answer.status(), http::StatusCode::ACCEPTED);
    /// assert_eq!(
    ///     serde_json::to_string(&answer).unwrap(),
    ///     r#"{"result":true,"result_code":"0","result_desc":"OK, 成功"}"#
    /// );
    /// ```
    pub fn accepted() -> Self {
        Self::success(StatusCode::ACCEPTED, None)
    }
}

impl<T, C> ApiResponse<T, C> {
    /// The HTTP status to answer with. For an answer read from JSON, which carries no
    /// status, it is the status of its code if known, else 200 for success and 500 for
    /// an error.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// Whether the answer is a success (`result`).
    pub fn is_success(&self) -> bool {
        self.result
    }

    /// The code (`result_code`).
    pub fn code(&self) -> &Code<C> {
        &self.code
    }

    /// The description (`result_desc`).
    pub fn desc(&self) -> &str {
        &self.desc
    }

    /// The payload (`data`), if any.
    pub fn data(&self) -> Option<&T> {
        self.data.as_ref()
    }

    /// The answer with the catalog's description of its code in `locale` (a tag of the
    /// file's `locales`), when its description is the catalog's default text; else as
    /// it is.
    ///
    /// ```
    /// use hero_codes::ApiResponse;
    ///
    /// let answer: ApiResponse<_> = ApiResponse::ok(7);
    /// assert_eq!(answer.in_locale("en").desc(), "Success");
    /// ```
    pub fn in_locale(mut self, locale: &str) -> Self
    where
        C: CatalogCode,
    {
        if let Code::Known(code) = &self.code
            && self.desc == code.desc()
            && let Some(localized) = code.desc_in(locale)
        {
            self.desc = localized;
        }
        self
    }

    /// The payload of a success, or the code and description of an error.
    ///
    /// # Errors
    /// The answer is an error (`result` is false).
    pub fn into_result(self) -> Result<Option<T>, ErrorReply<C>> {
        if self.result {
            Ok(self.data)
        } else {
            Err(ErrorReply {
                code: self.code,
                desc: self.desc.into_owned(),
            })
        }
    }
}

/// A `result_code` as a client reads it: a code of the catalog `C`, or one this build
/// does not know (a newer server), kept as written.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Code<C> {
    /// A code of the catalog.
    Known(C),
    /// A code the catalog does not have.
    Unknown(String),
}

impl<C: CatalogCode> Code<C> {
    /// Reads `code`, keeping it as [`Code::Unknown`] if the catalog lacks it.
    ///
    /// ```
    /// use hero_codes::{Code, HeroCode};
    /// assert_eq!(Code::<HeroCode>::parse("4003"), Code::Known(HeroCode::FileTooLarge));
    /// assert_eq!(Code::<HeroCode>::parse("4004").as_str(), "4004");
    /// ```
    pub fn parse(code: &str) -> Self {
        C::from_code(code).map_or_else(|| Code::Unknown(code.to_owned()), Code::Known)
    }

    /// The code as written in the envelope.
    pub fn as_str(&self) -> &str {
        match self {
            Code::Known(code) => code.code(),
            Code::Unknown(code) => code,
        }
    }
}

impl<C: CatalogCode> fmt::Display for Code<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error answer a client read: its code and description.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorReply<C = ResultCode> {
    /// The code (`result_code`): judge the error by it.
    pub code: Code<C>,
    /// The description (`result_desc`), for people.
    pub desc: String,
}

impl<C: CatalogCode> fmt::Display for ErrorReply<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.code, self.desc)
    }
}

impl<C: CatalogCode> std::error::Error for ErrorReply<C> {}

impl<T: Serialize, C: CatalogCode> Serialize for ApiResponse<T, C> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let fields = &C::ENVELOPE;
        let len = 2 + usize::from(fields.result.is_some()) + usize::from(self.data.is_some());
        let mut map = serializer.serialize_map(Some(len))?;
        if let Some(result) = fields.result {
            map.serialize_entry(result, &self.result)?;
        }
        match (&self.code, fields.code_type) {
            (Code::Known(code), _) => {
                map.serialize_entry(fields.code, &SerializeCode(code))?;
            }
            (Code::Unknown(code), CodeType::Number) => match code.parse::<i64>() {
                Ok(number) => map.serialize_entry(fields.code, &number)?,
                Err(_) => map.serialize_entry(fields.code, code)?,
            },
            (Code::Unknown(code), CodeType::String) => map.serialize_entry(fields.code, code)?,
        }
        map.serialize_entry(fields.desc, &self.desc)?;
        if let Some(data) = &self.data {
            map.serialize_entry(fields.data, data)?;
        }
        map.end()
    }
}

/// A known code, written as its envelope writes codes.
struct SerializeCode<'a, C>(&'a C);

impl<C: CatalogCode> Serialize for SerializeCode<'_, C> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        crate::catalog::private::serialize_code(self.0, serializer)
    }
}

impl<'de, T: Deserialize<'de>, C: CatalogCode> Deserialize<'de> for ApiResponse<T, C> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ApiResponseVisitor(PhantomData))
    }
}

struct ApiResponseVisitor<T, C>(PhantomData<(T, C)>);

impl<'de, T: Deserialize<'de>, C: CatalogCode> Visitor<'de> for ApiResponseVisitor<T, C> {
    type Value = ApiResponse<T, C>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fields = &C::ENVELOPE;
        write!(
            f,
            "an envelope with `{}` and `{}`",
            fields.code, fields.desc
        )
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let fields = &C::ENVELOPE;
        let (mut result, mut code, mut desc, mut data) = (None, None, None, None);
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            if Some(key.as_ref()) == fields.result {
                result = Some(map.next_value::<bool>()?);
            } else if key == fields.code {
                code = Some(Code::parse(&map.next_value::<CodeText>()?.0));
            } else if key == fields.desc {
                desc = Some(map.next_value::<String>()?);
            } else if key == fields.data {
                data = map.next_value::<Option<T>>()?;
            } else {
                map.next_value::<de::IgnoredAny>()?;
            }
        }
        let code: Code<C> = code.ok_or_else(|| de::Error::missing_field(fields.code))?;
        let desc = desc.ok_or_else(|| de::Error::missing_field(fields.desc))?;
        let result = match (fields.result, result) {
            (Some(name), None) => return Err(de::Error::missing_field(name)),
            (_, Some(result)) => result,
            // No `result` field: the success code alone means success.
            (None, None) => code == Code::Known(C::SUCCESS),
        };
        let status = match (&code, result) {
            (Code::Known(known), _) => known.status(),
            (Code::Unknown(_), true) => StatusCode::OK,
            (Code::Unknown(_), false) => StatusCode::INTERNAL_SERVER_ERROR,
        };
        Ok(ApiResponse {
            status,
            result,
            code,
            desc: Cow::Owned(desc),
            data,
        })
    }
}

/// A code as a client may receive it, a JSON string or an integer, kept as text.
struct CodeText(String);

impl<'de> Deserialize<'de> for CodeText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;

        impl Visitor<'_> for TextVisitor {
            type Value = CodeText;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a code, as a string or an integer")
            }

            fn visit_str<E: de::Error>(self, code: &str) -> Result<CodeText, E> {
                Ok(CodeText(code.to_owned()))
            }

            fn visit_i64<E: de::Error>(self, code: i64) -> Result<CodeText, E> {
                Ok(CodeText(code.to_string()))
            }

            fn visit_u64<E: de::Error>(self, code: u64) -> Result<CodeText, E> {
                Ok(CodeText(code.to_string()))
            }
        }

        deserializer.deserialize_any(TextVisitor)
    }
}
