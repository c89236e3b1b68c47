//! Several catalog files checked together, as the files of one organisation's services:
//! each by every rule, and the rules between them.

use crate::diagnostic::{Diagnostics, Error};
use crate::load::Source;
use crate::model::{CatalogFile, CodeEntry, Owner};
use crate::owners;

/// Checks several catalog files together (`hero-codes check a.toml b.toml`): each file by
/// every rule and against its lock, as [`Source::check`] does, and across the files: a code
/// that two files define with different meanings, and owners whose blocks overlap. A file
/// that two of them include is one definition, not two. Every problem is in the one
/// [`Error`], each at its line in its own file ([`crate::Problem::file`]).
///
/// ```
/// use hero_codes_catalog::{Located, check_together};
///
/// let dir = std::env::temp_dir().join(format!("hero-codes-together-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// let ok = "{ code = \"0\", name = \"Ok\", status = 200, desc = \"成功\" }";
/// std::fs::write(dir.join("a.toml"), format!("[catalogs.A]\ncodes = [{ok}, {{ code = \"7\", name = \"Gone\", status = 410, desc = \"已删除\" }}]\n")).unwrap();
/// std::fs::write(dir.join("b.toml"), format!("[catalogs.B]\ncodes = [{ok}, {{ code = \"7\", name = \"Busy\", status = 503, desc = \"忙\" }}]\n")).unwrap();
/// let sources: Vec<_> = ["a.toml", "b.toml"]
///     .map(|name| Located::named(dir.join(name), name).read().unwrap())
///     .into_iter()
///     .collect();
/// let error = check_together(&sources).unwrap_err();
/// assert_eq!(
///     error.to_string(),
///     "b.toml:2:75: code `7` means something else in b.toml than on line 2 of a.toml (`Busy`, status 503, \"忙\" here; `Gone`, status 410, \"已删除\" there): a code has one meaning across the organisation; use another code here, or define it in one file that both include"
/// );
/// std::fs::remove_dir_all(&dir).unwrap();
/// ```
///
/// # Errors
/// Every problem of every file and between them; a lock that cannot be read stops the check
/// with its own problems.
pub fn check_together(sources: &[Source]) -> Result<Vec<CatalogFile>, Error> {
    let origins: Vec<&str> = sources
        .iter()
        .map(|source| source.located.origin.as_str())
        .collect();
    let locks = sources
        .iter()
        .map(Source::lock)
        .collect::<Result<Vec<_>, _>>()?;
    let mut diagnostics = Diagnostics::new("");
    let mut files = Vec::new();
    for (source, lock) in sources.iter().zip(&locks) {
        let origin = &source.located.origin;
        let offset = diagnostics.add_file(origin, &source.text);
        let way_out = source.way_out();
        let lock = lock.as_ref().map(|lock| (lock, way_out.as_str()));
        let file = CatalogFile::check_at(
            &source.text,
            origin,
            offset,
            &source.attached,
            lock,
            &mut diagnostics,
        );
        files.extend(file);
    }
    codes_mean_one_thing(&files, &mut diagnostics);
    owners_are_apart_across_files(&files, &mut diagnostics);
    match diagnostics.into_error(&origins.join(", ")) {
        Some(error) => Err(error),
        None => Ok(files),
    }
}

/// Rejects a code that two files define with a different variant name, status or
/// description: a client of both services would read one answer two ways. Codes of one
/// file are that file's rules' business (two catalogs of a service may share its success
/// code), and a code that is the success code of both catalogs means success in both,
/// whatever each calls it.
fn codes_mean_one_thing(files: &[CatalogFile], diagnostics: &mut Diagnostics) {
    let mut first_seen: Vec<(usize, &CodeEntry, bool)> = Vec::new();
    for (index, file) in files.iter().enumerate() {
        for catalog in &file.catalogs {
            let success = catalog.success().map(|entry| &entry.code.value);
            for entry in &catalog.codes {
                let is_success = success == Some(&entry.code.value);
                let earlier = first_seen
                    .iter()
                    .find(|(_, seen, _)| seen.code.value == entry.code.value);
                match earlier {
                    None => first_seen.push((index, entry, is_success)),
                    Some((file, _, _)) if *file == index => {}
                    Some((_, _, true)) if is_success => {}
                    Some((_, seen, _))
                        if diagnostics.same_text(seen.code.span, entry.code.span)
                            || meaning(seen) == meaning(entry) => {}
                    Some((_, seen, _)) => report_two_meanings(seen, entry, diagnostics),
                }
            }
        }
    }
}

/// Reports `entry`, which means something else than `seen`, defined in another file.
fn report_two_meanings(seen: &CodeEntry, entry: &CodeEntry, diagnostics: &mut Diagnostics) {
    let place = diagnostics.place_of(seen.code.span, entry.code.span);
    let here = diagnostics.file_of(entry.code.span).to_owned();
    diagnostics.push(
        entry.code.span,
        format!(
            "code `{}` means something else in {here} than on {place} ({} here; {} there): a code has one meaning across the organisation; use another code here, or define it in one file that both include",
            entry.code.value,
            meaning(entry),
            meaning(seen)
        ),
    );
}

/// Rejects owners of two files whose blocks share a code, or one owner declared in two files
/// with different blocks. Two owners that one file sees (its own, or included) are that
/// file's rules' business, so each clash is reported once.
fn owners_are_apart_across_files(files: &[CatalogFile], diagnostics: &mut Diagnostics) {
    let has = |file: &CatalogFile, owner: &Owner, diagnostics: &Diagnostics| {
        file.owners
            .iter()
            .any(|other| diagnostics.same_text(other.name.span, owner.name.span))
    };
    for (index, file) in files.iter().enumerate() {
        for earlier_file in &files[..index] {
            // Collected first: the owners each file has that the other does not see.
            let owners: Vec<&Owner> = file
                .owners
                .iter()
                .filter(|owner| !has(earlier_file, owner, diagnostics))
                .collect();
            let earlier_owners: Vec<&Owner> = earlier_file
                .owners
                .iter()
                .filter(|earlier| !has(file, earlier, diagnostics))
                .collect();
            for owner in owners {
                for earlier in &earlier_owners {
                    owners::report_clash(earlier, owner, diagnostics);
                }
            }
        }
    }
}

/// What a client reads from a code: its variant name, status and description.
fn meaning(entry: &CodeEntry) -> String {
    format!(
        "`{}`, status {}, \"{}\"",
        entry.name.value, entry.status.value, entry.desc.value
    )
}
