// With `catalog`, a code must be in that catalog: `10400` is ResultCode's, not HeroCode's.
#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
#[api(catalog = "HeroCode")]
enum AppError {
    #[error("app not found")]
    #[api(code = "10400")]
    AppNotFound,
}

fn main() {}
