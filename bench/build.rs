//! Generates the large catalogs the benchmarks read, and a hand-written-style `match`
//! over 200 codes as a baseline, into `OUT_DIR`.

use std::fmt::Write as _;
use std::path::Path;

const STATUSES: [u16; 5] = [400, 401, 403, 404, 500];
const KINDS: [&str; 4] = ["AUTH", "DB", "IO", "NET"];

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    let numeric = catalog("NumericCode", 10_000, |i| (100_000 + i).to_string());
    let text_code = |i: usize| format!("E{i:05}_{}", KINDS[i % 4]);
    let text = catalog("TextCode", 10_000, text_code);
    let small_text = catalog("SmallTextCode", 14, text_code);
    std::fs::write(out.join("numeric_10000.toml"), numeric).expect("write catalog");
    std::fs::write(out.join("text_10000.toml"), text).expect("write catalog");
    std::fs::write(out.join("text_14.toml"), small_text).expect("write catalog");

    let mut rust = String::new();
    for (module, file) in [
        ("numeric", "numeric_10000.toml"),
        ("text", "text_10000.toml"),
        ("small_text", "text_14.toml"),
    ] {
        let path = out.join(file);
        writeln!(
            rust,
            "pub mod {module} {{ hero_codes::include_catalog!({:?}); }}",
            path.to_str().expect("OUT_DIR is UTF-8")
        )
        .expect("write to a String");
    }
    rust.push_str("/// A `match` over 200 codes, as one would write it by hand.\n");
    rust.push_str("pub fn match_200(code: &str) -> Option<usize> {\n    match code {\n");
    for i in 0..200 {
        writeln!(rust, "        \"{}\" => Some({i}),", 100_000 + i).expect("write to a String");
    }
    rust.push_str("        _ => None,\n    }\n}\n");
    std::fs::write(out.join("generated.rs"), rust).expect("write generated code");
    println!("cargo::rerun-if-changed=build.rs");
}

/// A catalog of `count` error codes plus its success code `OK`.
fn catalog(name: &str, count: usize, code: impl Fn(usize) -> String) -> String {
    let mut toml = format!(
        "[catalogs.{name}]\ncodes = [\n    {{ code = \"OK\", name = \"Ok\", status = 200, desc = \"成功\" }},\n"
    );
    for i in 0..count {
        writeln!(
            toml,
            "    {{ code = \"{}\", name = \"C{i}\", status = {}, desc = \"错误{i}\" }},",
            code(i),
            STATUSES[i % STATUSES.len()]
        )
        .expect("write to a String");
    }
    toml.push_str("]\n");
    toml
}
