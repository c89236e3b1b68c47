// A code that is in no catalog is an error on its literal, with the nearest code.
#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
enum AppError {
    #[error("app not found")]
    #[api(code = "10401")]
    AppNotFound,
}

fn main() {}
