// A `desc` placeholder's format spec is checked: a known format trait, no `$` or `*`.
#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
enum AppError {
    #[error("app {id} not found")]
    #[api(code = "10400", desc = "应用{id:q}不存在")]
    AppNotFound { id: u64 },
    #[error("bad width")]
    #[api(code = "10000", desc = "参数{0:1$}无效")]
    BadWidth(u32, usize),
}

fn main() {}
