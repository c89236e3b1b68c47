// A code retired in codes.lock is defined again.
hero_codes::include_catalog!("ui/catalog/lock_retired.toml");

fn main() {}
