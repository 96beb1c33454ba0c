//! The output layer: every command's output goes through here (as hyperfine's `src/export/`).
//!
//! - A command's **rows** say their columns and their cells ([`Rows`], [`Row`], [`Value`]:
//!   text, number, integer, date, null). Columns are a method, so they may depend on the run.
//! - **One [`Format`] enum** with one [`Format::from_path`]; each command lists the formats it
//!   accepts ([`Report::FORMATS`], the default first) and [`Format::choose`] turns `--format` and
//!   `-o` into one of them (a format the command does not take is a command-line error naming the
//!   accepted ones).
//! - **One place maps a format to its writer**: [`serialize`]. CSV ([`csv`]) and JSON ([`json`])
//!   are written once, for every command's rows; the formats for people (table, text, xlsx,
//!   html) are a command's own, built from the kits [`terminal`] (a terminal table of any rows,
//!   status cells), [`page`] (HTML: escape, SVG axes, a table of rows) and [`sheet`] (xlsx: cells,
//!   a data sheet of rows).
//! - The bytes go to [`crate::output::Output`] (atomic `-o`, `-o -` for stdout), opened before
//!   the work starts.
//!
//! Words people read come from [`crate::i18n`] (one table, one [`crate::i18n::Lang`]); machine
//! column names and CSV/JSON values never change with the language.
//!
//! # Adding a command's rows
//! 1. Give the row type an `impl Row` (its cells, in column order) and the run's results an
//!    `impl Rows` (its columns and its rows); [`RowSlice`] does it for a slice and a column
//!    list. A row that extends another command's row (a planning row is a compute row with a
//!    leading `scenario` and trailing columns) pushes its own cells around the inner row's
//!    [`Row::cells`].
//! 2. Give the command's report an `impl Report`: `FORMATS`, `settings`, `warnings`, `rows`, and
//!    the formats for people it offers (`write(format)`, or the methods `table`, `xlsx`, `html`,
//!    … that `write` calls by default); CSV and JSON come free.
//! 3. In `cli/<command>.rs`: `--format` parsed with [`Format::parser`]`(R::FORMATS)`, then
//!    [`crate::cli::common::open_output`] before the work, [`serialize`] and `Output::finish`
//!    after it.
//!
//! docs/architecture.md says the same for the whole tree (formats, commands, input sources,
//! formulas).
//!
//! # Adding a format
//! One file here with a function from rows (or from the report) to bytes, one variant of
//! [`Format`] (with its file extension in [`Format::from_path`]), one arm in [`serialize`], and
//! a default method of [`Report`] when it is written once for every command.

pub mod blocks;
pub mod compute;
pub mod csv;
pub mod json;
pub mod page;
pub mod planning;
pub mod problems;
pub mod sheet;
pub mod terminal;

use std::borrow::Cow;
use std::path::Path;

use crate::diag::Problem;

pub use compute::{values, ComputeReport, COLUMNS};

/// A value of an output cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Null,
    Text(Cow<'a, str>),
    Number(f64),
    Integer(i64),
    Date(chrono::NaiveDate),
}

impl<'a> Value<'a> {
    /// Text borrowed from the row.
    pub fn text(s: &'a str) -> Value<'a> {
        Value::Text(Cow::Borrowed(s))
    }

    /// Optional text: `Null` when absent.
    pub fn opt_text(s: Option<&'a str>) -> Value<'a> {
        s.map(Value::text).unwrap_or(Value::Null)
    }

    /// An optional number: `Null` when absent.
    pub fn opt_number(v: Option<f64>) -> Value<'static> {
        v.map(Value::Number).unwrap_or(Value::Null)
    }

    /// The cell as CSV text: numbers at full precision (a decimal comma with `french`), dates
    /// `YYYY-MM-DD`, blank for null.
    pub fn to_text(&self, french: bool) -> String {
        match self {
            Value::Text(t) => t.to_string(),
            other => {
                let mut out = Vec::new();
                other.push_text(french, &mut out);
                // Numbers, integers and dates are ASCII.
                String::from_utf8(out).unwrap_or_default()
            }
        }
    }

    /// [`Value::to_text`] appended to `out`, without a `String` of its own (the CSV writer's
    /// way: one buffer for a block of rows).
    pub fn push_text(&self, french: bool, out: &mut Vec<u8>) {
        match self {
            Value::Null => {}
            Value::Text(t) => out.extend_from_slice(t.as_bytes()),
            Value::Number(n) => {
                crate::numbers::push_full_precision(out, *n, if french { b',' } else { b'.' })
            }
            Value::Integer(i) => out.extend_from_slice(itoa::Buffer::new().format(*i).as_bytes()),
            Value::Date(d) => {
                use std::io::Write as _;
                let _ = write!(out, "{}", d.format("%Y-%m-%d"));
            }
        }
    }
}

/// One row of a command's output: its cells, in the order of its columns.
pub trait Row {
    /// Appends the row's cells to `out`.
    fn cells<'a>(&'a self, out: &mut Vec<Value<'a>>);
}

/// A command's rows: the columns of this run and every row's cells. Rows are `Sync`: the CSV
/// writer formats blocks of them on several threads ([`Rows::each_in`]).
pub trait Rows: Sync {
    /// The machine column names, in order (they never change with `--lang`).
    fn columns(&self) -> Vec<Cow<'static, str>>;
    /// The number of rows.
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Calls `f` with each row's cells, in order; stops at the first error.
    fn each(&self, f: &mut dyn FnMut(&[Value<'_>]) -> anyhow::Result<()>) -> anyhow::Result<()>;
    /// Calls `f` with the cells of the rows in `range` (within `0..len()`), in order, as
    /// [`Rows::each`] gives them: `Some` when the rows can be reached by index, and then the
    /// CSV writer formats blocks of rows on the threads of the pool it runs in. `None` (the
    /// default): the rows are reached in order only, through `each`, on one thread.
    fn each_in(
        &self,
        range: std::ops::Range<usize>,
        f: &mut dyn FnMut(&[Value<'_>]) -> anyhow::Result<()>,
    ) -> Option<anyhow::Result<()>> {
        let _ = (range, f);
        None
    }
}

/// A slice of rows with fixed columns: the [`Rows`] of most commands.
pub struct RowSlice<'r, R> {
    pub columns: &'r [&'static str],
    pub rows: &'r [R],
}

impl<R: Row + Sync> Rows for RowSlice<'_, R> {
    fn columns(&self) -> Vec<Cow<'static, str>> {
        self.columns.iter().map(|c| Cow::Borrowed(*c)).collect()
    }
    fn len(&self) -> usize {
        self.rows.len()
    }
    fn each(&self, f: &mut dyn FnMut(&[Value<'_>]) -> anyhow::Result<()>) -> anyhow::Result<()> {
        each_row(self.rows, self.columns.len(), f)
    }
    fn each_in(
        &self,
        range: std::ops::Range<usize>,
        f: &mut dyn FnMut(&[Value<'_>]) -> anyhow::Result<()>,
    ) -> Option<anyhow::Result<()>> {
        let rows = self.rows.get(range)?;
        Some(each_row(rows, self.columns.len(), f))
    }
}

/// Calls `f` with each row's cells, in order, one vector of cells reused.
pub fn each_row<R: Row>(
    rows: &[R],
    columns: usize,
    f: &mut dyn FnMut(&[Value<'_>]) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut cells = Vec::with_capacity(columns);
    for row in rows {
        cells.clear();
        row.cells(&mut cells);
        f(&cells)?;
    }
    Ok(())
}

/// Every output format of `wisn`. A command accepts some of them ([`Report::FORMATS`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A table for people, on the terminal.
    Table,
    /// Text for people (explain's steps, validate's list of problems).
    Text,
    /// The command's columns, full precision.
    Csv,
    /// JSON, numbers at full precision: `{"rows": [...], "warnings": [...]}`.
    Json,
    /// An Excel workbook (needs -o or a pipe).
    Xlsx,
    /// One self-contained HTML page (needs -o or a pipe).
    Html,
    /// DHIS2 dataValueSets CSV to import (needs --period and a dhis2_export table).
    #[value(name = "dhis2-csv")]
    Dhis2Csv,
    /// DHIS2 dataValueSets JSON to import (needs --period and a dhis2_export table).
    #[value(name = "dhis2-json")]
    Dhis2Json,
}

impl Format {
    /// The format a file name implies (`-o report.csv` writes CSV).
    pub fn from_path(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            "txt" => Some(Format::Table),
            "xlsx" => Some(Format::Xlsx),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }

    /// The name on the command line (`dhis2-csv`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Text => "text",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Xlsx => "xlsx",
            Format::Html => "html",
            Format::Dhis2Csv => "dhis2-csv",
            Format::Dhis2Json => "dhis2-json",
        }
    }

    /// Binary or page formats that make no sense on a terminal.
    pub fn needs_file(self) -> bool {
        matches!(self, Format::Xlsx | Format::Html)
    }

    /// A clap parser for `--format` that takes only the given formats (an other one is a
    /// command-line error listing them).
    pub fn parser(
        accepted: &'static [Format],
    ) -> impl clap::builder::TypedValueParser<Value = Format> {
        use clap::builder::TypedValueParser;
        use clap::ValueEnum;
        clap::builder::PossibleValuesParser::new(
            accepted.iter().filter_map(|f| f.to_possible_value()),
        )
        .map(|name: String| Format::from_str(&name, false).expect("an accepted format"))
    }

    /// The format of a run: `--format`, else what `-o`'s extension says, else the command's
    /// default (the first accepted). `.txt` is the command's text for people (`table` or
    /// `text`). `Err` names the accepted formats when `-o` implies one the command does not
    /// write.
    pub fn choose(
        flag: Option<Format>,
        output: Option<&Path>,
        accepted: &[Format],
    ) -> Result<Format, crate::diag::Msg> {
        if let Some(f) = flag {
            return Ok(f);
        }
        let default = accepted[0];
        let Some(implied) = output.and_then(Format::from_path) else {
            return Ok(default);
        };
        let implied = match implied {
            Format::Table if !accepted.contains(&Format::Table) => Format::Text,
            f => f,
        };
        if accepted.contains(&implied) {
            return Ok(implied);
        }
        let names: Vec<&str> = accepted.iter().map(|f| f.name()).collect();
        Err(crate::messages::output::format_not_written(
            output.map(|p| p.display().to_string()).unwrap_or_default(),
            names.join(", "),
            implied.name(),
            accepted
                .iter()
                .filter_map(|f| f.extension())
                .collect::<Vec<_>>()
                .join(", "),
        ))
    }

    /// The file extension of the format, if it has one of its own.
    pub fn extension(self) -> Option<&'static str> {
        Some(match self {
            Format::Table | Format::Text => ".txt",
            Format::Csv => ".csv",
            Format::Json => ".json",
            Format::Xlsx => ".xlsx",
            Format::Html => ".html",
            Format::Dhis2Csv | Format::Dhis2Json => return None,
        })
    }
}

/// Presentation settings (never the numbers).
#[derive(Debug, Clone, Default)]
pub struct ReportSettings {
    /// Colour status words in the terminal table.
    pub color: bool,
    /// Terminal width for the table, if known.
    pub width: Option<u16>,
    /// `--excel-fr`: `;`, decimal comma and BOM in CSV.
    pub french_csv: bool,
    /// `--lang`: the language of human-facing text (never of machine names or CSV/JSON values).
    pub lang: crate::i18n::Lang,
    /// The status bands and rounding of the run (the reports' roll-ups use them).
    pub bands: crate::method::Bands,
    pub rounding: crate::method::Rounding,
    /// `--period`: the DHIS2 period of `--format dhis2-csv|dhis2-json`.
    pub period: Option<String>,
    /// The study's name for the headers of reports ([`study_name`]); empty when unknown.
    pub study_name: String,
}

/// The name of a study as people call it: the folder's name (`sikasso` for `data/sikasso` or
/// `/home/a/data/sikasso/`), or the workbook's name without its extension (`etude` for
/// `etude.xlsx`); never the absolute path.
pub fn study_name(path: &std::path::Path) -> String {
    let path = if path.file_name().is_none() {
        std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
    } else {
        path.to_path_buf()
    };
    let name = if path.is_dir() {
        path.file_name()
    } else {
        path.file_stem()
    };
    name.map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The date a report is made, as `YYYY-MM-DD`: today, or the date of `SOURCE_DATE_EPOCH` when
/// it is set (the reproducible-builds convention; the tests use it so that reports compare byte
/// for byte).
pub fn made_on() -> String {
    let fixed = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| chrono::DateTime::from_timestamp(secs, 0));
    match fixed {
        Some(t) => t.date_naive().to_string(),
        None => chrono::Local::now().date_naive().to_string(),
    }
}

/// A command's output: what every format may show. CSV and JSON are written from
/// [`Report::rows`] for every command; the formats for people are the command's own
/// ([`Report::write`]). A format the command does not list in `FORMATS` is never asked for.
pub trait Report {
    /// The formats the command writes, its default first.
    const FORMATS: &'static [Format];

    fn settings(&self) -> &ReportSettings;

    /// The warnings of the run (JSON's `"warnings"`, the reports' warning lists).
    fn warnings(&self) -> &[&Problem] {
        &[]
    }

    /// The rows CSV and JSON write.
    fn rows(&self) -> Option<Box<dyn Rows + '_>> {
        None
    }

    fn csv(&self) -> anyhow::Result<Vec<u8>> {
        let mut out = Vec::new();
        self.csv_to(&mut out)?;
        Ok(out)
    }

    /// CSV written to `out` row by row ([`serialize_to`] calls this, so a large output is
    /// never held whole).
    fn csv_to(&self, out: &mut dyn std::io::Write) -> anyhow::Result<()> {
        let rows = self.rows().ok_or_else(|| unsupported(Format::Csv))?;
        csv::write_to(rows.as_ref(), self.settings().french_csv, out)
    }

    fn json(&self) -> anyhow::Result<Vec<u8>> {
        let rows = self.rows().ok_or_else(|| unsupported(Format::Json))?;
        json::write(rows.as_ref(), self.warnings())
    }

    /// JSON written to `out`: by default [`Report::json`]'s bytes (a command that overrides
    /// `json` keeps its document); the commands with many rows stream them
    /// ([`json::write_to`]).
    fn json_to(&self, out: &mut dyn std::io::Write) -> anyhow::Result<()> {
        out.write_all(&self.json()?)?;
        Ok(())
    }

    /// The command's own formats (table, text, xlsx, html, dhis2-…): every format of
    /// [`Report::FORMATS`] but CSV and JSON. A command overrides either this (one `match`) or
    /// the per-format methods it calls by default.
    fn write(&self, format: Format) -> anyhow::Result<Vec<u8>> {
        match format {
            Format::Table => self.table(),
            Format::Text => self.text(),
            Format::Xlsx => self.xlsx(),
            Format::Html => self.html(),
            Format::Dhis2Csv => self.dhis2(false),
            Format::Dhis2Json => self.dhis2(true),
            Format::Csv => self.csv(),
            Format::Json => self.json(),
        }
    }

    /// [`Report::write`] to `out`: by default its bytes; a command whose format for people
    /// can be long (compute's table) writes it as it goes.
    fn write_to(&self, format: Format, out: &mut dyn std::io::Write) -> anyhow::Result<()> {
        out.write_all(&self.write(format)?)?;
        Ok(())
    }

    fn table(&self) -> anyhow::Result<Vec<u8>> {
        Err(unsupported(Format::Table))
    }

    fn text(&self) -> anyhow::Result<Vec<u8>> {
        Err(unsupported(Format::Text))
    }

    fn xlsx(&self) -> anyhow::Result<Vec<u8>> {
        Err(unsupported(Format::Xlsx))
    }

    fn html(&self) -> anyhow::Result<Vec<u8>> {
        Err(unsupported(Format::Html))
    }

    /// DHIS2 dataValueSets (`json`: the JSON shape, else CSV).
    fn dhis2(&self, _json: bool) -> anyhow::Result<Vec<u8>> {
        Err(unsupported(Format::Dhis2Csv))
    }
}

/// The error of a format a command does not write (the command line rejects it before).
pub fn unsupported(format: Format) -> anyhow::Error {
    anyhow::Error::new(crate::messages::output::unsupported_format(format.name()))
}

/// The one place that maps a format to its writer.
pub fn serialize<R: Report>(report: &R, format: Format) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    serialize_to(report, format, &mut out)?;
    Ok(out)
}

/// [`serialize`] written to `out` (see [`crate::output::Output::write_with`]): CSV and JSON
/// as streams, the other formats as their bytes.
pub fn serialize_to<R: Report>(
    report: &R,
    format: Format,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    if !R::FORMATS.contains(&format) {
        return Err(unsupported(format));
    }
    match format {
        Format::Csv => report.csv_to(out),
        Format::Json => report.json_to(out),
        own => report.write_to(own, out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_name_chooses_among_the_accepted_formats() {
        let compute = &[Format::Table, Format::Csv, Format::Json, Format::Xlsx];
        let explain = &[Format::Text, Format::Json];
        let p = |s: &str| Some(std::path::PathBuf::from(s));
        assert_eq!(Format::choose(None, None, compute), Ok(Format::Table));
        assert_eq!(
            Format::choose(None, p("r.CSV").as_deref(), compute),
            Ok(Format::Csv)
        );
        assert_eq!(
            Format::choose(None, p("r.unknown").as_deref(), compute),
            Ok(Format::Table)
        );
        assert_eq!(
            Format::choose(None, p("r.txt").as_deref(), explain),
            Ok(Format::Text)
        );
        let err = Format::choose(None, p("r.xlsx").as_deref(), explain)
            .unwrap_err()
            .en()
            .to_string();
        assert!(
            err.contains("text, json") && err.contains(".txt, .json"),
            "{err}"
        );
        assert_eq!(
            Format::choose(Some(Format::Csv), p("r.json").as_deref(), compute),
            Ok(Format::Csv)
        );
    }

    #[test]
    fn cells_as_csv_text() {
        assert_eq!(Value::Number(1.5).to_text(true), "1,5");
        assert_eq!(Value::Integer(2).to_text(true), "2");
        assert_eq!(Value::Null.to_text(false), "");
        let d = chrono::NaiveDate::from_ymd_opt(2020, 3, 4).unwrap();
        assert_eq!(Value::Date(d).to_text(false), "2020-03-04");
    }
}
