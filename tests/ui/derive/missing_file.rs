// A `spec` file that does not exist is an error at the `spec` literal.
#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
#[api(file = "ui/derive/no_such_file.toml")]
enum AppError {
    #[error("app not found")]
    #[api(code = "40400")]
    AppNotFound,
}

fn main() {}
