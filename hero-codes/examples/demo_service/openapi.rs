//! The demo's OpenAPI document, served at `GET /openapi.json`: each route's parameters by
//! hand, every answer from hero-codes (`IntoResponses` of each route's return type, and
//! the envelope layer's own failures added in one call per catalog).

use hero_codes::openapi::add_failures;
use hero_codes::{ApiResponse, HeroCode, ResultCode};
use utoipa::IntoResponses;
use utoipa::openapi::path::{
    HttpMethod, OperationBuilder, ParameterBuilder, ParameterIn, PathItem, PathsBuilder,
};
use utoipa::openapi::request_body::RequestBodyBuilder;
use utoipa::openapi::response::ResponsesBuilder;
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::{
    ComponentsBuilder, ContentBuilder, InfoBuilder, OpenApi, OpenApiBuilder, Required,
};

use super::{App, DownloadError, TrackerError, User};

/// The document.
pub fn openapi() -> OpenApi {
    let info = InfoBuilder::new()
        .title("hero-codes demo")
        .version(env!("CARGO_PKG_VERSION"))
        .build();
    let search = OperationBuilder::new()
        .operation_id(Some("search_apps"))
        .parameter(query("search_value"))
        .responses(responses::<Result<ApiResponse<Vec<App>>, TrackerError>>())
        .build();
    let get_app = OperationBuilder::new()
        .operation_id(Some("get_app"))
        .parameter(
            ParameterBuilder::new()
                .name("id")
                .parameter_in(ParameterIn::Path)
                .required(Required::True)
                .schema(Some(
                    ObjectBuilder::new()
                        .schema_type(Type::Integer)
                        .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(
                            utoipa::openapi::KnownFormat::Int64,
                        )))
                        .minimum(Some(0)),
                )),
        )
        .responses(responses::<Result<ApiResponse<App>, TrackerError>>())
        .build();
    let mut tracker = OpenApiBuilder::new()
        .info(info)
        .components(Some(
            ComponentsBuilder::new()
                .schema_from::<App>()
                .schema_from::<User>()
                .build(),
        ))
        .paths(
            PathsBuilder::new()
                .path("/api/tracker/apps", PathItem::new(HttpMethod::Post, search))
                .path(
                    "/api/tracker/apps/{id}",
                    PathItem::new(HttpMethod::Get, get_app),
                ),
        )
        .build();
    add_failures::<ResultCode>(&mut tracker);

    let download_args = ObjectBuilder::new()
        .property("channel", channel())
        .property("oid", ObjectBuilder::new().schema_type(Type::String));
    let download = OperationBuilder::new()
        .operation_id(Some("download_plus_1"))
        .parameter(
            ParameterBuilder::new()
                .name("Authorization")
                .parameter_in(ParameterIn::Header)
                .required(Required::False)
                .schema(Some(ObjectBuilder::new().schema_type(Type::String))),
        )
        .parameter(query("channel").schema(Some(channel())))
        .parameter(query("oid"))
        .request_body(Some(
            RequestBodyBuilder::new()
                .content(
                    "application/json",
                    ContentBuilder::new().schema(Some(download_args)).build(),
                )
                .required(Some(Required::False))
                .build(),
        ))
        .responses(responses::<Result<ApiResponse<(), HeroCode>, DownloadError>>())
        .build();
    let mut hero = OpenApiBuilder::new()
        .paths(PathsBuilder::new().path("/download+1", PathItem::new(HttpMethod::Put, download)))
        .build();
    add_failures::<HeroCode>(&mut hero);
    tracker.merge(hero);
    tracker
}

/// `channel`: an activity (`online`, `1`) or not (`direct`, `0`).
fn channel() -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(["online", "1", "direct", "0"]))
}

fn query(name: &str) -> ParameterBuilder {
    ParameterBuilder::new()
        .name(name)
        .parameter_in(ParameterIn::Query)
        .required(Required::False)
        .schema(Some(ObjectBuilder::new().schema_type(Type::String)))
}

fn responses<R: IntoResponses>() -> utoipa::openapi::Responses {
    ResponsesBuilder::new()
        .responses_from_into_responses::<R>()
        .build()
}
