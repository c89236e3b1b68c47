//! The compile-time benchmark: generates small crates, times `cargo check` of each several
//! times, and prints the medians with their ratios.
//!
//! `cargo run --release -p hero-codes-bench --bin compile_time [-- RUNS]` (RUNS defaults
//! to 5). The crates go to `target/compile-bench/`; the first build there compiles the
//! dependencies once, then only the measured crate is checked again, as after an edit.
//!
//! - `none`: depends on hero-codes, reads no catalog;
//! - `codes_N`: `include_catalog!` of a catalog with N codes (10 to 10,000);
//! - `enum200_thiserror` / `enum200_apierror`: an error enum of 200 variants with
//!   `#[derive(thiserror::Error)]`, then with `hero_codes::ApiError` as well.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const SIZES: [usize; 4] = [10, 100, 1_000, 10_000];
const STATUSES: [u16; 5] = [400, 401, 403, 404, 500];

fn main() {
    let runs: usize = match std::env::args().nth(1) {
        Some(runs) => runs.parse().expect("RUNS is a number"),
        None => 5,
    };
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("bench is in the workspace");
    let root = workspace.join("target/compile-bench");
    let crates = write_crates(&root, workspace);
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
/// `desc` with a placeholder.
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
                format!(", desc = \"错误{i}: {{0}}\"")
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
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("a file has a folder")).expect("create folder");
    std::fs::write(path, text).expect("write file");
}
