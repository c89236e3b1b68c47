// A crate that renames the dependency says so with `crate = ...`, for both macros.
extern crate hero_codes as codes;

use codes::{ApiError, CatalogCode};

codes::include_catalog!("ui/derive-pass/app.toml", crate = codes);

#[derive(Debug, thiserror::Error, codes::ApiError)]
#[api(file = "ui/derive-pass/app.toml", crate = codes)]
enum AppError {
    #[error("app {id} not found")]
    #[api(code = "40400", desc = "应用{id}不存在")]
    AppNotFound { id: u32 },
}

fn main() {
    assert_eq!(AppError::AppNotFound { id: 7 }.desc(), "应用7不存在");
    assert_eq!(AppCode::SUCCESS, AppCode::Ok);
    assert_eq!(
        AppError::AppNotFound { id: 7 }.body(),
        r#"{"ok":false,"code":"40400","message":"应用7不存在"}"#
    );
}
