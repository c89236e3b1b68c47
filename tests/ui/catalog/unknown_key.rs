// A misspelt key: unknown, with a suggestion (and the real key reported missing).
hero_codes::include_catalog!("ui/catalog/unknown_key.toml");

fn main() {}
