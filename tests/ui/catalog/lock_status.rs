// A code released in codes.lock answers with another status.
hero_codes::include_catalog!("ui/catalog/lock_status.toml");

fn main() {}
