// Several codes answer 200 and none is declared the success code.
hero_codes::include_catalog!("ui/catalog/success_unclear.toml");

fn main() {}
