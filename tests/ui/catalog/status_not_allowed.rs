// A status missing from the catalog's allowed list.
hero_codes::include_catalog!("ui/catalog/status_not_allowed.toml");

fn main() {}
