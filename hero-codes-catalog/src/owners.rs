//! The rules of owned codes: who owns which block (`[owners.Name]`), and that a catalog's
//! codes stay in the blocks of its `owner`. The same rules run over one file (for the
//! macros, and `hero-codes check`) and over several files checked together.

use crate::diagnostic::{Diagnostics, Span};
use crate::model::{Catalog, CatalogFile, Owner};
use crate::suggest::closest;
use crate::wording::quoted_list;

/// Every owner rule of one file.
pub(crate) fn check(file: &CatalogFile, diagnostics: &mut Diagnostics) {
    for owner in &file.owners {
        owner_owns_something(owner, diagnostics);
        owned_ranges_are_ordered(owner, diagnostics);
    }
    owners_are_apart(&file.owners, diagnostics);
    for catalog in &file.catalogs {
        if let Some(owner) = owner_of(catalog, &file.owners, diagnostics) {
            codes_are_their_owners(catalog, owner, &file.owners, diagnostics);
        }
    }
}

/// Rejects `[owners.payments]` with neither `ranges` nor `prefixes`.
fn owner_owns_something(owner: &Owner, diagnostics: &mut Diagnostics) {
    let empty_prefix = owner.prefixes.iter().find(|prefix| prefix.value.is_empty());
    if let Some(prefix) = empty_prefix {
        diagnostics.push(
            prefix.span,
            format!(
                "empty prefix for owner `{}`: it would own every code; write the beginning its codes share, e.g. \"P\"",
                owner.name.value
            ),
        );
    }
    if owner.ranges.is_empty() && owner.prefixes.is_empty() {
        diagnostics.push(
            owner.name.span,
            format!(
                "owner `{}` owns no code: give it `ranges = [[20000, 20999]]` or `prefixes = [\"P\"]`",
                owner.name.value
            ),
        );
    }
}

/// Rejects `ranges = [[20999, 20000]]`.
fn owned_ranges_are_ordered(owner: &Owner, diagnostics: &mut Diagnostics) {
    for range in &owner.ranges {
        if range.low.value > range.high.value {
            diagnostics.push(
                range.low.span,
                format!(
                    "range of owner `{}` starts above its end ({} > {}): write the lowest code first",
                    owner.name.value, range.low.value, range.high.value
                ),
            );
        }
    }
}

/// Rejects two owners of one file whose blocks share a code (`[20000, 20999]` and
/// `[20500, 21499]`, or prefixes `P` and `PA`): every code has one owner.
fn owners_are_apart(owners: &[Owner], diagnostics: &mut Diagnostics) {
    for (index, owner) in owners.iter().enumerate() {
        for earlier in &owners[..index] {
            report_clash(earlier, owner, diagnostics);
        }
    }
}

/// Reports `owner` if it clashes with `earlier`: see [`owners_are_apart`].
pub(crate) fn report_clash(earlier: &Owner, owner: &Owner, diagnostics: &mut Diagnostics) {
    if let Some((at, message)) = clash(earlier, owner, diagnostics) {
        diagnostics.push(at, message);
    }
}

/// Where and why `owner` clashes with `earlier`, if it does: blocks that share a code, or
/// one owner declared twice with different blocks (in two files checked together).
fn clash(earlier: &Owner, owner: &Owner, diagnostics: &Diagnostics) -> Option<(Span, String)> {
    let (name, first) = (&owner.name.value, &earlier.name.value);
    let place = diagnostics.place_of(earlier.name.span, owner.name.span);
    if name == first {
        let same_blocks = earlier.describe_blocks() == owner.describe_blocks();
        return (!same_blocks).then(|| (owner.name.span, format!(
            "owner `{name}` is declared twice with different blocks ({} here, {} on {place}): declare each owner once, in the file every service includes",
            owner.describe_blocks(), earlier.describe_blocks()
        )));
    }
    if let Some((range, other)) = owner.ranges.iter().find_map(|range| {
        let other = earlier.ranges.iter().find(|other| range.overlaps(other))?;
        Some((range, other))
    }) {
        return Some((
            range.low.span,
            format!(
                "the range {} to {} of owner `{name}` overlaps the range {} to {} of owner `{first}` ({place}): a code has one owner; move one of the ranges",
                range.low.value, range.high.value, other.low.value, other.high.value
            ),
        ));
    }
    let prefix = owner.prefixes.iter().find_map(|prefix| {
        let other = earlier.prefixes.iter().find(|other| {
            prefix.value.starts_with(&other.value) || other.value.starts_with(&prefix.value)
        })?;
        Some((prefix, other))
    });
    prefix.map(|(prefix, other)| (prefix.span, format!(
        "the prefix `{}` of owner `{name}` overlaps the prefix `{}` of owner `{first}` ({place}): a code has one owner; choose prefixes that do not begin one another",
        prefix.value, other.value
    )))
}

/// The owner `catalog` names, reporting a name the file does not declare.
fn owner_of<'o>(
    catalog: &Catalog,
    owners: &'o [Owner],
    diagnostics: &mut Diagnostics,
) -> Option<&'o Owner> {
    let named = catalog.owner.as_ref()?;
    let owner = owners.iter().find(|owner| owner.name.value == named.value);
    if owner.is_none() {
        let names = owners.iter().map(|owner| owner.name.value.as_str());
        let hint = match (closest(&named.value, names.clone()), owners.is_empty()) {
            (Some(near), _) => format!("did you mean `{near}`?"),
            (None, true) => "declare it as `[owners.Name]` in this file, or include the file that declares the owners".to_owned(),
            (None, false) => format!("the owners are {}", quoted_list(names, "and")),
        };
        diagnostics.push(
            named.span,
            format!(
                "unknown owner `{}` for {}: {hint}",
                named.value, catalog.name.value
            ),
        );
    }
    owner
}

/// Rejects `{ code = "30001", ... }` in a catalog whose owner owns 20000 to 20999. The
/// success code is no one's: every service answers success with it.
fn codes_are_their_owners(
    catalog: &Catalog,
    owner: &Owner,
    owners: &[Owner],
    diagnostics: &mut Diagnostics,
) {
    let success = catalog.success().map(|entry| &entry.code.value);
    for entry in &catalog.codes {
        let code = &entry.code.value;
        if owner.owns(code) || success == Some(code) {
            continue;
        }
        let whose = owners
            .iter()
            .find(|other| other.owns(code))
            .map_or_else(String::new, |other| {
                format!(", it belongs to `{}`", other.name.value)
            });
        diagnostics.push(
            entry.code.span,
            format!(
                "code `{code}` is outside the codes of `{}`, the owner of {}{whose}: use a code from {}",
                owner.name.value,
                catalog.name.value,
                owner.describe_blocks()
            ),
        );
    }
}
