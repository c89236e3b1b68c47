//! Python 3.9+: the envelope as a frozen `Envelope(Generic[T])` dataclass in the file's field
//! names; per catalog an `Enum` whose members carry `code`, `status`, `desc`, `descs` (every
//! locale), `deprecated` and `retryable`, an exception hierarchy (one class per code under one base, so
//! `except ResultCodeNotFound:` works) and a reader from parsed JSON. Standard library only;
//! `mypy --strict` accepts it.

use hero_codes_catalog::{Catalog, CatalogFile, CodeEntry, CodeType};

use super::{catalog_doc, code_literal, comment, descs_literal, fill, success_literal};
use crate::names::{field_snake, screaming_snake};
use crate::text::string_literal;

/// The names the file defines once, before its catalogs: no catalog may take one.
pub(super) const PRELUDE_NAMES: &[&str] = &["T", "Code", "Envelope", "EnvelopeShapeError"];

pub(super) fn render(file: &CatalogFile, header: &str) -> String {
    let mut source = fill(PRELUDE, &prelude_values(file, header));
    for catalog in &file.catalogs {
        source.push_str(&enumeration(file, catalog));
        source.push_str(&errors(file, catalog));
    }
    source
}

/// The catalog's `Enum`, its lookup table and `from_code`.
fn enumeration(file: &CatalogFile, catalog: &Catalog) -> String {
    let name = &catalog.name.value;
    let mut source = format!(
        "\n\nclass {name}(enum.Enum):\n    {}\n\n",
        string_literal(&catalog_doc(catalog))
    );
    for entry in &catalog.codes {
        let deprecated = entry
            .deprecated
            .as_ref()
            .map_or_else(|| "None".to_owned(), |reason| string_literal(&reason.value));
        // mypy cannot type an empty `{}`: a file without locales has no descriptions by tag.
        let descs = match descs_literal(file, entry, ": ") {
            pairs if pairs.is_empty() => "dict[str, str]()".to_owned(),
            pairs => format!("{{{pairs}}}"),
        };
        source.push_str(&format!(
            "    #: {}{}\n    {} = ({}, {}, {}, {descs}, {deprecated}, {})\n",
            comment(&entry.doc_line()),
            deprecation_note(entry, " "),
            screaming_snake(&entry.name.value),
            code_literal(file, &entry.code.value),
            entry.status.value,
            string_literal(&entry.desc.value),
            if entry.is_retryable() {
                "True"
            } else {
                "False"
            },
        ));
    }
    source.push_str(&fill(
        ENUM_METHODS,
        &[("Catalog", name.as_str()), ("INDEX", &index_name(catalog))],
    ));
    source
}

/// The base exception of the catalog, one subclass per code but the success code, and the
/// catalog's reader.
fn errors(file: &CatalogFile, catalog: &Catalog) -> String {
    let name = &catalog.name.value;
    let success = catalog.success().map(|entry| &entry.code.value);
    let mut source = fill(ERROR_BASE, &[("Catalog", name.as_str())]);
    let failures = catalog
        .codes
        .iter()
        .filter(|entry| Some(&entry.code.value) != success);
    for entry in failures {
        let class = format!("{name}{}", entry.name.value);
        // Type checkers flag each use of the class; `category=None` keeps reading an answer
        // of the code, which a server may still send, free of warnings.
        let decorator = entry
            .deprecated
            .as_ref()
            .map_or_else(String::new, |reason| {
                format!(
                    "@deprecated({}, category=None)\n",
                    string_literal(&reason.value)
                )
            });
        source.push_str(&format!(
            "\n\n{decorator}class {class}({name}Error):\n    {}\n\n    _code = {}\n",
            string_literal(&format!(
                "{}{}",
                entry.doc_line(),
                deprecation_note(entry, "\n\n")
            )),
            code_literal(file, &entry.code.value)
        ));
    }
    let envelope = &file.envelope;
    let succeeded = match &envelope.result {
        Some(result) => format!("envelope.{}", field_snake(&result.value)),
        None => format!(
            "envelope.{} == {}",
            field_snake(&envelope.code.value),
            success_literal(file, catalog)
        ),
    };
    source.push_str(&fill(
        READER,
        &[
            ("Catalog", name.as_str()),
            ("ERRORS", &format!("_{}_ERRORS", screaming_snake(name))),
            ("reader", &format!("read_{}", field_snake(name))),
            ("succeeded", &succeeded),
            ("code", &field_snake(&envelope.code.value)),
            ("desc", &field_snake(&envelope.desc.value)),
            ("data", &field_snake(&envelope.data.value)),
        ],
    ));
    source
}

/// `.. deprecated:: reason` after a code's line and `before`, as Sphinx reads it in a
/// docstring; empty for a code in use.
fn deprecation_note(entry: &CodeEntry, before: &str) -> String {
    entry
        .deprecated
        .as_ref()
        .map_or_else(String::new, |reason| {
            format!("{before}.. deprecated:: {}", comment(&reason.value))
        })
}

fn index_name(catalog: &Catalog) -> String {
    format!("_{}_BY_CODE", screaming_snake(&catalog.name.value))
}

/// The values of [`PRELUDE`]: the code type and the envelope's fields, read and checked.
fn prelude_values<'a>(file: &CatalogFile, header: &'a str) -> Vec<(&'a str, String)> {
    let envelope = &file.envelope;
    let (code_type, code_what) = match envelope.code_type.value {
        CodeType::String => ("str", "a string"),
        CodeType::Number => ("int", "an integer"),
    };
    let mut fields = String::new();
    let mut reads = String::new();
    let mut field = |key: &str, kind: &str, what: &str| {
        let attribute = field_snake(key);
        fields.push_str(&format!("    {attribute}: {kind}\n"));
        reads.push_str(&format!(
            "        {attribute}=_field(status, body, {}, {kind}, {}),\n",
            string_literal(key),
            string_literal(what)
        ));
    };
    if let Some(result) = &envelope.result {
        field(&result.value, "bool", "a boolean");
    }
    field(&envelope.code.value, code_type, code_what);
    field(&envelope.desc.value, "str", "a string");
    let data = &envelope.data.value;
    fields.push_str(&format!("    {}: Optional[T] = None\n", field_snake(data)));
    reads.push_str(&format!(
        "        {}=body.get({}),\n",
        field_snake(data),
        string_literal(data)
    ));
    let deprecates = file
        .catalogs
        .iter()
        .flat_map(|catalog| &catalog.codes)
        .any(|entry| entry.deprecated.is_some());
    let (sys, deprecated) = if deprecates {
        ("import sys\n", DEPRECATED)
    } else {
        ("", "")
    };
    vec![
        ("header", header.to_owned()),
        ("sys", sys.to_owned()),
        ("deprecated", deprecated.to_owned()),
        ("code_type", code_type.to_owned()),
        ("fields", fields),
        ("reads", reads),
    ]
}

const PRELUDE: &str = r#"# @header@
"""Result codes and their envelope: each catalog is an Enum whose members have `code`,
`status` and `desc`, an exception per code under one base, and a reader of answers."""

from __future__ import annotations

import dataclasses
import enum
@sys@from typing import Any, Callable, ClassVar, Dict, Generic, Optional, Type, TypeVar, overload

T = TypeVar("T")

#: A result code as the envelope carries it.
Code = @code_type@


@dataclasses.dataclass(frozen=True)
class Envelope(Generic[T]):
    """The envelope of every answer, in the catalog file's field names; data on success only."""

@fields@

class EnvelopeShapeError(ValueError):
    """A body that is not the envelope: no JSON object, or a field missing or of another type."""

    def __init__(self, status: int, body: object, problem: str) -> None:
        super().__init__(f"HTTP {status}: the body is not the envelope: {problem}")
        self.status = status
        self.body = body


def _field(status: int, body: Dict[str, object], name: str, kind: type, what: str) -> Any:
    if name not in body:
        raise EnvelopeShapeError(status, body, f"field {name!r} is missing")
    value = body[name]
    # bool is an int to Python, never to JSON.
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise EnvelopeShapeError(status, body, f"field {name!r} is not {what}")
    return value


def _envelope_of(status: int, body: object) -> Envelope[object]:
    if not isinstance(body, dict):
        raise EnvelopeShapeError(status, body, "no JSON object")
    return Envelope(
@reads@    )
@deprecated@"#;

/// Python 3.13's `warnings.deprecated`, which type checkers read; before 3.13, the same
/// decorator doing nothing. Only in files with a deprecated code.
const DEPRECATED: &str = r#"

if sys.version_info >= (3, 13):
    from warnings import deprecated
else:
    _C = TypeVar("_C", bound=type)

    def deprecated(message: str, /, *, category: None = None) -> Callable[[_C], _C]:
        """What warnings.deprecated(message, category=None) does before Python 3.13: nothing."""
        return lambda cls: cls
"#;

const ENUM_METHODS: &str = r#"
    def __init__(
        self,
        code: Code,
        status: int,
        desc: str,
        descs: Dict[str, str],
        deprecated: Optional[str],
        retryable: bool,
    ) -> None:
        self.code = code
        self.status = status
        self.desc = desc
        self.descs = descs
        #: Why the code should no longer be used, and what to use instead; None if in use.
        self.deprecated = deprecated
        #: Whether sending the same request again can succeed (the catalog's `retryable`).
        self.retryable = retryable

    def desc_in(self, locale: str) -> Optional[str]:
        """The description in `locale`, a language tag of the catalog file, or None."""
        return self.descs.get(locale)

    @classmethod
    def from_code(cls, code: Code) -> Optional[@Catalog@]:
        """The member whose code is `code`, or None."""
        return @INDEX@.get(code)


@INDEX@: Dict[Code, @Catalog@] = {member.code: member for member in @Catalog@}
"#;

const ERROR_BASE: &str = r#"

class @Catalog@Error(Exception):
    """An answer in @Catalog@ that is not a success: its code, the description the server sent
    and the HTTP status. Raised as the class of its code (`except @Catalog@<Name>:`), or as
    this class itself for a code the catalog does not know, kept in `code` as it came."""

    #: The code a subclass stands for; None for this class.
    _code: ClassVar[Optional[Code]] = None

    def __init__(self, code: Code, desc: str, status: int) -> None:
        super().__init__(f"{code}: {desc} (HTTP {status})")
        self.code = code
        self.desc = desc
        self.status = status
        #: The code's member of @Catalog@, None for an unknown code.
        self.member = @Catalog@.from_code(code)

    def is_retryable(self) -> bool:
        """Whether sending the same request again can succeed: the code's `retryable`, False
        for an unknown code."""
        return self.member is not None and self.member.retryable
"#;

const READER: &str = r#"

# Found through the subclasses, not by name: a table naming a deprecated class would be
# flagged wherever the file is type-checked.
@ERRORS@: Dict[Code, Type[@Catalog@Error]] = {
    error._code: error for error in @Catalog@Error.__subclasses__() if error._code is not None
}


@overload
def @reader@(status: int, body: object) -> Envelope[object]: ...


@overload
def @reader@(status: int, body: object, parse: Callable[[object], T]) -> Envelope[T]: ...


def @reader@(
    status: int, body: object, parse: Optional[Callable[[object], Any]] = None
) -> Envelope[Any]:
    """Reads an answer in @Catalog@ from its HTTP status and parsed JSON body (`json.loads`).

    Returns the envelope of a success, its data passed through `parse` when given; raises the
    @Catalog@Error of any other code, and EnvelopeShapeError for a body that is no envelope."""
    envelope = _envelope_of(status, body)
    if @succeeded@:
        if parse is None or envelope.@data@ is None:
            return envelope
        return dataclasses.replace(envelope, @data@=parse(envelope.@data@))
    code, desc = envelope.@code@, envelope.@desc@
    raise @ERRORS@.get(code, @Catalog@Error)(code, desc, status)
"#;
