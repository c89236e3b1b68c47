// An include that names a catalog its file does not have, and an owner no file declares.
hero_codes::include_catalog!("ui/catalog/include_wrong_names.toml");

fn main() {}
