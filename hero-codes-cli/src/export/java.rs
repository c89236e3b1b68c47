//! Java: class `Codes` holding, per catalog, an enum with `code()`, `status()`, `desc()`
//! and `fromCode`. Java allows one public type per file, hence the holder class: write the
//! output to `Codes.java`.

use hero_codes_catalog::CatalogFile;

use super::{catalog_doc, comment, descs_literal};
use crate::names::screaming_snake;
use crate::text::string_literal;

pub(super) fn render(file: &CatalogFile, header: &str, package: Option<&str>) -> String {
    let package = package.map_or_else(String::new, |package| format!("package {package};\n\n"));
    let mut source = format!(
        "// {header}
{package}import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Result codes: an enum per catalog, each code with its HTTP status and description. */
public final class Codes {{
    private Codes() {{}}
"
    );
    for catalog in &file.catalogs {
        let name = &catalog.name.value;
        source.push_str(&format!(
            "\n    /** {} */\n    public enum {name} {{\n",
            java_comment(&catalog_doc(catalog))
        ));
        let members: Vec<String> = catalog
            .codes
            .iter()
            .map(|entry| {
                format!(
                    "        /** {} */\n        {}({}, {}, {}, Map.of({}))",
                    java_comment(&entry.doc_line()),
                    screaming_snake(&entry.name.value),
                    string_literal(&entry.code.value),
                    entry.status.value,
                    string_literal(&entry.desc.value),
                    descs_literal(file, entry, ", "),
                )
            })
            .collect();
        source.push_str(&members.join(",\n"));
        source.push_str(&format!(
            ";

        private static final Map<String, {name}> BY_CODE = new HashMap<>();

        static {{
            for ({name} value : values()) {{
                BY_CODE.put(value.code, value);
            }}
        }}

        private final String code;
        private final int status;
        private final String desc;
        private final Map<String, String> descs;

        {name}(String code, int status, String desc, Map<String, String> descs) {{
            this.code = code;
            this.status = status;
            this.desc = desc;
            this.descs = descs;
        }}

        /** The code as it goes into the envelope, e.g. {{@code \"10400\"}}. */
        public String code() {{
            return code;
        }}

        /** The HTTP status the code answers with. */
        public int status() {{
            return status;
        }}

        /** The public description of the code. */
        public String desc() {{
            return desc;
        }}

        /** The description in {{@code locale}}, a language tag of the catalog file. */
        public Optional<String> desc(String locale) {{
            return Optional.ofNullable(descs.get(locale));
        }}

        /** The member whose code is {{@code code}}, if there is one. */
        public static Optional<{name}> fromCode(String code) {{
            return Optional.ofNullable(BY_CODE.get(code));
        }}
    }}
"
        ));
    }
    source.push_str("}\n");
    source
}

/// Java reads `\u` escapes even in comments: a doubled backslash is no escape.
fn java_comment(text: &str) -> String {
    comment(text).replace('\\', "\\\\")
}
