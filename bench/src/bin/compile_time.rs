//! The compile-time benchmark: generates small crates, times `cargo check` of each several
//! times, and prints the medians with their ratios.
//!
//! `cargo run --release -p hero-codes-bench --bin compile_time [-- RUNS [PREFIX]]` (RUNS
//! defaults to 5; with PREFIX, only the crates whose name starts with it are timed). The crates go to `target/compile-bench/`; the first build there compiles the
//! dependencies once, then only the measured crate is checked again, as after an edit.
//!
//! - `none`: depends on hero-codes, reads no catalog;
//! - `codes_N`: `include_catalog!` of a catalog with N codes (10 to 10,000);
//! - `enum200_thiserror` / `enum200_apierror`: an error enum of 200 variants with
//!   `#[derive(thiserror::Error)]`, then with `hero_codes::ApiError` as well;
//! - `service300_thiserror` / `service300_apierror`: a large service, 300 error enums of 3
//!   variants each, deriving `thiserror::Error`, then `hero_codes::ApiError` as well, on
//!   the 175-code catalog its `Cargo.toml` declares (with a `codes.lock`).

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const SIZES: [usize; 4] = [10, 100, 1_000, 10_000];
const STATUSES: [u16; 5] = [400, 401, 403, 404, 500];
/// The large service: its enums, and the codes of its declared catalog.
const SERVICE_ENUMS: usize = 300;
const SERVICE_CODES: usize = 175;

fn main() {
    let runs: usize = match std::env::args().nth(1) {
        Some(runs) => runs.parse().expect("RUNS is a number"),
        None => 5,
    };
    let prefix = std::env::args().nth(2).unwrap_or_default();
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("bench is in the workspace");
    let root = workspace.join("target/compile-bench");
    let crates: Vec<String> = write_crates(&root, workspace)
        .into_iter()
        .filter(|name| name.starts_with(&prefix))
        .collect();
    println!(
        "warming up: building the dependencies once in {}",
        root.display()
    );
    cargo_check(&root, None);

    // Round robin: every crate once per round, so the machine's drift over the run touches
    // all of them alike.
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); crates.len()];
    for _ in 0..runs {
        for (name, times) in crates.iter().zip(&mut times) {
            times.push(timed_check(&root, name));
        }
    }
    let medians: Vec<(String, f64)> = crates
        .iter()
        .zip(times)
        .map(|(name, mut times)| {
            times.sort();
            (name.clone(), times[times.len() / 2].as_secs_f64())
        })
        .collect();
    report(&medians, runs);
}

/// Writes the workspace and its crates; returns the crates' names in measuring order.
fn write_crates(root: &Path, workspace: &Path) -> Vec<String> {
    let hero_codes = workspace.join("hero-codes");
    let mut crates = vec!["none".to_owned()];
    crates.extend(SIZES.iter().map(|size| format!("codes_{size}")));
    crates.extend([
        "enum200_thiserror".to_owned(),
        "enum200_apierror".to_owned(),
        "service300_thiserror".to_owned(),
        "service300_apierror".to_owned(),
    ]);
    let members: Vec<String> = crates.iter().map(|name| format!("{name:?}")).collect();
    write(
        &root.join("Cargo.toml"),
        &format!(
            "[workspace]\nresolver = \"3\"\nmembers = [{}]\n",
            members.join(", ")
        ),
    );
    std::fs::copy(workspace.join("Cargo.lock"), root.join("Cargo.lock")).expect("copy Cargo.lock");
    for name in &crates {
        write(
            &root.join(name).join("Cargo.toml"),
            &format!(
                "[package]\nname = {name:?}\nedition = \"2024\"\npublish = false\n\n[dependencies]\n\
                 hero-codes = {{ path = {:?} }}\nthiserror = \"2\"\n",
                hero_codes.to_str().expect("a UTF-8 path")
            ),
        );
    }
    write(&root.join("none/src/lib.rs"), "//! No catalog.\n");
    for size in SIZES {
        let dir = root.join(format!("codes_{size}"));
        write(&dir.join("codes.toml"), &catalog(size));
        write(
            &dir.join("src/lib.rs"),
            "hero_codes::include_catalog!(\"codes.toml\");\n",
        );
    }
    write(
        &root.join("enum200_thiserror/src/lib.rs"),
        &error_enum(false),
    );
    write(&root.join("enum200_apierror/src/lib.rs"), &error_enum(true));
    for (name, api_error) in [
        ("service300_thiserror", false),
        ("service300_apierror", true),
    ] {
        let dir = root.join(name);
        let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).expect("read manifest");
        write(
            &dir.join("Cargo.toml"),
            &format!("{manifest}\n[package.metadata.hero-codes]\ncatalog = \"api/codes.toml\"\n"),
        );
        write(&dir.join("api/codes.toml"), &service_catalog());
        write(&dir.join("api/codes.lock"), &service_lock());
        write(&dir.join("src/lib.rs"), &service(api_error));
    }
    crates
}

/// A catalog of `size` error codes plus its success code `0`.
fn catalog(size: usize) -> String {
    let mut toml = String::from(
        "[catalogs.Big]\ncodes = [\n    { code = \"0\", name = \"Ok\", status = 200, desc = \"成功\" },\n",
    );
    for i in 0..size {
        let status = STATUSES[i % STATUSES.len()];
        writeln!(
            toml,
            "    {{ code = \"{}\", name = \"C{i}\", status = {status}, desc = \"错误{i}\" }},",
            100_000 + i
        )
        .expect("write to a String");
    }
    toml.push_str("]\n");
    toml
}

/// 200 variants over the built-in result codes; a 4xx variant in four also has its own
/// `desc` with a placeholder, in both of the built-in catalog's locales.
fn error_enum(api_error: bool) -> String {
    const CODES: [(&str, u16); 13] = [
        ("10000", 400),
        ("10001", 400),
        ("10002", 400),
        ("10100", 401),
        ("10101", 401),
        ("10102", 401),
        ("10103", 401),
        ("10104", 401),
        ("10105", 401),
        ("10300", 403),
        ("10301", 403),
        ("10400", 404),
        ("10500", 500),
    ];
    let derive = if api_error {
        ", hero_codes::ApiError"
    } else {
        ""
    };
    let mut rust = format!("#[derive(Debug, thiserror::Error{derive})]\npub enum AppError {{\n");
    for i in 0..200 {
        let (code, status) = CODES[i % CODES.len()];
        writeln!(rust, "    #[error(\"failure {i}: {{0}}\")]").expect("write to a String");
        if api_error {
            let desc = if i % 4 == 0 && status < 500 {
                format!(", desc = \"错误{i}: {{0}}\", en = \"error {i}: {{0}}\"")
            } else {
                String::new()
            };
            writeln!(rust, "    #[api(code = \"{code}\"{desc})]").expect("write to a String");
        }
        writeln!(rust, "    V{i}(u32),").expect("write to a String");
    }
    rust.push_str("}\n");
    rust
}

/// The large service's catalog: success, then [`SERVICE_CODES`] error codes, with the
/// `failures` table a service declares.
fn service_catalog() -> String {
    let mut toml = String::from(
        "[catalogs.AppCode]\ncodes = [\n    { code = \"0\", name = \"Ok\", status = 200, desc = \"成功\" },\n",
    );
    for i in 0..SERVICE_CODES {
        let status = STATUSES[i % STATUSES.len()];
        writeln!(
            toml,
            "    {{ code = \"{}\", name = \"C{i}\", status = {status}, desc = \"错误{i}\" }},",
            20_000 + i
        )
        .expect("write to a String");
    }
    toml.push_str("]\n\n[catalogs.AppCode.failures]\n");
    // The first codes cycle through 400, 401, 403, 404 and 500.
    for (failure, code) in [
        ("invalid_json", 20_000),
        ("invalid_form", 20_000),
        ("invalid_query", 20_000),
        ("invalid_path", 20_000),
        ("unsupported_media_type", 20_000),
        ("body_too_large", 20_000),
        ("not_found", 20_003),
        ("method_not_allowed", 20_000),
        ("bad_request", 20_000),
        ("internal", 20_004),
    ] {
        writeln!(toml, "{failure} = \"{code}\"").expect("write to a String");
    }
    toml
}

/// The lock of [`service_catalog`], every code released.
fn service_lock() -> String {
    let mut lock = String::from("# catalog code status name state\nAppCode 0 200 Ok active\n");
    for i in 0..SERVICE_CODES {
        let status = STATUSES[i % STATUSES.len()];
        writeln!(lock, "AppCode {} {status} C{i} active", 20_000 + i).expect("write to a String");
    }
    lock
}

/// [`SERVICE_ENUMS`] error enums of 3 variants (unit, tuple, struct), each variant on its
/// own code of the declared catalog.
fn service(api_error: bool) -> String {
    let derive = if api_error {
        ", hero_codes::ApiError"
    } else {
        ""
    };
    let mut rust = String::new();
    for e in 0..SERVICE_ENUMS {
        let code = |v: usize| 20_000 + (e * 3 + v) % SERVICE_CODES;
        let api = |v: usize| {
            if api_error {
                format!("    #[api(code = \"{}\")]\n", code(v))
            } else {
                String::new()
            }
        };
        writeln!(
            rust,
            "#[derive(Debug, thiserror::Error{derive})]\npub enum Error{e} {{\n    \
             #[error(\"not found\")]\n{}    NotFound,\n    \
             #[error(\"bad input: {{0}}\")]\n{}    BadInput(String),\n    \
             #[error(\"failed with {{id}}\")]\n{}    Failed {{ id: u64 }},\n}}\n",
            api(0),
            api(1),
            api(2)
        )
        .expect("write to a String");
    }
    rust
}

/// One check of `name` after touching its source, as an edit would.
fn timed_check(root: &Path, name: &str) -> Duration {
    let source = root.join(name).join("src/lib.rs");
    let text = std::fs::read(&source).expect("read source");
    std::fs::write(&source, text).expect("touch source");
    let start = Instant::now();
    cargo_check(root, Some(name));
    start.elapsed()
}

fn cargo_check(root: &Path, package: Option<&str>) {
    let mut command = Command::new(env!("CARGO"));
    command
        .args(["check", "--quiet", "--offline"])
        .current_dir(root)
        .env("CARGO_TARGET_DIR", root.join("target"));
    match package {
        Some(package) => command.args(["--package", package]),
        None => command.arg("--workspace"),
    };
    let status = command.status().expect("run cargo");
    assert!(status.success(), "cargo check failed in {}", root.display());
}

fn report(medians: &[(String, f64)], runs: usize) {
    let time = |name: &str| {
        medians
            .iter()
            .find(|(crate_name, _)| crate_name == name)
            .map_or(f64::NAN, |(_, seconds)| *seconds)
    };
    let none = time("none");
    println!("\nmedian of {runs} `cargo check` runs after an edit\n");
    println!("| crate | median (s) | over `none` (s) | per code (µs) | target |");
    println!("|---|---:|---:|---:|---|");
    println!("| none | {none:.3} | | | |");
    for size in SIZES {
        let seconds = time(&format!("codes_{size}"));
        let over = seconds - none;
        let target = if size == 10_000 {
            "< 2 s over `none`"
        } else {
            ""
        };
        println!(
            "| codes_{size} | {seconds:.3} | {over:.3} | {:.1} | {target} |",
            over / size as f64 * 1e6
        );
    }
    // Linear growth: the cost per added code stays flat from one size to the next.
    println!("\n| growth | added codes | added time (s) | per added code (µs) |");
    println!("|---|---:|---:|---:|");
    for pair in SIZES.windows(2) {
        let added = (pair[1] - pair[0]) as f64;
        let seconds = time(&format!("codes_{}", pair[1])) - time(&format!("codes_{}", pair[0]));
        println!(
            "| {} -> {} | {added} | {seconds:.3} | {:.1} |",
            pair[0],
            pair[1],
            seconds / added * 1e6
        );
    }
    let thiserror = time("enum200_thiserror");
    let api_error = time("enum200_apierror");
    println!("\n| 200-variant enum | median (s) | ratio | target |");
    println!("|---|---:|---:|---|");
    println!("| thiserror alone | {thiserror:.3} | 1.00 | |");
    println!(
        "| thiserror + ApiError | {api_error:.3} | {:.2} | <= 1.50 |",
        api_error / thiserror
    );
    let thiserror = time("service300_thiserror");
    let api_error = time("service300_apierror");
    let derives = SERVICE_ENUMS as f64;
    println!(
        "\n| {SERVICE_ENUMS} enums of 3 variants, declared {SERVICE_CODES}-code catalog | median (s) | ratio | per derive (ms) | target |"
    );
    println!("|---|---:|---:|---:|---|");
    println!("| thiserror alone | {thiserror:.3} | 1.00 | | |");
    println!(
        "| thiserror + ApiError | {api_error:.3} | {:.2} | {:.2} | <= 2.00 |",
        api_error / thiserror,
        (api_error - thiserror) / derives * 1e3
    );
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("a file has a folder")).expect("create folder");
    std::fs::write(path, text).expect("write file");
}
