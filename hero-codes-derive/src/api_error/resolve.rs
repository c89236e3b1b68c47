//! Looks every code up in the catalog and checks the rules that need it: the code exists
//! in one catalog and is not its success code, a `desc` fits its variant and is not on a
//! 5xx code.

use hero_codes_catalog::{
    Catalog, CodeEntry, GrpcCode, closest, error_reason, nearest, quoted_list, unknown_grpc_code,
};
use proc_macro2::Span;
use syn::{Fields, LitStr, Member};

use super::ast::{Input, Variant};
use super::attr::{Place, unknown_key_among};
use super::template::{self, Piece};
use crate::ctxt::Ctxt;
use crate::source::{self, Loaded, NotLoaded};

/// The derive input with each variant's code found in the catalog.
pub(crate) struct Resolved<'a> {
    pub(crate) input: &'a Input<'a>,
    pub(crate) source: Loaded,
    pub(crate) variants: Vec<ResolvedVariant<'a>>,
}

pub(crate) struct ResolvedVariant<'a> {
    pub(crate) variant: &'a Variant<'a>,
    /// The name of the catalog the code is in.
    pub(crate) catalog: String,
    pub(crate) code: String,
    pub(crate) status: u16,
    /// The gRPC status: the variant's own `grpc`, else the code's.
    pub(crate) grpc: GrpcCode,
    /// The reason of the answer's `ErrorInfo`: the code's variant in UPPER_SNAKE_CASE.
    pub(crate) reason: String,
    /// The gRPC error domain of the code's catalog.
    pub(crate) domain: String,
    pub(crate) desc: Desc,
    /// The note of a code the catalog marks `deprecated`, and the `code = "..."` literal
    /// that names it, where the warning points (unless the variant allows it).
    pub(crate) deprecated: Option<(String, &'a LitStr)>,
}

/// Where a variant's public description comes from, one text per locale of the file
/// (the default first).
pub(crate) enum Desc {
    /// The catalog's texts for the code.
    Catalog(Vec<String>),
    /// The variant's own `#[api(desc = "...", en = "...")]`, filled from its fields.
    Template(Vec<Template>),
}

/// A description filled from fields: each piece with its field, and the literal's span, so
/// a field that cannot be formatted is reported there.
pub(crate) struct Template {
    pub(crate) pieces: Vec<(Piece, Option<Member>)>,
    pub(crate) span: Span,
}

/// Reads the catalog the input names (`#[api(file)]`) or its crate declares: the derive's
/// one read of anything outside its input, through the catalog's one loader.
pub(crate) fn load(input: &Input<'_>, ctxt: &mut Ctxt) -> Option<Loaded> {
    if input.attrs.had_error {
        // A mistake in `file` or `catalog` would make every code look unknown: report
        // that mistake alone.
        return None;
    }
    let owner = format!("derive(ApiError) for {}", input.original.ident);
    let loaded = match &input.attrs.file {
        Some(file) => source::load(file, &owner),
        None => source::load_crate_catalog(input.original.ident.span(), &owner),
    };
    match loaded {
        Ok(source) => Some(source),
        Err(NotLoaded(error)) => {
            // Without an error, another macro of this build reported the file's problems.
            if let Some(error) = error {
                ctxt.syn_error(error);
            }
            None
        }
    }
}

/// Checks every variant against the loaded catalog: a pure function of the input and
/// what [`load`] read.
pub(crate) fn resolve<'a>(
    input: &'a Input<'a>,
    source: Loaded,
    ctxt: &mut Ctxt,
) -> Option<Resolved<'a>> {
    let catalogs = select_catalogs(input, &source, ctxt)?;
    let variants = input
        .variants
        .iter()
        .filter_map(|variant| resolve_variant(input, variant, &catalogs, &source, ctxt))
        .collect();
    Some(Resolved {
        input,
        source,
        variants,
    })
}

/// The catalog `#[api(catalog = "...")]` names, or all of them.
fn select_catalogs<'f>(
    input: &Input<'_>,
    source: &'f Loaded,
    ctxt: &mut Ctxt,
) -> Option<Vec<&'f Catalog>> {
    let Some(name) = &input.attrs.catalog else {
        return Some(source.file.catalogs.iter().collect());
    };
    if let Some(catalog) = source.file.catalog(&name.value()) {
        return Some(vec![catalog]);
    }
    let names = source
        .file
        .catalogs
        .iter()
        .map(|catalog| catalog.name.value.as_str());
    let hint = match closest(&name.value(), names.clone()) {
        Some(near) => format!("did you mean `{near}`?"),
        None => format!("it has {}", quoted_list(names, "and")),
    };
    ctxt.error_spanned_by(
        name,
        format!("no catalog `{}` in {}: {hint}", name.value(), source.origin),
    );
    None
}

fn resolve_variant<'a>(
    input: &Input<'_>,
    variant: &'a Variant<'a>,
    catalogs: &[&Catalog],
    source: &Loaded,
    ctxt: &mut Ctxt,
) -> Option<ResolvedVariant<'a>> {
    if !translations_are_locales(input, variant, source, ctxt) {
        return None; // a misspelt key: its code may be the one missing
    }
    let Some(code) = &variant.attrs.code else {
        if variant.attrs.had_error {
            return None; // its #[api] is already reported
        }
        let message = if input.is_enum() {
            format!(
                "variant `{}` has no code: add #[api(code = \"...\")] to it",
                variant.ident
            )
        } else {
            format!(
                "`{}` has no code: add #[api(code = \"...\")] to the struct",
                variant.ident
            )
        };
        ctxt.error_spanned_by(variant.ident, message);
        return None;
    };
    let (catalog, entry) = find_code(code, input, catalogs, source, ctxt)?;
    if catalog
        .success()
        .is_some_and(|success| success.code.value == entry.code.value)
    {
        ctxt.error_spanned_by(
            code,
            format!(
                "`{}` is the success code of {}: an error answers with an error code; use one of its other codes",
                entry.code.value, catalog.name.value
            ),
        );
        return None;
    }
    let desc = match &variant.attrs.desc {
        None => {
            if let Some(translation) = variant.attrs.translations.first() {
                ctxt.error_spanned_by(
                    &translation.key,
                    format!(
                        "`{}` translates `desc`, which is missing: add `desc = \"...\"` in the default locale",
                        translation.locale
                    ),
                );
                return None;
            }
            let locales = source.file.locales.len().max(1);
            Desc::Catalog(
                (0..locales)
                    .map(|locale| entry.desc_in(locale).to_owned())
                    .collect(),
            )
        }
        Some(desc) => Desc::Template(check_desc(desc, variant, entry, source, ctxt)?),
    };
    let deprecated = entry.deprecated.as_ref().map(|note| {
        let note = format!("code `{}` is deprecated: {}", entry.code.value, note.value);
        (note, code)
    });
    let grpc = match &variant.attrs.grpc {
        Some(written) => own_grpc(written, ctxt)?,
        None => catalog.grpc_of(entry),
    };
    Some(ResolvedVariant {
        variant,
        catalog: catalog.name.value.clone(),
        code: entry.code.value.clone(),
        status: entry.status.value,
        grpc,
        reason: error_reason(&entry.name.value),
        domain: source.file.domain_of(catalog).to_owned(),
        desc,
        deprecated,
    })
}

/// `#[api(grpc = "NOT_FOUND")]`: a status of `google/rpc/code.proto`, other than `OK`.
fn own_grpc(written: &LitStr, ctxt: &mut Ctxt) -> Option<GrpcCode> {
    let name = written.value();
    let message = match GrpcCode::from_name(&name) {
        Some(GrpcCode::Ok) => "`grpc = \"OK\"` would answer this error as a success over gRPC: name an error status, such as \"FAILED_PRECONDITION\"".to_owned(),
        Some(code) => return Some(code),
        None => unknown_grpc_code(&name),
    };
    ctxt.error_spanned_by(written, message);
    None
}

/// The entry of `code` and its catalog, which must be exactly one of `catalogs`.
fn find_code<'f>(
    code: &LitStr,
    input: &Input<'_>,
    catalogs: &[&'f Catalog],
    source: &Loaded,
    ctxt: &mut Ctxt,
) -> Option<(&'f Catalog, &'f CodeEntry)> {
    let wanted = code.value();
    let found: Vec<(&Catalog, &CodeEntry)> = catalogs
        .iter()
        .filter_map(|catalog| catalog.entry(&wanted).map(|entry| (*catalog, entry)))
        .collect();
    match found.as_slice() {
        [(catalog, entry)] => Some((catalog, entry)),
        [] => {
            if let Some(chosen) = &input.attrs.catalog {
                let elsewhere: Vec<&str> = source
                    .file
                    .catalogs
                    .iter()
                    .filter(|catalog| catalog.entry(&wanted).is_some())
                    .map(|catalog| catalog.name.value.as_str())
                    .collect();
                if !elsewhere.is_empty() {
                    ctxt.error_spanned_by(
                        code,
                        format!(
                            "code `{wanted}` is not in catalog `{}`: it is in {} of {}; use one of `{}`'s codes, or change `catalog`",
                            chosen.value(),
                            quoted_list(elsewhere.iter().copied(), "and"),
                            source.origin,
                            chosen.value()
                        ),
                    );
                    return None;
                }
            }
            ctxt.error_spanned_by(code, missing_code(&wanted, catalogs, &source.origin));
            None
        }
        several => {
            let names = several
                .iter()
                .map(|(catalog, _)| catalog.name.value.as_str());
            ctxt.error_spanned_by(
                code,
                format!(
                    "code `{wanted}` is in {} of {}: pick one with #[api(catalog = \"...\")] on the enum",
                    quoted_list(names, "and"),
                    source.origin
                ),
            );
            None
        }
    }
}

/// Why `wanted`, in none of `catalogs`, cannot be used: retired (with the file's reason),
/// or unknown, with every code that is as likely what was meant.
fn missing_code(wanted: &str, catalogs: &[&Catalog], origin: &str) -> String {
    if let Some((catalog, retired)) = catalogs
        .iter()
        .find_map(|catalog| Some((catalog, catalog.retired_code(wanted)?)))
    {
        return format!(
            "code `{wanted}` ({}) is retired from {} in {origin}: {}; use a code in service",
            retired.name.value, catalog.name.value, retired.reason.value
        );
    }
    let entries: Vec<&CodeEntry> = catalogs.iter().flat_map(|catalog| &catalog.codes).collect();
    let near: Vec<String> = nearest(
        wanted,
        entries.iter().map(|entry| entry.code.value.as_str()),
    )
    .into_iter()
    .filter_map(|near| entries.iter().find(|entry| entry.code.value == near))
    .map(|entry| {
        format!(
            "`{}` ({}, {})",
            entry.code.value, entry.name.value, entry.desc.value
        )
    })
    .collect();
    let hint = match near.as_slice() {
        [] => "add it to the catalog file, or use a code it has".to_owned(),
        [one] => format!("did you mean {one}?"),
        [init @ .., last] => format!("did you mean {} or {last}?", init.join(", ")),
    };
    format!("unknown code `{wanted}`: it is not in {origin}; {hint}")
}

/// Checks every `en = "..."` of a variant names a locale of the file other than its
/// default; a key that is no locale is a misspelt key, with its suggestion.
fn translations_are_locales(
    input: &Input<'_>,
    variant: &Variant<'_>,
    source: &Loaded,
    ctxt: &mut Ctxt,
) -> bool {
    let locales = source.file.locale_tags();
    let place = if input.is_enum() {
        Place::Variant
    } else {
        Place::Struct
    };
    let mut ok = true;
    for translation in &variant.attrs.translations {
        let locale = translation.locale.as_str();
        let message = match locales.iter().position(|tag| *tag == locale) {
            Some(index) if index > 0 => continue,
            Some(_) => format!(
                "`{locale}` is the default locale of {}: write its text as `desc`",
                source.origin
            ),
            None => {
                let keys: Vec<&str> = place
                    .keys()
                    .iter()
                    .copied()
                    .chain(locales.iter().skip(1).copied())
                    .collect();
                if closest(locale, keys.iter().copied()).is_some() || locales.is_empty() {
                    unknown_key_among(&translation.key.to_string(), &keys)
                } else {
                    format!(
                        "unknown key `{}` in #[api]: `{locale}` is not a locale of {}, which has {}",
                        translation.key,
                        source.origin,
                        quoted_list(locales.iter().copied(), "and")
                    )
                }
            }
        };
        ctxt.error_spanned_by(&translation.key, message);
        ok = false;
    }
    ok
}

/// Checks `#[api(desc = "...")]` and its translations: never on a 5xx code (a 5xx answer
/// sends only the catalog's text, so no internal detail leaks), one text per locale of
/// the file, each well-formed, every placeholder naming a field, the same fields in every
/// locale, the fixed text within the envelope's limit. Returns one template per locale.
fn check_desc(
    desc: &LitStr,
    variant: &Variant<'_>,
    entry: &CodeEntry,
    source: &Loaded,
    ctxt: &mut Ctxt,
) -> Option<Vec<Template>> {
    let status = entry.status.value;
    if status >= 500 {
        ctxt.error_spanned_by(
            desc,
            format!(
                "`desc` is not for 5xx codes, and `{}` answers {status}: a 5xx answer sends the catalog's text, so no internal detail reaches the client",
                entry.code.value
            ),
        );
        return None;
    }
    // The description itself first: its own mistakes come before a missing translation.
    let default = Template {
        pieces: check_template("desc", desc, variant.fields, source, ctxt)?,
        span: desc.span(),
    };
    let locales = source.file.locale_tags();
    let mut texts = vec![("desc", desc)];
    for locale in locales.iter().skip(1) {
        match variant
            .attrs
            .translations
            .iter()
            .find(|translation| translation.locale == *locale)
        {
            Some(translation) => texts.push((locale, &translation.text)),
            None => {
                ctxt.error_spanned_by(
                    desc,
                    format!(
                        "`desc` has no `{locale}` translation: add `{} = \"...\"`, as {} describes every code in {}",
                        locale.replace('-', "_"),
                        source.origin,
                        quoted_list(locales.iter().copied(), "and")
                    ),
                );
                return None;
            }
        }
    }
    let mut templates = vec![default];
    for (key, text) in texts.iter().skip(1) {
        templates.push(Template {
            pieces: check_template(key, text, variant.fields, source, ctxt)?,
            span: text.span(),
        });
    }
    same_fields(&texts, &templates, ctxt)?;
    Some(templates)
}

/// Every locale's description fills in the same fields as `desc` (the first of `texts`,
/// each with the template checked from it); else an error at the first that does not.
fn same_fields(texts: &[(&str, &LitStr)], templates: &[Template], ctxt: &mut Ctxt) -> Option<()> {
    let default_fields = fields_of(&templates[0]);
    for ((key, text), template) in texts.iter().zip(templates).skip(1) {
        let fields = fields_of(template);
        if fields != default_fields {
            let list = |names: &[String]| match names {
                [] => "no field".to_owned(),
                names => names
                    .iter()
                    .map(|name| format!("`{{{name}}}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
            };
            ctxt.error_spanned_by(
                text,
                format!(
                    "the `{key}` description fills in {}, and `desc` fills in {}: every locale fills in the same fields",
                    list(&fields),
                    list(&default_fields)
                ),
            );
            return None;
        }
    }
    Some(())
}

/// The fields a template fills in, sorted, each once.
fn fields_of(template: &Template) -> Vec<String> {
    let mut names: Vec<String> = template
        .pieces
        .iter()
        .filter_map(|(piece, _)| match piece {
            Piece::Field { name, .. } => Some(name.clone()),
            Piece::Text(_) => None,
        })
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Checks one description template (`key` names it in messages): well-formed, not empty,
/// within the limit, every placeholder naming a field.
fn check_template(
    key: &str,
    desc: &LitStr,
    fields: &Fields,
    source: &Loaded,
    ctxt: &mut Ctxt,
) -> Option<Vec<(Piece, Option<Member>)>> {
    let text = desc.value();
    let pieces = match template::parse(&text) {
        Ok(pieces) => pieces,
        Err(message) => {
            ctxt.error_spanned_by(desc, message.replace("`desc`", &format!("`{key}`")));
            return None;
        }
    };
    let max = source.file.envelope.desc_max_chars.value;
    let fixed = template::fixed_chars(&pieces);
    if pieces.is_empty() {
        ctxt.error_spanned_by(
            desc,
            format!(
                "empty `{key}`: write the description, or leave `desc` out to use the catalog's"
            ),
        );
        return None;
    }
    if fixed > max {
        ctxt.error_spanned_by(
            desc,
            format!("`{key}` has {fixed} characters of text: the limit is {max}"),
        );
        return None;
    }
    let mut ok = true;
    let pieces = pieces
        .into_iter()
        .map(|piece| {
            let member = match &piece {
                Piece::Field { name, .. } => {
                    let member = field_member(fields, name);
                    if member.is_none() {
                        ok = false;
                        ctxt.error_spanned_by(
                            desc,
                            format!(
                                "placeholder `{{{name}}}` names no field: {}",
                                describe_fields(fields)
                            ),
                        );
                    }
                    member
                }
                Piece::Text(_) => None,
            };
            (piece, member)
        })
        .collect();
    ok.then_some(pieces)
}

fn field_member(fields: &Fields, name: &str) -> Option<Member> {
    match fields {
        Fields::Named(named) => named
            .named
            .iter()
            .filter_map(|field| field.ident.as_ref())
            .find(|ident| *ident == name)
            .map(|ident| Member::Named(ident.clone())),
        Fields::Unnamed(unnamed) => name
            .parse::<usize>()
            .ok()
            .filter(|index| *index < unnamed.unnamed.len())
            .map(Member::from),
        Fields::Unit => None,
    }
}

fn describe_fields(fields: &Fields) -> String {
    let placeholders: Vec<String> = match fields {
        Fields::Named(named) => named
            .named
            .iter()
            .filter_map(|field| field.ident.as_ref())
            .map(|ident| format!("`{{{ident}}}`"))
            .collect(),
        Fields::Unnamed(unnamed) => (0..unnamed.unnamed.len())
            .map(|index| format!("`{{{index}}}`"))
            .collect(),
        Fields::Unit => Vec::new(),
    };
    match placeholders.as_slice() {
        [] => "this has no fields to fill in".to_owned(),
        [only] => format!("use {only}"),
        several => format!("use one of {}", several.join(", ")),
    }
}
