//! Text helpers shared by the table and export formats.

use unicode_width::UnicodeWidthStr;

/// `text` as a double-quoted string literal that TypeScript, Python, Go and Java all read
/// back as `text`: JSON's escapes (`\"`, `\\`, `\n`, `\u0001`) mean the same in each.
pub(crate) fn string_literal(text: &str) -> String {
    let mut literal = String::with_capacity(text.len() + 2);
    hero_codes_vocab::push_json_string(&mut literal, text);
    literal
}

/// How many terminal columns `text` takes: a Chinese character takes two. Docutils measures
/// table cells so, and so do people reading a Markdown or reStructuredText file.
pub(crate) fn width(text: &str) -> usize {
    text.width()
}

/// `text` followed by spaces up to `columns` columns.
pub(crate) fn pad(text: &str, columns: usize) -> String {
    format!("{text}{}", " ".repeat(columns.saturating_sub(width(text))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_characters_take_two_columns() {
        assert_eq!(width("成功"), 4);
        assert_eq!(pad("成功", 6), "成功  ");
        assert_eq!(pad("OK", 1), "OK");
    }

    #[test]
    fn string_literals_escape_what_would_end_them() {
        assert_eq!(
            string_literal("a \"b\" \\ 成功\n"),
            r#""a \"b\" \\ 成功\n""#
        );
    }
}
