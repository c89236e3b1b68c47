//! The site of `hero-codes site` for two services' catalog files (the built-in catalog as
//! one, a billing service with a deprecated, a retired and an oddly written code as the
//! other), checked as its readers and a CI would: html-validate says every page is valid
//! HTML, linkinator follows every link from the index and finds none broken, and headless
//! Chromium (driven by playwright-core, `tests/node/site.cjs`) searches the index, clicks a
//! code to its page and follows the page's links. The screenshots are kept for review in
//! `target/tmp/site-index.png` and `target/tmp/site-code.png`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{
    SearchResults, browser, builtin, hero_codes, node_modules, run_ok, tool_file, toolchain,
    workdir,
};

const BILLING: &str = r#"locales = ["en", "zh"]

[catalogs.BillingCode]
doc = "Codes of the billing service."
codes = [
    { code = "0",     name = "Ok",           status = 200, desc = "Success", zh = "成功" },
    { code = "B0401", name = "CardDeclined", status = 402, desc = "The card was declined", zh = "银行卡被拒绝" },
    { code = "B0402", name = "CardExpired",  status = 402, desc = "The card has expired", zh = "银行卡已过期", deprecated = "use B0401: the bank no longer says why" },
    { code = "E.1/x", name = "Odd",          status = 500, desc = "A code with <odd> characters", zh = "奇怪的代码" },
]
retired = [{ code = "B0400", name = "PaymentRequired", reason = "merged into B0401 in v2" }]
"#;

/// A folder with `core/codes.toml` (the built-in catalog) and `billing/codes.toml`, and the
/// site of both in `site/`.
fn site() -> (tempfile::TempDir, PathBuf) {
    let dir = workdir();
    for (service, text) in [("core", builtin()), ("billing", BILLING)] {
        std::fs::create_dir_all(dir.path().join(service)).unwrap();
        std::fs::write(dir.path().join(service).join("codes.toml"), text).unwrap();
    }
    let run = hero_codes(
        dir.path(),
        &["site", "site", "core/codes.toml", "billing/codes.toml"],
    );
    assert_eq!(
        run.transcript(),
        "exit status: 0\n--- stdout\nsite/index.html: 33 code pages from 2 files\n--- stderr\n"
    );
    let site = dir.path().join("site");
    (dir, site)
}

/// The text of the page at `address` in `site`.
fn page(site: &Path, address: &str) -> String {
    std::fs::read_to_string(site.join(address)).unwrap_or_else(|_| panic!("no page {address}"))
}

#[test]
fn each_code_has_a_page_at_its_code_with_what_clients_need() {
    let (_dir, site) = site();
    let not_found = page(&site, "ResultCode/10400.html");
    for part in [
        "<title>10400 NotFound</title>",
        "NOT FOUND: 请求的资源不存在",
        r#"<td lang="en">The requested resource does not exist</td>"#,
        "<dt>Service</dt><dd>core/codes.toml</dd>",
        "no route for the path (<code>not_found</code>)",
        "&quot;result_code&quot;:&quot;10400&quot;",
    ] {
        assert!(not_found.contains(part), "no `{part}` in:\n{not_found}");
    }
    let deprecated = page(&site, "BillingCode/B0402.html");
    assert!(
        deprecated.contains(r#"use <a href="../BillingCode/B0401.html">B0401</a>: the bank"#),
        "{deprecated}"
    );
    let retired = page(&site, "BillingCode/B0400.html");
    assert!(retired.contains("merged into B0401 in v2"), "{retired}");
    // A success code has no error body; a code's odd characters make a plain file name.
    assert!(!page(&site, "BillingCode/0.html").contains("Error body"));
    let odd = page(&site, "BillingCode/E~2E1~2Fx.html");
    assert!(odd.contains("A code with &lt;odd&gt; characters"), "{odd}");
}

#[test]
fn every_page_is_valid_html_and_no_link_is_broken() {
    let (Some(_), Some(validator), Some(linkinator)) = (
        toolchain("node"),
        tool_file(node_modules().join(".bin/html-validate")),
        tool_file(node_modules().join(".bin/linkinator")),
    ) else {
        return;
    };
    let (dir, site) = site();
    // html-validate's recommended rules, over every page; it does fail on broken markup.
    let validate = |path: &Path| {
        Command::new(&validator)
            .arg(path)
            .output()
            .expect("html-validate runs")
    };
    let pages = validate(&site);
    assert!(
        pages.status.success(),
        "{}{}",
        String::from_utf8_lossy(&pages.stdout),
        String::from_utf8_lossy(&pages.stderr)
    );
    let broken = dir.path().join("broken.html");
    std::fs::write(&broken, "<!DOCTYPE html><html><p><div></p></html>").unwrap();
    assert!(
        !validate(&broken).status.success(),
        "html-validate passes broken HTML"
    );

    // linkinator serves the folder on 127.0.0.1 and follows every link from the index.
    let output = Command::new(&linkinator)
        .args(["site", "--recurse", "--format", "json"])
        .current_dir(dir.path())
        .output()
        .expect("linkinator runs");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|_| {
        panic!(
            "JSON from linkinator: {}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    let links = report["links"].as_array().expect("the links checked");
    let broken: Vec<_> = links.iter().filter(|link| link["state"] != "OK").collect();
    assert!(broken.is_empty(), "broken links: {broken:#?}");
    assert_eq!(report["passed"], true);
    // Every code page was reached, from the index or from another page.
    for address in [
        "site/ResultCode/10400.html",
        "site/BillingCode/B0400.html",
        "site/BillingCode/E~2E1~2Fx.html",
    ] {
        assert!(
            links.iter().any(|link| link["url"] == address),
            "linkinator did not reach {address}"
        );
    }
}

#[test]
fn the_index_searches_every_catalog_and_a_click_opens_a_codes_page() {
    let Some((node, chromium)) = browser() else {
        return;
    };
    let (dir, site) = site();
    let screenshots = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    // The index is shot after the last query: the billing section, with its lifecycle rows.
    let queries = [
        "",
        "10400",
        "银行卡",
        "retired",
        "deprecated",
        "nothing like this",
        "b040",
    ];
    let output = run_ok(
        Command::new(node)
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/node/site.cjs"))
            .arg(&site)
            .arg(&screenshots)
            .arg(dir.path().join("chromium-profile"))
            .arg("B0402")
            .args(queries)
            .env("CHROMIUM", chromium),
    );
    let output = SearchResults::parse(&output);
    let result = |query: &str| output.of(query);

    let (all, count, sections) = result("");
    assert_eq!(all.len(), 33, "every code, retired ones too: {all:?}");
    assert_eq!(count, "33 of 33 codes");
    assert_eq!(sections, ["HeroCode", "ResultCode", "BillingCode"]);
    assert_eq!(
        (result("10400").0, result("10400").2),
        (vec!["10400".to_owned()], vec!["ResultCode".to_owned()])
    );
    assert_eq!(result("b040").0, ["B0401", "B0402", "B0400"]);
    assert_eq!(result("银行卡").0, ["B0401", "B0402"]);
    assert_eq!(result("retired").0, ["B0400"]);
    assert_eq!(result("deprecated").0, ["B0402"]);
    let (none, count, sections) = result("nothing like this");
    assert!(
        none.is_empty() && sections.is_empty(),
        "{none:?} {sections:?}"
    );
    assert_eq!(count, "0 of 33 codes");

    // Clicked from the index, then on to its replacement, then back by the page's link.
    assert_eq!(
        output.json()["visited"],
        serde_json::json!([
            { "address": "BillingCode/B0402.html", "heading": "B0402 CardExpired" },
            { "address": "BillingCode/B0401.html", "heading": "B0401 CardDeclined" },
            { "address": "index.html", "heading": "Result codes" },
        ])
    );
    assert_eq!(
        output.json()["requests"],
        serde_json::json!([]),
        "the site loads nothing from the network"
    );
    for screenshot in ["site-index.png", "site-code.png"] {
        assert!(
            screenshots.join(screenshot).is_file(),
            "no {screenshot} in {}",
            screenshots.display()
        );
    }
}

#[test]
fn files_that_share_a_catalog_share_its_pages() {
    let dir = workdir();
    for service in ["core", "edge"] {
        std::fs::create_dir_all(dir.path().join(service)).unwrap();
        std::fs::write(dir.path().join(service).join("codes.toml"), builtin()).unwrap();
    }
    let run = hero_codes(
        dir.path(),
        &["site", "site", "core/codes.toml", "edge/codes.toml"],
    );
    assert_eq!(
        run.stdout,
        "site/index.html: 28 code pages from 2 files\n",
        "{}",
        run.transcript()
    );
    let site = dir.path().join("site");
    let not_found = page(&site, "ResultCode/10400.html");
    assert!(
        not_found.contains("<h2>In core/codes.toml</h2>")
            && not_found.contains("<h2>In edge/codes.toml</h2>"),
        "{not_found}"
    );
    // Each file keeps its section in the index, under an id of its own.
    let index = page(&site, "index.html");
    for id in ["ResultCode-1", "ResultCode-2", "HeroCode-1", "HeroCode-2"] {
        assert!(
            index.contains(&format!("<section id=\"{id}\">")),
            "no section {id}"
        );
    }
}
