//! Typed access to the parsed TOML document that records every mistake instead of stopping
//! at the first, as serde's `deny_unknown_fields` would.

use toml::Spanned as TomlSpanned;
use toml::de::{DeArray, DeTable, DeValue};

use crate::diagnostic::{Diagnostics, Span, Spanned};
use crate::suggest::closest;
use crate::wording::quoted_list;

pub(crate) type Value<'i> = TomlSpanned<DeValue<'i>>;

/// A TOML table whose keys are known in advance: every other key is reported when the
/// table is opened.
pub(crate) struct Table<'a, 'i> {
    entries: &'a DeTable<'i>,
    span: Span,
    what: &'static str,
    /// Known keys that an unknown key was taken for: their absence is already explained.
    misspelt: Vec<String>,
}

impl<'a, 'i> Table<'a, 'i> {
    /// Opens `value` as a table described as `what` (e.g. "a code entry"), reporting a
    /// value of another type and every key not in `known`.
    pub(crate) fn open(
        value: &'a Value<'i>,
        what: &'static str,
        known: &[&str],
        diagnostics: &mut Diagnostics,
    ) -> Option<Self> {
        Self::open_section(value, what, known, &[], diagnostics)
    }

    /// Opens `value` as [`Table::open`] does, for a table that a `[header]` starts: a key of
    /// the whole file (`file_keys`) written below the header lands in this table, and is
    /// reported once as misplaced, with the way to move it.
    pub(crate) fn open_section(
        value: &'a Value<'i>,
        what: &'static str,
        known: &[&str],
        file_keys: &[&str],
        diagnostics: &mut Diagnostics,
    ) -> Option<Self> {
        let mut table = Self::open_map(value, what, diagnostics)?;
        table.report_unknown_keys(known, file_keys, diagnostics);
        Some(table)
    }

    /// Opens `value` as a table whose keys are data (catalog names, statuses), so any key
    /// is welcome.
    pub(crate) fn open_map(
        value: &'a Value<'i>,
        what: &'static str,
        diagnostics: &mut Diagnostics,
    ) -> Option<Self> {
        let DeValue::Table(entries) = value.get_ref() else {
            diagnostics.push(
                value.span().into(),
                format!("expected {what} (a table), found {}", describe(value)),
            );
            return None;
        };
        Some(Table {
            entries,
            span: value.span().into(),
            what,
            misspelt: Vec::new(),
        })
    }

    fn report_unknown_keys(
        &mut self,
        known: &[&str],
        file_keys: &[&str],
        diagnostics: &mut Diagnostics,
    ) {
        for key in self.entries.keys() {
            if known.contains(&key.get_ref().as_ref()) {
                continue;
            }
            let name = key.get_ref();
            let message = match closest(name, known.iter().copied()) {
                // TOML puts every key after `[envelope]` into that table.
                _ if file_keys.contains(&name.as_ref()) => format!(
                    "`{name}` belongs to the whole file, not to {}: move it to the top of the file, above the first [table] header",
                    self.what
                ),
                Some(suggestion) => {
                    self.misspelt.push(suggestion.to_owned());
                    format!(
                        "unknown key `{name}` in {}: did you mean `{suggestion}`?",
                        self.what
                    )
                }
                // In a table that holds descriptions, a language tag is most likely a
                // translation whose locale the file does not declare.
                None if known.contains(&"desc") && looks_like_locale(name) => format!(
                    "unknown key `{name}` in {}: a description in `{name}` needs `{name}` in the file's `locales`",
                    self.what
                ),
                None => format!(
                    "unknown key `{name}` in {}: expected {}",
                    self.what,
                    quoted_list(known.iter().copied(), "or")
                ),
            };
            diagnostics.push(key.span().into(), message);
        }
    }

    /// The value of `key`, if present.
    pub(crate) fn get(&self, key: &str) -> Option<&'a Value<'i>> {
        self.entries.get(key)
    }

    /// The value of `key`, reporting its absence unless a misspelling of it was reported.
    pub(crate) fn require(
        &self,
        key: &str,
        diagnostics: &mut Diagnostics,
    ) -> Option<&'a Value<'i>> {
        let value = self.get(key);
        if value.is_none() && !self.misspelt.iter().any(|misspelt| misspelt == key) {
            diagnostics.push(
                self.span,
                format!("missing key `{key}` in {}: add `{key} = ...`", self.what),
            );
        }
        value
    }

    /// The string at `key`, reporting its absence.
    pub(crate) fn required_string(
        &self,
        key: &str,
        diagnostics: &mut Diagnostics,
    ) -> Option<Spanned<String>> {
        let value = self.require(key, diagnostics)?;
        string(value, &format!("`{key}`"), diagnostics)
    }

    /// The string at `key`, if present.
    pub(crate) fn optional_string(
        &self,
        key: &str,
        diagnostics: &mut Diagnostics,
    ) -> Option<Spanned<String>> {
        let value = self.get(key)?;
        string(value, &format!("`{key}`"), diagnostics)
    }

    /// Every key with its value, in file order.
    pub(crate) fn entries(&self) -> impl Iterator<Item = (Spanned<&'a str>, &'a Value<'i>)> {
        self.entries
            .iter()
            .map(|(key, value)| (Spanned::new(key.get_ref().as_ref(), key.span()), value))
    }
}

/// Whether `text` has the shape of a language tag: `en`, `zh-TW`, `sr-Latn-RS`.
///
/// ```
/// use hero_codes_catalog::looks_like_locale;
/// assert!(looks_like_locale("en") && looks_like_locale("zh-TW"));
/// assert!(!looks_like_locale("english") && !looks_like_locale("zh_TW"));
/// ```
pub fn looks_like_locale(text: &str) -> bool {
    let mut subtags = text.split('-');
    let language = subtags.next().unwrap_or_default();
    (2..=3).contains(&language.len())
        && language.bytes().all(|byte| byte.is_ascii_alphabetic())
        && subtags.all(|subtag| {
            (1..=8).contains(&subtag.len())
                && subtag.bytes().all(|byte| byte.is_ascii_alphanumeric())
        })
}

// In the functions below, `what` names the value in messages: "`code`" for a key, or
// "a status in `statuses`" for an item.

/// `value` as a string, reporting any other type.
pub(crate) fn string(
    value: &Value<'_>,
    what: &str,
    diagnostics: &mut Diagnostics,
) -> Option<Spanned<String>> {
    match value.get_ref() {
        DeValue::String(text) => Some(Spanned::new(text.to_string(), value.span())),
        _ => {
            mismatch(value, what, "a string", diagnostics);
            None
        }
    }
}

/// `value` as an integer that fits `T`, reporting any other type or an integer out of range.
pub(crate) fn integer<T: TryFrom<i128>>(
    value: &Value<'_>,
    what: &str,
    diagnostics: &mut Diagnostics,
) -> Option<Spanned<T>> {
    let DeValue::Integer(integer) = value.get_ref() else {
        mismatch(value, what, "an integer", diagnostics);
        return None;
    };
    let fitted = i128::from_str_radix(integer.as_str(), integer.radix())
        .ok()
        .and_then(|wide| T::try_from(wide).ok());
    if fitted.is_none() {
        diagnostics.push(
            value.span().into(),
            format!("{what} is out of range: {}", integer.as_str()),
        );
    }
    fitted.map(|number| Spanned::new(number, value.span()))
}

/// `value` as a boolean, reporting any other type.
pub(crate) fn boolean(
    value: &Value<'_>,
    what: &str,
    diagnostics: &mut Diagnostics,
) -> Option<Spanned<bool>> {
    match value.get_ref() {
        DeValue::Boolean(flag) => Some(Spanned::new(*flag, value.span())),
        _ => {
            mismatch(value, what, "`true` or `false`", diagnostics);
            None
        }
    }
}

/// `value` as an array, reporting any other type.
pub(crate) fn array<'a, 'i>(
    value: &'a Value<'i>,
    what: &str,
    diagnostics: &mut Diagnostics,
) -> Option<&'a DeArray<'i>> {
    match value.get_ref() {
        DeValue::Array(items) => Some(items),
        _ => {
            mismatch(value, what, "an array", diagnostics);
            None
        }
    }
}

fn mismatch(value: &Value<'_>, what: &str, expected: &str, diagnostics: &mut Diagnostics) {
    diagnostics.push(
        value.span().into(),
        format!("{what} must be {expected}, found {}", describe(value)),
    );
}

fn describe(value: &Value<'_>) -> String {
    let article = match value.get_ref() {
        DeValue::Integer(_) | DeValue::Array(_) => "an",
        _ => "a",
    };
    format!("{article} {}", value.get_ref().type_str())
}
