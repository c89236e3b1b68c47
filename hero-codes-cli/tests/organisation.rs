//! `hero-codes check` over the catalog files of several services, as an organisation's CI
//! runs it: every file by its own rules, and the rules between them, each problem at its
//! line in its own file. Transcripts are compared with snapshots in `tests/snapshots/`.

mod common;

use common::{hero_codes, workdir};

/// The organisation's file: who owns which codes, and the codes every service shares.
const ORG: &str = r#"[owners.platform]
doc = "The platform team"
ranges = [[10000, 10599]]

[owners.payments]
ranges = [[20000, 20999]]

[owners.orders]
ranges = [[30000, 30999]]

[catalogs.ResultCode]
owner = "platform"
codes = [
    { code = "0",     name = "Ok",       status = 200, desc = "成功" },
    { code = "10400", name = "NotFound", status = 404, desc = "所请求的资源不存在" },
]
"#;

const PAYMENTS: &str = r#"include = ["../../org/codes.toml"]

[catalogs.PayCode]
owner = "payments"
codes = [
    { code = "0",     name = "Ok",       status = 200, desc = "成功" },
    { code = "20001", name = "Declined", status = 402, desc = "支付被拒绝", retryable = false },
]
"#;

const ORDERS: &str = r#"include = ["../../org/codes.toml"]

[catalogs.OrderCode]
owner = "orders"
codes = [
    { code = "0",     name = "Ok",       status = 200, desc = "成功" },
    { code = "30001", name = "SoldOut",  status = 409, desc = "已售罄", retryable = true },
]
"#;

/// Runs `hero-codes args` in a folder holding the organisation's file and two services.
fn organisation(payments: &str, orders: &str, args: &[&str]) -> String {
    let dir = workdir();
    for (path, text) in [
        ("org/codes.toml", ORG),
        ("services/payments/codes.toml", payments),
        ("services/orders/codes.toml", orders),
    ] {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    hero_codes(dir.path(), args).transcript()
}

const BOTH: &[&str] = &[
    "check",
    "services/payments/codes.toml",
    "services/orders/codes.toml",
];

#[test]
fn check_accepts_services_that_share_one_file() {
    insta::assert_snapshot!(organisation(PAYMENTS, ORDERS, BOTH));
}

#[test]
fn check_reports_a_code_two_services_define_differently() {
    // Orders took a code of the payments block, and gave it another meaning.
    let orders = ORDERS.replace("owner = \"orders\"\n", "").replace(
        "\"30001\", name = \"SoldOut\", ",
        "\"20001\", name = \"SoldOut\",  ",
    );
    insta::assert_snapshot!(organisation(PAYMENTS, &orders, BOTH));
}

#[test]
fn check_reports_a_code_outside_its_owners_block_in_each_file() {
    let payments = PAYMENTS.replace("\"20001\"", "\"30002\"");
    insta::assert_snapshot!(organisation(&payments, ORDERS, BOTH));
}

#[test]
fn check_reports_owners_whose_blocks_overlap_across_files() {
    // The orders service declares an owner of its own, over the payments block.
    let orders = ORDERS
        .replace(
            "[catalogs.OrderCode]\nowner = \"orders\"",
            "[owners.shop]\nranges = [[20500, 21499]]\n\n[catalogs.OrderCode]\nowner = \"shop\"",
        )
        .replace("\"30001\"", "\"20501\"");
    insta::assert_snapshot!(organisation(PAYMENTS, &orders, BOTH));
}

#[test]
fn check_reports_cross_file_problems_as_json() {
    let orders = ORDERS.replace("owner = \"orders\"\n", "").replace(
        "\"30001\", name = \"SoldOut\", ",
        "\"20001\", name = \"SoldOut\",  ",
    );
    let mut args = BOTH.to_vec();
    args.extend(["--format", "json"]);
    insta::assert_snapshot!(organisation(PAYMENTS, &orders, &args));
}

// ------------------------------------------------- the chapter docs/many-services.md ----

/// The folder of the chapter's example files.
fn chapter_folder() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/many-services")
}

fn chapter() -> String {
    std::fs::read_to_string(chapter_folder().join("../many-services.md")).unwrap()
}

/// The blocks of `chapter` fenced as `lang`.
fn blocks(chapter: &str, lang: &str) -> Vec<String> {
    let fence = format!("```{lang}\n");
    chapter
        .split(&fence)
        .skip(1)
        .map(|block| block.split("```\n").next().unwrap().to_owned())
        .collect()
}

#[test]
fn the_chapters_files_are_the_files_it_shows() {
    // A block of a whole file starts with a comment naming it: `# org/codes.toml: ...`.
    let files: Vec<(String, String)> = blocks(&chapter(), "toml")
        .into_iter()
        .filter_map(|block| {
            let path = block.strip_prefix("# ")?.split(':').next()?.to_owned();
            Some((path, block))
        })
        .collect();
    assert_eq!(files.len(), 3);
    for (path, block) in files {
        let file = std::fs::read_to_string(chapter_folder().join(&path)).unwrap();
        assert_eq!(block, file, "{path} differs from docs/many-services.md");
    }
}

#[test]
fn the_chapters_services_check_together_and_explain_as_shown() {
    let dir = chapter_folder();
    let services = ["services/orders/codes.toml", "services/payments/codes.toml"];
    let run = hero_codes(&dir, &[&["check"][..], &services].concat());
    let texts = blocks(&chapter(), "text");
    let shown = |command: &str| {
        texts
            .iter()
            .find_map(|text| text.strip_prefix(&format!("$ {command}\n")))
            .unwrap_or_else(|| panic!("the chapter shows no `{command}`"))
            .to_owned()
    };
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(run.stdout, shown("hero-codes check services/*/codes.toml"));

    let explain = hero_codes(&dir, &["explain", "10503", "services/orders/codes.toml"]);
    assert_eq!(explain.code, 0, "{}", explain.transcript());
    assert_eq!(
        explain.stdout,
        shown("hero-codes explain 10503 services/orders/codes.toml")
    );
}

#[test]
fn the_chapters_cross_file_problem_is_what_check_prints() {
    // The chapter's example: orders takes the payments code 20402 for another meaning.
    let folder = workdir();
    for path in [
        "org/codes.toml",
        "org/codes/10503.md",
        "services/payments/codes.toml",
        "services/orders/codes.toml",
    ] {
        let text = std::fs::read_to_string(chapter_folder().join(path)).unwrap();
        let text = text
            .replace("owner = \"orders\"\n", "")
            .replace("\"30409\"", "\"20402\"");
        let path = folder.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let run = hero_codes(
        folder.path(),
        &[
            "check",
            "services/payments/codes.toml",
            "services/orders/codes.toml",
        ],
    );
    let shown = blocks(&chapter(), "text")
        .into_iter()
        .find(|text| text.starts_with("error: code `20402` means something else"))
        .expect("the chapter shows the problem");
    assert_eq!(run.code, 1);
    assert!(run.stdout.starts_with(&shown), "{}", run.transcript());
}

#[test]
fn explain_shows_a_codes_documentation_and_says_when_there_is_none() {
    let dir = chapter_folder();
    insta::assert_snapshot!(
        hero_codes(&dir, &["explain", "20402", "services/payments/codes.toml"]).transcript()
    );
    insta::assert_snapshot!(
        "explain_without_documentation",
        hero_codes(&dir, &["explain", "30409", "services/orders/codes.toml"]).transcript()
    );
    insta::assert_snapshot!(
        "explain_unknown_code",
        hero_codes(&dir, &["explain", "30408", "services/orders/codes.toml"]).transcript()
    );
}

#[test]
fn a_codes_page_says_who_owns_it_where_it_comes_from_and_what_to_do() {
    let out = workdir();
    let site = out.path().join("site");
    let run = hero_codes(
        &chapter_folder(),
        &[
            "site",
            site.to_str().unwrap(),
            "services/payments/codes.toml",
            "services/orders/codes.toml",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    let page = std::fs::read_to_string(site.join("ResultCode/10503.html")).unwrap();
    for expected in [
        "<dt>Included from</dt><dd>org/codes.toml</dd>",
        "<dt>Owner</dt><dd><code>platform</code>: Platform team: the codes every service shares</dd>",
        "<dt>Retry</dt><dd>Retrying can help: the same request may succeed later.</dd>",
        "<h2>Documentation</h2>\n<p>The service is overloaded for a moment and did not handle the request.</p>",
    ] {
        assert!(page.contains(expected), "no {expected:?} in\n{page}");
    }
}
