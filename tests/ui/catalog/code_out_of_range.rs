// A 404 code outside the block of codes that 404 owns.
hero_codes::include_catalog!("ui/catalog/code_out_of_range.toml");

fn main() {}
