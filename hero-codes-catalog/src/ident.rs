//! Whether a name from the catalog can be a Rust identifier (an enum or variant name).

/// Keywords of Rust 2024 that cannot name a variant, raw or not (`r#Self` is no identifier
/// either), together with the reserved ones.
const KEYWORDS: &[&str] = &[
    "Self", "abstract", "as", "async", "await", "become", "box", "break", "const", "continue",
    "crate", "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if",
    "impl", "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub",
    "ref", "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// `Ok(())` if `name` is a Rust identifier, else why not, worded to follow the name in a
/// message (`"variant name `x-y` {why}"`).
pub(crate) fn check_identifier(name: &str) -> Result<(), &'static str> {
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return Err("is empty");
    };
    if name == "_" {
        return Err("is `_`, which is not an identifier");
    }
    if !(first == '_' || unicode_ident::is_xid_start(first)) {
        return Err("does not start with a letter or `_`, so it is not a Rust identifier");
    }
    if !chars.all(unicode_ident::is_xid_continue) {
        return Err("contains a character that no Rust identifier may hold");
    }
    if KEYWORDS.contains(&name) {
        return Err("is a Rust keyword");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::check_identifier;

    #[test]
    fn accepts_identifiers() {
        for name in ["NotFound", "_Hidden", "V2", "成功"] {
            assert_eq!(check_identifier(name), Ok(()), "{name}");
        }
    }

    #[test]
    fn rejects_what_rustc_rejects() {
        for name in [
            "",
            "_",
            "2xx",
            "not-found",
            "Not Found",
            "Self",
            "match",
            "gen",
        ] {
            assert!(check_identifier(name).is_err(), "{name}");
        }
    }
}
