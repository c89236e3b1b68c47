// A generic enum: the impl carries the enum's own generics and bounds.
use hero_codes::ApiError;
use http::StatusCode;

#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
enum E<T: std::fmt::Debug> {
    #[error("not found: {0:?}")]
    #[api(code = "10400")]
    A(T),
    #[error("bad {0:?}")]
    #[api(code = "10000", desc = "参数{0:?}无效", en = "Parameter {0:?} is invalid")]
    B(T),
}

fn main() {
    let a = E::A("x");
    assert_eq!(a.code(), "10400");
    assert_eq!(a.status(), StatusCode::NOT_FOUND);
    assert_eq!(a.desc(), "所请求的资源不存在");

    let b: E<Vec<u8>> = E::B(vec![1, 2]);
    assert_eq!(b.code(), "10000");
    assert_eq!(b.status(), StatusCode::BAD_REQUEST);
    assert_eq!(b.desc(), "参数[1, 2]无效");

    assert_eq!(Shown::Missing(1).code(), "10400");
}

/// thiserror bounds its `Error` impl by what `#[error]` formats (`T: Display` here); the
/// derived impls take the same bounds through `Self: Error`.
#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
enum Shown<T> {
    #[error("{0}")]
    #[api(code = "10400")]
    Missing(T),
}

/// An enum with no variants derives too: it can never be made.
#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
enum Never {}

#[allow(dead_code)]
fn never_answers(never: &Never) -> &'static str {
    never.code()
}
