//! Go: the envelope as `Envelope[T]` in the file's field names and code type; per catalog a
//! code type whose constants are sentinel errors (`errors.Is(err, codes.ResultCodeNotFound)`),
//! a lookup map, methods for the status and descriptions, an error type carrying the code as
//! it came, and a reader of answers. Standard library only; `go vet` accepts it (Go 1.18+).

use hero_codes_catalog::{Catalog, CatalogFile, CodeEntry, CodeType};

use super::{catalog_doc, code_literal, comment, descs_literal, fill, success_literal};
use crate::names::{field_upper_camel, lower_camel};
use crate::text::string_literal;

/// The names the file defines once, before its catalogs: no catalog may take one.
pub(super) const PRELUDE_NAMES: &[&str] = &["Entry", "Envelope", "ErrEnvelopeShape"];

pub(super) fn render(file: &CatalogFile, header: &str, package: &str) -> String {
    let mut source = fill(PRELUDE, &prelude_values(file, header, package));
    for catalog in &file.catalogs {
        source.push_str(&render_catalog(file, catalog));
    }
    source
}

fn render_catalog(file: &CatalogFile, catalog: &Catalog) -> String {
    let name = &catalog.name.value;
    let entries = format!("{}Entries", lower_camel(name));
    let mut constants = String::new();
    let mut table = String::new();
    for entry in &catalog.codes {
        constants.push_str(&constant(file, name, entry));
        let deprecated = entry
            .deprecated
            .as_ref()
            .map_or_else(String::new, |reason| {
                format!(", Deprecated: {}", string_literal(&reason.value))
            });
        let retryable = if entry.is_retryable() {
            ", Retryable: true"
        } else {
            ""
        };
        table.push_str(&format!(
            "\t{{Code: {}, Name: {}, Status: {}, Desc: {}, Descs: map[string]string{{{}}}{deprecated}{retryable}}},\n",
            code_literal(file, &entry.code.value),
            string_literal(&entry.name.value),
            entry.status.value,
            string_literal(&entry.desc.value),
            descs_literal(file, entry, ": "),
        ));
    }
    let envelope = &file.envelope;
    let succeeded = match &envelope.result {
        Some(result) => format!("*raw.{}", field_upper_camel(&result.value)),
        None => format!(
            "*raw.{} == {}",
            field_upper_camel(&envelope.code.value),
            success_literal(file, catalog)
        ),
    };
    fill(
        CATALOG,
        &[
            ("Catalog", name.as_str()),
            ("doc", &comment(&catalog_doc(catalog))),
            ("base", base_type(file)),
            ("constants", &constants),
            ("entries", &entries),
            ("table", &table),
            ("succeeded", &succeeded),
            ("Code", &field_upper_camel(&envelope.code.value)),
            ("Desc", &field_upper_camel(&envelope.desc.value)),
        ],
    )
}

/// A code's constant, with its `// Deprecated:` paragraph when the code is deprecated.
fn constant(file: &CatalogFile, catalog: &str, entry: &CodeEntry) -> String {
    let deprecated = entry
        .deprecated
        .as_ref()
        .map_or_else(String::new, |reason| {
            format!("\t//\n\t// Deprecated: {}\n", comment(&reason.value))
        });
    format!(
        "\t// {catalog}{} is {}\n{deprecated}\t{catalog}{} {catalog} = {}\n",
        entry.name.value,
        comment(&entry.doc_line()),
        entry.name.value,
        code_literal(file, &entry.code.value),
    )
}

/// The Go type of a code on the wire.
fn base_type(file: &CatalogFile) -> &'static str {
    match file.envelope.code_type.value {
        CodeType::String => "string",
        CodeType::Number => "int64",
    }
}

/// The values of [`PRELUDE`]: the envelope's fields, as the user sees them and as read.
fn prelude_values<'a>(
    file: &CatalogFile,
    header: &'a str,
    package: &'a str,
) -> Vec<(&'a str, String)> {
    let envelope = &file.envelope;
    let base = base_type(file);
    let mut fields = String::new();
    let mut checks = String::new();
    let mut copies = String::new();
    let mut raw_fields = Vec::new();
    let mut field = |key: &str, kind: &str, doc: &str| {
        let ident = field_upper_camel(key);
        let tag = format!("`json:{}`", string_literal(key));
        fields.push_str(&format!("\t// {ident} {doc}\n\t{ident} {kind} {tag}\n"));
        raw_fields.push([ident.clone(), format!("*{kind}"), tag]);
        checks.push_str(&format!(
            "\tif raw.{ident} == nil {{\n\t\treturn raw, fmt.Errorf(\"HTTP %d: %w: field %q is missing\", status, ErrEnvelopeShape, {})\n\t}}\n",
            string_literal(key)
        ));
        copies.push_str(&format!("{ident}: *raw.{ident}, "));
    };
    if let Some(result) = &envelope.result {
        field(&result.value, "bool", "is true on success.");
    }
    field(
        &envelope.code.value,
        base,
        "is the result code: judge answers by it, never by the text.",
    );
    field(
        &envelope.desc.value,
        "string",
        "is the description the server sent.",
    );
    let data = &envelope.data.value;
    raw_fields.push([
        field_upper_camel(data),
        "json.RawMessage".to_owned(),
        format!("`json:{}`", string_literal(data)),
    ]);
    vec![
        ("header", header.to_owned()),
        ("package", package.to_owned()),
        ("base", base.to_owned()),
        ("fields", fields),
        ("raw_fields", aligned(&raw_fields)),
        ("checks", checks),
        ("copies", copies.trim_end_matches(", ").to_owned()),
        ("Data", field_upper_camel(data)),
        (
            "data_omit_tag",
            format!("`json:{}`", string_literal(&format!("{data},omitempty"))),
        ),
        ("data_key", string_literal(data)),
    ]
}

/// Struct fields as gofmt lays them out: name, type and tag each in an aligned column.
fn aligned(fields: &[[String; 3]]) -> String {
    let width = |column: usize| {
        fields
            .iter()
            .map(|field| field[column].chars().count())
            .max()
            .unwrap_or(0)
    };
    let (names, types) = (width(0), width(1));
    fields
        .iter()
        .map(|[name, kind, tag]| {
            let name = format!("{name:names$}");
            let kind = format!("{kind:types$}");
            format!("\t{name} {kind} {tag}\n")
        })
        .collect()
}

const PRELUDE: &str = r#"// Code generated by hero-codes; DO NOT EDIT.
// @header@

// Package @package@ holds result codes and their envelope: per catalog a code type whose
// constants are sentinel errors, and a reader of answers.
package @package@

import (
	"encoding/json"
	"errors"
	"fmt"
)

// Entry is one code of a catalog: its code as it goes into the envelope, its variant
// name, HTTP status and description.
type Entry struct {
	Code   @base@
	Name   string
	Status int
	Desc   string
	// Descs holds the description in each locale of the catalog file, by language tag.
	Descs map[string]string
	// Deprecated says why the code should no longer be used; "" for a code in use.
	Deprecated string
	// Retryable reports whether sending the same request again can succeed.
	Retryable bool
}

// Envelope is the envelope of every answer, in the catalog file's field names.
type Envelope[T any] struct {
@fields@	// @Data@ is the payload, on success only.
	@Data@ *T @data_omit_tag@
}

// ErrEnvelopeShape is wrapped by the error of a body that is not the envelope: no JSON
// object, or a field missing or of another type. Test with errors.Is.
var ErrEnvelopeShape = errors.New("the body is not the envelope")

type rawEnvelope struct {
@raw_fields@}

// envelopeOf reads body as the envelope, every field but the data required.
func envelopeOf(status int, body []byte) (rawEnvelope, error) {
	var raw rawEnvelope
	if err := json.Unmarshal(body, &raw); err != nil {
		return raw, fmt.Errorf("HTTP %d: %w: %v", status, ErrEnvelopeShape, err)
	}
@checks@	return raw, nil
}

// byCode indexes a catalog's entries by code. (A slice, where a map literal would need
// gofmt to align its keys.)
func byCode[C ~@base@](entries []Entry) map[C]Entry {
	index := make(map[C]Entry, len(entries))
	for _, entry := range entries {
		index[C(entry.Code)] = entry
	}
	return index
}

// withData is the envelope of raw with its data, if any, decoded into T.
func withData[T any](status int, raw rawEnvelope) (Envelope[T], error) {
	envelope := Envelope[T]{@copies@}
	if len(raw.@Data@) == 0 || string(raw.@Data@) == "null" {
		return envelope, nil
	}
	var data T
	if err := json.Unmarshal(raw.@Data@, &data); err != nil {
		return envelope, fmt.Errorf("HTTP %d: %w: field %q: %v", status, ErrEnvelopeShape, @data_key@, err)
	}
	envelope.@Data@ = &data
	return envelope, nil
}
"#;

const CATALOG: &str = r#"
// @Catalog@ is a code of the @Catalog@ catalog. @doc@
// Each constant is an error too, a sentinel for errors.Is.
type @Catalog@ @base@

// The codes of @Catalog@.
const (
@constants@)

var @entries@ = byCode[@Catalog@]([]Entry{
@table@})

// Entry returns the code's entry; ok is false for a code that is not in @Catalog@.
func (c @Catalog@) Entry() (entry Entry, ok bool) {
	entry, ok = @entries@[c]
	return entry, ok
}

// Status returns the code's HTTP status, 0 for a code that is not in @Catalog@.
func (c @Catalog@) Status() int {
	return @entries@[c].Status
}

// Desc returns the code's description, "" for a code that is not in @Catalog@.
func (c @Catalog@) Desc() string {
	return @entries@[c].Desc
}

// DescIn returns the code's description in locale, a language tag of the catalog file;
// ok is false for another locale or a code that is not in @Catalog@.
func (c @Catalog@) DescIn(locale string) (desc string, ok bool) {
	desc, ok = @entries@[c].Descs[locale]
	return desc, ok
}

// Retryable reports whether sending the same request again can succeed: the code's
// `retryable` in the catalog file, false for a code that is not in @Catalog@.
func (c @Catalog@) Retryable() bool {
	return @entries@[c].Retryable
}

// Error returns the code and its description: each constant is a sentinel error.
func (c @Catalog@) Error() string {
	return fmt.Sprint(@base@(c), ": ", c.Desc())
}

// Lookup@Catalog@ returns the @Catalog@ whose code is code; ok is false if there is none.
func Lookup@Catalog@(code @base@) (c @Catalog@, ok bool) {
	_, ok = @entries@[@Catalog@(code)]
	return @Catalog@(code), ok
}

// @Catalog@Error is an answer in @Catalog@ that is not a success: its code (kept as it
// came, known to the catalog or not), the description the server sent and the HTTP status.
// errors.Is(err, @Catalog@<Name>) tells the code; errors.As gives the details.
type @Catalog@Error struct {
	Code   @Catalog@
	Desc   string
	Status int
}

func (e *@Catalog@Error) Error() string {
	return fmt.Sprintf("%v: %s (HTTP %d)", @base@(e.Code), e.Desc, e.Status)
}

// Is reports whether target is the error's code, so that errors.Is(err, @Catalog@<Name>)
// holds for an answer of that code.
func (e *@Catalog@Error) Is(target error) bool {
	code, ok := target.(@Catalog@)
	return ok && code == e.Code
}

// Retryable reports whether sending the same request again can succeed, by the code.
func (e *@Catalog@Error) Retryable() bool {
	return e.Code.Retryable()
}

// Known reports whether the error's code is one of @Catalog@.
func (e *@Catalog@Error) Known() bool {
	_, ok := e.Code.Entry()
	return ok
}

// Read@Catalog@ reads an answer in @Catalog@ from its HTTP status and JSON body: the
// envelope of a success, its data decoded into T, or a *@Catalog@Error for any other code.
// A body that is not the envelope answers an error wrapping ErrEnvelopeShape.
func Read@Catalog@[T any](status int, body []byte) (Envelope[T], error) {
	raw, err := envelopeOf(status, body)
	if err != nil {
		return Envelope[T]{}, err
	}
	if !(@succeeded@) {
		return Envelope[T]{}, &@Catalog@Error{Code: @Catalog@(*raw.@Code@), Desc: *raw.@Desc@, Status: status}
	}
	return withData[T](status, raw)
}
"#;
