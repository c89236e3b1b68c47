//! `docs/own-catalog.md`, followed as a reader would: a new crate with the dependencies of
//! its `cargo add` line, its `api/codes.toml`, its `Cargo.toml` declaration and its
//! `src/main.rs`, all copied from the chapter's code blocks; built by a real cargo, started,
//! and asked each request of the chapter's table of answers over 127.0.0.1, which must come
//! back as the table says. The one change to the chapter's code is the port: a free one
//! instead of 3000.
//!
//! The README's short version of the walk must agree with it: each code line of its
//! `codes.toml` is one of the chapter's.

use std::fs;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use http::Method;
use http::header::{ALLOW, CONTENT_TYPE};
use serde_json::Value;

mod support;
use support::{ENVELOPE_CONTENT_TYPE, send};

/// A fenced code block of a Markdown file: its language and its text.
struct Block {
    lang: String,
    text: String,
    /// Where its opening fence starts in the Markdown text.
    start: usize,
}

#[tokio::test]
async fn the_chapter_builds_and_answers_as_it_says() {
    let workspace = workspace();
    let chapter = fs::read_to_string(workspace.join("docs/own-catalog.md"))
        .expect("read docs/own-catalog.md");
    let blocks = code_blocks(&chapter);
    let catalog = block_after(&chapter, &blocks, "`api/codes.toml`:", "toml");
    let declaration = block_with(&blocks, "toml", "[package.metadata.hero-codes]");
    let main = block_after(&chapter, &blocks, "`src/main.rs`:", "rust");
    let answers = block_with(&blocks, "text", "GET /items/1");
    let add = block_with(&blocks, "sh", "cargo add");

    let port = free_port();
    assert_eq!(
        main.matches("127.0.0.1:3000").count(),
        1,
        "the chapter's service binds 127.0.0.1:3000 once"
    );
    let main = main.replace("127.0.0.1:3000", &format!("127.0.0.1:{port}"));

    let scratch = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("own-catalog-walk");
    let shop = scratch.join("shop");
    if shop.exists() {
        fs::remove_dir_all(&shop).expect("remove the previous crate");
    }
    let manifest = format!("{PACKAGE}{}\n{declaration}", dependencies(add, &workspace));
    write(&shop.join("Cargo.toml"), &manifest);
    write(&shop.join("api/codes.toml"), catalog);
    write(&shop.join("src/main.rs"), &main);
    // The workspace's lock, so the crate builds offline with the versions the tests use.
    fs::copy(workspace.join("Cargo.lock"), shop.join("Cargo.lock")).expect("copy Cargo.lock");

    let target = scratch.join("target");
    let build = Command::new(env!("CARGO"))
        .args(["build", "--quiet", "--offline"])
        .current_dir(&shop)
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .expect("run cargo");
    assert!(
        build.status.success(),
        "the chapter's crate does not build:\n{}\n--- Cargo.toml\n{manifest}",
        String::from_utf8_lossy(&build.stderr)
    );
    let _server = Server(
        Command::new(target.join("debug/shop"))
            .spawn()
            .expect("start the service"),
    );
    let base = format!("http://127.0.0.1:{port}");
    wait_until_listening(port);

    let mut asked = 0;
    for line in answers.lines() {
        let expected = Answer::parse(line);
        let (status, headers, body) =
            send(&base, expected.method.clone(), &expected.path, None, "").await;
        let body: Value = serde_json::from_slice(&body).expect("a JSON body");
        assert_eq!(
            (status.as_u16(), &body),
            (expected.status, &expected.body),
            "{line}"
        );
        assert_eq!(headers[CONTENT_TYPE], ENVELOPE_CONTENT_TYPE, "{line}");
        if let Some(allow) = &expected.allow {
            assert_eq!(headers[ALLOW], allow.as_str(), "{line}");
        }
        asked += 1;
    }
    assert_eq!(asked, 6, "the chapter's table of answers has six requests");
}

#[test]
fn the_readme_walk_is_the_chapters() {
    let workspace = workspace();
    let readme = fs::read_to_string(workspace.join("README.md")).expect("read README.md");
    let chapter = fs::read_to_string(workspace.join("docs/own-catalog.md"))
        .expect("read docs/own-catalog.md");
    let readme_blocks = code_blocks(&readme);
    let short = block_with(&readme_blocks, "toml", "[catalogs.ShopCode]");
    let code_lines: Vec<&str> = short
        .lines()
        .map(str::trim)
        .filter(|line| line.starts_with("{ code"))
        .collect();
    assert!(
        code_lines.len() >= 2,
        "the README's catalog lists its codes"
    );
    for line in code_lines {
        assert!(
            chapter.contains(line),
            "the README's `{line}` is not in docs/own-catalog.md"
        );
    }
}

/// One line of the chapter's table: `GET /items/1   200 {"success":true,...}`, and for a
/// 405 `(Allow: GET,HEAD)` after the body.
struct Answer {
    method: Method,
    path: String,
    status: u16,
    body: Value,
    allow: Option<String>,
}

impl Answer {
    fn parse(line: &str) -> Answer {
        let mut words = line.split_whitespace();
        let method = words
            .next()
            .expect("a method")
            .parse()
            .expect("an HTTP method");
        let path = words.next().expect("a path").to_owned();
        let status = words
            .next()
            .expect("a status")
            .parse()
            .expect("a numeric status");
        let body_start = line.find('{').expect("a JSON body");
        let body_end = line.rfind('}').expect("a JSON body") + 1;
        let body = serde_json::from_str(&line[body_start..body_end]).expect("the body is JSON");
        let allow = line[body_end..]
            .split_once("(Allow: ")
            .map(|(_, rest)| rest.trim_end().trim_end_matches(')').to_owned());
        Answer {
            method,
            path,
            status,
            body,
            allow,
        }
    }
}

/// Stops the service when the test ends, passed or failed.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the tests crate is inside the workspace")
        .to_path_buf()
}

/// What `cargo new shop` writes, outside any workspace.
const PACKAGE: &str =
    "[package]\nname = \"shop\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n[workspace]\n\n";

/// The `[dependencies]` the chapter's `cargo add` lines add: each crate at the version the
/// workspace's lock holds (`*` with that lock), hero-codes from this workspace (whatever
/// `--path` the chapter gives it), and the lines' `--features crate/feature`.
fn dependencies(add: &str, workspace: &Path) -> String {
    let line = add
        .lines()
        .filter_map(|line| line.strip_prefix("cargo add "))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(!line.is_empty(), "a `cargo add` line");
    let mut words = line.split_whitespace();
    let mut crates = Vec::new();
    let mut features: Vec<(String, String)> = Vec::new();
    while let Some(word) = words.next() {
        if word == "--path" {
            words.next().expect("a path after --path");
        } else if word == "--features" {
            let list = words.next().expect("a feature list");
            for feature in list.split(',') {
                let (krate, feature) = feature
                    .split_once('/')
                    .expect("features written crate/feature");
                features.push((krate.to_owned(), feature.to_owned()));
            }
        } else {
            crates.push(word.to_owned());
        }
    }
    assert!(
        crates.contains(&"hero-codes".to_owned()),
        "the chapter adds hero-codes: {line}"
    );
    let mut manifest = String::from("[dependencies]\n");
    for krate in crates {
        let wanted: Vec<String> = features
            .iter()
            .filter(|(owner, _)| *owner == krate)
            .map(|(_, feature)| format!("\"{feature}\""))
            .collect();
        let source = if krate == "hero-codes" {
            format!("path = \"{}\"", workspace.join("hero-codes").display())
        } else {
            "version = \"*\"".to_owned()
        };
        manifest.push_str(&format!(
            "{krate} = {{ {source}, features = [{}] }}\n",
            wanted.join(", ")
        ));
    }
    manifest
}

/// Every fenced block of a Markdown text, in order.
fn code_blocks(markdown: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut open: Option<Block> = None;
    let mut offset = 0;
    for line in markdown.split_inclusive('\n') {
        match (&mut open, line.trim_start().strip_prefix("```")) {
            (None, Some(info)) => {
                let lang = info.split(',').next().unwrap_or("").trim().to_owned();
                open = Some(Block {
                    lang,
                    text: String::new(),
                    start: offset,
                });
            }
            (Some(_), Some(_)) => blocks.push(open.take().expect("an open block")),
            (Some(block), None) => block.text.push_str(line),
            (None, None) => {}
        }
        offset += line.len();
    }
    blocks
}

/// The first block of `lang` whose text contains `needle`.
fn block_with<'a>(blocks: &'a [Block], lang: &str, needle: &str) -> &'a str {
    blocks
        .iter()
        .find(|block| block.lang == lang && block.text.contains(needle))
        .map(|block| block.text.as_str())
        .unwrap_or_else(|| panic!("no ```{lang} block with `{needle}`"))
}

/// The first block of `lang` after the line `caption` of the text.
fn block_after<'a>(markdown: &str, blocks: &'a [Block], caption: &str, lang: &str) -> &'a str {
    let at = markdown
        .find(&format!("\n{caption}\n"))
        .unwrap_or_else(|| panic!("no line `{caption}`"));
    blocks
        .iter()
        .find(|block| block.start > at && block.lang == lang)
        .map(|block| block.text.as_str())
        .unwrap_or_else(|| panic!("no ```{lang} block after `{caption}`"))
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port on 127.0.0.1")
        .port()
}

fn wait_until_listening(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "the service did not listen on port {port} within 30 s"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().expect("a file has a folder")).expect("create folder");
    fs::write(path, text).expect("write file");
}
