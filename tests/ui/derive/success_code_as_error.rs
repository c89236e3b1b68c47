// The success code is not an error: `result` would say true in an error answer.
#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
#[api(catalog = "ResultCode")]
enum AppError {
    #[error("not found")]
    #[api(code = "10400")]
    NotFound,
    #[error("fine")]
    #[api(code = "0")]
    Fine,
}

fn main() {}
