// The file does not exist.
hero_codes::include_catalog!("ui/catalog/no_such_file.toml");

fn main() {}
