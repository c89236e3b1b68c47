//! Each export compiled or run by its own language's toolchain, with a small program in that
//! language that looks up code `10400` and prints its status and description.
//!
//! The toolchains are `tsc` (npm, in `tests/node`), `python3`, `go` and `javac`; `.ci/run`
//! installs the missing ones. Outside CI a missing toolchain skips its test, saying so.

mod common;

use std::path::Path;
use std::process::Command;

use common::{hero_codes, node_modules, run_ok, tool_file, toolchain, workdir};

/// What every program prints for `10400`: its status, its description, and its description
/// in English.
const EXPECTED: &str = "404 所请求的资源不存在 The requested resource does not exist\n";

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

#[test]
fn typescript_type_checks_strictly_and_finds_10400() {
    let (Some(tsc), Some(node)) = (
        tool_file(node_modules().join(".bin/tsc")),
        toolchain("node"),
    ) else {
        return;
    };
    let dir = workdir();
    export(dir.path(), "ts", &[], "codes.ts");
    std::fs::write(
        dir.path().join("main.ts"),
        r#"import { ResultCode, ResultCodeValue, resultCodeFromCode } from "./codes";

const entry = resultCodeFromCode("10400");
if (entry === undefined) throw new Error("10400 not found");
// The union type admits the catalog's codes and nothing else.
const known: ResultCodeValue = ResultCode.NotFound.code;
// @ts-expect-error: 99999 is no code of ResultCode
const unknown: ResultCodeValue = "99999";
if (resultCodeFromCode("99999") !== undefined || known !== "10400" || !unknown) throw new Error("lookup");
console.log(`${entry.status} ${entry.desc} ${entry.descs["en"]}`);
"#,
    )
    .unwrap();
    run_ok(
        Command::new(tsc)
            .args(["--strict", "--target", "es2022", "--module", "commonjs"])
            .args(["--outDir", "out", "codes.ts", "main.ts"])
            .current_dir(dir.path()),
    );
    let printed = run_ok(
        Command::new(node)
            .arg("out/main.js")
            .current_dir(dir.path()),
    );
    assert_eq!(printed, EXPECTED);
}

#[test]
fn python_imports_and_finds_10400() {
    let Some(python) = toolchain("python3") else {
        return;
    };
    let dir = workdir();
    export(dir.path(), "python", &[], "codes.py");
    std::fs::write(
        dir.path().join("main.py"),
        r#"from codes import HeroCode, ResultCode

member = ResultCode.from_code("10400")
assert member is ResultCode.NOT_FOUND, member
assert ResultCode.from_code("99999") is None
assert HeroCode.from_code("1006") is HeroCode.MALFORMED_JSON
print(member.status, member.desc, member.desc_in("en"))
"#,
    )
    .unwrap();
    let printed = run_ok(
        Command::new(python)
            .args(["-X", "utf8", "-W", "error", "main.py"])
            .current_dir(dir.path()),
    );
    assert_eq!(printed, EXPECTED);
}

#[test]
fn go_vets_and_finds_10400() {
    let Some(go) = toolchain("go") else {
        return;
    };
    let dir = workdir();
    export(dir.path(), "go", &["--package", "codes"], "codes/codes.go");
    std::fs::write(
        dir.path().join("go.mod"),
        "module example.com/app\n\ngo 1.19\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("main.go"),
        r#"package main

import (
	"fmt"

	"example.com/app/codes"
)

func main() {
	code, ok := codes.LookupResultCode("10400")
	if !ok || code != codes.ResultCodeNotFound {
		panic("10400 not found")
	}
	if _, ok := codes.LookupResultCode("99999"); ok {
		panic("99999 found")
	}
	english, _ := code.DescIn("en")
	fmt.Println(code.Status(), code.Desc(), english)
}
"#,
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
    run_ok(go_command().args(["vet", "./..."]));
    let printed = run_ok(go_command().args(["run", "."]));
    assert_eq!(printed, EXPECTED);
}

#[test]
fn java_compiles_and_finds_10400() {
    let (Some(javac), Some(java)) = (toolchain("javac"), toolchain("java")) else {
        return;
    };
    let dir = workdir();
    export(
        dir.path(),
        "java",
        &["--package", "com.example"],
        "com/example/Codes.java",
    );
    std::fs::write(
        dir.path().join("Main.java"),
        r#"import com.example.Codes.ResultCode;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

public class Main {
    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        ResultCode code = ResultCode.fromCode("10400").orElseThrow();
        if (code != ResultCode.NOT_FOUND || ResultCode.fromCode("99999").isPresent()) {
            throw new AssertionError(code);
        }
        out.println(code.status() + " " + code.desc() + " " + code.desc("en").orElseThrow());
    }
}
"#,
    )
    .unwrap();
    run_ok(
        Command::new(javac)
            .args(["-encoding", "UTF-8", "-Xlint:all", "-Werror", "-d", "out"])
            .args(["com/example/Codes.java", "Main.java"])
            .current_dir(dir.path()),
    );
    let printed = run_ok(
        Command::new(java)
            .args(["-cp", "out", "Main"])
            .current_dir(dir.path()),
    );
    assert_eq!(printed, EXPECTED);
}
