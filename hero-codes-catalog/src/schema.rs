//! The JSON Schema of the file format, made from the key tables the reader checks keys
//! against (`keys.rs`), for editors: Taplo (Even Better TOML) validates and completes a
//! `codes.toml` with it as one types.

use serde_json::{Map, Value as Json, json};

use hero_codes_vocab::{CodeType, GrpcCode};

use crate::keys::{self, Key, Value};
use crate::reader::looks_like_locale;

/// The draft the schema is written in: draft-07, the newest one Taplo's validator reads.
const DRAFT: &str = "http://json-schema.org/draft-07/schema#";

/// The shape of a language tag, as [`looks_like_locale`] tells one: `en`, `zh-TW`.
const LOCALE_PATTERN: &str = "[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*";

/// The JSON Schema (draft-07) of a catalog file: every table, its keys, the type of each
/// value and what it means. It accepts every file `CatalogFile::parse` accepts; the rules
/// between values (a status allowed by `statuses`, a code in its range, a translation for
/// each locale) are left to the checks.
///
/// ```
/// let schema = hero_codes_catalog::json_schema();
/// let catalog = &schema["properties"]["catalogs"]["additionalProperties"];
/// let code = &catalog["properties"]["codes"]["items"];
/// assert_eq!(code["required"], serde_json::json!(["code", "name", "status", "desc"]));
/// assert_eq!(code["properties"]["status"]["maximum"], 999);
/// ```
pub fn json_schema() -> Json {
    let mut schema = table(keys::FILE, false);
    let root = schema.as_object_mut().expect("a table is an object");
    root.insert("$schema".to_owned(), json!(DRAFT));
    let one_of: Vec<Json> = keys::FILE_NEEDS_ONE_OF
        .iter()
        .map(|key| json!({ "required": [key] }))
        .collect();
    root.insert("anyOf".to_owned(), Json::Array(one_of));
    root.insert(
        "title".to_owned(),
        json!("hero-codes catalog file (codes.toml)"),
    );
    root.insert(
        "description".to_owned(),
        json!("An API's result codes: its envelope, its HTTP status table and its catalogs of codes, one a line. `hero-codes check` applies every rule."),
    );
    schema
}

/// The schema of a value of type `value`.
fn value(value: &Value) -> Json {
    match value {
        Value::String => json!({ "type": "string" }),
        Value::Text => json!({ "type": "string", "minLength": 1 }),
        Value::Limit => json!({ "type": "integer", "minimum": 1 }),
        Value::Status => json!({ "type": "integer", "minimum": 100, "maximum": 999 }),
        Value::CodeType => {
            json!({ "enum": CodeType::ALL.map(CodeType::key) })
        }
        Value::GrpcCode => {
            json!({ "enum": GrpcCode::ALL.iter().map(|code| code.name()).collect::<Vec<_>>() })
        }
        Value::FieldOrFalse => {
            json!({ "anyOf": [{ "type": "string" }, { "enum": [false] }] })
        }
        Value::Boolean => json!({ "type": "boolean" }),
        Value::PathOr(other) => json!({
            "anyOf": [{ "type": "string", "minLength": 1 }, self::value(other)]
        }),
        Value::List(item) => json!({ "type": "array", "items": self::value(item) }),
        Value::Table { keys, translations } => table(keys, *translations),
        Value::Map(item) => json!({ "type": "object", "additionalProperties": self::value(item) }),
        Value::Range => json!({
            "type": "array",
            "items": { "type": "integer", "minimum": 0 },
            "minItems": 2,
            "maxItems": 2,
        }),
        Value::Failures => table(&keys::failure_keys(), false),
    }
}

/// A table that holds `keys` and no other key; with `translations`, also a description
/// under any key that looks like a language tag (the checks know which the file declares).
fn table(keys: &[Key], translations: bool) -> Json {
    let mut properties = Map::new();
    for key in keys {
        let mut schema = value(&key.value);
        schema["description"] = json!(key.doc);
        properties.insert(key.name.to_owned(), schema);
    }
    let required: Vec<&str> = keys
        .iter()
        .filter(|key| key.required)
        .map(|key| key.name)
        .collect();
    let mut schema = json!({
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
    });
    if !required.is_empty() {
        schema["required"] = json!(required);
    }
    if translations {
        schema["patternProperties"] = json!({
            translation_pattern(keys): {
                "type": "string",
                "minLength": 1,
                "description": "The description in the language of this key, one of the file's `locales`.",
            }
        });
    }
    schema
}

/// Keys shaped like a language tag, except the table's own keys of that shape (whose values
/// may be of another type).
fn translation_pattern(keys: &[Key]) -> String {
    let own: Vec<&str> = keys
        .iter()
        .map(|key| key.name)
        .filter(|name| looks_like_locale(name))
        .collect();
    match own.is_empty() {
        true => format!("^{LOCALE_PATTERN}$"),
        false => format!("^(?!(?:{})$){LOCALE_PATTERN}$", own.join("|")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translations_leave_out_the_tables_own_keys_of_that_shape() {
        let keys = [Key {
            name: "doc",
            value: Value::String,
            required: false,
            doc: "",
        }];
        assert_eq!(
            translation_pattern(&keys),
            format!("^(?!(?:doc)$){LOCALE_PATTERN}$")
        );
        // A code line's `doc` is its documentation, not a description in a language `doc`.
        assert_eq!(
            translation_pattern(keys::CODE),
            format!("^(?!(?:doc)$){LOCALE_PATTERN}$")
        );
        assert_eq!(
            translation_pattern(keys::RETIRED),
            format!("^{LOCALE_PATTERN}$")
        );
    }
}
