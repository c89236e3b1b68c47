//! Editing a catalog file and building again picks the change up: no `cargo clean`, no
//! `touch`. Proven with a real cargo on a copy of the workspace plus two small crates: one
//! reads both the built-in catalog and a `codes.toml` of its own, through
//! `include_catalog!` and through `#[derive(ApiError)]`; the other starts on the built-in
//! catalog and gets a catalog file of its own after its first build. An edit of a
//! `codes.lock` alone rebuilds too.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const PROBE_MAIN: &str = r#"
hero_codes::include_catalog!("codes.toml");

/// Derived against the crate's own codes.toml, found beside Cargo.toml.
#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
enum ProbeError {
    #[error("probe")]
    #[api(code = "1")]
    Broken,
}

fn main() {
    println!("derived {}", hero_codes::ApiError::desc(&ProbeError::Broken));
    for code in AppCode::ALL.iter().map(|c| c.to_string()) {
        println!("app {code}");
    }
    for code in hero_codes::ResultCode::ALL.iter().map(|c| c.to_string()) {
        println!("builtin {code}");
    }
}
"#;

const PROBE_CODES: &str = r#"[catalogs.AppCode]
codes = [
    { code = "0", name = "Ok", status = 200, desc = "成功" },
    { code = "1", name = "Broken", status = 500, desc = "坏了" },
]
"#;

/// The lock of `PROBE_CODES` once `404` is added, as `hero-codes lock` writes it.
const PROBE_LOCK: &str = "# catalog code status name state\nAppCode 0 200 Ok active\nAppCode 404 404 NotFound active\nAppCode 1 500 Broken active\n";

/// A crate with no catalog of its own: its derive reads the built-in one.
const LATE_MAIN: &str = r#"
#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
enum LateError {
    #[error("missing")]
    #[api(code = "10400")]
    Missing,
}

fn main() {
    println!("derived {}", hero_codes::ApiError::desc(&LateError::Missing));
}
"#;

const LATE_CODES: &str = r#"[catalogs.LateCode]
codes = [
    { code = "0",     name = "Ok",      status = 200, desc = "成功" },
    { code = "10400", name = "Missing", status = 404, desc = "找不到" },
]
"#;

/// A team's file that both crates include.
const TEAM_CODES: &str = r#"[catalogs.TeamCode]
codes = [
    { code = "0",   name = "Ok",   status = 200, desc = "成功" },
    { code = "777", name = "Busy", status = 503, desc = "忙" },
]
"#;

const LATE_DECLARATION: &str = "\n[package.metadata.hero-codes]\ncatalog = \"api/codes.toml\"\n";

#[test]
fn editing_a_catalog_rebuilds_with_the_new_code() {
    let probe = ProbeWorkspace::create();

    let first = probe.run("probe");
    assert!(first.contains("app 0 成功\n"), "{first}");
    assert!(!first.contains("app 404"), "{first}");
    assert!(first.contains("builtin 10500 系统错误\n"), "{first}");
    assert!(first.contains("derived 坏了\n"), "{first}");

    // The crate's own catalog: add a line, build again.
    probe.edit("probe/codes.toml", |text| {
        text.replace(
            "desc = \"成功\" },",
            "desc = \"成功\" },\n    { code = \"404\", name = \"NotFound\", status = 404, desc = \"不存在\" },",
        )
    });
    let second = probe.run("probe");
    assert!(second.contains("app 404 不存在\n"), "{second}");

    // A derive reads the same file: a changed description reaches its answers.
    probe.edit("probe/codes.toml", |text| {
        text.replace("desc = \"坏了\"", "desc = \"坏\"")
    });
    let changed = probe.run("probe");
    assert!(changed.contains("derived 坏\n"), "{changed}");

    // The built-in catalog at the workspace root: add a line, build again.
    probe.edit("codes.toml", |text| {
        text.replace(
            "en = \"System error\" },",
            "en = \"System error\" },\n    { code = \"10501\", name = \"Upstream\", status = 500, desc = \"上游错误\", en = \"Upstream error\" },",
        )
    });
    let third = probe.run("probe");
    assert!(third.contains("builtin 10501 上游错误\n"), "{third}");

    // A broken edit fails the build with the file's line and column; mending it builds.
    probe.edit("probe/codes.toml", |text| {
        text.replace("status = 404", "status = 4040")
    });
    let failed = probe.cargo_run("probe");
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert!(
        !failed.status.success(),
        "a broken catalog built:\n{stderr}"
    );
    assert!(
        stderr.contains(
            "codes.toml:4:49: `4040` is not an HTTP status: use a status from 100 to 999"
        ),
        "{stderr}"
    );
    probe.edit("probe/codes.toml", |text| {
        text.replace("status = 4040", "status = 404")
    });
    assert!(probe.run("probe").contains("app 404 不存在\n"));

    // A codes.lock beside the file: the build checks the file against it, and an edit of
    // the lock alone rebuilds. (A new lock is read at the next build of the crate; here an
    // edit of codes.toml brings that build. `hero-codes lock` brings it by marking the
    // catalog changed: hero-codes-cli/tests/first_hour.rs proves that with the command.)
    write(&probe.root.join("probe/codes.lock"), PROBE_LOCK);
    probe.edit("probe/codes.toml", |text| {
        text.replace("desc = \"坏\"", "desc = \"坏了\"")
    });
    assert!(probe.run("probe").contains("derived 坏了\n"));
    probe.edit("probe/codes.lock", |text| {
        text.replace("AppCode 404 404", "AppCode 404 410")
    });
    let locked = probe.cargo_run("probe");
    let stderr = String::from_utf8_lossy(&locked.stderr);
    assert!(
        !locked.status.success(),
        "a file breaking its lock built:\n{stderr}"
    );
    assert!(
        stderr.contains(
            "codes.toml:4:49: code `404` of AppCode (`NotFound`) is released in codes.lock with status 410, not 404"
        ),
        "{stderr}"
    );
    probe.edit("probe/codes.lock", |text| {
        text.replace("AppCode 404 410", "AppCode 404 404")
    });
    assert!(probe.run("probe").contains("app 404 不存在\n"));

    // A crate on the built-in catalog gets one of its own: write it, declare it in
    // Cargo.toml, build again.
    let builtin = probe.run("late");
    assert!(
        builtin.contains("derived 所请求的资源不存在\n"),
        "{builtin}"
    );
    write(&probe.root.join("late/api/codes.toml"), LATE_CODES);
    probe.edit("late/Cargo.toml", |text| {
        format!("{text}{LATE_DECLARATION}")
    });
    let own = probe.run("late");
    assert!(own.contains("derived 找不到\n"), "{own}");

    // Without the declaration, the derive does not fall back to the built-in catalog.
    probe.edit("late/Cargo.toml", |text| text.replace(LATE_DECLARATION, ""));
    let undeclared = probe.cargo_run("late");
    let stderr = String::from_utf8_lossy(&undeclared.stderr);
    assert!(
        !undeclared.status.success(),
        "an undeclared catalog built:\n{stderr}"
    );
    assert!(
        stderr.contains(
            "this crate has a catalog file, `api/codes.toml`, but its Cargo.toml does not declare it: declare it"
        ),
        "{stderr}"
    );

    // A team's file included by both crates: an edit of it rebuilds each of them.
    write(&probe.root.join("shared/team.toml"), TEAM_CODES);
    probe.edit("probe/codes.toml", |text| {
        format!("include = [\"../shared/team.toml\"]\n{text}")
    });
    probe.edit("probe/src/main.rs", |text| {
        text.replace(
            "fn main() {",
            "fn main() {\n    println!(\"team {}\", TeamCode::Busy);",
        )
    });
    probe.edit("late/Cargo.toml", |text| {
        format!("{text}{LATE_DECLARATION}")
    });
    probe.edit("late/api/codes.toml", |text| {
        format!("include = [\"../../shared/team.toml\"]\n{text}")
    });
    probe.edit("late/src/main.rs", |text| {
        text.replace("code = \"10400\"", "code = \"777\"")
    });
    assert!(probe.run("probe").contains("team 777 忙\n"));
    assert!(probe.run("late").contains("derived 忙\n"));
    probe.edit("shared/team.toml", |text| text.replace("忙", "太忙"));
    let probe_after = probe.run("probe");
    assert!(probe_after.contains("team 777 太忙\n"), "{probe_after}");
    let late_after = probe.run("late");
    assert!(late_after.contains("derived 太忙\n"), "{late_after}");

    // A broken edit of the team's file fails the build at its own line.
    probe.edit("shared/team.toml", |text| {
        text.replace("status = 503", "status = 5030")
    });
    let failed = probe.cargo_run("late");
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert!(
        !failed.status.success(),
        "a broken team file built:\n{stderr}"
    );
    assert!(
        stderr.contains(
            "../shared/team.toml:4:45: `5030` is not an HTTP status: use a status from 100 to 999"
        ),
        "{stderr}"
    );
}

/// A copy of the workspace's crates (`hero-codes`, `-catalog`, `-derive`, `-vocab` and `codes.toml`)
/// with a `probe` member in place of the tests, built in a target directory of its own
/// that is kept between runs, so only the copied crates compile again.
struct ProbeWorkspace {
    root: PathBuf,
    target: PathBuf,
}

impl ProbeWorkspace {
    fn create() -> Self {
        let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .expect("the tests crate is inside the workspace");
        let scratch = Path::new(env!("CARGO_TARGET_TMPDIR")).join("rebuild-probe");
        let root = scratch.join("workspace");
        if root.exists() {
            fs::remove_dir_all(&root).expect("remove the previous copy");
        }
        fs::create_dir_all(&root).expect("create the copy's folder");
        for item in [
            "codes.toml",
            "codes.lock",
            "Cargo.lock",
            "hero-codes",
            "hero-codes-catalog",
            "hero-codes-derive",
            "hero-codes-vocab",
        ] {
            copy_tree(&workspace.join(item), &root.join(item));
        }
        // The workspace's manifest (shared versions and dependencies), with only the copied
        // crates and the probe as members.
        let manifest = fs::read_to_string(workspace.join("Cargo.toml")).expect("read Cargo.toml");
        let members = "members = [\"hero-codes\", \"hero-codes-catalog\", \"hero-codes-derive\", \"hero-codes-vocab\", \"probe\", \"late\"]";
        let manifest: Vec<&str> = manifest
            .lines()
            .map(|line| {
                if line.starts_with("members = ") {
                    members
                } else {
                    line
                }
            })
            .collect();
        assert!(
            manifest.contains(&members),
            "the workspace manifest has a `members = ` line"
        );
        let manifest = manifest.join("\n");
        write(&root.join("Cargo.toml"), &manifest);
        let manifest = |name: &str| {
            format!(
                "[package]\nname = \"{name}\"\nedition = \"2024\"\npublish = false\n\n\
                 [dependencies]\nhero-codes.workspace = true\nthiserror.workspace = true\n"
            )
        };
        write(
            &root.join("probe/Cargo.toml"),
            &format!(
                "{}\n[package.metadata.hero-codes]\ncatalog = \"codes.toml\"\n",
                manifest("probe")
            ),
        );
        write(&root.join("probe/src/main.rs"), PROBE_MAIN);
        write(&root.join("probe/codes.toml"), PROBE_CODES);
        write(&root.join("late/Cargo.toml"), &manifest("late"));
        write(&root.join("late/src/main.rs"), LATE_MAIN);
        ProbeWorkspace {
            root,
            target: scratch.join("target"),
        }
    }

    fn edit(&self, file: &str, change: impl FnOnce(&str) -> String) {
        let path = self.root.join(file);
        let before = fs::read_to_string(&path).expect("read the file to edit");
        let after = change(&before);
        assert_ne!(before, after, "the edit of {file} changed nothing");
        write(&path, &after);
    }

    fn cargo_run(&self, package: &str) -> Output {
        Command::new(env!("CARGO"))
            .args(["run", "--quiet", "--offline", "--package", package])
            .current_dir(&self.root)
            .env("CARGO_TARGET_DIR", &self.target)
            .output()
            .expect("run cargo")
    }

    /// Builds and runs `package`, which must succeed; returns what it printed.
    fn run(&self, package: &str) -> String {
        let output = self.cargo_run(package);
        assert!(
            output.status.success(),
            "the probe did not build:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("the probe prints UTF-8")
    }
}

/// Copies a file or a folder, keeping symbolic links as links (the crates' `codes.toml` links
/// to the workspace root's), and leaving out build output.
fn copy_tree(from: &Path, to: &Path) {
    let metadata = fs::symlink_metadata(from).expect("read metadata");
    if metadata.file_type().is_symlink() {
        let target = fs::read_link(from).expect("read link");
        std::os::unix::fs::symlink(target, to).expect("create link");
    } else if metadata.is_dir() {
        fs::create_dir_all(to).expect("create folder");
        for entry in fs::read_dir(from).expect("read folder") {
            let entry = entry.expect("read folder entry");
            if entry.file_name() != "target" {
                copy_tree(&entry.path(), &to.join(entry.file_name()));
            }
        }
    } else {
        fs::copy(from, to).expect("copy file");
    }
}

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().expect("a file has a folder")).expect("create folder");
    fs::write(path, text).expect("write file");
}
