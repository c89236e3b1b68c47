// `catalog` keeps a type to one catalog of its file.
use hero_codes::ApiError;
use http::StatusCode;

#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
#[api(catalog = "HeroCode")]
enum HeroError {
    #[error("user not found")]
    #[api(code = "2000")]
    UserNotFound,
    #[error("bad token")]
    #[api(code = "1002")]
    InvalidToken,
}

#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
#[api(catalog = "ResultCode")]
enum ResultError {
    #[error("missing")]
    #[api(code = "10400")]
    Missing,
}

fn main() {
    assert_eq!(HeroError::UserNotFound.code(), "2000");
    assert_eq!(HeroError::UserNotFound.status(), StatusCode::NOT_FOUND);
    assert_eq!(HeroError::UserNotFound.desc(), "用户不存在");
    assert_eq!(HeroError::InvalidToken.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(ResultError::Missing.desc(), "所请求的资源不存在");
}
