//! Wording shared by the messages of this crate and of the macros.

/// Items quoted as code and joined for a message: `` `a`, `b` or `c` ``, with `conjunction`
/// before the last.
///
/// ```
/// use hero_codes_catalog::quoted_list;
/// assert_eq!(quoted_list(["code", "desc", "status"], "or"), "`code`, `desc` or `status`");
/// assert_eq!(quoted_list(["HeroCode", "ResultCode"], "and"), "`HeroCode` and `ResultCode`");
/// assert_eq!(quoted_list(["code"], "or"), "`code`");
/// ```
pub fn quoted_list<'a>(items: impl IntoIterator<Item = &'a str>, conjunction: &str) -> String {
    let quoted: Vec<String> = items.into_iter().map(|item| format!("`{item}`")).collect();
    match quoted.as_slice() {
        [init @ .., last] if !init.is_empty() => {
            format!("{} {conjunction} {last}", init.join(", "))
        }
        _ => quoted.concat(),
    }
}
