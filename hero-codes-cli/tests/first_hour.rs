//! The README's "Your own catalog", walked as a new user walks it: a scratch crate outside
//! the workspace, depending on hero-codes by path, with a catalog of its own declared in
//! its `Cargo.toml` (`api/codes.toml`, unlike the built-in one). Every subcommand, run in
//! that crate or below it, reads the declared file, as the macros do; each mistake in the
//! file is one error in `cargo build`; a lock written later is read by the next build; and
//! the command a message suggests runs as written.
//!
//! The crate is built by a real cargo in a target directory kept between runs (under
//! `CARGO_TARGET_TMPDIR`), so only the scratch crate compiles again.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;
use common::{Run, hero_codes};

const CODES: &str = r#"[envelope]
result = "success"
code = "code"
desc = "message"

[catalogs.ShopCode]
success = "00000"
grpc = "FAILED_PRECONDITION"  # over gRPC, its errors answered with HTTP 200
codes = [
    { code = "00000", name = "Ok",          status = 200, desc = "一切ok" },
    { code = "A0400", name = "BadInput",    status = 200, desc = "用户请求参数错误" },
    { code = "A0404", name = "NoSuchApi",   status = 404, desc = "访问的接口不存在" },
    { code = "A0410", name = "OutOfStock",  status = 200, desc = "库存不足" },
    { code = "B0001", name = "SystemError", status = 500, desc = "系统执行出错" },
]
retired = [
    { code = "A0420", name = "Coupon", reason = "coupons left the shop in v2" },
]

[catalogs.ShopCode.failures]
invalid_json = "A0400"
invalid_form = "A0400"
invalid_query = "A0400"
invalid_path = "A0400"
unsupported_media_type = "A0400"
body_too_large = "A0400"
not_found = "A0404"
method_not_allowed = "A0400"
bad_request = "A0400"
internal = "B0001"
"#;

const MAIN: &str = r#"mod codes {
    hero_codes::include_catalog!(); // the catalog declared in Cargo.toml
}
use codes::ShopCode;

#[derive(Debug, hero_codes::ApiError)]
enum ShopError {
    #[api(code = "A0410")]
    OutOfStock,
}

impl std::fmt::Display for ShopError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("out of stock")
    }
}

impl std::error::Error for ShopError {}

fn main() {
    println!("{} {}", ShopCode::Ok, hero_codes::ApiError::desc(&ShopError::OutOfStock));
}
"#;

#[test]
fn the_first_hour_with_a_catalog_of_ones_own() {
    let shop = Shop::create();
    let built = shop.build();
    assert!(built.status.success(), "{}", stderr(&built));

    // A build with nothing changed does nothing: the macros track no file that is missing.
    let again = shop.build();
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(
        !stderr(&again).contains("Compiling shop"),
        "{}",
        stderr(&again)
    );

    every_subcommand_reads_the_declared_catalog(&shop);
    each_mistake_is_one_error(&shop);
    a_lock_written_later_is_read_by_the_next_build(&shop);
}

fn every_subcommand_reads_the_declared_catalog(shop: &Shop) {
    let here = &shop.root;
    let below = shop.root.join("src");
    let check = hero_codes(here, &["check"]);
    assert_eq!(
        (check.code, check.stdout.as_str()),
        (
            0,
            "api/codes.toml (declared in Cargo.toml): no problems in 1 catalog, 5 codes\n"
        ),
        "{}",
        check.transcript()
    );
    let check = hero_codes(&below, &["check"]);
    assert_eq!(
        check.stdout,
        "../api/codes.toml (declared in ../Cargo.toml): no problems in 1 catalog, 5 codes\n"
    );
    let table = ok(hero_codes(&below, &["table"]));
    assert!(
        table.contains("A0410") && table.contains("库存不足"),
        "{table}"
    );
    let export = ok(hero_codes(here, &["export", "--lang", "ts"]));
    assert!(
        export.contains("from api/codes.toml.") && export.contains("A0410"),
        "{export}"
    );
    let found = ok(hero_codes(&below, &["lookup", "A0410"]));
    assert!(found.starts_with("ShopCode::OutOfStock\n"), "{found}");

    // An unknown code: every code one slip away, nearest first.
    let unknown = hero_codes(here, &["lookup", "A0401"]);
    assert_eq!(unknown.code, 1);
    assert_eq!(
        unknown.stderr,
        "error: no code `A0401` in api/codes.toml\n  nearest: A0400 (ShopCode::BadInput), A0404 (ShopCode::NoSuchApi), A0410 (ShopCode::OutOfStock)\n"
    );
}

fn each_mistake_is_one_error(shop: &Shop) {
    // A misspelt key: one error in the build (not one per macro), none following from it.
    shop.edit("api/codes.toml", |text| {
        text.replace("status = 404", "stauts = 404")
    });
    let failed = shop.build();
    let errors = stderr(&failed);
    assert_eq!(errors.matches("error: ").count(), 2, "{errors}");
    assert!(
        errors.contains("error: api/codes.toml:12:45: unknown key `stauts` in a code entry: did you mean `status`?"),
        "{errors}"
    );
    assert!(errors.contains("due to 1 previous error"), "{errors}");
    let check = hero_codes(&shop.root, &["check"]);
    assert_eq!(check.code, 1);
    assert!(
        check
            .stdout
            .ends_with("error: could not use `api/codes.toml`: 1 problem\n"),
        "{}",
        check.stdout
    );
    shop.edit("api/codes.toml", |text| {
        text.replace("stauts = 404", "status = 404")
    });

    // `locales` under [envelope]: one error, which says where it goes.
    shop.edit("api/codes.toml", |text| {
        let translated: Vec<String> = text
            .lines()
            .map(|line| match line.contains("desc = ") {
                true => line.replace(" },", ", en = \"In English\" },"),
                false => line.to_owned(),
            })
            .collect();
        translated.join("\n").replace(
            "desc = \"message\"\n",
            "desc = \"message\"\nlocales = [\"zh-CN\", \"en\"]\n",
        )
    });
    let failed = shop.build();
    let errors = stderr(&failed);
    assert!(errors.contains("error: api/codes.toml:5:1: `locales` belongs to the whole file, not to the [envelope] table: move it to the top of the file, above the first [table] header"), "{errors}");
    assert!(errors.contains("due to 1 previous error"), "{errors}");
    shop.edit("api/codes.toml", |text| {
        let moved = text.replace("locales = [\"zh-CN\", \"en\"]\n", "");
        format!("locales = [\"zh-CN\", \"en\"]\n\n{moved}")
    });
    let built = shop.build();
    assert!(built.status.success(), "{}", stderr(&built));

    // A code misspelt in the derive, and a retired one: one error each, saying what to do.
    shop.edit("src/main.rs", |text| {
        text.replace(
            "    OutOfStock,\n",
            "    OutOfStock,\n    #[api(code = \"A0401\")]\n    Typo,\n    #[api(code = \"A0420\")]\n    Coupon,\n",
        )
    });
    let failed = shop.build();
    let errors = stderr(&failed);
    assert!(errors.contains("error: unknown code `A0401`: it is not in api/codes.toml; did you mean `A0400` (BadInput, 用户请求参数错误), `A0404` (NoSuchApi, 访问的接口不存在) or `A0410` (OutOfStock, 库存不足)?"), "{errors}");
    assert!(errors.contains("error: code `A0420` (Coupon) is retired from ShopCode in api/codes.toml: coupons left the shop in v2; use a code in service"), "{errors}");
    assert!(errors.contains("due to 2 previous errors"), "{errors}");
    shop.edit("src/main.rs", |_| MAIN.to_owned());
}

fn a_lock_written_later_is_read_by_the_next_build(shop: &Shop) {
    shop.settle();
    assert!(!shop.root.join("api/codes.lock").exists());

    // Written from below the crate, the lock lands beside the declared catalog.
    let lock = ok(hero_codes(&shop.root.join("src"), &["lock"]));
    assert_eq!(
        lock,
        "wrote ../api/codes.lock: 5 active, 0 deprecated, 1 retired\n"
    );
    // The lock the team released said 410 for A0404: the catalog now breaks it. The last
    // build read no lock; the next one must.
    shop.edit("api/codes.lock", |text| {
        text.replace("ShopCode A0404 404", "ShopCode A0404 410")
    });
    let failed = shop.build();
    let errors = stderr(&failed);
    assert!(
        !failed.status.success(),
        "a catalog breaking its new lock built:\n{errors}"
    );
    assert!(errors.contains("error: api/codes.toml:14:54: code `A0404` of ShopCode (`NoSuchApi`) is released in codes.lock with status 410, not 404"), "{errors}");
    assert!(errors.contains("due to 1 previous error"), "{errors}");

    // The message's way out runs as written, where the user is.
    let accepted = ok(hero_codes(&shop.root, &["lock", "--accept-breaking"]));
    assert!(
        accepted.starts_with("accepted: api/codes.toml:14:54: "),
        "{accepted}"
    );
    let built = shop.build();
    assert!(built.status.success(), "{}", stderr(&built));
}

/// The scratch crate, outside the workspace.
struct Shop {
    root: PathBuf,
    target: PathBuf,
}

impl Shop {
    fn create() -> Self {
        let scratch = Path::new(env!("CARGO_TARGET_TMPDIR")).join("first-hour");
        let root = scratch.join("shop");
        if root.exists() {
            fs::remove_dir_all(&root).expect("remove the previous crate");
        }
        let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .expect("the command's crate is in the workspace");
        let runtime = workspace.join("hero-codes");
        write(
            &root.join("Cargo.toml"),
            &format!(
                "[package]\nname = \"shop\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n\
                 [dependencies]\nhero-codes = {{ path = {:?}, default-features = false }}\n\n\
                 [package.metadata.hero-codes]\ncatalog = \"api/codes.toml\"\n\n\
                 # Not a member of any workspace above it.\n[workspace]\n",
                runtime.display().to_string()
            ),
        );
        // The workspace's versions, so that the offline build finds every dependency.
        fs::copy(workspace.join("Cargo.lock"), root.join("Cargo.lock")).expect("copy Cargo.lock");
        write(&root.join("api/codes.toml"), CODES);
        write(&root.join("src/main.rs"), MAIN);
        Shop {
            root,
            target: scratch.join("target"),
        }
    }

    fn build(&self) -> Output {
        Command::new(env!("CARGO"))
            .args(["build", "--offline"])
            .current_dir(&self.root)
            .env("CARGO_TARGET_DIR", &self.target)
            .env_remove("RUSTFLAGS")
            .output()
            .expect("run cargo")
    }

    /// Builds until a build has nothing to do, so that what the next build does is the
    /// doing of what changed after this (a file written just before a build can be as new
    /// as the build itself, which cargo then repeats once).
    fn settle(&self) {
        for _ in 0..3 {
            let built = self.build();
            assert!(built.status.success(), "{}", stderr(&built));
            if !stderr(&built).contains("Compiling shop") {
                return;
            }
        }
        panic!("the scratch crate builds again and again with nothing changed");
    }

    fn edit(&self, file: &str, change: impl FnOnce(&str) -> String) {
        let path = self.root.join(file);
        let before = fs::read_to_string(&path).expect("read the file to edit");
        let after = change(&before);
        assert_ne!(before, after, "the edit of {file} changed nothing");
        write(&path, &after);
    }
}

fn ok(run: Run) -> String {
    assert_eq!(run.code, 0, "{}", run.transcript());
    run.stdout
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().expect("a file has a folder")).expect("create folder");
    fs::write(path, text).expect("write file");
}
