//! A derived error against a hand-built static response, measured as a service would write
//! it: the derive in this binary's own crate, `Display` written by hand, an enum with
//! variants of every kind (a fixed description, descriptions filled from fields, a source
//! error). Rounds of 200,000 `into_response()` calls each, the two sides alternating which
//! goes first (the first side of a round measured slower on this machine), the fastest round
//! of each side compared.
//!
//! The same derived error is also answered in English, inside `in_locale("en", ...)` as the
//! envelope layer does for a request that asks for it: its body is another static array.
//!
//! ```sh
//! cargo run --release -p hero-codes-bench --bin standalone_answer [-- ROUNDS]
//! # instruction counts, which do not move with the machine's load:
//! valgrind --tool=callgrind target/release/standalone_answer hand     # or derived, english
//! ```

use std::hint::black_box;
use std::time::Instant;

use axum::body::{Body, Bytes};
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use http::header::{CONTENT_TYPE, HeaderValue};

#[derive(Debug, hero_codes::ApiError)]
enum AppError {
    #[api(code = "10400")]
    NotFound,
    #[api(
        code = "10400",
        desc = "应用{id}不存在",
        en = "App {id} does not exist"
    )]
    AppNotFound { id: u64 },
    #[api(
        code = "10001",
        desc = "名字{name}已存在",
        en = "Name {name} already exists"
    )]
    NameTaken { name: String },
    #[api(code = "10500")]
    Db(std::io::Error),
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AppError::NotFound => f.write_str("not found"),
            AppError::AppNotFound { id } => write!(f, "app {id} not found"),
            AppError::NameTaken { name } => write!(f, "name {name} taken"),
            AppError::Db(error) => write!(f, "database: {error}"),
        }
    }
}

impl std::error::Error for AppError {}

const BODY: &[u8] =
    r#"{"result":false,"result_code":"10400","result_desc":"所请求的资源不存在"}"#.as_bytes();
const CALLS: u32 = 200_000;

#[inline(never)]
fn hand_built() -> Response {
    let mut response = Response::new(Body::from(Bytes::from_static(BODY)));
    *response.status_mut() = StatusCode::NOT_FOUND;
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    response
}

#[inline(never)]
fn derived() -> Response {
    black_box(AppError::NotFound).into_response()
}

/// Nanoseconds per call over one round.
fn round(answer: fn() -> Response) -> f64 {
    let start = Instant::now();
    for _ in 0..CALLS {
        black_box(answer());
    }
    start.elapsed().as_nanos() as f64 / f64::from(CALLS)
}

/// The fastest round so far of one side, and how to measure a round of it.
type Side<'a> = (&'a mut f64, fn() -> f64);

/// A round of answers in English, as the envelope layer sets it for a request that asks
/// for it: the locale is set once, around the answers.
fn english_round(answer: fn() -> Response) -> f64 {
    hero_codes::in_locale("en", || round(answer))
}

fn main() {
    let argument = std::env::args().nth(1);
    let only = match argument.as_deref() {
        Some("hand") => Some(round(hand_built)),
        Some("derived") => Some(round(derived)),
        Some("english") => Some(english_round(derived)),
        _ => None,
    };
    if only.is_some() {
        // One side alone, for an instruction count.
        return;
    }
    let rounds: u32 = argument.and_then(|n| n.parse().ok()).unwrap_or(9);
    let (mut hand, mut ours, mut english) = (f64::MAX, f64::MAX, f64::MAX);
    for index in 0..rounds {
        // Each side goes first in turn: the first of a round measured slower here.
        let mut sides: [Side<'_>; 3] = [
            (&mut hand, || round(hand_built)),
            (&mut ours, || round(derived)),
            (&mut english, || english_round(derived)),
        ];
        sides.rotate_left(index as usize % 3);
        for (best, measure) in sides {
            *best = best.min(measure());
        }
    }
    // The other variants exist, as in a real service; keep them built.
    black_box([
        AppError::AppNotFound { id: 7 },
        AppError::NameTaken { name: "x".into() },
        AppError::Db(std::io::Error::other("x")),
    ]);
    println!(
        "derived error {ours:.1} ns, hand-built static response {hand:.1} ns, ratio {:.3}\n\
         derived error in English {english:.1} ns, ratio {:.3} to hand-built, {:.3} to the default locale\n\
         (fastest of {rounds} rounds of {CALLS} calls each)",
        ours / hand,
        english / hand,
        english / ours
    );
}
