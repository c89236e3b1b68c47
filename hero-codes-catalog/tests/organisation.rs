//! Catalog files at the scale of an organisation: a file that takes catalogs from another
//! (`include`), owners of blocks of codes (`[owners.Name]`, a catalog's `owner`), and codes
//! documented in Markdown files (`doc_file`). Each test writes real files into a folder and
//! reads them through the loader, as the macros and the command do.

use std::path::{Path, PathBuf};

use hero_codes_catalog::{CatalogFile, Located, Lock, Source};

/// The shared file of a team: the owners of the organisation and the common codes.
const SHARED: &str = r#"locales = ["zh", "en"]

[owners.platform]
doc = "The platform team: codes common to every service"
ranges = [[10000, 10599]]

[owners.payments]
ranges = [[20000, 20999]]
prefixes = ["P"]

[catalogs.ResultCode]
owner = "platform"
codes = [
    { code = "0", name = "Ok", status = 200, desc = "成功", en = "Success" },
    { code = "10400", name = "NotFound", status = 404, desc = "不存在", en = "Not found", doc_file = "docs/10400.md" },
]
"#;

/// A service's file, which takes the shared catalogs.
const SERVICE: &str = r#"locales = ["zh", "en"]
include = ["../shared/spec.toml"]

[catalogs.PayCode]
owner = "payments"
codes = [
    { code = "0", name = "Ok", status = 200, desc = "成功", en = "Success" },
    { code = "20001", name = "Declined", status = 402, desc = "拒绝", en = "Declined", retryable = true },
]
"#;

/// A folder with `files` (path, text) written in it.
fn folder(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hero-codes-org-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// The organisation's usual folder: the shared file, its docs, and one service.
fn organisation(name: &str, service: &str, shared: &str) -> PathBuf {
    folder(
        name,
        &[
            ("shared/spec.toml", shared),
            ("shared/docs/10400.md", "The resource does not exist.\n"),
            ("svc/codes.toml", service),
        ],
    )
}

fn read(dir: &Path, path: &str) -> Source {
    Located::named(dir.join(path), path).read().unwrap()
}

/// Every problem of the service's file, one rendered line each.
fn problems(name: &str, service: &str, shared: &str) -> Vec<String> {
    let dir = organisation(name, service, shared);
    let error = read(&dir, "svc/codes.toml").check().unwrap_err();
    std::fs::remove_dir_all(&dir).unwrap();
    error
        .problems()
        .iter()
        .map(|problem| error.render(problem))
        .collect()
}

#[test]
fn a_file_takes_the_catalogs_and_owners_of_the_file_it_includes() {
    let dir = organisation("takes", SERVICE, SHARED);
    let source = read(&dir, "svc/codes.toml");
    let file = source.check().unwrap();
    let names: Vec<_> = file
        .catalogs
        .iter()
        .map(|catalog| catalog.name.value.as_str())
        .collect();
    assert_eq!(names, ["PayCode", "ResultCode"]);
    assert_eq!(file.catalogs[1].file.as_deref(), Some("shared/spec.toml"));
    assert_eq!(file.catalogs[0].file, None);
    let owners: Vec<_> = file
        .owners
        .iter()
        .map(|owner| owner.name.value.as_str())
        .collect();
    assert_eq!(owners, ["platform", "payments"]);

    // The documentation file is read, relative to the file whose line names it.
    let not_found = file.catalog("ResultCode").unwrap().entry("10400").unwrap();
    assert_eq!(
        not_found.doc.as_ref().unwrap().value,
        "The resource does not exist.\n"
    );
    assert!(
        file.catalog("PayCode")
            .unwrap()
            .entry("20001")
            .unwrap()
            .is_retryable()
    );

    // The lock covers the included codes, and a rebuild follows every file read.
    let lock = Lock::of(&file).render();
    assert!(
        lock.contains("ResultCode 10400 404 NotFound active\n"),
        "{lock}"
    );
    let tracked = source.tracked();
    for path in [
        "svc/codes.toml",
        "svc/../shared/spec.toml",
        "svc/../shared/docs/10400.md",
    ] {
        assert!(
            tracked.contains(&dir.join(path)),
            "{path} is not in {tracked:?}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_included_catalog_keeps_the_grpc_domain_of_its_file() {
    let shared = format!("domain = \"platform.example.com\"\n{SHARED}");
    let service = format!("domain = \"pay.example.com\"\n{SERVICE}");
    let dir = organisation("domain", &service, &shared);
    let file = read(&dir, "svc/codes.toml").check().unwrap();
    let domain = |name| file.domain_of(file.catalog(name).unwrap());
    assert_eq!(domain("PayCode"), "pay.example.com");
    assert_eq!(domain("ResultCode"), "platform.example.com");
    std::fs::remove_dir_all(&dir).unwrap();

    // A domain that is not a name is one mistake, reported once, in the shared file.
    let shared = format!("domain = \"platform example\"\n{SHARED}");
    let problems = problems("bad-domain", SERVICE, &shared);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(problems[0].contains("spec.toml:1:"), "{problems:#?}");
}

#[test]
fn a_mistake_in_the_included_file_is_reported_at_its_line_there() {
    let shared = SHARED.replace("status = 404", "status = 4040");
    assert_eq!(
        problems("a-mistake-in-the-included-file", SERVICE, &shared),
        ["shared/spec.toml:15:51: `4040` is not an HTTP status: use a status from 100 to 999"]
    );
}

#[test]
fn an_included_file_is_read_in_the_envelope_and_locales_of_the_including_file() {
    // The service answers in three languages: the shared codes must have all three.
    let service = SERVICE
        .replace(r#"["zh", "en"]"#, r#"["zh", "en", "ja"]"#)
        .replace(r#"en = "Success" },"#, r#"en = "Success", ja = "成功" },"#)
        .replace(r#"en = "Declined","#, r#"en = "Declined", ja = "拒否","#);
    let problems = problems("an-included-file-is-read-in", &service, SHARED);
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(
        problems[0].starts_with("shared/spec.toml:14:53: code `0` has no description in `ja`"),
        "{problems:#?}"
    );
}

#[test]
fn an_included_file_that_cannot_be_read_is_an_error_at_its_entry() {
    let service = SERVICE.replace("../shared/spec.toml", "../shared/spek.toml");
    let problems = problems("an-included-file-that-cannot-be", &service, SHARED);
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(
        problems[0].starts_with("svc/codes.toml:2:12: cannot read `../shared/spek.toml`: "),
        "{problems:#?}"
    );
    // The catalog's owner is declared in the file that could not be read.
    assert!(
        problems[1].starts_with("svc/codes.toml:5:9: unknown owner `payments` for PayCode"),
        "{problems:#?}"
    );
}

#[test]
fn an_include_may_take_some_catalogs_only_and_names_them_right() {
    let service = SERVICE.replace(
        r#"include = ["../shared/spec.toml"]"#,
        r#"include = [{ path = "../shared/spec.toml", catalogs = ["ResultCodes"] }]"#,
    );
    assert_eq!(
        problems("an-include-may-take-some-catalogs", &service, SHARED),
        [
            "svc/codes.toml:2:56: `../shared/spec.toml` has no catalog `ResultCodes`: did you mean `ResultCode`?"
        ]
    );
}

#[test]
fn a_catalog_defined_here_and_in_an_included_file_is_an_error() {
    let service = SERVICE.replace("[catalogs.PayCode]", "[catalogs.ResultCode]");
    assert_eq!(
        problems("a-catalog-defined-here-and-in", &service, SHARED),
        [
            "shared/spec.toml:11:11: catalog `ResultCode` is defined twice, here and on line 4 of the including file: each catalog becomes one enum; rename one, or take it from one file only (`include = [{ path = \"...\", catalogs = [...] }]`)"
        ]
    );
}

#[test]
fn includes_are_followed_one_level() {
    let shared = format!("include = [\"more.toml\"]\n{SHARED}");
    let problems = problems("includes-are-followed-one-level", SERVICE, &shared);
    assert!(
        problems[0].starts_with("shared/spec.toml:1:12: `shared/spec.toml` includes `more.toml`, and includes are followed one level only: include `../shared/more.toml` from the file that includes this one"),
        "{problems:#?}"
    );
}

#[test]
fn a_code_outside_its_owners_blocks_is_an_error_at_the_code() {
    let service = SERVICE.replace("\"20001\"", "\"10401\"");
    assert_eq!(
        problems("a-code-outside-its-owners-blocks", &service, SHARED),
        [
            "svc/codes.toml:8:14: code `10401` is outside the codes of `payments`, the owner of PayCode, it belongs to `platform`: use a code from 20000 to 20999, codes starting with `P`"
        ]
    );
}

#[test]
fn an_unknown_owner_suggests_the_closest() {
    let service = SERVICE.replace("owner = \"payments\"", "owner = \"payment\"");
    assert_eq!(
        problems("an-unknown-owner-suggests-the-closest", &service, SHARED),
        ["svc/codes.toml:5:9: unknown owner `payment` for PayCode: did you mean `payments`?"]
    );
}

#[test]
fn owners_whose_blocks_overlap_are_an_error() {
    let shared = SHARED
        .replace("[[20000, 20999]]", "[[10500, 20999]]")
        .replace(
            "prefixes = [\"P\"]",
            "prefixes = [\"P\"]\n\n[owners.partners]\nprefixes = [\"PA\"]",
        );
    assert_eq!(
        problems("owners-whose-blocks-overlap-are-an", SERVICE, &shared),
        [
            "shared/spec.toml:8:12: the range 10500 to 20999 of owner `payments` overlaps the range 10000 to 10599 of owner `platform` (line 3): a code has one owner; move one of the ranges",
            "shared/spec.toml:12:13: the prefix `PA` of owner `partners` overlaps the prefix `P` of owner `payments` (line 7): a code has one owner; choose prefixes that do not begin one another",
        ]
    );
}

#[test]
fn an_owner_owns_something() {
    let text = "[owners.payments]\nranges = [[20999, 20000]]\n\n[owners.orders]\ndoc = \"the orders team\"\n";
    let error = CatalogFile::parse(text, "org.toml").unwrap_err();
    assert_eq!(
        error.to_string(),
        "org.toml:2:12: range of owner `payments` starts above its end (20999 > 20000): write the lowest code first\n\
         org.toml:4:9: owner `orders` owns no code: give it `ranges = [[20000, 20999]]` or `prefixes = [\"P\"]`"
    );
}

#[test]
fn the_documentation_is_written_once() {
    let shared = SHARED.replace(
        "doc_file = \"docs/10400.md\"",
        "doc_file = \"docs/10400.md\", doc = \"x\"",
    );
    assert_eq!(
        problems("the-documentation-is-written-once", SERVICE, &shared),
        [
            "shared/spec.toml:15:99: the code has both `doc` and `doc_file`: keep one, the documentation is written once"
        ]
    );
    let text = "[catalogs.A]\ncodes = [{ code = \"0\", name = \"Ok\", status = 200, desc = \"成功\", retryable = \"yes\" }]";
    assert_eq!(
        CatalogFile::parse(text, "codes.toml")
            .unwrap_err()
            .to_string(),
        "codes.toml:2:76: `retryable` must be `true` or `false`, found a string"
    );
}

#[test]
fn a_doc_url_names_a_field_of_its_own_and_the_code() {
    let file = |doc_url: &str| {
        format!(
            "[envelope]\ndoc_url = {doc_url}\n\n[catalogs.A]\ncodes = [{{ code = \"0\", name = \"Ok\", status = 200, desc = \"成功\" }}]\n"
        )
    };
    let good = CatalogFile::parse(
        &file(r#"{ field = "doc_url", template = "https://e.example/{code}" }"#),
        "codes.toml",
    )
    .unwrap();
    assert_eq!(
        hero_codes_catalog::error_body_json(&good.envelope, "0", "成功"),
        r#"{"result":false,"result_code":"0","result_desc":"成功","doc_url":"https://e.example/0"}"#
    );
    let errors = |doc_url: &str| {
        CatalogFile::parse(&file(doc_url), "codes.toml")
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        errors(r#"{ field = "doc_url", template = "https://e.example/codes" }"#),
        "codes.toml:2:43: the `doc_url` template has no `{code}`: every code would link to the same page; write where the code goes, e.g. \"https://errors.example.com/codes/{code}\""
    );
    assert_eq!(
        errors(r#"{ field = "doc_url", template = "https://e.example/{lang}/{code}" }"#),
        "codes.toml:2:43: the `doc_url` template has a placeholder other than `{code}`: `{code}` is the only one; write the rest of the link as it is"
    );
    assert_eq!(
        errors(r#"{ field = "result_desc", template = "https://e.example/{code}" }"#),
        "codes.toml:2:21: envelope field `doc_url` is named `result_desc`, the default name of field `desc`: give each field its own name"
    );
    assert_eq!(
        errors(r#"{ field = "doc_url", url = "https://e.example/{code}" }"#),
        "codes.toml:2:11: missing key `template` in `doc_url` (a table with `field` and `template`): add `template = ...`\n\
         codes.toml:2:32: unknown key `url` in `doc_url` (a table with `field` and `template`): expected `field` or `template`"
    );
}
