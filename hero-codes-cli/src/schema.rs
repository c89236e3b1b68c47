//! `hero-codes schema`: the JSON Schema of the catalog file format, for editors.

use std::io::Write;

use crate::{CannotRun, Outcome};

/// Print the JSON Schema of the catalog file format, for editors (Taplo, Even Better TOML)
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  hero-codes schema > codes.schema.json

Then make the first line of codes.toml

  #:schema ./codes.schema.json

and Taplo (the Even Better TOML extension of VS Code, and taplo-based editors) checks every
key and type of the file as you type, completes keys and shows what each one means. The
schema is draft-07; `hero-codes check` applies every rule, the schema only the file's shape.")]
pub(crate) struct Args {}

pub(crate) fn run(_: &Args, out: &mut impl Write) -> Result<Outcome, CannotRun> {
    let schema = hero_codes_catalog::json_schema();
    serde_json::to_writer_pretty(&mut *out, &schema).map_err(std::io::Error::from)?;
    writeln!(out)?;
    Ok(Outcome::Ok)
}
