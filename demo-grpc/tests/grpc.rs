//! The gRPC demo over a real socket on 127.0.0.1, called with tonic's client as any Rust
//! service would: every kind of answer (success, a bad argument, a missing app, a 5xx
//! with a secret in its source, a panic, an unknown method), in Chinese and in English,
//! read back with `hero_codes::grpc::reply`, and the server's reflection.

use std::sync::{Arc, Mutex, OnceLock};

use demo_grpc::proto::tracker_client::TrackerClient;
use demo_grpc::proto::{BackupRequest, GetAppRequest, PanicRequest, SearchAppsRequest};
use hero_codes::grpc::{StatusReply, reply};
use hero_codes::{Code, ResultCode};
use tonic::transport::Channel;
use tonic::{Request, Status};

/// The demo on an ephemeral port of 127.0.0.1, its client, and what the server logged.
async fn demo() -> (TrackerClient<Channel>, Log) {
    let (channel, log) = channel().await;
    (TrackerClient::new(channel), log)
}

/// A channel to the demo on an ephemeral port of 127.0.0.1.
async fn channel() -> (Channel, Log) {
    let log = Log::install();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(demo_grpc::serve(listener, std::future::pending()));
    let channel = Channel::from_shared(format!("http://{address}"))
        .unwrap()
        .connect()
        .await
        .unwrap();
    (channel, log)
}

/// `message` with `accept-language: language`, when given.
fn request<T>(message: T, language: Option<&str>) -> Request<T> {
    let mut request = Request::new(message);
    if let Some(language) = language {
        request
            .metadata_mut()
            .insert("accept-language", language.parse().unwrap());
    }
    request
}

fn search(value: Option<&str>, language: Option<&str>) -> Request<SearchAppsRequest> {
    let search_value = value.map(str::to_owned);
    request(SearchAppsRequest { search_value }, language)
}

#[tokio::test]
async fn the_search_answers_the_spec_example_app() {
    let (mut client, _) = demo().await;
    let found = client
        .search_apps(search(Some("Farm"), None))
        .await
        .unwrap();
    let data = &found.get_ref().data;
    assert_eq!(data.len(), 1);
    let app = &data[0];
    assert_eq!((app.id, app.name.as_str()), (1, "Farm测试开发"));
    assert_eq!(app.key, "gtNone4u1iy3Af5oOl1usBndtQbp");
    assert_eq!(app.secret, "1bd7a8d55fe745f2b9c58f66c90004a7");
    assert_eq!(app.created_at, "2019-02-22 11:22");
    let user = app.user.as_ref().unwrap();
    assert_eq!((user.id, user.username.as_str()), (1, "lifanping"));
    assert_eq!(
        (user.phone_number.clone(), user.company.clone()),
        (None, None)
    );

    let none = client.search_apps(search(Some("Zoo"), None)).await.unwrap();
    assert!(none.get_ref().data.is_empty());
}

#[tokio::test]
async fn a_missing_argument_is_10002_invalid_argument_in_the_asked_language() {
    let (mut client, log) = demo().await;
    let status = client.search_apps(search(None, None)).await.unwrap_err();
    let answer = reply::<ResultCode>(&status);
    assert_eq!(status.code(), tonic::Code::InvalidArgument);
    assert_eq!(status.message(), "参数缺失");
    assert_eq!(answer.code, Code::Known(ResultCode::MissingParameter));
    assert_eq!(
        (answer.desc.as_str(), answer.locale.as_deref()),
        ("参数缺失", Some("zh"))
    );
    assert_eq!(answer.reason.as_deref(), Some("MISSING_PARAMETER"));
    assert_eq!(answer.domain.as_deref(), Some("ResultCode"));

    let status = client
        .search_apps(search(None, Some("en-US,en;q=0.9")))
        .await
        .unwrap_err();
    let answer = reply::<ResultCode>(&status);
    assert_eq!(status.message(), "Missing parameter");
    assert_eq!(
        (answer.desc.as_str(), answer.locale.as_deref()),
        ("Missing parameter", Some("en"))
    );
    assert_eq!(answer.code, Code::Known(ResultCode::MissingParameter));

    let status = client
        .search_apps(search(None, Some("zh-CN")))
        .await
        .unwrap_err();
    assert_eq!(reply::<ResultCode>(&status).locale.as_deref(), Some("zh"));
    // The layer recorded each answer by its code, as the HTTP layers do.
    assert!(log.contains("client error answered"), "{}", log.text());
    assert!(log.contains("code=\"10002\""), "{}", log.text());
}

#[tokio::test]
async fn a_missing_app_is_10400_not_found_with_its_field() {
    let (mut client, _) = demo().await;
    let status = client
        .get_app(request(GetAppRequest { id: 9 }, Some("en")))
        .await
        .unwrap_err();
    let answer = reply::<ResultCode>(&status);
    assert_eq!(status.code(), tonic::Code::NotFound);
    assert_eq!(answer.code, Code::Known(ResultCode::NotFound));
    assert_eq!(answer.desc, "App 9 does not exist");
    assert_eq!(answer.fields, [("id".to_owned(), "9".to_owned())]);

    let zh = client.get_app(GetAppRequest { id: 9 }).await.unwrap_err();
    assert_eq!(zh.message(), "应用9不存在");
    let found = client.get_app(GetAppRequest { id: 1 }).await.unwrap();
    assert_eq!(found.get_ref().name, "Farm测试开发");
}

#[tokio::test]
async fn a_server_error_hides_its_source_and_logs_it() {
    let (mut client, log) = demo().await;
    let status = client.backup(BackupRequest {}).await.unwrap_err();
    let answer = reply::<ResultCode>(&status);
    assert_eq!(status.code(), tonic::Code::Internal);
    assert_eq!(answer.code, Code::Known(ResultCode::SystemError));
    assert_eq!(status.message(), "系统错误");
    assert!(answer.fields.is_empty());
    let sent = format!("{status:?}");
    assert!(
        !sent.contains("hunter2") && !sent.contains("disk full"),
        "{sent}"
    );
    assert!(!String::from_utf8_lossy(status.details()).contains("hunter2"));
    assert!(log.contains("password=hunter2"), "{}", log.text());
}

#[tokio::test]
async fn a_panic_answers_10500_and_the_server_keeps_serving() {
    let (mut client, log) = demo().await;
    let status = client
        .panic(request(PanicRequest {}, Some("en")))
        .await
        .unwrap_err();
    let answer = reply::<ResultCode>(&status);
    assert_eq!(status.code(), tonic::Code::Internal);
    assert_eq!(answer.code, Code::Known(ResultCode::SystemError));
    assert_eq!(answer.locale.as_deref(), Some("en"));
    assert!(
        !status.message().contains("panicking"),
        "{}",
        status.message()
    );
    assert!(
        log.contains("the demo's panicking method"),
        "{}",
        log.text()
    );
    let again = client
        .search_apps(search(Some("Farm"), None))
        .await
        .unwrap();
    assert_eq!(again.get_ref().data.len(), 1);
}

#[tokio::test]
async fn an_unknown_method_stays_unimplemented_with_the_catalogs_not_found() {
    let (channel, _) = channel().await;
    let mut grpc = tonic::client::Grpc::new(channel);
    grpc.ready().await.unwrap();
    let path = "/hero.tracker.v1.Tracker/Delete".parse().unwrap();
    let codec = tonic_prost::ProstCodec::<PanicRequest, PanicRequest>::default();
    let status = grpc
        .unary(request(PanicRequest {}, Some("en")), path, codec)
        .await
        .unwrap_err();
    let answer: StatusReply<ResultCode> = reply(&status);
    assert_eq!(status.code(), tonic::Code::Unimplemented);
    assert_eq!(answer.code, Code::Known(ResultCode::NotFound));
    assert_eq!(answer.desc, "The requested resource does not exist");
}

#[tokio::test]
async fn a_message_over_the_limit_stays_out_of_range_with_body_too_large() {
    let (mut client, _) = demo().await;
    let huge = "F".repeat(5 * 1024 * 1024); // tonic's limit is 4 MiB
    let status = client
        .search_apps(search(Some(&huge), Some("en")))
        .await
        .unwrap_err();
    let answer = reply::<ResultCode>(&status);
    assert_eq!(status.code(), tonic::Code::OutOfRange);
    // ResultCode's `body_too_large` failure code.
    assert_eq!(answer.code, Code::Known(ResultCode::InvalidParameter));
    assert_eq!(answer.desc, "Invalid request parameter");
}

#[tokio::test]
async fn a_status_of_another_domain_or_without_details_is_unknown_with_its_code() {
    let other = Status::from(hero_codes::HeroCode::NotFound);
    assert_eq!(
        reply::<ResultCode>(&other).code,
        Code::Unknown("1001".to_owned())
    );
    let bare = Status::unavailable("try later");
    let answer = reply::<ResultCode>(&bare);
    assert_eq!(answer.code, Code::Unknown("UNAVAILABLE".to_owned()));
    assert_eq!(answer.desc, "try later");
}

#[tokio::test]
async fn reflection_lists_the_tracker() {
    use tonic_reflection::pb::v1::ServerReflectionRequest;
    use tonic_reflection::pb::v1::server_reflection_client::ServerReflectionClient;
    use tonic_reflection::pb::v1::server_reflection_request::MessageRequest;
    use tonic_reflection::pb::v1::server_reflection_response::MessageResponse;

    let (channel, _) = channel().await;
    let mut reflection = ServerReflectionClient::new(channel);
    let ask = ServerReflectionRequest {
        host: String::new(),
        message_request: Some(MessageRequest::ListServices(String::new())),
    };
    let mut answers = reflection
        .server_reflection_info(tokio_stream_once(ask))
        .await
        .unwrap()
        .into_inner();
    let answer = answers.message().await.unwrap().unwrap();
    let Some(MessageResponse::ListServicesResponse(list)) = answer.message_response else {
        panic!("not a list of services: {answer:?}");
    };
    let names: Vec<&str> = list
        .service
        .iter()
        .map(|service| service.name.as_str())
        .collect();
    assert!(names.contains(&"hero.tracker.v1.Tracker"), "{names:?}");
}

/// A stream of one request.
fn tokio_stream_once<T: Send + 'static>(
    item: T,
) -> impl tonic::codegen::tokio_stream::Stream<Item = T> {
    tonic::codegen::tokio_stream::iter([item])
}

/// What the servers of this test binary log, at debug level and above.
#[derive(Clone)]
struct Log(Arc<Mutex<Vec<u8>>>);

impl Log {
    /// The log, installed once for the whole binary (tests run servers side by side).
    fn install() -> Log {
        static LOG: OnceLock<Log> = OnceLock::new();
        LOG.get_or_init(|| {
            let log = Log(Arc::default());
            let writer = log.clone();
            tracing_subscriber::fmt()
                .with_max_level(tracing::Level::DEBUG)
                .with_ansi(false)
                .with_writer(move || writer.clone())
                .init();
            log
        })
        .clone()
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }

    fn contains(&self, needle: &str) -> bool {
        self.text().contains(needle)
    }
}

impl std::io::Write for Log {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
