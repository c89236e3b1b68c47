// Every mistake of one derive is reported at once, and the fallback impl keeps the type
// usable, so no "trait not implemented" error follows where it is used.
#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
enum AppError {
    #[error("app {id} not found")]
    #[api(code = "10401", desc = "应用{id}不存在")]
    AppNotFound { id: u64 },
    #[error("user {0} not found")]
    #[api(code = "10400", desc = "用户{name}不存在")]
    UserNotFound(u64),
    #[error("frozen")]
    #[api(cod = "10101")]
    Frozen,
    #[error("no code")]
    NoCode,
    #[error("database: {0}")]
    #[api(code = "10500", desc = "数据库错误", code = "10500")]
    Db(#[from] std::io::Error),
}

fn use_it(error: &AppError) -> &'static str {
    hero_codes::ApiError::code(error)
}

fn respond(error: AppError) -> axum::response::Response {
    axum::response::IntoResponse::into_response(error)
}

fn main() {
    let _ = use_it;
    let _ = respond;
}
