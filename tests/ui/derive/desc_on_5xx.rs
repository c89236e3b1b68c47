// `desc` is only for 4xx codes: a 5xx answer sends the catalog's text, never a detail.
#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
enum AppError {
    #[error("database: {0}")]
    #[api(code = "10500", desc = "数据库错误：{0}")]
    Db(#[from] std::io::Error),
}

fn main() {}
