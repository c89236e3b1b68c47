//! Prints the built-in catalog as Markdown tables: the HTTP status table, then each code
//! catalog. `cargo run -p hero-codes --example catalog`

fn main() {
    println!(
        "## HTTP statuses\n\n{}",
        hero_codes::HTTP_STATUSES.markdown()
    );
    println!("## HeroCode\n\n{}", hero_codes::HeroCode::MARKDOWN_TABLE);
    println!(
        "## ResultCode\n\n{}",
        hero_codes::ResultCode::MARKDOWN_TABLE
    );
}
