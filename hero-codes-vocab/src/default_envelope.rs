//! The envelope a catalog file has where its `[envelope]` table says nothing: what the
//! model fills in, and what generated code writes only the differences from.

use crate::CodeType;

/// The boolean success field.
pub const RESULT: &str = "result";
/// The code field.
pub const CODE: &str = "result_code";
/// The description field.
pub const DESC: &str = "result_desc";
/// The payload field.
pub const DATA: &str = "data";
/// How the code field is written.
pub const CODE_TYPE: CodeType = CodeType::String;
/// The longest code allowed, in characters.
pub const CODE_MAX_CHARS: usize = 32;
/// The longest description allowed, in characters.
pub const DESC_MAX_CHARS: usize = 128;
