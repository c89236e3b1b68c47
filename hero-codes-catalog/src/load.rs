//! Finding and reading a crate's catalog file: the one way the macros and every subcommand
//! of the command choose the file, read the `codes.lock` beside it and learn which files to
//! track.
//!
//! A crate's catalog is, in this order and nothing else:
//! 1. the file its `Cargo.toml` declares in `[package.metadata.hero-codes] catalog = "..."`;
//! 2. an error, if the crate holds a `codes.toml` that it does not declare (cargo could not
//!    see it appear, so using it silently would go stale);
//! 3. the built-in catalog.

use std::borrow::Cow;
use std::path::{Component, Path, PathBuf};

use crate::diagnostic::Error;
use crate::include::{Attached, join, references};
use crate::lock::{ACCEPT_BREAKING, Lock, lock_path};
use crate::manifest::declared_catalog;
use crate::model::CatalogFile;
use crate::{BUILTIN_LOCK, BUILTIN_LOCK_ORIGIN, BUILTIN_ORIGIN, BUILTIN_SOURCE};

/// How a catalog file was chosen, which [`Located::describe`] says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Named by the user: a command-line argument, `include_catalog!("...")` or
    /// `#[api(file = "...")]`.
    Named,
    /// Declared in the crate's `Cargo.toml`, which is kept here to be tracked.
    Declared {
        /// The absolute path of that `Cargo.toml`.
        manifest: PathBuf,
        /// How messages name it, as they name the file.
        manifest_origin: String,
    },
    /// The `codes.toml` of a folder that is in no crate (the command only).
    Folder,
    /// No file: the built-in catalog. `manifest` is the crate's `Cargo.toml` when a crate
    /// was searched, tracked so that declaring a catalog later is seen.
    BuiltIn {
        /// The absolute path of the crate's `Cargo.toml`, if there is a crate.
        manifest: Option<PathBuf>,
    },
}

/// A catalog file, found but not yet read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located {
    /// Where the file is; `None` for the built-in catalog.
    pub path: Option<PathBuf>,
    /// How messages name the file: relative to the folder given as `base`, `/`-separated.
    pub origin: String,
    /// How it was chosen.
    pub choice: Choice,
}

impl Located {
    /// The file at `path` (absolute, or relative to the working directory), named `origin`
    /// in messages.
    pub fn named(path: PathBuf, origin: &str) -> Located {
        Located {
            path: Some(path),
            origin: origin.to_owned(),
            choice: Choice::Named,
        }
    }

    /// The catalog of the crate in `crate_dir` (the folder of its `Cargo.toml`), named in
    /// messages relative to `base`: the crate itself for a macro, the working directory for
    /// the command.
    ///
    /// ```
    /// use hero_codes_catalog::{Choice, Located};
    ///
    /// let dir = std::env::temp_dir().join(format!("hero-codes-locate-{}", std::process::id()));
    /// std::fs::create_dir_all(dir.join("api")).unwrap();
    /// std::fs::write(dir.join("Cargo.toml"), "[package]\nname = \"shop\"\n").unwrap();
    /// // Nothing declared, nothing there: the built-in catalog.
    /// let builtin = Located::in_crate(&dir, &dir).unwrap();
    /// assert_eq!(builtin.describe(), "codes.toml (built-in)");
    ///
    /// // A codes.toml the crate does not declare is an error, not a silent fallback.
    /// std::fs::write(dir.join("api/codes.toml"), "").unwrap();
    /// let error = Located::in_crate(&dir, &dir).unwrap_err();
    /// assert!(error.to_string().contains("`api/codes.toml`, but its Cargo.toml does not declare it"));
    ///
    /// std::fs::write(
    ///     dir.join("Cargo.toml"),
    ///     "[package]\nname = \"shop\"\n\n[package.metadata.hero-codes]\ncatalog = \"api/codes.toml\"\n",
    /// ).unwrap();
    /// let declared = Located::in_crate(&dir, &dir.join("src")).unwrap();
    /// assert_eq!(declared.describe(), "../api/codes.toml (declared in ../Cargo.toml)");
    /// std::fs::remove_dir_all(&dir).unwrap();
    /// ```
    ///
    /// # Errors
    /// `Cargo.toml` cannot be read, its `[package.metadata.hero-codes]` is wrong, or the
    /// crate holds a `codes.toml` it does not declare.
    pub fn in_crate(crate_dir: &Path, base: &Path) -> Result<Located, Error> {
        let manifest = crate_dir.join("Cargo.toml");
        let manifest_origin = relative(base, &manifest);
        let text = std::fs::read_to_string(&manifest).map_err(|error| {
            Error::unlocated(&manifest_origin, format!("cannot read it: {error}"))
        })?;
        let declared = declared_catalog(&text)
            .map_err(|message| Error::unlocated(&manifest_origin, message))?;
        if let Some(written) = declared {
            let path = crate_dir.join(&written);
            return Ok(Located {
                origin: relative(base, &path),
                path: Some(path),
                choice: Choice::Declared {
                    manifest,
                    manifest_origin,
                },
            });
        }
        match undeclared_catalog_file(crate_dir) {
            Some(undeclared) => Err(Error::unlocated(
                &manifest_origin,
                format!(
                    "this crate has a catalog file, `{undeclared}`, but its Cargo.toml does not declare it: declare it in Cargo.toml as\n[package.metadata.hero-codes]\ncatalog = \"{undeclared}\""
                ),
            )),
            None => Ok(Located::builtin(Some(manifest))),
        }
    }

    /// The catalog the command reads when no file is named, run in `working_dir`: the
    /// catalog of the crate whose `Cargo.toml` is nearest, walking up as cargo does (see
    /// [`Located::in_crate`]); outside any crate, `./codes.toml` if there is one (a project
    /// in another language), else the built-in catalog.
    ///
    /// # Errors
    /// As [`Located::in_crate`].
    pub fn for_working_dir(working_dir: &Path) -> Result<Located, Error> {
        if let Some(crate_dir) = crate_dir_of(working_dir) {
            return Located::in_crate(&crate_dir, working_dir);
        }
        let here = working_dir.join("codes.toml");
        Ok(match here.is_file() {
            true => Located {
                path: Some(here),
                origin: "codes.toml".to_owned(),
                choice: Choice::Folder,
            },
            false => Located::builtin(None),
        })
    }

    fn builtin(manifest: Option<PathBuf>) -> Located {
        Located {
            path: None,
            origin: BUILTIN_ORIGIN.to_owned(),
            choice: Choice::BuiltIn { manifest },
        }
    }

    /// The file's name and how it was chosen, as the command reports it:
    /// `api/codes.toml (declared in Cargo.toml)`, `codes.toml (built-in)`.
    pub fn describe(&self) -> String {
        match &self.choice {
            Choice::Declared {
                manifest_origin, ..
            } => format!("{} (declared in {manifest_origin})", self.origin),
            _ => self.origin.clone(),
        }
    }

    /// Reads the file and the `codes.lock` beside it, if there is one.
    ///
    /// # Errors
    /// The file, or a lock that is there, cannot be read.
    pub fn read(self) -> Result<Source, Error> {
        let Some(path) = &self.path else {
            return Ok(Source {
                text: Cow::Borrowed(BUILTIN_SOURCE),
                lock: Some((Cow::Borrowed(BUILTIN_LOCK), BUILTIN_LOCK_ORIGIN.to_owned())),
                attached: Vec::new(),
                located: self,
            });
        };
        let text = std::fs::read_to_string(path)
            .map_err(|error| Error::unreadable(&self.origin, &error))?;
        let lock_origin = lock_path(Path::new(&self.origin))
            .to_string_lossy()
            .into_owned();
        let lock = match std::fs::read_to_string(lock_path(path)) {
            Ok(lock) => Some((Cow::Owned(lock), lock_origin)),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
            Err(error) => return Err(Error::unreadable(&lock_origin, &error)),
        };
        let attached = self.attached(path, &text);
        Ok(Source {
            text: Cow::Owned(text),
            lock,
            attached,
            located: self,
        })
    }

    /// Every file the catalog file at `path`, whose text is `text`, names: the files it
    /// includes, and the Markdown files of its codes and of theirs. A file that cannot be
    /// read is attached with the reason, which the check reports at the line naming it.
    fn attached(&self, path: &Path, text: &str) -> Vec<Attached> {
        let folder = path.parent().unwrap_or(Path::new(""));
        let read = |relative: String| Attached {
            text: std::fs::read_to_string(folder.join(&relative))
                .map_err(|error| error.to_string()),
            origin: join(&self.origin, &relative),
            path: relative,
        };
        let named = references(text, "");
        let mut attached: Vec<Attached> = named.includes.into_iter().map(read).collect();
        let mut documents = named.documents;
        for included in &attached {
            if let Ok(text) = &included.text {
                documents.extend(references(text, &included.path).documents);
            }
        }
        attached.extend(documents.into_iter().map(read));
        attached
    }
}

/// A catalog file read with its lock: everything a macro or a subcommand needs to check it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The file and how it was chosen.
    pub located: Located,
    /// Its text.
    pub text: Cow<'static, str>,
    /// The text of the `codes.lock` beside it, if there is one, and how messages name it.
    pub lock: Option<(Cow<'static, str>, String)>,
    /// The files it names, as read: see [`crate::references`].
    pub attached: Vec<Attached>,
}

impl Source {
    /// The file checked by every rule, and against its lock when it has one.
    ///
    /// ```
    /// use hero_codes_catalog::{Located, Source};
    /// let source = Located::for_working_dir(std::path::Path::new("/")).unwrap().read().unwrap();
    /// let file = source.check().unwrap();
    /// assert_eq!(file.catalogs.len(), 2);
    /// ```
    ///
    /// # Errors
    /// Every problem of the file, or of its lock, as [`CatalogFile::parse_locked`] gives them.
    pub fn check(&self) -> Result<CatalogFile, Error> {
        let origin = &self.located.origin;
        let lock = self.lock()?;
        let way_out = self.way_out();
        let lock = lock.as_ref().map(|lock| (lock, way_out.as_str()));
        CatalogFile::parse_checked(&self.text, origin, &self.attached, lock)
    }

    /// The lock beside the file, read, if there is one.
    pub(crate) fn lock(&self) -> Result<Option<Lock>, Error> {
        match &self.lock {
            Some((text, lock_origin)) => Ok(Some(Lock::parse(text, lock_origin)?)),
            None => Ok(None),
        }
    }

    /// How a lock message says to break clients on purpose: a command that finds this
    /// file from where the reader is (the crate or folder for a file found there, the file's
    /// name when it was named).
    pub(crate) fn way_out(&self) -> String {
        match &self.located.choice {
            Choice::Named => format!("run `hero-codes lock --accept-breaking {}`", self.located.origin),
            Choice::Declared { .. } | Choice::Folder => ACCEPT_BREAKING.to_owned(),
            Choice::BuiltIn { .. } => "run `hero-codes lock --accept-breaking codes.toml` at the root of the hero-codes workspace".to_owned(),
        }
    }

    /// The absolute paths whose change must rebuild a crate that uses this file: the file,
    /// its lock when there is one, the files it names that could be read (included catalog
    /// files, Markdown documentation), and the `Cargo.toml` that chose it (or chose none).
    /// Empty for the built-in catalog of a crate-less folder: it reaches the macros
    /// through this crate.
    pub fn tracked(&self) -> Vec<PathBuf> {
        let mut tracked: Vec<PathBuf> = self.located.path.iter().cloned().collect();
        if let (Some(path), Some(_)) = (&self.located.path, &self.lock) {
            tracked.push(lock_path(path));
        }
        if let Some(folder) = self.located.path.as_ref().and_then(|path| path.parent()) {
            let read = self
                .attached
                .iter()
                .filter(|attached| attached.text.is_ok());
            tracked.extend(read.map(|attached| folder.join(&attached.path)));
        }
        match &self.located.choice {
            Choice::Declared { manifest, .. }
            | Choice::BuiltIn {
                manifest: Some(manifest),
            } => tracked.push(manifest.clone()),
            _ => {}
        }
        tracked
    }
}

/// The folder of the nearest `Cargo.toml` of a package at or above `dir`, as cargo finds
/// the package to build. A workspace's own manifest, with no `[package]`, is no crate.
fn crate_dir_of(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .find(|folder| {
            std::fs::read_to_string(folder.join("Cargo.toml")).is_ok_and(|text| {
                text.parse::<toml::Table>()
                    .is_ok_and(|manifest| manifest.contains_key("package"))
            })
        })
        .map(Path::to_owned)
}

/// A `codes.toml` inside the crate (beside `Cargo.toml` or a few folders down, not in
/// `target`, hidden folders or other packages), relative to the crate, `/`-separated.
fn undeclared_catalog_file(crate_dir: &Path) -> Option<String> {
    const MAX_DEPTH: usize = 4;
    let mut folders = vec![(crate_dir.to_owned(), 0)];
    while let Some((folder, depth)) = folders.pop() {
        if folder.join("codes.toml").is_file() {
            return Some(relative(crate_dir, &folder.join("codes.toml")));
        }
        if depth == MAX_DEPTH {
            continue;
        }
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        let mut children: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_dir()))
            .map(|entry| entry.path())
            .filter(|path| {
                let name = path.file_name().map(|name| name.to_string_lossy());
                let skipped = name.is_some_and(|name| {
                    name.starts_with('.') || name == "target" || name == "node_modules"
                });
                !skipped && !path.join("Cargo.toml").exists()
            })
            .collect();
        children.sort();
        folders.extend(children.into_iter().rev().map(|child| (child, depth + 1)));
    }
    None
}

/// `path` as seen from the folder `base`, `/`-separated: `api/codes.toml`,
/// `../api/codes.toml`. Both are absolute, or both relative to the same folder.
fn relative(base: &Path, path: &Path) -> String {
    let base: Vec<Component<'_>> = base.components().collect();
    let path: Vec<Component<'_>> = path.components().collect();
    let shared = base.iter().zip(&path).take_while(|(a, b)| a == b).count();
    let parts: Vec<String> = std::iter::repeat_n("..".to_owned(), base.len() - shared)
        .chain(
            path[shared..]
                .iter()
                .map(|part| part.as_os_str().to_string_lossy().into_owned()),
        )
        .collect();
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::relative;
    use std::path::Path;

    #[test]
    fn names_a_file_from_a_folder() {
        let name = |base: &str, path: &str| relative(Path::new(base), Path::new(path));
        assert_eq!(name("/shop", "/shop/api/codes.toml"), "api/codes.toml");
        assert_eq!(
            name("/shop/src", "/shop/api/codes.toml"),
            "../api/codes.toml"
        );
        assert_eq!(
            name("/shop/src/bin", "/shop/Cargo.toml"),
            "../../Cargo.toml"
        );
        assert_eq!(name("/a/b", "/a/c/codes.toml"), "../c/codes.toml");
    }
}
