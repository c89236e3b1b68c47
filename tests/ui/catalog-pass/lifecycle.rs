// A file that deprecates, retires, adds and rewords against its codes.lock compiles; the
// deprecated code still answers, and the retired one is gone. `#[allow(deprecated)]`
// silences the warnings, on a derived variant as anywhere.
#![deny(deprecated)]

use hero_codes::{ApiError, CatalogCode};
use http::StatusCode;

hero_codes::include_catalog!("ui/catalog-pass/lifecycle.toml");

#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
#[api(file = "ui/catalog-pass/lifecycle.toml")]
enum AuthError {
    #[error("bad token")]
    #[allow(deprecated)]
    #[api(code = "10102")]
    BadToken,
}

#[allow(deprecated)]
fn main() {
    assert_eq!(AppCode::InvalidToken.code(), "10102");
    assert_eq!(AppCode::InvalidToken.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(AppCode::from_code("10102"), Some(AppCode::InvalidToken));
    assert_eq!(AppCode::from_code("10106"), None);
    assert_eq!(AppCode::ALL.len(), 4);
    assert_eq!(<AppCode as CatalogCode>::SUCCESS, AppCode::Ok);
    assert_eq!(AuthError::BadToken.code(), "10102");
}
