// `spec` reads a service's own catalog file, and the bodies use its envelope's field names,
// whether serialized at compile time (a fixed description) or per answer (a filled one).
use hero_codes::ApiError;
use http::StatusCode;

#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
#[api(file = "ui/derive-pass/app.toml")]
enum AppError {
    #[error("app not found")]
    #[api(code = "40400")]
    AppNotFound,
    #[error("app {0} not found")]
    #[api(code = "40400", desc = "应用{0}不存在")]
    AppIdNotFound(u64),
    #[error("internal: {0}")]
    #[api(code = "E500")]
    Internal(String),
}

#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
#[error("gone")]
#[api(file = "ui/derive-pass/app.toml", catalog = "AppCode", code = "40400")]
struct Gone;

fn main() {
    assert_eq!(AppError::AppNotFound.code(), "40400");
    assert_eq!(AppError::AppNotFound.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        AppError::AppNotFound.body(),
        r#"{"ok":false,"code":"40400","message":"应用不存在"}"#
    );
    assert_eq!(
        AppError::AppIdNotFound(3).body(),
        r#"{"ok":false,"code":"40400","message":"应用3不存在"}"#
    );
    let internal = AppError::Internal("disk full".into());
    assert_eq!(internal.code(), "E500");
    assert_eq!(internal.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(internal.body(), r#"{"ok":false,"code":"E500","message":"内部错误"}"#);
    assert_eq!(Gone.desc(), "应用不存在");
}
