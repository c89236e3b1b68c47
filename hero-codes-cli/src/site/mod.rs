//! `hero-codes site`: a static documentation site for one or many catalog files: an index
//! with the search box of `table --format html`, across every catalog, and one page per
//! code at a stable address, `<Catalog>/<code>.html`. Plain files with inline styles and
//! script and relative links: the site opens from `file://` as from any web server.

mod code_page;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use hero_codes_catalog::{Catalog, CatalogFile, CodeEntry, RetiredCode};

use crate::source::{self, Checked};
use crate::table::html::{self, SEARCH_BOX, SEARCH_SCRIPT, Section, escape};
use crate::{CannotRun, Outcome};

/// Write a static documentation site of one or many catalog files: a searchable index and
/// a page per code
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  hero-codes site site                               the catalog of the crate here
  hero-codes site site services/*/codes.toml         every service's codes in one site

The site is OUT_DIR/index.html, with a search box over every code of every file, and a page
per code at OUT_DIR/<Catalog>/<code>.html (a character of the code other than a letter, a
digit, `-` or `_` is written `~` and its UTF-8 bytes in hex). Each page gives the code's HTTP
status, its description in every locale, the error body clients receive, its deprecation
with a link to its replacement or its retirement with the reason, and the file it comes from.
No external asset: open index.html from the disk, or serve the folder as it is.")]
pub(crate) struct Args {
    /// The folder to write the site into; made if missing, its pages overwritten
    #[arg(value_name = "OUT_DIR")]
    out_dir: PathBuf,
    /// The catalog files, one per service [default: the one the crate here declares in its
    /// Cargo.toml, as the macros read it; outside a crate, ./codes.toml if there is one; else
    /// the built-in catalog]
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
}

/// A catalog file and the name of the service it belongs to.
struct Service {
    /// How the site names it: the file as the command line names it.
    origin: String,
    file: CatalogFile,
}

/// One definition of a code: a line of a catalog's `codes` or `retired`.
struct Definition<'a> {
    service: &'a Service,
    catalog: &'a Catalog,
    state: State<'a>,
}

enum State<'a> {
    Active(&'a CodeEntry),
    Retired(&'a RetiredCode),
}

/// Every code of the site by catalog and code, with each file's definition of it: a page
/// each. Files that share a catalog (a team's common codes) share its pages.
type Pages<'a> = BTreeMap<(&'a str, &'a str), Vec<Definition<'a>>>;

pub(crate) fn run(args: &Args, out: &mut impl Write) -> Result<Outcome, CannotRun> {
    let Some(services) = read_all(&args.files)? else {
        return Ok(Outcome::ProblemFound);
    };
    let pages = pages(&services);
    let index = index(&services);
    write(&args.out_dir.join("index.html"), &index)?;
    for ((catalog, code), definitions) in &pages {
        let html = code_page::render(code, definitions, &pages);
        write(&args.out_dir.join(page_path(catalog, code)), &html)?;
    }
    let files = services.len();
    writeln!(
        out,
        "{}: {} code page{} from {files} file{}",
        args.out_dir.join("index.html").display(),
        pages.len(),
        plural(pages.len()),
        plural(files)
    )?;
    Ok(Outcome::Ok)
}

/// Every file checked, or `None` when one has mistakes (each reported on stderr).
fn read_all(files: &[PathBuf]) -> Result<Option<Vec<Service>>, CannotRun> {
    let paths: Vec<Option<&Path>> = match files {
        [] => vec![None],
        files => files.iter().map(|file| Some(file.as_path())).collect(),
    };
    let mut services = Vec::new();
    let mut broken = false;
    for path in paths {
        match source::checked(path)? {
            Some(Checked { file, origin }) => services.push(Service { origin, file }),
            None => broken = true,
        }
    }
    Ok((!broken).then_some(services))
}

fn pages(services: &[Service]) -> Pages<'_> {
    let mut pages: Pages<'_> = BTreeMap::new();
    for service in services {
        for catalog in &service.file.catalogs {
            let active = catalog
                .codes
                .iter()
                .map(|entry| (&entry.code.value, State::Active(entry)));
            let retired = catalog
                .retired
                .iter()
                .map(|retired| (&retired.code.value, State::Retired(retired)));
            for (code, state) in active.chain(retired) {
                pages
                    .entry((&catalog.name.value, code))
                    .or_default()
                    .push(Definition {
                        service,
                        catalog,
                        state,
                    });
            }
        }
    }
    pages
}

/// The index: a section per catalog of each file, every code linked to its page.
fn index(services: &[Service]) -> String {
    let mut sections = String::new();
    for (number, service) in services.iter().enumerate() {
        for catalog in &service.file.catalogs {
            let name = &catalog.name.value;
            // A catalog that several files have gets a section per file.
            let shared = services
                .iter()
                .filter(|other| other.file.catalog(name).is_some())
                .count()
                > 1;
            let id = match shared {
                true => format!("{name}-{}", number + 1),
                false => name.clone(),
            };
            let section = Section {
                id: &id,
                heading: format!(
                    "{} <small class=\"service\">{}</small>",
                    escape(name),
                    escape(&service.origin)
                ),
                href: &|code| Some(page_path(name, code)),
                lifecycle: true,
            };
            sections.push_str(&html::catalog_section(&service.file, catalog, &section));
        }
    }
    // The page is in the language of the first file.
    let language = services
        .first()
        .map_or("zh", |service| code_page::language(&service.file));
    html::page(
        language,
        "Result codes",
        SITE_STYLE,
        &format!("{SEARCH_BOX}{sections}{SEARCH_SCRIPT}"),
    )
}

/// Styles of the site's own, after those of the HTML table.
const SITE_STYLE: &str =
    "  .service { color: #59636e; font-weight: normal; font-size: .85rem; margin-left: .5rem; }
  nav { margin-bottom: 1rem; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .4rem 1rem; }
  dt { color: #59636e; }
  dd { margin: 0; }
  pre { background: #f6f8fa; padding: .75rem; border-radius: 6px; overflow-x: auto; }
  .lead { font-size: 1.1rem; }
";

/// Where the page of `code` in `catalog` is, relative to the site's root:
/// `ResultCode/10400.html`.
fn page_path(catalog: &str, code: &str) -> String {
    format!("{}/{}.html", file_name(catalog), file_name(code))
}

/// `text` as a file name that needs no escaping in a URL and means the same on every file
/// system: ASCII letters, digits, `-` and `_` as they are; any other character as `~` and
/// its UTF-8 bytes in hex.
fn file_name(text: &str) -> String {
    let mut name = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' => name.push(char::from(byte)),
            _ => name.push_str(&format!("~{byte:02X}")),
        }
    }
    name
}

fn write(path: &Path, text: &str) -> Result<(), CannotRun> {
    let cannot =
        |error: std::io::Error| CannotRun(format!("cannot write {}: {error}", path.display()));
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(cannot)?;
    }
    std::fs::write(path, text).map_err(cannot)
}

fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_a_file_name_whatever_its_characters() {
        assert_eq!(page_path("ResultCode", "10400"), "ResultCode/10400.html");
        assert_eq!(page_path("ShopCode", "A0400"), "ShopCode/A0400.html");
        assert_eq!(file_name("-1"), "-1");
        assert_eq!(file_name("E.404/x"), "E~2E404~2Fx");
        assert_eq!(file_name("码"), "~E7~A0~81");
    }
}
