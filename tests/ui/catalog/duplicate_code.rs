// The same code on two lines.
hero_codes::include_catalog!("ui/catalog/duplicate_code.toml");

fn main() {}
