//! Generates the tracker's messages and service from `proto/tracker.proto`, with the
//! `protoc` that the protoc-bin-vendored crate ships (nothing is downloaded), and the file
//! descriptor set the server's reflection answers from.

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out_dir = PathBuf::from(std::env::var("OUT_DIR")?);
    let mut config = prost_build::Config::new();
    config.protoc_executable(protoc_bin_vendored::protoc_bin_path()?);
    tonic_prost_build::configure()
        .file_descriptor_set_path(out_dir.join("tracker_descriptor.bin"))
        // The HTTP demo's apps become messages through serde, field by field.
        .message_attribute(".hero.tracker.v1.App", "#[derive(serde::Deserialize)]")
        .message_attribute(".hero.tracker.v1.User", "#[derive(serde::Deserialize)]")
        .compile_with_config(config, &["proto/tracker.proto"], &["proto"])?;
    Ok(())
}
