// A placeholder in `desc` must name a field of its variant: a name, or a tuple index in range.
#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
enum AppError {
    #[error("app {id} not found")]
    #[api(code = "10400", desc = "应用{idd}不存在")]
    AppNotFound { id: u64 },
    #[error("user {0} not found")]
    #[api(code = "10400", desc = "用户{1}不存在")]
    UserNotFound(u64),
}

fn main() {}
