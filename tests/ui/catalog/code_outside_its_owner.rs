// A payments code taken from the platform team's block.
hero_codes::include_catalog!("ui/catalog/code_outside_its_owner.toml");

fn main() {}
