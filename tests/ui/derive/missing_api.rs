// Every variant needs a code: a variant without #[api] is an error on its name.
#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
enum AppError {
    #[error("app not found")]
    #[api(code = "10400")]
    AppNotFound,
    #[error("app frozen")]
    AppFrozen,
}

fn main() {}
