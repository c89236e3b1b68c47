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
