//! Each export checked by its own language's toolchain (`tsc --strict`, `mypy --strict`,
//! `go vet`, `javac -Xlint:all -Werror`), then a small client in that language, written
//! with nothing but the exports and the language's standard HTTP client
//! (`tests/clients/`), calls the running demo: the documents' examples (`PUT /download+1`
//! answers 202, the tracker search), a business error, an unknown route, a malformed body.
//! It also reads answers given as JSON text: a code no catalog knows, a body that is no
//! envelope, and the numeric codes of a WeChat-style catalog (`tests/catalogs/wechat.toml`),
//! whose `retryable` codes each client's retry helper reports.
//! Every client prints the same lines, [`EXPECTED`].
//!
//! The toolchains are `tsc` (npm, in `tests/node`), `python3` with mypy (PyPI, in
//! `target/mypy-venv`), `go`, `javac` and `java`; `.ci/run` installs the missing ones.
//! Outside CI a missing toolchain skips its test, saying so.

mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use common::{hero_codes, node_modules, run_ok, tool_file, toolchain, workdir};

/// What every client prints: each line an answer read into a success or a typed error,
/// with the code's status and English description from the catalog where it knows the code.
const EXPECTED: &str = "\
lookup: 404 所请求的资源不存在 The requested resource does not exist
download: success 202 0 OK, 成功
search: success 200 0 成功 Farm测试开发 lifanping
business error: ResultCode.NotFound 404 10400 应用2不存在 | catalog 404 The requested resource does not exist
unknown route: ResultCode.NotFound 404 10400 所请求的资源不存在 | catalog 404 The requested resource does not exist
malformed body: HeroCode.MalformedJson 400 1006 输入的JSON数据格式不正确 | catalog 400 The input JSON data is malformed
unknown code: unknown 400 10999 新错误
not an envelope: EnvelopeShapeError
wechat error: WeChatCode.InvalidAppId 200 40013 invalid appid | catalog 400 -
wechat success: success 200 0 ok o6_bmjrPTlm6
wechat unknown: unknown 200 99999 new error
wechat not an envelope: EnvelopeShapeError
retryable: -1 true 40013 false 99999 false
";

/// What the ten-line client of each language in `docs/clients.md` prints: the apps found.
const DOCS_EXPECTED: &str = "Farm测试开发\n";

/// The client of `lang` (its code block's info string) in `docs/clients.md`, the chapter's
/// only block in that language.
fn docs_client(lang: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/clients.md");
    let chapter = std::fs::read_to_string(path).expect("read docs/clients.md");
    let fence = format!("```{lang}\n");
    let mut blocks = chapter.split(&fence).skip(1);
    let block = blocks.next().unwrap_or_else(|| panic!("no {fence} block"));
    assert!(blocks.next().is_none(), "more than one {fence} block");
    block.split("```\n").next().unwrap().to_owned()
}

/// The WeChat-style catalog: numeric codes, no `result` field.
fn wechat_toml() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/catalogs/wechat.toml")
}

/// Writes `hero-codes export --lang lang [extra]` to `dir/path`.
fn export(dir: &Path, lang: &str, extra: &[&str], path: &str) {
    let mut args = vec!["export", "--lang", lang];
    args.extend(extra);
    let run = hero_codes(dir, &args);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let path = dir.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, run.stdout).unwrap();
}

/// Writes both exports, the built-in catalog's and the WeChat-style one's, and the client.
fn exports_and_client(dir: &Path, lang: &str, builtin: (&[&str], &str), wechat: (&str, &str)) {
    export(dir, lang, builtin.0, builtin.1);
    let wechat_toml = wechat_toml();
    let mut args = vec![wechat_toml.to_str().unwrap()];
    if !wechat.0.is_empty() {
        args.extend(["--package", wechat.0]);
    }
    export(dir, lang, &args, wechat.1);
    let client = match lang {
        "ts" => "main.ts",
        "python" => "main.py",
        "go" => "main.go",
        _ => "Main.java",
    };
    let source = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/clients")
        .join(client);
    std::fs::copy(source, dir.join(client)).unwrap();
}

/// The demo service (`cargo run -p hero-codes --example demo`), built by cargo and listening
/// on a free port of 127.0.0.1 (`--port 0`, the port it prints); stopped when dropped.
struct Demo {
    child: Child,
    base: String,
}

impl Demo {
    fn start() -> Demo {
        let mut child = Command::new(demo_executable())
            .args(["--port", "0"])
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .spawn()
            .expect("the demo starts");
        let mut stdout = BufReader::new(child.stdout.take().expect("the demo's stdout"));
        let mut line = String::new();
        stdout
            .read_line(&mut line)
            .expect("the demo prints its address");
        let base = line
            .trim()
            .strip_prefix("demo listening on ")
            .unwrap_or_else(|| panic!("the demo's first line names its address: {line:?}"))
            .to_owned();
        // Keep reading what it prints, so that it never writes to a closed pipe.
        std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
        Demo { child, base }
    }
}

impl Drop for Demo {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Builds the demo example with cargo and returns the path of its executable, as cargo
/// reports it (wherever the target directory is).
fn demo_executable() -> PathBuf {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let output = Command::new(env!("CARGO"))
        .args([
            "build",
            "--quiet",
            "--package",
            "hero-codes",
            "--example",
            "demo",
        ])
        .args(["--message-format", "json"])
        .current_dir(workspace)
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "the demo does not build:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|message| message["target"]["name"] == "demo")
        .find_map(|message| message["executable"].as_str().map(PathBuf::from))
        .expect("cargo names the demo's executable")
}

#[test]
fn typescript_type_checks_strictly_and_reads_the_demos_answers() {
    let (Some(tsc), Some(node)) = (
        tool_file(node_modules().join(".bin/tsc")),
        toolchain("node"),
    ) else {
        return;
    };
    let dir = workdir();
    exports_and_client(dir.path(), "ts", (&[], "codes.ts"), ("", "wechat.ts"));
    // The exports alone ask no more than the ES2017 library.
    run_ok(
        Command::new(&tsc)
            .args(["--strict", "--target", "es2017", "--lib", "es2017"])
            .args(["--module", "commonjs", "--noEmit", "codes.ts", "wechat.ts"])
            .current_dir(dir.path()),
    );
    run_ok(
        Command::new(tsc)
            .args(["--strict", "--target", "es2022", "--module", "commonjs"])
            .args(["--outDir", "out", "codes.ts", "wechat.ts", "main.ts"])
            .current_dir(dir.path()),
    );
    let demo = Demo::start();
    let printed = run_ok(
        Command::new(&node)
            .args(["out/main.js", &demo.base])
            .current_dir(dir.path()),
    );
    assert_eq!(printed, EXPECTED);

    // The chapter's client, with Node's `process` declared as @types/node would.
    std::fs::write(dir.path().join("search.ts"), docs_client("ts")).unwrap();
    std::fs::write(
        dir.path().join("node.d.ts"),
        "declare const process: { readonly argv: readonly string[] };\n",
    )
    .unwrap();
    run_ok(
        Command::new(node_modules().join(".bin/tsc"))
            .args(["--strict", "--target", "es2022", "--module", "commonjs"])
            .args(["--outDir", "docs", "codes.ts", "node.d.ts", "search.ts"])
            .current_dir(dir.path()),
    );
    let printed = run_ok(
        Command::new(node)
            .args(["docs/search.js", &demo.base])
            .current_dir(dir.path()),
    );
    assert_eq!(printed, DOCS_EXPECTED);
}

#[test]
fn python_type_checks_strictly_and_reads_the_demos_answers() {
    let mypy = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/mypy-venv/bin/mypy");
    let (Some(python), Some(mypy)) = (toolchain("python3"), tool_file(mypy)) else {
        return;
    };
    let dir = workdir();
    exports_and_client(dir.path(), "python", (&[], "codes.py"), ("", "wechat.py"));
    std::fs::write(dir.path().join("search.py"), docs_client("python")).unwrap();
    for files in [
        &["codes.py", "wechat.py", "main.py"][..],
        &["codes.py", "search.py"],
    ] {
        run_ok(
            Command::new(&mypy)
                .args(["--strict", "--no-incremental"])
                .args(files)
                .current_dir(dir.path()),
        );
    }
    let demo = Demo::start();
    for (client, expected) in [("main.py", EXPECTED), ("search.py", DOCS_EXPECTED)] {
        let printed = run_ok(
            Command::new(&python)
                .args(["-X", "utf8", "-W", "error", client, &demo.base])
                .current_dir(dir.path()),
        );
        assert_eq!(printed, expected, "{client}");
    }
}

#[test]
fn go_vets_and_reads_the_demos_answers() {
    let Some(go) = toolchain("go") else {
        return;
    };
    let dir = workdir();
    exports_and_client(
        dir.path(),
        "go",
        (&["--package", "codes"], "codes/codes.go"),
        ("wechat", "wechat/wechat.go"),
    );
    std::fs::write(
        dir.path().join("go.mod"),
        "module example.com/app\n\ngo 1.19\n",
    )
    .unwrap();
    // Build with the installed Go, never one downloaded for go.mod.
    let go_command = || {
        let mut command = Command::new(&go);
        command
            .current_dir(dir.path())
            .env("GOTOOLCHAIN", "local")
            .env("GOFLAGS", "-mod=mod");
        command
    };
    // The chapter's client is a function: the program around it.
    std::fs::create_dir(dir.path().join("search")).unwrap();
    std::fs::write(
        dir.path().join("search/main.go"),
        format!(
            "package main\n\nimport (\n\t\"errors\"\n\t\"fmt\"\n\t\"io\"\n\t\"net/http\"\n\t\"os\"\n\n\t\"example.com/app/codes\"\n)\n\n{}\nfunc main() {{\n\tif err := search(os.Args[1]); err != nil {{\n\t\tpanic(err)\n\t}}\n}}\n",
            docs_client("go")
        ),
    )
    .unwrap();
    run_ok(go_command().args(["vet", "./..."]));
    // Laid out as gofmt would: a team whose CI runs `gofmt -l` can commit the file as is.
    let gofmt = go.with_file_name("gofmt");
    let unformatted = run_ok(
        Command::new(gofmt)
            .args(["-l", "codes", "wechat"])
            .current_dir(dir.path()),
    );
    assert_eq!(unformatted, "", "files gofmt would change");
    run_ok(go_command().args(["build", "-o", "client", "."]));
    run_ok(go_command().args(["build", "-o", "search-client", "./search"]));
    let demo = Demo::start();
    for (client, expected) in [("client", EXPECTED), ("search-client", DOCS_EXPECTED)] {
        let printed = run_ok(
            Command::new(dir.path().join(client))
                .arg(&demo.base)
                .current_dir(dir.path()),
        );
        assert_eq!(printed, expected, "{client}");
    }
}

#[test]
fn java_compiles_without_warnings_and_reads_the_demos_answers() {
    let (Some(javac), Some(java)) = (toolchain("javac"), toolchain("java")) else {
        return;
    };
    let dir = workdir();
    exports_and_client(
        dir.path(),
        "java",
        (&["--package", "com.example"], "com/example/Codes.java"),
        ("wechat", "wechat/Codes.java"),
    );
    // The chapter's client is a method: the class around it.
    std::fs::write(
        dir.path().join("Search.java"),
        format!(
            "import com.example.Codes.*;\nimport java.net.URI;\nimport java.net.http.*;\nimport java.util.*;\n\npublic class Search {{\n{}\n    public static void main(String[] args) throws Exception {{\n        search(args[0]);\n    }}\n}}\n",
            docs_client("java")
        ),
    )
    .unwrap();
    run_ok(
        Command::new(javac)
            .args(["-encoding", "UTF-8", "-Xlint:all", "-Werror", "-d", "out"])
            .args([
                "com/example/Codes.java",
                "wechat/Codes.java",
                "Main.java",
                "Search.java",
            ])
            .current_dir(dir.path()),
    );
    let demo = Demo::start();
    for (client, expected) in [("Main", EXPECTED), ("Search", DOCS_EXPECTED)] {
        // Java 17 writes System.out in the locale's charset unless told otherwise.
        let printed = run_ok(
            Command::new(&java)
                .args(["-Dsun.stdout.encoding=UTF-8", "-Dstdout.encoding=UTF-8"])
                .args(["-cp", "out", client, &demo.base])
                .current_dir(dir.path()),
        );
        assert_eq!(printed, expected, "{client}");
    }
}

/// A catalog whose code `10102` is deprecated.
const DEPRECATED: &str = r#"[catalogs.AppCode]
codes = [
    { code = "0",     name = "Ok",           status = 200, desc = "成功" },
    { code = "10102", name = "InvalidToken", status = 401, desc = "令牌无效", deprecated = "use 10105 (TokenExpired)" },
    { code = "10105", name = "TokenExpired", status = 401, desc = "令牌已过期" },
]
"#;

#[test]
fn java_warns_where_a_deprecated_code_is_named() {
    let (Some(javac), Some(java)) = (toolchain("javac"), toolchain("java")) else {
        return;
    };
    let dir = workdir();
    std::fs::write(dir.path().join("codes.toml"), DEPRECATED).unwrap();
    export(dir.path(), "java", &["--package", "app"], "app/Codes.java");
    let user = |suppress: &str| {
        format!(
            "import app.Codes.AppCode;\n\npublic class User {{\n    {suppress}\n    public static void main(String[] args) {{\n        System.out.println(AppCode.INVALID_TOKEN.deprecated().orElseThrow());\n    }}\n}}\n"
        )
    };
    let javac = |dir: &Path| {
        Command::new(&javac)
            .args(["-encoding", "UTF-8", "-Xlint:all", "-Werror", "-d", "out"])
            .args(["app/Codes.java", "User.java"])
            .current_dir(dir)
            .output()
            .expect("javac runs")
    };
    std::fs::write(dir.path().join("User.java"), user("")).unwrap();
    let refused = javac(dir.path());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        !refused.status.success()
            && stderr.contains("INVALID_TOKEN in AppCode has been deprecated"),
        "{stderr}"
    );
    std::fs::write(
        dir.path().join("User.java"),
        user("@SuppressWarnings(\"deprecation\") // still answered by old servers"),
    )
    .unwrap();
    assert!(javac(dir.path()).status.success());
    let printed = run_ok(
        Command::new(java)
            .args(["-cp", "out", "User"])
            .current_dir(dir.path()),
    );
    assert_eq!(printed, "use 10105 (TokenExpired)\n");
}

#[test]
fn python_type_checkers_flag_a_deprecated_code_and_nothing_warns_at_run_time() {
    let mypy = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/mypy-venv/bin/mypy");
    let (Some(python), Some(mypy)) = (toolchain("python3"), tool_file(mypy)) else {
        return;
    };
    let dir = workdir();
    std::fs::write(dir.path().join("codes.toml"), DEPRECATED).unwrap();
    export(dir.path(), "python", &[], "app.py");
    std::fs::write(
        dir.path().join("user.py"),
        r#"import app

try:
    app.read_app_code(401, {"result": False, "result_code": "10102", "result_desc": "令牌无效"})
except app.AppCodeInvalidToken as error:
    print(error.member, error.member and error.member.deprecated)
"#,
    )
    .unwrap();
    let mypy = |extra: &[&str]| {
        Command::new(&mypy)
            .args(["--strict", "--no-incremental"])
            .args(extra)
            .args(["app.py", "user.py"])
            .current_dir(dir.path())
            .output()
            .expect("mypy runs")
    };
    assert!(mypy(&[]).status.success());
    // Python 3.13's warnings.deprecated, read by mypy where the user asks for it: the
    // user's line is flagged, the generated file is not.
    let flagged = mypy(&[
        "--python-version",
        "3.13",
        "--enable-error-code",
        "deprecated",
    ]);
    let report = String::from_utf8_lossy(&flagged.stdout);
    assert!(
        report.contains(
            "user.py:5: error: class app.AppCodeInvalidToken is deprecated: use 10105 (TokenExpired)"
        ) && !report.contains("app.py:"),
        "{report}"
    );
    let printed = run_ok(
        Command::new(python)
            .args(["-X", "utf8", "-W", "error", "user.py"])
            .current_dir(dir.path()),
    );
    assert_eq!(printed, "AppCode.INVALID_TOKEN use 10105 (TokenExpired)\n");
}

/// An envelope whose field names are keywords or names a record component cannot take.
const KEYWORD_FIELDS: &str = r#"[envelope]
result = "ok"
code = "class"
desc = "hash_code"
data = "default"

[catalogs.AppCode]
codes = [
    { code = "0", name = "Ok",     status = 200, desc = "成功" },
    { code = "1", name = "Broken", status = 500, desc = "坏了" },
]
"#;

#[test]
fn python_and_java_name_keyword_fields_with_an_underscore() {
    let mypy = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/mypy-venv/bin/mypy");
    let (Some(python), Some(mypy), Some(javac)) =
        (toolchain("python3"), tool_file(mypy), toolchain("javac"))
    else {
        return;
    };
    let dir = workdir();
    std::fs::write(dir.path().join("codes.toml"), KEYWORD_FIELDS).unwrap();
    export(dir.path(), "python", &[], "app.py");
    export(dir.path(), "java", &["--package", "app"], "app/Codes.java");
    std::fs::write(
        dir.path().join("user.py"),
        r#"import app

answer = app.read_app_code(200, {"ok": True, "class": "0", "hash_code": "成功", "default": 7})
print(answer.class_, answer.hash_code, answer.default)
"#,
    )
    .unwrap();
    run_ok(
        Command::new(mypy)
            .args(["--strict", "--no-incremental", "app.py", "user.py"])
            .current_dir(dir.path()),
    );
    let printed = run_ok(
        Command::new(python)
            .args(["-X", "utf8", "user.py"])
            .current_dir(dir.path()),
    );
    assert_eq!(printed, "0 成功 7\n");
    run_ok(
        Command::new(javac)
            .args(["-encoding", "UTF-8", "-Xlint:all", "-Werror", "-d", "out"])
            .arg("app/Codes.java")
            .current_dir(dir.path()),
    );
}
