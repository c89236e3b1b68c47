//! Prints the built-in catalogue as Markdown tables: the HTTP status table, then each code
//! catalogue. `cargo run -p hero-codes --example catalogue`

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
