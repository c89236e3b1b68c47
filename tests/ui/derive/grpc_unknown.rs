// A gRPC status in `#[api]` is checked like the file's: a misspelt name and `OK` are
// errors at the literal.
#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
enum AppError {
    #[error("app not found")]
    #[api(code = "10400", grpc = "NOT_FUOND")]
    AppNotFound,
    #[error("stale")]
    #[api(code = "10000", grpc = "OK")]
    Stale,
}

#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
#[api(grpc = "INTERNAL")]
enum Misplaced {
    #[error("crash")]
    #[api(code = "10500")]
    Crash,
}

fn main() {}
