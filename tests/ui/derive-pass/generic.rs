// A generic enum: the impl carries the enum's own generics and bounds.
use hero_codes::ApiError;
use http::StatusCode;

#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
enum E<T: std::fmt::Debug> {
    #[error("not found: {0:?}")]
    #[api(code = "10400")]
    A(T),
    #[error("bad {0:?}")]
    #[api(code = "10000", desc = "参数{0:?}无效")]
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
}
