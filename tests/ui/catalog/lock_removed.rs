// A code released in codes.lock is gone from the file, neither kept nor retired.
hero_codes::include_catalog!("ui/catalog/lock_removed.toml");

fn main() {}
