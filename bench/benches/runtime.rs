//! Run-time benchmarks, each against a baseline measured in the same run.
//!
//! criterion measures every operation on its own and prints its statistics; then each
//! comparison is timed again *interleaved* (baseline and ours in alternating rounds) so that
//! the ratio does not move with the machine's drift between two measurements, and the ratios
//! are printed in one table. `cargo bench -p hero-codes-bench` (see BENCHMARKS.md).

use std::hint::black_box;

use axum::body::Body;
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use criterion::Criterion;
use hero_codes::ResultCode;
use hero_codes_bench::small_text::SmallTextCode;
use hero_codes_bench::{AppError, match_200, numeric::NumericCode, rounds, text::TextCode};
use http::StatusCode;
use http::header::{CONTENT_TYPE, HeaderValue};

const BODY: &[u8] =
    r#"{"result":false,"result_code":"10400","result_desc":"所请求的资源不存在"}"#.as_bytes();

/// The best hand-written answer: static bytes, the status and the content type.
fn hand_built_static() -> Response {
    let mut response = Response::new(Body::from(Bytes::from_static(BODY)));
    *response.status_mut() = StatusCode::NOT_FOUND;
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    response
}

fn derived_error() -> Response {
    black_box(AppError::NotFound).into_response()
}

fn catalog_enum() -> Response {
    black_box(ResultCode::NotFound).into_response()
}

fn derived_error_with_placeholder() -> Response {
    black_box(AppError::AppNotFound { id: 7 }).into_response()
}

fn json_macro() -> Response {
    let body = serde_json::json!({
        "result": false,
        "result_code": "10400",
        "result_desc": "所请求的资源不存在",
    });
    (StatusCode::NOT_FOUND, axum::Json(body)).into_response()
}

/// A lookup that cycles through `codes`, so every lookup benchmark pays the same loop.
struct Cycle {
    codes: Vec<&'static str>,
    next: usize,
}

impl Cycle {
    fn new(codes: impl IntoIterator<Item = &'static str>) -> Self {
        Cycle {
            codes: codes.into_iter().collect(),
            next: 0,
        }
    }

    fn run<T>(&mut self, lookup: impl Fn(&str) -> Option<T>) -> Option<T> {
        self.next = (self.next + 1) % self.codes.len();
        lookup(black_box(self.codes[self.next]))
    }
}

/// 14 codes spread over the 10,000, as many as the small catalog has.
fn spread<C: hero_codes::CatalogCode>() -> Cycle {
    Cycle::new(
        C::ALL
            .iter()
            .step_by(C::ALL.len() / 14)
            .take(14)
            .map(|code| code.code()),
    )
}

/// Every operation measured, by group and name.
struct Operations {
    small: Cycle,
    numeric: Cycle,
    text: Cycle,
    small_text: Cycle,
    matched: Cycle,
    parsed: Cycle,
}

impl Operations {
    fn new() -> Self {
        Operations {
            small: Cycle::new(ResultCode::ALL.iter().map(|code| code.code())),
            numeric: spread::<NumericCode>(),
            text: spread::<TextCode>(),
            small_text: Cycle::new(SmallTextCode::ALL.iter().map(|code| code.code())),
            matched: Cycle::new(
                NumericCode::ALL[1..201] // the 200 codes of `match_200`, after `OK`
                    .iter()
                    .step_by(15)
                    .map(|code| code.code()),
            ),
            parsed: Cycle::new(ResultCode::ALL.iter().map(|code| code.code())),
        }
    }

    /// Runs one operation. Dispatch is on an enum, a jump table that costs every
    /// operation the same (a `match` on names would cost more the further down a name is).
    fn run(&mut self, op: Op) {
        match op {
            Op::HandBuiltStatic => drop(black_box(hand_built_static())),
            Op::DerivedError => drop(black_box(derived_error())),
            Op::CatalogEnum => drop(black_box(catalog_enum())),
            Op::DerivedErrorWithPlaceholder => drop(black_box(derived_error_with_placeholder())),
            Op::JsonMacro => drop(black_box(json_macro())),
            Op::Codes14 => drop(black_box(self.small.run(ResultCode::from_code))),
            Op::NumericCodes10000 => drop(black_box(self.numeric.run(NumericCode::from_code))),
            Op::TextCodes14 => drop(black_box(self.small_text.run(SmallTextCode::from_code))),
            Op::TextCodes10000 => drop(black_box(self.text.run(TextCode::from_code))),
            Op::MatchOver200Codes => drop(black_box(self.matched.run(match_200))),
            Op::ParseToInteger => drop(black_box(self.parsed.run(|code| code.parse::<u32>().ok()))),
        }
    }
}

#[derive(Clone, Copy)]
enum Op {
    HandBuiltStatic,
    DerivedError,
    CatalogEnum,
    DerivedErrorWithPlaceholder,
    JsonMacro,
    Codes14,
    NumericCodes10000,
    TextCodes14,
    TextCodes10000,
    MatchOver200Codes,
    ParseToInteger,
}

/// Every operation, by criterion group and name.
const OPERATIONS: [(Op, &str, &str); 11] = [
    (Op::HandBuiltStatic, "into_response", "hand_built_static"),
    (Op::DerivedError, "into_response", "derived_error"),
    (Op::CatalogEnum, "into_response", "catalog_enum"),
    (
        Op::DerivedErrorWithPlaceholder,
        "into_response",
        "derived_error_with_placeholder",
    ),
    (Op::JsonMacro, "into_response", "json_macro"),
    (Op::Codes14, "from_code", "14_codes"),
    (Op::NumericCodes10000, "from_code", "10000_numeric_codes"),
    (Op::TextCodes14, "from_code", "14_text_codes"),
    (Op::TextCodes10000, "from_code", "10000_text_codes"),
    (Op::MatchOver200Codes, "from_code", "match_over_200_codes"),
    (Op::ParseToInteger, "from_code", "parse_to_integer"),
];

/// `(what, ours, baseline, target)`: the ratio printed is ours / baseline.
const COMPARISONS: [(&str, Op, Op, &str); 8] = [
    (
        "derived error vs hand-built static response",
        Op::DerivedError,
        Op::HandBuiltStatic,
        "<= 1.10",
    ),
    (
        "catalog enum vs hand-built static response",
        Op::CatalogEnum,
        Op::HandBuiltStatic,
        "<= 1.10",
    ),
    (
        "(StatusCode, Json(json!)) vs derived error",
        Op::JsonMacro,
        Op::DerivedError,
        ">= 2.00",
    ),
    (
        "placeholder desc vs hand-built static response",
        Op::DerivedErrorWithPlaceholder,
        Op::HandBuiltStatic,
        "(info)",
    ),
    (
        "from_code: 10,000 numeric codes vs 14",
        Op::NumericCodes10000,
        Op::Codes14,
        "<= 1.50",
    ),
    (
        "from_code: 10,000 text codes vs 14 text codes",
        Op::TextCodes10000,
        Op::TextCodes14,
        "<= 1.50",
    ),
    (
        "match over 200 codes vs from_code at 14",
        Op::MatchOver200Codes,
        Op::Codes14,
        "(info)",
    ),
    (
        "parse to integer vs from_code at 14",
        Op::ParseToInteger,
        Op::Codes14,
        "(info)",
    ),
];

/// Nanoseconds per operation for `ours` and `baseline`, measured in alternating rounds;
/// the median round of each.
fn interleaved(operations: &mut Operations, ours: Op, baseline: Op) -> (f64, f64) {
    rounds::interleaved(41, 100_000, ours, baseline, |op| operations.run(op))
}

fn main() {
    let mut operations = Operations::new();
    let mut criterion = Criterion::default().configure_from_args();
    for group_name in ["into_response", "from_code"] {
        let mut group = criterion.benchmark_group(group_name);
        for (op, _, name) in OPERATIONS
            .iter()
            .filter(|(_, group, _)| *group == group_name)
        {
            group.bench_function(*name, |b| b.iter(|| operations.run(*op)));
        }
        group.finish();
    }
    criterion.final_summary();

    println!(
        "\nratios, interleaved: the median of 41 alternating rounds of 100,000 operations each\n"
    );
    println!("| comparison | ours (ns) | baseline (ns) | ratio | target |");
    println!("|---|---:|---:|---:|---|");
    for (label, ours, baseline, target) in COMPARISONS {
        let (ours_ns, baseline_ns) = interleaved(&mut operations, ours, baseline);
        println!(
            "| {label} | {ours_ns:.1} | {baseline_ns:.1} | {:.2} | {target} |",
            ours_ns / baseline_ns
        );
    }
}
