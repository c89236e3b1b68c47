// The macro takes the path as a string literal.
hero_codes::include_catalog!(codes.toml);

fn main() {}
