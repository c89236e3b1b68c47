// Mapping a variant to a deprecated code warns at the code with the catalog's note;
// denied here.
#![deny(deprecated)]

#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
#[api(file = "ui/catalog-pass/lifecycle.toml")]
enum AuthError {
    #[error("token expired")]
    #[api(code = "10105")]
    Expired,
    #[error("bad token")]
    #[api(code = "10102")]
    BadToken,
}

fn main() {}
