// Four mistakes on three lines: all of them are reported at once, in file order.
hero_codes::include_catalog!("ui/catalog/many_mistakes.toml");

fn main() {}
