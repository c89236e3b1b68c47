// A key needs a string value, and #[api] needs its parentheses.
#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
enum AppError {
    #[error("app not found")]
    #[api(code = 10400)]
    AppNotFound,
    #[error("app frozen")]
    #[api]
    AppFrozen,
    #[error("app gone")]
    #[api(code)]
    AppGone,
}

fn main() {}
