//! The shop of `docs/own-catalog.md`, served by axum and by actix-web on 127.0.0.1: every
//! request of the chapter's table gets the answer the chapter shows from both frameworks,
//! and the two agree on what the table leaves out (`HEAD`). (`own_catalog_walk.rs` builds
//! the chapter's crate itself, on axum.)

use serde_json::Value;

mod support;
use support::send;

mod shop {
    hero_codes::include_catalog!("catalogs/shop.toml");
}
use shop::ShopCode;

#[derive(Debug, thiserror::Error, hero_codes::ApiError)]
#[api(file = "catalogs/shop.toml")]
enum ShopError {
    #[error("item {0} is out of stock")]
    #[api(code = "A0410")]
    OutOfStock(u32),
    #[error("item {id} does not exist")]
    #[api(code = "A0400", desc = "商品{id}不存在")]
    NoSuchItem { id: u32 },
}

type Item = Result<hero_codes::ApiResponse<&'static str, ShopCode>, ShopError>;

/// The chapter's handler, whatever the framework extracted the id with.
fn item(id: u32) -> Item {
    match id {
        1 => Ok(hero_codes::ApiResponse::ok("书")),
        2 => Err(ShopError::OutOfStock(id)),
        _ => Err(ShopError::NoSuchItem { id }),
    }
}

async fn axum_shop() -> String {
    use axum::{Router, routing::get};
    use hero_codes::axum::{EnvelopeRouter, Path};

    async fn handler(Path(id): Path<u32>) -> Item {
        item(id)
    }
    let app: Router = Router::new()
        .route("/items/{id}", get(handler))
        .with_envelope::<ShopCode>();
    support::spawn(app).await
}

fn actix_shop() -> String {
    use actix_web::{App, web};
    use hero_codes::actix::EnvelopeApp;

    async fn handler(id: web::Path<u32>) -> Item {
        item(id.into_inner())
    }
    support::spawn_actix(|| {
        App::new()
            .service(web::resource("/items/{id}").get(handler))
            .with_envelope::<ShopCode>()
    })
}

/// One line of the chapter's table: `GET /items/1   200 {...}`, maybe `(Allow: ...)`.
#[derive(Debug)]
struct Line {
    method: http::Method,
    path: String,
    status: u16,
    body: Value,
    allow: Option<String>,
}

fn chapter() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../docs/own-catalog.md"
    ))
    .expect("docs/own-catalog.md")
}

/// The block after "`cargo run`, then:" in the chapter.
fn chapter_table() -> Vec<Line> {
    let chapter = chapter();
    let start = chapter
        .find("`cargo run`, then:\n\n```text\n")
        .expect("the chapter's shop table");
    let table = &chapter[start..]
        .split("```")
        .nth(1)
        .expect("a closed block");
    table
        .lines()
        .skip(1) // "text"
        .filter(|line| !line.trim().is_empty())
        .map(parse_line)
        .collect()
}

fn parse_line(line: &str) -> Line {
    let mut words = line.split_whitespace();
    let method = words.next().expect("a method").parse().expect("a method");
    let path = words.next().expect("a path").to_owned();
    let status = words.next().expect("a status").parse().expect("a status");
    let rest = line[line.find('{').expect("a body")..].trim();
    let (body, allow) = match rest.split_once("  (Allow: ") {
        Some((body, allow)) => (body, Some(allow.trim_end_matches(')').to_owned())),
        None => (rest, None),
    };
    let body = serde_json::from_str(body).unwrap_or_else(|e| panic!("{body}: {e}"));
    Line {
        method,
        path,
        status,
        body,
        allow,
    }
}

async fn assert_the_chapter_table(base: &str) {
    let table = chapter_table();
    assert!(table.len() >= 6, "the chapter's table: {table:?}");
    for line in table {
        let (status, headers, body) =
            send(base, line.method.clone(), &line.path, None, Vec::new()).await;
        let context = format!("{} {}", line.method, line.path);
        assert_eq!(status.as_u16(), line.status, "{context}");
        let body: Value = serde_json::from_slice(&body).expect("JSON");
        assert_eq!(body, line.body, "{context}");
        let allow = headers
            .get(http::header::ALLOW)
            .map(|v| v.to_str().unwrap());
        assert_eq!(allow, line.allow.as_deref(), "{context}");
    }
    let (status, _, body) = send(base, http::Method::HEAD, "/items/1", None, Vec::new()).await;
    assert_eq!(status, http::StatusCode::OK, "HEAD is answered as GET");
    assert!(body.is_empty(), "HEAD has no body");
}

#[test]
fn the_catalog_is_the_chapters() {
    let file = include_str!("../catalogs/shop.toml");
    let catalog: String = file
        .lines()
        .skip_while(|line| line.starts_with('#')) // this file's own comment
        .flat_map(|line| [line, "\n"])
        .collect();
    assert!(
        chapter().contains(&catalog),
        "tests/catalogs/shop.toml differs from docs/own-catalog.md"
    );
}

#[tokio::test]
async fn axum_answers_as_the_chapter_says() {
    assert_the_chapter_table(&axum_shop().await).await;
}

#[tokio::test]
async fn actix_answers_as_the_chapter_says() {
    assert_the_chapter_table(&actix_shop()).await;
}
