//! `#[api(...)]` attributes: parsed into spanned values, with unknown, misplaced and
//! duplicate keys reported.

use hero_codes_catalog::{closest, quoted_list};
use syn::{Attribute, LitStr};

use crate::ctxt::Ctxt;

/// Where an `#[api]` attribute stands, which decides the keys it may hold.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// On the enum: which catalogue file and catalogue to read.
    Enum,
    /// On a struct: the catalogue, and the struct's own code.
    Struct,
    /// On an enum variant: its code and description.
    Variant,
}

impl Place {
    fn keys(self) -> &'static [&'static str] {
        match self {
            Place::Enum => &["spec", "catalog"],
            Place::Struct => &["spec", "catalog", "code", "desc"],
            Place::Variant => &["code", "desc"],
        }
    }

    /// Why a key that is valid elsewhere is wrong here.
    fn misplaced(self, key: &str) -> Option<&'static str> {
        match (self, key) {
            (Place::Variant, "spec" | "catalog") => Some("belongs on the enum, not on a variant"),
            (Place::Enum, "code" | "desc") => Some("belongs on each variant, not on the enum"),
            _ => None,
        }
    }
}

/// The keys of all `#[api(...)]` attributes on one item.
#[derive(Default)]
pub(crate) struct Attrs {
    pub(crate) code: Option<LitStr>,
    pub(crate) desc: Option<LitStr>,
    pub(crate) spec: Option<LitStr>,
    pub(crate) catalog: Option<LitStr>,
    /// Whether an `#[api]` here was already reported, so a missing `code` is no news.
    pub(crate) had_error: bool,
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
            let slot = match key.as_str() {
                "code" if place != Place::Enum => &mut parsed.code,
                "desc" if place != Place::Enum => &mut parsed.desc,
                "spec" if place != Place::Variant => &mut parsed.spec,
                "catalog" if place != Place::Variant => &mut parsed.catalog,
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
            let value: LitStr = meta
                .value()
                .and_then(|value| value.parse())
                .map_err(|error| {
                    syn::Error::new(
                        error.span(),
                        format!("`{key}` takes a string: write `{key} = \"...\"`"),
                    )
                })?;
            if slot.is_some() {
                ctxt.error_spanned_by(
                    &meta.path,
                    format!("duplicate `{key}` in #[api]: it is already given above; keep one"),
                );
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

fn unknown_key_message(key: &str, place: Place) -> String {
    let keys = place.keys();
    match closest(key, keys.iter().copied()) {
        Some(near) => format!("unknown key `{key}` in #[api]: did you mean `{near}`?"),
        None => format!(
            "unknown key `{key}` in #[api]: expected {}",
            quoted_list(keys.iter().copied(), "or")
        ),
    }
}
