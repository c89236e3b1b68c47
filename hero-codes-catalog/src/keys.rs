//! The keys of a catalog file, table by table: the type of each value, whether it must be
//! there, and what it means. The reader accepts exactly these keys (any other is reported,
//! with a "did you mean") and [`json_schema`](crate::json_schema) describes the format from
//! them, so a new key is one line here and one `get` in `parse.rs`.

use hero_codes_vocab::Failure;

/// One key of a table of the file.
#[derive(Debug)]
pub(crate) struct Key {
    /// The key as the file writes it.
    pub(crate) name: &'static str,
    /// What its value is.
    pub(crate) value: Value,
    /// Whether the table must have it: the reader reports its absence.
    pub(crate) required: bool,
    /// What it means, for editors (the JSON Schema's `description`).
    pub(crate) doc: &'static str,
}

/// The type of a value, as far as a JSON Schema can tell it; the rules between values
/// (a status allowed by `statuses`, a code in its range) are the checks' alone.
#[derive(Debug)]
pub(crate) enum Value {
    /// Any string.
    String,
    /// A string that must not be empty: a code, a description, a reason.
    Text,
    /// A positive length limit.
    Limit,
    /// An HTTP status, 100 to 999.
    Status,
    /// The key of a [`CodeType`](hero_codes_vocab::CodeType).
    CodeType,
    /// The name of a [`GrpcCode`](hero_codes_vocab::GrpcCode), as `google/rpc/code.proto`
    /// writes it.
    GrpcCode,
    /// A field name, or `false` to leave the field out of the envelope.
    FieldOrFalse,
    /// `true` or `false`.
    Boolean,
    /// A path (a string), or the value given: an entry of `include`.
    PathOr(&'static Value),
    /// An array of values.
    List(&'static Value),
    /// A table with these keys; with `translations`, also one key per other locale of the
    /// file, holding the description in that language.
    Table {
        keys: &'static [Key],
        translations: bool,
    },
    /// A table whose keys are names (catalogs) or statuses (ranges), each holding a value.
    Map(&'static Value),
    /// Two numbers, the lowest and the highest code of a block.
    Range,
    /// `[catalogs.Name.failures]`: the table of [`failure_keys`].
    Failures,
}

/// The names of `keys`, as the reader checks a table's keys against them.
pub(crate) fn names(keys: &[Key]) -> Vec<&'static str> {
    keys.iter().map(|key| key.name).collect()
}

/// The keys of `[catalogs.Name.failures]`: one per failure kind, each required.
pub(crate) fn failure_keys() -> Vec<Key> {
    Failure::ALL
        .iter()
        .map(|kind| Key {
            name: kind.key(),
            value: Value::Text,
            required: true,
            doc: kind.summary(),
        })
        .collect()
}

/// The keys of the whole file.
pub(crate) const FILE: &[Key] = &[
    Key {
        name: "locales",
        value: Value::List(&Value::String),
        required: false,
        doc: "The languages of the descriptions, as language tags: the first is the language of `desc`, each other one a key of every code line (`en = \"...\"`).",
    },
    Key {
        name: "domain",
        value: Value::Text,
        required: false,
        doc: "The error domain of gRPC answers (`ErrorInfo.domain`, AIP-193): a DNS-like name of the service, such as `apps.example.com`. The default of every catalog of the file.",
    },
    Key {
        name: "include",
        value: Value::List(&Value::PathOr(&Value::Table {
            keys: INCLUDE,
            translations: false,
        })),
        required: false,
        doc: "Files to take catalogs and owners from, each a path relative to this file's folder (`\"../org/codes.toml\"`), or `{ path = \"...\", catalogs = [\"ResultCode\"] }` to take some catalogs only.",
    },
    Key {
        name: "envelope",
        value: Value::Table {
            keys: ENVELOPE,
            translations: false,
        },
        required: false,
        doc: "The response envelope: its field names, how codes are written and the length limits of its texts. Every key is optional; the defaults are the response spec's.",
    },
    Key {
        name: "http",
        value: Value::Table {
            keys: HTTP,
            translations: false,
        },
        required: false,
        doc: "The HTTP status table: what each status means to this API.",
    },
    Key {
        name: "owners",
        value: Value::Map(&Value::Table {
            keys: OWNER,
            translations: false,
        }),
        required: false,
        doc: "Who owns which codes, one `[owners.Name]` table each: a catalog's `owner` keeps its codes in the owner's blocks.",
    },
    Key {
        name: "catalogs",
        value: Value::Map(&Value::Table {
            keys: CATALOG,
            translations: false,
        }),
        // A file of owners, or one that takes all its catalogs from others, has none: see
        // `FILE_NEEDS_ONE_OF`.
        required: false,
        doc: "The catalogs, one `[catalogs.Name]` table each; the name is the generated Rust enum's. Required unless the file has `include` or `owners`.",
    },
];

/// A file has at least one of these keys: catalogs of its own, files it takes catalogs from,
/// or owners (an organisation's file may hold owners alone).
pub(crate) const FILE_NEEDS_ONE_OF: &[&str] = &["catalogs", "include", "owners"];

/// The keys of an entry of `include` written as a table.
pub(crate) const INCLUDE: &[Key] = &[
    Key {
        name: "path",
        value: Value::Text,
        required: true,
        doc: "The file, relative to the folder of this file.",
    },
    Key {
        name: "catalogs",
        value: Value::List(&Value::Text),
        required: false,
        doc: "The catalogs to take from it; every catalog when absent.",
    },
];

/// The keys of an `[owners.Name]` table.
pub(crate) const OWNER: &[Key] = &[
    Key {
        name: "doc",
        value: Value::String,
        required: false,
        doc: "Who the owner is and how to reach it.",
    },
    Key {
        name: "ranges",
        value: Value::List(&Value::Range),
        required: false,
        doc: "The blocks of numeric codes it owns, both ends included: `[[20000, 20999]]`.",
    },
    Key {
        name: "prefixes",
        value: Value::List(&Value::Text),
        required: false,
        doc: "The beginnings of the codes it owns: `[\"P\"]` owns `P0001`.",
    },
];

/// The keys of `[envelope] doc_url`.
pub(crate) const DOC_URL: &[Key] = &[
    Key {
        name: "field",
        value: Value::Text,
        required: true,
        doc: "The field of error bodies that holds the link, e.g. `doc_url`.",
    },
    Key {
        name: "template",
        value: Value::Text,
        required: true,
        doc: "The link, with `{code}` where the code goes: `https://errors.example.com/codes/{code}`.",
    },
];

/// The keys of `[envelope]`.
pub(crate) const ENVELOPE: &[Key] = &[
    Key {
        name: "result",
        value: Value::FieldOrFalse,
        required: false,
        doc: "The boolean success field, `result` by default; `false` for an envelope that tells success by its code alone.",
    },
    Key {
        name: "code",
        value: Value::String,
        required: false,
        doc: "The code field, `result_code` by default.",
    },
    Key {
        name: "desc",
        value: Value::String,
        required: false,
        doc: "The description field, `result_desc` by default.",
    },
    Key {
        name: "data",
        value: Value::String,
        required: false,
        doc: "The payload field, present on success only; `data` by default.",
    },
    Key {
        name: "code_type",
        value: Value::CodeType,
        required: false,
        doc: "`string` writes codes as JSON strings (`\"10400\"`, the default), `number` as JSON numbers (`40013`).",
    },
    Key {
        name: "code_max_chars",
        value: Value::Limit,
        required: false,
        doc: "The longest code allowed, in characters; 32 by default.",
    },
    Key {
        name: "desc_max_chars",
        value: Value::Limit,
        required: false,
        doc: "The longest description allowed, in characters; 128 by default.",
    },
    Key {
        name: "doc_url",
        value: Value::Table {
            keys: DOC_URL,
            translations: false,
        },
        required: false,
        doc: "A link to each code's page in error bodies, as Stripe's `doc_url`: `{ field = \"doc_url\", template = \"https://.../{code}\" }`.",
    },
];

/// The keys of `[http]`.
pub(crate) const HTTP: &[Key] = &[Key {
    name: "statuses",
    value: Value::List(&Value::Table {
        keys: HTTP_ROW,
        translations: false,
    }),
    required: true,
    doc: "One row per HTTP status: `{ status = 404, reason = \"NOT FOUND\", meaning = \"...\" }`.",
}];

/// The keys of a row of `[http] statuses`.
pub(crate) const HTTP_ROW: &[Key] = &[
    Key {
        name: "status",
        value: Value::Status,
        required: true,
        doc: "The HTTP status, 100 to 999.",
    },
    Key {
        name: "reason",
        value: Value::Text,
        required: true,
        doc: "The reason phrase as the API's document writes it, e.g. `NOT FOUND`.",
    },
    Key {
        name: "meaning",
        value: Value::Text,
        required: true,
        doc: "What the status means to this API.",
    },
];

/// The keys of a `[catalogs.Name]` table.
pub(crate) const CATALOG: &[Key] = &[
    Key {
        name: "doc",
        value: Value::String,
        required: false,
        doc: "The generated enum's doc comment.",
    },
    Key {
        name: "owner",
        value: Value::Text,
        required: false,
        doc: "The owner of the catalog's codes, an `[owners.Name]` of this file or of one it includes: every code but the success code must be in its blocks.",
    },
    Key {
        name: "success",
        value: Value::String,
        required: false,
        doc: "The code that means success; without it, the catalog's one code with status 200.",
    },
    Key {
        name: "statuses",
        value: Value::List(&Value::Status),
        required: false,
        doc: "The HTTP statuses a code of this catalog may have; any status when absent.",
    },
    Key {
        name: "ranges",
        value: Value::Map(&Value::Range),
        required: false,
        doc: "The block of numeric codes each status owns: `{ 404 = [10400, 10499] }`.",
    },
    Key {
        name: "codes",
        value: Value::List(&Value::Table {
            keys: CODE,
            translations: true,
        }),
        required: true,
        doc: "The codes, one a line: `{ code = \"10400\", name = \"NotFound\", status = 404, desc = \"...\" }`.",
    },
    Key {
        name: "retired",
        value: Value::List(&Value::Table {
            keys: RETIRED,
            translations: false,
        }),
        required: false,
        doc: "Codes released once and taken out of service: never generated, never to be defined again in this catalog.",
    },
    Key {
        name: "failures",
        value: Value::Failures,
        required: false,
        doc: "Which code answers each failure that the web framework detects before a handler runs.",
    },
    Key {
        name: "grpc",
        value: Value::GrpcCode,
        required: false,
        doc: "The gRPC status of this catalog's error codes whose own line says none, instead of the one their HTTP status maps to: needed where errors answer HTTP 200.",
    },
    Key {
        name: "domain",
        value: Value::Text,
        required: false,
        doc: "The error domain of gRPC answers (`ErrorInfo.domain`, AIP-193): a DNS-like name of the service, such as `apps.example.com`. Overrides the file's.",
    },
];

/// The keys of a line of `codes`, besides one per other locale.
pub(crate) const CODE: &[Key] = &[
    Key {
        name: "code",
        value: Value::Text,
        required: true,
        doc: "The code as it goes into the envelope, e.g. `10400`: no white space.",
    },
    Key {
        name: "name",
        value: Value::Text,
        required: true,
        doc: "The Rust variant name, e.g. `NotFound`.",
    },
    Key {
        name: "status",
        value: Value::Status,
        required: true,
        doc: "The HTTP status the code answers with.",
    },
    Key {
        name: "desc",
        value: Value::Text,
        required: true,
        doc: "The public description in the first locale of the file.",
    },
    Key {
        name: "deprecated",
        value: Value::Text,
        required: false,
        doc: "Why the code should no longer be used and what to use instead (`use 10105`): it still answers, and naming it in Rust warns.",
    },
    Key {
        name: "grpc",
        value: Value::GrpcCode,
        required: false,
        doc: "The gRPC status the code answers with, by name (`FAILED_PRECONDITION`); without it, the catalog's `grpc` or the one its HTTP status maps to.",
    },
    Key {
        name: "doc",
        value: Value::String,
        required: false,
        doc: "The code's long documentation, Markdown: what it means, the usual causes, what a client should do.",
    },
    Key {
        name: "doc_file",
        value: Value::Text,
        required: false,
        doc: "A Markdown file holding the code's documentation, relative to the folder of this file; not with `doc`.",
    },
    Key {
        name: "retryable",
        value: Value::Boolean,
        required: false,
        doc: "Whether sending the same request again can succeed; clients read a missing one as `false`.",
    },
];

/// The keys of a line of `retired`.
pub(crate) const RETIRED: &[Key] = &[
    Key {
        name: "code",
        value: Value::Text,
        required: true,
        doc: "The retired code, which the catalog can never define again.",
    },
    Key {
        name: "name",
        value: Value::Text,
        required: true,
        doc: "The variant name it had.",
    },
    Key {
        name: "reason",
        value: Value::Text,
        required: true,
        doc: "When or why it was retired, quoted by every message about it.",
    },
];

#[cfg(test)]
mod tests {
    use toml::Value as Toml;

    use super::*;
    use crate::model::CatalogFile;

    /// Where a value is in a document: table keys and array indexes from the root.
    type Path = Vec<Result<String, usize>>;

    fn at<'a>(root: &'a mut Toml, path: &Path) -> &'a mut Toml {
        path.iter().fold(root, |value, step| match step {
            Ok(key) => &mut value[key.as_str()],
            Err(index) => &mut value[*index],
        })
    }

    /// Removes each key of `keys` that the table at `path` of `root` has, one at a time,
    /// and calls `removed` with the key and the file without it; then goes down into the
    /// value (each item of a list, each value of a map).
    fn each_key(root: &Toml, path: &Path, keys: &[Key], removed: &mut dyn FnMut(&Key, String)) {
        for key in keys {
            let mut copy = root.clone();
            let table = at(&mut copy, path).as_table_mut().expect("a table");
            if table.remove(key.name).is_none() {
                continue;
            }
            removed(key, toml::to_string(&copy).expect("a document renders"));
            let mut inner = path.clone();
            inner.push(Ok(key.name.to_owned()));
            each_value(root, inner, &key.value, removed);
        }
    }

    fn each_value(root: &Toml, path: Path, value: &Value, removed: &mut dyn FnMut(&Key, String)) {
        let mut copy = root.clone();
        let here = at(&mut copy, &path);
        let (steps, item): (Vec<_>, _) = match value {
            Value::Table { keys, .. } => return each_key(root, &path, keys, removed),
            Value::Failures => return each_key(root, &path, &failure_keys(), removed),
            Value::List(item) => (
                (0..here.as_array().map_or(0, Vec::len)).map(Err).collect(),
                item,
            ),
            Value::Map(item) => (
                here.as_table()
                    .into_iter()
                    .flat_map(|map| map.keys().cloned().map(Ok))
                    .collect(),
                item,
            ),
            _ => return,
        };
        for step in steps {
            let mut inner = path.clone();
            inner.push(step);
            each_value(root, inner, item, removed);
        }
    }

    /// The reader requires exactly the keys these tables mark `required`: without one of
    /// those a file is rejected, and no other key is reported missing. The built-in catalog,
    /// with a deprecated and a retired code added, has every table.
    #[test]
    fn the_reader_requires_exactly_the_keys_the_tables_mark_required() {
        let text = crate::BUILTIN_SOURCE
            .replacen(
                "en = \"Token expired\" }",
                "en = \"Token expired\", deprecated = \"use 10100\" }",
                1,
            )
            .replacen(
                "[catalogs.ResultCode]\n",
                "[catalogs.ResultCode]\nretired = [{ code = \"10999\", name = \"Gone\", reason = \"v1\" }]\n",
                1,
            );
        let document: Toml = toml::from_str(&text).expect("the built-in catalog is TOML");
        CatalogFile::parse(&toml::to_string(&document).unwrap(), "codes.toml").expect("it parses");
        let mut seen = Vec::new();
        each_key(&document, &Vec::new(), FILE, &mut |key, without| {
            seen.push(key.name);
            let result = CatalogFile::parse(&without, "codes.toml");
            let missing = format!("missing key `{}`", key.name);
            match (key.required, result) {
                (true, result) => assert!(result.is_err(), "a file without `{}` parses", key.name),
                (false, Err(error)) => assert!(
                    !error.to_string().contains(&missing),
                    "`{}` is optional, yet: {error}",
                    key.name
                ),
                (false, Ok(_)) => {}
            }
        });
        for name in [
            "deprecated",
            "reason",
            "internal",
            "meaning",
            "desc_max_chars",
        ] {
            assert!(seen.contains(&name), "`{name}` was not tried: {seen:?}");
        }
    }
}
