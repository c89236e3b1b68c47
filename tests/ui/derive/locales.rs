// The built-in catalog describes every code in `zh` and `en`: a variant's own description
// comes in both, fills in the same fields in both, and names no other locale.
#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
enum AppError {
    #[error("no translation")]
    #[api(code = "10400", desc = "应用{id}不存在")]
    Untranslated { id: u32 },
    #[error("other fields")]
    #[api(code = "10400", desc = "应用{id}不存在", en = "App {name} does not exist")]
    OtherFields { id: u32, name: String },
    #[error("french")]
    #[api(code = "10400", desc = "应用{id}不存在", en = "App {id} does not exist", fr = "L'app {id} n'existe pas")]
    French { id: u32 },
    #[error("translation alone")]
    #[api(code = "10400", en = "Gone")]
    TranslationAlone,
    #[error("default locale as a key")]
    #[api(code = "10400", desc = "应用不存在", zh = "应用不存在", en = "No such app")]
    DefaultLocale,
}

fn main() {}
