//! Property tests of `#[derive(ApiError)]` on generated input: whatever tokens a user
//! writes in `#[api(...)]` and around it, the derive answers with code or with
//! `compile_error!`, never a panic ("proc macro panicked").
//!
//! `cargo test -p hero-codes-derive` runs 256 cases; `PROPTEST_CASES=N` runs N.

use proptest::prelude::*;
use syn::DeriveInput;

/// Pieces of attribute arguments: the real keys, their values, and what users get wrong.
const PIECES: &[&str] = &[
    "code",
    "desc",
    "catalog",
    "file",
    "crate",
    "transparent",
    "=",
    "=",
    ",",
    ",",
    "(",
    ")",
    "\"10400\"",
    "\"10002\"",
    "\"1006\"",
    "\"0\"",
    "\"99999\"",
    "\"\"",
    "\"ResultCode\"",
    "\"HeroCode\"",
    "\"Nope\"",
    "\"codes.toml\"",
    "\"missing.toml\"",
    "\"{id}\"",
    "\"{0}\"",
    "\"{}\"",
    "\"{id\"",
    "\"应用{id}不存在\"",
    "\"::hero_codes\"",
    "\"hero_codes\"",
    "10400",
    "1.5",
    "true",
    "'c'",
    "b\"x\"",
    "::",
    "self",
    "_",
    "-",
    "#",
    "[api]",
];

fn attr_args() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => proptest::sample::select(PIECES).prop_map(str::to_owned),
        1 => any::<String>().prop_map(|text| format!("{text:?}")),
        1 => "[a-z_][a-z0-9_]{0,8}",
    ];
    proptest::collection::vec(piece, 0..8).prop_map(|pieces| pieces.join(" "))
}

/// An attribute on the type or a variant: mostly `#[api(...)]`, sometimes a bare `#[api]`,
/// `#[api = ...]` or none.
fn attr() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => attr_args().prop_map(|args| format!("#[api({args})]")),
        1 => Just("#[api]".to_owned()),
        1 => attr_args().prop_map(|args| format!("#[api = {args}]")),
        2 => Just(String::new()),
    ]
}

fn variant() -> impl Strategy<Value = String> {
    let fields = prop_oneof![
        Just(""),
        Just("{ id: u64 }"),
        Just("(u64)"),
        Just("(#[from] std::io::Error)"),
        Just("{ #[source] source: std::io::Error, id: u64 }"),
    ];
    (
        proptest::collection::vec(attr(), 0..3),
        "[A-Z][a-z]{0,6}",
        fields,
    )
        .prop_map(|(attrs, name, fields)| format!("{} {name} {fields}", attrs.join(" ")))
}

fn input() -> impl Strategy<Value = String> {
    let body = prop_oneof![
        4 => proptest::collection::vec(variant(), 0..5)
            .prop_map(|variants| format!("enum E {{ {} }}", variants.join(", "))),
        1 => Just("struct E { id: u64 }".to_owned()),
        1 => Just("struct E;".to_owned()),
        1 => Just("union E { a: u8 }".to_owned()),
        1 => Just("enum E<T> { A(T) }".to_owned()),
    ];
    (proptest::collection::vec(attr(), 0..3), body)
        .prop_map(|(attrs, body)| format!("{} {body}", attrs.join(" ")))
}

proptest! {
    #[test]
    fn derive_answers_every_generated_input_without_panicking(source in input()) {
        // Tokens that are not Rust never reach a derive: rustc rejects them first.
        let Ok(input) = syn::parse_str::<DeriveInput>(&source) else {
            return Ok(());
        };
        let output = super::derive(&input);
        // An answer is either an implementation or errors the compiler shows at a span.
        prop_assert!(!output.is_empty(), "no output for {source}");
    }
}

/// The property above says something only if generated inputs reach the derive and lead
/// to both of its answers: implementations and errors.
#[test]
fn generated_inputs_reach_both_answers() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = input();
    let (mut implemented, mut rejected) = (0, 0);
    for _ in 0..500 {
        let source = strategy.new_tree(&mut runner).expect("an input").current();
        if let Ok(input) = syn::parse_str::<DeriveInput>(&source) {
            if super::derive(&input).to_string().contains("compile_error") {
                rejected += 1;
            } else {
                implemented += 1;
            }
        }
    }
    assert!(
        implemented >= 5 && rejected >= 50,
        "{implemented} implemented, {rejected} rejected of 500"
    );
}
