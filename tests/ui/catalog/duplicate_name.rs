// Two codes with the same variant name.
hero_codes::include_catalog!("ui/catalog/duplicate_name.toml");

fn main() {}
