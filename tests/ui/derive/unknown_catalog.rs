// `catalog` must name a catalog of the file: an error on its literal, with the nearest name.
#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
#[api(catalog = "ResultCodes")]
enum AppError {
    #[error("app not found")]
    #[api(code = "10400")]
    AppNotFound,
}

fn main() {}
