//! Python 3.9+: per catalog an `Enum` whose members carry `code`, `status`, `desc` and
//! `descs` (every locale), with `from_code` and `desc_in`.

use hero_codes_catalog::CatalogFile;

use super::{catalog_doc, comment, descs_literal};
use crate::names::screaming_snake;
use crate::text::string_literal;

pub(super) fn render(file: &CatalogFile, header: &str) -> String {
    let mut source = format!(
        "# {header}
\"\"\"Result codes: each catalog is an Enum whose members have `code`, `status` and `desc`.\"\"\"

from __future__ import annotations

import enum
from typing import Dict, Optional
"
    );
    for catalog in &file.catalogs {
        let name = &catalog.name.value;
        let index = format!("_{}_BY_CODE", screaming_snake(name));
        source.push_str(&format!(
            "\n\nclass {name}(enum.Enum):\n    {}\n\n",
            string_literal(&catalog_doc(catalog))
        ));
        for entry in &catalog.codes {
            source.push_str(&format!(
                "    #: {}\n    {} = ({}, {}, {}, {{{}}})\n",
                comment(&entry.doc_line()),
                screaming_snake(&entry.name.value),
                string_literal(&entry.code.value),
                entry.status.value,
                string_literal(&entry.desc.value),
                descs_literal(file, entry, ": "),
            ));
        }
        source.push_str(&format!(
            "
    def __init__(self, code: str, status: int, desc: str, descs: Dict[str, str]) -> None:
        self.code = code
        self.status = status
        self.desc = desc
        self.descs = descs

    def desc_in(self, locale: str) -> Optional[str]:
        \"\"\"The description in `locale`, a language tag of the catalog file, or None.\"\"\"
        return self.descs.get(locale)

    @classmethod
    def from_code(cls, code: str) -> Optional[{name}]:
        \"\"\"The member whose code is `code`, or None.\"\"\"
        return {index}.get(code)


{index}: Dict[str, {name}] = {{member.code: member for member in {name}}}
"
        ));
    }
    source
}
