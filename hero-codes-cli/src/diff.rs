//! `hero-codes diff`: what changed between two versions of a catalog, and whether it
//! breaks clients. The comparison is `hero_codes_catalog::diff`; this prints it.

use std::io::Write;
use std::path::PathBuf;

use hero_codes_catalog::{Change, CodeEntry};
use serde::Serialize;

use crate::source::{self, Checked};
use crate::{CannotRun, Format, Outcome};

/// Compare two versions of a catalog file and mark the changes that break clients
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  git show v1.0:codes.toml > /tmp/old.toml && hero-codes diff /tmp/old.toml codes.toml
  hero-codes diff old.toml new.toml --format json

Breaking (marked `!`, exit status 1): a removed code, a changed status, a code reused for
another meaning (new name and new description), a renamed envelope field. Added codes,
renamed variants, reworded descriptions, deprecated codes and codes moved to `retired` are
listed but do not break clients, which judge by code. A file with a codes.lock beside it is
also held to its lock, with the messages of `check`.

With --format json, stdout is {\"version\": 1, \"breaking\": bool, \"changes\": [...]}, each change
an object with `kind` (added, removed, retired, deprecated, renamed, status, desc, reused,
envelope), `breaking`,
`catalog`, `code` and the kind's `old` and `new` values.")]
pub(crate) struct Args {
    /// The catalog file before the change
    old: PathBuf,
    /// The catalog file after the change
    new: PathBuf,
    /// How to print the changes
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
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
            writeln!(out, "{} changes, {breaking} breaking", changes.len())?;
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
    changes: &'a [JsonChange<'a>],
}

/// One change, flattened for JSON and for a line of text. `old` and `new` are what changed:
/// the whole entry for `added`, `removed` and `reused`, else the one value.
#[derive(Serialize)]
struct JsonChange<'a> {
    kind: &'static str,
    breaking: bool,
    catalog: Option<&'a str>,
    code: &'a str,
    old: Option<Side<'a>>,
    new: Option<Side<'a>>,
}

/// One side of a change.
#[derive(Serialize)]
#[serde(untagged)]
enum Side<'a> {
    Entry {
        name: &'a str,
        status: u16,
        desc: &'a str,
    },
    Text(&'a str),
    Status(u16),
}

impl<'a> Side<'a> {
    fn entry(entry: &'a CodeEntry) -> Option<Self> {
        Some(Side::Entry {
            name: &entry.name.value,
            status: entry.status.value,
            desc: &entry.desc.value,
        })
    }
}

impl std::fmt::Display for Side<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Side::Entry { name, status, desc } => write!(f, "{name} {status} {desc}"),
            Side::Text(text) => write!(f, "{text:?}"),
            Side::Status(status) => write!(f, "{status}"),
        }
    }
}

impl<'a> From<&Change<'a>> for JsonChange<'a> {
    fn from(change: &Change<'a>) -> Self {
        let (kind, catalog, code, old, new) = match *change {
            Change::Added { catalog, entry } => (
                "added",
                Some(catalog),
                entry.code.value.as_str(),
                None,
                Side::entry(entry),
            ),
            Change::Removed { catalog, entry } => (
                "removed",
                Some(catalog),
                entry.code.value.as_str(),
                Side::entry(entry),
                None,
            ),
            Change::Retired {
                catalog,
                entry,
                reason,
            } => (
                "retired",
                Some(catalog),
                entry.code.value.as_str(),
                Side::entry(entry),
                Some(Side::Text(reason)),
            ),
            Change::Deprecated {
                catalog,
                code,
                note,
            } => (
                "deprecated",
                Some(catalog),
                code,
                None,
                Some(Side::Text(note)),
            ),
            Change::Renamed {
                catalog,
                code,
                from,
                to,
            } => (
                "renamed",
                Some(catalog),
                code,
                Some(Side::Text(from)),
                Some(Side::Text(to)),
            ),
            Change::StatusChanged {
                catalog,
                code,
                from,
                to,
            } => (
                "status",
                Some(catalog),
                code,
                Some(Side::Status(from)),
                Some(Side::Status(to)),
            ),
            Change::DescChanged {
                catalog,
                code,
                from,
                to,
            } => (
                "desc",
                Some(catalog),
                code,
                Some(Side::Text(from)),
                Some(Side::Text(to)),
            ),
            Change::Reused { catalog, old, new } => (
                "reused",
                Some(catalog),
                old.code.value.as_str(),
                Side::entry(old),
                Side::entry(new),
            ),
            Change::EnvelopeFieldRenamed { field, from, to } => (
                "envelope",
                None,
                field,
                Some(Side::Text(from)),
                Some(Side::Text(to)),
            ),
        };
        JsonChange {
            kind,
            breaking: change.is_breaking(),
            catalog,
            code,
            old,
            new,
        }
    }
}

impl JsonChange<'_> {
    /// `! status   ResultCode 10400: 404 -> 410`: the mark, the kind, where, what.
    fn line(&self) -> String {
        let mark = if self.breaking { '!' } else { ' ' };
        let place = match self.catalog {
            Some(catalog) => format!("{catalog} {}", self.code),
            None => format!("envelope field `{}`", self.code),
        };
        let what = match (&self.old, &self.new) {
            (Some(old), Some(new)) => format!("{old} -> {new}"),
            (Some(side), None) | (None, Some(side)) => side.to_string(),
            (None, None) => String::new(),
        };
        format!("{mark} {:<8} {place}: {what}", self.kind)
    }
}
