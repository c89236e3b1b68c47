// A description of 129 characters, one over the envelope's limit.
hero_codes::include_catalog!("ui/catalog/desc_too_long.toml");

fn main() {}
