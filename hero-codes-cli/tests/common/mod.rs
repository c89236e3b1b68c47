//! Running the `hero-codes` binary as a user would, in a directory of its own.

#![allow(dead_code)] // each test file uses its own part of this module

use std::path::{Path, PathBuf};
use std::process::Command;

/// What one run of the command did.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Everything the user sees, for a snapshot: the exit status, stdout and stderr.
    pub fn transcript(&self) -> String {
        format!(
            "exit status: {}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// A temporary directory to run in, without a `codes.toml` unless a test writes one, so
/// that the command falls back to the built-in catalog.
pub fn workdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary directory")
}

/// Runs `hero-codes args` in `dir`, without colour.
pub fn hero_codes(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_hero-codes"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the hero-codes binary runs");
    Run {
        code: output.status.code().expect("an exit status"),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 on stdout"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 on stderr"),
    }
}

/// The built-in catalog's text.
pub fn builtin() -> &'static str {
    hero_codes_catalog::BUILTIN_SOURCE
}

/// A program this test needs, such as `go` or `chromium`, found on the PATH (or at `path`
/// when given). Missing in CI (`CI` set), it fails the test: CI installs every toolchain.
/// Missing elsewhere, it returns `None` and the caller skips, saying so.
pub fn toolchain(name: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|path| path.is_file())
    });
    found.or_else(|| required_in_ci(name))
}

/// A file a test needs, e.g. `node_modules/.bin/tsc`; see [`toolchain`].
pub fn tool_file(path: PathBuf) -> Option<PathBuf> {
    if path.is_file() {
        Some(path)
    } else {
        required_in_ci(&path.display().to_string())
    }
}

/// The Python of `target/mypy-venv` (made by `.ci/run`) when it can import `module`, e.g.
/// `jsonschema`; see [`toolchain`].
pub fn venv_python(module: &str) -> Option<PathBuf> {
    let python = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/mypy-venv/bin/python");
    let imports = Command::new(&python)
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|output| output.status.success());
    if imports {
        Some(python)
    } else {
        required_in_ci(&format!("{module} in target/mypy-venv"))
    }
}

fn required_in_ci(name: &str) -> Option<PathBuf> {
    assert!(
        std::env::var_os("CI").is_none(),
        "{name} is missing: .ci/run installs it"
    );
    eprintln!("skipped: {name} is not installed (.ci/run installs it)");
    None
}

/// The local Node tools (`tsc`, `playwright-core`), installed by `npm ci` in
/// `hero-codes-cli/tests/node`.
pub fn node_modules() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/node/node_modules")
}

/// Runs `command`, failing the test with its output if it fails; returns its stdout.
pub fn run_ok(command: &mut Command) -> String {
    let output = command
        .output()
        .unwrap_or_else(|error| panic!("{command:?} does not start: {error}"));
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{command:?} failed with {}:\n{stdout}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

/// Node and Chromium, with playwright-core installed to drive them; `None` where one is
/// missing (a test then has nothing to run).
pub fn browser() -> Option<(PathBuf, PathBuf)> {
    let node = toolchain("node")?;
    tool_file(node_modules().join("playwright-core/package.json"))?;
    Some((node, toolchain("chromium")?))
}

/// What a browser script (`tests/node/*.cjs`) printed of each query it typed into a search
/// box: the codes of the rows left, the count line, the sections left.
pub struct SearchResults(serde_json::Value);

impl SearchResults {
    /// The script's JSON output.
    pub fn parse(output: &str) -> Self {
        SearchResults(serde_json::from_str(output).expect("JSON from the browser script"))
    }

    /// The whole output, for what a script reports besides the queries.
    pub fn json(&self) -> &serde_json::Value {
        &self.0
    }

    /// The (codes, count line, sections) left after typing `query`.
    pub fn of(&self, query: &str) -> (Vec<String>, String, Vec<String>) {
        let result = &self.0["results"][query];
        let strings = |key: &str| -> Vec<String> {
            serde_json::from_value(result[key].clone()).expect("a list of strings")
        };
        (
            strings("codes"),
            result["count"].as_str().expect("a count line").to_owned(),
            strings("sections"),
        )
    }
}
