//! Every relative link of the README, CONTRIBUTING.md and the manual in `docs/` leads
//! somewhere: to a file or folder of the repository and, with a `#fragment`, to a heading
//! of that Markdown file (as GitHub names a heading's anchor).

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

/// The documents a reader follows links in, relative to the workspace root.
fn documents(root: &Path) -> Vec<PathBuf> {
    let mut files = vec![
        root.join("README.md"),
        root.join("CONTRIBUTING.md"),
        root.join("BENCHMARKS.md"),
        root.join("RELIABILITY.md"),
    ];
    let mut chapters: Vec<PathBuf> = fs::read_dir(root.join("docs"))
        .expect("read docs/")
        .map(|entry| entry.expect("read docs/").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    chapters.sort();
    files.extend(chapters);
    files
}

#[test]
fn relative_links_resolve() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the tests crate is inside the workspace");
    let mut broken = Vec::new();
    let mut checked = 0;
    for file in documents(root) {
        let text = fs::read_to_string(&file).expect("read a document");
        for target in link_targets(&text) {
            if target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            checked += 1;
            if let Err(why) = resolve(&file, &target) {
                let name = file.strip_prefix(root).unwrap_or(&file).display();
                broken.push(format!("{name}: ({target}) {why}"));
            }
        }
    }
    assert!(
        checked > 50,
        "only {checked} links found: is the scan broken?"
    );
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

/// Checks that `target`, written in `file`, names an existing path and heading.
fn resolve(file: &Path, target: &str) -> Result<(), String> {
    let (path, fragment) = target.split_once('#').unwrap_or((target, ""));
    let linked = if path.is_empty() {
        file.to_path_buf()
    } else {
        file.parent().expect("a document is in a folder").join(path)
    };
    if !linked.exists() {
        return Err("no such file".to_owned());
    }
    if fragment.is_empty() {
        return Ok(());
    }
    let text = fs::read_to_string(&linked).map_err(|_| "a fragment on a non-file".to_owned())?;
    if anchors(&text).contains(fragment) {
        Ok(())
    } else {
        Err(format!("no heading `#{fragment}` there"))
    }
}

/// The targets of inline links `[text](target)` outside code blocks and code spans.
fn link_targets(text: &str) -> Vec<String> {
    let mut targets = Vec::new();
    for line in prose_lines(text) {
        let line = without_code_spans(line);
        let mut rest = line.as_str();
        while let Some(start) = rest.find("](") {
            let after = &rest[start + 2..];
            let Some(end) = after.find(')') else { break };
            targets.push(after[..end].trim().to_owned());
            rest = &after[end + 1..];
        }
    }
    targets
}

/// The anchors GitHub gives the headings of a Markdown file.
fn anchors(text: &str) -> HashSet<String> {
    prose_lines(text)
        .filter_map(|line| line.strip_prefix('#'))
        .map(|heading| slug(heading.trim_start_matches('#').trim()))
        .collect()
}

/// GitHub's anchor of a heading: lower case, punctuation dropped but `-` and `_`, each
/// space a `-`.
fn slug(heading: &str) -> String {
    heading
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ' '))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// The lines of a Markdown file outside fenced code blocks.
fn prose_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut fenced = false;
    text.lines().filter(move |line| {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            return false;
        }
        !fenced
    })
}

/// A line with its `code spans` removed, so `[x](y)` written as code is not a link.
fn without_code_spans(line: &str) -> String {
    line.split('`').step_by(2).collect()
}

#[test]
fn the_slug_is_githubs() {
    assert_eq!(
        slug("axum: every answer in the envelope (`hero_codes::axum`)"),
        "axum-every-answer-in-the-envelope-hero_codesaxum"
    );
    assert_eq!(slug("The command's tests"), "the-commands-tests");
    let text = "# Title\n```text\n# not a heading\n```\n## Failures\n";
    assert_eq!(
        anchors(text),
        HashSet::from(["title".to_owned(), "failures".to_owned()])
    );
    let links = "see [a](a.md), `[b](b.md)` and [c](c.md#x)\n```\n[d](d.md)\n```\n";
    assert_eq!(link_targets(links), ["a.md", "c.md#x"]);
}
