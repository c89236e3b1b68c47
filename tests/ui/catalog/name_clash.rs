// A variant may not take the name of an item generated on its enum.
hero_codes::include_catalog!("ui/catalog/name_clash.toml");

fn main() {}
