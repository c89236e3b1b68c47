//! Checks the generated catalogs against the two source documents.
//!
//! Every table in this file was transcribed by hand, independently, straight
//! from the source documents in `shared/seeds/`:
//!
//! * `000_4cc5848593300e89.txt` — the "Hero API" document: the HTTP status
//!   table (状态码 / 含义 / 说明) and the error code lists (错误码 / 含义).
//! * `002_dad17166aa3a8def.txt` — the response spec: the response body fields
//!   (result, result_code, result_desc, data), `RESPONSE_STATUS` and
//!   `RESULT_CODE_DICT` (result codes grouped by HTTP status).
//!
//! The tables were deliberately *not* copied from `codes.toml`, so a
//! transcription slip there (a wrong code, status, description, a lost
//! full-width punctuation mark, a reordered or duplicated entry) makes these
//! tests fail instead of being silently reproduced.
//!
//! The Hero document gives no HTTP status for its error codes; the statuses in
//! `HERO_CODES` are the ones the project decided on. Code `2000` is listed
//! twice in the Hero document (under `100x` and `200x`) but is one code.

use std::collections::HashSet;

use hero_codes::{ENVELOPE, HTTP_STATUSES, HeroCode, ResultCode};

/// `(code, HTTP status, description)` for every Hero error code, in
/// document order. Descriptions are the document's 含义 column.
const HERO_CODES: &[(&str, u16, &str)] = &[
    // `100x` 通用类型
    ("0", 200, "OK, 成功"),
    ("1000", 400, "输入参数错误"),
    ("1001", 404, "资源不存在"),
    ("1002", 401, "非法的Token"),
    ("1003", 401, "Token已过期"),
    ("1004", 403, "没有访问权限"),
    ("1005", 401, "账号密码错误"),
    ("1006", 400, "输入的JSON数据格式不正确"),
    ("1007", 500, "服务器内部错误"),
    // `200x` 用户类型 (also listed at the end of `100x`; one code)
    ("2000", 404, "用户不存在"),
    // `300x` 新闻主题类型
    ("3000", 404, "新闻不存在"),
    // `400x` 文件类型
    ("4001", 500, "文件上传失败"),
    ("4002", 400, "不支持的文件扩展名"),
    ("4003", 413, "上传文件的体积超过限制"),
];

/// `(code, HTTP status, description)` for every entry of the response spec's
/// `RESULT_CODE_DICT`, in document order. The status is the group the code is
/// listed under.
const RESULT_CODES: &[(&str, u16, &str)] = &[
    ("0", 200, "成功"),
    ("10000", 400, "请求参数无效"),
    ("10001", 400, "资源存在，无需重复创建"),
    ("10002", 400, "参数缺失"),
    ("10100", 401, "用户需要登录：Token无效或缺失"),
    ("10101", 401, "用户冻结"),
    ("10102", 401, "Token无效"),
    ("10103", 401, "Token缺失"),
    ("10104", 401, "Authentication Key无效"),
    ("10105", 401, "Token过期"),
    ("10300", 403, "没有权限访问"),
    ("10301", 403, "权限密钥无效"),
    ("10400", 404, "所请求的资源不存在"),
    ("10500", 500, "系统错误"),
];

/// The response spec's `RESPONSE_STATUS` list.
const RESPONSE_STATUS: &[u16] = &[200, 400, 401, 403, 404, 500];

/// `(status, 含义, 说明)` rows of the Hero document's HTTP status table, in
/// document order.
const HTTP_TABLE: &[(u16, &str, &str)] = &[
    (200, "OK", "请求成功"),
    (201, "CREATED", "创建成功"),
    (202, "ACCEPTED", "更新成功"),
    (301, "Moved Permanently", "永久重定向"),
    (400, "BAD REQUEST", "请求包含不支持的参数"),
    (401, "UNAUTHORIZED", "未授权"),
    (403, "FORBIDDEN", "被禁止访问"),
    (404, "NOT FOUND", "请求的资源不存在"),
    (413, "required Length too Large", "上传的File体积太大"),
    (500, "INTERNAL SERVER ERROR", "内部错误"),
];

/// Strings that are not codes of either catalog.
const NOT_CODES: &[&str] = &[
    "", " ", "10401", "10106", "10003", "10501", "1008", "2001", "4000", "4004", "2000 ", " 2000",
    "0 ", " 0", "abc",
];

/// The block of result codes that belongs to an HTTP status.
fn result_block(status: u16) -> Option<std::ops::RangeInclusive<u32>> {
    match status {
        400 => Some(10000..=10099),
        401 => Some(10100..=10199),
        403 => Some(10300..=10399),
        404 => Some(10400..=10499),
        500 => Some(10500..=10599),
        _ => None,
    }
}

/// Generates the checks shared by both catalogs. `HeroCode` and
/// `ResultCode` have the same API but no common trait, so a macro keeps the
/// two sets of tests identical.
macro_rules! catalog_tests {
    ($module:ident, $ty:ident, $expected:ident, $foreign:ident) => {
        mod $module {
            use super::*;

            #[test]
            fn all_matches_the_document_exactly() {
                let actual: Vec<(&str, u16, &str)> = $ty::ALL
                    .iter()
                    .map(|c| (c.code(), c.status().as_u16(), c.desc()))
                    .collect();
                let actual_codes: Vec<&str> = actual.iter().map(|e| e.0).collect();
                let expected_codes: Vec<&str> = $expected.iter().map(|e| e.0).collect();
                assert_eq!(
                    actual_codes,
                    expected_codes,
                    "{}::ALL has the wrong codes or the wrong order",
                    stringify!($ty),
                );
                for (index, (got, want)) in actual.iter().zip($expected.iter()).enumerate() {
                    let (code, status, desc) = *want;
                    assert_eq!(
                        got.0,
                        code,
                        "{}::ALL[{index}]: expected code {code:?}",
                        stringify!($ty),
                    );
                    assert_eq!(
                        got.1,
                        status,
                        "{} code {code:?}: wrong HTTP status",
                        stringify!($ty),
                    );
                    assert_eq!(
                        got.2,
                        desc,
                        "{} code {code:?}: description differs from the document",
                        stringify!($ty),
                    );
                }
                assert_eq!(
                    $ty::ALL.len(),
                    $expected.len(),
                    "{}::ALL has {} entries, the document has {}",
                    stringify!($ty),
                    $ty::ALL.len(),
                    $expected.len(),
                );
            }

            #[test]
            fn codes_are_unique() {
                let mut seen = HashSet::new();
                for c in $ty::ALL {
                    assert!(
                        seen.insert(c.code()),
                        "{} code {:?} appears more than once in ALL",
                        stringify!($ty),
                        c.code(),
                    );
                }
                let variants: Vec<$ty> = $ty::ALL.to_vec();
                for (i, a) in variants.iter().enumerate() {
                    for b in &variants[i + 1..] {
                        assert_ne!(
                            a,
                            b,
                            "{} variant for code {:?} appears twice in ALL",
                            stringify!($ty),
                            a.code(),
                        );
                    }
                }
            }

            #[test]
            fn from_code_finds_every_documented_code() {
                for &(code, status, desc) in $expected {
                    let found = $ty::from_code(code).unwrap_or_else(|| {
                        panic!("{}::from_code({code:?}) returned None", stringify!($ty))
                    });
                    assert_eq!(
                        found.code(),
                        code,
                        "{}::from_code({code:?}) returned the variant for another code",
                        stringify!($ty),
                    );
                    assert_eq!(
                        found.status().as_u16(),
                        status,
                        "{} code {code:?}: wrong HTTP status via from_code",
                        stringify!($ty),
                    );
                    assert_eq!(
                        found.desc(),
                        desc,
                        "{} code {code:?}: wrong description via from_code",
                        stringify!($ty),
                    );
                }
                for c in $ty::ALL {
                    assert_eq!(
                        $ty::from_code(c.code()),
                        Some(*c),
                        "{}::from_code({:?}) does not return the variant with that code",
                        stringify!($ty),
                        c.code(),
                    );
                }
            }

            #[test]
            fn from_code_rejects_unknown_codes() {
                for &code in NOT_CODES {
                    assert_eq!(
                        $ty::from_code(code),
                        None,
                        "{}::from_code({code:?}) should be None",
                        stringify!($ty),
                    );
                }
                // Codes of the other catalog (apart from the shared "0").
                for &(code, _, _) in $foreign {
                    if code == "0" {
                        continue;
                    }
                    assert_eq!(
                        $ty::from_code(code),
                        None,
                        "{}::from_code({code:?}) should be None: that code is not in this catalog",
                        stringify!($ty),
                    );
                }
            }

            #[test]
            fn display_shows_code_and_desc_and_from_str_reads_the_code() {
                for c in $ty::ALL {
                    let code = c.code();
                    // As `http::StatusCode` prints "404 Not Found" and parses "404".
                    assert_eq!(
                        c.to_string(),
                        format!("{code} {}", c.desc()),
                        "{} code {code:?}: Display should print the code and its description",
                        stringify!($ty),
                    );
                    let parsed: $ty = code.parse().unwrap_or_else(|e| {
                        panic!("{} code {code:?}: FromStr failed: {e}", stringify!($ty))
                    });
                    assert_eq!(
                        parsed,
                        *c,
                        "{} code {code:?}: FromStr does not give back the same variant",
                        stringify!($ty),
                    );
                }
            }

            #[test]
            fn from_str_error_names_the_unknown_code() {
                for code in ["10401", "2000 ", "1008"] {
                    match code.parse::<$ty>() {
                        Ok(c) => panic!(
                            "{}: parsing {code:?} should fail, got code {:?}",
                            stringify!($ty),
                            c.code(),
                        ),
                        Err(e) => {
                            let message = e.to_string();
                            assert!(
                                message.contains(code),
                                "{}: the error for unknown code {code:?} should name it, got {message:?}",
                                stringify!($ty),
                            );
                        }
                    }
                }
                assert!(
                    "".parse::<$ty>().is_err(),
                    "{}: parsing the empty string should fail",
                    stringify!($ty),
                );
            }

            #[test]
            fn serde_uses_the_code_string() {
                for c in $ty::ALL {
                    let code = c.code();
                    let value = serde_json::to_value(c).unwrap_or_else(|e| {
                        panic!("{} code {code:?}: serialization failed: {e}", stringify!($ty))
                    });
                    assert_eq!(
                        value,
                        serde_json::Value::String(code.to_owned()),
                        "{} code {code:?}: should serialize as the JSON string of its code",
                        stringify!($ty),
                    );
                    let json = serde_json::to_string(c).unwrap();
                    assert_eq!(
                        json,
                        format!("\"{code}\""),
                        "{} code {code:?}: wrong JSON text",
                        stringify!($ty),
                    );
                    let back: $ty = serde_json::from_str(&json).unwrap_or_else(|e| {
                        panic!("{} code {code:?}: deserializing {json} failed: {e}", stringify!($ty))
                    });
                    assert_eq!(
                        back,
                        *c,
                        "{} code {code:?}: JSON round trip gives another variant",
                        stringify!($ty),
                    );
                }
            }

            #[test]
            fn serde_rejects_unknown_codes() {
                for code in ["10401", "", "2000 ", "1008"] {
                    let json = serde_json::Value::String(code.to_owned()).to_string();
                    assert!(
                        serde_json::from_str::<$ty>(&json).is_err(),
                        "{}: deserializing unknown code {json} should fail",
                        stringify!($ty),
                    );
                }
            }

            #[test]
            fn codes_and_descriptions_fit_the_envelope() {
                for c in $ty::ALL {
                    let code = c.code();
                    let code_len = code.chars().count();
                    assert!(
                        (1..=ENVELOPE.code_max_chars).contains(&code_len),
                        "{} code {code:?}: length {code_len} is outside String(1-{})",
                        stringify!($ty),
                        ENVELOPE.code_max_chars,
                    );
                    assert!(
                        code.bytes().all(|b| b.is_ascii_digit()),
                        "{} code {code:?}: should be decimal digits only",
                        stringify!($ty),
                    );
                    let desc_len = c.desc().chars().count();
                    assert!(
                        (1..=ENVELOPE.desc_max_chars).contains(&desc_len),
                        "{} code {code:?}: description length {desc_len} is outside String(1-{})",
                        stringify!($ty),
                        ENVELOPE.desc_max_chars,
                    );
                }
            }

            #[test]
            fn every_status_is_in_the_http_table() {
                for c in $ty::ALL {
                    let status = c.status().as_u16();
                    assert!(
                        HTTP_STATUSES.get(status).is_some(),
                        "{} code {:?}: status {status} is not in the Hero HTTP status table",
                        stringify!($ty),
                        c.code(),
                    );
                }
            }
        }
    };
}

catalog_tests!(hero_code, HeroCode, HERO_CODES, RESULT_CODES);
catalog_tests!(result_code, ResultCode, RESULT_CODES, HERO_CODES);

#[test]
fn hero_code_2000_is_one_code() {
    let count = HeroCode::ALL.iter().filter(|c| c.code() == "2000").count();
    assert_eq!(
        count, 1,
        "Hero code \"2000\" is listed twice in the document but must be one variant"
    );
}

#[test]
fn result_codes_lie_in_their_status_block() {
    for c in ResultCode::ALL {
        let code = c.code();
        let status = c.status().as_u16();
        if code == "0" {
            assert_eq!(status, 200, "result code \"0\" should have status 200");
            continue;
        }
        let number: u32 = code
            .parse()
            .unwrap_or_else(|e| panic!("result code {code:?} is not a number: {e}"));
        let block = result_block(status).unwrap_or_else(|| {
            panic!("result code {code:?} has status {status}, which has no result code block")
        });
        assert!(
            block.contains(&number),
            "result code {code:?} (status {status}) lies outside its block {}-{}",
            block.start(),
            block.end(),
        );
    }
}

#[test]
fn result_code_statuses_are_in_response_status() {
    for c in ResultCode::ALL {
        let status = c.status().as_u16();
        assert!(
            RESPONSE_STATUS.contains(&status),
            "result code {:?}: status {status} is not in RESPONSE_STATUS {RESPONSE_STATUS:?}",
            c.code(),
        );
    }
}

#[test]
fn http_status_table_matches_the_document() {
    let rows = HTTP_STATUSES.rows();
    let actual: Vec<u16> = rows.iter().map(|r| r.status).collect();
    let expected: Vec<u16> = HTTP_TABLE.iter().map(|r| r.0).collect();
    assert_eq!(
        actual, expected,
        "HTTP status table has the wrong statuses or order"
    );
    assert_eq!(rows.len(), 10, "the Hero HTTP status table has 10 rows");
    for (row, &(status, reason, meaning)) in rows.iter().zip(HTTP_TABLE) {
        assert_eq!(
            row.status, status,
            "HTTP status row order differs at {status}"
        );
        assert_eq!(
            row.reason, reason,
            "HTTP status {status}: 含义 (reason) differs from the document"
        );
        assert_eq!(
            row.meaning, meaning,
            "HTTP status {status}: 说明 (meaning) differs from the document"
        );
    }
}

#[test]
fn http_status_lookup() {
    for &(status, reason, meaning) in HTTP_TABLE {
        let row = HTTP_STATUSES
            .get(status)
            .unwrap_or_else(|| panic!("HTTP_STATUSES.get({status}) returned None"));
        assert_eq!(
            row.status, status,
            "HTTP_STATUSES.get({status}) returned another row"
        );
        assert_eq!(
            row.reason, reason,
            "HTTP_STATUSES.get({status}): wrong reason"
        );
        assert_eq!(
            row.meaning, meaning,
            "HTTP_STATUSES.get({status}): wrong meaning"
        );
    }

    let row = HTTP_STATUSES
        .get(413)
        .expect("HTTP_STATUSES.get(413) returned None");
    assert_eq!(
        row.status, 413,
        "HTTP_STATUSES.get(413) returned another row"
    );
    assert_eq!(
        row.reason, "required Length too Large",
        "HTTP status 413: reason must be exactly as the document writes it"
    );
    assert_eq!(
        row.meaning, "上传的File体积太大",
        "HTTP status 413: wrong meaning"
    );

    for status in [0, 100, 204, 302, 402, 405, 418, 502, 503] {
        assert!(
            HTTP_STATUSES.get(status).is_none(),
            "HTTP_STATUSES.get({status}) should be None: {status} is not in the document's table",
        );
    }
}

#[test]
fn envelope_matches_the_response_spec() {
    assert_eq!(
        ENVELOPE.result,
        Some("result"),
        "envelope result field name"
    );
    assert_eq!(ENVELOPE.code, "result_code", "envelope code field name");
    assert_eq!(
        ENVELOPE.desc, "result_desc",
        "envelope description field name"
    );
    assert_eq!(ENVELOPE.data, "data", "envelope data field name");
    assert_eq!(ENVELOPE.code_max_chars, 32, "result_code is String(1-32)");
    assert_eq!(ENVELOPE.desc_max_chars, 128, "result_desc is String(1-128)");
}
