//! Property tests of the generated enums and of `ApiResponse` under generated input.
//!
//! `cargo test` runs 256 cases of each property; `PROPTEST_CASES=N` runs N (RELIABILITY.md
//! has the long run).

use hero_codes::{ApiResponse, CatalogCode, Code, HeroCode, ResultCode};
use proptest::prelude::*;
use serde_json::Value;

/// code -> variant -> code, and the serde round trip, for every code of `C`.
fn round_trips<C: CatalogCode + serde::Serialize + serde::de::DeserializeOwned>() {
    for &variant in C::ALL {
        assert_eq!(C::from_code(variant.code()), Some(variant));
        let json = serde_json::to_string(&variant).expect("serializes");
        assert_eq!(
            serde_json::from_str::<C>(&json).expect("deserializes"),
            variant
        );
    }
    // A success envelope reads back to the catalog's success code.
    let body = serde_json::to_string(&ApiResponse::<(), C>::ok(())).expect("serializes");
    let reply: ApiResponse<(), C> = serde_json::from_str(&body).expect("deserializes");
    assert_eq!(reply.code(), &Code::Known(C::SUCCESS));
}

#[test]
fn every_builtin_code_round_trips() {
    round_trips::<HeroCode>();
    round_trips::<ResultCode>();
}

/// Strings a client or a peer might send as a code: long, non-ASCII, with NUL, near codes.
fn code_like() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9]{0,40}",
        "\\PC{0,2000}",
        "[0-9\u{0}\u{feff}\u{ff10}-\u{ff19} ]{0,8}",
        proptest::sample::select(HeroCode::ALL).prop_map(|code| format!("{} ", code.code())),
    ]
}

/// JSON of any shape, with the envelope's own field names among the keys so that the
/// generated objects reach the field checks.
fn json() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        proptest::sample::select(&["result", "result_code", "result_desc", "data"][..])
            .prop_map(str::to_owned),
        any::<String>(),
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        code_like().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            proptest::collection::btree_map(key.clone(), inner, 0..8)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// The input that found serde_json's default float parser one ulp off: the round trip of
/// `api_response_from_arbitrary_json_never_panics` holds only with `float_roundtrip`.
#[test]
fn a_float_in_data_reads_back_exactly() {
    let text =
        r#"{"data":-5.210083980220022e-286,"result":false,"result_code":0,"result_desc":""}"#;
    let reply: ApiResponse<Value, ResultCode> = serde_json::from_str(text).expect("deserializes");
    let again = serde_json::to_string(&reply).expect("serializes");
    let reread: ApiResponse<Value, ResultCode> =
        serde_json::from_str(&again).expect("its own body deserializes");
    assert_eq!(reread, reply);
}

proptest! {
    #[test]
    fn from_code_never_panics_and_finds_only_codes(text in code_like()) {
        let found = HeroCode::from_code(&text);
        prop_assert_eq!(found.map(|code| code.code()), HeroCode::ALL.iter().map(|code| code.code()).find(|code| *code == text));
        let found = ResultCode::from_code(&text);
        prop_assert_eq!(found.map(|code| code.code()), ResultCode::ALL.iter().map(|code| code.code()).find(|code| *code == text));
        let _ = text.parse::<HeroCode>();
    }

    #[test]
    fn api_response_from_arbitrary_json_never_panics(value in json()) {
        let text = value.to_string();
        // Any answer is fine, an error included; a panic fails the test. What deserializes
        // serializes back and reads to an equal reply.
        if let Ok(reply) = serde_json::from_str::<ApiResponse<Value, ResultCode>>(&text) {
            let again = serde_json::to_string(&reply).expect("serializes");
            let reread: ApiResponse<Value, ResultCode> =
                serde_json::from_str(&again).expect("its own body deserializes");
            prop_assert_eq!(reread, reply);
        }
        let _ = serde_json::from_str::<ApiResponse<Vec<u8>, HeroCode>>(&text);
    }

    #[test]
    fn api_response_from_arbitrary_bytes_never_panics(bytes in any::<Vec<u8>>()) {
        let _ = serde_json::from_slice::<ApiResponse<Value, HeroCode>>(&bytes);
    }

    #[test]
    fn envelopes_of_every_code_deserialize(
        code in proptest::sample::select(ResultCode::ALL),
        data in json(),
    ) {
        let body = if code == ResultCode::SUCCESS {
            serde_json::json!({"result": true, "result_code": code.code(), "result_desc": code.desc(), "data": data})
        } else {
            serde_json::json!({"result": false, "result_code": code.code(), "result_desc": code.desc()})
        };
        let reply: ApiResponse<Value, ResultCode> =
            serde_json::from_value(body).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(reply.code(), &Code::Known(code));
        prop_assert_eq!(reply.desc(), code.desc());
    }
}
