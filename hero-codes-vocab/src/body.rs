//! The one writer of error bodies: the macros serialize fixed descriptions with it at
//! compile time, the runtime descriptions filled in from fields, the command its examples.

/// How an envelope writes its code: `"result_code": "10400"` or `"errcode": 40013`
/// (`code_type` in the file's `[envelope]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CodeType {
    /// A JSON string, `"result_code": "10400"`: any text without white space. The default.
    String,
    /// A JSON number, `"errcode": 40013`: every code is an integer, negative ones included.
    Number,
}

impl CodeType {
    /// Every code type, in the order messages and the JSON Schema list them.
    pub const ALL: [CodeType; 2] = [CodeType::String, CodeType::Number];

    /// The value of `code_type` in the file: `string` or `number`.
    pub const fn key(self) -> &'static str {
        match self {
            CodeType::String => "string",
            CodeType::Number => "number",
        }
    }
}

/// The field names of an envelope and how it writes its code: what an error body needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EnvelopeNames<'a> {
    /// The boolean success field; `None` when the envelope tells success by its code alone.
    pub result: Option<&'a str>,
    /// The code field.
    pub code: &'a str,
    /// The description field.
    pub desc: &'a str,
    /// Whether the code is a JSON string or a number.
    pub code_type: CodeType,
    /// The link to the code's page that error bodies carry, if the envelope has one.
    pub doc_url: Option<DocUrl<'a>>,
}

/// A link to the page of each code in error bodies, as Stripe's `doc_url`: `[envelope]
/// doc_url = { field = "doc_url", template = "https://example.com/codes/{code}" }`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DocUrl<'a> {
    /// The field of the error body that holds the link.
    pub field: &'a str,
    /// The link, with `{code}` where the code goes.
    pub template: &'a str,
}

impl DocUrl<'_> {
    /// The link of `code`: the template with `{code}` replaced.
    ///
    /// ```
    /// let link = hero_codes_vocab::DocUrl { field: "doc_url", template: "https://example.com/codes/{code}" };
    /// assert_eq!(link.of("10400"), "https://example.com/codes/10400");
    /// ```
    pub fn of(&self, code: &str) -> String {
        self.template.replace(DOC_URL_PLACEHOLDER, code)
    }
}

/// Where the code goes in a [`DocUrl`]'s template.
pub const DOC_URL_PLACEHOLDER: &str = "{code}";

/// The JSON body of an error answer: `{"result":false,"result_code":"10400",
/// "result_desc":"..."}` in `names`, the code as a number when the envelope says so (a
/// checked catalog holds integers only then), `result` left out when there is none, and
/// the link to the code's page last when the envelope has one.
///
/// ```
/// use hero_codes_vocab::{CodeType, DocUrl, EnvelopeNames, error_body};
///
/// let wechat = EnvelopeNames { result: None, code: "errcode", desc: "errmsg", code_type: CodeType::Number, doc_url: None };
/// assert_eq!(error_body(&wechat, "40013", "invalid \"appid\""), r#"{"errcode":40013,"errmsg":"invalid \"appid\""}"#);
///
/// let linked = EnvelopeNames {
///     doc_url: Some(DocUrl { field: "doc_url", template: "https://example.com/codes/{code}" }),
///     ..wechat
/// };
/// assert_eq!(
///     error_body(&linked, "40013", "invalid appid"),
///     r#"{"errcode":40013,"errmsg":"invalid appid","doc_url":"https://example.com/codes/40013"}"#
/// );
/// ```
pub fn error_body(names: &EnvelopeNames<'_>, code: &str, desc: &str) -> String {
    let mut body = String::with_capacity(64 + code.len() + desc.len());
    body.push('{');
    if let Some(result) = names.result {
        push_json_string(&mut body, result);
        body.push_str(":false,");
    }
    push_json_string(&mut body, names.code);
    body.push(':');
    match names.code_type {
        CodeType::Number => body.push_str(code),
        CodeType::String => push_json_string(&mut body, code),
    }
    body.push(',');
    push_json_string(&mut body, names.desc);
    body.push(':');
    push_json_string(&mut body, desc);
    if let Some(link) = names.doc_url {
        body.push(',');
        push_json_string(&mut body, link.field);
        body.push(':');
        push_json_string(&mut body, &link.of(code));
    }
    body.push('}');
    body
}

/// Appends `text` as a JSON string, escaped as `serde_json` escapes it: `"` and `\`, and
/// control characters (`\n`, `\t`, ... or `\u001f`); everything else as it is.
///
/// ```
/// let mut out = String::new();
/// hero_codes_vocab::push_json_string(&mut out, "a \"b\"\n\u{1}c");
/// assert_eq!(out, r#""a \"b\"\n\u0001c""#);
/// ```
pub fn push_json_string(out: &mut String, text: &str) {
    out.push('"');
    for character in text.chars() {
        match character {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            control if u32::from(control) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let byte = u32::from(control) as usize;
                out.push_str("\\u00");
                out.push(char::from(HEX[byte >> 4]));
                out.push(char::from(HEX[byte & 0xf]));
            }
            other => out.push(other),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_control_character_is_escaped() {
        for byte in 0u8..0x20 {
            let mut out = String::new();
            push_json_string(&mut out, &char::from(byte).to_string());
            assert!(out.starts_with("\"\\"), "{byte:#x}: {out}");
            assert!(!out.chars().any(char::is_control), "{byte:#x}: {out}");
        }
    }

    #[test]
    fn the_result_field_comes_first() {
        let names = EnvelopeNames {
            result: Some("success"),
            code: "code",
            desc: "message",
            code_type: CodeType::String,
            doc_url: None,
        };
        assert_eq!(
            error_body(&names, "A0400", "用户请求参数错误"),
            r#"{"success":false,"code":"A0400","message":"用户请求参数错误"}"#
        );
    }
}
