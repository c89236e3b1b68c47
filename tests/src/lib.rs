//! Workspace tests of hero-codes live in `tests/`; this library only runs the README's
//! examples as doctests, so the README cannot drift from the code.

#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
