//! Which catalog file a subcommand reads, and reading it.

use std::borrow::Cow;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use hero_codes_catalog::{
    BUILTIN_LOCK, BUILTIN_LOCK_ORIGIN, BUILTIN_ORIGIN, BUILTIN_SOURCE, CatalogFile, Error, Lock,
};

use crate::{CannotRun, check};

/// The text of a catalog file and how messages name it.
pub(crate) struct Source {
    pub(crate) text: Cow<'static, str>,
    pub(crate) origin: String,
    /// The `codes.lock` beside the file, if there is one: its text and how messages name it.
    pub(crate) lock: Option<(Cow<'static, str>, String)>,
}

impl Source {
    /// The file at `path`; without one, `./codes.toml` if there is one, else the built-in
    /// catalog, so that the command works in a project and anywhere else.
    pub(crate) fn resolve(path: Option<&Path>) -> Result<Source, CannotRun> {
        let default = PathBuf::from("codes.toml");
        let path = match path {
            Some(path) => path,
            None if default.is_file() => &default,
            None => {
                return Ok(Source {
                    text: Cow::Borrowed(BUILTIN_SOURCE),
                    origin: BUILTIN_ORIGIN.to_owned(),
                    lock: Some((Cow::Borrowed(BUILTIN_LOCK), BUILTIN_LOCK_ORIGIN.to_owned())),
                });
            }
        };
        let text = read(path)?;
        let lock_path = hero_codes_catalog::lock_path(path);
        let lock = match lock_path.is_file() {
            true => Some((read(&lock_path)?, lock_path.display().to_string())),
            false => None,
        };
        Ok(Source {
            text,
            origin: path.display().to_string(),
            lock,
        })
    }

    /// The file, checked by every rule of the macros, and against its `codes.lock` when it
    /// has one, as the macros check it.
    pub(crate) fn parse(&self) -> Result<CatalogFile, Error> {
        match &self.lock {
            Some((text, origin)) => {
                let lock = Lock::parse(text, origin)?;
                CatalogFile::parse_locked(&self.text, &self.origin, &lock)
            }
            None => CatalogFile::parse(&self.text, &self.origin),
        }
    }
}

fn read(path: &Path) -> Result<Cow<'static, str>, CannotRun> {
    std::fs::read_to_string(path)
        .map(Cow::Owned)
        .map_err(|error| {
            CannotRun(Error::unreadable(&path.display().to_string(), &error).to_string())
        })
}

/// A catalog file that follows every rule, and how messages name it.
pub(crate) struct Checked {
    pub(crate) file: CatalogFile,
    pub(crate) origin: String,
}

/// The checked catalog at `path` (see [`Source::resolve`]), or `None` when it has
/// mistakes: those are printed on stderr, as `check` prints them, for the caller to exit 1.
pub(crate) fn checked(path: Option<&Path>) -> Result<Option<Checked>, CannotRun> {
    let source = Source::resolve(path)?;
    match source.parse() {
        Ok(file) => Ok(Some(Checked {
            file,
            origin: source.origin,
        })),
        Err(error) => {
            let stderr = std::io::stderr();
            let color = stderr.is_terminal() && check::color_allowed();
            check::write_problems(&error, color, &mut stderr.lock())?;
            Ok(None)
        }
    }
}
