//! Moving every span of what was read from a file by the offset its text was placed at,
//! when several files are checked together (see `Diagnostics::add_file`).

use crate::diagnostic::Spanned;
use crate::model::{
    Catalog, CatalogFile, CodeEntry, CodeRange, DocLink, Envelope, FailureCode, HttpStatus,
    Include, OwnedRange, Owner, RetiredCode,
};

/// A value whose spans can be moved.
pub(crate) trait Shift {
    /// Moves every span in `self` `by` bytes on.
    fn shift(&mut self, by: usize);
}

impl<T> Shift for Spanned<T> {
    fn shift(&mut self, by: usize) {
        self.span.start += by;
        self.span.end += by;
    }
}

impl<T: Shift> Shift for Option<T> {
    fn shift(&mut self, by: usize) {
        if let Some(value) = self {
            value.shift(by);
        }
    }
}

impl<T: Shift> Shift for Vec<T> {
    fn shift(&mut self, by: usize) {
        for value in self {
            value.shift(by);
        }
    }
}

impl<T: Shift> Shift for (String, T) {
    fn shift(&mut self, by: usize) {
        self.1.shift(by);
    }
}

/// Shifts every field of `$value`, a `$type`, but those listed after `not`, which hold no
/// span: the pattern names every field, so a field added to the model without being
/// shifted here does not compile.
macro_rules! shift_fields {
    ($value:expr, $by:expr; $type:ident { $($field:ident),* $(,)? } $(not { $($other:ident),* })?) => {
        let $type { $($field,)* $($($other: _,)*)? } = $value;
        $( $field.shift($by); )*
    };
}

impl Shift for CatalogFile {
    fn shift(&mut self, by: usize) {
        shift_fields!(self, by; CatalogFile { locales, envelope, http_statuses, catalogs, domain, includes, owners });
    }
}

impl Shift for Envelope {
    fn shift(&mut self, by: usize) {
        shift_fields!(self, by; Envelope { result, code, desc, data, code_type, code_max_chars, desc_max_chars, doc_url });
    }
}

impl Shift for DocLink {
    fn shift(&mut self, by: usize) {
        shift_fields!(self, by; DocLink { field, template });
    }
}

impl Shift for HttpStatus {
    fn shift(&mut self, by: usize) {
        shift_fields!(self, by; HttpStatus { status, reason, meaning });
    }
}

impl Shift for Include {
    fn shift(&mut self, by: usize) {
        shift_fields!(self, by; Include { path, catalogs });
    }
}

impl Shift for Owner {
    fn shift(&mut self, by: usize) {
        shift_fields!(self, by; Owner { name, doc, ranges, prefixes });
    }
}

impl Shift for OwnedRange {
    fn shift(&mut self, by: usize) {
        shift_fields!(self, by; OwnedRange { low, high });
    }
}

impl Shift for Catalog {
    fn shift(&mut self, by: usize) {
        shift_fields!(self, by; Catalog { name, doc, owner, success, statuses, ranges, codes, retired, failures, grpc, domain } not { file, unread });
    }
}

impl Shift for CodeRange {
    fn shift(&mut self, by: usize) {
        shift_fields!(self, by; CodeRange { status, low, high });
    }
}

impl Shift for CodeEntry {
    fn shift(&mut self, by: usize) {
        shift_fields!(self, by; CodeEntry { code, name, status, desc, translations, deprecated, grpc, doc, doc_file, retryable });
    }
}

impl Shift for RetiredCode {
    fn shift(&mut self, by: usize) {
        shift_fields!(self, by; RetiredCode { code, name, reason });
    }
}

impl Shift for FailureCode {
    fn shift(&mut self, by: usize) {
        shift_fields!(self, by; FailureCode { kind, code });
    }
}
