// A code longer than the envelope's 32 characters.
hero_codes::include_catalog!("ui/catalog/code_too_long.toml");

fn main() {}
