// A missing comma between two codes: invalid TOML, at the second code.
hero_codes::include_catalog!("ui/catalog/malformed_toml.toml");

fn main() {}
