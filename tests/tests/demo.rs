//! The demo service end to end: its router (the example's own code) on a real 127.0.0.1
//! socket, a real HTTP client, and the answers the two documents give as examples.

// The demo is an example binary; its source is compiled in here so the test drives exactly
// the code `cargo run -p hero-codes --example demo` serves.
#[allow(dead_code)]
#[path = "../../hero-codes/examples/demo.rs"]
mod demo;

use std::sync::Arc;

use reqwest::{Client, Method, StatusCode};
use serde_json::{Value, json};

struct Server {
    base: String,
    demo: Arc<demo::Demo>,
    client: Client,
}

impl Server {
    async fn start() -> Self {
        let demo = Arc::new(demo::Demo::with_example_app());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1");
        let base = format!("http://{}", listener.local_addr().expect("local address"));
        let app = demo::app(Arc::clone(&demo));
        tokio::spawn(async move { axum::serve(listener, app).await });
        Server {
            base,
            demo,
            client: Client::new(),
        }
    }

    /// Sends a request; returns the status, the `Allow` header and the JSON body, after
    /// checking that every answer is the envelope's content type.
    async fn send(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        json_body: Option<&str>,
    ) -> (StatusCode, Option<String>, Value) {
        let mut request = self.client.request(method, format!("{}{path}", self.base));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(body) = json_body {
            request = request
                .header("content-type", "application/json")
                .body(body.to_owned());
        }
        let response = request.send().await.expect("the demo answers");
        let status = response.status();
        assert_eq!(
            response.headers()["content-type"],
            "application/json; charset=utf-8",
            "{path}"
        );
        let allow = response
            .headers()
            .get("allow")
            .map(|value| value.to_str().expect("ASCII").to_owned());
        let body = response.bytes().await.expect("a body");
        let json = serde_json::from_slice(&body).expect("the body is JSON");
        (status, allow, json)
    }
}

fn error(code: &str, desc: &str) -> Value {
    json!({"result": false, "result_code": code, "result_desc": desc})
}

/// The body of the Hero route's 202 without data: HeroCode's own success, `OK, 成功`.
fn accepted() -> Value {
    json!({"result": true, "result_code": "0", "result_desc": "OK, 成功"})
}

#[tokio::test]
async fn search_answers_the_response_specs_example() {
    let server = Server::start().await;
    let (status, _, body) = server
        .send(
            Method::POST,
            "/api/tracker/apps?search_value=Farm",
            None,
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    // The spec's "Example Response", as the document writes it.
    let example = json!({
        "result": true,
        "result_code": "0",
        "result_desc": "成功",
        "data": [
            {
                "id": 1,
                "user": {
                    "phone_number": null,
                    "company": null,
                    "id": 1,
                    "username": "lifanping"
                },
                "key": "gtNone4u1iy3Af5oOl1usBndtQbp",
                "secret": "1bd7a8d55fe745f2b9c58f66c90004a7",
                "name": "Farm测试开发",
                "created_at": "2019-02-22 11:22"
            }
        ]
    });
    assert_eq!(body, example);
}

#[tokio::test]
async fn search_without_a_value_or_a_match() {
    let server = Server::start().await;
    let (status, _, body) = server
        .send(Method::POST, "/api/tracker/apps", None, None)
        .await;
    assert_eq!(
        (status, body),
        (StatusCode::BAD_REQUEST, error("10002", "参数缺失"))
    );
    let (status, _, body) = server
        .send(
            Method::POST,
            "/api/tracker/apps?search_value=Zoo",
            None,
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["data"], json!([]));
}

#[tokio::test]
async fn a_missing_app_answers_10400_with_its_id() {
    let server = Server::start().await;
    let (status, _, body) = server
        .send(Method::GET, "/api/tracker/apps/1", None, None)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["data"]["name"], "Farm测试开发");
    let (status, _, body) = server
        .send(Method::GET, "/api/tracker/apps/2", None, None)
        .await;
    assert_eq!(
        (status, body),
        (StatusCode::NOT_FOUND, error("10400", "应用2不存在"))
    );
}

#[tokio::test]
async fn download_plus_1_answers_202_as_the_hero_sample() {
    let server = Server::start().await;
    let token = Some(demo::DEMO_TOKEN);
    let body = Some(r#"{"oid":"3","channel":"online"}"#);
    let (status, _, answer) = server.send(Method::PUT, "/download+1", token, body).await;
    assert_eq!((status, answer), (StatusCode::ACCEPTED, accepted()));
    let (status, _, answer) = server
        .send(Method::PUT, "/download+1?channel=1&oid=3", token, None)
        .await;
    assert_eq!((status, answer), (StatusCode::ACCEPTED, accepted()));
    let (status, _, _) = server
        .send(
            Method::PUT,
            "/download+1?channel=1",
            token,
            Some(r#"{"oid":"3"}"#),
        )
        .await;
    assert_eq!(status, StatusCode::ACCEPTED);
    assert_eq!(server.demo.downloads("3"), 3);
    let (status, _, _) = server
        .send(Method::PUT, "/download+1?channel=direct", token, None)
        .await;
    assert_eq!(status, StatusCode::ACCEPTED);
    assert_eq!(server.demo.downloads(""), 1);
}

#[tokio::test]
async fn download_plus_1_refuses_in_hero_codes() {
    let server = Server::start().await;
    let token = Some(demo::DEMO_TOKEN);
    let cases = [
        (
            "/download+1?channel=9",
            token,
            None,
            StatusCode::BAD_REQUEST,
            error("1000", "输入参数错误"),
        ),
        (
            "/download+1?channel=online",
            token,
            None,
            StatusCode::BAD_REQUEST,
            error("1000", "输入参数错误"),
        ),
        (
            "/download+1?channel=1&oid=3",
            None,
            None,
            StatusCode::UNAUTHORIZED,
            error("1002", "非法的Token"),
        ),
        (
            "/download+1?channel=1&oid=3",
            Some("stolen"),
            None,
            StatusCode::UNAUTHORIZED,
            error("1002", "非法的Token"),
        ),
        (
            "/download+1",
            token,
            Some(r#"{"oid":"3","#),
            StatusCode::BAD_REQUEST,
            error("1006", "输入的JSON数据格式不正确"),
        ),
    ];
    for (path, token, body, status, answer) in cases {
        assert_eq!(
            server.send(Method::PUT, path, token, body).await,
            (status, None, answer),
            "{path} token {token:?} body {body:?}"
        );
    }
    assert_eq!(server.demo.downloads("3"), 0);
}

#[tokio::test]
async fn everything_else_answers_in_the_envelope() {
    let server = Server::start().await;
    let (status, allow, body) = server.send(Method::GET, "/download+1", None, None).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(allow.as_deref(), Some("PUT"));
    assert_eq!(body, error("1000", "输入参数错误"));
    let (status, _, body) = server.send(Method::GET, "/no/such/route", None, None).await;
    assert_eq!(
        (status, body),
        (StatusCode::NOT_FOUND, error("10400", "所请求的资源不存在"))
    );
    let (status, allow, body) = server
        .send(Method::DELETE, "/api/tracker/apps", None, None)
        .await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(allow.as_deref(), Some("POST"));
    assert_eq!(body, error("10000", "请求参数无效"));
}
