// A struct maps to one code: a unit struct with the catalog's text, and a struct whose
// own `desc` is filled from its named field.
use hero_codes::ApiError;
use http::StatusCode;

#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
#[error("forbidden")]
#[api(code = "10300")]
struct Forbidden;

#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
#[error("app {id} not found")]
#[api(code = "10400", desc = "应用{id}不存在", en = "App {id} does not exist")]
struct AppNotFound {
    id: u64,
}

fn main() {
    assert_eq!(Forbidden.code(), "10300");
    assert_eq!(Forbidden.status(), StatusCode::FORBIDDEN);
    assert_eq!(Forbidden.desc(), "没有权限访问");
    assert_eq!(
        Forbidden.body(),
        r#"{"result":false,"result_code":"10300","result_desc":"没有权限访问"}"#
    );

    let error = AppNotFound { id: 7 };
    assert_eq!(error.code(), "10400");
    assert_eq!(error.status(), StatusCode::NOT_FOUND);
    assert_eq!(error.desc(), "应用7不存在");
    assert_eq!(
        error.body(),
        r#"{"result":false,"result_code":"10400","result_desc":"应用7不存在"}"#
    );
    assert_eq!(error.to_string(), "app 7 not found");
}
