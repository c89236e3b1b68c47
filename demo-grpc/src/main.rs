//! `cargo run -p demo-grpc`: the tracker over gRPC on 127.0.0.1:50051. See the crate's
//! docs for what it answers.

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt::init();
    let address = demo_grpc::address()?;
    let listener = demo_grpc::deploy::listen(address)?;
    println!("demo-grpc listening on {address}");
    let served = demo_grpc::serve(listener, shutdown_signal());
    // tonic waits for every call in flight; a deployed service waits a bounded time.
    let bound = async {
        shutdown_signal().await;
        tokio::time::sleep(demo_grpc::SHUTDOWN_TIMEOUT).await;
    };
    tokio::select! {
        served = served => served?,
        () = bound => eprintln!("demo-grpc: calls still in flight after {:?}, stopping", demo_grpc::SHUTDOWN_TIMEOUT),
    }
    Ok(())
}

/// SIGTERM (what a container runtime sends) or SIGINT (Ctrl-C): tonic then stops
/// accepting and lets the calls in flight finish, for up to `SHUTDOWN_TIMEOUT`.
async fn shutdown_signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut terminate =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
                .expect("a SIGTERM handler");
        tokio::select! {
            _ = interrupt => {}
            _ = terminate.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = interrupt.await;
}
