//! `hero-codes lock`: write `codes.lock` beside the catalog file, the record of its released
//! codes that every build then checks. The rules are `hero_codes_catalog::Lock`'s.

use std::io::Write;
use std::path::{Path, PathBuf};

use hero_codes_catalog::{CatalogFile, Lock, LockedState, lock_path};

use crate::source::Source;
use crate::{CannotRun, Outcome, check};

/// Write codes.lock beside codes.toml (app.lock beside app.toml): every released code, to commit
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  hero-codes lock
  hero-codes lock api/codes.toml
  hero-codes lock --accept-breaking

Once codes.lock is committed, every build (the macros), `hero-codes check` and `diff` fail
when a code it lists disappears, changes status or comes back after retirement. Adding
codes, rewording descriptions, deprecating and retiring codes update the lock without
complaint. Exit status 1, and the lock unchanged, when the file breaks the lock, unless
--accept-breaking, which rewrites it and prints what it accepted.")]
pub(crate) struct Args {
    /// The catalog file [default: ./codes.toml]
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,
    /// Rewrite the lock even though the file breaks it: clients of the broken codes break
    #[arg(long)]
    accept_breaking: bool,
}

pub(crate) fn run(args: &Args, out: &mut impl Write) -> Result<Outcome, CannotRun> {
    let path = args.file.as_deref().unwrap_or(Path::new("codes.toml"));
    if !path.is_file() && args.file.is_none() {
        return Err(CannotRun(
            "no codes.toml here: name the catalog file to lock (the built-in catalog ships its own codes.lock)".to_owned(),
        ));
    }
    let source = Source::resolve(Some(path))?;
    // The file's own rules first: a lock is written for a good file only.
    let file = match CatalogFile::parse(&source.text, &source.origin) {
        Ok(file) => file,
        Err(error) => {
            check::write_problems(&error, false, out)?;
            return Ok(Outcome::ProblemFound);
        }
    };
    let lock_path = lock_path(path);
    if let Err(breaks) = source.parse() {
        if !args.accept_breaking {
            check::write_problems(&breaks, false, out)?;
            writeln!(
                out,
                "{} is unchanged: fix the file, or run `hero-codes lock --accept-breaking` to break clients on purpose",
                lock_path.display()
            )?;
            return Ok(Outcome::ProblemFound);
        }
        for problem in breaks.problems() {
            writeln!(out, "accepted: {}", breaks.render(problem))?;
        }
    }
    let lock = Lock::of(&file);
    std::fs::write(&lock_path, lock.render())
        .map_err(|error| CannotRun(format!("cannot write {}: {error}", lock_path.display())))?;
    let count = |wanted: fn(&LockedState) -> bool| {
        lock.codes
            .iter()
            .filter(|locked| wanted(&locked.state))
            .count()
    };
    writeln!(
        out,
        "wrote {}: {} active, {} deprecated, {} retired",
        lock_path.display(),
        count(|state| matches!(state, LockedState::Active(_))),
        count(|state| matches!(state, LockedState::Deprecated(_))),
        count(|state| matches!(state, LockedState::Retired)),
    )?;
    Ok(Outcome::Ok)
}
