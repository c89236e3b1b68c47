//! The names of what `include_catalog!` generates on each catalog enum.

/// The associated items `include_catalog!` generates on each enum (inherent, and of the
/// runtime's `CatalogCode`): a variant of the same name would make `Name::ALL` ambiguous,
/// so the catalog's checks refuse such a name. The macro crate's tests hold its expansion
/// to this list.
pub const GENERATED_ITEMS: &[&str] = &[
    "ALL",
    "MARKDOWN_TABLE",
    "CATALOG",
    "ENVELOPE",
    "SUCCESS",
    "code",
    "status",
    "desc",
    "desc_in",
    "retryable",
    "from_code",
];
