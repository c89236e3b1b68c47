// A misspelt gRPC status in the file is an error at its place, with the likely name; an
// error code answered with HTTP 200 and no gRPC status is told how to get one.
hero_codes::include_catalog!("ui/catalog/grpc_unknown.toml");

fn main() {}
