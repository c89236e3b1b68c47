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
//!   operation of a document: bad input, 404, 405, 413, 415 and 500; and where a catalog
//!   answers errors with a 2xx status, it joins the success into that status's response,
//!   so that every answer fits the response documented for its status.
//!
//! # Sample values
//!
//! Examples are bodies as a client reads them. Where the body depends on a value known only
//! at run time, the example shows a sample, by one rule:
//!
//! - a description's `{field}` shows `1` (`应用{id}不存在` is `应用1不存在`): the document
//!   knows the field's name, not its type, and `1` reads as an id, a count or a name alike;
//! - success `data` follows its schema: the schema's own `example`, `default`, `const` or
//!   first `enum` value when it has one, else `1` for integers and numbers, `"example"` for
//!   strings, `true` for booleans, one item for arrays, every property for objects.
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
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::schema::{AnyOfBuilder, ObjectBuilder, Schema, Type};
use utoipa::openapi::{OpenApi, RefOr};
use utoipa::{IntoResponses, PartialSchema, ToSchema};

use crate::error::error_body;
use crate::response::ENVELOPE_CONTENT_TYPE;
use crate::{ApiResponse, CatalogCode, CodeType, Envelope, ErrorAnswers, Failure, FailureCodes};

/// The responses of error type `E`, one per status, each example a variant's body named
/// for the variant, its description's fields filled with [sample values](self#sample-values).
/// Derived errors and the catalog enums call this from their `IntoResponses`.
pub fn error_responses<E: ErrorAnswers>() -> BTreeMap<String, RefOr<Response>> {
    let mut by_status: BTreeMap<u16, Vec<(String, Value)>> = BTreeMap::new();
    for answer in E::answers() {
        by_status.entry(answer.status).or_default().push((
            answer.name.to_owned(),
            body(&E::ENVELOPE, answer.code, &fill_fields(answer.desc)),
        ));
    }
    by_status
        .into_iter()
        .map(|(status, examples)| {
            (
                status.to_string(),
                error_response(&E::ENVELOPE, status, examples).into(),
            )
        })
        .collect()
}

/// Adds to every operation of `openapi` what an envelope layer in catalog `C` answers by
/// itself, and makes each answer fit the response documented for its status. Call it once,
/// on the whole document, after its paths.
///
/// - Failures: for bad input the code of `C`'s `failures` table with its status, 404, 405,
///   413 and 415, 500, each an example beside the operation's own at that status. Every
///   operation gets them all (the layer answers whatever the route says it takes); an
///   example shared by several failures is named for the first one the operation's inputs
///   can cause (`invalid_path` for a path parameter, `invalid_json` for a JSON body...).
/// - Success and errors on one status: a catalog that answers errors with a 2xx status
///   (`A0400` on 200 beside the success `00000`) would document a `200` of errors only, and
///   by OpenAPI's rules an exact status takes precedence over the success's `2XX`. That
///   `200` becomes one response whose schema is `anyOf` the success envelope and the error
///   envelope, with an example of each: `ok` (data from [sample values](self#sample-values)),
///   then the errors.
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
pub fn add_failures<C: FailureCodes>(openapi: &mut OpenApi) {
    // `$ref`s of success data point into the components: sampled from their JSON.
    let components = serde_json::to_value(&openapi.components).unwrap_or_default();
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
            join_success::<C>(operation, &components);
        }
    }
}

fn add_failures_to<C: FailureCodes>(operation: &mut Operation) {
    // The failures this operation's inputs can cause first, so that they name the examples
    // they share with others.
    let (own, others): (Vec<Failure>, Vec<Failure>) = Failure::ALL
        .iter()
        .copied()
        .partition(|failure| can_cause(operation, *failure));
    for failure in own.into_iter().chain(others) {
        let name = failure.key();
        let code = C::for_failure(failure);
        let status = failure
            .required_status()
            .unwrap_or_else(|| code.status().as_u16());
        let example = body(&C::ENVELOPE, code.code(), &code.desc());
        let responses = &mut operation.responses.responses;
        let mut examples = responses
            .get(&status.to_string())
            .map(|response| error_examples::<C>(response))
            .unwrap_or_default();
        // One example per code and status: `invalid_json` and `invalid_query` are often one.
        if examples.iter().all(|(_, value)| *value != example) {
            examples.push((name.to_owned(), example));
        }
        responses.insert(
            status.to_string(),
            error_response(&C::ENVELOPE, status, examples).into(),
        );
    }
}

/// Whether the inputs `operation` documents can cause `failure`; the failures that are not
/// about input (404, 405, 500) can always happen.
fn can_cause(operation: &Operation, failure: Failure) -> bool {
    let has_parameter = |place: ParameterIn| {
        operation.parameters.iter().flatten().any(
            |parameter| matches!(parameter, RefOr::T(parameter) if parameter.parameter_in == place),
        )
    };
    let body_types: Vec<&str> = match &operation.request_body {
        Some(RefOr::T(body)) => body.content.keys().map(String::as_str).collect(),
        // A body defined among the components: its media type is not known here; JSON is
        // what the envelope's services take.
        Some(RefOr::Ref(_)) => vec!["application/json"],
        None => Vec::new(),
    };
    let takes = |kind: &str| body_types.iter().any(|media| media.contains(kind));
    match failure {
        Failure::InvalidJson => takes("json"),
        Failure::InvalidForm => takes("x-www-form-urlencoded"),
        Failure::InvalidQuery => has_parameter(ParameterIn::Query),
        Failure::InvalidPath => has_parameter(ParameterIn::Path),
        Failure::UnsupportedMediaType | Failure::BodyTooLarge => !body_types.is_empty(),
        // Any other client error: a body it shares is named for a kind that says more.
        Failure::BadRequest => false,
        Failure::NotFound | Failure::MethodNotAllowed | Failure::Internal => true,
    }
}

/// Gives the success (`2XX`) its example, and joins it into each 2xx response of
/// `operation` that documents errors, as [`add_failures`] says.
fn join_success<C: CatalogCode>(operation: &mut Operation, components: &Value) {
    let responses = &mut operation.responses.responses;
    let Some(RefOr::T(two_xx)) = responses.get_mut("2XX") else {
        return;
    };
    let Some(RefOr::T(content)) = two_xx.content.get_mut(ENVELOPE_CONTENT_TYPE) else {
        return;
    };
    let Some(success) = content.schema.clone() else {
        return;
    };
    let ok = success_example::<C>(&success, components);
    if content.examples.is_empty() {
        let example = ExampleBuilder::new().value(Some(ok.clone())).build();
        content.examples.insert("ok".to_owned(), example.into());
    }
    for (status, response) in responses.iter_mut() {
        let Some(status) = status
            .parse()
            .ok()
            .filter(|status| (200..300).contains(status))
        else {
            continue;
        };
        let errors = error_examples::<C>(response);
        if errors.is_empty() {
            continue;
        }
        let fields = &C::ENVELOPE;
        let (error, lines) = error_schema(fields, &errors);
        let schema = AnyOfBuilder::new().item(success.clone()).item(error);
        let success_line = format!("success `{}` {}", C::SUCCESS.code(), C::SUCCESS.desc());
        let examples = std::iter::once(("ok".to_owned(), ok.clone())).chain(errors);
        *response = envelope_response(
            format!("HTTP {status}: {success_line}; {lines}"),
            schema,
            examples,
        )
        .into();
    }
}

/// The success body of catalog `C` with a sample of the `data` the success schema gives.
fn success_example<C: CatalogCode>(success: &RefOr<Schema>, components: &Value) -> Value {
    let schema = serde_json::to_value(success).unwrap_or_default();
    let body = match schema.pointer(&format!("/properties/{}", C::ENVELOPE.data)) {
        Some(data) => serde_json::to_value(ApiResponse::<_, C>::ok(sample(data, components))),
        None => serde_json::to_value(ApiResponse::<(), C>::accepted()),
    };
    body.expect("an envelope is JSON")
}

/// The content of a response in the envelope's media type.
fn envelope_content(response: &RefOr<Response>) -> Option<&Content> {
    let RefOr::T(response) = response else {
        return None;
    };
    match response.content.get(ENVELOPE_CONTENT_TYPE)? {
        RefOr::T(content) => Some(content),
        RefOr::Ref(_) => None,
    }
}

/// The named error examples of a response made here (the success's left out: it is joined
/// again after the errors change).
fn error_examples<C: CatalogCode>(response: &RefOr<Response>) -> Vec<(String, Value)> {
    let success = code_value(&C::ENVELOPE, C::SUCCESS.code());
    let Some(content) = envelope_content(response) else {
        return Vec::new();
    };
    content
        .examples
        .iter()
        .filter_map(|(name, example)| match example {
            RefOr::T(example) => Some((name.clone(), example.value.clone()?)),
            RefOr::Ref(_) => None,
        })
        .filter(|(_, body)| body.get(C::ENVELOPE.code) != Some(&success))
        .collect()
}

/// A response of `status` whose examples are error envelopes.
fn error_response(fields: &Envelope, status: u16, examples: Vec<(String, Value)>) -> Response {
    let (schema, lines) = error_schema(fields, &examples);
    envelope_response(format!("HTTP {status}: {lines}"), schema, examples)
}

/// The error envelope whose code is an enum of the examples' codes, and a line per code:
/// `` `10400` 应用{id}不存在; `10001` ... ``.
fn error_schema(fields: &Envelope, examples: &[(String, Value)]) -> (ObjectBuilder, String) {
    // Each code once, in the examples' order: several variants may share one.
    let mut codes: Vec<Value> = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    for (_, body) in examples {
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
    let schema = result_schema(fields, false)
        .property(fields.code, code_schema(fields, codes, None))
        .required(fields.code)
        .property(fields.desc, desc_schema(fields))
        .required(fields.desc);
    // The link to the code's page, when the envelope has one (`[envelope] doc_url`).
    let schema = match fields.doc_url {
        Some(link) => schema
            .property(
                link.field,
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .description(Some("The page of the code")),
            )
            .required(link.field),
        None => schema,
    };
    (schema, lines.join("; "))
}

/// A response in the envelope's media type with `schema` and named examples.
fn envelope_response(
    description: String,
    schema: impl Into<RefOr<Schema>>,
    examples: impl IntoIterator<Item = (String, Value)>,
) -> Response {
    let examples = examples
        .into_iter()
        .map(|(name, value)| (name, ExampleBuilder::new().value(Some(value)).build()));
    ResponseBuilder::new()
        .description(description)
        .content(
            ENVELOPE_CONTENT_TYPE,
            ContentBuilder::new()
                .schema(Some(schema))
                .examples_from_iter(examples)
                .build(),
        )
        .build()
}

/// A description with each `{field}` filled with a [sample value](self#sample-values).
fn fill_fields(desc: &str) -> String {
    let mut filled = String::with_capacity(desc.len());
    let mut rest = desc;
    while let Some(start) = rest.find('{') {
        let (text, field) = rest.split_at(start);
        filled.push_str(text);
        let end = field.find('}').filter(|&end| {
            end > 1
                && field[1..end]
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_')
        });
        match end {
            Some(end) => {
                filled.push_str(SAMPLE_FIELD);
                rest = &field[end + 1..];
            }
            None => {
                filled.push('{');
                rest = &field[1..];
            }
        }
    }
    filled.push_str(rest);
    filled
}

/// What a description's `{field}` shows in examples: the document knows the field's name,
/// not its type, and `1` reads as an id, a count or a name alike.
const SAMPLE_FIELD: &str = "1";

/// A sample of a JSON schema, by the rule of [sample values](self#sample-values): `$ref`s
/// resolved in `components`, at most a few levels deep (a recursive type ends in `null`).
fn sample(schema: &Value, components: &Value) -> Value {
    sample_within(schema, components, 8)
}

fn sample_within(schema: &Value, components: &Value, depth: u8) -> Value {
    let Some(depth) = depth.checked_sub(1) else {
        return Value::Null;
    };
    let below = |schema: &Value| sample_within(schema, components, depth);
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        return reference
            .strip_prefix("#/components")
            .and_then(|pointer| components.pointer(pointer))
            .map_or(Value::Null, below);
    }
    let own = ["example", "default", "const"]
        .into_iter()
        .find_map(|key| schema.get(key))
        .or_else(|| {
            ["examples", "enum"]
                .into_iter()
                .find_map(|key| schema.get(key)?.get(0))
        });
    if let Some(value) = own {
        return value.clone();
    }
    if let Some(first) = ["oneOf", "anyOf"]
        .into_iter()
        .find_map(|key| schema.get(key)?.get(0))
    {
        return below(first);
    }
    if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
        let mut merged = serde_json::Map::new();
        for part in all {
            if let Value::Object(object) = below(part) {
                merged.extend(object);
            }
        }
        return Value::Object(merged);
    }
    let kind = match schema.get("type") {
        Some(Value::Array(kinds)) => kinds.iter().find(|kind| *kind != "null"),
        kind => kind,
    };
    match kind.and_then(Value::as_str) {
        Some("integer" | "number") => Value::from(1),
        Some("string") => Value::from("example"),
        Some("boolean") => Value::Bool(true),
        Some("array") => Value::Array(schema.get("items").map(below).into_iter().collect()),
        Some("object") | None if schema.get("properties").is_some() => {
            let properties = schema["properties"].as_object().into_iter().flatten();
            Value::Object(
                properties
                    .map(|(name, property)| (name.clone(), below(property)))
                    .collect(),
            )
        }
        Some("object") => Value::Object(serde_json::Map::new()),
        _ => Value::Null,
    }
}

/// The error envelope of `code` as a client reads it.
fn body(fields: &Envelope, code: &str, desc: &str) -> Value {
    serde_json::from_slice(&error_body(fields, code, desc)).expect("an envelope is JSON")
}

/// A code: a string or an integer as the envelope writes codes, one of `codes`.
fn code_schema(fields: &Envelope, codes: Vec<Value>, description: Option<String>) -> Schema {
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
fn result_schema(fields: &Envelope, result: bool) -> ObjectBuilder {
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

fn desc_schema(fields: &Envelope) -> ObjectBuilder {
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

fn code_value(fields: &Envelope, code: &str) -> Value {
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
    fn examples_fill_a_descriptions_fields_with_one() {
        let responses = AppError::responses();
        let RefOr::T(example) = &content(&responses["404"]).examples["AppNotFound"] else {
            panic!("an inline example")
        };
        let value = example.value.as_ref().unwrap();
        assert_eq!(value["result_desc"], "应用1不存在");
        assert_eq!(
            fill_fields("{a}与{b_2}, {not a field} {{0}}"),
            "1与1, {not a field} {1}"
        );
    }

    #[test]
    fn samples_follow_the_schema() {
        let components = serde_json::json!({"schemas": {"User": {
            "type": "object",
            "properties": {"id": {"type": "integer"}, "name": {"type": ["string", "null"]},
                "role": {"enum": ["admin", "user"]}, "tags": {"type": "array", "items": {"type": "string"}},
                "age": {"type": "integer", "example": 30}, "active": {"type": "boolean"}}
        }}});
        let list =
            serde_json::json!({"type": "array", "items": {"$ref": "#/components/schemas/User"}});
        assert_eq!(
            sample(&list, &components),
            serde_json::json!([{"id": 1, "name": "example", "role": "admin", "tags": ["example"],
                "age": 30, "active": true}])
        );
        let recursive = serde_json::json!({"$ref": "#/components/schemas/Node"});
        let components =
            serde_json::json!({"schemas": {"Node": {"properties": {"next": recursive}}}});
        assert!(
            sample(&recursive, &components).is_object(),
            "a recursive type ends"
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
