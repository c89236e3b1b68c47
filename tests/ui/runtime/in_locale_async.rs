// `in_locale` runs its closure now: a closure that returns a future would make its answers
// later, outside the locale, so it does not compile.
fn main() {
    let _later = hero_codes::in_locale("en", || async { hero_codes::ResultCode::NotFound });
}
