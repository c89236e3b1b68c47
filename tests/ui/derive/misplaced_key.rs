// Keys have their place: `spec` and `catalog` on the enum, `code` and `desc` on each variant.
#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
#[api(code = "10400")]
enum AppError {
    #[error("app not found")]
    #[api(code = "10400", file = "codes.toml")]
    AppNotFound,
}

fn main() {}
