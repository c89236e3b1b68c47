// `catalog` picks the catalogue when a code is in several: `0` is HeroCode's `Ok` here.
use hero_codes::ApiError;
use http::StatusCode;

#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
#[api(catalog = "HeroCode")]
enum HeroError {
    #[error("ok")]
    #[api(code = "0")]
    Ok,
    #[error("user not found")]
    #[api(code = "2000")]
    UserNotFound,
}

#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
#[api(catalog = "ResultCode")]
enum ResultError {
    #[error("ok")]
    #[api(code = "0")]
    Ok,
}

fn main() {
    assert_eq!(HeroError::Ok.code(), "0");
    assert_eq!(HeroError::Ok.status(), StatusCode::OK);
    assert_eq!(HeroError::Ok.desc(), "OK, 成功");
    assert_eq!(HeroError::UserNotFound.status(), StatusCode::NOT_FOUND);
    assert_eq!(HeroError::UserNotFound.desc(), "用户不存在");
    assert_eq!(ResultError::Ok.desc(), "成功");
}
