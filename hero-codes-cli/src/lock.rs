//! `hero-codes lock`: write `codes.lock` beside the catalog file, the record of its released
//! codes that every build then checks. The rules are `hero_codes_catalog::Lock`'s.

use std::io::Write;
use std::path::Path;
use std::time::SystemTime;

use hero_codes_catalog::{Lock, LockedState, lock_path};

use crate::{CannotRun, FileArg, Outcome, check, source};

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
    #[command(flatten)]
    file: FileArg,
    /// Rewrite the lock even though the file breaks it: clients of the broken codes break
    #[arg(long)]
    accept_breaking: bool,
}

pub(crate) fn run(args: &Args, out: &mut impl Write) -> Result<Outcome, CannotRun> {
    let located = source::locate(args.file.file.as_deref())?;
    let Some(path) = located.path.clone() else {
        return Err(CannotRun(
            "no catalog file here to lock: name the file after `hero-codes lock`, or declare the crate's in Cargo.toml under [package.metadata.hero-codes]; the built-in catalog ships its own codes.lock".to_owned(),
        ));
    };
    let lock_name = lock_path(Path::new(&located.origin));
    let source = located
        .read()
        .map_err(|error| CannotRun(error.to_string()))?;
    // The file's own rules first: a lock is written for a good file only.
    let file = match source.check_unlocked() {
        Ok(file) => file,
        Err(error) => {
            check::write_problems(&error, false, out)?;
            return Ok(Outcome::ProblemFound);
        }
    };
    if let Err(breaks) = source.check() {
        if !args.accept_breaking {
            check::write_problems(&breaks, false, out)?;
            // The command as the user can run it again from here, file and all.
            let named = args.file.file.as_ref();
            let file = named.map_or_else(String::new, |file| format!(" {}", file.display()));
            writeln!(
                out,
                "{} is unchanged: fix the file, or run `hero-codes lock --accept-breaking{file}` to break clients on purpose",
                lock_name.display()
            )?;
            return Ok(Outcome::ProblemFound);
        }
        for problem in breaks.problems() {
            writeln!(out, "accepted: {}", breaks.render(problem))?;
        }
    }
    let lock = Lock::of(&file);
    let written = lock_path(&path);
    std::fs::write(&written, lock.render())
        .map_err(|error| CannotRun(format!("cannot write {}: {error}", lock_name.display())))?;
    if let Err(error) = mark_changed(&path) {
        // The lock is written; only the next build's noticing it is at stake.
        let origin = &source.located.origin;
        eprintln!(
            "warning: cannot mark {origin} changed ({error}): run `touch {origin}` so that the next build reads the lock"
        );
    }
    let count = |wanted: fn(&LockedState) -> bool| {
        lock.codes
            .iter()
            .filter(|locked| wanted(&locked.state))
            .count()
    };
    writeln!(
        out,
        "wrote {}: {} active, {} deprecated, {} retired",
        lock_name.display(),
        count(|state| matches!(state, LockedState::Active(_))),
        count(|state| matches!(state, LockedState::Deprecated(_))),
        count(|state| matches!(state, LockedState::Retired)),
    )?;
    Ok(Outcome::Ok)
}

/// Marks the catalog file changed (its modification time, not its text), so that the next
/// `cargo build` runs the macros again and they read the new lock: cargo rebuilds a crate
/// when a file its macros include changes, and a lock that did not exist at the last build
/// was not one of them.
fn mark_changed(catalog: &Path) -> std::io::Result<()> {
    std::fs::File::options()
        .append(true)
        .open(catalog)?
        .set_modified(SystemTime::now())
}
