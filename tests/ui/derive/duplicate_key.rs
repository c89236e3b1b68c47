// A key given twice is an error on the second one, in one #[api] or across two.
#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
enum AppError {
    #[error("app not found")]
    #[api(code = "10400", code = "10500")]
    AppNotFound,
    #[error("app frozen")]
    #[api(code = "10101")]
    #[api(code = "10100")]
    AppFrozen,
}

fn main() {}
