use hero_codes_catalog::CatalogFile;

fn show(text: &str) {
    println!("=== {text}");
    match CatalogFile::parse(text, "codes.toml") {
        Ok(_) => println!("OK"),
        Err(e) => println!("{e}"),
    }
}

fn codes(snippet: &str) -> String {
    format!("[catalogs.AppCode]\nstatuses = [200, 404]\ncodes = [\n{snippet}\n]\n")
}

#[test]
fn probe() {
    show(
        "[envelope]\ndesc_max_chars = 0\ncode_max_chars = 0\n[catalogs.A]\ncodes = [{ code = \"1\", name = \"A\", status = 200, desc = \"x\" }]",
    );
    show("[envelope]\ncode_max_chars = \"32\"\n[catalogs.A]\ncodes = []");
    show(
        "[catalogs.A]\nstatuses = [200, 404]\nranges = { 404 = [10499, 10400] }\ncodes = [{ code = \"10400\", name = \"A\", status = 404, desc = \"x\" }]",
    );
    show(
        "\u{feff}[catalogs.A]\ncodes = [{ code = \"1\", name = \"a-b\", status = 200, desc = \"x\" }]",
    );
    show(
        "[catalogs.A]\r\ncodes = [{ code = \"1\", name = \"a-b\", status = 200, desc = \"x\" }]\r\n",
    );
    show(
        "[catalogs.A]\ncodes = [{ code = \"1\", name = \"A\", status = 200, desc = \"x\" }]\n[catalogs.A]\ncodes = []\n",
    );
}
