//! TypeScript: per catalog a `const` object keyed by variant name, the union type of its
//! codes and a lookup function. `tsc --strict` accepts it (ES2015 library or later).

use hero_codes_catalog::CatalogFile;

use super::{catalog_doc, comment, descs_literal};
use crate::names::lower_camel;
use crate::text::string_literal;

pub(super) fn render(file: &CatalogFile, header: &str) -> String {
    let mut source = format!(
        "// {header}

/** One code of a catalog: its text as it goes into the envelope, its variant name, HTTP status and description. */
export interface CodeEntry {{
  readonly code: string;
  readonly name: string;
  readonly status: number;
  readonly desc: string;
  /** The description in each locale of the catalog file, keyed by language tag. */
  readonly descs: Readonly<Record<string, string>>;
}}
"
    );
    for catalog in &file.catalogs {
        let name = &catalog.name.value;
        let function = lower_camel(name);
        source.push_str(&format!(
            "\n/** {} */\nexport const {name} = {{\n",
            comment(&catalog_doc(catalog))
        ));
        for entry in &catalog.codes {
            source.push_str(&format!(
                "  /** {} */\n  {}: {{ code: {}, name: {}, status: {}, desc: {}, descs: {{ {} }} }},\n",
                comment(&entry.doc_line()),
                entry.name.value,
                string_literal(&entry.code.value),
                string_literal(&entry.name.value),
                entry.status.value,
                string_literal(&entry.desc.value),
                descs_literal(file, entry, ": "),
            ));
        }
        source.push_str(&format!(
            "}} as const satisfies Record<string, CodeEntry>;

/** A variant name of {{@link {name}}}. */
export type {name}Name = keyof typeof {name};
/** An entry of {{@link {name}}}. */
export type {name}Entry = (typeof {name})[{name}Name];
/** A code of {{@link {name}}} as it goes into the envelope: the union of its codes. */
export type {name}Value = {name}Entry[\"code\"];

const {function}ByCode: ReadonlyMap<string, {name}Entry> = new Map(
  Object.values({name}).map((entry): [string, {name}Entry] => [entry.code, entry]),
);

/** The entry of {{@link {name}}} whose code is `code`, if there is one. */
export function {function}FromCode(code: string): {name}Entry | undefined {{
  return {function}ByCode.get(code);
}}
"
        ));
    }
    source
}
