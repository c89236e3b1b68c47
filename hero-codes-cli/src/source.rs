//! Which catalog file a subcommand reads: the file named on the command line, else the one
//! the macros would read, found by the loader of `hero-codes-catalog` from the working
//! directory (see `Located::for_working_dir`).

use std::io::IsTerminal;
use std::path::Path;

use hero_codes_catalog::{CatalogFile, Located, Source};

use crate::{CannotRun, check};

/// The catalog file `path` names, or without one, the catalog of the crate (or folder)
/// the command runs in.
pub(crate) fn locate(path: Option<&Path>) -> Result<Located, CannotRun> {
    match path {
        Some(path) => Ok(Located::named(path.to_owned(), &path.display().to_string())),
        None => {
            let here = std::env::current_dir().map_err(|error| {
                CannotRun(format!("cannot read the working directory: {error}"))
            })?;
            Located::for_working_dir(&here).map_err(|error| CannotRun(error.to_string()))
        }
    }
}

/// The catalog file (see [`locate`]) read with the `codes.lock` beside it.
pub(crate) fn read(path: Option<&Path>) -> Result<Source, CannotRun> {
    locate(path)?
        .read()
        .map_err(|error| CannotRun(error.to_string()))
}

/// A catalog file that follows every rule, and how messages name it.
pub(crate) struct Checked {
    pub(crate) file: CatalogFile,
    pub(crate) origin: String,
}

/// The checked catalog at `path` (see [`locate`]), or `None` when it has mistakes: those
/// are printed on stderr, as `check` prints them, for the caller to exit 1.
pub(crate) fn checked(path: Option<&Path>) -> Result<Option<Checked>, CannotRun> {
    let source = read(path)?;
    match source.check() {
        Ok(file) => Ok(Some(Checked {
            file,
            origin: source.located.origin,
        })),
        Err(error) => {
            let stderr = std::io::stderr();
            let color = stderr.is_terminal() && check::color_allowed();
            check::write_problems(&error, color, &mut stderr.lock())?;
            Ok(None)
        }
    }
}
