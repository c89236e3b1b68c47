//! Positions in a catalog file and the mistakes found in it.

use std::fmt;

/// A byte range in a catalog file's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// Whether the span covers no text: the span of a default value the file did not write.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(range: std::ops::Range<usize>) -> Self {
        Span {
            start: range.start,
            end: range.end,
        }
    }
}

/// A value together with where it was written in the catalog file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spanned<T> {
    /// The value itself.
    pub value: T,
    /// Where the value was written.
    pub span: Span,
}

impl<T> Spanned<T> {
    pub(crate) fn new(value: T, span: impl Into<Span>) -> Self {
        Spanned {
            value,
            span: span.into(),
        }
    }
}

/// A line and column in a catalog file, both counted from 1; the column counts characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// The line, from 1.
    pub line: usize,
    /// The character in the line, from 1.
    pub column: usize,
}

impl Position {
    /// The position of byte `offset` in `text`.
    ///
    /// ```
    /// use hero_codes_catalog::Position;
    /// let text = "a = 1\nb = \"码\"\nc";
    /// assert_eq!(Position::of(text, 0), Position { line: 1, column: 1 });
    /// // Columns count characters, not bytes: `c` follows a three-byte character.
    /// assert_eq!(Position::of(text, text.len() - 1), Position { line: 3, column: 1 });
    /// assert_eq!(Position::of(text, 11), Position { line: 2, column: 6 });
    /// ```
    pub fn of(text: &str, offset: usize) -> Position {
        let before = &text[..floor_char_boundary(text, offset)];
        let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
        Position {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// One mistake in a catalog file: what is wrong and what to do, and where, when the mistake
/// is inside the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The included file the mistake is in, as messages name it (`shared/team.toml`);
    /// `None` when it is in the file itself, [`Error::origin`].
    pub file: Option<String>,
    /// Where the mistake is; `None` when the file itself could not be read.
    pub position: Option<Position>,
    /// The bytes of the file the mistake is about, which [`Error::annotate`] underlines;
    /// `None` when the file itself could not be read.
    pub span: Option<Span>,
    /// What is wrong and what to do, lowercase and without a final period.
    pub message: String,
}

/// Everything wrong with one catalog file. It displays one line per problem, each
/// starting `file:line:column:`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    origin: String,
    problems: Vec<Problem>,
    /// The text of the file, kept so that a problem can quote its line; `None` when the
    /// file could not be read.
    text: Option<String>,
    /// The text of each included file a problem is in, by how messages name it.
    included: Vec<(String, String)>,
}

impl Error {
    /// How the file is named in messages, e.g. `codes.toml`.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The problems in the order they stand in the file.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// The text of the file the problems are in; `None` when it could not be read.
    pub fn text(&self) -> Option<&str> {
        self.text.as_deref()
    }

    /// The text of the file `problem` is in: the file itself, or an included file.
    pub fn text_of(&self, problem: &Problem) -> Option<&str> {
        match &problem.file {
            None => self.text(),
            Some(file) => self
                .included
                .iter()
                .find(|(origin, _)| origin == file)
                .map(|(_, text)| text.as_str()),
        }
    }

    /// How messages name the file `problem` is in: [`Error::origin`], or the included file.
    pub fn file_of<'a>(&'a self, problem: &'a Problem) -> &'a str {
        problem.file.as_deref().unwrap_or(&self.origin)
    }

    /// One problem as a single line: `origin:line:column: message`, the origin being the
    /// included file's when the problem is in one.
    pub fn render(&self, problem: &Problem) -> String {
        let file = self.file_of(problem);
        match problem.position {
            Some(position) => format!("{file}:{position}: {}", problem.message),
            None => format!("{file}: {}", problem.message),
        }
    }

    /// An error about the file as a whole, with no position: `origin: message`.
    ///
    /// ```
    /// let error = hero_codes_catalog::Error::unlocated("Cargo.toml", "cannot read it".to_owned());
    /// assert_eq!(error.to_string(), "Cargo.toml: cannot read it");
    /// ```
    pub fn unlocated(origin: &str, message: String) -> Error {
        Error {
            origin: origin.to_owned(),
            problems: vec![Problem {
                file: None,
                position: None,
                span: None,
                message,
            }],
            text: None,
            included: Vec::new(),
        }
    }

    /// The error for a catalog file that could not be read.
    pub fn unreadable(origin: &str, error: &std::io::Error) -> Error {
        Error::unlocated(
            origin,
            format!("cannot read the catalog file: {error}; create it, or name another file"),
        )
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, problem) in self.problems.iter().enumerate() {
            if index > 0 {
                f.write_str("\n")?;
            }
            f.write_str(&self.render(problem))?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

/// Collects the mistakes found while reading and checking one file, so that the user sees
/// all of them at once.
///
/// The files a catalog file includes are read into the same collection: each is placed
/// after the texts before it (at [`Diagnostics::add_file`]'s offset), and the spans of what
/// is read from it are moved there too, so that every rule, run once over the whole, reports
/// a mistake in an included file at its own line in that file.
pub(crate) struct Diagnostics<'t> {
    text: &'t str,
    /// The included files, in the order of their offsets.
    included: Vec<Included<'t>>,
    found: Vec<(Span, String)>,
    /// Where each line starts, found on the first question about a line: a position is then
    /// a binary search, not a scan of the file, so a file with 1,000 mistakes stays fast.
    line_starts: std::cell::OnceCell<Vec<usize>>,
}

/// An included file's text and where its spans start.
struct Included<'t> {
    origin: String,
    offset: usize,
    text: &'t str,
}

impl<'t> Diagnostics<'t> {
    /// Collects mistakes in `text`.
    pub(crate) fn new(text: &'t str) -> Self {
        Diagnostics {
            text,
            included: Vec::new(),
            found: Vec::new(),
            line_starts: std::cell::OnceCell::new(),
        }
    }

    /// Adds the text of an included file, named `origin` in messages, and returns the
    /// offset its spans are to be moved by ([`Spanned::shift`]).
    pub(crate) fn add_file(&mut self, origin: &str, text: &'t str) -> usize {
        let end = self
            .included
            .last()
            .map_or(self.text.len(), |last| last.offset + last.text.len());
        // One byte apart, so that the empty span at the end of a text stays in it.
        let offset = end + 1;
        self.included.push(Included {
            origin: origin.to_owned(),
            offset,
            text,
        });
        offset
    }

    /// Takes the mistakes `other` found in the text added at `offset`.
    pub(crate) fn take_shifted(&mut self, other: Diagnostics<'_>, offset: usize) {
        self.found
            .extend(other.found.into_iter().map(|(span, message)| {
                let span = Span {
                    start: span.start + offset,
                    end: span.end + offset,
                };
                (span, message)
            }));
    }

    pub(crate) fn push(&mut self, span: Span, message: impl Into<String>) {
        self.found.push((span, message.into()));
    }

    /// The line where `span` starts, for messages that point back to an earlier line.
    pub(crate) fn line_of(&self, span: Span) -> usize {
        self.locate(span).2.line
    }

    /// Where `span` starts as a message about `from` names it: `line 3` in the same file,
    /// `line 3 of shared/team.toml` in another.
    pub(crate) fn place_of(&self, span: Span, from: Span) -> String {
        let (file, _, position) = self.locate(span);
        match file {
            _ if file == self.locate(from).0 => format!("line {}", position.line),
            Some(file) => format!("line {} of {file}", position.line),
            None => format!("line {} of the including file", position.line),
        }
    }

    /// How messages name the file `span` is in; empty for the file itself, which its
    /// [`Error`] names.
    pub(crate) fn file_of(&self, span: Span) -> &str {
        self.locate(span).0.unwrap_or_default()
    }

    /// Whether `a` and `b` are the same bytes of the same file: one declaration met twice,
    /// through two files that include it.
    pub(crate) fn same_text(&self, a: Span, b: Span) -> bool {
        let (file_a, local_a, _) = self.locate(a);
        let (file_b, local_b, _) = self.locate(b);
        file_a == file_b && local_a == local_b
    }

    /// The file `span` is in (`None`: the file itself), the span within it, and where it
    /// starts.
    fn locate(&self, span: Span) -> (Option<&str>, Span, Position) {
        match self
            .included
            .iter()
            .rev()
            .find(|included| span.start >= included.offset)
        {
            Some(included) => {
                let local = Span {
                    start: span.start - included.offset,
                    end: span.end.saturating_sub(included.offset),
                };
                let position = Position::of(included.text, local.start);
                (Some(included.origin.as_str()), local, position)
            }
            None => (None, span, self.position(span.start)),
        }
    }

    /// [`Position::of`] the text at `offset`, by the line index.
    fn position(&self, offset: usize) -> Position {
        let line_starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(
                    self.text
                        .match_indices('\n')
                        .map(|(newline, _)| newline + 1),
                )
                .collect()
        });
        let offset = floor_char_boundary(self.text, offset);
        let line = line_starts.partition_point(|&start| start <= offset);
        Position {
            line,
            column: self.text[line_starts[line - 1]..offset].chars().count() + 1,
        }
    }

    /// The collected mistakes as an [`Error`], in file order (the file's own first, then
    /// each included file's); `None` if there were none.
    pub(crate) fn into_error(mut self, origin: &str) -> Option<Error> {
        if self.found.is_empty() {
            return None;
        }
        let mut found = std::mem::take(&mut self.found);
        found.sort_by_key(|(span, _)| span.start);
        let problems: Vec<Problem> = found
            .into_iter()
            .map(|(span, message)| {
                let (file, local, position) = self.locate(span);
                Problem {
                    file: file.map(str::to_owned),
                    position: Some(position),
                    span: Some(local),
                    message,
                }
            })
            .collect();
        let included = self
            .included
            .iter()
            .filter(|included| {
                problems
                    .iter()
                    .any(|problem| problem.file.as_deref() == Some(&included.origin))
            })
            .map(|included| (included.origin.clone(), included.text.to_owned()))
            .collect();
        Some(Error {
            origin: origin.to_owned(),
            problems,
            text: Some(self.text.to_owned()),
            included,
        })
    }
}
