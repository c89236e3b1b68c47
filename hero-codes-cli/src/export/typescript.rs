//! TypeScript: the envelope as `Envelope<T>` in the file's field names, and per catalog a
//! `const` object keyed by variant name, the union type of its codes, a lookup function, an
//! error class whose `known` names the code, and a reader from parsed JSON that answers
//! `{ ok: true, data }` or `{ ok: false, error }`. `tsc --strict` accepts it (ES2017 library
//! or later); it needs nothing beyond the language.

use hero_codes_catalog::{CatalogFile, CodeEntry, CodeType};

use super::{catalog_doc, code_literal, comment, descs_literal, fill, success_literal};
use crate::names::lower_camel;
use crate::text::string_literal;

/// The names the file defines once, before its catalogs: no catalog may take one.
pub(super) const PRELUDE_NAMES: &[&str] = &[
    "Code",
    "CodeEntry",
    "Envelope",
    "Success",
    "Failure",
    "Answer",
    "EnvelopeShapeError",
];

pub(super) fn render(file: &CatalogFile, header: &str) -> String {
    let mut source = fill(PRELUDE, &prelude_values(file, header));
    for catalog in &file.catalogs {
        let name = &catalog.name.value;
        source.push_str(&format!(
            "\n/** {} */\nexport const {name} = {{\n",
            comment(&catalog_doc(catalog))
        ));
        for entry in &catalog.codes {
            source.push_str(&member(file, entry));
        }
        let envelope = &file.envelope;
        let succeeded = match &envelope.result {
            Some(result) => format!("envelope[{}] === true", string_literal(&result.value)),
            None => format!(
                "envelope[{}] === {}",
                string_literal(&envelope.code.value),
                success_literal(file, catalog)
            ),
        };
        source.push_str(&fill(
            CATALOG,
            &[
                ("Catalog", name),
                ("catalog", &lower_camel(name)),
                ("succeeded", &succeeded),
                ("code", &string_literal(&envelope.code.value)),
                ("desc", &string_literal(&envelope.desc.value)),
                ("data", &string_literal(&envelope.data.value)),
            ],
        ));
    }
    source
}

/// One member of a catalog's `const` object, marked `@deprecated` when the code is.
fn member(file: &CatalogFile, entry: &CodeEntry) -> String {
    let (tag, field) = entry
        .deprecated
        .as_ref()
        .map_or((String::new(), String::new()), |reason| {
            (
                format!(" @deprecated {}", comment(&reason.value)),
                format!(", deprecated: {}", string_literal(&reason.value)),
            )
        });
    let descs = match descs_literal(file, entry, ": ") {
        pairs if pairs.is_empty() => "{}".to_owned(),
        pairs => format!("{{ {pairs} }}"),
    };
    format!(
        "  /** {}{tag} */\n  {}: {{ code: {}, name: {}, status: {}, desc: {}, descs: {descs}, retryable: {}{field} }},\n",
        comment(&entry.doc_line()),
        entry.name.value,
        code_literal(file, &entry.code.value),
        string_literal(&entry.name.value),
        entry.status.value,
        string_literal(&entry.desc.value),
        entry.is_retryable(),
    )
}

/// The values of [`PRELUDE`]: the code type and the envelope's fields and their checks.
fn prelude_values<'a>(file: &CatalogFile, header: &'a str) -> Vec<(&'a str, String)> {
    let envelope = &file.envelope;
    let (code_type, code_check) = match envelope.code_type.value {
        CodeType::String => (
            "string",
            "(value) => typeof value === \"string\", \"a string\"",
        ),
        CodeType::Number => ("number", "Number.isInteger, \"an integer\""),
    };
    let mut fields = String::new();
    let mut checks = String::new();
    if let Some(result) = &envelope.result {
        let key = string_literal(&result.value);
        fields.push_str(&format!(
            "  /** True on success. */\n  readonly {key}: boolean;\n"
        ));
        checks.push_str(&format!(
            "  check({key}, (value) => typeof value === \"boolean\", \"a boolean\");\n"
        ));
    }
    let code = string_literal(&envelope.code.value);
    let desc = string_literal(&envelope.desc.value);
    fields.push_str(&format!(
        "  /** The result code: judge answers by it, never by the text. */\n  readonly {code}: Code;\n  /** The description the server sent. */\n  readonly {desc}: string;\n  /** The payload, on success only. */\n  readonly {}?: T;\n",
        string_literal(&envelope.data.value)
    ));
    checks.push_str(&format!("  check({code}, {code_check});\n"));
    checks.push_str(&format!(
        "  check({desc}, (value) => typeof value === \"string\", \"a string\");\n"
    ));
    vec![
        ("header", header.to_owned()),
        ("code_type", code_type.to_owned()),
        ("fields", fields),
        ("checks", checks),
    ]
}

const PRELUDE: &str = r#"// @header@

/** A result code as the envelope carries it. */
export type Code = @code_type@;

/** One code of a catalog: its code as it goes into the envelope, its variant name, HTTP status and description. */
export interface CodeEntry {
  readonly code: Code;
  readonly name: string;
  readonly status: number;
  readonly desc: string;
  /** The description in each locale of the catalog file, keyed by language tag. */
  readonly descs: Readonly<Record<string, string>>;
  /** Whether sending the same request again can succeed (the catalog's `retryable`). */
  readonly retryable: boolean;
  /** Why the code should no longer be used, and what to use instead; only on deprecated codes. */
  readonly deprecated?: string;
}

/** The envelope of every answer, in the catalog file's field names. */
export interface Envelope<T> {
@fields@}

/** A successful answer: its HTTP status, its envelope and the envelope's data. */
export interface Success<T> {
  readonly ok: true;
  readonly status: number;
  readonly envelope: Envelope<T>;
  /** The payload as the server sent it, not checked against `T`; undefined when absent. */
  readonly data: T | undefined;
}

/** A failed answer: the error of the catalog it answers in. */
export interface Failure<E> {
  readonly ok: false;
  readonly error: E;
}

/** What a reader returns: narrow on `ok`. */
export type Answer<T, E> = Success<T> | Failure<E>;

/** A body that is not the envelope: no JSON object, or a field missing or of another type. */
export class EnvelopeShapeError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    problem: string,
  ) {
    super(`HTTP ${status}: the body is not the envelope: ${problem}`);
    this.name = "EnvelopeShapeError";
  }
}

/** `body` as the envelope, once each field is checked; throws EnvelopeShapeError if it is not. */
function envelopeOf(status: number, body: unknown): Envelope<unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new EnvelopeShapeError(status, body, "no JSON object");
  }
  const fields = body as Record<string, unknown>;
  const check = (name: string, valid: (value: unknown) => boolean, what: string): void => {
    if (!valid(fields[name])) {
      throw new EnvelopeShapeError(status, body, `field "${name}" is not ${what}`);
    }
  };
@checks@  return body as Envelope<unknown>;
}
"#;

const CATALOG: &str = r#"} as const satisfies Record<string, CodeEntry>;

/** A variant name of {@link @Catalog@}. */
export type @Catalog@Name = keyof typeof @Catalog@;
/** An entry of {@link @Catalog@}. */
export type @Catalog@Entry = (typeof @Catalog@)[@Catalog@Name];
/** A code of {@link @Catalog@} as it goes into the envelope: the union of its codes. */
export type @Catalog@Value = @Catalog@Entry["code"];

const @catalog@ByCode: ReadonlyMap<Code, @Catalog@Entry> = new Map(
  Object.values(@Catalog@).map((entry): [Code, @Catalog@Entry] => [entry.code, entry]),
);

/** The entry of {@link @Catalog@} whose code is `code`, if there is one. */
export function @catalog@FromCode(code: Code): @Catalog@Entry | undefined {
  return @catalog@ByCode.get(code);
}

/**
 * An answer in {@link @Catalog@} that is not a success: its code, the description the server
 * sent and the HTTP status. `known` names the code (`switch (error.known)` covers every code);
 * it is undefined for a code the catalog does not know, which `code` keeps as it came.
 */
export class @Catalog@Error extends Error {
  /** The entry of the code: its catalog status, descriptions per locale; undefined if unknown. */
  readonly entry: @Catalog@Entry | undefined;
  /** The variant name of the code, undefined for a code that is no code of {@link @Catalog@}. */
  readonly known: @Catalog@Name | undefined;

  constructor(
    readonly code: Code,
    readonly desc: string,
    readonly status: number,
  ) {
    super(`${code}: ${desc} (HTTP ${status})`);
    this.name = "@Catalog@Error";
    this.entry = @catalog@FromCode(code);
    this.known = this.entry?.name;
  }

  /** Whether sending the same request again can succeed: the code's `retryable`, false for an unknown code. */
  isRetryable(): boolean {
    return this.entry?.retryable ?? false;
  }
}

/**
 * Reads an answer in {@link @Catalog@} from its HTTP status and parsed JSON body: a success
 * with its data, or the {@link @Catalog@Error} of its code. Throws EnvelopeShapeError for a
 * body that is not the envelope.
 */
export function read@Catalog@<T = unknown>(status: number, body: unknown): Answer<T, @Catalog@Error> {
  const envelope = envelopeOf(status, body);
  if (@succeeded@) {
    return { ok: true, status, envelope: envelope as Envelope<T>, data: envelope[@data@] as T | undefined };
  }
  return { ok: false, error: new @Catalog@Error(envelope[@code@], envelope[@desc@], status) };
}
"#;
