//! The catalog codes that answer the failures a web framework detects before or around a
//! handler ([`Failure`], from `hero-codes-vocab`, the one list of them).

use crate::{CatalogCode, Failure};

/// A catalog that says which of its codes answers each [`Failure`]: generated for every
/// catalog with a `[catalogs.Name.failures]` table, such as [`ResultCode`](crate::ResultCode)
/// and [`HeroCode`](crate::HeroCode).
///
/// ```
/// use hero_codes::{Failure, FailureCodes, HeroCode, ResultCode};
/// assert_eq!(ResultCode::for_failure(Failure::InvalidJson), ResultCode::InvalidParameter);
/// assert_eq!(HeroCode::for_failure(Failure::InvalidJson), HeroCode::MalformedJson);
/// assert_eq!(HeroCode::for_failure(Failure::BodyTooLarge), HeroCode::FileTooLarge);
/// ```
#[diagnostic::on_unimplemented(
    message = "catalog `{Self}` does not say which codes answer framework failures",
    label = "needs a `[catalogs.{Self}.failures]` table",
    note = "add `[catalogs.{Self}.failures]` to its catalog file, one code per failure kind"
)]
pub trait FailureCodes: CatalogCode {
    /// The code that answers `failure`.
    fn for_failure(failure: Failure) -> Self;
}
