//! The rules a catalog file must follow beyond its structure: one function per rule, each
//! with an example of what it rejects. All rules run, so every mistake is reported at once.

use std::collections::HashMap;

use crate::diagnostic::{Diagnostics, Spanned};
use crate::ident::check_identifier;
use hero_codes_vocab::{CodeType, DOC_URL_PLACEHOLDER, GENERATED_ITEMS};

use crate::model::{Catalog, CatalogFile, CodeEntry, Envelope};
use crate::reader::looks_like_locale;
use crate::suggest::nearest;
use crate::wording::quoted_list;

pub(crate) fn check(file: &CatalogFile, diagnostics: &mut Diagnostics) {
    envelope_fields_are_distinct(&file.envelope, diagnostics);
    envelope_limits_are_positive(&file.envelope, diagnostics);
    doc_url_template_names_the_code(&file.envelope, diagnostics);
    locales_are_language_tags(file, diagnostics);
    http_statuses_are_unique(file, diagnostics);
    http_texts_are_not_empty(file, diagnostics);
    catalog_names_are_unique(file, diagnostics);
    crate::owners::check(file, diagnostics);
    for catalog in &file.catalogs {
        catalog_name_is_identifier(catalog, diagnostics);
        allowed_statuses_are_unique(catalog, diagnostics);
        ranges_belong_to_allowed_statuses(catalog, diagnostics);
        ranges_are_ordered(catalog, diagnostics);
        ranges_are_disjoint(catalog, diagnostics);
        codes_are_unique(catalog, diagnostics);
        names_are_unique(catalog, diagnostics);
        names_are_identifiers(catalog, diagnostics);
        names_are_not_generated_items(catalog, diagnostics);
        statuses_are_allowed(catalog, diagnostics);
        codes_are_in_their_status_range(catalog, diagnostics);
        codes_are_well_formed(catalog, &file.envelope, diagnostics);
        codes_are_integers_in_a_numeric_envelope(catalog, &file.envelope, diagnostics);
        success_code_is_defined(catalog, diagnostics);
        descriptions_fit(catalog, &file.envelope, diagnostics);
        every_code_has_every_locale(catalog, &file.locales, diagnostics);
        failure_codes_exist(catalog, diagnostics);
        retired_codes_are_unique(catalog, diagnostics);
        retired_codes_are_not_defined_again(catalog, diagnostics);
        lifecycle_texts_are_not_empty(catalog, diagnostics);
    }
    crate::grpc::check(file, diagnostics);
}

/// Rejects `[catalogs.ResultCode]` in a file that includes a file with a `ResultCode`
/// catalog too, and a catalog taken from two included files: each becomes one enum.
fn catalog_names_are_unique(file: &CatalogFile, diagnostics: &mut Diagnostics) {
    for (index, catalog) in file.catalogs.iter().enumerate() {
        let name = &catalog.name;
        let Some(first) = file.catalogs[..index]
            .iter()
            .find(|first| first.name.value == name.value)
        else {
            continue;
        };
        let place = diagnostics.place_of(first.name.span, name.span);
        diagnostics.push(
            name.span,
            format!(
                "catalog `{}` is defined twice, here and on {place}: each catalog becomes one enum; rename one, or take it from one file only (`include = [{{ path = \"...\", catalogs = [...] }}]`)",
                name.value
            ),
        );
    }
}

/// Rejects a second `{ code = "10106", ... }` in one catalog's `retired`.
fn retired_codes_are_unique(catalog: &Catalog, diagnostics: &mut Diagnostics) {
    report_repeats(
        catalog.retired.iter().map(|retired| &retired.code),
        |code, first| {
            format!(
                "code `{code}` is retired twice in {}: it is already in `retired` on line {first}; keep one line",
                catalog.name.value
            )
        },
        diagnostics,
    );
}

/// Rejects `{ code = "10106", ... }` in `codes` when `retired` lists `10106`: clients that
/// knew the old meaning would act on it.
fn retired_codes_are_not_defined_again(catalog: &Catalog, diagnostics: &mut Diagnostics) {
    for entry in &catalog.codes {
        if let Some(retired) = catalog.retired_code(&entry.code.value) {
            let line = diagnostics.line_of(retired.code.span);
            diagnostics.push(
                entry.code.span,
                retired_code_is_back(
                    &catalog.name.value,
                    &entry.code.value,
                    &format!(
                        "on line {line}, as `{}`, reason \"{}\"",
                        retired.name.value, retired.reason.value
                    ),
                ),
            );
        }
    }
}

/// The message for a retired code defined again; `where_retired` says where the file or
/// the lock records the retirement.
pub(crate) fn retired_code_is_back(catalog: &str, code: &str, where_retired: &str) -> String {
    format!(
        "code `{code}` was retired from {catalog} ({where_retired}) and is defined again: a retired code is never reused, clients may still act on its old meaning; give this meaning a new code"
    )
}

/// Rejects `deprecated = ""` and `reason = ""`: the message is what users read.
fn lifecycle_texts_are_not_empty(catalog: &Catalog, diagnostics: &mut Diagnostics) {
    let notes = catalog.codes.iter().filter_map(|entry| {
        let note = entry.deprecated.as_ref()?;
        Some((note, format!("empty `deprecated` note for code `{}`: say what to use instead, e.g. \"use 10105\"", entry.code.value)))
    });
    let reasons = catalog.retired.iter().map(|retired| {
        (
            &retired.reason,
            format!(
                "empty `reason` for retired code `{}`: say when or why it was retired",
                retired.code.value
            ),
        )
    });
    for (text, message) in notes.chain(reasons) {
        if text.value.trim().is_empty() {
            diagnostics.push(text.span, message);
        }
    }
}

/// Rejects `[envelope] code = "result"` (the default name of `result`) and `data = ""`.
fn envelope_fields_are_distinct(envelope: &Envelope, diagnostics: &mut Diagnostics) {
    let fields: Vec<(&str, &Spanned<String>)> = [
        ("result", envelope.result.as_ref()),
        ("code", Some(&envelope.code)),
        ("desc", Some(&envelope.desc)),
        ("data", Some(&envelope.data)),
        ("doc_url", envelope.doc_url.as_ref().map(|link| &link.field)),
    ]
    .into_iter()
    .filter_map(|(key, name)| Some((key, name?)))
    .collect();
    for (index, (key, name)) in fields.iter().enumerate() {
        if name.value.is_empty() {
            diagnostics.push(
                name.span,
                format!("envelope field `{key}` has an empty name: name the JSON field"),
            );
        }
        for (other_key, other) in &fields[index + 1..] {
            if name.value.is_empty() || other.value != name.value {
                continue;
            }
            // Point at a name the file wrote: a default has an empty span.
            let (written_key, written, clashing_key, clashing) = if other.span.is_empty() {
                (key, name, other_key, other)
            } else {
                (other_key, other, key, name)
            };
            let message = if clashing.span.is_empty() {
                format!(
                    "envelope field `{written_key}` is named `{}`, the default name of field `{clashing_key}`: give each field its own name",
                    written.value
                )
            } else {
                format!(
                    "envelope fields `{key}` and `{other_key}` are both named `{}`: give each field its own name",
                    written.value
                )
            };
            diagnostics.push(written.span, message);
        }
    }
}

/// Rejects `doc_url = { field = "doc_url", template = "https://example.com/codes" }` (every
/// code would link to one page) and a placeholder other than `{code}`.
fn doc_url_template_names_the_code(envelope: &Envelope, diagnostics: &mut Diagnostics) {
    let Some(link) = &envelope.doc_url else {
        return;
    };
    let template = &link.template.value;
    let without_code = template.replace(DOC_URL_PLACEHOLDER, "");
    let message = if !template.contains(DOC_URL_PLACEHOLDER) {
        "the `doc_url` template has no `{code}`: every code would link to the same page; write where the code goes, e.g. \"https://errors.example.com/codes/{code}\""
    } else if without_code.contains(['{', '}']) {
        "the `doc_url` template has a placeholder other than `{code}`: `{code}` is the only one; write the rest of the link as it is"
    } else {
        return;
    };
    diagnostics.push(link.template.span, message);
}

/// Rejects `[envelope] desc_max_chars = 0`.
fn envelope_limits_are_positive(envelope: &Envelope, diagnostics: &mut Diagnostics) {
    for (key, limit) in [
        ("code_max_chars", &envelope.code_max_chars),
        ("desc_max_chars", &envelope.desc_max_chars),
    ] {
        if limit.value == 0 {
            diagnostics.push(limit.span, format!("`{key}` must be at least 1"));
        }
    }
}

/// Rejects `locales = ["zh", "english", "zh"]`: each is a language tag, listed once.
fn locales_are_language_tags(file: &CatalogFile, diagnostics: &mut Diagnostics) {
    for locale in &file.locales {
        if !looks_like_locale(&locale.value) {
            diagnostics.push(
                locale.span,
                format!(
                    "`{}` is not a language tag: write one such as `en`, `zh` or `zh-TW`",
                    locale.value
                ),
            );
        }
    }
    report_repeats(
        file.locales.iter(),
        |locale, first| {
            format!(
                "locale `{locale}` is listed twice: it is already on line {first}; list each once"
            )
        },
        diagnostics,
    );
}

/// Rejects a code line without `en = "..."` when `locales = ["zh", "en"]`: every code is
/// described in every locale, so no answer falls back to another language unseen.
fn every_code_has_every_locale(
    catalog: &Catalog,
    locales: &[Spanned<String>],
    diagnostics: &mut Diagnostics,
) {
    // A locale listed twice is reported once, by `locales_are_language_tags`.
    let mut others: Vec<&Spanned<String>> = Vec::new();
    for locale in locales.iter().skip(1) {
        if locales[0].value != locale.value && !others.iter().any(|o| o.value == locale.value) {
            others.push(locale);
        }
    }
    for entry in &catalog.codes {
        for locale in &others {
            if !entry
                .translations
                .iter()
                .any(|(tag, _)| *tag == locale.value)
            {
                diagnostics.push(
                    entry.desc.span,
                    format!(
                        "code `{}` has no description in `{}`, a locale of the file: add `{} = \"...\"` to its line",
                        entry.code.value, locale.value, locale.value
                    ),
                );
            }
        }
    }
}

/// Rejects two rows `{ status = 404, ... }` in the `http` table.
fn http_statuses_are_unique(file: &CatalogFile, diagnostics: &mut Diagnostics) {
    report_repeats(
        file.http_statuses.iter().map(|row| &row.status),
        |status, _| format!("HTTP status {status} is listed twice: keep one row per status"),
        diagnostics,
    );
}

/// Rejects `{ status = 404, reason = "", meaning = "..." }`.
fn http_texts_are_not_empty(file: &CatalogFile, diagnostics: &mut Diagnostics) {
    for row in &file.http_statuses {
        for (key, text) in [("reason", &row.reason), ("meaning", &row.meaning)] {
            if text.value.trim().is_empty() {
                diagnostics.push(
                    text.span,
                    format!("the `{key}` of HTTP status {} is empty", row.status.value),
                );
            }
        }
    }
}

/// Rejects `[catalogs.result-code]`: the name becomes a Rust enum.
fn catalog_name_is_identifier(catalog: &Catalog, diagnostics: &mut Diagnostics) {
    if let Err(why) = check_identifier(&catalog.name.value) {
        diagnostics.push(
            catalog.name.span,
            format!(
                "catalog name `{}` {why}: it names the generated enum",
                catalog.name.value
            ),
        );
    }
}

/// Rejects `statuses = [200, 404, 200]`.
fn allowed_statuses_are_unique(catalog: &Catalog, diagnostics: &mut Diagnostics) {
    let Some(allowed) = &catalog.statuses else {
        return;
    };
    report_repeats(
        allowed.iter(),
        |status, _| format!("status {status} is listed twice in `statuses`: list each status once"),
        diagnostics,
    );
}

/// Rejects `statuses = [200, 404]` with `ranges = { 500 = [10500, 10599] }`.
fn ranges_belong_to_allowed_statuses(catalog: &Catalog, diagnostics: &mut Diagnostics) {
    let Some(allowed) = &catalog.statuses else {
        return;
    };
    for range in &catalog.ranges {
        if !allowed
            .iter()
            .any(|status| status.value == range.status.value)
        {
            diagnostics.push(
                range.status.span,
                format!(
                    "range for status {} which is not in `statuses` ({}): add the status or remove the range",
                    range.status.value,
                    list_statuses(allowed)
                ),
            );
        }
    }
}

/// Rejects `404 = [10499, 10400]`.
fn ranges_are_ordered(catalog: &Catalog, diagnostics: &mut Diagnostics) {
    for range in &catalog.ranges {
        if range.low.value > range.high.value {
            diagnostics.push(
                range.low.span,
                format!(
                    "range for status {} starts above its end ({} > {}): write the lowest code first",
                    range.status.value, range.low.value, range.high.value
                ),
            );
        }
    }
}

/// Rejects `ranges = { 400 = [10000, 10099], 401 = [10050, 10199] }`: a code would belong to
/// two statuses.
fn ranges_are_disjoint(catalog: &Catalog, diagnostics: &mut Diagnostics) {
    for (index, range) in catalog.ranges.iter().enumerate() {
        let Some(earlier) = catalog.ranges[..index].iter().find(|earlier| {
            earlier.low.value <= range.high.value && range.low.value <= earlier.high.value
        }) else {
            continue;
        };
        diagnostics.push(
            range.status.span,
            format!(
                "the range of status {} ({} to {}) overlaps the range of status {} ({} to {}): a code must belong to one status",
                range.status.value,
                range.low.value,
                range.high.value,
                earlier.status.value,
                earlier.low.value,
                earlier.high.value
            ),
        );
    }
}

/// Rejects a second `{ code = "10400", ... }` in one catalog.
fn codes_are_unique(catalog: &Catalog, diagnostics: &mut Diagnostics) {
    report_repeats(
        catalog.codes.iter().map(|entry| &entry.code),
        |code, first| {
            format!(
                "duplicate code `{code}` in {}: it is already defined on line {first}; give each code one line",
                catalog.name.value
            )
        },
        diagnostics,
    );
}

/// Rejects a second `{ name = "NotFound", ... }` in one catalog.
fn names_are_unique(catalog: &Catalog, diagnostics: &mut Diagnostics) {
    report_repeats(
        catalog.codes.iter().map(|entry| &entry.name),
        |name, first| {
            format!(
                "duplicate variant name `{name}` in {}: it is already used on line {first}; choose another name",
                catalog.name.value
            )
        },
        diagnostics,
    );
}

/// Rejects `{ name = "not-found", ... }` and `{ name = "Self", ... }`.
fn names_are_identifiers(catalog: &Catalog, diagnostics: &mut Diagnostics) {
    for entry in &catalog.codes {
        if let Err(why) = check_identifier(&entry.name.value) {
            diagnostics.push(
                entry.name.span,
                format!(
                    "variant name `{}` {why}: use an UpperCamelCase name such as `NotFound`",
                    entry.name.value
                ),
            );
        }
    }
}

/// Rejects `{ name = "ALL", ... }`: the generated enum has an associated const `ALL`.
fn names_are_not_generated_items(catalog: &Catalog, diagnostics: &mut Diagnostics) {
    for entry in &catalog.codes {
        if GENERATED_ITEMS.contains(&entry.name.value.as_str()) {
            diagnostics.push(
                entry.name.span,
                format!(
                    "variant name `{}` clashes with the generated `{}::{}`: choose another name",
                    entry.name.value, catalog.name.value, entry.name.value
                ),
            );
        }
    }
}

/// Rejects `{ code = "A0001", ... }` when `[envelope] code_type = "number"`, and `"007"`:
/// the code is written as a JSON number, so it must read back as the same text.
fn codes_are_integers_in_a_numeric_envelope(
    catalog: &Catalog,
    envelope: &Envelope,
    diagnostics: &mut Diagnostics,
) {
    if envelope.code_type.value != CodeType::Number {
        return;
    }
    for Spanned { value: code, span } in catalog.codes.iter().map(|entry| &entry.code) {
        if !code.is_empty() && !is_canonical_integer(code) {
            diagnostics.push(
                *span,
                format!(
                    "code `{code}` is not an integer, and the envelope writes codes as numbers (`code_type = \"number\"`): write it as an integer such as `40013` or `-1`, without leading zeros or `+`"
                ),
            );
        }
    }
}

/// `0`, `40013`, `-1`: an integer as JSON writes it, which fits an `i64`.
fn is_canonical_integer(code: &str) -> bool {
    let digits = code.strip_prefix('-').unwrap_or(code);
    let canonical = !digits.is_empty()
        && digits.bytes().all(|byte| byte.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'))
        && code != "-0";
    canonical && code.parse::<i64>().is_ok()
}

/// Rejects `success = "00001"` when the catalog has no such code, a success code whose
/// status is not 2xx, and, without `success`, a catalog with no code or several codes
/// of status 200: which code means success must be clear.
fn success_code_is_defined(catalog: &Catalog, diagnostics: &mut Diagnostics) {
    let name = &catalog.name.value;
    if let Some(declared) = &catalog.success {
        let Some(entry) = named_entry(
            catalog,
            "success",
            declared,
            "add the code to `codes`, or name one of its codes",
            diagnostics,
        ) else {
            return;
        };
        if !(200..300).contains(&entry.status.value) {
            diagnostics.push(
                declared.span,
                format!(
                    "the success code `{}` has status {}: success answers with a 2xx status",
                    declared.value, entry.status.value
                ),
            );
        }
        return;
    }
    let mut ok: Vec<&CodeEntry> = Vec::new();
    for entry in catalog
        .codes
        .iter()
        .filter(|entry| entry.status.value == 200)
    {
        // A repeated code is one code, reported by `codes_are_unique`.
        if !ok.iter().any(|seen| seen.code.value == entry.code.value) {
            ok.push(entry);
        }
    }
    match ok.as_slice() {
        [_] => {}
        // The success code may be on a line that could not be read, already reported.
        [] if !catalog.unread.is_empty() => {}
        [] => diagnostics.push(
            catalog.name.span,
            format!(
                "{name} has no success code: add a code with status 200, or name its success code with `success = \"...\"`"
            ),
        ),
        [first, second, ..] => diagnostics.push(
            second.code.span,
            format!(
                "{name} has several codes with status 200 (`{}` on line {} and `{}`), so which one means success is unclear: name it with `success = \"{}\"` in [catalogs.{name}]",
                first.code.value,
                diagnostics.line_of(first.code.span),
                second.code.value,
                first.code.value,
            ),
        ),
    }
}

/// Rejects `{ status = 418, ... }` when `statuses = [200, 400, 404]`.
fn statuses_are_allowed(catalog: &Catalog, diagnostics: &mut Diagnostics) {
    let Some(allowed) = &catalog.statuses else {
        return;
    };
    for entry in &catalog.codes {
        if !allowed
            .iter()
            .any(|status| status.value == entry.status.value)
        {
            diagnostics.push(
                entry.status.span,
                format!(
                    "status {} is not allowed in {}: use one of {}, or add it to `statuses`",
                    entry.status.value,
                    catalog.name.value,
                    list_statuses(allowed)
                ),
            );
        }
    }
}

/// Rejects `{ code = "10500", status = 404, ... }` when `ranges = { 404 = [10400, 10499] }`,
/// and `{ code = "010400", ... }`: a range holds plain numbers only.
fn codes_are_in_their_status_range(catalog: &Catalog, diagnostics: &mut Diagnostics) {
    for entry in &catalog.codes {
        let Some(range) = catalog.range_of(entry.status.value) else {
            continue;
        };
        // A reversed range is reported once by `ranges_are_ordered`, not again per code.
        if range.low.value <= range.high.value && !range.contains(&entry.code.value) {
            diagnostics.push(
                entry.code.span,
                format!(
                    "code `{}` is outside the range of status {}: use a code from {} to {}",
                    entry.code.value, entry.status.value, range.low.value, range.high.value
                ),
            );
        }
    }
}

/// Rejects `{ code = "", ... }`, `{ code = "10400 ", ... }` and a code longer than
/// `code_max_chars`.
fn codes_are_well_formed(catalog: &Catalog, envelope: &Envelope, diagnostics: &mut Diagnostics) {
    // A limit of 0 is reported once by `envelope_limits_are_positive`, hence `max > 0` below.
    let max = envelope.code_max_chars.value;
    for Spanned { value: code, span } in catalog.codes.iter().map(|entry| &entry.code) {
        let length = code.chars().count();
        if code.is_empty() {
            diagnostics.push(*span, "empty code: write the code, e.g. `10400`");
        } else if length > max && max > 0 {
            diagnostics.push(
                *span,
                format!("code `{code}` is {length} characters long: the limit is {max}"),
            );
        } else if code.chars().any(|c| c.is_whitespace() || c.is_control()) {
            // Clients compare codes byte for byte: a stray space is a different code.
            diagnostics.push(
                *span,
                format!(
                    "code `{}` contains white space: remove it",
                    code.escape_debug()
                ),
            );
        }
    }
}

/// Rejects `{ desc = "", ... }`, `en = ""` and a description longer than `desc_max_chars`,
/// in every locale.
fn descriptions_fit(catalog: &Catalog, envelope: &Envelope, diagnostics: &mut Diagnostics) {
    let max = envelope.desc_max_chars.value;
    for entry in &catalog.codes {
        let texts = std::iter::once(("", &entry.desc)).chain(
            entry
                .translations
                .iter()
                .map(|(locale, text)| (locale.as_str(), text)),
        );
        for (locale, desc) in texts {
            let what = if locale.is_empty() {
                "description".to_owned()
            } else {
                format!("`{locale}` description")
            };
            let length = desc.value.chars().count();
            if desc.value.trim().is_empty() {
                diagnostics.push(
                    desc.span,
                    format!(
                        "empty {what} for code `{}`: write what the code means",
                        entry.code.value
                    ),
                );
            } else if length > max && max > 0 {
                diagnostics.push(
                    desc.span,
                    format!(
                        "{what} of code `{}` is {length} characters long: the limit is {max}",
                        entry.code.value
                    ),
                );
            }
        }
    }
}

/// Rejects `invalid_json = "10009"` when the catalog has no code 10009, the success
/// code as a failure's answer, `internal = "10000"` (a 400) and `not_found = "10500"` (a
/// 500): `internal` answers with a 5xx code, every other failure with a 4xx one, and a
/// catalog that answers its errors with HTTP 200 may name 2xx codes for both.
fn failure_codes_exist(catalog: &Catalog, diagnostics: &mut Diagnostics) {
    let success = catalog.success().map(|entry| entry.code.value.as_str());
    for failure in catalog.failures.iter().flatten() {
        let code = &failure.code;
        let kind = failure.kind.value.key();
        let Some(entry) = named_entry(
            catalog,
            kind,
            code,
            "use a code of this catalog",
            diagnostics,
        ) else {
            continue;
        };
        let status = entry.status.value;
        if success == Some(code.value.as_str()) {
            diagnostics.push(
                code.span,
                format!(
                    "`{kind}` names `{}`, the success code of {}: a failure answers with an error code",
                    code.value, catalog.name.value
                ),
            );
            continue;
        }
        let (wanted, error_class) = if kind == "internal" {
            ("a 5xx", 500..600)
        } else {
            ("a 4xx", 400..500)
        };
        if !error_class.contains(&status) && !(200..300).contains(&status) {
            diagnostics.push(
                code.span,
                format!(
                    "`{kind}` must answer with {wanted} code (or a 2xx one, in a catalog that answers errors with HTTP 200), and `{}` has status {status}: choose another code",
                    code.value
                ),
            );
        }
    }
}

/// The entry of `code`, which the key `key` names; if the catalog has none, reports it
/// with the nearest code, or `otherwise` when none is near.
fn named_entry<'c>(
    catalog: &'c Catalog,
    key: &str,
    code: &Spanned<String>,
    otherwise: &str,
    diagnostics: &mut Diagnostics,
) -> Option<&'c CodeEntry> {
    let entry = catalog.entry(&code.value);
    if entry.is_none() && !catalog.may_be_unread(&code.value) {
        let codes = catalog.codes.iter().map(|entry| entry.code.value.as_str());
        let near = nearest(&code.value, codes);
        let hint = match near.is_empty() {
            false => format!("did you mean {}?", quoted_list(near, "or")),
            true => otherwise.to_owned(),
        };
        diagnostics.push(
            code.span,
            format!(
                "`{key}` names code `{}`, which {} does not have: {hint}",
                code.value, catalog.name.value
            ),
        );
    }
    entry
}

/// Reports every value that repeats an earlier one, naming the line of the first.
fn report_repeats<'a, T: Eq + std::hash::Hash + std::fmt::Display + 'a>(
    values: impl Iterator<Item = &'a Spanned<T>>,
    message: impl Fn(&T, usize) -> String,
    diagnostics: &mut Diagnostics,
) {
    let mut first_seen: HashMap<&T, &Spanned<T>> = HashMap::new();
    for value in values {
        match first_seen.get(&value.value) {
            Some(first) => {
                let line = diagnostics.line_of(first.span);
                diagnostics.push(value.span, message(&value.value, line));
            }
            None => {
                first_seen.insert(&value.value, value);
            }
        }
    }
}

fn list_statuses(statuses: &[Spanned<u16>]) -> String {
    let numbers: Vec<String> = statuses
        .iter()
        .map(|status| status.value.to_string())
        .collect();
    numbers.join(", ")
}
