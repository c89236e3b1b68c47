//! Every subcommand run as a user runs it, on the built-in catalog and on broken files;
//! the whole transcript (exit status, stdout, stderr) is compared with a snapshot in
//! `tests/snapshots/`. Review a change with `cargo insta review`, or run with
//! `INSTA_UPDATE=always` and read the diff.

mod common;

use common::{builtin, hero_codes, workdir};

/// A file with a mistake of each kind the checks find after parsing, some on one line.
const MANY_MISTAKES: &str = r#"[catalogs.AppCode]
statuses = [200, 404]
codes = [
    { code = "0",   name = "Ok",       status = 200, desc = "成功" },
    { code = "0",   name = "Ok",       status = 200, desc = "成功" },
    { code = "404", name = "not found", status = 404, desc = "" },
    { code = "500", name = "Internal", status = 500, desc = "内部错误" },
]
"#;

fn in_dir_with(file: &str, text: &str, args: &[&str]) -> String {
    let dir = workdir();
    std::fs::write(dir.path().join(file), text).unwrap();
    hero_codes(dir.path(), args).transcript()
}

fn builtin_run(args: &[&str]) -> String {
    hero_codes(workdir().path(), args).transcript()
}

// ------------------------------------------------------------------------- check ----

#[test]
fn check_accepts_the_builtin_catalog() {
    insta::assert_snapshot!(builtin_run(&["check"]));
}

#[test]
fn check_reads_codes_toml_in_the_current_directory_first() {
    insta::assert_snapshot!(in_dir_with("codes.toml", MANY_MISTAKES, &["check"]));
}

#[test]
fn check_reports_every_problem_as_rustc_does() {
    insta::assert_snapshot!(in_dir_with(
        "api.toml",
        MANY_MISTAKES,
        &["check", "api.toml"]
    ));
}

#[test]
fn check_reports_every_problem_as_json() {
    let transcript = in_dir_with(
        "api.toml",
        MANY_MISTAKES,
        &["check", "api.toml", "--format", "json"],
    );
    insta::assert_snapshot!(transcript);
}

#[test]
fn check_reports_invalid_toml_and_unknown_keys() {
    let text = "[catalogs.AppCode]\ncodes = [\n    { code = \"0\", name = \"Ok\", stauts = 200, desc = \"成功\" },\n]\n[envelope\n";
    insta::assert_snapshot!(
        "check_invalid_toml",
        in_dir_with("syntax.toml", text, &["check", "syntax.toml"])
    );
    let text = "[catalogs.AppCode]\ncodes = [\n    { code = \"0\", name = \"Ok\", stauts = 200, desc = \"成功\" },\n]\n";
    insta::assert_snapshot!(
        "check_unknown_key",
        in_dir_with("key.toml", text, &["check", "key.toml"])
    );
}

#[test]
fn check_json_is_an_empty_array_for_a_good_file() {
    let run = hero_codes(workdir().path(), &["check", "--format", "json"]);
    assert_eq!((run.code, run.stdout.as_str()), (0, "[]\n"));
}

#[test]
fn a_file_that_cannot_be_read_exits_2() {
    insta::assert_snapshot!(builtin_run(&["check", "missing.toml"]));
}

#[test]
fn bad_arguments_exit_2_and_help_exits_0() {
    let run = builtin_run(&["table", "--format", "pdf"]);
    assert!(run.starts_with("exit status: 2\n"), "{run}");
    insta::assert_snapshot!("help", builtin_run(&["--help"]));
    insta::assert_snapshot!("check_help", builtin_run(&["check", "--help"]));
}

// ------------------------------------------------------------------------- table ----

#[test]
fn table_md() {
    insta::assert_snapshot!(builtin_run(&["table", "--format", "md"]));
}

#[test]
fn table_rst() {
    insta::assert_snapshot!(builtin_run(&["table", "--format", "rst"]));
}

#[test]
fn table_json() {
    insta::assert_snapshot!(builtin_run(&["table", "--format", "json"]));
}

#[test]
fn table_csv_starts_with_a_byte_order_mark() {
    let run = hero_codes(workdir().path(), &["table", "--format", "csv"]);
    assert!(
        run.stdout.starts_with("\u{feff}Catalog,Code,"),
        "{}",
        run.stdout
    );
    insta::assert_snapshot!(run.transcript());
}

#[test]
fn table_html() {
    insta::assert_snapshot!(builtin_run(&["table", "--format", "html"]));
}

#[test]
fn table_of_a_broken_file_prints_its_problems_and_exits_1() {
    insta::assert_snapshot!(in_dir_with("codes.toml", MANY_MISTAKES, &["table"]));
}

// ------------------------------------------------------------------------ export ----

#[test]
fn export_ts() {
    insta::assert_snapshot!(builtin_run(&["export", "--lang", "ts"]));
}

#[test]
fn export_python() {
    insta::assert_snapshot!(builtin_run(&["export", "--lang", "python"]));
}

#[test]
fn export_go() {
    insta::assert_snapshot!(builtin_run(&["export", "--lang", "go"]));
}

#[test]
fn export_java() {
    insta::assert_snapshot!(builtin_run(&[
        "export",
        "--lang",
        "java",
        "--package",
        "com.example"
    ]));
}

/// Each export marks a deprecated code its language's way: `@deprecated` JSDoc, a
/// `.. deprecated::` docstring, Go's `// Deprecated:` paragraph, Java's `@Deprecated`; and
/// gives the reason as data. The snapshot keeps the lines about the deprecated code.
#[test]
fn export_marks_deprecated_codes() {
    let dir = workdir();
    std::fs::write(
        dir.path().join("codes.toml"),
        r#"[catalogs.AppCode]
codes = [
    { code = "0",     name = "Ok",           status = 200, desc = "成功" },
    { code = "10102", name = "InvalidToken", status = 401, desc = "令牌无效", deprecated = "use 10105 (TokenExpired)" },
    { code = "10105", name = "TokenExpired", status = 401, desc = "令牌已过期" },
]
"#,
    )
    .unwrap();
    let mut marks = String::new();
    for lang in ["ts", "python", "go", "java"] {
        let run = hero_codes(dir.path(), &["export", "--lang", lang]);
        assert_eq!(run.code, 0, "{}", run.transcript());
        marks.push_str(&format!("--- {lang}\n"));
        let about_10102 = run.stdout.lines().filter(|line| {
            line.contains("10102")
                || line.contains("10105 (TokenExpired)")
                || line.trim() == "@Deprecated"
        });
        for line in about_10102 {
            marks.push_str(line);
            marks.push('\n');
        }
    }
    insta::assert_snapshot!(marks);
}

/// A catalog valid for Rust whose names an export would define twice: a code named `Error`
/// beside the catalog's `AppCodeError` (Python, Go), a catalog named `Envelope` (every
/// language). The export says what to rename and writes nothing.
#[test]
fn export_refuses_names_the_file_would_define_twice() {
    let error_code = r#"[catalogs.AppCode]
codes = [
    { code = "0", name = "Ok",    status = 200, desc = "成功" },
    { code = "1", name = "Error", status = 500, desc = "错误" },
]
"#;
    let envelope_catalog = error_code
        .replace("AppCode", "Envelope")
        .replace("\"Error\"", "\"Failed\"");
    let mut transcripts = String::new();
    for (text, lang) in [
        (error_code, "python"),
        (error_code, "go"),
        (&envelope_catalog, "ts"),
        (&envelope_catalog, "java"),
    ] {
        let transcript = in_dir_with("codes.toml", text, &["export", "--lang", lang]);
        transcripts.push_str(&format!("--- {lang}\n{transcript}"));
    }
    assert_eq!(
        hero_codes_in(error_code, &["export", "--lang", "ts"]),
        0,
        "TypeScript has no class per code"
    );
    insta::assert_snapshot!(transcripts);
}

/// The exit status of `hero-codes args` in a directory whose `codes.toml` is `text`.
fn hero_codes_in(text: &str, args: &[&str]) -> i32 {
    let dir = workdir();
    std::fs::write(dir.path().join("codes.toml"), text).unwrap();
    hero_codes(dir.path(), args).code
}

// ------------------------------------------------------------------------ lookup ----

#[test]
fn lookup_a_known_code() {
    insta::assert_snapshot!(builtin_run(&["lookup", "10400"]));
}

#[test]
fn lookup_a_code_in_two_catalogs_shows_both() {
    insta::assert_snapshot!(builtin_run(&["lookup", "0"]));
}

#[test]
fn lookup_an_unknown_code_names_the_nearest_and_exits_1() {
    insta::assert_snapshot!("lookup_unknown_number", builtin_run(&["lookup", "10401"]));
    insta::assert_snapshot!("lookup_unknown_text", builtin_run(&["lookup", "E40"]));
}

// -------------------------------------------------------------------------- diff ----

/// The built-in catalog after an edit of each kind `diff` tells apart.
fn edited_builtin() -> String {
    let edits = [
        // removed: breaking
        (
            "    { code = \"10301\", name = \"InvalidPermissionKey\", status = 403, desc = \"权限密钥无效\", en = \"Invalid permission key\" },\n",
            "",
        ),
        // status changed: breaking
        (
            "name = \"FileTooLarge\",             status = 413",
            "name = \"FileTooLarge\",             status = 400",
        ),
        // renamed
        ("name = \"MalformedJson\"", "name = \"InvalidJson\""),
        // description reworded
        ("desc = \"新闻不存在\"", "desc = \"新闻已删除或不存在\""),
        // reused for another meaning: breaking
        (
            "name = \"UserNotFound\",             status = 404, desc = \"用户不存在\", en = \"User does not exist\"",
            "name = \"QuotaExceeded\",            status = 404, desc = \"配额已用完\", en = \"Quota used up\"",
        ),
        // added
        (
            "codes = [\n    # 100x",
            "codes = [\n    { code = \"5000\", name = \"Maintenance\", status = 500, desc = \"系统维护中\", en = \"Down for maintenance\" },\n    # 100x",
        ),
    ];
    let mut text = builtin().to_owned();
    for (from, to) in edits {
        assert!(
            text.contains(from),
            "the built-in catalog no longer has {from:?}"
        );
        text = text.replacen(from, to, 1);
    }
    text
}

fn diff_run(old: &str, new: &str, extra: &[&str]) -> String {
    let dir = workdir();
    std::fs::write(dir.path().join("old.toml"), old).unwrap();
    std::fs::write(dir.path().join("new.toml"), new).unwrap();
    let mut args = vec!["diff", "old.toml", "new.toml"];
    args.extend(extra);
    hero_codes(dir.path(), &args).transcript()
}

#[test]
fn diff_marks_breaking_changes_and_exits_1() {
    insta::assert_snapshot!(diff_run(builtin(), &edited_builtin(), &[]));
}

#[test]
fn diff_as_json() {
    insta::assert_snapshot!(diff_run(
        builtin(),
        &edited_builtin(),
        &["--format", "json"]
    ));
}

#[test]
fn diff_without_breaking_changes_exits_0() {
    let added = builtin().replacen(
        "codes = [\n    # 100x",
        "codes = [\n    { code = \"5000\", name = \"Maintenance\", status = 500, desc = \"系统维护中\", en = \"Down for maintenance\" },\n    # 100x",
        1,
    );
    insta::assert_snapshot!("diff_added_code", diff_run(builtin(), &added, &[]));
    insta::assert_snapshot!("diff_same_file", diff_run(&added, &added, &[]));
}

// ------------------------------------------------------------------------ colour ----

/// Colour is for terminals only: piped output (CI logs, files) has no escape codes even
/// without `NO_COLOR`; on a terminal the same problems come in colour.
#[test]
fn colour_only_on_a_terminal() {
    let dir = workdir();
    std::fs::write(dir.path().join("codes.toml"), MANY_MISTAKES).unwrap();
    let piped = std::process::Command::new(env!("CARGO_BIN_EXE_hero-codes"))
        .arg("check")
        .current_dir(dir.path())
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    let piped = String::from_utf8(piped.stdout).unwrap();
    assert!(
        piped.contains("duplicate code") && !piped.contains('\u{1b}'),
        "{piped}"
    );

    // util-linux `script` runs the command on a pseudo-terminal.
    let Some(script) = common::toolchain("script") else {
        return;
    };
    let command = format!("{} check", env!("CARGO_BIN_EXE_hero-codes"));
    let terminal = std::process::Command::new(script)
        .args(["-qec", &command, "/dev/null"])
        .current_dir(dir.path())
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    let terminal = String::from_utf8(terminal.stdout).unwrap();
    assert!(
        terminal.contains("\u{1b}["),
        "no colour on a terminal: {terminal}"
    );
}

// -------------------------------------------------------------------------- lock ----

/// A service's codes as released in v1.
const V1: &str = r#"[catalogs.AppCode]
codes = [
    { code = "0",     name = "Ok",             status = 200, desc = "成功" },
    { code = "10102", name = "InvalidToken",   status = 401, desc = "令牌无效" },
    { code = "10105", name = "TokenExpired",   status = 401, desc = "令牌过期" },
    { code = "10106", name = "SessionRevoked", status = 401, desc = "会话已撤销" },
]
"#;

/// v1 with 10106 removed, neither kept nor retired, and 10105 answering 403.
const V2_BREAKING: &str = r#"[catalogs.AppCode]
codes = [
    { code = "0",     name = "Ok",             status = 200, desc = "成功" },
    { code = "10102", name = "InvalidToken",   status = 401, desc = "令牌无效" },
    { code = "10105", name = "TokenExpired",   status = 403, desc = "令牌过期" },
]
"#;

/// v1 the safe way: 10102 deprecated, 10106 retired, a code added.
const V2_SAFE: &str = r#"[catalogs.AppCode]
codes = [
    { code = "0",     name = "Ok",            status = 200, desc = "成功" },
    { code = "10102", name = "InvalidToken",  status = 401, desc = "令牌无效", deprecated = "use 10105" },
    { code = "10105", name = "TokenExpired",  status = 401, desc = "令牌过期" },
    { code = "10107", name = "LoginRequired", status = 401, desc = "需要登录" },
]
retired = [{ code = "10106", name = "SessionRevoked", reason = "sessions are tokens since v2" }]
"#;

#[test]
fn lock_records_released_codes_and_check_guards_them() {
    let dir = workdir();
    let run = |args: &[&str]| hero_codes(dir.path(), args).transcript();
    let lock = || std::fs::read_to_string(dir.path().join("codes.lock")).unwrap();
    std::fs::write(dir.path().join("codes.toml"), V1).unwrap();
    insta::assert_snapshot!(
        "lock_writes_codes_lock",
        format!("{}{}", run(&["lock"]), lock())
    );
    let v1_lock = lock();

    // A break is found by `check` and refused by `lock`, which leaves the lock alone.
    std::fs::write(dir.path().join("codes.toml"), V2_BREAKING).unwrap();
    insta::assert_snapshot!("check_reports_a_broken_lock", run(&["check"]));
    insta::assert_snapshot!("lock_refuses_a_break", run(&["lock"]));
    assert_eq!(lock(), v1_lock);

    // Deprecating, retiring and adding are no break.
    std::fs::write(dir.path().join("codes.toml"), V2_SAFE).unwrap();
    insta::assert_snapshot!(
        "lock_accepts_safe_changes",
        format!("{}{}", run(&["lock"]), lock())
    );

    // A break on purpose, said out loud.
    std::fs::write(dir.path().join("codes.lock"), &v1_lock).unwrap();
    std::fs::write(dir.path().join("codes.toml"), V2_BREAKING).unwrap();
    insta::assert_snapshot!(
        "lock_accept_breaking",
        format!("{}{}", run(&["lock", "--accept-breaking"]), lock())
    );
    assert_eq!(hero_codes(dir.path(), &["check"]).code, 0);
}

#[test]
fn in_a_crate_a_codes_toml_it_does_not_declare_exits_2_as_the_build_fails() {
    let dir = workdir();
    std::fs::write(
        dir.path().join("Cargo.toml"),
        "[package]\nname = \"shop\"\n",
    )
    .unwrap();
    std::fs::create_dir_all(dir.path().join("api")).unwrap();
    std::fs::write(dir.path().join("api/codes.toml"), builtin()).unwrap();
    insta::assert_snapshot!(hero_codes(dir.path(), &["check"]).transcript());
    // Declared, the same file is the one read, from the crate and below it.
    std::fs::write(
        dir.path().join("Cargo.toml"),
        "[package]\nname = \"shop\"\n\n[package.metadata.hero-codes]\ncatalog = \"api/codes.toml\"\n",
    )
    .unwrap();
    let below = hero_codes(&dir.path().join("api"), &["check"]);
    assert_eq!(
        below.stdout,
        "codes.toml (declared in ../Cargo.toml): no problems in 2 catalogs, 28 codes\n"
    );
}

#[test]
fn lock_without_a_catalog_file_exits_2() {
    insta::assert_snapshot!(builtin_run(&["lock"]));
}

#[test]
fn diff_lists_deprecated_and_retired_codes_as_no_break() {
    let dir = workdir();
    std::fs::write(dir.path().join("v1.toml"), V1).unwrap();
    std::fs::write(dir.path().join("v2.toml"), V2_SAFE).unwrap();
    insta::assert_snapshot!(hero_codes(dir.path(), &["diff", "v1.toml", "v2.toml"]).transcript());
}

// -------------------------------------------------------------------------- site ----

#[test]
fn site_without_files_is_the_site_of_the_catalog_here() {
    let dir = workdir();
    let run = hero_codes(dir.path(), &["site", "out"]);
    assert_eq!(
        run.transcript(),
        "exit status: 0\n--- stdout\nout/index.html: 28 code pages from 1 file\n--- stderr\n"
    );
    assert!(dir.path().join("out/HeroCode/4003.html").is_file());
}

#[test]
fn site_reports_every_broken_file_and_writes_nothing() {
    let dir = workdir();
    std::fs::write(dir.path().join("good.toml"), builtin()).unwrap();
    let broken = "[catalogs.AppCode]\ncodes = [\n    { code = \"0\", name = \"Ok\", stauts = 200, desc = \"成功\" },\n]\n";
    std::fs::write(dir.path().join("key.toml"), broken).unwrap();
    let run = hero_codes(dir.path(), &["site", "out", "good.toml", "key.toml"]);
    insta::assert_snapshot!(run.transcript());
    assert!(!dir.path().join("out").exists(), "a site was written");
}
