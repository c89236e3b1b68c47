//! What changed between two versions of a catalog file, and which changes break clients.
//!
//! Codes are a public API: a client that knows code `10400` answers with status 404 and means
//! "not found" must keep being right. A code is identified by its catalog and its text, so
//! a code moved to another catalog reads as removed there and added here.

use std::collections::HashMap;

use crate::model::{CatalogFile, CodeEntry, Envelope};

/// One difference between an old and a new catalog file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change<'a> {
    /// A code the old file did not have.
    Added {
        /// The catalog it is in.
        catalog: &'a str,
        /// The new code.
        entry: &'a CodeEntry,
    },
    /// A code the new file no longer has: breaking, clients may still receive or send it.
    Removed {
        /// The catalog it was in.
        catalog: &'a str,
        /// The code as the old file had it.
        entry: &'a CodeEntry,
    },
    /// A code the new file no longer defines and lists in `retired`, as the lifecycle asks:
    /// not breaking, clients were told through its deprecation.
    Retired {
        /// The catalog it was in.
        catalog: &'a str,
        /// The code as the old file had it.
        entry: &'a CodeEntry,
        /// Why it was retired, as the new file says.
        reason: &'a str,
    },
    /// A code newly marked `deprecated`: it still answers, naming it in Rust warns.
    Deprecated {
        /// The catalog it is in.
        catalog: &'a str,
        /// The code.
        code: &'a str,
        /// What to use instead, as the new file says.
        note: &'a str,
    },
    /// The same code under another variant name, with the same description.
    Renamed {
        /// The catalog it is in.
        catalog: &'a str,
        /// The code.
        code: &'a str,
        /// The old variant name.
        from: &'a str,
        /// The new variant name.
        to: &'a str,
    },
    /// The same code answering with another HTTP status: breaking.
    StatusChanged {
        /// The catalog it is in.
        catalog: &'a str,
        /// The code.
        code: &'a str,
        /// The old status.
        from: u16,
        /// The new status.
        to: u16,
    },
    /// The same code with a reworded description, under the same name.
    DescChanged {
        /// The catalog it is in.
        catalog: &'a str,
        /// The code.
        code: &'a str,
        /// The old description.
        from: &'a str,
        /// The new description.
        to: &'a str,
    },
    /// The code now means something else: both its name and its description changed.
    /// Breaking: a client that knew the code acts on the old meaning.
    Reused {
        /// The catalog it is in.
        catalog: &'a str,
        /// The code as the old file had it.
        old: &'a CodeEntry,
        /// The code as the new file has it.
        new: &'a CodeEntry,
    },
    /// A field of the envelope has another JSON name: breaking, clients read the old name.
    EnvelopeFieldRenamed {
        /// The `[envelope]` key: `result`, `code`, `desc` or `data`.
        field: &'static str,
        /// The old JSON name.
        from: &'a str,
        /// The new JSON name.
        to: &'a str,
    },
}

impl Change<'_> {
    /// Whether a client written against the old file can go wrong with the new one: a
    /// removed code, a changed status, a reused code or a renamed envelope field.
    pub fn is_breaking(&self) -> bool {
        matches!(
            self,
            Change::Removed { .. }
                | Change::StatusChanged { .. }
                | Change::Reused { .. }
                | Change::EnvelopeFieldRenamed { .. }
        )
    }
}

/// Every change from `old` to `new`: the envelope first, then each catalog's codes in the
/// old file's order, then the codes that are new, in the new file's order.
///
/// ```
/// use hero_codes_catalog::{CatalogFile, Change, diff};
///
/// let old = CatalogFile::parse(r#"[catalogs.App]
/// codes = [
///     { code = "0",   name = "Ok",       status = 200, desc = "成功" },
///     { code = "404", name = "NotFound", status = 404, desc = "不存在" },
/// ]"#, "old.toml").unwrap();
/// let new = CatalogFile::parse(r#"[catalogs.App]
/// codes = [
///     { code = "0",   name = "Success",  status = 200, desc = "成功" },
///     { code = "404", name = "NotFound", status = 410, desc = "不存在" },
/// ]"#, "new.toml").unwrap();
///
/// let changes = diff(&old, &new);
/// assert_eq!(changes.len(), 2);
/// assert!(matches!(changes[0], Change::Renamed { code: "0", from: "Ok", to: "Success", .. }));
/// assert!(matches!(changes[1], Change::StatusChanged { code: "404", from: 404, to: 410, .. }));
/// assert!(!changes[0].is_breaking());
/// assert!(changes[1].is_breaking());
/// ```
pub fn diff<'a>(old: &'a CatalogFile, new: &'a CatalogFile) -> Vec<Change<'a>> {
    let mut changes = envelope_changes(&old.envelope, &new.envelope);
    let mut names: Vec<&str> = old.catalogs.iter().map(|c| c.name.value.as_str()).collect();
    for catalog in &new.catalogs {
        if old.catalog(&catalog.name.value).is_none() {
            names.push(&catalog.name.value);
        }
    }
    for catalog in names {
        let old_codes = codes_of(old, catalog);
        let new_codes = codes_of(new, catalog);
        // Maps, not `Catalog::entry`: a 10,000-code file must not cost 10,000² comparisons.
        let old_by_code = by_code(old_codes);
        let new_by_code = by_code(new_codes);
        let new_catalog = new.catalog(catalog);
        for before in old_codes {
            let retired = new_catalog.and_then(|c| c.retired_code(&before.code.value));
            match (new_by_code.get(before.code.value.as_str()), retired) {
                (None, Some(retired)) => changes.push(Change::Retired {
                    catalog,
                    entry: before,
                    reason: &retired.reason.value,
                }),
                (None, None) => changes.push(Change::Removed {
                    catalog,
                    entry: before,
                }),
                (Some(after), _) => entry_changes(catalog, before, after, &mut changes),
            }
        }
        for after in new_codes {
            if !old_by_code.contains_key(after.code.value.as_str()) {
                changes.push(Change::Added {
                    catalog,
                    entry: after,
                });
            }
        }
    }
    changes
}

/// The codes of catalog `name`; none if the file has no such catalog.
fn codes_of<'a>(file: &'a CatalogFile, name: &str) -> &'a [CodeEntry] {
    file.catalog(name).map_or(&[], |catalog| &catalog.codes)
}

fn by_code(codes: &[CodeEntry]) -> HashMap<&str, &CodeEntry> {
    codes
        .iter()
        .map(|entry| (entry.code.value.as_str(), entry))
        .collect()
}

fn entry_changes<'a>(
    catalog: &'a str,
    before: &'a CodeEntry,
    after: &'a CodeEntry,
    changes: &mut Vec<Change<'a>>,
) {
    let code = before.code.value.as_str();
    let renamed = before.name.value != after.name.value;
    let reworded = before.desc.value != after.desc.value;
    if renamed && reworded {
        changes.push(Change::Reused {
            catalog,
            old: before,
            new: after,
        });
        return;
    }
    if renamed {
        changes.push(Change::Renamed {
            catalog,
            code,
            from: &before.name.value,
            to: &after.name.value,
        });
    }
    if before.status.value != after.status.value {
        changes.push(Change::StatusChanged {
            catalog,
            code,
            from: before.status.value,
            to: after.status.value,
        });
    }
    if reworded {
        changes.push(Change::DescChanged {
            catalog,
            code,
            from: &before.desc.value,
            to: &after.desc.value,
        });
    }
    if let (None, Some(note)) = (&before.deprecated, &after.deprecated) {
        changes.push(Change::Deprecated {
            catalog,
            code,
            note: &note.value,
        });
    }
}

fn envelope_changes<'a>(old: &'a Envelope, new: &'a Envelope) -> Vec<Change<'a>> {
    // An envelope without `result` writes no such field: `(none)` in the report. The code
    // type changes what clients parse, as a renamed field does.
    let fields = |envelope: &'a Envelope| -> [(&'static str, &'a str); 5] {
        [
            (
                "result",
                envelope
                    .result
                    .as_ref()
                    .map_or("(none)", |name| name.value.as_str()),
            ),
            ("code", &envelope.code.value),
            ("desc", &envelope.desc.value),
            ("data", &envelope.data.value),
            ("code_type", envelope.code_type.value.key()),
        ]
    };
    fields(old)
        .into_iter()
        .zip(fields(new))
        .filter(|((_, from), (_, to))| from != to)
        .map(|((field, from), (_, to))| Change::EnvelopeFieldRenamed { field, from, to })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(codes: &str) -> CatalogFile {
        let text = format!("[catalogs.App]\ncodes = [\n{codes}\n]\n");
        CatalogFile::parse(&text, "codes.toml").unwrap()
    }

    const OK: &str = r#"{ code = "0", name = "Ok", status = 200, desc = "成功" },"#;
    const NOT_FOUND: &str =
        r#"{ code = "404", name = "NotFound", status = 404, desc = "不存在" },"#;

    fn summary(old: &CatalogFile, new: &CatalogFile) -> Vec<(String, bool)> {
        diff(old, new)
            .iter()
            .map(|change| {
                let label = match change {
                    Change::Added { entry, .. } => format!("added {}", entry.code.value),
                    Change::Removed { entry, .. } => format!("removed {}", entry.code.value),
                    Change::Retired { entry, .. } => format!("retired {}", entry.code.value),
                    Change::Deprecated { code, note, .. } => format!("deprecated {code} {note}"),
                    Change::Renamed { code, to, .. } => format!("renamed {code} to {to}"),
                    Change::StatusChanged { code, to, .. } => format!("status {code} {to}"),
                    Change::DescChanged { code, to, .. } => format!("desc {code} {to}"),
                    Change::Reused { new, .. } => format!("reused {}", new.code.value),
                    Change::EnvelopeFieldRenamed { field, to, .. } => format!("{field} {to}"),
                };
                (label, change.is_breaking())
            })
            .collect()
    }

    #[test]
    fn the_same_file_has_no_changes() {
        let old = file(&format!("{OK}\n{NOT_FOUND}"));
        assert!(diff(&old, &old).is_empty());
    }

    #[test]
    fn an_added_code_is_not_breaking_and_a_removed_one_is() {
        let one = file(OK);
        let two = file(&format!("{OK}\n{NOT_FOUND}"));
        assert_eq!(summary(&one, &two), [("added 404".to_owned(), false)]);
        assert_eq!(summary(&two, &one), [("removed 404".to_owned(), true)]);
    }

    #[test]
    fn deprecating_and_retiring_are_not_breaking() {
        let old = file(&format!("{OK}\n{NOT_FOUND}"));
        let deprecated = file(&format!(
            "{OK}\n{}",
            NOT_FOUND.replace(" },", ", deprecated = \"use 410\" },")
        ));
        assert_eq!(
            summary(&old, &deprecated),
            [("deprecated 404 use 410".to_owned(), false)]
        );
        let retired = CatalogFile::parse(
            &format!(
                "[catalogs.App]\ncodes = [\n{OK}\n]\n\
                 retired = [{{ code = \"404\", name = \"NotFound\", reason = \"gone\" }}]\n"
            ),
            "codes.toml",
        )
        .unwrap();
        assert_eq!(summary(&old, &retired), [("retired 404".to_owned(), false)]);
    }

    #[test]
    fn a_new_name_and_a_new_text_together_are_a_reused_code() {
        let old = file(&format!("{OK}\n{NOT_FOUND}"));
        let new = file(&format!(
            "{OK}\n{}",
            NOT_FOUND
                .replace("NotFound", "Gone")
                .replace("不存在", "已删除")
        ));
        assert_eq!(summary(&old, &new), [("reused 404".to_owned(), true)]);
    }

    #[test]
    fn status_and_description_changes_are_reported_separately() {
        let old = file(&format!("{OK}\n{NOT_FOUND}"));
        let new = file(&format!(
            "{OK}\n{}",
            NOT_FOUND
                .replace("404,", "410,")
                .replace("不存在", "已不存在")
        ));
        assert_eq!(
            summary(&old, &new),
            [
                ("status 404 410".to_owned(), true),
                ("desc 404 已不存在".to_owned(), false)
            ]
        );
    }

    #[test]
    fn a_removed_catalog_removes_its_codes_and_a_renamed_envelope_field_breaks() {
        let old = file(OK);
        let new = CatalogFile::parse(
            "[envelope]\ncode = \"errcode\"\n[catalogs.Other]\n\
             codes = [{ code = \"OK\", name = \"Ok\", status = 200, desc = \"好\" }]\n",
            "codes.toml",
        )
        .unwrap();
        assert_eq!(
            summary(&old, &new),
            [
                ("code errcode".to_owned(), true),
                ("removed 0".to_owned(), true),
                ("added OK".to_owned(), false)
            ]
        );
    }
}
