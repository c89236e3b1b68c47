// A mistake in the enum's #[api] is reported alone: not also one "unknown code" per
// variant, which the built-in catalog would not have.
#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
#[api(fiel = "ui/derive-pass/app.toml")]
enum AppError {
    #[error("app not found")]
    #[api(code = "40400")]
    AppNotFound,
    #[error("internal")]
    #[api(code = "E500")]
    Internal,
}

fn main() {}
