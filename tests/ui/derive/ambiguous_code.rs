// Code `0` is in both HeroCode and ResultCode: without `catalog`, the derive cannot pick one.
#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
enum AppError {
    #[error("not an error")]
    #[api(code = "0")]
    Nothing,
}

fn main() {}
