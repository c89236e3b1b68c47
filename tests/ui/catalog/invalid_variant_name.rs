// Variant names that are not Rust identifiers.
hero_codes::include_catalog!("ui/catalog/invalid_variant_name.toml");

fn main() {}
