//! Variant names in each language's conventions. A catalog names its codes in Rust's
//! UpperCamelCase (`NotFound`); other languages want `NOT_FOUND` or `notFound`.

/// The words of a name: `NotFound` → `Not`, `Found`; `HTTPVersion` → `HTTP`, `Version`;
/// underscores separate words too.
fn words(name: &str) -> Vec<&str> {
    let characters: Vec<(usize, char)> = name.char_indices().collect();
    let mut words = Vec::new();
    let mut start = 0;
    for (index, &(offset, character)) in characters.iter().enumerate() {
        if character == '_' {
            if start < offset {
                words.push(&name[start..offset]);
            }
            start = offset + 1;
            continue;
        }
        let Some(&(_, before)) = index.checked_sub(1).map(|i| &characters[i]) else {
            continue;
        };
        let next_is_lower = characters
            .get(index + 1)
            .is_some_and(|&(_, next)| next.is_lowercase());
        // `tF` in `NotFound`, and `PV` in `HTTPVersion`, where an acronym ends.
        let boundary = character.is_uppercase()
            && (before.is_lowercase()
                || before.is_ascii_digit()
                || (before.is_uppercase() && next_is_lower));
        if boundary && start < offset {
            words.push(&name[start..offset]);
            start = offset;
        }
    }
    if start < name.len() {
        words.push(&name[start..]);
    }
    words
}

/// `NotFound` → `NOT_FOUND`: Python enum members, Java enum constants.
pub(crate) fn screaming_snake(name: &str) -> String {
    words(name)
        .iter()
        .map(|word| word.to_uppercase())
        .collect::<Vec<_>>()
        .join("_")
}

/// `HeroCode` → `heroCode`: TypeScript functions and values.
pub(crate) fn lower_camel(name: &str) -> String {
    let mut characters = name.chars();
    characters.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(characters).collect()
    })
}

/// The words of a JSON field name: `result_code` → `result`, `code`; `errCode` → `err`,
/// `Code`. Any character that is neither a letter nor a digit separates words.
fn field_words(name: &str) -> Vec<String> {
    name.split(|character: char| !character.is_alphanumeric())
        .flat_map(words)
        .map(str::to_lowercase)
        .collect()
}

/// An identifier made of `words`, prefixed with `field_` when it would start with a digit
/// or be empty.
fn identifier(words: Vec<String>, join: impl Fn(usize, &str) -> String) -> String {
    let joined: String = words
        .iter()
        .enumerate()
        .map(|(index, word)| join(index, word))
        .collect();
    if joined.starts_with(|character: char| character.is_alphabetic()) {
        joined
    } else {
        format!("field_{joined}")
    }
}

/// `result_code` → `result_code`: Python attributes for a JSON field name; a keyword
/// (`class`) gets a trailing underscore, as PEP 8 says.
pub(crate) fn field_snake(name: &str) -> String {
    let snake = identifier(field_words(name), |index, word| {
        if index == 0 {
            word.to_owned()
        } else {
            format!("_{word}")
        }
    });
    unreserved(snake, PYTHON_KEYWORDS)
}

/// `result_code` → `resultCode`: Java record components for a JSON field name; a keyword
/// or a name a record component cannot take (`hashCode`) gets a trailing underscore.
pub(crate) fn field_lower_camel(name: &str) -> String {
    let camel = identifier(field_words(name), |index, word| {
        if index == 0 {
            word.to_owned()
        } else {
            capitalized(word)
        }
    });
    unreserved(camel, JAVA_RESERVED)
}

/// `result_code` → `ResultCode`: Go's exported struct fields for a JSON field name.
pub(crate) fn field_upper_camel(name: &str) -> String {
    identifier(field_words(name), |_, word| capitalized(word))
}

/// Python's keywords that a lowercase identifier can be.
const PYTHON_KEYWORDS: &[&str] = &[
    "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
    "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
    "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// Java's keywords and literals, and the names JLS 8.10.1 forbids for record components.
const JAVA_RESERVED: &[&str] = &[
    "abstract",
    "assert",
    "boolean",
    "break",
    "byte",
    "case",
    "catch",
    "char",
    "class",
    "const",
    "continue",
    "default",
    "do",
    "double",
    "else",
    "enum",
    "extends",
    "final",
    "finally",
    "float",
    "for",
    "goto",
    "if",
    "implements",
    "import",
    "instanceof",
    "int",
    "interface",
    "long",
    "native",
    "new",
    "package",
    "private",
    "protected",
    "public",
    "return",
    "short",
    "static",
    "strictfp",
    "super",
    "switch",
    "synchronized",
    "this",
    "throw",
    "throws",
    "transient",
    "try",
    "void",
    "volatile",
    "while",
    "true",
    "false",
    "null",
    "clone",
    "finalize",
    "getClass",
    "hashCode",
    "notify",
    "notifyAll",
    "toString",
    "wait",
];

/// `identifier`, with a trailing underscore if it is one of `reserved`.
fn unreserved(identifier: String, reserved: &[&str]) -> String {
    if reserved.contains(&identifier.as_str()) {
        identifier + "_"
    } else {
        identifier
    }
}

fn capitalized(word: &str) -> String {
    let mut characters = word.chars();
    characters.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(characters).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_each_convention() {
        assert_eq!(screaming_snake("NotFound"), "NOT_FOUND");
        assert_eq!(screaming_snake("Ok"), "OK");
        assert_eq!(
            screaming_snake("HTTPVersionNotSupported"),
            "HTTP_VERSION_NOT_SUPPORTED"
        );
        assert_eq!(screaming_snake("Error404Page"), "ERROR404_PAGE");
        assert_eq!(screaming_snake("Already_Snake"), "ALREADY_SNAKE");
        assert_eq!(lower_camel("ResultCode"), "resultCode");
        assert_eq!(field_snake("result_code"), "result_code");
        assert_eq!(field_snake("errCode"), "err_code");
        assert_eq!(field_lower_camel("result_code"), "resultCode");
        assert_eq!(field_upper_camel("result-desc"), "ResultDesc");
        assert_eq!(field_upper_camel("1st"), "field_1st");
        assert_eq!(field_snake("class"), "class_");
        assert_eq!(field_lower_camel("hash_code"), "hashCode_");
    }
}
