//! Compile-time checks, proven by compiling: every class of mistake in a catalog file or
//! in a `#[derive(ApiError)]`, and each misuse of the runtime the compiler can catch, is a
//! compile error with its own snapshot in `tests/ui/`, and good files and derives compile
//! and run.
//!
//! Refresh the snapshots with `TRYBUILD=overwrite cargo test -p hero-codes-tests --test ui`,
//! then read the diff.

use std::path::{Path, PathBuf};

#[test]
fn ui() {
    copy_fixtures_into_trybuild_project();
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/catalog/*.rs");
    cases.pass("ui/catalog-pass/*.rs");
    cases.compile_fail("ui/derive/*.rs");
    cases.pass("ui/derive-pass/*.rs");
    cases.compile_fail("ui/runtime/*.rs");
}

/// trybuild compiles each case as a crate whose `CARGO_MANIFEST_DIR` is
/// `<target>/tests/trybuild/<this package>`, and catalog paths are relative to that
/// manifest; so the catalog fixtures, their `codes.lock` files and the Markdown files that
/// document their codes are copied there, keeping their paths under `ui/`.
fn copy_fixtures_into_trybuild_project() {
    let target_dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("CARGO_TARGET_TMPDIR is <target>/tmp");
    let project = target_dir
        .join("tests/trybuild")
        .join(env!("CARGO_PKG_NAME"));
    let source = Path::new(env!("CARGO_MANIFEST_DIR"));
    for fixture in toml_files(&source.join("ui")) {
        let relative = fixture
            .strip_prefix(source)
            .expect("fixture is under the crate");
        let destination = project.join(relative);
        std::fs::create_dir_all(destination.parent().expect("fixture has a folder"))
            .expect("create fixture folder");
        std::fs::copy(&fixture, &destination).expect("copy fixture");
    }
}

fn toml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read ui folder") {
        let path = entry.expect("read ui entry").path();
        if path.is_dir() {
            files.extend(toml_files(&path));
        } else if path
            .extension()
            .is_some_and(|ext| ext == "toml" || ext == "lock" || ext == "md")
        {
            files.push(path);
        }
    }
    files
}
