//! The gRPC layer counts answers as the HTTP layers do (feature `metrics`): a known mix of
//! calls to the demo on 127.0.0.1, then the Prometheus text scraped from a recorder holds
//! each by catalog, code and the code's HTTP status, and each latency by code class.

use demo_grpc::proto::tracker_client::TrackerClient;
use demo_grpc::proto::{GetAppRequest, PanicRequest, SearchAppsRequest};
use metrics_exporter_prometheus::PrometheusBuilder;

#[tokio::test]
async fn every_answer_is_counted_by_its_code() {
    let recorder = PrometheusBuilder::new().install_recorder().unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(demo_grpc::serve(listener, std::future::pending()));
    let mut client = TrackerClient::connect(format!("http://{address}"))
        .await
        .unwrap();

    for _ in 0..3 {
        let farm = Some("Farm".to_owned());
        let found = client
            .search_apps(SearchAppsRequest { search_value: farm })
            .await;
        assert!(found.is_ok());
    }
    for _ in 0..2 {
        let missing = client
            .search_apps(SearchAppsRequest { search_value: None })
            .await;
        assert!(missing.is_err());
    }
    assert!(client.get_app(GetAppRequest { id: 9 }).await.is_err());
    assert!(client.panic(PanicRequest {}).await.is_err());

    hero_codes::metrics::flush();
    let text = recorder.render();
    for (code, status, count) in [
        ("0", 200, 3.0),
        ("10002", 400, 2.0),
        ("10400", 404, 1.0),
        ("10500", 500, 1.0),
    ] {
        assert_eq!(answers(&text, code, status), count, "{code}:\n{text}");
    }
    assert_eq!(latency_count(&text, "success"), 3.0, "{text}");
    assert_eq!(latency_count(&text, "client"), 3.0, "{text}");
    assert_eq!(latency_count(&text, "server"), 1.0, "{text}");
}

/// The count of `hero_codes_answers_total` for a code of ResultCode and its status.
fn answers(text: &str, code: &str, status: u16) -> f64 {
    let labels = [
        "catalog=\"ResultCode\"".to_owned(),
        format!("code=\"{code}\""),
        format!("status=\"{status}\""),
    ];
    sum(text, hero_codes::metrics::ANSWERS, &labels)
}

/// How many latencies ResultCode's answers of `class` recorded.
fn latency_count(text: &str, class: &str) -> f64 {
    let name = format!("{}_count", hero_codes::metrics::LATENCY);
    let labels = [
        "catalog=\"ResultCode\"".to_owned(),
        format!("class=\"{class}\""),
    ];
    sum(text, &name, &labels)
}

/// The sum of the samples of `name` whose labels include every one of `labels`.
fn sum(text: &str, name: &str, labels: &[String]) -> f64 {
    text.lines()
        .filter_map(|line| line.strip_prefix(name)?.strip_prefix('{'))
        .filter_map(|rest| rest.split_once("} "))
        .filter(|(found, _)| {
            labels
                .iter()
                .all(|label| found.split(',').any(|l| l == label))
        })
        .map(|(_, value)| value.trim().parse::<f64>().unwrap())
        .sum()
}
