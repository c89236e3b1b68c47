// A retired code is not unknown: the error says it was retired, and why, from the file.
#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
#[api(file = "ui/derive/retired_code.toml")]
enum AppError {
    #[error("app gone")]
    #[api(code = "40401")]
    AppGone,
}

fn main() {}
