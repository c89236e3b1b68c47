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
    }
}
