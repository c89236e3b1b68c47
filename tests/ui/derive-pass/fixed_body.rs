// A variant with the catalog's description answers with the spec's exact envelope body.
use hero_codes::ApiError;
use http::StatusCode;

#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
enum AppError {
    #[error("app {id} not found")]
    #[api(code = "10400")]
    AppNotFound { id: u64 },
    #[error("database: {0}")]
    #[api(code = "10500")]
    Db(#[from] std::io::Error),
}

fn main() {
    let error = AppError::AppNotFound { id: 1 };
    assert_eq!(
        error.body(),
        r#"{"result":false,"result_code":"10400","result_desc":"所请求的资源不存在"}"#
    );
    assert_eq!(error.desc(), "所请求的资源不存在");
    assert_eq!(error.to_string(), "app 1 not found");

    let db = AppError::from(std::io::Error::other("disk full"));
    assert_eq!(db.code(), "10500");
    assert_eq!(db.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(
        db.body(),
        r#"{"result":false,"result_code":"10500","result_desc":"系统错误"}"#
    );
}
