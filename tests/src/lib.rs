//! Workspace tests of hero-codes live in `tests/`; this library only runs the code blocks of
//! the README and of every chapter of the manual in `docs/` as doctests, so neither can drift
//! from the code. One item per document, so a failure names its file.

#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

/// The chapters of `docs/`, each run as its own doctest module.
#[cfg(doctest)]
pub mod docs {
    #[doc = include_str!("../../docs/README.md")]
    pub struct Index;
    #[doc = include_str!("../../docs/catalog.md")]
    pub struct Catalog;
    #[doc = include_str!("../../docs/changing-codes.md")]
    pub struct ChangingCodes;
    #[doc = include_str!("../../docs/locales.md")]
    pub struct Locales;
    #[doc = include_str!("../../docs/own-catalog.md")]
    pub struct OwnCatalog;
    #[doc = include_str!("../../docs/many-services.md")]
    pub struct ManyServices;
    #[doc = include_str!("../../docs/generated-api.md")]
    pub struct GeneratedApi;
    #[doc = include_str!("../../docs/derive.md")]
    pub struct Derive;
    #[doc = include_str!("../../docs/envelope.md")]
    pub struct Envelope;
    #[doc = include_str!("../../docs/axum.md")]
    pub struct Axum;
    #[doc = include_str!("../../docs/actix.md")]
    pub struct Actix;
    #[doc = include_str!("../../docs/openapi.md")]
    pub struct Openapi;
    #[doc = include_str!("../../docs/observability.md")]
    pub struct Observability;
    #[doc = include_str!("../../docs/demo.md")]
    pub struct Demo;
    #[doc = include_str!("../../docs/command.md")]
    pub struct Command;
    #[doc = include_str!("../../docs/clients.md")]
    pub struct Clients;
    #[doc = include_str!("../../docs/site.md")]
    pub struct Site;
    #[doc = include_str!("../../docs/performance.md")]
    pub struct Performance;
    #[doc = include_str!("../../docs/reliability.md")]
    pub struct Reliability;
}
