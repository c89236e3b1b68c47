//! The contents of a checked catalog file.

use hero_codes_vocab::{CodeType, DocUrl, EnvelopeNames, Failure, GrpcCode};

use crate::diagnostic::Spanned;

/// A whole catalog file (`codes.toml`): the envelope, the HTTP status table and one or
/// more catalogs of codes. Values that come from the file keep their [`Spanned::span`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogFile {
    /// The languages of the descriptions (`locales = ["zh", "en"]`), the first the language
    /// of `desc` and the default; empty when the file declares none (one language, untagged).
    pub locales: Vec<Spanned<String>>,
    /// The field names and limits of the response envelope (`[envelope]`).
    pub envelope: Envelope,
    /// The HTTP status table (`http = [...]`), in file order; empty if the file has none.
    pub http_statuses: Vec<HttpStatus>,
    /// The catalogs (`[catalogs.Name]`), in file order, then those taken from included
    /// files ([`Catalog::file`] says which), in the order of `include`.
    pub catalogs: Vec<Catalog>,
    /// The gRPC error domain of every catalog of the file that declares none
    /// (`domain = "apps.example.com"` at the top of the file); see [`Catalog::domain`].
    pub domain: Option<Spanned<String>>,
    /// The files this file takes catalogs from (`include = [...]`), in file order.
    pub includes: Vec<Include>,
    /// The owners of blocks of codes (`[owners.Name]`): those of the files it includes,
    /// then the file's own.
    pub owners: Vec<Owner>,
}

/// One entry of `include`: `"../shared/spec.toml"`, or
/// `{ path = "../shared/spec.toml", catalogs = ["ResultCode"] }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Include {
    /// The file, relative to the folder of the file that includes it, `/`-separated.
    pub path: Spanned<String>,
    /// The catalogs taken from it; `None` takes every catalog.
    pub catalogs: Option<Vec<Spanned<String>>>,
}

/// A team or service that owns blocks of codes: `[owners.payments]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Owner {
    /// Its name, the key in `[owners.Name]`, which a catalog's `owner` names.
    pub name: Spanned<String>,
    /// Who it is and how to reach it (`doc = "..."`), if the file says.
    pub doc: Option<Spanned<String>>,
    /// The blocks of numeric codes it owns (`ranges = [[20000, 20999]]`), both ends included.
    pub ranges: Vec<OwnedRange>,
    /// The beginnings of the codes it owns (`prefixes = ["P"]`): `P0001` is its code.
    pub prefixes: Vec<Spanned<String>>,
}

impl Owner {
    /// Whether `code` is one of this owner's: in one of its ranges (as a plain number, see
    /// [`CodeRange::contains`]) or starting with one of its prefixes.
    ///
    /// ```
    /// let text = r#"[owners.payments]
    /// ranges = [[20000, 20999]]
    /// prefixes = ["P"]"#;
    /// let file = hero_codes_catalog::CatalogFile::parse(text, "org.toml").unwrap();
    /// let payments = &file.owners[0];
    /// assert!(payments.owns("20400") && payments.owns("P0001"));
    /// assert!(!payments.owns("21000") && !payments.owns("A0001"));
    /// ```
    pub fn owns(&self, code: &str) -> bool {
        self.ranges
            .iter()
            .any(|range| is_number_in(code, range.low.value, range.high.value))
            || self
                .prefixes
                .iter()
                .any(|prefix| !prefix.value.is_empty() && code.starts_with(&prefix.value))
    }

    /// What the owner owns, for messages: `20000 to 20999, codes starting with `P``.
    pub fn describe_blocks(&self) -> String {
        let ranges = self
            .ranges
            .iter()
            .map(|range| format!("{} to {}", range.low.value, range.high.value));
        let prefixes = self
            .prefixes
            .iter()
            .map(|prefix| format!("codes starting with `{}`", prefix.value));
        ranges.chain(prefixes).collect::<Vec<_>>().join(", ")
    }
}

/// A block of numeric codes an owner owns, both ends included: `[20000, 20999]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnedRange {
    /// The lowest code of the block.
    pub low: Spanned<u64>,
    /// The highest code of the block.
    pub high: Spanned<u64>,
}

impl OwnedRange {
    /// Whether this block and `other` share a code.
    pub fn overlaps(&self, other: &OwnedRange) -> bool {
        self.low.value <= other.high.value && other.low.value <= self.high.value
    }
}

impl CatalogFile {
    /// The locale tags, default first; empty when the file declares none.
    pub fn locale_tags(&self) -> Vec<&str> {
        self.locales
            .iter()
            .map(|locale| locale.value.as_str())
            .collect()
    }

    /// The gRPC error domain of `catalog` (AIP-193 `ErrorInfo.domain`): its own `domain`,
    /// else the file's, else the catalog's name.
    ///
    /// ```
    /// let file = hero_codes_catalog::CatalogFile::builtin().unwrap();
    /// assert_eq!(file.domain_of(file.catalog("ResultCode").unwrap()), "ResultCode");
    /// ```
    pub fn domain_of<'a>(&'a self, catalog: &'a Catalog) -> &'a str {
        catalog
            .domain
            .as_ref()
            .or(self.domain.as_ref())
            .map_or(catalog.name.value.as_str(), |domain| domain.value.as_str())
    }

    /// The catalog called `name`, if the file has one.
    pub fn catalog(&self, name: &str) -> Option<&Catalog> {
        self.catalogs
            .iter()
            .find(|catalog| catalog.name.value == name)
    }

    /// The row of `status` in the HTTP status table, if the file has one.
    ///
    /// ```
    /// let file = hero_codes_catalog::CatalogFile::builtin().unwrap();
    /// assert_eq!(file.http_status(404).unwrap().summary(), "NOT FOUND (请求的资源不存在)");
    /// assert!(file.http_status(418).is_none());
    /// ```
    pub fn http_status(&self, status: u16) -> Option<&HttpStatus> {
        self.http_statuses
            .iter()
            .find(|row| row.status.value == status)
    }
}

/// The response envelope: the names of its fields, how codes are written and the length
/// limits of its texts. Every key is optional in the file; the defaults are the response
/// spec's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Envelope {
    /// The boolean success field, `result` by default; `None` when the file says
    /// `result = false`, for envelopes that tell success by the code alone (WeChat's
    /// `errcode` / `errmsg`).
    pub result: Option<Spanned<String>>,
    /// The code field, `result_code` by default.
    pub code: Spanned<String>,
    /// The description field, `result_desc` by default.
    pub desc: Spanned<String>,
    /// The payload field, present on success only; `data` by default.
    pub data: Spanned<String>,
    /// Whether the code field holds a JSON string (`"10400"`, the default) or a number
    /// (`40013`).
    pub code_type: Spanned<CodeType>,
    /// The longest code allowed, in characters; 32 by default.
    pub code_max_chars: Spanned<usize>,
    /// The longest description allowed, in characters; 128 by default.
    pub desc_max_chars: Spanned<usize>,
    /// The link to each code's page that error bodies carry, as Stripe's `doc_url`
    /// (`doc_url = { field = "doc_url", template = "https://.../{code}" }`); `None` when the
    /// file has none.
    pub doc_url: Option<DocLink>,
}

/// `[envelope] doc_url`: the field of error bodies that links to the code's page, and the
/// link with `{code}` where the code goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocLink {
    /// The field name, e.g. `doc_url`.
    pub field: Spanned<String>,
    /// The link, e.g. `https://errors.example.com/codes/{code}`.
    pub template: Spanned<String>,
}

impl Envelope {
    /// Its field names and code type, as the error body writer takes them.
    pub fn names(&self) -> EnvelopeNames<'_> {
        EnvelopeNames {
            result: self.result.as_ref().map(|result| result.value.as_str()),
            code: &self.code.value,
            desc: &self.desc.value,
            code_type: self.code_type.value,
            doc_url: self.doc_url.as_ref().map(|link| DocUrl {
                field: &link.field.value,
                template: &link.template.value,
            }),
        }
    }
}

/// One row of the HTTP status table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpStatus {
    /// The status code, 100 to 999.
    pub status: Spanned<u16>,
    /// The reason phrase as the document writes it, e.g. `NOT FOUND`.
    pub reason: Spanned<String>,
    /// What the status means to this API, e.g. `请求的资源不存在`.
    pub meaning: Spanned<String>,
}

impl HttpStatus {
    /// The reason and, in brackets, the meaning: `NOT FOUND (请求的资源不存在)`.
    pub fn summary(&self) -> String {
        format!("{} ({})", self.reason.value, self.meaning.value)
    }
}

/// One catalog: a set of codes that becomes one Rust enum.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Catalog {
    /// The enum's name, the key in `[catalogs.Name]`.
    pub name: Spanned<String>,
    /// The enum's doc comment, if any.
    pub doc: Option<Spanned<String>>,
    /// The owner of the catalog's codes (`owner = "payments"`), one of the file's
    /// [`Owner`]s: every code must be in its blocks.
    pub owner: Option<Spanned<String>>,
    /// The included file the catalog was taken from, as messages name it
    /// (`shared/spec.toml`); `None` for the file's own catalogs.
    pub file: Option<String>,
    /// The code that means success, as the file declares it (`success = "00000"`); when
    /// absent, the catalog's one code with status 200. See [`Catalog::success`].
    pub success: Option<Spanned<String>>,
    /// The statuses a code of this catalog may have; `None` allows any HTTP status.
    pub statuses: Option<Vec<Spanned<u16>>>,
    /// The block of numeric codes each status owns, if any.
    pub ranges: Vec<CodeRange>,
    /// The codes, in file order.
    pub codes: Vec<CodeEntry>,
    /// The codes that were released once and taken out of service (`retired = [...]`), in
    /// file order: no longer generated, and never to be defined again in this catalog.
    pub retired: Vec<RetiredCode>,
    /// Which code answers each failure that a web framework detects (`[catalogs.Name.failures]`),
    /// one entry per [`Failure`] kind when the table is present.
    pub failures: Option<Vec<FailureCode>>,
    /// The gRPC status of the catalog's error codes that name none of their own
    /// (`grpc = "FAILED_PRECONDITION"` under `[catalogs.Name]`), in place of the one their
    /// HTTP status maps to: for catalogs that answer errors with HTTP 200.
    pub grpc: Option<Spanned<GrpcCode>>,
    /// The gRPC error domain of the catalog's codes (`domain = "..."`), before the file's.
    pub domain: Option<Spanned<String>>,
    /// The code of each line of `codes` that could not be read, `None` where even its code
    /// could not: a rule about the whole list (its success code) says nothing about a list
    /// with a line already reported, and no rule calls one of these codes missing.
    pub(crate) unread: Vec<Option<String>>,
}

impl Catalog {
    /// Whether `code` may be on a line of `codes` that could not be read (a mistake already
    /// reported there): its absence is then no mistake of its own.
    pub(crate) fn may_be_unread(&self, code: &str) -> bool {
        self.unread
            .iter()
            .any(|unread| unread.as_deref().is_none_or(|unread| unread == code))
    }

    /// The entry whose code is `code`, if any.
    pub fn entry(&self, code: &str) -> Option<&CodeEntry> {
        self.codes.iter().find(|entry| entry.code.value == code)
    }

    /// The code that means success: the declared `success` code, else the one code with
    /// status 200. A checked file always has one; `None` only while checking.
    ///
    /// ```
    /// let file = hero_codes_catalog::CatalogFile::builtin().unwrap();
    /// let hero = file.catalog("HeroCode").unwrap();
    /// assert_eq!(hero.success().unwrap().desc.value, "OK, 成功");
    /// ```
    pub fn success(&self) -> Option<&CodeEntry> {
        match &self.success {
            Some(declared) => self.entry(&declared.value),
            None => {
                let mut ok = self.codes.iter().filter(|entry| entry.status.value == 200);
                ok.next().filter(|_| ok.next().is_none())
            }
        }
    }

    /// The gRPC status `entry` answers with: its own `grpc`, else `OK` for the success code,
    /// else the catalog's `grpc`, else the one its HTTP status maps to
    /// ([`GrpcCode::from_http_status`]).
    ///
    /// ```
    /// use hero_codes_catalog::GrpcCode;
    /// let file = hero_codes_catalog::CatalogFile::builtin().unwrap();
    /// let hero = file.catalog("HeroCode").unwrap();
    /// assert_eq!(hero.grpc_of(hero.entry("1001").unwrap()), GrpcCode::NotFound);
    /// assert_eq!(hero.grpc_of(hero.entry("4003").unwrap()), GrpcCode::ResourceExhausted);
    /// assert_eq!(hero.grpc_of(hero.entry("0").unwrap()), GrpcCode::Ok);
    /// ```
    pub fn grpc_of(&self, entry: &CodeEntry) -> GrpcCode {
        if let Some(own) = &entry.grpc {
            return own.value;
        }
        let success = self
            .success()
            .is_some_and(|success| success.code.value == entry.code.value);
        match (&self.grpc, success) {
            (_, true) => GrpcCode::Ok,
            (Some(catalog), false) => catalog.value,
            (None, false) => GrpcCode::from_http_status(entry.status.value),
        }
    }

    /// The retired code `code`, if the catalog lists one.
    ///
    /// ```
    /// let text = r#"[catalogs.App]
    /// codes = [{ code = "0", name = "Ok", status = 200, desc = "成功" }]
    /// retired = [{ code = "7", name = "Legacy", reason = "the v1 API is gone" }]"#;
    /// let file = hero_codes_catalog::CatalogFile::parse(text, "codes.toml").unwrap();
    /// let retired = file.catalogs[0].retired_code("7").unwrap();
    /// assert_eq!(retired.reason.value, "the v1 API is gone");
    /// ```
    pub fn retired_code(&self, code: &str) -> Option<&RetiredCode> {
        self.retired
            .iter()
            .find(|retired| retired.code.value == code)
    }

    /// The block of codes that `status` owns in this catalog, if it has one.
    pub fn range_of(&self, status: u16) -> Option<&CodeRange> {
        self.ranges
            .iter()
            .find(|range| range.status.value == status)
    }
}

/// The numeric codes a status owns, both ends included: `400 = [10000, 10099]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeRange {
    /// The status that owns the block.
    pub status: Spanned<u16>,
    /// The lowest code of the block.
    pub low: Spanned<u64>,
    /// The highest code of the block.
    pub high: Spanned<u64>,
}

impl CodeRange {
    /// Whether `code` is a plain number (digits, no sign, no leading zero) inside this
    /// block. Clients compare codes as text, so `"010400"` is not `"10400"`.
    ///
    /// ```
    /// # let text = "[catalogs.C]\nranges = { 404 = [10400, 10499] }\n\
    /// #     codes = [{ code = \"0\", name = \"Ok\", status = 200, desc = \"成功\" }]";
    /// # let file = hero_codes_catalog::CatalogFile::parse(text, "codes.toml").unwrap();
    /// # let range = file.catalogs[0].range_of(404).unwrap();
    /// assert!(range.contains("10400"));
    /// assert!(!range.contains("10500"));
    /// assert!(!range.contains("010400"));
    /// assert!(!range.contains("+10400"));
    /// assert!(!range.contains("E404"));
    /// ```
    pub fn contains(&self, code: &str) -> bool {
        is_number_in(code, self.low.value, self.high.value)
    }
}

/// Whether `code` is a plain number (digits, no sign, no leading zero) from `low` to `high`.
fn is_number_in(code: &str, low: u64, high: u64) -> bool {
    let plain =
        code.bytes().all(|byte| byte.is_ascii_digit()) && (code == "0" || !code.starts_with('0'));
    plain
        && code
            .parse::<u64>()
            .is_ok_and(|number| (low..=high).contains(&number))
}

/// One line of `[catalogs.Name.failures]`: `invalid_json = "10000"`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FailureCode {
    /// The failure, by its key.
    pub kind: Spanned<Failure>,
    /// The code of this catalog that answers it.
    pub code: Spanned<String>,
}

/// One code: a line of a catalog's `codes` array.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeEntry {
    /// The code as it goes into `result_code`, e.g. `10400`.
    pub code: Spanned<String>,
    /// The Rust variant name, e.g. `NotFound`.
    pub name: Spanned<String>,
    /// The HTTP status it answers with.
    pub status: Spanned<u16>,
    /// The public description in the default locale, e.g. `所请求的资源不存在`.
    pub desc: Spanned<String>,
    /// The description in each other locale of the file, `en = "..."`: (locale, text), in
    /// the order the file's `locales` lists them once the file is checked.
    pub translations: Vec<(String, Spanned<String>)>,
    /// Why the code should no longer be used and what to use instead
    /// (`deprecated = "use 10105"`): the code still answers, and naming it in Rust warns.
    pub deprecated: Option<Spanned<String>>,
    /// The gRPC status it answers with, when it names one (`grpc = "FAILED_PRECONDITION"`);
    /// see [`Catalog::grpc_of`].
    pub grpc: Option<Spanned<GrpcCode>>,
    /// The code's long documentation, Markdown: what it means, its usual causes, what a
    /// client should do. Written in the line (`doc = """..."""`) or read from the file
    /// [`CodeEntry::doc_file`] names (the span is then that path's).
    pub doc: Option<Spanned<String>>,
    /// The Markdown file the documentation was read from (`doc_file = "codes/10400.md"`),
    /// as written: relative to the folder of the catalog file that holds the line.
    pub doc_file: Option<Spanned<String>>,
    /// Whether sending the same request again can succeed (`retryable = true`); `None`
    /// when the file does not say, which clients read as `false`.
    pub retryable: Option<Spanned<bool>>,
}

/// A code taken out of service: a line of a catalog's `retired` array,
/// `{ code = "10106", name = "SessionRevoked", reason = "merged into 10105" }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetiredCode {
    /// The code, which the catalog can never define again.
    pub code: Spanned<String>,
    /// The variant name it had.
    pub name: Spanned<String>,
    /// When or why it was retired, quoted by every message about it.
    pub reason: Spanned<String>,
}

impl CodeEntry {
    /// The code in one line, as the generated enum's docs and the exports' comments show it.
    ///
    /// ```
    /// let file = hero_codes_catalog::CatalogFile::builtin().unwrap();
    /// let entry = file.catalog("ResultCode").unwrap().entry("10400").unwrap();
    /// assert_eq!(entry.doc_line(), "`10400` · HTTP 404 · 所请求的资源不存在");
    /// ```
    pub fn doc_line(&self) -> String {
        format!(
            "`{}` · HTTP {} · {}",
            self.code.value, self.status.value, self.desc.value
        )
    }

    /// Whether retrying can help, as clients read it: `false` unless the file says `true`.
    pub fn is_retryable(&self) -> bool {
        self.retryable
            .as_ref()
            .is_some_and(|retryable| retryable.value)
    }

    /// What `retryable` tells a client, in one sentence, when the file says.
    ///
    /// ```
    /// let text = r#"[catalogs.App]
    /// codes = [
    ///     { code = "0", name = "Ok", status = 200, desc = "成功" },
    ///     { code = "503", name = "Busy", status = 503, desc = "忙", retryable = true },
    /// ]"#;
    /// let file = hero_codes_catalog::CatalogFile::parse(text, "codes.toml").unwrap();
    /// let catalog = &file.catalogs[0];
    /// assert_eq!(catalog.codes[1].retry_note(), Some("Retrying can help: the same request may succeed later."));
    /// assert_eq!(catalog.codes[0].retry_note(), None);
    /// ```
    pub fn retry_note(&self) -> Option<&'static str> {
        self.retryable
            .as_ref()
            .map(|retryable| match retryable.value {
                true => "Retrying can help: the same request may succeed later.",
                false => "Retrying cannot help: the same request gets the same answer.",
            })
    }

    /// The description in the locale at `index` of the file's `locales` (0: `desc`).
    ///
    /// ```
    /// let file = hero_codes_catalog::CatalogFile::builtin().unwrap();
    /// let entry = file.catalog("ResultCode").unwrap().entry("10400").unwrap();
    /// assert_eq!(entry.desc_in(0), "所请求的资源不存在");
    /// assert_eq!(entry.desc_in(1), "The requested resource does not exist");
    /// ```
    pub fn desc_in(&self, index: usize) -> &str {
        match index.checked_sub(1) {
            Some(translation) => self
                .translations
                .get(translation)
                .map_or(self.desc.value.as_str(), |(_, text)| text.value.as_str()),
            None => &self.desc.value,
        }
    }
}
