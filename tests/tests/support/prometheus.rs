//! Reading Prometheus text as a scrape gives it: samples by name and labels, and
//! `promtool check metrics`.

use std::collections::HashMap;

/// `name{labels} value` lines of the Prometheus text, as (labels, value) for `name`.
pub fn samples(text: &str, name: &str) -> Vec<(HashMap<String, String>, f64)> {
    text.lines()
        .filter(|line| line.starts_with(&format!("{name}{{")))
        .map(|line| {
            let (labels, value) = line[name.len() + 1..].split_once("} ").expect("a sample");
            let labels = labels
                .split(',')
                .filter_map(|pair| pair.split_once('='))
                .map(|(key, value)| (key.to_owned(), value.trim_matches('"').to_owned()))
                .collect();
            (labels, value.trim().parse().expect("a number"))
        })
        .collect()
}

/// The count of `hero_codes_answers_total` for a code and the status it answered with.
pub fn answers(text: &str, catalog: &str, code: &str, status: u16) -> f64 {
    samples(text, hero_codes::metrics::ANSWERS)
        .into_iter()
        .filter(|(labels, _)| {
            labels["catalog"] == catalog
                && labels["code"] == code
                && labels["status"] == status.to_string()
        })
        .map(|(_, value)| value)
        .sum()
}

/// How many latencies `hero_codes_handler_duration_seconds` holds for a catalog and class.
pub fn latency_count(text: &str, catalog: &str, class: &str) -> f64 {
    samples(text, &format!("{}_count", hero_codes::metrics::LATENCY))
        .into_iter()
        .filter(|(labels, _)| labels["catalog"] == catalog && labels["class"] == class)
        .map(|(_, value)| value)
        .sum()
}

/// `promtool check metrics` reads the scraped text without a complaint. Without promtool
/// the check is skipped, but not in CI.
pub fn promtool_accepts(text: &str) {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let child = Command::new("promtool")
        .args(["check", "metrics"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(_) if std::env::var_os("CI").is_none() => {
            eprintln!(
                "promtool not found: the scraped text is not checked (apt-get install prometheus)"
            );
            return;
        }
        Err(error) => panic!("promtool is needed in CI: {error}"),
    };
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(text.as_bytes())
        .expect("write to promtool");
    let output = child.wait_with_output().expect("promtool runs");
    assert!(
        output.status.success(),
        "promtool: {}{}\n{text}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
