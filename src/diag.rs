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
    /// The offending value, shortened to [`MAX_VALUE_CHARS`] characters (a hostile file can
    /// hold a field of a gigabyte; the message only needs to show which one).
    pub fn value(mut self, value: impl Into<String>) -> Self {
        self.value = Some(shorten(value.into()));
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

/// Thousands separated by a space, as French readers expect (`1 234 567`).
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
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
        let message = format!(
            "… and {} more rows with the same problem (`{}`; only the first {MAX_PER_CODE} are listed)",
            grouped(more),
            problem.code
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
                Problem::error(Code::BadNumber, "is not a number")
                    .at(Location::file("w.csv").with_row(i)),
            );
        }
        d.warn(Problem::warning(Code::UnusedCadre, "x"));
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
        let p = Problem::error(Code::BadNumber, "y").value("a".repeat(10_000));
        let v = p.value.unwrap();
        assert!(v.ends_with("… (10000 characters)") && v.len() < 300, "{v}");
    }
}
