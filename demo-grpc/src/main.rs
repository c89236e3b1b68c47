//! `cargo run -p demo-grpc`: the tracker over gRPC on 127.0.0.1:50051. See the crate's
//! docs for what it answers.

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt::init();
    let address = demo_grpc::address()?;
    let listener = tokio::net::TcpListener::bind(address).await?;
    println!("demo-grpc listening on {address}");
    demo_grpc::serve(listener, shutdown_signal()).await?;
    Ok(())
}

/// SIGTERM (what a container runtime sends) or SIGINT (Ctrl-C): tonic then stops
/// accepting and lets the calls in flight finish.
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
