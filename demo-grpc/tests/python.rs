//! Python's `grpcio` with `grpcio-status` (from PyPI, in `target/grpc-venv`, installed by
//! `.ci/run`) calls the gRPC demo on 127.0.0.1 and decodes `ErrorInfo` and
//! `LocalizedMessage` with Google's own types: the catalog's codes reach a client no one
//! here wrote.

use std::path::Path;
use std::process::Command;

#[tokio::test(flavor = "multi_thread")]
async fn python_reads_the_codes_from_error_info_and_localized_message() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let python = root.join("../target/grpc-venv/bin/python");
    if !python.is_file() {
        assert!(
            std::env::var_os("CI").is_none(),
            "{} is missing: .ci/run installs it",
            python.display()
        );
        eprintln!("skipped: target/grpc-venv is not installed (.ci/run installs it)");
        return;
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(demo_grpc::serve(listener, std::future::pending()));
    let client = root.join("tests/python/client.py");
    let output = tokio::task::spawn_blocking(move || {
        Command::new(python)
            .arg(client)
            .arg(address.to_string())
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    let printed = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{printed}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        printed,
        "NOT_FOUND | NOT_FOUND | ResultCode | code=10400,id=9 | zh | 应用9不存在\n\
         NOT_FOUND | NOT_FOUND | ResultCode | code=10400,id=9 | en | App 9 does not exist\n\
         INVALID_ARGUMENT | MISSING_PARAMETER | ResultCode | code=10002 | en | Missing parameter\n\
         INTERNAL | SYSTEM_ERROR | ResultCode | code=10500 | zh | 系统错误\n"
    );
}
