//! What `hero-codes check` costs on a catalog of 10,000 codes, against parsing the same
//! TOML with the `toml` crate alone, measured in the same run and printed as a ratio.
//! `cargo bench -p hero-codes-bench --bench check` (see BENCHMARKS.md).
//!
//! Baseline and ours alternate, round after round, and the median round of each side is
//! compared, so that the machine's drift touches both alike.

use std::hint::black_box;
use std::time::Instant;

use hero_codes_catalog::CatalogFile;

const NUMERIC: &str = include_str!(concat!(env!("OUT_DIR"), "/numeric_10000.toml"));
const TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/text_10000.toml"));

/// Alternating rounds per comparison; the median is reported.
const ROUNDS: usize = 31;

/// Every rule of the macros, as `hero-codes check` applies them.
fn check(text: &str) -> usize {
    match CatalogFile::parse(black_box(text), "codes.toml") {
        Ok(file) => file.catalogs[0].codes.len(),
        Err(error) => error.problems().len(),
    }
}

/// The same, with every problem drawn as `check` prints it (line, caret, help).
fn check_and_render(text: &str) -> usize {
    match CatalogFile::parse(black_box(text), "codes.toml") {
        Ok(file) => file.catalogs[0].codes.len(),
        Err(error) => error
            .problems()
            .iter()
            .map(|problem| error.annotate(problem, false).len())
            .sum(),
    }
}

/// The floor: the TOML parsed into a table, no rule checked.
fn toml_alone(text: &str) -> usize {
    let table: toml::Table = toml::from_str(black_box(text)).expect("valid TOML");
    table.len()
}

/// A way to read a catalog's text, returning something that depends on all of it.
type Check = fn(&str) -> usize;

/// Milliseconds per run of `ours` and `baseline`, the median of alternating rounds.
fn interleaved(ours: impl Fn() -> usize, baseline: impl Fn() -> usize) -> (f64, f64) {
    let mut ours_ms = Vec::with_capacity(ROUNDS);
    let mut baseline_ms = Vec::with_capacity(ROUNDS);
    for _ in 0..ROUNDS {
        for (run, times) in [
            (&ours as &dyn Fn() -> usize, &mut ours_ms),
            (&baseline as &dyn Fn() -> usize, &mut baseline_ms),
        ] {
            let start = Instant::now();
            black_box(run());
            times.push(start.elapsed().as_secs_f64() * 1000.0);
        }
    }
    (median(ours_ms), median(baseline_ms))
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() {
    // A file with 1,000 mistakes: every tenth code repeats the code before it.
    let broken = NUMERIC
        .lines()
        .enumerate()
        .map(|(index, line)| match index % 10 {
            9 => line.replacen(
                &format!("\"{}\"", 100_000 + index - 2),
                &format!("\"{}\"", 100_000 + index - 3),
                1,
            ),
            _ => line.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(check(&broken), 1_000, "the broken file has 1,000 problems");

    println!("check, 10,000 codes: the median of {ROUNDS} alternating rounds\n");
    println!("| comparison | ours (ms) | baseline (ms) | ratio | target |");
    println!("|---|---:|---:|---:|---|");
    let comparisons: [(&str, &str, Check); 4] = [
        ("check, numeric codes, vs toml alone", NUMERIC, check),
        ("check, text codes, vs toml alone", TEXT, check),
        ("check, 1,000 problems, vs toml alone", &broken, check),
        (
            "check + render 1,000 problems vs toml alone",
            &broken,
            check_and_render,
        ),
    ];
    for (what, text, ours) in comparisons {
        let (ours_ms, baseline_ms) = interleaved(|| ours(text), || toml_alone(text));
        println!(
            "| {what} | {ours_ms:.1} | {baseline_ms:.1} | {:.2} | ours < 100 ms |",
            ours_ms / baseline_ms
        );
    }
}
