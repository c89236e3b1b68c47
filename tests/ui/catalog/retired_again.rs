// A code in `retired` is defined again in `codes`.
hero_codes::include_catalog!("ui/catalog/retired_again.toml");

fn main() {}
