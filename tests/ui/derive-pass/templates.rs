// `desc` templates as `format!` writes them: tuple fields, format specs and `{{`/`}}`.
use hero_codes::ApiError;

#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
enum AppError {
    #[error("app {0} not found")]
    #[api(code = "10400", desc = "应用{0}不存在", en = "App {0} does not exist")]
    AppNotFound(u64),
    #[error("page {0} not found")]
    #[api(code = "10400", desc = "页[{0:>4}]不存在", en = "Page [{0:>4}] does not exist")]
    PageNotFound(u32),
    #[error("bad pair")]
    #[api(code = "10000", desc = "参数{{{1}, {0}}}无效", en = "Parameter {{{1}, {0}}} is invalid")]
    BadPair(&'static str, &'static str),
    #[error("braces")]
    #[api(code = "10002", desc = "缺少{{name}}: {name}/{name}", en = "Missing {{name}}: {name}/{name}")]
    Braces { name: &'static str },
}

fn main() {
    assert_eq!(AppError::AppNotFound(42).desc(), "应用42不存在");
    assert_eq!(AppError::PageNotFound(7).desc(), "页[   7]不存在");
    assert_eq!(AppError::BadPair("a", "b").desc(), "参数{b, a}无效");
    assert_eq!(AppError::Braces { name: "x" }.desc(), "缺少{name}: x/x");
    assert_eq!(
        AppError::PageNotFound(7).body(),
        r#"{"result":false,"result_code":"10400","result_desc":"页[   7]不存在"}"#
    );
}
