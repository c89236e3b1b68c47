// An unknown key in #[api] is an error on the key: with a suggestion, or the keys allowed.
#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
enum AppError {
    #[error("app not found")]
    #[api(cod = "10400")]
    AppNotFound,
    #[error("app frozen")]
    #[api(code = "10101", message = "应用已冻结")]
    AppFrozen,
}

fn main() {}
