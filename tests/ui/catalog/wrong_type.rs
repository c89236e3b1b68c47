// A code written as a number and a status written as a string.
hero_codes::include_catalog!("ui/catalog/wrong_type.toml");

fn main() {}
