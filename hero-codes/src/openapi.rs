//! OpenAPI documentation of every answer, for utoipa 6 (feature `utoipa`).
//!
//! - Derived errors and the catalog enums implement `IntoResponses`: one response per
//!   HTTP status, with one named example per code, its body as the client reads it, and a
//!   schema whose code is an enum of the codes answered with that status.
//! - Catalog enums implement `ToSchema`: the code, an enum of the catalog's codes, each
//!   with its description.
//! - [`ApiResponse<T, C>`](crate::ApiResponse) implements `ToSchema` (the success envelope,
//!   generic in `T`) and `IntoResponses` (`2XX`). With utoipa's `Result` impl, a route that
//!   returns `Result<ApiResponse<T>, AppError>` documents its success and every error.
//! - [`add_failures`] adds, in one call, what the envelope layer answers itself to every
//!   operation of a document: bad input, 404, 405, 413, 415 and 500.
//!
//! ```
//! use hero_codes::{ApiResponse, ResultCode};
//! use utoipa::IntoResponses;
//!
//! #[derive(Debug, thiserror::Error, hero_codes::ApiError)]
//! enum AppError {
//!     #[error("app {id} not found")]
//!     #[api(code = "10400", desc = "应用{id}不存在", en = "App {id} does not exist")]
//!     AppNotFound { id: u64 },
//!     #[error("database: {0}")]
//!     #[api(code = "10500")]
//!     Db(#[from] std::io::Error),
//! }
//!
//! let responses = <Result<ApiResponse<String>, AppError>>::responses();
//! assert_eq!(responses.keys().collect::<Vec<_>>(), ["2XX", "404", "500"]);
//! ```

use std::collections::BTreeMap;

use serde_json::Value;
use utoipa::openapi::content::{Content, ContentBuilder};
use utoipa::openapi::example::ExampleBuilder;
use utoipa::openapi::path::Operation;
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::openapi::{OpenApi, RefOr};
use utoipa::{IntoResponses, PartialSchema, ToSchema};

use crate::error::error_body;
use crate::response::ENVELOPE_CONTENT_TYPE;
use crate::{
    ApiResponse, CatalogCode, CodeType, EnvelopeFields, ErrorAnswers, Failure, FailureCodes,
};

/// The responses of error type `E`, one per status, each example a code's body. Derived
/// errors and the catalog enums call this from their `IntoResponses`.
pub fn error_responses<E: ErrorAnswers>() -> BTreeMap<String, RefOr<Response>> {
    let mut by_status: BTreeMap<u16, Vec<(String, Value)>> = BTreeMap::new();
    for answer in E::ANSWERS {
        by_status.entry(answer.status).or_default().push((
            answer.name.to_owned(),
            body(&E::FIELDS, answer.code, answer.desc),
        ));
    }
    by_status
        .into_iter()
        .map(|(status, examples)| {
            (
                status.to_string(),
                error_response(&E::FIELDS, status, examples).into(),
            )
        })
        .collect()
}

/// Adds to every operation of `openapi` what an envelope layer in catalog `C` answers by
/// itself: for bad input the code of `C`'s `failures` table with its status (an operation
/// without a body, query or path parameter is documented with it all the same: the layer
/// answers whatever the route), 404, 405, 413, 415 and 500, each an example beside the
/// operation's own at that status.
///
/// ```
/// use hero_codes::ResultCode;
/// use utoipa::openapi::path::{HttpMethod, OperationBuilder, PathItem, PathsBuilder};
/// use utoipa::openapi::{InfoBuilder, OpenApiBuilder};
///
/// let mut doc = OpenApiBuilder::new()
///     .info(InfoBuilder::new().title("demo").version("1").build())
///     .paths(PathsBuilder::new().path("/ok", PathItem::new(HttpMethod::Get, OperationBuilder::new().build())))
///     .build();
/// hero_codes::openapi::add_failures::<ResultCode>(&mut doc);
/// let responses = &doc.paths.paths["/ok"].get.as_ref().unwrap().responses.responses;
/// assert_eq!(responses.keys().collect::<Vec<_>>(), ["400", "404", "405", "413", "415", "500"]);
/// ```
pub fn add_failures<C: FailureCodes + ErrorAnswers>(openapi: &mut OpenApi) {
    for item in openapi.paths.paths.values_mut() {
        let operations = [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.options,
            &mut item.head,
            &mut item.patch,
            &mut item.trace,
        ];
        for operation in operations.into_iter().flatten() {
            add_failures_to::<C>(operation);
        }
    }
}

fn add_failures_to<C: FailureCodes + ErrorAnswers>(operation: &mut Operation) {
    for &failure in Failure::ALL {
        let name = failure.key();
        let code = C::for_failure(failure);
        let status = failure
            .required_status()
            .unwrap_or_else(|| CatalogCode::status(&code).as_u16());
        let example = body(
            &C::FIELDS,
            CatalogCode::code(&code),
            CatalogCode::desc(&code),
        );
        let responses = &mut operation.responses.responses;
        let mut examples = responses
            .get(&status.to_string())
            .map(examples_of)
            .unwrap_or_default();
        // One example per code and status: `invalid_json` and `invalid_query` are often one.
        if examples.iter().all(|(_, value)| *value != example) {
            examples.push((name.to_owned(), example));
        }
        responses.insert(
            status.to_string(),
            error_response(&C::FIELDS, status, examples).into(),
        );
    }
}

/// The named examples of an error response made by [`error_response`].
fn examples_of(response: &RefOr<Response>) -> Vec<(String, Value)> {
    let RefOr::T(response) = response else {
        return Vec::new();
    };
    let Some(RefOr::T(content)) = response.content.get(ENVELOPE_CONTENT_TYPE) else {
        return Vec::new();
    };
    content
        .examples
        .iter()
        .filter_map(|(name, example)| match example {
            RefOr::T(example) => Some((name.clone(), example.value.clone()?)),
            RefOr::Ref(_) => None,
        })
        .collect()
}

/// A response of `status` whose examples are error envelopes; its schema's code is an enum
/// of the examples' codes.
fn error_response(
    fields: &EnvelopeFields,
    status: u16,
    examples: Vec<(String, Value)>,
) -> Response {
    // Each code once, in the examples' order: several variants may share one.
    let mut codes: Vec<Value> = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    for (_, body) in &examples {
        let (Some(code), Some(desc)) = (body.get(fields.code), body.get(fields.desc)) else {
            continue;
        };
        if !codes.contains(code) {
            let text = code
                .as_str()
                .map_or_else(|| code.to_string(), str::to_owned);
            lines.push(format!("`{text}` {}", desc.as_str().unwrap_or_default()));
            codes.push(code.clone());
        }
    }
    let description = lines.join("; ");
    let schema = result_schema(fields, false);
    let schema = schema
        .property(fields.code, code_schema(fields, codes, None))
        .required(fields.code)
        .property(fields.desc, desc_schema(fields))
        .required(fields.desc);
    let examples = examples
        .into_iter()
        .map(|(name, value)| (name, ExampleBuilder::new().value(Some(value)).build()));
    ResponseBuilder::new()
        .description(format!("HTTP {status}: {description}"))
        .content(
            ENVELOPE_CONTENT_TYPE,
            ContentBuilder::new()
                .schema(Some(schema))
                .examples_from_iter(examples)
                .build(),
        )
        .build()
}

/// The error envelope of `code` as a client reads it.
fn body(fields: &EnvelopeFields, code: &str, desc: &str) -> Value {
    serde_json::from_slice(&error_body(fields, code, desc)).expect("an envelope is JSON")
}

/// A code: a string or an integer as the envelope writes codes, one of `codes`.
fn code_schema(fields: &EnvelopeFields, codes: Vec<Value>, description: Option<String>) -> Schema {
    let kind = match fields.code_type {
        CodeType::String => Type::String,
        CodeType::Number => Type::Integer,
    };
    ObjectBuilder::new()
        .schema_type(kind)
        .enum_values(Some(codes))
        .description(description)
        .build()
        .into()
}

/// An envelope object with its `result` field, always `result` (true for success, false for
/// an error), when the envelope has one.
fn result_schema(fields: &EnvelopeFields, result: bool) -> ObjectBuilder {
    let schema = ObjectBuilder::new();
    match fields.result {
        Some(name) => schema
            .property(
                name,
                ObjectBuilder::new()
                    .schema_type(Type::Boolean)
                    .enum_values(Some([result])),
            )
            .required(name),
        None => schema,
    }
}

fn desc_schema(fields: &EnvelopeFields) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .min_length(Some(1))
        .max_length(Some(fields.desc_max_chars))
}

/// The schema of catalog `C`'s codes: each code, and a description listing what each
/// means. The catalog enums' `ToSchema` calls this.
pub fn catalog_code_schema<C: CatalogCode>() -> RefOr<Schema> {
    let codes = C::ALL
        .iter()
        .map(|code| code_value(&C::ENVELOPE, code.code()))
        .collect();
    let description = C::ALL
        .iter()
        .map(|code| {
            format!(
                "- `{}` (HTTP {}): {}",
                code.code(),
                code.status().as_u16(),
                code.desc()
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    let description = format!("A code of the {} catalog:\n\n{description}", C::CATALOG);
    code_schema(&C::ENVELOPE, codes, Some(description)).into()
}

fn code_value(fields: &EnvelopeFields, code: &str) -> Value {
    match fields.code_type {
        CodeType::Number => code
            .parse::<i64>()
            .map_or_else(|_| Value::from(code), Value::from),
        CodeType::String => Value::from(code),
    }
}

/// The success envelope: `result` true, the success code, its description and `data` as
/// `T`'s schema (absent for `ApiResponse::accepted()`).
impl<T: PartialSchema, C: CatalogCode + ToSchema> PartialSchema for ApiResponse<T, C> {
    fn schema() -> RefOr<Schema> {
        let fields = &C::ENVELOPE;
        let schema = result_schema(fields, true);
        schema
            .property(fields.code, C::schema())
            .required(fields.code)
            .property(fields.desc, desc_schema(fields))
            .required(fields.desc)
            .property(fields.data, T::schema())
            .into()
    }
}

impl<T: ToSchema, C: CatalogCode + ToSchema> ToSchema for ApiResponse<T, C> {
    fn name() -> std::borrow::Cow<'static, str> {
        format!("ApiResponse_{}_{}", T::name(), C::name()).into()
    }
}

/// `2XX`: an `ApiResponse` answers 200, 201 or 202 as the handler picks.
impl<T: PartialSchema, C: CatalogCode + ToSchema> IntoResponses for ApiResponse<T, C> {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        let content: Content = ContentBuilder::new()
            .schema(Some(<Self as PartialSchema>::schema()))
            .build();
        let response = ResponseBuilder::new()
            .description(format!(
                "Success: `{}` {}",
                C::SUCCESS.code(),
                C::SUCCESS.desc()
            ))
            .content(ENVELOPE_CONTENT_TYPE, content)
            .build();
        BTreeMap::from([("2XX".to_owned(), response.into())])
    }
}

/// `IntoResponses` for a type that implements [`ErrorAnswers`]: the derive and the
/// catalog enums expand to this macro, so the proc macro needs no knowledge of utoipa.
#[doc(hidden)]
#[macro_export]
macro_rules! __utoipa_glue {
    ([$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {
        impl $($impl_generics)* $crate::__private::utoipa::IntoResponses for $($ty)*
        $($where_clause)*
        {
            fn responses() -> ::std::collections::BTreeMap<
                ::std::string::String,
                $crate::__private::utoipa::openapi::RefOr<
                    $crate::__private::utoipa::openapi::response::Response,
                >,
            > {
                $crate::openapi::error_responses::<Self>()
            }
        }
    };
}

/// `ToSchema` for a catalog enum: its codes.
#[doc(hidden)]
#[macro_export]
macro_rules! __utoipa_catalog_glue {
    ($name:ident) => {
        impl $crate::__private::utoipa::PartialSchema for $name {
            fn schema() -> $crate::__private::utoipa::openapi::RefOr<
                $crate::__private::utoipa::openapi::schema::Schema,
            > {
                $crate::openapi::catalog_code_schema::<Self>()
            }
        }

        impl $crate::__private::utoipa::ToSchema for $name {}
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ApiError, HeroCode, ResultCode};

    #[derive(Debug, thiserror::Error, crate::ApiError)]
    #[allow(dead_code)] // documented here, never answered
    enum AppError {
        #[error("app {id} not found")]
        #[api(
            code = "10400",
            desc = "应用{id}不存在",
            en = "App {id} does not exist"
        )]
        AppNotFound { id: u64 },
        #[error("gone")]
        #[api(code = "10400")]
        Gone,
        #[error("taken")]
        #[api(code = "10001")]
        Taken,
    }

    fn content(response: &RefOr<Response>) -> &Content {
        let RefOr::T(response) = response else {
            panic!("an inline response")
        };
        match &response.content[ENVELOPE_CONTENT_TYPE] {
            RefOr::T(content) => content,
            RefOr::Ref(_) => panic!("inline content"),
        }
    }

    #[test]
    fn error_responses_group_codes_by_status_with_one_example_per_variant() {
        let responses = AppError::responses();
        assert_eq!(responses.keys().collect::<Vec<_>>(), ["400", "404"]);
        let not_found = content(&responses["404"]);
        assert_eq!(
            not_found.examples.keys().collect::<Vec<_>>(),
            ["AppNotFound", "Gone"]
        );
        let RefOr::T(gone) = &not_found.examples["Gone"] else {
            panic!("an inline example")
        };
        let body: Value = serde_json::from_slice(&AppError::Gone.body()).unwrap();
        assert_eq!(
            gone.value.as_ref(),
            Some(&body),
            "the body the client reads"
        );
        let schema = serde_json::to_value(&not_found.schema).unwrap();
        assert_eq!(
            schema["properties"]["result_code"]["enum"],
            serde_json::json!(["10400"])
        );
        assert_eq!(
            schema["properties"]["result"]["enum"],
            serde_json::json!([false])
        );
    }

    #[test]
    fn catalog_enums_answer_every_code_but_success() {
        let responses = HeroCode::responses();
        let codes: usize = responses.values().map(|r| content(r).examples.len()).sum();
        assert_eq!(codes, HeroCode::ALL.len() - 1);
        let schema = serde_json::to_value(ResultCode::schema()).unwrap();
        assert_eq!(
            schema["enum"].as_array().unwrap().len(),
            ResultCode::ALL.len()
        );
        assert!(
            schema["description"]
                .as_str()
                .unwrap()
                .contains("`10400` (HTTP 404): 所请求的资源不存在")
        );
    }

    #[test]
    fn failures_join_an_operations_own_answers_once() {
        let mut operation = Operation::new();
        operation.responses.responses = AppError::responses();
        add_failures_to::<ResultCode>(&mut operation);
        let responses = &operation.responses.responses;
        assert_eq!(
            responses.keys().collect::<Vec<_>>(),
            ["400", "404", "405", "413", "415", "500"]
        );
        // 10400 of `not_found` is the route's own `Gone` body: not listed twice.
        let not_found = content(&responses["404"]);
        assert_eq!(
            not_found.examples.keys().collect::<Vec<_>>(),
            ["AppNotFound", "Gone"]
        );
        // The four kinds of bad input answer one body: one example.
        let bad = content(&responses["400"]);
        assert_eq!(
            bad.examples.keys().collect::<Vec<_>>(),
            ["Taken", "invalid_json"]
        );
        let schema = serde_json::to_value(&bad.schema).unwrap();
        assert_eq!(
            schema["properties"]["result_code"]["enum"],
            serde_json::json!(["10001", "10000"])
        );
    }
}
