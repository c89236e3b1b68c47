//! `#[api(desc = "应用{id}不存在")]`: a description with placeholders naming the variant's
//! fields, as `format!` writes them (`{id}`, `{0}`, `{id:>4}`, `{{` for a brace).

/// One piece of a description template.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Piece {
    /// Text as it is, braces unescaped.
    Text(String),
    /// A field: its name or index, and the format spec after `:` (without the colon).
    Field { name: String, spec: String },
}

/// What may end a format spec: `Display` (nothing), `Debug` and the numeric formats.
const FORMAT_TRAITS: &[&str] = &["", "?", "x?", "X?", "e", "E", "o", "p", "b", "x", "X"];

/// Splits `template` into pieces, or says what is wrong with it.
pub(crate) fn parse(template: &str) -> Result<Vec<Piece>, String> {
    let mut pieces = Vec::new();
    let mut text = String::new();
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                text.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                text.push('}');
            }
            '}' => return Err("unmatched `}` in `desc`: write `}}` for a brace".to_owned()),
            '{' => {
                let mut placeholder = String::new();
                loop {
                    match chars.next() {
                        Some('}') => break,
                        Some('{') | None => {
                            return Err("unclosed `{` in `desc`: close the placeholder, or write `{{` for a brace".to_owned());
                        }
                        Some(c) => placeholder.push(c),
                    }
                }
                let (name, spec) = placeholder.split_once(':').unwrap_or((&placeholder, ""));
                let name = name.trim();
                if name.is_empty() {
                    return Err(
                        "a placeholder in `desc` names a field: `{id}`, or `{0}` for a tuple field"
                            .to_owned(),
                    );
                }
                let format_trait =
                    spec.trim_start_matches(|c: char| !c.is_ascii_alphabetic() && c != '?');
                let format_trait = format_trait
                    .rsplit(|c: char| !c.is_ascii_alphabetic() && c != '?')
                    .next()
                    .unwrap_or("");
                if !FORMAT_TRAITS.contains(&format_trait) {
                    return Err(format!(
                        "unknown format `{format_trait}` in `desc`: a placeholder is `{{{name}}}`, or `{{{name}:?}}` for `Debug`",
                        name = name.trim()
                    ));
                }
                if spec.contains(['$', '*']) {
                    return Err(format!(
                        "the format spec `{spec}` in `desc` refers to another argument (`$` or `*`): a placeholder formats its own field only"
                    ));
                }
                if !text.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut text)));
                }
                pieces.push(Piece::Field {
                    name: name.to_owned(),
                    spec: spec.to_owned(),
                });
            }
            c => text.push(c),
        }
    }
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }
    Ok(pieces)
}

/// The number of characters of fixed text, to hold against the envelope's limit.
pub(crate) fn fixed_chars(pieces: &[Piece]) -> usize {
    pieces
        .iter()
        .map(|piece| match piece {
            Piece::Text(text) => text.chars().count(),
            Piece::Field { .. } => 0,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::{Piece, parse};

    fn field(name: &str, spec: &str) -> Piece {
        Piece::Field {
            name: name.to_owned(),
            spec: spec.to_owned(),
        }
    }

    #[test]
    fn splits_text_and_fields() {
        assert_eq!(
            parse("应用{id}不存在").unwrap(),
            [
                Piece::Text("应用".into()),
                field("id", ""),
                Piece::Text("不存在".into())
            ]
        );
        assert_eq!(parse("{0:>4}").unwrap(), [field("0", ">4")]);
        assert_eq!(parse("{{x}}").unwrap(), [Piece::Text("{x}".into())]);
    }

    #[test]
    fn rejects_broken_braces() {
        assert!(parse("a {id").unwrap_err().starts_with("unclosed `{`"));
        assert!(parse("a } b").unwrap_err().starts_with("unmatched `}`"));
        assert!(parse("{}").unwrap_err().contains("names a field"));
        assert!(
            parse("{0:1$}")
                .unwrap_err()
                .contains("refers to another argument")
        );
        assert!(
            parse("{0:.*}")
                .unwrap_err()
                .contains("refers to another argument")
        );
        assert!(
            parse("{id:q}")
                .unwrap_err()
                .starts_with("unknown format `q`")
        );
        assert!(parse("{id:>8.2x?}").is_ok());
    }
}
