//! Problems found in a study, each with its place: file, sheet, row, column, the value, and how
//! to fix it. Loading collects every problem it meets (so `wisn validate` can list them all);
//! `wisn compute` refuses to compute when any is an error.

use std::fmt;

mod code;
pub mod msg;
pub use code::Code;
pub use msg::{Grouped, Msg};

use crate::i18n::Lang;

/// Where a problem is: as precise as the reader knows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Location {
    /// The file as the user named it (or as found in the study folder).
    pub file: String,
    /// The sheet, for workbooks.
    pub sheet: Option<String>,
    /// The row a spreadsheet program shows (1-based, the header counted); in a CSV, the line.
    pub row: Option<usize>,
    /// The column header as written in the file.
    pub column: Option<String>,
    /// The spreadsheet cell (`D17`), when known.
    pub cell: Option<String>,
}

impl Location {
    pub fn file(file: impl Into<String>) -> Self {
        Location {
            file: file.into(),
            ..Default::default()
        }
    }
    pub fn with_row(mut self, row: usize) -> Self {
        self.row = Some(row);
        self
    }
    pub fn with_column(mut self, column: impl Into<String>) -> Self {
        self.column = Some(column.into());
        self
    }
}

impl Location {
    /// The place in `lang`: `w.csv, row 12, column "volume"` / `w.csv, ligne 12, colonne "volume"`.
    pub fn render(&self, lang: Lang) -> String {
        use std::fmt::Write;
        let [sheet_w, cell_w, row_w, column_w] = match lang {
            Lang::En => ["sheet", "cell", "row", "column"],
            Lang::Fr => ["feuille", "cellule", "ligne", "colonne"],
        };
        let mut out = self.file.clone();
        if let Some(sheet) = &self.sheet {
            let _ = write!(out, ", {sheet_w} \"{sheet}\"");
        }
        if let Some(cell) = &self.cell {
            let _ = write!(out, ", {cell_w} {cell}");
        }
        if let Some(row) = self.row {
            let _ = write!(out, ", {row_w} {row}");
        }
        if let Some(column) = &self.column {
            let _ = write!(out, ", {column_w} \"{column}\"");
        }
        out
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Information worth a look (a cadre name matched through an alias); never fails a run.
    Note,
    Warning,
    Error,
}

/// One problem: what, where, the value, and the fix.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub severity: Severity,
    /// The kind of problem; its [`Code::name`] is stable (`bad_number`, `cas_over_100`, ...).
    pub code: Code,
    /// What is wrong, in both languages (src/messages/).
    pub message: Msg,
    pub location: Option<Location>,
    pub value: Option<String>,
    /// How to fix it, in both languages.
    pub hint: Option<Msg>,
}

impl Problem {
    pub fn error(code: Code, message: impl Into<Msg>) -> Self {
        Problem {
            severity: Severity::Error,
            code,
            message: message.into(),
            location: None,
            value: None,
            hint: None,
        }
    }
    pub fn warning(code: Code, message: impl Into<Msg>) -> Self {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(code, message)
        }
    }
    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }
    /// The offending value, shortened to [`MAX_VALUE_CHARS`] characters (a hostile file can
    /// hold a field of a gigabyte; the message only needs to show which one).
    pub fn value(mut self, value: impl Into<String>) -> Self {
        self.value = Some(shorten(value.into()));
        self
    }
    pub fn hint(mut self, hint: impl Into<Msg>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The problem as a line for people in `lang` (without its `error:` word): place, value,
    /// message, fix.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        if let Some(location) = &self.location {
            out.push_str(&location.render(lang));
            // French puts a space before a colon.
            out.push_str(match lang {
                Lang::En => ": ",
                Lang::Fr => " : ",
            });
        }
        if let Some(value) = &self.value {
            out.push('"');
            out.push_str(value);
            out.push_str("\" ");
        }
        out.push_str(self.message.get(lang));
        if let Some(hint) = &self.hint {
            out.push_str(match lang {
                Lang::En => " (fix: ",
                Lang::Fr => " (correction : ",
            });
            out.push_str(hint.get(lang));
            out.push(')');
        }
        out
    }
}

impl Severity {
    /// The word that starts the line on stderr: `error`, `warning`, `note` / `erreur`,
    /// `avertissement`, `note`.
    pub fn word(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::En) => "warning",
            (Severity::Note, Lang::En) => "note",
            (Severity::Error, Lang::Fr) => "erreur",
            (Severity::Warning, Lang::Fr) => "avertissement",
            (Severity::Note, Lang::Fr) => "note",
        }
    }
}

/// In English, as `wisn` printed it before the catalogue (tests and logs use it).
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// A message of the catalogue put over the error that caused it (what anyhow's `context` does,
/// but the command line can show it in the user's language: [`error_text`]).
#[derive(Debug)]
pub struct MsgContext {
    pub msg: Msg,
    pub source: anyhow::Error,
}

impl fmt::Display for MsgContext {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.msg.en())
    }
}

impl std::error::Error for MsgContext {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(self.source.as_ref())
    }
}

/// `.msg_context(|| messages::…)` on a `Result`: the error gets a message of the catalogue on top.
pub trait ContextMsg<T> {
    fn msg_context(self, msg: impl FnOnce() -> Msg) -> anyhow::Result<T>;
}

impl<T, E: Into<anyhow::Error>> ContextMsg<T> for Result<T, E> {
    fn msg_context(self, msg: impl FnOnce() -> Msg) -> anyhow::Result<T> {
        self.map_err(|e| {
            anyhow::Error::new(MsgContext {
                msg: msg(),
                source: e.into(),
            })
        })
    }
}

/// An error and its causes on one line, `: ` between them (as `{err:#}` prints them; ` : ` in
/// French), each
/// message of the catalogue in `lang` (others, e.g. the system's own, as they are).
pub fn error_text(err: &anyhow::Error, lang: Lang) -> String {
    let parts: Vec<String> = err
        .chain()
        .map(|e| {
            if let Some(m) = e.downcast_ref::<Msg>() {
                m.get(lang).to_string()
            } else if let Some(c) = e.downcast_ref::<MsgContext>() {
                c.msg.get(lang).to_string()
            } else {
                e.to_string()
            }
        })
        .collect();
    parts.join(match lang {
        Lang::En => ": ",
        Lang::Fr => " : ",
    })
}

/// The error of a function that has already pushed its [`Problem`] into the [`Diagnostics`]
/// (or printed it): the caller skips the row or stops, with nothing more to say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reported;

/// The longest value a message quotes; longer values are cut with `…` and their length.
pub const MAX_VALUE_CHARS: usize = 200;

fn shorten(value: String) -> String {
    if value.len() <= MAX_VALUE_CHARS {
        return value;
    }
    let chars = value.chars().count();
    if chars <= MAX_VALUE_CHARS {
        return value;
    }
    let head: String = value.chars().take(MAX_VALUE_CHARS).collect();
    format!("{head}… ({chars} characters)")
}

/// How many problems of one code (and severity) are kept: the rest are counted on one line,
/// "… and 1 234 567 more rows with the same problem", so a file with millions of bad rows
/// costs memory for the first ones only (docs/robustness.md).
pub const MAX_PER_CODE: usize = 100;

/// Every problem met so far, in the order met: the first [`MAX_PER_CODE`] of each code and
/// severity, then one summary line per code counting the others.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics {
    pub problems: Vec<Problem>,
    /// Per (code, severity): how many were pushed, and the index of the summary line once the
    /// cap is passed.
    counts: std::collections::HashMap<(Code, Severity), (usize, Option<usize>)>,
    /// Errors counted on summary lines, beyond those kept.
    suppressed_errors: usize,
    /// Summary lines of errors (not errors themselves).
    summary_error_lines: usize,
}

impl Diagnostics {
    /// Keeps the problem, or counts it once [`MAX_PER_CODE`] of its code and severity are kept.
    pub fn push(&mut self, problem: Problem) {
        let key = (problem.code, problem.severity);
        let entry = self.counts.entry(key).or_insert((0, None));
        entry.0 += 1;
        if entry.0 <= MAX_PER_CODE {
            self.problems.push(problem);
            return;
        }
        let more = entry.0 - MAX_PER_CODE;
        if problem.severity == Severity::Error {
            self.suppressed_errors += 1;
        }
        let message = crate::messages::diag::more_rows_same_problem(
            Grouped(more as u64),
            problem.code,
            MAX_PER_CODE,
        );
        match entry.1 {
            Some(i) => {
                if let Some(summary) = self.problems.get_mut(i) {
                    summary.message = message;
                }
            }
            None => {
                entry.1 = Some(self.problems.len());
                if problem.severity == Severity::Error {
                    self.summary_error_lines += 1;
                }
                let mut summary = Problem::error(problem.code, message);
                summary.severity = problem.severity;
                summary.location = problem.location.map(|l| Location::file(l.file));
                self.problems.push(summary);
            }
        }
    }
    pub fn error(&mut self, problem: Problem) {
        self.push(Problem {
            severity: Severity::Error,
            ..problem
        });
    }
    pub fn warn(&mut self, problem: Problem) {
        self.push(Problem {
            severity: Severity::Warning,
            ..problem
        });
    }
    pub fn note(&mut self, problem: Problem) {
        self.push(Problem {
            severity: Severity::Note,
            ..problem
        });
    }
    pub fn notes(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Note)
    }
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
    }
    pub fn warnings(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Warning)
    }
    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }
    /// Every error met, those counted on summary lines included (each summary line is one of
    /// the errors it counts).
    pub fn error_count(&self) -> usize {
        (self.errors().count() + self.suppressed_errors).saturating_sub(self.summary_error_lines)
    }
    pub fn extend(&mut self, other: Diagnostics) {
        for p in other.problems {
            self.push(p);
        }
        self.suppressed_errors += other.suppressed_errors;
        self.summary_error_lines += other.summary_error_lines;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_first_of_each_code_and_counts_the_rest() {
        let mut d = Diagnostics::default();
        for i in 0..1_234_667 {
            d.error(
                Problem::error(
                    Code::BadNumber,
                    Msg::new("is not a number", "n'est pas un nombre"),
                )
                .at(Location::file("w.csv").with_row(i)),
            );
        }
        d.warn(Problem::warning(Code::UnusedCadre, Msg::new("x", "x")));
        assert_eq!(d.problems.len(), MAX_PER_CODE + 2);
        assert_eq!(d.error_count(), 1_234_667);
        let summary = &d.problems[MAX_PER_CODE];
        assert_eq!(
            summary.to_string(),
            "w.csv: … and 1 234 567 more rows with the same problem (`bad_number`; only the first 100 are listed)"
        );
        assert_eq!(d.warnings().count(), 1);
    }

    #[test]
    fn long_values_are_cut() {
        let p = Problem::error(Code::BadNumber, Msg::new("y", "y")).value("a".repeat(10_000));
        let v = p.value.unwrap();
        assert!(v.ends_with("… (10000 characters)") && v.len() < 300, "{v}");
    }
}
