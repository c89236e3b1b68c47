//! Collects the errors of one macro invocation, so the user sees every mistake at once
//! (as serde_derive's `Ctxt`).

use std::fmt::Display;

use quote::ToTokens;

#[derive(Default)]
pub(crate) struct Ctxt {
    errors: Option<syn::Error>,
}

impl Ctxt {
    /// Records an error spanning `tokens`.
    pub(crate) fn error_spanned_by(&mut self, tokens: impl ToTokens, message: impl Display) {
        self.syn_error(syn::Error::new_spanned(tokens, message));
    }

    /// Records an error from syn (or several, combined).
    pub(crate) fn syn_error(&mut self, error: syn::Error) {
        match &mut self.errors {
            Some(errors) => errors.combine(error),
            None => self.errors = Some(error),
        }
    }

    /// `Err` with every recorded error, if there was any, in the order they stand in the
    /// source: the attributes are read before the catalog says which keys are locales, so
    /// the order in which they were found is not the order a reader expects.
    pub(crate) fn check(self) -> Result<(), syn::Error> {
        self.errors
            .map_or(Ok(()), |errors| Err(in_source_order(errors)))
    }
}

fn in_source_order(errors: syn::Error) -> syn::Error {
    // Positions exist only while a macro runs, not in a unit test of this crate.
    if !proc_macro::is_available() {
        return errors;
    }
    let mut sorted: Vec<syn::Error> = errors.into_iter().collect();
    sorted.sort_by_key(|error| {
        let span = error.span().unwrap();
        (span.line(), span.column())
    });
    let mut sorted = sorted.into_iter();
    let mut combined = sorted.next().expect("at least the one error given");
    for error in sorted {
        combined.combine(error);
    }
    combined
}
