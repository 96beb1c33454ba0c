//! Problems found in a study, each with its place: file, sheet, row, column, the value, and how
//! to fix it. Loading collects every problem it meets (so `wisn validate` can list them all);
//! `wisn compute` refuses to compute when any is an error.

use std::fmt;

mod code;
pub use code::Code;

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

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(sheet) = &self.sheet {
            write!(f, ", sheet \"{sheet}\"")?;
        }
        if let Some(cell) = &self.cell {
            write!(f, ", cell {cell}")?;
        }
        if let Some(row) = self.row {
            write!(f, ", row {row}")?;
        }
        if let Some(column) = &self.column {
            write!(f, ", column \"{column}\"")?;
        }
        Ok(())
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
    pub message: String,
    pub location: Option<Location>,
    pub value: Option<String>,
    pub hint: Option<String>,
}

impl Problem {
    pub fn error(code: Code, message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Error,
            code,
            message: message.into(),
            location: None,
            value: None,
            hint: None,
        }
    }
    pub fn warning(code: Code, message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(code, message)
        }
    }
    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }
    pub fn value(mut self, value: impl Into<String>) -> Self {
        self.value = Some(value.into());
        self
    }
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(location) = &self.location {
            write!(f, "{location}: ")?;
        }
        if let Some(value) = &self.value {
            write!(f, "\"{value}\" ")?;
        }
        write!(f, "{}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, " (fix: {hint})")?;
        }
        Ok(())
    }
}

/// Every problem met so far, in the order met.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics {
    pub problems: Vec<Problem>,
}

impl Diagnostics {
    pub fn push(&mut self, problem: Problem) {
        self.problems.push(problem);
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
    pub fn error_count(&self) -> usize {
        self.errors().count()
    }
    pub fn extend(&mut self, other: Diagnostics) {
        self.problems.extend(other.problems);
    }
}

/// The study could not be read or computed; carries every error found, located.
#[derive(Debug, thiserror::Error)]
pub enum WisnError {
    #[error("{}", summarise(.0))]
    Invalid(Vec<Problem>),
    #[error("{0}")]
    Io(String),
}

fn summarise(problems: &[Problem]) -> String {
    const SHOWN: usize = 25;
    let mut text = String::new();
    for (i, p) in problems.iter().take(SHOWN).enumerate() {
        if i > 0 {
            text.push_str("\nerror: ");
        }
        text.push_str(&p.to_string());
    }
    if problems.len() > SHOWN {
        text.push_str(&format!(
            "\n... and {} more errors (run `wisn validate` to list them all)",
            problems.len() - SHOWN
        ));
    }
    text
}
