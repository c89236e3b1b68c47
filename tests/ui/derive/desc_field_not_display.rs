// A `desc` placeholder's field must implement `Display`: rustc says so at the `desc` literal.
#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
enum AppError {
    #[error("bad bytes")]
    #[api(code = "10000", desc = "参数{0}无效", en = "Parameter {0} is invalid")]
    BadBytes(Vec<u8>),
}

fn main() {}
