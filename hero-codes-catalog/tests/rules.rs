//! Every rule of a `codes.toml` catalog file, one small test per rule or class of mistake.
//!
//! Each test parses a tiny file and compares the exact rendered error,
//! `origin:line:column: message`, so a wrong position or a changed wording fails the test.

use std::path::Path;

use hero_codes_catalog::{CatalogFile, Located, Position};

const ORIGIN: &str = "codes.toml";

/// A minimal valid file around `snippet`, the items of one catalog's `codes` array.
/// The first line of `snippet` is line 4 of the file.
fn with_codes(snippet: &str) -> String {
    format!("[catalogs.AppCode]\nstatuses = [200, 404]\ncodes = [\n{snippet}\n]\n")
}

/// The rendered error for `text`, which must be rejected, without the complaint that a
/// catalog has no success code: most fixtures here are too small to have one, and the
/// success rules have tests of their own (which use [`all_errors`]).
fn errors(text: &str) -> String {
    let all = all_errors(text);
    let lines: Vec<&str> = all
        .lines()
        .filter(|line| !is_about_the_success_code(line))
        .collect();
    assert!(
        !lines.is_empty(),
        "only the success code is missing:\n{all}"
    );
    lines.join("\n")
}

/// Whether `line` is one of the two complaints of `success_code_is_defined` that small
/// fixtures trigger by accident: no code with status 200, or several.
fn is_about_the_success_code(line: &str) -> bool {
    line.contains(" has no success code: ") || line.contains("which one means success is unclear")
}

/// Every rendered error for `text`, which must be rejected.
fn all_errors(text: &str) -> String {
    match CatalogFile::parse(text, ORIGIN) {
        Ok(file) => panic!("expected an error, the file was accepted: {file:#?}"),
        Err(error) => error.to_string(),
    }
}

/// `text` must be accepted.
fn accepts(text: &str) -> CatalogFile {
    CatalogFile::parse(text, ORIGIN).unwrap_or_else(|error| panic!("unexpected error:\n{error}"))
}

// ---------------------------------------------------------------- structure ----

#[test]
fn invalid_toml_syntax_is_reported() {
    assert_eq!(
        errors("[catalogs.AppCode\ncodes = []\n"),
        "codes.toml:1:18: invalid TOML: unclosed table, expected `]`"
    );
}

#[test]
fn unknown_key_suggests_the_closest_known_key() {
    assert_eq!(
        errors("[catalogs.AppCode]\nstatuse = [200]\ncodes = []\n"),
        "codes.toml:2:1: unknown key `statuse` in a catalog: did you mean `statuses`?"
    );
}

#[test]
fn misspelt_key_in_a_code_entry_is_one_error_not_two() {
    // The suggestion explains the missing `status`: no second error says it is missing.
    assert_eq!(
        errors(&with_codes(
            r#"    { code = "0", name = "Ok", stauts = 200, desc = "成功" },"#
        )),
        "codes.toml:4:32: unknown key `stauts` in a code entry: did you mean `status`?"
    );
}

#[test]
fn unknown_key_without_a_close_match_lists_the_known_keys() {
    assert_eq!(
        errors("colour = 1\n[catalogs.AppCode]\ncodes = []\n"),
        "codes.toml:1:1: unknown key `colour` in the catalog file: \
         expected `locales`, `domain`, `include`, `envelope`, `http`, `owners` or `catalogs`"
    );
    assert_eq!(
        errors(&with_codes(
            r#"    { code = "0", name = "Ok", status = 200, desc = "成功", colour = 1 },"#
        )),
        "codes.toml:4:59: unknown key `colour` in a code entry: \
         expected `code`, `name`, `status`, `desc`, `deprecated`, `grpc`, `doc`, `doc_file` or `retryable`"
    );
}

#[test]
fn missing_required_key_points_at_its_table() {
    assert_eq!(
        errors(&with_codes(
            r#"    { code = "0", name = "Ok", status = 200 },"#
        )),
        "codes.toml:4:5: missing key `desc` in a code entry: add `desc = ...`"
    );
    assert_eq!(
        errors("[envelope]\ncode_max_chars = 5\n\n[catalogs.AppCode]\nstatuses = [200]\n"),
        "codes.toml:4:1: missing key `codes` in a catalog: add `codes = ...`"
    );
}

#[test]
fn value_of_the_wrong_type_is_reported() {
    assert_eq!(
        errors(&with_codes(
            r#"    { code = 0, name = "Ok", status = "200", desc = "成功" },"#
        )),
        "codes.toml:4:14: `code` must be a string, found an integer\n\
         codes.toml:4:39: `status` must be an integer, found a string"
    );
    assert_eq!(
        errors("[catalogs.AppCode]\nstatuses = 200\ncodes = []\n"),
        "codes.toml:2:12: `statuses` must be an array, found an integer"
    );
    assert_eq!(
        errors("[envelope]\ncode_max_chars = \"32\"\n[catalogs.AppCode]\ncodes = []\n"),
        "codes.toml:2:18: `code_max_chars` must be an integer, found a string"
    );
}

#[test]
fn status_outside_100_to_999_is_rejected() {
    assert_eq!(
        errors(&with_codes(
            "    { code = \"0\", name = \"Ok\", status = 99, desc = \"成功\" },\n    \
             { code = \"1\", name = \"Big\", status = 1000, desc = \"大\" },"
        )),
        "codes.toml:4:41: `99` is not an HTTP status: use a status from 100 to 999\n\
         codes.toml:5:42: `1000` is not an HTTP status: use a status from 100 to 999"
    );
}

#[test]

fn status_beyond_u16_or_negative_gets_the_same_message() {
    assert_eq!(
        errors(&with_codes(
            "    { code = \"0\", name = \"Ok\", status = 70000, desc = \"成功\" },\n    \
             { code = \"1\", name = \"Neg\", status = -1, desc = \"负\" },"
        )),
        "codes.toml:4:41: `70000` is not an HTTP status: use a status from 100 to 999\n\
         codes.toml:5:42: `-1` is not an HTTP status: use a status from 100 to 999"
    );
}

#[test]
fn status_in_statuses_outside_100_to_999_is_rejected() {
    assert_eq!(
        errors("[catalogs.AppCode]\nstatuses = [200, 1000]\ncodes = []\n"),
        "codes.toml:2:18: `1000` is not an HTTP status: use a status from 100 to 999"
    );
}

#[test]

fn item_of_statuses_of_the_wrong_type_names_the_item() {
    assert_eq!(
        errors("[catalogs.AppCode]\nstatuses = [200, \"404\"]\ncodes = []\n"),
        "codes.toml:2:18: a status in `statuses` must be an integer, found a string"
    );
}

// ------------------------------------------------------------ codes & names ----

#[test]
fn duplicate_code_names_the_line_of_the_first() {
    assert_eq!(
        errors(&with_codes(
            "    { code = \"404\", name = \"NotFound\", status = 404, desc = \"不存在\" },\n    \
             { code = \"0\", name = \"Ok\", status = 200, desc = \"成功\" },\n    \
             { code = \"404\", name = \"Missing\", status = 404, desc = \"没有\" },"
        )),
        "codes.toml:6:14: duplicate code `404` in AppCode: it is already defined on line 4; \
         give each code one line"
    );
}

#[test]
fn duplicate_variant_name_names_the_line_of_the_first() {
    assert_eq!(
        errors(&with_codes(
            "    { code = \"0\", name = \"Ok\", status = 200, desc = \"成功\" },\n    \
             { code = \"404\", name = \"NotFound\", status = 404, desc = \"不存在\" },\n    \
             { code = \"1\", name = \"Ok\", status = 200, desc = \"好\" },"
        )),
        "codes.toml:6:26: duplicate variant name `Ok` in AppCode: it is already used on line 4; \
         choose another name"
    );
}

#[test]
fn same_code_and_name_in_two_catalogs_is_fine() {
    let file = accepts(
        "[catalogs.A]\ncodes = [{ code = \"1\", name = \"X\", status = 200, desc = \"x\" }]\n\
         [catalogs.B]\ncodes = [{ code = \"1\", name = \"X\", status = 200, desc = \"x\" }]\n",
    );
    assert_eq!(file.catalogs.len(), 2);
}

#[test]
fn variant_name_must_be_a_rust_identifier() {
    assert_eq!(
        errors(&with_codes(
            "    { code = \"0\", name = \"not-found\", status = 200, desc = \"成功\" },\n    \
             { code = \"1\", name = \"Self\", status = 200, desc = \"自己\" },\n    \
             { code = \"2\", name = \"2xx\", status = 200, desc = \"二\" },\n    \
             { code = \"3\", name = \"_\", status = 200, desc = \"三\" },\n    \
             { code = \"4\", name = \"\", status = 200, desc = \"四\" },"
        )),
        "codes.toml:4:26: variant name `not-found` contains a character that no Rust identifier \
         may hold: use an UpperCamelCase name such as `NotFound`\n\
         codes.toml:5:26: variant name `Self` is a Rust keyword: \
         use an UpperCamelCase name such as `NotFound`\n\
         codes.toml:6:26: variant name `2xx` does not start with a letter or `_`, so it is not a \
         Rust identifier: use an UpperCamelCase name such as `NotFound`\n\
         codes.toml:7:26: variant name `_` is `_`, which is not an identifier: \
         use an UpperCamelCase name such as `NotFound`\n\
         codes.toml:8:26: variant name `` is empty: use an UpperCamelCase name such as `NotFound`"
    );
}

#[test]
fn non_ascii_identifier_is_a_valid_variant_name() {
    let file = accepts(&with_codes(
        r#"    { code = "0", name = "成功", status = 200, desc = "成功" },"#,
    ));
    assert_eq!(file.catalogs[0].codes[0].name.value, "成功");
}

#[test]
fn catalog_name_must_be_a_rust_identifier() {
    assert_eq!(
        errors("[catalogs.result-code]\ncodes = []\n"),
        "codes.toml:1:11: catalog name `result-code` contains a character that no Rust \
         identifier may hold: it names the generated enum"
    );
    assert_eq!(
        errors("[catalogs]\nSelf = { codes = [] }\n"),
        "codes.toml:2:1: catalog name `Self` is a Rust keyword: it names the generated enum"
    );
}

// -------------------------------------------------------- statuses & ranges ----

#[test]
fn status_not_in_statuses_is_rejected() {
    // The description before the status holds 4 three-byte characters: columns count
    // characters, so the status stands at column 58, not 66.
    assert_eq!(
        errors(&with_codes(
            r#"  { code = "1", desc = "成功成功", name = "Teapot", status = 418 },"#
        )),
        "codes.toml:4:58: status 418 is not allowed in AppCode: use one of 200, 404, \
         or add it to `statuses`"
    );
}

#[test]
fn without_statuses_any_http_status_is_allowed() {
    accepts(
        "[catalogs.AppCode]\nsuccess = \"2\"\ncodes = [\n    \
         { code = \"1\", name = \"Teapot\", status = 418, desc = \"茶\" },\n    \
         { code = \"2\", name = \"Done\", status = 299, desc = \"好\" },\n]\n",
    );
}

#[test]
fn code_outside_the_range_of_its_status_is_rejected() {
    assert_eq!(
        errors(
            "[catalogs.AppCode]\nstatuses = [200, 404]\nranges = { 404 = [10400, 10499] }\ncodes = [\n    \
             { code = \"0\", name = \"Ok\", status = 200, desc = \"成功\" },\n    \
             { code = \"10400\", name = \"NotFound\", status = 404, desc = \"不存在\" },\n    \
             { code = \"10500\", name = \"Gone\", status = 404, desc = \"没了\" },\n    \
             { code = \"E404\", name = \"Lost\", status = 404, desc = \"丢了\" },\n]\n"
        ),
        "codes.toml:7:14: code `10500` is outside the range of status 404: \
         use a code from 10400 to 10499\n\
         codes.toml:8:14: code `E404` is outside the range of status 404: \
         use a code from 10400 to 10499"
    );
}

#[test]
fn range_bounds_are_inclusive() {
    accepts(
        "[catalogs.AppCode]\nranges = { 404 = [10400, 10499] }\ncodes = [\n    \
         { code = \"10400\", name = \"First\", status = 404, desc = \"一\" },\n    \
         { code = \"10499\", name = \"Last\", status = 404, desc = \"末\" },\n    \
         { code = \"0\", name = \"Ok\", status = 200, desc = \"成功\" },\n]\n",
    );
}

#[test]
fn range_for_a_status_not_in_statuses_is_rejected() {
    assert_eq!(
        errors(
            "[catalogs.AppCode]\nstatuses = [200, 404]\n\
             ranges = { 404 = [10400, 10499], 500 = [10500, 10599] }\ncodes = []\n"
        ),
        "codes.toml:3:34: range for status 500 which is not in `statuses` (200, 404): \
         add the status or remove the range"
    );
}

#[test]
fn range_key_that_is_not_a_status_is_rejected() {
    assert_eq!(
        errors("[catalogs.AppCode]\nranges = { 4xx = [1, 2], 1000 = [3, 4] }\ncodes = []\n"),
        "codes.toml:2:12: `4xx` is not an HTTP status: a key of `ranges` is a status from 100 \
         to 999\n\
         codes.toml:2:26: `1000` is not an HTTP status: a key of `ranges` is a status from 100 \
         to 999"
    );
}

#[test]
fn reversed_range_is_rejected() {
    assert_eq!(
        errors(
            "[catalogs.AppCode]\nstatuses = [200, 404]\nranges = { 404 = [10499, 10400] }\n\
             codes = []\n"
        ),
        "codes.toml:3:19: range for status 404 starts above its end (10499 > 10400): \
         write the lowest code first"
    );
}

#[test]

fn reversed_range_is_reported_once_not_for_every_code() {
    assert_eq!(
        errors(
            "[catalogs.AppCode]\nstatuses = [200, 404]\nranges = { 404 = [10499, 10400] }\n\
             codes = [{ code = \"10450\", name = \"NotFound\", status = 404, desc = \"不存在\" }]\n"
        ),
        "codes.toml:3:19: range for status 404 starts above its end (10499 > 10400): \
         write the lowest code first"
    );
}

#[test]
fn malformed_range_is_rejected() {
    assert_eq!(
        errors(
            "[catalogs.AppCode]\nranges = { 404 = [10400], 500 = [10500, 10550, 10599] }\n\
             codes = []\n"
        ),
        "codes.toml:2:18: a range is two numbers, the lowest and the highest code: \
         `[10400, 10499]`\n\
         codes.toml:2:33: a range is two numbers, the lowest and the highest code: \
         `[10400, 10499]`"
    );
}

#[test]

fn range_of_the_wrong_type_is_worded_as_prose() {
    assert_eq!(
        errors("[catalogs.AppCode]\nranges = { 404 = [10400, \"x\"], 500 = 3 }\ncodes = []\n"),
        "codes.toml:2:26: a range bound must be an integer, found a string\n\
         codes.toml:2:38: a range must be an array, found an integer"
    );
}

#[test]

fn status_listed_twice_in_statuses_is_rejected() {
    let error = CatalogFile::parse(
        "[catalogs.AppCode]\nstatuses = [200, 200]\ncodes = [{ code = \"0\", name = \"Ok\", status = 200, desc = \"成功\" }]\n",
        ORIGIN,
    )
    .expect_err("`statuses = [200, 200]` was accepted");
    assert_eq!(error.problems().len(), 1, "{error}");
    assert_eq!(
        error.problems()[0].position,
        Some(Position {
            line: 2,
            column: 18
        })
    );
    assert!(error.problems()[0].message.contains("200"), "{error}");
}

#[test]

fn overlapping_ranges_are_rejected() {
    let error = CatalogFile::parse(
        "[catalogs.AppCode]\nranges = { 400 = [10000, 10099], 401 = [10050, 10199] }\ncodes = [{ code = \"0\", name = \"Ok\", status = 200, desc = \"成功\" }]\n",
        ORIGIN,
    )
    .expect_err("overlapping ranges were accepted");
    assert_eq!(error.problems().len(), 1, "{error}");
    assert_eq!(
        error.problems()[0].position,
        Some(Position {
            line: 2,
            column: 34
        })
    );
}

// ------------------------------------------------------- code & desc texts ----

#[test]
fn empty_code_is_rejected() {
    assert_eq!(
        errors(&with_codes(
            r#"    { code = "", name = "Ok", status = 200, desc = "成功" },"#
        )),
        "codes.toml:4:14: empty code: write the code, e.g. `10400`"
    );
}

#[test]
fn code_with_white_space_is_rejected() {
    assert_eq!(
        errors(&with_codes(
            "    { code = \"10400 \", name = \"A\", status = 404, desc = \"甲\" },\n    \
             { code = \"104 00\", name = \"B\", status = 404, desc = \"乙\" },\n    \
             { code = \"10400\\t\", name = \"C\", status = 404, desc = \"丙\" },"
        )),
        "codes.toml:4:14: code `10400 ` contains white space: remove it\n\
         codes.toml:5:14: code `104 00` contains white space: remove it\n\
         codes.toml:6:14: code `10400\\t` contains white space: remove it"
    );
}

#[test]
fn code_longer_than_32_characters_is_rejected() {
    let limit = "1".repeat(32);
    let long = "1".repeat(33);
    // 32 characters of three bytes each: the limit counts characters, not bytes.
    let wide = "码".repeat(32);
    assert_eq!(
        errors(&with_codes(&format!(
            "    {{ code = \"{limit}\", name = \"A\", status = 200, desc = \"甲\" }},\n    \
             {{ code = \"{wide}\", name = \"B\", status = 200, desc = \"乙\" }},\n    \
             {{ code = \"{long}\", name = \"C\", status = 200, desc = \"丙\" }},"
        ))),
        format!("codes.toml:6:14: code `{long}` is 33 characters long: the limit is 32")
    );
}

#[test]
fn custom_code_max_chars_is_applied() {
    assert_eq!(
        errors(
            "[envelope]\ncode_max_chars = 5\n\n[catalogs.AppCode]\ncodes = [\n    \
             { code = \"12345\", name = \"A\", status = 200, desc = \"甲\" },\n    \
             { code = \"123456\", name = \"B\", status = 200, desc = \"乙\" },\n]\n"
        ),
        "codes.toml:7:14: code `123456` is 6 characters long: the limit is 5"
    );
}

#[test]
fn empty_description_is_rejected() {
    assert_eq!(
        errors(&with_codes(
            "    { code = \"0\", name = \"Ok\", status = 200, desc = \"\" },\n    \
             { code = \"1\", name = \"Blank\", status = 200, desc = \"   \" },"
        )),
        "codes.toml:4:53: empty description for code `0`: write what the code means\n\
         codes.toml:5:56: empty description for code `1`: write what the code means"
    );
}

#[test]
fn description_longer_than_128_characters_is_rejected() {
    // 128 characters of three bytes each (384 bytes) fit; 129 do not.
    let fits = "长".repeat(128);
    let long = "长".repeat(129);
    assert_eq!(
        errors(&with_codes(&format!(
            "    {{ code = \"0\", name = \"Ok\", status = 200, desc = \"{fits}\" }},\n    \
             {{ code = \"1\", name = \"Long\", status = 200, desc = \"{long}\" }},"
        ))),
        "codes.toml:5:55: description of code `1` is 129 characters long: the limit is 128"
    );
}

// --------------------------------------------------------- [http] & [envelope] ----

#[test]
fn duplicate_http_status_row_is_rejected() {
    assert_eq!(
        errors(
            "[http]\nstatuses = [\n    { status = 200, reason = \"OK\", meaning = \"成功\" },\n    \
             { status = 404, reason = \"NOT FOUND\", meaning = \"不存在\" },\n    \
             { status = 200, reason = \"OK\", meaning = \"好\" },\n]\n\n\
             [catalogs.AppCode]\ncodes = []\n"
        ),
        "codes.toml:5:16: HTTP status 200 is listed twice: keep one row per status"
    );
}

#[test]
fn empty_http_texts_are_rejected() {
    assert_eq!(
        errors(
            "[http]\nstatuses = [{ status = 200, reason = \"\", meaning = \" \" }]\n\
             [catalogs.AppCode]\ncodes = []\n"
        ),
        "codes.toml:2:38: the `reason` of HTTP status 200 is empty\n\
         codes.toml:2:52: the `meaning` of HTTP status 200 is empty"
    );
}

#[test]
fn envelope_fields_sharing_a_name_are_rejected() {
    assert_eq!(
        errors("[envelope]\ncode = \"result\"\ndata = \"\"\n\n[catalogs.AppCode]\ncodes = []\n"),
        "codes.toml:2:8: envelope field `code` is named `result`, the default name of field `result`: \
         give each field its own name\n\
         codes.toml:3:8: envelope field `data` has an empty name: name the JSON field"
    );
}

#[test]

fn envelope_name_clashing_with_a_default_points_at_the_written_key() {
    assert_eq!(
        errors("[envelope]\nresult = \"result_code\"\n\n[catalogs.AppCode]\ncodes = []\n"),
        "codes.toml:2:10: envelope field `result` is named `result_code`, the default name of field `code`: \
         give each field its own name"
    );
}

#[test]
fn desc_max_chars_of_zero_is_rejected() {
    assert_eq!(
        errors("[envelope]\ndesc_max_chars = 0\n\n[catalogs.AppCode]\ncodes = []\n"),
        "codes.toml:2:18: `desc_max_chars` must be at least 1"
    );
}

#[test]

fn zero_limits_are_reported_once_not_for_every_code() {
    assert_eq!(
        errors(
            "[envelope]\ndesc_max_chars = 0\ncode_max_chars = 0\n\n[catalogs.AppCode]\n\
             codes = [{ code = \"0\", name = \"Ok\", status = 200, desc = \"成功\" }]\n"
        ),
        "codes.toml:2:18: `desc_max_chars` must be at least 1\n\
         codes.toml:3:18: `code_max_chars` must be at least 1"
    );
}

#[test]

fn missing_catalogs_suggests_a_catalog_table() {
    let error = CatalogFile::parse("[envelope]\ncode_max_chars = 32\n", ORIGIN)
        .expect_err("a file without catalogs was accepted");
    assert_eq!(error.problems().len(), 1, "{error}");
    assert_eq!(
        error.problems()[0].position,
        Some(Position { line: 1, column: 1 })
    );
    assert!(
        error.problems()[0].message.contains("[catalogs."),
        "{error}"
    );
}

// ------------------------------------------------------------- whole files ----

#[test]
fn every_mistake_is_reported_in_file_order() {
    let text = "\
[envelope]
code = \"result\"
desc_max_chars = \"128\"

[http]
statuses = [
    { status = 200, reason = \"OK\", meaning = \"成功\" },
    { status = 200, reason = \"OK\", meaning = \"成功\" },
]

[catalogs.app-code]
statuses = [200, 404]
ranges = { 500 = [10500, 10599] }
colour = \"red\"
codes = [
    { code = \"0\", name = \"Ok\", status = 418, desc = \"成功\" },
    { code = \"0\", name = \"not-found\", status = 404, desc = \"\" },
    { code = \"1\", name = \"Ok\", status = 200 },
]
";
    let error = CatalogFile::parse(text, ORIGIN).expect_err("the broken file was accepted");
    assert_eq!(
        error.to_string(),
        "codes.toml:2:8: envelope field `code` is named `result`, the default name of field `result`: \
         give each field its own name\n\
         codes.toml:3:18: `desc_max_chars` must be an integer, found a string\n\
         codes.toml:8:16: HTTP status 200 is listed twice: keep one row per status\n\
         codes.toml:11:11: catalog name `app-code` contains a character that no Rust \
         identifier may hold: it names the generated enum\n\
         codes.toml:13:12: range for status 500 which is not in `statuses` (200, 404): \
         add the status or remove the range\n\
         codes.toml:14:1: unknown key `colour` in a catalog: \
         expected `doc`, `owner`, `success`, `statuses`, `ranges`, `codes`, `retired`, `failures`, `grpc` or `domain`\n\
         codes.toml:16:41: status 418 is not allowed in app-code: use one of 200, 404, \
         or add it to `statuses`\n\
         codes.toml:17:14: duplicate code `0` in app-code: it is already defined on line 16; \
         give each code one line\n\
         codes.toml:17:26: variant name `not-found` contains a character that no Rust \
         identifier may hold: use an UpperCamelCase name such as `NotFound`\n\
         codes.toml:17:60: empty description for code `0`: write what the code means\n\
         codes.toml:18:5: missing key `desc` in a code entry: add `desc = ...`"
    );
    assert_eq!(error.problems().len(), 11);
    let positions: Vec<Position> = error
        .problems()
        .iter()
        .map(|problem| problem.position.expect("every problem has a position"))
        .collect();
    assert!(positions.is_sorted(), "{positions:?}");
}

#[test]
fn valid_file_without_envelope_or_http_gets_the_defaults() {
    let file = accepts(&with_codes(
        "    { code = \"0\", name = \"Ok\", status = 200, desc = \"成功\" },\n    \
         { code = \"404\", name = \"NotFound\", status = 404, desc = \"不存在\" },",
    ));
    let envelope = &file.envelope;
    assert_eq!(envelope.result.as_ref().unwrap().value, "result");
    assert_eq!(envelope.code.value, "result_code");
    assert_eq!(envelope.desc.value, "result_desc");
    assert_eq!(envelope.data.value, "data");
    assert_eq!(envelope.code_max_chars.value, 32);
    assert_eq!(envelope.desc_max_chars.value, 128);
    assert!(file.http_statuses.is_empty());
    assert_eq!(file.catalogs.len(), 1);
    let catalog = &file.catalogs[0];
    assert_eq!(catalog.name.value, "AppCode");
    assert_eq!(catalog.codes.len(), 2);
    assert_eq!(catalog.codes[1].code.value, "404");
    assert_eq!(catalog.codes[1].name.value, "NotFound");
    assert_eq!(catalog.codes[1].status.value, 404);
    assert_eq!(catalog.codes[1].desc.value, "不存在");
}

#[test]
fn loading_a_missing_file_gives_one_problem_without_position() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/no-such-dir/codes.toml");
    let io_error = std::fs::read_to_string(&path).expect_err("the file should not exist");
    let error = Located::named(path, "config/codes.toml")
        .read()
        .expect_err("a missing file loaded");
    assert_eq!(error.origin(), "config/codes.toml");
    assert_eq!(error.problems().len(), 1);
    assert_eq!(error.problems()[0].position, None);
    assert_eq!(
        error.to_string(),
        format!(
            "config/codes.toml: cannot read the catalog file: {io_error}; \
             create it, or name another file"
        )
    );
}

#[test]
fn the_loader_reads_the_lock_beside_the_file() {
    let dir = tempdir("loader-lock");
    let path = dir.join("app.toml");
    let text = "[catalogs.App]\ncodes = [\n    { code = \"0\", name = \"Ok\", status = 200, desc = \"成功\" },\n]\n";
    std::fs::write(&path, text).unwrap();
    let source = Located::named(path.clone(), "app.toml").read().unwrap();
    assert_eq!(source.lock, None);
    assert!(source.check().is_ok());

    // A lock that releases a code the file no longer has: the loader's check sees it.
    std::fs::write(
        dir.join("app.lock"),
        "App 0 200 Ok active\nApp 7 404 Gone active\n",
    )
    .unwrap();
    let source = Located::named(path.clone(), "app.toml").read().unwrap();
    assert_eq!(source.tracked(), [path, dir.join("app.lock")]);
    let error = source.check().expect_err("a file breaking its lock passed");
    assert!(
        error
            .to_string()
            .contains("code `7` of App (`Gone`, status 404) is released in app.lock"),
        "{error}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

fn tempdir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("hero-codes-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn builtin_catalog_parses() {
    let file = CatalogFile::builtin().unwrap_or_else(|error| panic!("{error}"));
    let names: Vec<&str> = file
        .catalogs
        .iter()
        .map(|catalog| catalog.name.value.as_str())
        .collect();
    assert_eq!(names, ["HeroCode", "ResultCode"]);
    for catalog in &file.catalogs {
        assert_eq!(catalog.codes.len(), 14, "{}", catalog.name.value);
    }
    assert_eq!(file.http_statuses.len(), 10);
}

#[test]
fn envelope_fields_both_written_with_one_name_are_rejected() {
    let text = "[envelope]\ncode = \"x\"\ndesc = \"x\"\n\n[catalogs.AppCode]\ncodes = []\n";
    assert_eq!(
        errors(text),
        "codes.toml:3:8: envelope fields `code` and `desc` are both named `x`: give each field its own name"
    );
}

#[test]
fn code_in_range_must_be_a_plain_number() {
    let text = "[catalogs.AppCode]\nranges = { 404 = [10400, 10499] }\ncodes = [\n\
                { code = \"010400\", name = \"A\", status = 404, desc = \"不存在\" },\n\
                { code = \"+10401\", name = \"B\", status = 404, desc = \"不存在\" },\n]\n";
    assert_eq!(
        errors(text),
        "codes.toml:4:10: code `010400` is outside the range of status 404: use a code from 10400 to 10499\n\
         codes.toml:5:10: code `+10401` is outside the range of status 404: use a code from 10400 to 10499"
    );
}

/// A catalog with a success, a 4xx and a 5xx code and the given `failures` lines.
fn with_failures(lines: &str) -> String {
    format!(
        "[catalogs.AppCode]\ncodes = [{{ code = \"0\", name = \"Ok\", status = 200, desc = \"成功\" }},\n\
         {{ code = \"400\", name = \"Bad\", status = 400, desc = \"错误\" }},\n\
         {{ code = \"500\", name = \"Internal\", status = 500, desc = \"内部错误\" }},\n]\n\
         [catalogs.AppCode.failures]\n{lines}"
    )
}

const ALL_FAILURES_BUT_INTERNAL: &str = "invalid_json = \"400\"\ninvalid_form = \"400\"\n\
    invalid_query = \"400\"\ninvalid_path = \"400\"\nunsupported_media_type = \"400\"\n\
    body_too_large = \"400\"\nnot_found = \"400\"\nmethod_not_allowed = \"400\"\nbad_request = \"400\"\n";

#[test]
fn failures_table_maps_every_kind() {
    let file = accepts(&with_failures(&format!(
        "{ALL_FAILURES_BUT_INTERNAL}internal = \"500\"\n"
    )));
    let failures = file.catalogs[0]
        .failures
        .as_ref()
        .expect("the table is read");
    assert_eq!(failures.len(), hero_codes_catalog::Failure::ALL.len());
    assert_eq!(
        failures[9].kind.value,
        hero_codes_catalog::Failure::Internal
    );
    assert_eq!(failures[9].code.value, "500");
}

#[test]
fn failures_table_must_list_every_kind() {
    assert_eq!(
        errors(&with_failures(ALL_FAILURES_BUT_INTERNAL)),
        "codes.toml:6:1: missing key `internal` in the `failures` table: add `internal = ...`"
    );
}

#[test]
fn failure_code_must_exist_and_fit_its_kind() {
    let text = with_failures(&format!("{ALL_FAILURES_BUT_INTERNAL}internal = \"501\"\n"));
    let text = text.replace("not_found = \"400\"", "not_found = \"500\"");
    assert_eq!(
        errors(&text),
        "codes.toml:13:13: `not_found` must answer with a 4xx code (or a 2xx one, in a catalog that answers errors with HTTP 200), and `500` has status 500: choose another code\n\
         codes.toml:16:12: `internal` names code `501`, which AppCode does not have: did you mean `500`?"
    );
}

#[test]
fn a_line_that_cannot_be_read_brings_no_follow_on_error() {
    // `stauts`: the line of `400` is not read; `failures` and the lock naming `400` are not
    // reported as well.
    let text = with_failures(&format!("{ALL_FAILURES_BUT_INTERNAL}internal = \"500\"\n")).replace(
        "name = \"Bad\", status = 400",
        "name = \"Bad\", stauts = 400",
    );
    let lock =
        hero_codes_catalog::Lock::parse("AppCode 400 400 Bad active\n", "codes.lock").unwrap();
    let error = CatalogFile::parse_locked(&text, ORIGIN, &lock).unwrap_err();
    assert_eq!(
        error.to_string(),
        "codes.toml:3:31: unknown key `stauts` in a code entry: did you mean `status`?"
    );
}

#[test]
fn a_missing_failure_code_suggests_every_code_as_close() {
    let text = with_failures(&format!("{ALL_FAILURES_BUT_INTERNAL}internal = \"500\"\n"))
        .replace("not_found = \"400\"", "not_found = \"401\"");
    let text = text.replace(
        "status = 500, desc = \"内部错误\" },",
        "status = 500, desc = \"内部错误\" },\n{ code = \"404\", name = \"Gone\", status = 400, desc = \"无\" },\n{ code = \"410\", name = \"Old\", status = 400, desc = \"旧\" },",
    );
    assert_eq!(
        errors(&text),
        "codes.toml:15:13: `not_found` names code `401`, which AppCode does not have: did you mean `400`, `404` or `410`?"
    );
}

#[test]
fn locales_under_a_table_header_is_one_error_saying_where_it_goes() {
    let text = "[envelope]\ncode = \"code\"\nlocales = [\"zh-CN\", \"en\"]\n\n[catalogs.AppCode]\ncodes = [\n    \
                { code = \"0\", name = \"Ok\", status = 200, desc = \"成功\", en = \"OK\" },\n    \
                { code = \"404\", name = \"NotFound\", status = 404, desc = \"不存在\", en = \"Not found\" },\n]\n";
    assert_eq!(
        all_errors(text),
        "codes.toml:3:1: `locales` belongs to the whole file, not to the [envelope] table: move it to the top of the file, above the first [table] header"
    );
}

// ------------------------------------------------------------ success code ----

#[test]
fn the_one_code_with_status_200_is_the_success_code() {
    let file = accepts(&with_codes(
        "    { code = \"404\", name = \"NotFound\", status = 404, desc = \"不存在\" },\n    \
         { code = \"0\", name = \"Ok\", status = 200, desc = \"成功\" },",
    ));
    assert_eq!(file.catalogs[0].success().unwrap().name.value, "Ok");
}

#[test]
fn a_catalog_without_a_code_of_status_200_must_name_its_success_code() {
    assert_eq!(
        all_errors(&with_codes(
            "    { code = \"404\", name = \"NotFound\", status = 404, desc = \"不存在\" },"
        )),
        "codes.toml:1:11: AppCode has no success code: add a code with status 200, or name its \
         success code with `success = \"...\"`"
    );
}

#[test]
fn several_codes_with_status_200_need_a_declared_success_code() {
    let text = "[catalogs.AppCode]\ncodes = [\n\
                { code = \"00000\", name = \"Ok\", status = 200, desc = \"成功\" },\n\
                { code = \"A0001\", name = \"UserError\", status = 200, desc = \"用户端错误\" },\n]\n";
    assert_eq!(
        all_errors(text),
        "codes.toml:4:10: AppCode has several codes with status 200 (`00000` on line 3 and \
         `A0001`), so which one means success is unclear: name it with `success = \"00000\"` in \
         [catalogs.AppCode]"
    );
    let declared = text.replace(
        "codes = [",
        "success = \"00000\"\ngrpc = \"FAILED_PRECONDITION\"\ncodes = [",
    );
    let file = accepts(&declared);
    assert_eq!(file.catalogs[0].success().unwrap().code.value, "00000");
}

#[test]
fn the_declared_success_code_must_exist_and_answer_2xx() {
    let text = "[catalogs.AppCode]\nsuccess = \"00001\"\ncodes = [\n\
                { code = \"00000\", name = \"Ok\", status = 200, desc = \"成功\" },\n\
                { code = \"A0001\", name = \"UserError\", status = 400, desc = \"用户端错误\" },\n]\n";
    assert_eq!(
        all_errors(text),
        "codes.toml:2:11: `success` names code `00001`, which AppCode does not have: did you mean `00000` or `A0001`?"
    );
    assert_eq!(
        all_errors(&text.replace("\"00001\"", "\"A0001\"")),
        "codes.toml:2:11: the success code `A0001` has status 400: success answers with a 2xx status"
    );
}

#[test]
fn errors_may_answer_with_http_200_and_failures_may_name_them() {
    let text = "[catalogs.AliCode]\nsuccess = \"00000\"\ngrpc = \"FAILED_PRECONDITION\"\ncodes = [\n\
                { code = \"00000\", name = \"Ok\", status = 200, desc = \"一切ok\" },\n\
                { code = \"A0400\", name = \"BadParameter\", status = 200, desc = \"用户请求参数错误\" },\n\
                { code = \"B0001\", name = \"SystemError\", status = 200, desc = \"系统执行出错\" },\n]\n\
                [catalogs.AliCode.failures]\n\
                invalid_json = \"A0400\"\ninvalid_form = \"A0400\"\ninvalid_query = \"A0400\"\n\
                invalid_path = \"A0400\"\nunsupported_media_type = \"A0400\"\nbody_too_large = \"A0400\"\n\
                not_found = \"A0400\"\nmethod_not_allowed = \"A0400\"\nbad_request = \"A0400\"\n\
                internal = \"B0001\"\n";
    accepts(text);
    assert_eq!(
        errors(&text.replace("internal = \"B0001\"", "internal = \"00000\"")),
        "codes.toml:19:12: `internal` names `00000`, the success code of AliCode: a failure \
         answers with an error code"
    );
}

#[test]
fn a_variant_name_may_not_be_a_generated_item() {
    assert_eq!(
        errors(&with_codes(
            "    { code = \"0\", name = \"Ok\", status = 200, desc = \"成功\" },\n    \
             { code = \"1\", name = \"ALL\", status = 404, desc = \"全部\" },\n    \
             { code = \"2\", name = \"from_code\", status = 404, desc = \"查找\" },"
        )),
        "codes.toml:5:26: variant name `ALL` clashes with the generated `AppCode::ALL`: choose another name\n\
         codes.toml:6:26: variant name `from_code` clashes with the generated `AppCode::from_code`: choose another name"
    );
}

// ----------------------------------------------------------- numeric codes ----

/// A WeChat-like envelope: numeric `errcode`, `errmsg`, no `result` field.
const NUMERIC_ENVELOPE: &str =
    "[envelope]\nresult = false\ncode = \"errcode\"\ndesc = \"errmsg\"\ncode_type = \"number\"\n\n";

#[test]
fn a_numeric_envelope_takes_integer_codes_negative_ones_included() {
    let text = format!(
        "{NUMERIC_ENVELOPE}[catalogs.WeChatCode]\ncodes = [\n\
         {{ code = \"0\", name = \"Ok\", status = 200, desc = \"请求成功\" }},\n\
         {{ code = \"-1\", name = \"Busy\", status = 503, desc = \"系统繁忙\" }},\n\
         {{ code = \"40013\", name = \"InvalidAppId\", status = 400, desc = \"不合法的AppID\" }},\n]\n"
    );
    let file = accepts(&text);
    assert_eq!(file.envelope.result, None);
    assert_eq!(
        file.envelope.code_type.value,
        hero_codes_catalog::CodeType::Number
    );
    assert_eq!(
        hero_codes_catalog::error_body_json(&file.envelope, "40013", "不合法的AppID"),
        r#"{"errcode":40013,"errmsg":"不合法的AppID"}"#
    );
}

#[test]
fn a_numeric_envelope_refuses_codes_that_are_not_integers() {
    let text = format!(
        "{NUMERIC_ENVELOPE}[catalogs.WeChatCode]\ncodes = [\n\
         {{ code = \"0\", name = \"Ok\", status = 200, desc = \"请求成功\" }},\n\
         {{ code = \"A0001\", name = \"A\", status = 400, desc = \"一\" }},\n\
         {{ code = \"007\", name = \"B\", status = 400, desc = \"二\" }},\n\
         {{ code = \"-0\", name = \"C\", status = 400, desc = \"三\" }},\n\
         {{ code = \"99999999999999999999\", name = \"D\", status = 400, desc = \"四\" }},\n]\n"
    );
    let message = |line: usize, code: &str| {
        format!(
            "codes.toml:{line}:10: code `{code}` is not an integer, and the envelope writes codes \
             as numbers (`code_type = \"number\"`): write it as an integer such as `40013` or \
             `-1`, without leading zeros or `+`"
        )
    };
    assert_eq!(
        errors(&text),
        [
            message(10, "A0001"),
            message(11, "007"),
            message(12, "-0"),
            message(13, "99999999999999999999")
        ]
        .join("\n")
    );
}

#[test]
fn envelope_result_is_a_name_or_false_and_code_type_a_known_word() {
    let text = "[envelope]\nresult = true\ncode_type = \"integer\"\n\n[catalogs.AppCode]\n\
                codes = [{ code = \"0\", name = \"Ok\", status = 200, desc = \"成功\" }]\n";
    assert_eq!(
        errors(text),
        "codes.toml:2:10: `result = true` says nothing: name the success field (`result = \"result\"`), \
         or write `result = false` to leave it out\n\
         codes.toml:3:13: unknown `code_type` `integer`: write \"string\" for codes such as \
         \"10400\", or \"number\" for codes such as 40013"
    );
}

// ------------------------------------------------------------------ locales ----

/// A file in Chinese and English around `codes`, the lines of one catalog's `codes`;
/// the first line of `codes` is line 4.
fn bilingual(codes: &str) -> String {
    format!("locales = [\"zh\", \"en\"]\n[catalogs.AppCode]\ncodes = [\n{codes}\n]\n")
}

#[test]
fn each_code_line_carries_its_description_in_every_locale() {
    let file = accepts(&bilingual(
        "    { code = \"0\", name = \"Ok\", status = 200, desc = \"成功\", en = \"OK\" },\n    \
         { code = \"404\", en = \"Not found\", name = \"NotFound\", status = 404, desc = \"不存在\" },",
    ));
    assert_eq!(file.locale_tags(), ["zh", "en"]);
    let entry = &file.catalogs[0].codes[1];
    assert_eq!(entry.desc_in(0), "不存在");
    assert_eq!(entry.desc_in(1), "Not found");
}

#[test]
fn a_code_missing_a_declared_locale_is_rejected() {
    assert_eq!(
        errors(&bilingual(
            "    { code = \"0\", name = \"Ok\", status = 200, desc = \"成功\" },"
        )),
        "codes.toml:4:53: code `0` has no description in `en`, a locale of the file: add \
         `en = \"...\"` to its line"
    );
}

#[test]
fn a_description_in_an_undeclared_locale_is_rejected() {
    assert_eq!(
        errors(&bilingual(
            "    { code = \"0\", name = \"Ok\", status = 200, desc = \"成功\", en = \"OK\", fr = \"D'accord\" },"
        )),
        "codes.toml:4:70: unknown key `fr` in a code entry: a description in `fr` needs `fr` \
         in the file's `locales`"
    );
}

#[test]
fn locales_are_language_tags_listed_once_and_translations_fit() {
    let text = "locales = [\"zh\", \"english\", \"zh\"]\n[catalogs.AppCode]\ncodes = [\n\
                { code = \"0\", name = \"Ok\", status = 200, desc = \"成功\" },\n]\n";
    assert_eq!(
        errors(text),
        "codes.toml:1:18: `english` is not a language tag: write one such as `en`, `zh` or `zh-TW`\n\
         codes.toml:1:29: locale `zh` is listed twice: it is already on line 1; list each once\n\
         codes.toml:4:49: code `0` has no description in `english`, a locale of the file: add \
         `english = \"...\"` to its line"
    );
    assert_eq!(
        errors(&bilingual(
            "    { code = \"0\", name = \"Ok\", status = 200, desc = \"成功\", en = \" \" },"
        )),
        "codes.toml:4:64: empty `en` description for code `0`: write what the code means"
    );
}

#[test]
fn retired_codes_are_listed_once_with_a_reason_and_notes_are_not_empty() {
    let text = r#"[catalogs.AppCode]
codes = [
    { code = "0", name = "Ok", status = 200, desc = "成功" },
    { code = "1", name = "Old", status = 400, desc = "旧", deprecated = " " },
]
retired = [
    { code = "7", name = "Seven", reason = "" },
    { code = "7", name = "Sept", reason = "again" },
]
"#;
    let error = CatalogFile::parse(text, "codes.toml").unwrap_err();
    assert_eq!(
        error.to_string(),
        "codes.toml:4:72: empty `deprecated` note for code `1`: say what to use instead, e.g. \"use 10105\"\n\
         codes.toml:7:44: empty `reason` for retired code `7`: say when or why it was retired\n\
         codes.toml:8:14: code `7` is retired twice in AppCode: it is already in `retired` on line 7; keep one line"
    );
}
