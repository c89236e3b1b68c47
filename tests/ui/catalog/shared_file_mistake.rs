// A mistake in an included file is reported at its line in that file, named from the crate.
hero_codes::include_catalog!("ui/catalog/shared_file_mistake.toml");

fn main() {}
