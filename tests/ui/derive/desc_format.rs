// A `desc` placeholder's format spec and field type are checked by `format!`.
#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
enum AppError {
    #[error("app {id} not found")]
    #[api(code = "10400", desc = "应用{id:q}不存在")]
    AppNotFound { id: u64 },
    #[error("bad bytes")]
    #[api(code = "10000", desc = "参数{0}无效")]
    BadBytes(Vec<u8>),
}

fn main() {}
