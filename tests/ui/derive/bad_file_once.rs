// One mistake in a file that three macros read is one error, at the first of them; the
// derives compile silently to their stand-ins.
mod codes {
    hero_codes::include_catalog!("ui/derive/bad_file.toml");
}

#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
#[api(file = "ui/derive/bad_file.toml")]
enum AppError {
    #[error("app not found")]
    #[api(code = "40400")]
    AppNotFound,
}

#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
#[api(file = "ui/derive/bad_file.toml")]
enum OtherError {
    #[error("app not found")]
    #[api(code = "40400")]
    AppNotFound,
}

fn main() {}
