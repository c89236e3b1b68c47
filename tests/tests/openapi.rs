//! Every answer a service gives fits the response its OpenAPI document gives for that
//! status: two services on 127.0.0.1, each serving its own document (`#[utoipa::path]`
//! without `responses`, then `add_failures`), a real client, and a JSON Schema validator
//! (the `jsonschema` crate, draft 2020-12 as OpenAPI 3.1 says) for each answer body.
//!
//! - the shop: `catalogs/alibaba.toml`, business errors and bad input answered with HTTP 200
//!   beside the success, 404 and 405 for unknown routes and methods;
//! - the tracker: the built-in `ResultCode`, errors answered with 4xx.
//!
//! The documented response of an answer is found as OpenAPI says: the operation of the
//! path template and method, then the status exactly, else its range (`2XX`), else
//! `default`. An unknown route or method has no operation of its own: its answer must fit
//! the response of that status on every operation of the document (of the path, for a
//! method), since the envelope layer answers it the same everywhere and `add_failures`
//! documents it on each.

use axum::Router;
use axum::routing::get;
use hero_codes::ApiResponse;
use hero_codes::axum::{EnvelopeRouter, Json, Path};
use http::header::CONTENT_TYPE;
use http::{Method, StatusCode};
use serde::Deserialize;
use serde_json::{Value, json};
use utoipa::OpenApi;

mod support;
use support::{send, spawn};

mod alibaba {
    hero_codes::include_catalog!("catalogs/alibaba.toml");
}
use alibaba::AliCode;

// ------------------------------------------------------------------ the shop ----

#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
#[api(file = "catalogs/alibaba.toml")]
enum ShopError {
    #[error("item {0} is sold out")]
    #[api(code = "A0001")]
    SoldOut(u32),
    #[error("item {id} does not exist")]
    #[api(code = "A0400", desc = "商品{id}不存在")]
    NoSuchItem { id: u32 },
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
struct Order {
    item: String,
}

/// An item: 1 is a book, 2 is sold out, any other does not exist.
#[utoipa::path(get, path = "/items/{id}", params(("id" = u32, Path, description = "the item")))]
async fn item(Path(id): Path<u32>) -> Result<ApiResponse<String, AliCode>, ShopError> {
    match id {
        1 => Ok(ApiResponse::ok("书".to_owned())),
        2 => Err(ShopError::SoldOut(id)),
        _ => Err(ShopError::NoSuchItem { id }),
    }
}

/// Places an order: 201 with the item.
#[utoipa::path(post, path = "/orders", request_body = Order)]
async fn order(Json(order): Json<Order>) -> ApiResponse<String, AliCode> {
    ApiResponse::created(order.item)
}

#[derive(OpenApi)]
#[openapi(paths(item, order))]
struct ShopDoc;

fn shop() -> Router {
    let mut doc = ShopDoc::openapi();
    hero_codes::openapi::add_failures::<AliCode>(&mut doc);
    Router::new()
        .route("/items/{id}", get(item))
        .route("/orders", axum::routing::post(order))
        .route("/openapi.json", get(move || async { axum::Json(doc) }))
        .with_envelope::<AliCode>()
}

// --------------------------------------------------------------- the tracker ----

#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
enum TrackerError {
    #[error("app {id} not found")]
    #[api(
        code = "10400",
        desc = "应用{id}不存在",
        en = "App {id} does not exist"
    )]
    AppNotFound { id: u64 },
    #[error("app {0} exists")]
    #[api(code = "10001")]
    Exists(u64),
}

/// An app: 1 exists, 2 is taken, any other is not found.
#[utoipa::path(get, path = "/apps/{id}", params(("id" = u64, Path, description = "the app")))]
async fn app(Path(id): Path<u64>) -> Result<ApiResponse<u64>, TrackerError> {
    match id {
        1 => Ok(ApiResponse::ok(id)),
        2 => Err(TrackerError::Exists(id)),
        _ => Err(TrackerError::AppNotFound { id }),
    }
}

/// Creates an app: 201 with its name.
#[utoipa::path(post, path = "/apps", request_body = Order)]
async fn create_app(Json(order): Json<Order>) -> ApiResponse<String> {
    ApiResponse::created(order.item)
}

#[derive(OpenApi)]
#[openapi(paths(app, create_app))]
struct TrackerDoc;

fn tracker() -> Router {
    let mut doc = TrackerDoc::openapi();
    hero_codes::openapi::add_failures::<hero_codes::ResultCode>(&mut doc);
    Router::new()
        .route("/apps/{id}", get(app))
        .route("/apps", axum::routing::post(create_app))
        .route("/openapi.json", get(move || async { axum::Json(doc) }))
        .with_envelope::<hero_codes::ResultCode>()
}

// ------------------------------------------------------------- the checking ----

/// A request, the status it must get (so a test cannot pass on answers it did not mean to
/// produce) and what kind of answer it is, for messages.
struct Case {
    kind: &'static str,
    method: Method,
    path: &'static str,
    json: Option<&'static str>,
    status: StatusCode,
}

const fn case(
    kind: &'static str,
    method: Method,
    path: &'static str,
    json: Option<&'static str>,
    status: u16,
) -> Case {
    let Ok(status) = StatusCode::from_u16(status) else {
        panic!("a status")
    };
    Case {
        kind,
        method,
        path,
        json,
        status,
    }
}

/// Sends each case to the service at `base` and checks its answer against the document
/// the service serves; fails with every mismatch.
async fn check(base: &str, cases: &[Case]) {
    let doc = document(base).await;
    let mut failures = Vec::new();
    for case in cases {
        let content_type = case.json.map(|_| "application/json");
        let body = case.json.unwrap_or_default();
        let (status, headers, bytes) =
            send(base, case.method.clone(), case.path, content_type, body).await;
        let what = format!("{} ({} {} -> {status})", case.kind, case.method, case.path);
        assert_eq!(
            status,
            case.status,
            "{what}: {}",
            String::from_utf8_lossy(&bytes)
        );
        let body: Value = serde_json::from_slice(&bytes).expect("the answer is JSON");
        let content_type = headers[CONTENT_TYPE].to_str().expect("ASCII");
        for operation in operations(&doc, &case.method, case.path) {
            if let Err(error) = fits(&doc, &operation, status, content_type, &body) {
                failures.push(format!("{what}, {operation}: {error}\n  answer: {body}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// JSON pointers of the operations an answer to `method path` is documented by: the
/// path template's operation, else every operation of the path, else every operation.
fn operations(doc: &Value, method: &Method, path: &str) -> Vec<String> {
    let paths = doc["paths"].as_object().expect("paths");
    let method = method.as_str().to_lowercase();
    let all = |templates: Vec<&String>| -> Vec<String> {
        templates
            .into_iter()
            .flat_map(|template| {
                let methods = paths[template].as_object().expect("a path item");
                methods
                    .keys()
                    .map(move |method| pointer(&["paths", template, method]))
            })
            .collect()
    };
    let matching: Vec<&String> = paths
        .keys()
        .filter(|template| matches(template, path))
        .collect();
    match matching.first() {
        Some(template) if paths[*template].get(&method).is_some() => {
            vec![pointer(&["paths", template, &method])]
        }
        Some(_) => all(matching),
        None => all(paths.keys().collect()),
    }
}

/// Whether `path` is an instance of `template` (`/items/{id}` and `/items/1`).
fn matches(template: &str, path: &str) -> bool {
    let (template, path): (Vec<_>, Vec<_>) =
        (template.split('/').collect(), path.split('/').collect());
    template.len() == path.len()
        && template
            .iter()
            .zip(&path)
            .all(|(t, p)| t == p || (t.starts_with('{') && t.ends_with('}') && !p.is_empty()))
}

fn pointer(tokens: &[&str]) -> String {
    tokens
        .iter()
        .map(|token| format!("/{}", token.replace('~', "~0").replace('/', "~1")))
        .collect()
}

/// Checks `body` against the schema the operation at `operation` gives for `status` and
/// `content_type`, by OpenAPI's precedence: the status, its range, `default`.
fn fits(
    doc: &Value,
    operation: &str,
    status: StatusCode,
    content_type: &str,
    body: &Value,
) -> Result<(), String> {
    let responses = &doc.pointer(operation).expect("an operation")["responses"];
    let range = format!("{}XX", status.as_u16() / 100);
    let (key, response) = [status.as_str(), &range, "default"]
        .into_iter()
        .find_map(|key| Some((key, responses.get(key)?)))
        .ok_or("no response documented for the status")?;
    let schema = response["content"]
        .get(content_type)
        .ok_or_else(|| format!("response `{key}` has no content `{content_type}`"))?["schema"]
        .clone();
    let validator = validator(doc, schema).map_err(|error| format!("response `{key}`: {error}"))?;
    let errors: Vec<String> = validator.iter_errors(body).map(|e| e.to_string()).collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "does not fit response `{key}`: {}",
            errors.join("; ")
        ))
    }
}

/// A validator of `schema`, whose `$ref`s point into the document's components: they are
/// carried along under the same pointer (`#/components/schemas/...`).
fn validator(doc: &Value, mut schema: Value) -> Result<jsonschema::Validator, String> {
    if let (Some(object), Some(components)) = (schema.as_object_mut(), doc.get("components")) {
        object.insert("components".to_owned(), components.clone());
    }
    jsonschema::draft202012::new(&schema).map_err(|error| error.to_string())
}

// -------------------------------------------------------------------- tests ----

#[tokio::test]
async fn every_answer_of_a_catalog_with_http_200_errors_fits_its_documented_response() {
    let base = spawn(shop()).await;
    check(
        &base,
        &[
            case("success", Method::GET, "/items/1", None, 200),
            case(
                "success, created",
                Method::POST,
                "/orders",
                Some(r#"{"item":"书"}"#),
                201,
            ),
            case("business error", Method::GET, "/items/2", None, 200),
            case(
                "business error with a field",
                Method::GET,
                "/items/3",
                None,
                200,
            ),
            case("bad path", Method::GET, "/items/x", None, 200),
            case(
                "bad JSON",
                Method::POST,
                "/orders",
                Some(r#"{"item":"#),
                200,
            ),
            case("unknown route", Method::GET, "/nope", None, 404),
            case("wrong method", Method::DELETE, "/items/1", None, 405),
        ],
    )
    .await;
}

#[tokio::test]
async fn every_answer_of_a_catalog_with_4xx_errors_fits_its_documented_response() {
    let base = spawn(tracker()).await;
    check(
        &base,
        &[
            case("success", Method::GET, "/apps/1", None, 200),
            case(
                "success, created",
                Method::POST,
                "/apps",
                Some(r#"{"item":"app"}"#),
                201,
            ),
            case("business error", Method::GET, "/apps/2", None, 400),
            case(
                "business error with a field",
                Method::GET,
                "/apps/3",
                None,
                404,
            ),
            case("bad path", Method::GET, "/apps/x", None, 400),
            case("bad JSON", Method::POST, "/apps", Some(r#"{"item":"#), 400),
            case("unknown route", Method::GET, "/nope", None, 404),
            case("wrong method", Method::DELETE, "/apps/1", None, 405),
        ],
    )
    .await;
}

/// The checking itself can fail: an answer the document does not give is caught.
#[tokio::test]
async fn an_answer_the_document_does_not_give_is_caught() {
    let doc = document(&spawn(tracker()).await).await;
    let operation = pointer(&["paths", "/apps/{id}", "get"]);
    let content_type = support::ENVELOPE_CONTENT_TYPE;
    let wrong_code = json!({"result": false, "result_code": "10001", "result_desc": "x"});
    assert!(
        fits(
            &doc,
            &operation,
            StatusCode::NOT_FOUND,
            content_type,
            &wrong_code
        )
        .is_err()
    );
    let success = json!({"result": true, "result_code": "0", "result_desc": "成功", "data": 1});
    assert_eq!(
        fits(&doc, &operation, StatusCode::OK, content_type, &success),
        Ok(())
    );
    let no_data_type =
        json!({"result": true, "result_code": "0", "result_desc": "成功", "data": "1"});
    assert!(
        fits(
            &doc,
            &operation,
            StatusCode::OK,
            content_type,
            &no_data_type
        )
        .is_err()
    );
    assert!(
        fits(
            &doc,
            &operation,
            StatusCode::IM_A_TEAPOT,
            content_type,
            &success
        )
        .is_err()
    );
}

/// Every example of both documents fits its response's schema: the examples show answers
/// the service can give.
#[tokio::test]
async fn every_example_fits_its_response() {
    for router in [shop(), tracker()] {
        let doc = document(&spawn(router).await).await;
        let mut failures = Vec::new();
        for (path, item) in doc["paths"].as_object().expect("paths") {
            for (method, operation) in item.as_object().expect("a path item") {
                for (status, response) in operation["responses"].as_object().expect("responses") {
                    for (media, content) in response["content"].as_object().expect("content") {
                        let validator =
                            validator(&doc, content["schema"].clone()).expect("a schema");
                        for (name, example) in content["examples"].as_object().into_iter().flatten()
                        {
                            for error in validator.iter_errors(&example["value"]) {
                                failures.push(format!(
                                    "{method} {path} {status} {media} {name}: {error}"
                                ));
                            }
                        }
                    }
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}

/// Examples are named for what they show on the route, success and failures alike, with a
/// description's fields filled with the sample value `1`.
#[tokio::test]
async fn examples_are_named_for_the_answer_they_show_on_the_route() {
    let doc = document(&spawn(shop()).await).await;
    let examples = |path: &str, method: &str, status: &str| {
        doc["paths"][path][method]["responses"][status]["content"][support::ENVELOPE_CONTENT_TYPE]["examples"].clone()
    };
    let item = examples("/items/{id}", "get", "200");
    let names: Vec<&String> = item.as_object().expect("examples").keys().collect();
    assert_eq!(names, ["NoSuchItem", "SoldOut", "invalid_path", "ok"]);
    assert_eq!(
        item["NoSuchItem"]["value"],
        json!({"success": false, "code": "A0400", "message": "商品1不存在"})
    );
    assert_eq!(
        item["ok"]["value"],
        json!({"success": true, "code": "00000", "message": "一切ok", "data": "example"})
    );
    let order = examples("/orders", "post", "200");
    let names: Vec<&String> = order.as_object().expect("examples").keys().collect();
    assert_eq!(names, ["invalid_json", "ok"]);
    assert_eq!(
        examples("/orders", "post", "404")["not_found"]["value"]["code"],
        "A0404"
    );
}

async fn document(base: &str) -> Value {
    let (status, _, doc) = send(base, Method::GET, "/openapi.json", None, Vec::new()).await;
    assert_eq!(status, StatusCode::OK, "the document is served");
    serde_json::from_slice(&doc).expect("the document is JSON")
}
