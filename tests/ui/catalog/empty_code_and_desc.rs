// An empty code and an empty description.
hero_codes::include_catalog!("ui/catalog/empty_code_and_desc.toml");

fn main() {}
