//! The tables `hero-codes table` writes, read back by the tools their readers use: docutils
//! (which Sphinx renders with) for reStructuredText, Python's `csv` module as a spreadsheet
//! would read the CSV. `.ci/run` installs docutils when missing.

mod common;

use std::process::Command;

use common::{hero_codes, run_ok, toolchain, workdir};

/// Writes `hero-codes table --format format` to `dir/name`.
fn table(dir: &std::path::Path, format: &str, name: &str) {
    let run = hero_codes(dir, &["table", "--format", format]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    std::fs::write(dir.join(name), run.stdout).unwrap();
}

#[test]
fn rst_renders_in_docutils_without_a_warning() {
    let Some(python) = toolchain("python3") else {
        return;
    };
    let dir = workdir();
    table(dir.path(), "rst", "codes.rst");
    // halt_level 2 turns any warning (a misaligned table, a short underline) into a failure;
    // the output is the number of table rows docutils found.
    let rows = run_ok(
        Command::new(python)
            .args(["-X", "utf8", "-c"])
            .arg(
                r#"
import sys
try:
    import docutils.core
except ImportError:
    sys.exit("docutils is missing: pip install docutils (.ci/run installs it)")
tree = docutils.core.publish_doctree(
    open("codes.rst", encoding="utf-8").read(),
    settings_overrides={"halt_level": 2, "report_level": 2},
)
print(sum(len(body.children) for body in tree.findall(lambda node: node.tagname == "tbody")))
"#,
            )
            .current_dir(dir.path()),
    );
    // 4 envelope fields, 10 HTTP statuses, 14 + 14 codes.
    assert_eq!(rows.trim(), "42");
}

#[test]
fn csv_reads_back_as_one_row_per_code() {
    let Some(python) = toolchain("python3") else {
        return;
    };
    let dir = workdir();
    table(dir.path(), "csv", "codes.csv");
    let rows = run_ok(
        Command::new(python)
            .args(["-X", "utf8", "-c"])
            .arg(
                r#"
import csv
with open("codes.csv", encoding="utf-8-sig", newline="") as file:
    rows = list(csv.reader(file))
print(len(rows), rows[0], [row for row in rows if row[1] == "10400"])
"#,
            )
            .current_dir(dir.path()),
    );
    assert_eq!(
        rows.trim(),
        "29 ['Catalog', 'Code', 'Variant', 'Status', 'gRPC', 'Description', 'Description (en)'] \
         [['ResultCode', '10400', 'NotFound', '404', 'NOT_FOUND', '所请求的资源不存在', 'The requested resource does not exist']]"
    );
}
