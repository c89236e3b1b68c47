// A mistake in the `spec` file is reported at the `spec` literal, with the file's line:column.
#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
#[api(spec = "ui/derive/bad_spec.toml")]
enum AppError {
    #[error("app not found")]
    #[api(code = "40400")]
    AppNotFound,
}

fn main() {}
