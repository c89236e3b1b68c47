// A mistake in the `spec` file is reported at the `spec` literal, with the file's line:column.
#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
#[api(file = "ui/derive/bad_file.toml")]
enum AppError {
    #[error("app not found")]
    #[api(code = "40400")]
    AppNotFound,
}

fn main() {}
