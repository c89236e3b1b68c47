//! `#[api(...)]` attributes: parsed into spanned values, with unknown, misplaced and
//! duplicate keys reported.

use hero_codes_catalog::{closest, looks_like_locale, quoted_list};
use syn::{Attribute, LitStr, Path};

use crate::ctxt::Ctxt;

/// Where an `#[api]` attribute stands, which decides the keys it may hold.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// On the enum: which catalog file and catalog to read.
    Enum,
    /// On a struct: the catalog, and the struct's own code.
    Struct,
    /// On an enum variant: its code and description.
    Variant,
}

impl Place {
    /// The keys an `#[api]` here takes.
    pub(crate) fn keys(self) -> &'static [&'static str] {
        match self {
            Place::Enum => &["file", "catalog", "crate"],
            Place::Struct => &["file", "catalog", "crate", "code", "desc", "grpc"],
            Place::Variant => &["code", "desc", "grpc"],
        }
    }

    /// Why a key that is valid elsewhere is wrong here.
    fn misplaced(self, key: &str) -> Option<&'static str> {
        match (self, key) {
            (Place::Variant, "file" | "catalog" | "crate") => {
                Some("belongs on the enum, not on a variant")
            }
            (Place::Enum, "code" | "desc" | "grpc") => {
                Some("belongs on each variant, not on the enum")
            }
            _ => None,
        }
    }
}

/// The keys of all `#[api(...)]` attributes on one item.
#[derive(Default)]
pub(crate) struct Attrs {
    pub(crate) code: Option<LitStr>,
    pub(crate) desc: Option<LitStr>,
    /// `grpc = "FAILED_PRECONDITION"`: the gRPC status, in place of the code's.
    pub(crate) grpc: Option<LitStr>,
    pub(crate) file: Option<LitStr>,
    pub(crate) catalog: Option<LitStr>,
    /// `crate = path`: the runtime crate's path, for a crate that renames `hero-codes`.
    pub(crate) krate: Option<Path>,
    /// `en = "..."`: `desc` in another locale, checked against the catalog's locales
    /// once it is known.
    pub(crate) translations: Vec<Translation>,
    /// Whether an `#[api]` here was already reported, so a missing `code` is no news.
    pub(crate) had_error: bool,
}

/// `en = "App {id} does not exist"`, or `zh_TW = "..."` for the locale `zh-TW`.
pub(crate) struct Translation {
    /// The key as written, for spans.
    pub(crate) key: syn::Ident,
    /// The locale tag: the key with `_` read as `-`.
    pub(crate) locale: String,
    pub(crate) text: LitStr,
}

pub(crate) fn parse(attrs: &[Attribute], place: Place, ctxt: &mut Ctxt) -> Attrs {
    let mut parsed = Attrs::default();
    let mut had_error = false;
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("api")) {
        let result = attr.parse_nested_meta(|meta| {
            let key = meta
                .path
                .get_ident()
                .map(ToString::to_string)
                .unwrap_or_default();
            if key == "crate" && place != Place::Variant {
                let path = parse_crate_path(&meta)?;
                if parsed.krate.is_some() {
                    ctxt.error_spanned_by(&meta.path, duplicate_key_message(&key));
                    had_error = true;
                } else {
                    parsed.krate = Some(path);
                }
                return Ok(());
            }
            let slot = match key.as_str() {
                "code" if place != Place::Enum => &mut parsed.code,
                "desc" if place != Place::Enum => &mut parsed.desc,
                "grpc" if place != Place::Enum => &mut parsed.grpc,
                "file" if place != Place::Variant => &mut parsed.file,
                "catalog" if place != Place::Variant => &mut parsed.catalog,
                _ if place != Place::Enum
                    && place.misplaced(&key).is_none()
                    && looks_like_locale(&key.replace('_', "-")) =>
                {
                    // Perhaps a translation, perhaps a typo (`cod`): the catalog's
                    // locales tell, so the check waits for them.
                    let text = parse_string(&meta, &key)?;
                    let key = meta.path.get_ident().expect("a one-word key").clone();
                    let locale = key.to_string().replace('_', "-");
                    if parsed.translations.iter().any(|seen| seen.locale == locale) {
                        ctxt.error_spanned_by(&key, duplicate_key_message(&locale));
                        had_error = true;
                    } else {
                        parsed.translations.push(Translation { key, locale, text });
                    }
                    return Ok(());
                }
                _ => {
                    let message = match place.misplaced(&key) {
                        Some(why) => format!("`{key}` {why}"),
                        None => unknown_key_message(&key, place),
                    };
                    ctxt.error_spanned_by(&meta.path, message);
                    had_error = true;
                    // Skip the value so the keys after it are still read.
                    if let Ok(value) = meta.value() {
                        value.parse::<proc_macro2::TokenTree>()?;
                    }
                    return Ok(());
                }
            };
            let value = parse_string(&meta, &key)?;
            if slot.is_some() {
                ctxt.error_spanned_by(&meta.path, duplicate_key_message(&key));
                had_error = true;
            } else {
                *slot = Some(value);
            }
            Ok(())
        });
        if let Err(error) = result {
            ctxt.syn_error(error);
            had_error = true;
        }
    }
    parsed.had_error = had_error;
    parsed
}

/// The string value of `key`.
fn parse_string(meta: &syn::meta::ParseNestedMeta<'_>, key: &str) -> syn::Result<LitStr> {
    meta.value()
        .and_then(|value| value.parse())
        .map_err(|error| {
            syn::Error::new(
                error.span(),
                format!("`{key}` takes a string: write `{key} = \"...\"`"),
            )
        })
}

/// `crate = hero` or `crate = "hero"`, as serde writes it.
fn parse_crate_path(meta: &syn::meta::ParseNestedMeta<'_>) -> syn::Result<Path> {
    let value = meta.value()?;
    let path = if value.peek(LitStr) {
        value.parse::<LitStr>()?.parse::<Path>()
    } else {
        value.parse::<Path>()
    };
    path.map_err(|error| {
        syn::Error::new(
            error.span(),
            "`crate` takes the path of the hero-codes crate: write `crate = my_codes`",
        )
    })
}

fn duplicate_key_message(key: &str) -> String {
    format!("duplicate `{key}` in #[api]: it is already given above; keep one")
}

fn unknown_key_message(key: &str, place: Place) -> String {
    unknown_key_among(key, place.keys())
}

/// "unknown key" with the closest of `keys`, or all of them.
pub(crate) fn unknown_key_among(key: &str, keys: &[&str]) -> String {
    match closest(key, keys.iter().copied()) {
        Some(near) => format!("unknown key `{key}` in #[api]: did you mean `{near}`?"),
        None => format!(
            "unknown key `{key}` in #[api]: expected {}",
            quoted_list(keys.iter().copied(), "or")
        ),
    }
}
