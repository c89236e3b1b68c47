// In a numeric envelope a code that is not an integer does not compile.
hero_codes::include_catalog!("ui/catalog/numeric_code_not_integer.toml");

fn main() {}
