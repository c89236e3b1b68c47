// A code without its `en` description, and one in a locale the file does not declare.
hero_codes::include_catalog!("ui/catalog/missing_locale.toml");

fn main() {}
