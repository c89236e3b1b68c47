//! What the benchmarks share: catalogs of 10,000 codes (numeric and text) and one of 14
//! text codes, generated at build time, a hand-written-style `match` over 200 codes, and the
//! [`loopback`] driver of the whole-request benchmarks, and [`rounds`] for timing two
//! operations against each other. See `BENCHMARKS.md`.

pub mod loopback;
pub mod rounds;

include!(concat!(env!("OUT_DIR"), "/generated.rs"));

/// An error as a service derives it.
#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
pub enum AppError {
    /// A fixed description: its body is serialized at compile time.
    #[error("app not found")]
    #[api(code = "10400")]
    NotFound,
    /// A description filled from a field, serialized per answer.
    #[error("app {id} not found")]
    #[api(
        code = "10400",
        desc = "应用{id}不存在",
        en = "App {id} does not exist"
    )]
    AppNotFound {
        /// The app's id.
        id: u64,
    },
}
