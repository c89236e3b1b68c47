//! A catalog file with the files it names: the catalog files it takes catalogs from
//! (`include = ["../shared/spec.toml"]`) and the Markdown files that document its codes
//! (`doc_file = "codes/10400.md"`).
//!
//! Reading files is the loader's ([`crate::Located::read`]): it reads every file a text
//! names ([`references`]) and hands their texts over as [`Attached`], so that checking stays
//! a function of texts. An included file's text is placed in the same [`Diagnostics`] as the
//! file that includes it, so every rule reports a mistake there at its own line.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use crate::diagnostic::{Diagnostics, Spanned};
use crate::model::{Catalog, CatalogFile, Include};
use crate::parse;
use crate::shift::Shift;
use crate::suggest::closest;
use crate::wording::quoted_list;

/// A file that a catalog file names, as the loader read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attached {
    /// Where it is, from the folder of the catalog file being checked, `/`-separated and
    /// without `.` (see [`join`]): `../shared/spec.toml`, `codes/10400.md`.
    pub path: String,
    /// How messages name it.
    pub origin: String,
    /// Its text, or why it could not be read.
    pub text: Result<String, String>,
}

/// The files a catalog file's text names, each as [`Attached::path`] writes it: the files
/// it includes, and the Markdown files of its codes. `path` is where the text itself is,
/// from the folder of the file being checked (empty for that file).
///
/// ```
/// let text = r#"include = ["../shared/spec.toml"]
/// [catalogs.App]
/// codes = [{ code = "0", name = "Ok", status = 200, desc = "成功", doc_file = "codes/0.md" }]"#;
/// let names = hero_codes_catalog::references(text, "");
/// assert_eq!(names.includes, ["../shared/spec.toml"]);
/// assert_eq!(names.documents, ["codes/0.md"]);
/// // The same text, included from `../shared/spec.toml`, names its files from there.
/// assert_eq!(hero_codes_catalog::references(text, "../shared/spec.toml").documents, ["../shared/codes/0.md"]);
/// ```
pub fn references(text: &str, path: &str) -> References {
    // The loader runs for every macro invocation, and the macros of a crate read the same
    // file: the last text's answer is kept. Comparing texts is a `memcmp`, where searching
    // one for a key, in a proc macro built without optimisation, cost a derive more than
    // all the code it generates.
    type Last = (String, String, References);
    static LAST: Mutex<Option<Last>> = Mutex::new(None);
    let mut last = LAST.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((last_text, last_path, named)) = last.as_ref()
        && last_text == text
        && last_path == path
    {
        return named.clone();
    }
    let named = find_references(text, path);
    *last = Some((text.to_owned(), path.to_owned(), named.clone()));
    named
}

fn find_references(text: &str, path: &str) -> References {
    // Only a text that writes one of these keys names a file: most catalog files need no
    // second parse to say they name none.
    if !["include", "doc_file"].iter().any(|key| text.contains(key)) {
        return References::default();
    }
    remembered(text, path, || read_references(text, path))
}

/// The references of `text` at `path`, which `find` reads, remembered for the last text
/// seen at each path in this process: every macro of a crate loads its catalog, and a debug
/// build of the macros takes most of a millisecond to parse a catalog of 9 KB again (300
/// loads of the built-in catalog with an `include`: 258 ms, then 1.3 ms remembered).
fn remembered(text: &str, path: &str, find: impl FnOnce() -> References) -> References {
    type Seen = HashMap<String, (String, References)>;
    static SEEN: Mutex<Option<Seen>> = Mutex::new(None);
    let mut seen = SEEN.lock().unwrap_or_else(PoisonError::into_inner);
    let seen = seen.get_or_insert_with(HashMap::new);
    match seen.get(path) {
        Some((known, references)) if known == text => references.clone(),
        _ => {
            let references = find();
            seen.insert(path.to_owned(), (text.to_owned(), references.clone()));
            references
        }
    }
}

/// The files `text` at `path` names, found by reading it.
fn read_references(text: &str, path: &str) -> References {
    let mut ignored = Diagnostics::new(text);
    let attachments = Attachments::new(path, &[]);
    let Some(file) = parse::read(text, &attachments, &mut ignored) else {
        return References::default();
    };
    let documents = file
        .catalogs
        .iter()
        .flat_map(|catalog| &catalog.codes)
        .filter_map(|entry| entry.doc_file.as_ref())
        .filter(|written| is_relative(&written.value))
        .map(|written| attachments.path_of(&written.value))
        .collect();
    let includes = file
        .includes
        .iter()
        .filter(|include| is_relative(&include.path.value))
        .map(|include| attachments.path_of(&include.path.value))
        .collect();
    References {
        includes,
        documents,
    }
}

/// The files a catalog file names: see [`references`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct References {
    /// The catalog files it includes.
    pub includes: Vec<String>,
    /// The Markdown files of its codes' documentation.
    pub documents: Vec<String>,
}

/// `written`, a path relative to the folder of the file at `path`, as a path from the
/// folder that `path` is relative to: `/`-separated, `..` kept only where it leaves that
/// folder.
///
/// ```
/// use hero_codes_catalog::join;
/// assert_eq!(join("", "../shared/spec.toml"), "../shared/spec.toml");
/// assert_eq!(join("../shared/spec.toml", "codes/10400.md"), "../shared/codes/10400.md");
/// assert_eq!(join("a/codes.toml", "./../b/./x.toml"), "b/x.toml");
/// assert_eq!(join("/srv/pay/codes.toml", "../shared/spec.toml"), "/srv/shared/spec.toml");
/// ```
pub fn join(path: &str, written: &str) -> String {
    let root = if path.starts_with('/') { "/" } else { "" };
    let mut parts: Vec<&str> = path.split('/').filter(|part| !part.is_empty()).collect();
    parts.pop(); // the file's own name
    for part in written.split('/') {
        match part {
            "" | "." => {}
            ".." if parts.last().is_some_and(|last| *last != "..") => {
                parts.pop();
            }
            part => parts.push(part),
        }
    }
    format!("{root}{}", parts.join("/"))
}

/// Whether `written` is a path relative to a folder: not absolute, not a URL.
fn is_relative(written: &str) -> bool {
    !written.starts_with('/') && !written.starts_with('\\') && !written.contains(':')
}

/// The files attached to a check, seen from the file being read (at `path`).
pub(crate) struct Attachments<'a> {
    path: String,
    files: &'a [Attached],
}

impl<'a> Attachments<'a> {
    pub(crate) fn new(path: &str, files: &'a [Attached]) -> Self {
        Attachments {
            path: path.to_owned(),
            files,
        }
    }

    fn path_of(&self, written: &str) -> String {
        join(&self.path, written)
    }

    /// The file `written` names, reporting a path that is not relative and a file the loader
    /// could not read (or was not asked to).
    pub(crate) fn file(
        &self,
        written: &Spanned<String>,
        diagnostics: &mut Diagnostics,
    ) -> Option<&'a Attached> {
        if !is_relative(&written.value) {
            diagnostics.push(
                written.span,
                format!(
                    "`{}` is not a relative path: name the file relative to the folder of this file, e.g. `../shared/codes.toml`",
                    written.value
                ),
            );
            return None;
        }
        let path = self.path_of(&written.value);
        let found = self.files.iter().find(|file| file.path == path);
        let problem = match found.map(|file| &file.text) {
            Some(Ok(_)) => return found,
            Some(Err(why)) => format!(
                "cannot read `{}`: {why}; the path is relative to the folder of this file",
                written.value
            ),
            None => format!(
                "`{}` was not read: a catalog file that names other files is read by the loader (`Located::read`, or `hero-codes check`)",
                written.value
            ),
        };
        diagnostics.push(written.span, problem);
        None
    }

    /// The text of the file `written` names: see [`Attachments::file`].
    pub(crate) fn text(
        &self,
        written: &Spanned<String>,
        diagnostics: &mut Diagnostics,
    ) -> Option<&'a str> {
        self.file(written, diagnostics)?.text.as_deref().ok()
    }
}

/// Reads the catalog file `text`, placed in `diagnostics` at `offset` (0 for the file the
/// diagnostics are about), with the catalogs and owners of the files it includes.
pub(crate) fn read_whole<'t>(
    text: &'t str,
    offset: usize,
    attached: &'t [Attached],
    diagnostics: &mut Diagnostics<'t>,
) -> Option<CatalogFile> {
    let mut file = read_at(text, offset, "", attached, diagnostics)?;
    // The included owners first: a clash between an owner of the file and one it includes
    // is then reported at the file's own, where it was most likely just written.
    let own_owners = std::mem::take(&mut file.owners);
    for include in file.includes.clone() {
        take_included(&mut file, &include, attached, diagnostics);
    }
    file.owners.extend(own_owners);
    Some(file)
}

/// Reads `text` (at `path`) into a file whose spans are moved to `offset`.
fn read_at<'t>(
    text: &'t str,
    offset: usize,
    path: &str,
    attached: &'t [Attached],
    diagnostics: &mut Diagnostics<'t>,
) -> Option<CatalogFile> {
    let mut local = Diagnostics::new(text);
    let file = parse::read(text, &Attachments::new(path, attached), &mut local);
    diagnostics.take_shifted(local, offset);
    let mut file = file?;
    file.shift(offset);
    Some(file)
}

/// Adds to `file` the catalogs `include` takes from its file, and that file's owners.
fn take_included<'t>(
    file: &mut CatalogFile,
    include: &Include,
    attached: &'t [Attached],
    diagnostics: &mut Diagnostics<'t>,
) {
    let Some(shared) = Attachments::new("", attached).file(&include.path, diagnostics) else {
        return;
    };
    let Ok(text) = &shared.text else {
        return;
    };
    let offset = diagnostics.add_file(&shared.origin, text);
    let Some(included) = read_at(text, offset, &shared.path, attached, diagnostics) else {
        return;
    };
    for nested in &included.includes {
        diagnostics.push(
            nested.path.span,
            format!(
                "`{}` includes `{}`, and includes are followed one level only: include `{}` from the file that includes this one",
                shared.origin,
                nested.path.value,
                join(&include.path.value, &nested.path.value)
            ),
        );
    }
    if !default_locales_agree(file, &included) {
        let name = |file: &CatalogFile| {
            file.locales
                .first()
                .map_or("untagged".to_owned(), |locale| {
                    format!("`{}`", locale.value)
                })
        };
        diagnostics.push(
            include.path.span,
            format!(
                "`{}` writes `desc` in {}, this file in {}: an included file writes `desc` in the default locale of the file that includes it",
                include.path.value,
                name(&included),
                name(file)
            ),
        );
    }
    let taken = chosen_catalogs(include, &included, diagnostics);
    let adopted: Vec<Catalog> = included
        .catalogs
        .into_iter()
        .filter(|catalog| taken.contains(&catalog.name.value))
        .map(|catalog| {
            adopt(
                catalog,
                &shared.origin,
                included.domain.as_ref(),
                &file.locales,
            )
        })
        .collect();
    file.catalogs.extend(adopted);
    file.owners.extend(included.owners);
}

/// Whether both files write `desc` in the same language: the same first locale, or none.
fn default_locales_agree(file: &CatalogFile, included: &CatalogFile) -> bool {
    let first = |file: &CatalogFile| file.locales.first().map(|locale| locale.value.clone());
    // An included file that declares no locale writes whatever the includer's is.
    included.locales.is_empty() || first(file) == first(included)
}

/// The names of the catalogs `include` takes from `included`: the ones it lists, each
/// reported if `included` has no such catalog, or all of them.
fn chosen_catalogs(
    include: &Include,
    included: &CatalogFile,
    diagnostics: &mut Diagnostics,
) -> Vec<String> {
    let names = included
        .catalogs
        .iter()
        .map(|catalog| catalog.name.value.as_str());
    let Some(chosen) = &include.catalogs else {
        return names.map(str::to_owned).collect();
    };
    for name in chosen {
        if included.catalog(&name.value).is_none() {
            let hint = match closest(&name.value, names.clone()) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!("it has {}", quoted_list(names.clone(), "and")),
            };
            diagnostics.push(
                name.span,
                format!(
                    "`{}` has no catalog `{}`: {hint}",
                    include.path.value, name.value
                ),
            );
        }
    }
    chosen.iter().map(|name| name.value.clone()).collect()
}

/// An included catalog as a catalog of the including file: marked with the file it came
/// from, in the gRPC domain that file gives its catalogs (`domain`, unless the catalog
/// says its own), and its translations kept in the order of that file's `locales` (others
/// are not its).
fn adopt(
    mut catalog: Catalog,
    origin: &str,
    domain: Option<&Spanned<String>>,
    locales: &[Spanned<String>],
) -> Catalog {
    catalog.file = Some(origin.to_owned());
    catalog.domain = catalog.domain.or_else(|| domain.cloned());
    for entry in &mut catalog.codes {
        entry
            .translations
            .retain(|(locale, _)| locales.iter().any(|tag| tag.value == *locale));
    }
    parse::order_translations(catalog, locales)
}
