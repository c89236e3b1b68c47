//! Which catalogue file a subcommand reads, and reading it.

use std::borrow::Cow;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use hero_codes_catalog::{BUILTIN_ORIGIN, BUILTIN_SOURCE, CatalogFile, Error};

use crate::{CannotRun, check};

/// The text of a catalogue file and how messages name it.
pub(crate) struct Source {
    pub(crate) text: Cow<'static, str>,
    pub(crate) origin: String,
}

impl Source {
    /// The file at `path`; without one, `./codes.toml` if there is one, else the built-in
    /// catalogue, so that the command works in a project and anywhere else.
    pub(crate) fn resolve(path: Option<&Path>) -> Result<Source, CannotRun> {
        let default = PathBuf::from("codes.toml");
        let path = match path {
            Some(path) => path,
            None if default.is_file() => &default,
            None => {
                return Ok(Source {
                    text: Cow::Borrowed(BUILTIN_SOURCE),
                    origin: BUILTIN_ORIGIN.to_owned(),
                });
            }
        };
        let origin = path.display().to_string();
        match std::fs::read_to_string(path) {
            Ok(text) => Ok(Source {
                text: Cow::Owned(text),
                origin,
            }),
            Err(error) => Err(CannotRun(Error::unreadable(&origin, &error).to_string())),
        }
    }

    /// The file, checked by every rule of the macros.
    pub(crate) fn parse(&self) -> Result<CatalogFile, Error> {
        CatalogFile::parse(&self.text, &self.origin)
    }
}

/// A catalogue file that follows every rule, and how messages name it.
pub(crate) struct Checked {
    pub(crate) file: CatalogFile,
    pub(crate) origin: String,
}

/// The checked catalogue at `path` (see [`Source::resolve`]), or `None` when it has
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
