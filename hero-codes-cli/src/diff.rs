//! `hero-codes diff`: what changed between two versions of a catalogue, and whether it
//! breaks clients. The comparison is `hero_codes_catalog::diff`; this prints it.

use std::io::Write;
use std::path::PathBuf;

use hero_codes_catalog::Change;
use serde::Serialize;

use crate::source::{self, Checked};
use crate::{CannotRun, Outcome};

/// Compare two versions of a catalogue file and mark the changes that break clients
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  git show v1.0:codes.toml > /tmp/old.toml && hero-codes diff /tmp/old.toml codes.toml
  hero-codes diff old.toml new.toml --format json

Breaking (marked `!`, exit status 1): a removed code, a changed status, a code reused for
another meaning (new name and new description), a renamed envelope field. Added codes,
renamed variants and reworded descriptions are listed but do not break clients, which judge
by code.

With --format json, stdout is {\"version\": 1, \"breaking\": bool, \"changes\": [...]}, each change
an object with `kind` (added, removed, renamed, status, desc, reused, envelope), `breaking`,
`catalog`, `code` and the kind's `old` and `new` values.")]
pub(crate) struct Args {
    /// The catalogue file before the change
    old: PathBuf,
    /// The catalogue file after the change
    new: PathBuf,
    /// How to print the changes
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum Format {
    /// One line per change, breaking ones marked `!`
    Human,
    /// A JSON object with every change
    Json,
}

pub(crate) fn run(args: &Args, out: &mut impl Write) -> Result<Outcome, CannotRun> {
    let Some(Checked { file: old, .. }) = source::checked(Some(&args.old))? else {
        return Ok(Outcome::ProblemFound);
    };
    let Some(Checked { file: new, .. }) = source::checked(Some(&args.new))? else {
        return Ok(Outcome::ProblemFound);
    };
    let changes: Vec<JsonChange> = hero_codes_catalog::diff(&old, &new)
        .iter()
        .map(JsonChange::from)
        .collect();
    let breaking = changes.iter().filter(|change| change.breaking).count();
    match args.format {
        Format::Json => {
            let report = Report {
                version: 1,
                breaking: breaking > 0,
                changes: &changes,
            };
            serde_json::to_writer_pretty(&mut *out, &report).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
        Format::Human => {
            for change in &changes {
                writeln!(out, "{}", change.line())?;
            }
            writeln!(
                out,
                "{} changes, {breaking} breaking",
                changes.len()
            )?;
        }
    }
    Ok(if breaking > 0 {
        Outcome::ProblemFound
    } else {
        Outcome::Ok
    })
}

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    breaking: bool,
    changes: &'a [JsonChange],
}

/// One change, flattened for JSON and for a line of text. `old` and `new` are what changed:
/// the whole entry for `added`, `removed` and `reused`, else the one value.
#[derive(Serialize)]
struct JsonChange {
    kind: &'static str,
    breaking: bool,
    catalog: Option<String>,
    code: Option<String>,
    old: Option<serde_json::Value>,
    new: Option<serde_json::Value>,
}

impl From<&Change<'_>> for JsonChange {
    fn from(change: &Change<'_>) -> Self {
        use serde_json::{Value, json};
        let entry = |entry: &hero_codes_catalog::CodeEntry| {
            json!({
                "name": entry.name.value,
                "status": entry.status.value,
                "desc": entry.desc.value,
            })
        };
        let (kind, catalog, code, old, new) = match *change {
            Change::Added { catalog, entry: e } => {
                ("added", Some(catalog), Some(e.code.value.as_str()), None, Some(entry(e)))
            }
            Change::Removed { catalog, entry: e } => {
                ("removed", Some(catalog), Some(e.code.value.as_str()), Some(entry(e)), None)
            }
            Change::Renamed { catalog, code, from, to } => {
                ("renamed", Some(catalog), Some(code), Some(Value::from(from)), Some(Value::from(to)))
            }
            Change::StatusChanged { catalog, code, from, to } => {
                ("status", Some(catalog), Some(code), Some(Value::from(from)), Some(Value::from(to)))
            }
            Change::DescChanged { catalog, code, from, to } => {
                ("desc", Some(catalog), Some(code), Some(Value::from(from)), Some(Value::from(to)))
            }
            Change::Reused { catalog, old, new } => (
                "reused",
                Some(catalog),
                Some(old.code.value.as_str()),
                Some(entry(old)),
                Some(entry(new)),
            ),
            Change::EnvelopeFieldRenamed { field, from, to } => {
                ("envelope", None, Some(field), Some(Value::from(from)), Some(Value::from(to)))
            }
        };
        JsonChange {
            kind,
            breaking: change.is_breaking(),
            catalog: catalog.map(str::to_owned),
            code: code.map(str::to_owned),
            old,
            new,
        }
    }
}

impl JsonChange {
    /// `! status    ResultCode 10400: 404 -> 410`: the mark, the kind, where, what.
    fn line(&self) -> String {
        let mark = if self.breaking { '!' } else { ' ' };
        let place = match (&self.catalog, &self.code) {
            (Some(catalog), Some(code)) => format!("{catalog} {code}"),
            (None, Some(field)) => format!("envelope field `{field}`"),
            _ => String::new(),
        };
        let show = |value: &Option<serde_json::Value>| match value {
            Some(serde_json::Value::Object(entry)) => format!(
                "{} {} {}",
                entry["name"].as_str().unwrap_or_default(),
                entry["status"],
                entry["desc"].as_str().unwrap_or_default()
            ),
            Some(value) => value.to_string(),
            None => String::new(),
        };
        let what = match (&self.old, &self.new) {
            (Some(_), Some(_)) => format!("{} -> {}", show(&self.old), show(&self.new)),
            (old, new) => show(if old.is_some() { old } else { new }),
        };
        format!("{mark} {:<8} {place}: {what}", self.kind)
    }
}
