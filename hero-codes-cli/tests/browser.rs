//! The page of `hero-codes table --format html` in a real browser: headless Chromium (Debian's
//! `chromium`) driven by playwright-core (`tests/node`) types into the search box, and this
//! test checks which rows remain. The screenshot after the last query is kept for review in
//! `target/tmp/table-html-search.png`.

mod common;

use std::path::Path;
use std::process::Command;

use common::{SearchResults, browser, hero_codes, run_ok, workdir};

#[test]
fn the_search_box_filters_rows_by_code_name_or_description_as_one_types() {
    let Some((node, chromium)) = browser() else {
        return;
    };
    let dir = workdir();
    let run = hero_codes(dir.path(), &["table", "--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let page = dir.path().join("codes.html");
    std::fs::write(&page, run.stdout).unwrap();
    let screenshot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("table-html-search.png");

    let queries = [
        "",
        "10400",
        "notfound",
        "不存在",
        "nothing like this",
        "token",
    ];
    let output = run_ok(
        Command::new(node)
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/node/search.cjs"))
            .arg(&page)
            .arg(&screenshot)
            .arg(dir.path().join("chromium-profile"))
            .args(queries)
            .env("CHROMIUM", chromium),
    );
    let output = SearchResults::parse(&output);
    let result = |query: &str| output.of(query);

    let (all, count, sections) = result("");
    assert_eq!(all.len(), 28, "every code shows before a search: {all:?}");
    assert_eq!((count.as_str(), sections.len()), ("28 of 28 codes", 2));

    // By code, by variant name (case-insensitive), by description (Chinese).
    let (codes, count, sections) = result("10400");
    assert_eq!(
        (codes, count.as_str(), sections),
        (
            vec!["10400".to_owned()],
            "1 of 28 codes",
            vec!["ResultCode".to_owned()]
        )
    );
    assert_eq!(result("notfound").0, ["1001", "2000", "3000", "10400"]);
    assert_eq!(result("不存在").0, ["1001", "2000", "3000", "10400"]);
    // Nothing found: no row and no empty table is left.
    let (codes, count, sections) = result("nothing like this");
    assert!(
        codes.is_empty() && sections.is_empty(),
        "{codes:?} {sections:?}"
    );
    assert_eq!(count, "0 of 28 codes");
    assert_eq!(
        result("token").0,
        ["1002", "1003", "10100", "10102", "10103", "10105"]
    );

    assert_eq!(
        output.json()["requests"],
        serde_json::json!([]),
        "the page loads nothing from the network"
    );
    assert!(
        screenshot.is_file(),
        "a screenshot for review at {}",
        screenshot.display()
    );
}
