//! `hero-codes schema` read as an editor reads it: Python's `jsonschema` (draft-07, in
//! `target/mypy-venv`, installed by `.ci/run`) validates TOML files read by `tomllib` against
//! it. The built-in catalog and every example catalog of the README and `docs/` fit it, and
//! every file it rejects, `hero-codes check` rejects too: the schema never asks for less
//! than the checks do, and an editor never flags a file the build would accept. Taplo
//! itself (`@taplo/cli` from npm, the engine of Even Better TOML) finds the schema by the
//! file's `#:schema` line, as the docs say to write it.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{builtin, hero_codes, node_modules, run_ok, tool_file, venv_python, workdir};

/// The README and every chapter of `docs/`.
fn documents() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut documents: Vec<PathBuf> = std::fs::read_dir(root.join("docs"))
        .expect("read docs/")
        .map(|entry| entry.expect("read docs/").path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "md"))
        .collect();
    documents.sort();
    documents.insert(0, root.join("README.md"));
    documents
}

/// The ```toml blocks of `markdown` that are whole catalog files (a `[catalogs.Name]` with
/// its `codes`), not excerpts such as one code line or a `failures` table; each without the
/// indentation of its fence (the README nests some in a list).
fn example_catalogs(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for line in markdown.lines() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        match (&mut open, trimmed.strip_prefix("```")) {
            (None, Some(info)) if info.trim() == "toml" => open = Some((indent, String::new())),
            (Some(_), Some(_)) => blocks.push(open.take().expect("an open block").1),
            (Some((indent, text)), None) => {
                text.push_str(line.get(*indent..).unwrap_or_default());
                text.push('\n');
            }
            _ => {}
        }
    }
    blocks.retain(|text| text.contains("[catalogs.") && text.contains("codes = ["));
    blocks
}

/// Writes the schema and `files` (name, text) in `dir`, and returns what the schema says
/// of each: `None` for a valid file, else why not.
fn validate(
    python: &Path,
    dir: &Path,
    files: &[(String, String)],
) -> BTreeMap<String, Option<String>> {
    let run = hero_codes(dir, &["schema"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    std::fs::write(dir.join("codes.schema.json"), &run.stdout).unwrap();
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schema/validate.py");
    let output = run_ok(
        Command::new(python)
            .arg(script)
            .arg("codes.schema.json")
            .args(files.iter().map(|(name, _)| name))
            .current_dir(dir),
    );
    serde_json::from_str(&output).expect("JSON from validate.py")
}

#[test]
fn the_builtin_catalog_and_every_example_catalog_of_the_docs_fit_the_schema() {
    let Some(python) = venv_python("jsonschema") else {
        return;
    };
    let mut files = vec![("builtin.toml".to_owned(), builtin().to_owned())];
    for document in documents() {
        let markdown = std::fs::read_to_string(&document).expect("read a document");
        let stem = document.file_stem().unwrap().to_string_lossy().into_owned();
        for (index, text) in example_catalogs(&markdown).into_iter().enumerate() {
            files.push((format!("{stem}-{index}.toml"), text));
        }
    }
    // The README's, docs/catalog.md's, docs/locales.md's, docs/own-catalog.md's at least.
    assert!(
        files.len() >= 5,
        "{:?}",
        files.iter().map(|(name, _)| name).collect::<Vec<_>>()
    );

    let dir = workdir();
    let results = validate(&python, dir.path(), &files);
    // Some are excerpts that `check` alone would not accept (docs/locales.md's catalog has
    // no success code): the schema describes the shape, not every rule.
    for (name, _) in &files {
        assert_eq!(results[name], None, "{name} does not fit the schema");
    }
}

#[test]
fn every_file_the_schema_rejects_check_rejects_too() {
    let Some(python) = venv_python("jsonschema") else {
        return;
    };
    let builtin = builtin();
    let edit = |from: &str, to: &str| {
        assert!(
            builtin.contains(from),
            "the built-in catalog has no `{from}`"
        );
        builtin.replacen(from, to, 1)
    };
    let ok = r#"{ code = "0",     name = "Success",              status = 200, desc = "成功", en = "Success" }"#;
    let cases = [
        ("unknown-file-key", format!("version = 2\n{builtin}")),
        (
            "locales-not-a-list",
            edit(r#"locales = ["zh", "en"]"#, r#"locales = "zh""#),
        ),
        ("result-true", edit(r#"result = "result""#, "result = true")),
        (
            "code-type-unknown",
            edit(
                "code_max_chars = 32",
                "code_max_chars = 32\ncode_type = \"text\"",
            ),
        ),
        (
            "limit-zero",
            edit("desc_max_chars = 128", "desc_max_chars = 0"),
        ),
        (
            "limit-a-string",
            edit("code_max_chars = 32", "code_max_chars = \"32\""),
        ),
        (
            "http-row-without-reason",
            edit(r#"reason = "CREATED",                   "#, ""),
        ),
        (
            "http-status-too-small",
            edit("{ status = 200, reason", "{ status = 99, reason"),
        ),
        (
            "catalog-unknown-key",
            edit(
                "[catalogs.ResultCode]\n",
                "[catalogs.ResultCode]\nstatus = 200\n",
            ),
        ),
        (
            "catalog-without-codes",
            "[catalogs.Empty]\ndoc = \"no codes\"\n".to_owned(),
        ),
        ("no-catalogs", "locales = [\"zh\"]\n".to_owned()),
        (
            "statuses-of-text",
            edit("statuses = [200, 400, 401", "statuses = [\"200\", 400, 401"),
        ),
        (
            "range-of-three",
            edit("400 = [10000, 10099]", "400 = [10000, 10050, 10099]"),
        ),
        (
            "range-bound-negative",
            edit("400 = [10000, 10099]", "400 = [-1, 10099]"),
        ),
        (
            "code-unknown-key",
            edit(ok, &ok.replace("status = 200", "state = 200")),
        ),
        (
            "code-without-desc",
            edit(ok, &ok.replace(r#"desc = "成功", "#, "")),
        ),
        (
            "code-empty",
            edit(ok, &ok.replace(r#"code = "0""#, r#"code = """#)),
        ),
        (
            "code-a-number",
            edit(ok, &ok.replace(r#"code = "0""#, "code = 0")),
        ),
        (
            "code-status-a-string",
            edit(ok, &ok.replace("status = 200", "status = \"200\"")),
        ),
        (
            "translation-a-number",
            edit(ok, &ok.replace(r#"en = "Success""#, "en = 1")),
        ),
        (
            "deprecated-empty",
            edit(ok, &ok.replace(" }", r#", deprecated = "" }"#)),
        ),
        (
            "retired-without-reason",
            edit(
                "[catalogs.ResultCode]\n",
                "[catalogs.ResultCode]\nretired = [{ code = \"10999\", name = \"Gone\" }]\n",
            ),
        ),
        (
            "retryable-a-string",
            edit(ok, &ok.replace(" }", r#", retryable = "yes" }"#)),
        ),
        ("include-a-number", format!("include = [1]\n{builtin}")),
        (
            "include-without-path",
            format!("include = [{{ catalogs = [\"A\"] }}]\n{builtin}"),
        ),
        (
            "owner-range-of-one",
            format!("{builtin}\n[owners.team]\nranges = [[10000]]\n"),
        ),
        (
            "owner-unknown-key",
            format!("{builtin}\n[owners.team]\nrange = [[10000, 10999]]\n"),
        ),
        (
            "doc-url-without-template",
            edit(
                "desc_max_chars = 128",
                "desc_max_chars = 128\ndoc_url = { field = \"doc_url\" }",
            ),
        ),
        (
            "failures-missing-a-kind",
            edit("internal = \"10500\"\n", ""),
        ),
        (
            "failures-unknown-kind",
            edit(
                "internal = \"10500\"\n",
                "internal = \"10500\"\npanic = \"10500\"\n",
            ),
        ),
    ];
    let files: Vec<(String, String)> = cases
        .iter()
        .map(|(name, text)| (format!("{name}.toml"), text.clone()))
        .collect();
    let dir = workdir();
    let results = validate(&python, dir.path(), &files);
    for (name, _) in &files {
        assert!(results[name].is_some(), "the schema accepts {name}");
        let check = hero_codes(dir.path(), &["check", name]);
        assert_eq!(
            check.code,
            1,
            "the schema rejects {name} ({}), check does not: {}",
            results[name].as_deref().unwrap_or_default(),
            check.transcript()
        );
    }
}

#[test]
fn taplo_validates_a_catalog_by_its_schema_line() {
    let Some(taplo) = tool_file(node_modules().join(".bin/taplo")) else {
        return;
    };
    let dir = workdir();
    let schema = hero_codes(dir.path(), &["schema"]);
    std::fs::write(dir.path().join("codes.schema.json"), &schema.stdout).unwrap();
    let good = format!("#:schema ./codes.schema.json\n{}", builtin());
    let bad = good.replacen("status = 404, desc", "stauts = 404, desc", 1);
    std::fs::write(dir.path().join("good.toml"), good).unwrap();
    std::fs::write(dir.path().join("bad.toml"), bad).unwrap();
    let taplo_check = |file: &str| {
        Command::new(&taplo)
            .args(["check", file])
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .output()
            .expect("taplo runs")
    };
    let good = taplo_check("good.toml");
    assert!(
        good.status.success(),
        "{}",
        String::from_utf8_lossy(&good.stderr)
    );
    let bad = taplo_check("bad.toml");
    let said = String::from_utf8_lossy(&bad.stderr);
    assert!(
        !bad.status.success() && said.contains("'stauts' was unexpected"),
        "{said}"
    );
}
