//! `codes.lock`: the codes a catalog file has released, committed beside it (`app.lock`
//! beside `app.toml`), so that no build can remove, renumber or reuse one unseen.
//!
//! One line per code, in file order: catalog, code, HTTP status (`-` once retired), variant
//! name and state (`active`, `deprecated` or `retired`). Lines starting `#` are comments.
//!
//! ```text
//! ResultCode 10102 401 InvalidToken deprecated
//! ResultCode 10106 - SessionRevoked retired
//! ```

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostics, Error, Span};
use crate::model::{Catalog, CatalogFile};
use crate::validate::retired_code_is_back;

/// Where the lock of the catalog file at `catalog` is: beside it, with the extension
/// `.lock`, so that two catalog files in one folder have a lock each.
///
/// ```
/// use std::path::Path;
/// assert_eq!(hero_codes_catalog::lock_path(Path::new("api/codes.toml")), Path::new("api/codes.lock"));
/// ```
pub fn lock_path(catalog: &Path) -> PathBuf {
    catalog.with_extension("lock")
}

const HEADER: &str = "\
# The codes released from the catalog file beside this lock, written by
# `hero-codes lock`; commit it. Builds fail when a code here disappears, changes status or
# comes back after retirement: deprecate or retire codes instead (README: Changing codes safely).
# catalog code status name state
";

/// The released codes of a catalog file, as `codes.lock` records them.
///
/// ```
/// use hero_codes_catalog::{CatalogFile, Lock};
///
/// let text = r#"[catalogs.App]
/// codes = [
///     { code = "0",   name = "Ok",       status = 200, desc = "成功" },
///     { code = "404", name = "NotFound", status = 404, desc = "不存在", deprecated = "use 410" },
/// ]
/// retired = [{ code = "7", name = "Legacy", reason = "the v1 API is gone" }]"#;
/// let file = CatalogFile::parse(text, "codes.toml").unwrap();
/// let lock = Lock::of(&file).render();
/// assert!(lock.ends_with("App 0 200 Ok active\nApp 404 404 NotFound deprecated\nApp 7 - Legacy retired\n"));
/// assert_eq!(Lock::parse(&lock, "codes.lock").unwrap(), Lock::of(&file));
///
/// // Removing a released code without retiring it is an error at its catalog.
/// let removed = text.replace(r#"{ code = "404", name = "NotFound", status = 404, desc = "不存在", deprecated = "use 410" },"#, "");
/// let error = CatalogFile::parse_locked(&removed, "codes.toml", &Lock::of(&file)).unwrap_err();
/// assert!(error.to_string().starts_with(
///     "codes.toml:1:11: code `404` of App (`NotFound`, status 404) is released in codes.lock and is no longer in the file"
/// ));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lock {
    /// The released codes, in the order the lock lists them.
    pub codes: Vec<LockedCode>,
}

/// One line of `codes.lock`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockedCode {
    /// The catalog the code belongs to.
    pub catalog: String,
    /// The code.
    pub code: String,
    /// The variant name it was released under.
    pub name: String,
    /// Whether it is in service, deprecated or retired, and its status while in service.
    pub state: LockedState,
}

/// The state of a released code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockedState {
    /// In service, answering with this HTTP status.
    Active(u16),
    /// In service with this HTTP status, marked `deprecated`.
    Deprecated(u16),
    /// Listed in `retired`: never to be defined again.
    Retired,
}

impl LockedState {
    fn status(self) -> Option<u16> {
        match self {
            LockedState::Active(status) | LockedState::Deprecated(status) => Some(status),
            LockedState::Retired => None,
        }
    }

    fn key(self) -> &'static str {
        match self {
            LockedState::Active(_) => "active",
            LockedState::Deprecated(_) => "deprecated",
            LockedState::Retired => "retired",
        }
    }
}

impl Lock {
    /// The lock of `file`: every code it defines, then every code it retired, catalog by
    /// catalog.
    pub fn of(file: &CatalogFile) -> Lock {
        let mut codes = Vec::new();
        for catalog in &file.catalogs {
            let catalog_name = &catalog.name.value;
            codes.extend(catalog.codes.iter().map(|entry| LockedCode {
                catalog: catalog_name.clone(),
                code: entry.code.value.clone(),
                name: entry.name.value.clone(),
                state: match entry.deprecated {
                    Some(_) => LockedState::Deprecated(entry.status.value),
                    None => LockedState::Active(entry.status.value),
                },
            }));
            codes.extend(catalog.retired.iter().map(|retired| LockedCode {
                catalog: catalog_name.clone(),
                code: retired.code.value.clone(),
                name: retired.name.value.clone(),
                state: LockedState::Retired,
            }));
        }
        Lock { codes }
    }

    /// The text of `codes.lock`: a header, then one line per code.
    pub fn render(&self) -> String {
        let mut text = HEADER.to_owned();
        for locked in &self.codes {
            let status = locked
                .state
                .status()
                .map_or_else(|| "-".to_owned(), |status| status.to_string());
            text.push_str(&format!(
                "{} {} {status} {} {}\n",
                locked.catalog,
                locked.code,
                locked.name,
                locked.state.key()
            ));
        }
        text
    }

    /// Reads the text of a `codes.lock`; `origin` names it in messages.
    ///
    /// # Errors
    /// Every line that is not `catalog code status name state`.
    pub fn parse(text: &str, origin: &str) -> Result<Lock, Error> {
        let mut diagnostics = Diagnostics::new(text);
        let mut codes = Vec::new();
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            let span = Span {
                start,
                end: start + line.trim_end().len(),
            };
            start += line.len();
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            match parse_line(line) {
                Ok(locked) => codes.push(locked),
                Err(message) => diagnostics.push(span, message),
            }
        }
        match diagnostics.into_error(origin) {
            Some(error) => Err(error),
            None => Ok(Lock { codes }),
        }
    }

    /// Reports, at the line of the catalog file that `file` came from, every way the file
    /// breaks this lock: a released code that is neither defined nor retired, a code whose
    /// status changed, and a retired code defined again. Messages name the lock `lock_name`.
    /// `way_out` ends each message: how to break clients on purpose, e.g.
    /// ``run `hero-codes lock --accept-breaking` ``.
    pub(crate) fn check(
        &self,
        file: &CatalogFile,
        lock_name: &str,
        way_out: &str,
        diagnostics: &mut Diagnostics,
    ) {
        let on_purpose = format!("; to break clients on purpose, {way_out}");
        for locked in &self.codes {
            let catalog = file.catalog(&locked.catalog);
            let entry = catalog.and_then(|catalog| catalog.entry(&locked.code));
            let retired = catalog.and_then(|catalog| catalog.retired_code(&locked.code));
            match (locked.state, entry, retired) {
                // A code on a line that could not be read is not gone: that line is reported.
                (_, None, None)
                    if catalog.is_some_and(|catalog| catalog.may_be_unread(&locked.code)) => {}
                (_, None, None) => {
                    let at = catalog.map_or(Span { start: 0, end: 0 }, |catalog| catalog.name.span);
                    diagnostics.push(at, gone(locked, catalog, lock_name) + &on_purpose);
                }
                (LockedState::Retired, Some(entry), None) => diagnostics.push(
                    entry.code.span,
                    retired_code_is_back(
                        &locked.catalog,
                        &locked.code,
                        &format!("in {lock_name}, as `{}`", locked.name),
                    ) + &on_purpose,
                ),
                (LockedState::Active(status) | LockedState::Deprecated(status), Some(entry), _)
                    if entry.status.value != status =>
                {
                    let now = entry.status.value;
                    diagnostics.push(
                        entry.status.span,
                        format!(
                            "code `{}` of {} (`{}`) is released in {lock_name} with status {status}, not {now}: clients branch on it; restore status {status}, or deprecate this code (`deprecated = \"use ...\"`) and add a new code with status {now}{on_purpose}",
                            locked.code, locked.catalog, locked.name
                        ),
                    );
                }
                _ => {}
            }
        }
    }
}

/// The way to break clients on purpose that messages give when the caller names none: the
/// command run where it finds the file by itself.
pub(crate) const ACCEPT_BREAKING: &str = "run `hero-codes lock --accept-breaking`";

/// The message for a released code that the file neither defines nor retires.
fn gone(locked: &LockedCode, catalog: Option<&Catalog>, lock_name: &str) -> String {
    let (code, name) = (&locked.code, &locked.name);
    let whose = match catalog {
        Some(_) => locked.catalog.clone(),
        None => format!("{}, a catalog no longer in the file", locked.catalog),
    };
    let retire =
        format!("`{{ code = \"{code}\", name = \"{name}\", reason = \"...\" }}` in `retired`");
    match locked.state.status() {
        Some(status) => format!(
            "code `{code}` of {whose} (`{name}`, status {status}) is released in {lock_name} and is no longer in the file: restore its line in `codes`, or retire it properly with {retire}"
        ),
        None => format!(
            "code `{code}` of {whose} (`{name}`) is retired in {lock_name} and is no longer in `retired`: put {retire} back, so the code is never reused"
        ),
    }
}

fn parse_line(line: &str) -> Result<LockedCode, String> {
    let fields: Vec<&str> = line.split_whitespace().collect();
    let [catalog, code, status, name, state] = fields[..] else {
        return Err(format!(
            "expected five fields, `catalog code status name state`, found {}: write the lock with `hero-codes lock`",
            fields.len()
        ));
    };
    let status = match status {
        "-" => None,
        number => Some(number.parse::<u16>().map_err(|_| {
            format!("`{number}` is not an HTTP status: write the status, or `-` for a retired code")
        })?),
    };
    let state = match (state, status) {
        ("active", Some(status)) => LockedState::Active(status),
        ("deprecated", Some(status)) => LockedState::Deprecated(status),
        ("retired", None) => LockedState::Retired,
        ("active" | "deprecated", None) => {
            return Err(format!(
                "code `{code}` is {state} but has no status: write its HTTP status instead of `-`"
            ));
        }
        ("retired", Some(_)) => {
            return Err(format!(
                "code `{code}` is retired but has a status: write `-` as its status"
            ));
        }
        (other, _) => {
            return Err(format!(
                "unknown state `{other}`: write `active`, `deprecated` or `retired`"
            ));
        }
    };
    Ok(LockedCode {
        catalog: catalog.to_owned(),
        code: code.to_owned(),
        name: name.to_owned(),
        state,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"[catalogs.App]
codes = [
    { code = "0",   name = "Ok",       status = 200, desc = "成功" },
    { code = "404", name = "NotFound", status = 404, desc = "不存在" },
]
retired = [{ code = "7", name = "Legacy", reason = "the v1 API is gone" }]
"#;

    fn lock() -> Lock {
        Lock::of(&CatalogFile::parse(FILE, "codes.toml").unwrap())
    }

    fn problems(text: &str) -> Vec<String> {
        match CatalogFile::parse_locked(text, "codes.toml", &lock()) {
            Ok(_) => Vec::new(),
            Err(error) => error.problems().iter().map(|p| error.render(p)).collect(),
        }
    }

    #[test]
    fn adding_rewording_deprecating_and_retiring_are_not_breaks() {
        let text = FILE
            .replace("不存在", "资源不存在\", deprecated = \"use 410")
            .replace(
                "]\nretired",
                "    { code = \"410\", name = \"Gone\", status = 404, desc = \"已删除\" },\n]\nretired",
            );
        assert_eq!(problems(&text), Vec::<String>::new());
        let retired = FILE
            .replace("    { code = \"404\", name = \"NotFound\", status = 404, desc = \"不存在\" },\n", "")
            .replace("reason = \"the v1 API is gone\" }", "reason = \"the v1 API is gone\" }, { code = \"404\", name = \"NotFound\", reason = \"merged\" }");
        assert_eq!(problems(&retired), Vec::<String>::new());
    }

    #[test]
    fn a_changed_status_is_an_error_at_the_status() {
        let problems = problems(&FILE.replace("status = 404", "status = 410"));
        assert_eq!(problems.len(), 1);
        assert!(problems[0].starts_with("codes.toml:4:49: code `404` of App (`NotFound`) is released in codes.lock with status 404, not 410"), "{problems:?}");
    }

    #[test]
    fn a_retired_code_that_comes_back_or_leaves_retired_is_an_error() {
        let back = FILE
            .replace("retired = [{ code = \"7\", name = \"Legacy\", reason = \"the v1 API is gone\" }]\n", "")
            .replace(
                "desc = \"不存在\" },\n",
                "desc = \"不存在\" },\n    { code = \"7\", name = \"Seven\", status = 404, desc = \"七\" },\n",
            );
        let problems = problems(&back);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with(
                "codes.toml:5:14: code `7` was retired from App (in codes.lock, as `Legacy`)"
            ),
            "{problems:?}"
        );

        let dropped = FILE.replace(
            "retired = [{ code = \"7\", name = \"Legacy\", reason = \"the v1 API is gone\" }]\n",
            "",
        );
        let problems = self::problems(&dropped);
        assert!(problems[0].starts_with("codes.toml:1:11: code `7` of App (`Legacy`) is retired in codes.lock and is no longer in `retired`"), "{problems:?}");
    }

    /// CI's guard: the built-in catalog and the `codes.lock` it ships agree. After a
    /// change to `codes.toml`, run `hero-codes lock codes.toml` at the workspace root.
    #[test]
    fn the_builtin_lock_records_the_builtin_catalog() {
        let builtin = CatalogFile::builtin().unwrap();
        assert_eq!(Lock::of(&builtin).render(), crate::BUILTIN_LOCK);
    }

    #[test]
    fn a_malformed_lock_line_is_reported_at_its_line() {
        let error = Lock::parse(
            "# lock\nApp 0 200 Ok\nApp 7 404 Legacy retired\nApp 1 abc X active\n",
            "codes.lock",
        )
        .unwrap_err();
        let lines: Vec<String> = error.problems().iter().map(|p| error.render(p)).collect();
        assert_eq!(
            lines,
            [
                "codes.lock:2:1: expected five fields, `catalog code status name state`, found 4: write the lock with `hero-codes lock`",
                "codes.lock:3:1: code `7` is retired but has a status: write `-` as its status",
                "codes.lock:4:1: `abc` is not an HTTP status: write the status, or `-` for a retired code",
            ]
        );
    }
}
