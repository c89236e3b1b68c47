//! Problems drawn the way rustc and cargo draw theirs, with annotate-snippets: the message,
//! `--> file:line:column`, the line of the file with a caret under the mistake, and the help.
//! The command line prints them whole; the macros quote the line in their one-line message.

use annotate_snippets::{Annotation, AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use crate::diagnostic::{Error, Problem, Span};

impl Problem {
    /// What is wrong: the message up to its first `: ` outside backticks. Messages are
    /// written `what is wrong: what to do`, so this is the headline of the problem.
    ///
    /// ```
    /// let error = hero_codes_catalog::CatalogFile::parse("[catalogs.A]\ncodez = []", "codes.toml")
    ///     .unwrap_err();
    /// let problem = &error.problems()[0];
    /// assert_eq!(problem.summary(), "unknown key `codez` in a catalog");
    /// assert_eq!(problem.help(), Some("did you mean `codes`?"));
    /// ```
    pub fn summary(&self) -> &str {
        self.split().0
    }

    /// What to do: the message after its first `: ` outside backticks, if it has one.
    pub fn help(&self) -> Option<&str> {
        self.split().1
    }

    fn split(&self) -> (&str, Option<&str>) {
        let mut in_code = false;
        for (index, character) in self.message.char_indices() {
            match character {
                '`' => in_code = !in_code,
                ':' if !in_code && self.message[index + 1..].starts_with(' ') => {
                    return (&self.message[..index], Some(&self.message[index + 2..]));
                }
                _ => {}
            }
        }
        (&self.message, None)
    }
}

impl Error {
    /// `problem` drawn as rustc draws an error: the message, `--> origin:line:column`, the
    /// line with a caret under the mistake, and the help. With `color`, in the terminal's
    /// colours (ANSI escapes) as rustc uses them.
    ///
    /// ```
    /// let text = "[catalogs.A]\ncodes = [\n  { code = \"1\", name = \"One\", status = 42, desc = \"一\" },\n]\n";
    /// let error = hero_codes_catalog::CatalogFile::parse(text, "codes.toml").unwrap_err();
    /// assert_eq!(
    ///     error.annotate(&error.problems()[0], false),
    ///     "\
    /// error: `42` is not an HTTP status
    ///  --> codes.toml:3:40
    ///   |
    /// 3 |   { code = \"1\", name = \"One\", status = 42, desc = \"一\" },
    ///   |                                        ^^
    ///   |
    ///   = help: use a status from 100 to 999"
    /// );
    /// ```
    pub fn annotate(&self, problem: &Problem, color: bool) -> String {
        let title = Level::ERROR.primary_title(problem.summary());
        let mut group = match self.snippet(problem) {
            Some(snippet) => title.element(snippet.path(self.file_of(problem))),
            None => title.element(Origin::path(self.file_of(problem))),
        };
        if let Some(help) = problem.help() {
            group = group.element(Level::HELP.message(help));
        }
        renderer(color).render(&[group])
    }

    /// The line of `problem` with a caret under the mistake, without a headline or a help:
    /// for a message that says both already, such as a macro's compile error. `None` when
    /// the file could not be read.
    ///
    /// ```
    /// let text = "[catalogs.A]\ncodes = [\n  { code = \"1\", name = \"One\", status = 42, desc = \"一\" },\n]\n";
    /// let error = hero_codes_catalog::CatalogFile::parse(text, "codes.toml").unwrap_err();
    /// assert_eq!(
    ///     error.quote(&error.problems()[0]).unwrap(),
    ///     "  |
    /// 3 |   { code = \"1\", name = \"One\", status = 42, desc = \"一\" },
    ///   |                                        ^^"
    /// );
    /// ```
    pub fn quote(&self, problem: &Problem) -> Option<String> {
        let snippet = self.snippet(problem)?;
        let quoted = renderer(false).render(&[Group::with_level(Level::ERROR).element(snippet)]);
        Some(quoted.trim_start_matches('\n').to_owned())
    }

    /// The lines `problem` covers, alone, with the span moved to match: drawing from the
    /// whole text would cost a pass over the file for every problem.
    fn snippet(&self, problem: &Problem) -> Option<Snippet<'_, Annotation<'_>>> {
        let text = self.text_of(problem)?;
        let Span { start, end } = problem.span?;
        let line = problem.position?.line;
        let line_start = text[..start].rfind('\n').map_or(0, |newline| newline + 1);
        let line_end = text[end..]
            .find('\n')
            .map_or(text.len(), |newline| end + newline);
        Some(
            Snippet::source(&text[line_start..line_end])
                .line_start(line)
                .annotation(AnnotationKind::Primary.span(start - line_start..end - line_start)),
        )
    }
}

fn renderer(color: bool) -> Renderer {
    if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
}
