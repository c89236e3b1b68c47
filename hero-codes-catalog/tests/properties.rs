//! Property tests of the loader and its checks under generated input: arbitrary bytes,
//! arbitrary well-formed TOML, and generated catalogs.
//!
//! `cargo test` runs 256 cases of each property; `PROPTEST_CASES=N` runs N (RELIABILITY.md
//! has the long run).
//!
//! The model crate renders Markdown, not TOML, so "accepted files render and reload to the
//! same model" is written against the model's values: an accepted generated catalog,
//! written again from the parsed model's values, parses to a model with the same values.

use hero_codes_catalog::{CatalogFile, CodeType, Error, Position};
use proptest::prelude::*;
use toml::{Table, Value};

/// Every problem of a rejection has a position, and it lies inside `text`.
fn assert_positions_inside(text: &str, error: &Error) -> Result<(), TestCaseError> {
    let lines: Vec<&str> = text.split('\n').collect();
    for problem in error.problems() {
        let Some(Position { line, column }) = problem.position else {
            return Err(TestCaseError::fail(format!(
                "no position: {}",
                problem.message
            )));
        };
        prop_assert!(line >= 1 && line <= lines.len(), "line {line} of {text:?}");
        let chars = lines[line - 1].chars().count();
        // One past the last character: where a missing value or the end of the file is.
        prop_assert!(
            column >= 1 && column <= chars + 1,
            "column {column} of line {line} ({chars} characters) in {text:?}"
        );
    }
    Ok(())
}

fn check(text: &str) -> Result<Option<CatalogFile>, TestCaseError> {
    match CatalogFile::parse(text, "generated.toml") {
        Ok(file) => Ok(Some(file)),
        Err(error) => {
            prop_assert!(!error.problems().is_empty(), "a rejection without problems");
            assert_positions_inside(text, &error)?;
            Ok(None)
        }
    }
}

/// Keys the loader knows, so generated tables reach past the first unknown-key check.
const KNOWN_KEYS: &[&str] = &[
    "envelope",
    "http",
    "catalogs",
    "result",
    "code",
    "desc",
    "data",
    "code_type",
    "code_max_chars",
    "desc_max_chars",
    "statuses",
    "status",
    "reason",
    "meaning",
    "doc",
    "success",
    "ranges",
    "low",
    "high",
    "codes",
    "name",
    "failures",
    "internal",
    "not_found",
    "bad_request",
    "HeroCode",
];

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(KNOWN_KEYS).prop_map(str::to_owned),
        1 => any::<String>(),
    ]
}

fn toml_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        any::<String>().prop_map(Value::String),
        "[0-9]{1,6}".prop_map(Value::String),
        any::<i64>().prop_map(Value::Integer),
        (0i64..1000).prop_map(Value::Integer),
        any::<bool>().prop_map(Value::Boolean),
        any::<f64>()
            .prop_filter("TOML floats are finite", |f| f.is_finite())
            .prop_map(Value::Float),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(key(), inner, 0..6)
                .prop_map(|map| Value::Table(map.into_iter().collect())),
        ]
    })
}

/// A generated catalog, the values the model should hold after parsing it.
#[derive(Clone, Debug, PartialEq)]
struct Spec {
    code_field: String,
    desc_field: String,
    numeric: bool,
    catalogs: Vec<(String, Vec<Code>)>,
}

#[derive(Clone, Debug, PartialEq)]
struct Code {
    code: String,
    name: String,
    status: u16,
    desc: String,
}

fn spec() -> impl Strategy<Value = Spec> {
    // Unique codes and names, and one success code, so that most generated files are
    // accepted and the round trip is exercised; descriptions of any Unicode and any length
    // around the 128-character limit reach the checks that reject.
    let failure = (
        proptest::sample::select(&[201u16, 400, 401, 403, 404, 413, 500][..]),
        prop_oneof![3 => "\\PC{1,130}", 1 => any::<String>()],
    );
    let catalog = (
        "[A-Z][A-Za-z]{0,8}",
        "\\PC{1,40}",
        proptest::collection::btree_map("[1-9][0-9]{0,5}", failure, 0..7),
    )
        .prop_map(|(prefix, ok_desc, failures)| {
            let ok = Code {
                code: "0".to_owned(),
                name: format!("{prefix}Ok"),
                status: 200,
                desc: ok_desc,
            };
            let failures =
                failures
                    .into_iter()
                    .enumerate()
                    .map(|(index, (code, (status, desc)))| Code {
                        code,
                        name: format!("{prefix}{index}"),
                        status,
                        desc,
                    });
            std::iter::once(ok).chain(failures).collect::<Vec<_>>()
        });
    (
        prop_oneof!["result_code", "[a-z_]{1,12}", any::<String>()],
        prop_oneof!["result_desc", "[a-z_]{1,12}"],
        any::<bool>(),
        proptest::collection::btree_map("[A-Z][A-Za-z]{0,10}", catalog, 1..3),
    )
        .prop_map(|(code_field, desc_field, numeric, catalogs)| Spec {
            code_field,
            desc_field,
            numeric,
            catalogs: catalogs.into_iter().collect(),
        })
}

/// `spec` as a catalog file, every string escaped by the `toml` crate.
fn render(spec: &Spec) -> String {
    let mut envelope = Table::new();
    envelope.insert("code".into(), spec.code_field.clone().into());
    envelope.insert("desc".into(), spec.desc_field.clone().into());
    let code_type = if spec.numeric { "number" } else { "string" };
    envelope.insert("code_type".into(), code_type.into());
    let mut catalogs = Table::new();
    for (name, codes) in &spec.catalogs {
        let rows = codes
            .iter()
            .map(|code| {
                let mut row = Table::new();
                row.insert("code".into(), code.code.clone().into());
                row.insert("name".into(), code.name.clone().into());
                row.insert("status".into(), i64::from(code.status).into());
                row.insert("desc".into(), code.desc.clone().into());
                Value::Table(row)
            })
            .collect();
        let mut catalog = Table::new();
        catalog.insert("codes".into(), Value::Array(rows));
        catalogs.insert(name.clone(), Value::Table(catalog));
    }
    let mut file = Table::new();
    file.insert("envelope".into(), Value::Table(envelope));
    file.insert("catalogs".into(), Value::Table(catalogs));
    toml::to_string(&file).expect("a table renders")
}

/// The values of a parsed model, in the generator's terms.
fn values(file: &CatalogFile) -> Spec {
    Spec {
        code_field: file.envelope.code.value.clone(),
        desc_field: file.envelope.desc.value.clone(),
        numeric: file.envelope.code_type.value == CodeType::Number,
        catalogs: file
            .catalogs
            .iter()
            .map(|catalog| {
                let codes = catalog
                    .codes
                    .iter()
                    .map(|entry| Code {
                        code: entry.code.value.clone(),
                        name: entry.name.value.clone(),
                        status: entry.status.value,
                        desc: entry.desc.value.clone(),
                    })
                    .collect();
                (catalog.name.value.clone(), codes)
            })
            .collect(),
    }
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic_and_rejections_have_positions(bytes in any::<Vec<u8>>()) {
        check(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn arbitrary_text_never_panics_and_rejections_have_positions(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn arbitrary_toml_never_panics_and_rejections_have_positions(
        table in proptest::collection::btree_map(key(), toml_value(), 0..5)
    ) {
        let table: Table = table.into_iter().collect();
        let text = toml::to_string(&table).expect("a table renders");
        check(&text)?;
    }

    #[test]
    fn generated_catalogs_keep_their_values_and_reload_to_the_same_model(spec in spec()) {
        let text = render(&spec);
        if let Some(file) = check(&text)? {
            // What the file wrote is what the model holds...
            prop_assert_eq!(&values(&file), &spec);
            // ...and the model's values, written again, load to the same model.
            let again = render(&values(&file));
            let reloaded = CatalogFile::parse(&again, "again.toml");
            prop_assert!(reloaded.is_ok(), "rewritten model rejected: {:?}", reloaded.err());
            prop_assert_eq!(values(&reloaded.unwrap()), values(&file));
        }
    }

    /// Prefixes of the built-in file reach the checks past the TOML syntax.
    #[test]
    fn truncated_builtin_never_panics(cut in 0usize..hero_codes_catalog::BUILTIN_SOURCE.len()) {
        let source = hero_codes_catalog::BUILTIN_SOURCE;
        let mut cut = cut;
        while !source.is_char_boundary(cut) {
            cut -= 1;
        }
        check(&source[..cut])?;
    }
}

/// The round-trip property above says something only if the generator writes files the
/// loader accepts: at least one in ten of them.
#[test]
fn generated_catalogs_are_often_accepted() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = spec();
    let accepted = (0..200)
        .filter(|_| {
            let spec = strategy.new_tree(&mut runner).expect("a spec").current();
            CatalogFile::parse(&render(&spec), "generated.toml").is_ok()
        })
        .count();
    assert!(
        accepted >= 20,
        "only {accepted} of 200 generated catalogs accepted"
    );
}
