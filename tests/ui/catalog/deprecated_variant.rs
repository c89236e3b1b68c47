// Naming the variant of a deprecated code warns with the catalog's note; denied here.
#![deny(deprecated)]

hero_codes::include_catalog!("ui/catalog-pass/lifecycle.toml");

fn main() {
    let _ = AppCode::InvalidToken;
}
