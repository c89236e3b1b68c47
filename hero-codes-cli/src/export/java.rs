//! Java 17: class `Codes` holding the envelope as `record Envelope<T>` in the file's field
//! names and code type; per catalog an enum with `code()`, `status()`, `desc()`, `fromCode`
//! and `read`, and an exception carrying the enum constant; and `Codes.Json`, a small JSON
//! reader for users without a JSON library. Readers take any `Map` a JSON library gives.
//! Java allows one public type per file, hence the holder class: write it to `Codes.java`.

use hero_codes_catalog::{Catalog, CatalogFile, CodeEntry, CodeType};

use super::{catalog_doc, code_literal, comment, descs_literal, fill, success_literal};
use crate::names::{field_lower_camel, screaming_snake};
use crate::text::string_literal;

/// The names the file defines once, beside its catalogs: no catalog may take one.
pub(super) const PRELUDE_NAMES: &[&str] = &["Codes", "Envelope", "EnvelopeShapeException", "Json"];

pub(super) fn render(file: &CatalogFile, header: &str, package: Option<&str>) -> String {
    let package = package.map_or_else(String::new, |package| format!("package {package};\n\n"));
    let mut source = fill(PRELUDE, &prelude_values(file, header, &package));
    for catalog in &file.catalogs {
        source.push_str(&render_catalog(file, catalog));
    }
    source.push_str(JSON);
    source.push_str("}\n");
    source
}

fn render_catalog(file: &CatalogFile, catalog: &Catalog) -> String {
    let name = &catalog.name.value;
    let members: Vec<String> = catalog
        .codes
        .iter()
        .map(|entry| member(file, entry))
        .collect();
    let envelope = &file.envelope;
    let code = field_lower_camel(&envelope.code.value);
    let desc = field_lower_camel(&envelope.desc.value);
    let (succeeded, result) = match &envelope.result {
        Some(result) => {
            let result = field_lower_camel(&result.value);
            (
                format!("envelope.{result}()"),
                format!("envelope.{result}(), "),
            )
        }
        None => (
            format!("envelope.{code}() == {}", success_literal(file, catalog)),
            String::new(),
        ),
    };
    let (wire, boxed) = wire_types(file);
    fill(
        CATALOG,
        &[
            ("Catalog", name.as_str()),
            ("doc", &java_comment(&catalog_doc(catalog))),
            ("members", &members.join(",\n")),
            ("wire", wire),
            ("Boxed", boxed),
            ("succeeded", &succeeded),
            ("result", &result),
            ("code", &code),
            ("desc", &desc),
            ("data", &field_lower_camel(&envelope.data.value)),
        ],
    )
}

/// One enum constant, `@Deprecated` when the code is.
fn member(file: &CatalogFile, entry: &CodeEntry) -> String {
    let (tag, annotation, reason) =
        entry
            .deprecated
            .as_ref()
            .map_or((String::new(), "", "null".to_owned()), |reason| {
                (
                    format!(" @deprecated {}", java_comment(&reason.value)),
                    "        @Deprecated\n",
                    string_literal(&reason.value),
                )
            });
    format!(
        "        /** {}{tag} */\n{annotation}        {}({}, {}, {}, Map.of({}), {reason}, {})",
        java_comment(&entry.doc_line()),
        screaming_snake(&entry.name.value),
        code_literal(file, &entry.code.value),
        entry.status.value,
        string_literal(&entry.desc.value),
        descs_literal(file, entry, ", "),
        entry.is_retryable(),
    )
}

/// The Java type of a code on the wire, and its boxed type for maps.
fn wire_types(file: &CatalogFile) -> (&'static str, &'static str) {
    match file.envelope.code_type.value {
        CodeType::String => ("String", "String"),
        CodeType::Number => ("long", "Long"),
    }
}

/// The values of [`PRELUDE`]: the envelope's record components and how each is read.
fn prelude_values<'a>(
    file: &CatalogFile,
    header: &'a str,
    package: &'a str,
) -> Vec<(&'a str, String)> {
    let envelope = &file.envelope;
    let mut components = Vec::new();
    let mut reads = Vec::new();
    let mut names = Vec::new();
    if let Some(result) = &envelope.result {
        components.push(format!("boolean {}", field_lower_camel(&result.value)));
        reads.push(format!(
            "field(status, fields, {}, Boolean.class, \"a boolean\")",
            string_literal(&result.value)
        ));
        names.push(format!("{{@code {}}}", java_comment(&result.value)));
    }
    let code = string_literal(&envelope.code.value);
    let (wire, _) = wire_types(file);
    components.push(format!(
        "{wire} {}",
        field_lower_camel(&envelope.code.value)
    ));
    reads.push(match envelope.code_type.value {
        CodeType::String => format!("field(status, fields, {code}, String.class, \"a string\")"),
        CodeType::Number => format!("integer(status, fields, {code})"),
    });
    components.push(format!(
        "String {}",
        field_lower_camel(&envelope.desc.value)
    ));
    reads.push(format!(
        "field(status, fields, {}, String.class, \"a string\")",
        string_literal(&envelope.desc.value)
    ));
    components.push(format!("T {}", field_lower_camel(&envelope.data.value)));
    reads.push(format!(
        "fields.get({})",
        string_literal(&envelope.data.value)
    ));
    for key in [&envelope.code, &envelope.desc, &envelope.data] {
        names.push(format!("{{@code {}}}", java_comment(&key.value)));
    }
    vec![
        ("header", header.to_owned()),
        ("package", package.to_owned()),
        ("components", components.join(", ")),
        ("reads", reads.join(",\n                ")),
        ("names", names.join(", ")),
    ]
}

/// Java reads `\u` escapes even in comments: a doubled backslash is no escape.
fn java_comment(text: &str) -> String {
    comment(text).replace('\\', "\\\\")
}

const PRELUDE: &str = r#"// @header@
@package@import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Result codes and their envelope: per catalog an enum whose constants have a code, an HTTP
 * status and descriptions, an exception carrying the constant, and a reader of answers.
 *
 * <p>Readers take the parsed JSON body as a {@code Map}, so any JSON library will do:
 * Jackson's {@code mapper.readValue(text, Map.class)}, Gson's {@code gson.fromJson(text,
 * Map.class)}, org.json's {@code new JSONObject(text).toMap()}, or {@link Json#parse}.
 */
public final class Codes {
    private Codes() {}

    /** The envelope of every answer, JSON fields @names@; data is null unless sent. */
    public record Envelope<T>(@components@) {}

    /** A body that is not the envelope: no JSON object, or a field missing or of another type. */
    public static final class EnvelopeShapeException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        EnvelopeShapeException(int status, String problem) {
            super("HTTP " + status + ": the body is not the envelope: " + problem);
            this.status = status;
        }

        /** The HTTP status of the answer. */
        public int status() {
            return status;
        }
    }

    private static Envelope<Object> envelopeOf(int status, Object body) {
        if (!(body instanceof Map<?, ?> fields)) {
            throw new EnvelopeShapeException(status, "no JSON object");
        }
        return new Envelope<>(
                @reads@);
    }

    private static <V> V field(int status, Map<?, ?> fields, String name, Class<V> type, String what) {
        Object value = fields.get(name);
        if (!type.isInstance(value)) {
            throw new EnvelopeShapeException(status, "field \"" + name + "\" is not " + what);
        }
        return type.cast(value);
    }

    /** A JSON number that is an integer, whatever class the JSON library gave it (Gson: Double). */
    private static long integer(int status, Map<?, ?> fields, String name) {
        if (fields.get(name) instanceof Number number) {
            try {
                return new BigDecimal(number.toString()).longValueExact();
            } catch (ArithmeticException | NumberFormatException notAnInteger) {
                // reported below
            }
        }
        throw new EnvelopeShapeException(status, "field \"" + name + "\" is not an integer");
    }
"#;

const CATALOG: &str = r#"
    /** @doc@ */
    public enum @Catalog@ {
@members@;

        private static final Map<@Boxed@, @Catalog@> BY_CODE = new HashMap<>();

        static {
            for (@Catalog@ value : values()) {
                BY_CODE.put(value.code, value);
            }
        }

        private final @wire@ code;
        private final int status;
        private final String desc;
        private final Map<String, String> descs;
        private final String deprecated;
        private final boolean retryable;

        @Catalog@(@wire@ code, int status, String desc, Map<String, String> descs, String deprecated, boolean retryable) {
            this.code = code;
            this.status = status;
            this.desc = desc;
            this.descs = descs;
            this.deprecated = deprecated;
            this.retryable = retryable;
        }

        /** The code as it goes into the envelope. */
        public @wire@ code() {
            return code;
        }

        /** The HTTP status the code answers with. */
        public int status() {
            return status;
        }

        /** The public description of the code. */
        public String desc() {
            return desc;
        }

        /** The description in {@code locale}, a language tag of the catalog file. */
        public Optional<String> desc(String locale) {
            return Optional.ofNullable(descs.get(locale));
        }

        /** Why the code should no longer be used, for a constant marked {@code @Deprecated}. */
        public Optional<String> deprecated() {
            return Optional.ofNullable(deprecated);
        }

        /** Whether sending the same request again can succeed: the code's {@code retryable}. */
        public boolean isRetryable() {
            return retryable;
        }

        /** The constant whose code is {@code code}, if there is one. */
        public static Optional<@Catalog@> fromCode(@wire@ code) {
            return Optional.ofNullable(BY_CODE.get(code));
        }

        /**
         * Reads an answer in @Catalog@ from its HTTP status and parsed JSON body (a {@code Map}):
         * the envelope of a success, its data passed through {@code data} when present.
         *
         * @throws @Catalog@Exception for any other code, known or not
         * @throws EnvelopeShapeException for a body that is not the envelope
         */
        public static <T> Envelope<T> read(int status, Object body, Function<Object, T> data) {
            Envelope<Object> envelope = envelopeOf(status, body);
            if (!(@succeeded@)) {
                throw new @Catalog@Exception(envelope.@code@(), envelope.@desc@(), status);
            }
            Object sent = envelope.@data@();
            return new Envelope<>(@result@envelope.@code@(), envelope.@desc@(), sent == null ? null : data.apply(sent));
        }
    }

    /**
     * An answer in {@link @Catalog@} that is not a success: {@link #code()} is its constant
     * ({@code switch} on it), empty for a code the catalog does not know, which
     * {@link #rawCode()} keeps as it came; with the description the server sent and the HTTP status.
     */
    public static final class @Catalog@Exception extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final @wire@ rawCode;
        private final String desc;
        private final int status;

        public @Catalog@Exception(@wire@ rawCode, String desc, int status) {
            super(rawCode + ": " + desc + " (HTTP " + status + ")");
            this.rawCode = rawCode;
            this.desc = desc;
            this.status = status;
        }

        /** The code's constant, empty for a code that is not in {@link @Catalog@}. */
        public Optional<@Catalog@> code() {
            return @Catalog@.fromCode(rawCode);
        }

        /** Whether sending the same request again can succeed: false for an unknown code. */
        public boolean isRetryable() {
            return code().map(@Catalog@::isRetryable).orElse(false);
        }

        /** The code as the server sent it. */
        public @wire@ rawCode() {
            return rawCode;
        }

        /** The description the server sent. */
        public String desc() {
            return desc;
        }

        /** The HTTP status of the answer. */
        public int status() {
            return status;
        }
    }
"#;

const JSON: &str = r#"
    /**
     * A small JSON reader for users without a JSON library: objects become {@code Map}s,
     * arrays {@code List}s, integers {@code Long}s, other numbers {@code Double}s.
     */
    public static final class Json {
        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        /** The value of a JSON text. @throws IllegalArgumentException for malformed JSON */
        public static Object parse(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.space();
            if (json.at != text.length()) {
                throw json.error("text after the value");
            }
            return value;
        }

        private Object value() {
            space();
            if (at >= text.length()) {
                throw error("a value is missing");
            }
            char next = text.charAt(at);
            if (next == '{') {
                return object();
            } else if (next == '[') {
                return array();
            } else if (next == '"') {
                return string();
            } else if (text.startsWith("true", at)) {
                at += 4;
                return Boolean.TRUE;
            } else if (text.startsWith("false", at)) {
                at += 5;
                return Boolean.FALSE;
            } else if (text.startsWith("null", at)) {
                at += 4;
                return null;
            }
            return number();
        }

        private Map<String, Object> object() {
            Map<String, Object> object = new LinkedHashMap<>();
            at++;
            space();
            if (take('}')) {
                return object;
            }
            do {
                space();
                if (at >= text.length() || text.charAt(at) != '"') {
                    throw error("a key is missing");
                }
                String key = string();
                space();
                expect(':');
                object.put(key, value());
                space();
            } while (take(','));
            expect('}');
            return object;
        }

        private List<Object> array() {
            List<Object> array = new ArrayList<>();
            at++;
            space();
            if (take(']')) {
                return array;
            }
            do {
                array.add(value());
                space();
            } while (take(','));
            expect(']');
            return array;
        }

        private String string() {
            StringBuilder string = new StringBuilder();
            at++;
            while (at < text.length()) {
                char next = text.charAt(at++);
                if (next == '"') {
                    return string.toString();
                } else if (next != '\\') {
                    string.append(next);
                } else if (at < text.length()) {
                    char escaped = text.charAt(at++);
                    switch (escaped) {
                        case 'b' -> string.append('\b');
                        case 'f' -> string.append('\f');
                        case 'n' -> string.append('\n');
                        case 'r' -> string.append('\r');
                        case 't' -> string.append('\t');
                        case 'u' -> {
                            if (at + 4 > text.length()) {
                                throw error("a short \\u escape");
                            }
                            string.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> string.append(escaped);
                    }
                }
            }
            throw error("an unterminated string");
        }

        private Object number() {
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            String number = text.substring(start, at);
            try {
                BigDecimal decimal = new BigDecimal(number);
                if (decimal.scale() <= 0 && number.matches("-?\\d+")) {
                    return decimal.longValueExact();
                }
                return decimal.doubleValue();
            } catch (ArithmeticException | NumberFormatException notANumber) {
                throw error("no JSON value");
            }
        }

        private void space() {
            while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
        }

        private boolean take(char expected) {
            if (at < text.length() && text.charAt(at) == expected) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(char expected) {
            if (!take(expected)) {
                throw error("'" + expected + "' expected");
            }
        }

        private IllegalArgumentException error(String problem) {
            return new IllegalArgumentException("malformed JSON at " + at + ": " + problem);
        }
    }
"#;
