//! Outputs, one module per format behind one trait, as hyperfine's exporters: a format turns the
//! results into bytes; [`crate::output`] writes them atomically.
//!
//! The machine-readable column names ([`COLUMNS`]) are the contract of study-format §4 and never
//! change with `--lang`.

pub mod csv;
pub mod dhis2;
pub mod html;
pub mod json;
pub mod planning;
pub mod summary;
pub mod table;
pub mod xlsx;

use crate::diag::Problem;
use crate::engine::{ResultRow, Results};
use crate::model::Study;

/// The output columns of `wisn compute`, in order (study-format §4).
pub const COLUMNS: &[&str] = &[
    "level",
    "facility_id",
    "facility_name",
    "facility_type",
    "district",
    "region",
    "cadre",
    "current_staff",
    "required_staff",
    "required_rounded",
    "difference",
    "wisn_ratio",
    "workload_pressure_pct",
    "status",
    "awt_hours",
    "service_staff",
    "caf",
    "iaf",
    "completeness",
];

/// A value of an output cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Null,
    Text(&'a str),
    Number(f64),
    Integer(i64),
}

/// The cells of a row in [`COLUMNS`] order.
fn text(s: &Option<String>) -> Value<'_> {
    match s {
        Some(s) => Value::Text(s.as_str()),
        None => Value::Null,
    }
}

pub fn values(row: &ResultRow) -> [Value<'_>; 19] {
    let num = |v: Option<f64>| v.map(Value::Number).unwrap_or(Value::Null);
    [
        Value::Text(row.level.as_str()),
        text(&row.facility_id),
        text(&row.facility_name),
        text(&row.facility_type),
        text(&row.district),
        text(&row.region),
        Value::Text(&row.cadre),
        Value::Number(row.current_staff),
        Value::Number(row.required_staff),
        Value::Integer(row.required_rounded as i64),
        Value::Number(row.difference),
        num(row.wisn_ratio),
        Value::Number(row.workload_pressure_pct),
        row.status
            .map(|s| Value::Text(s.as_str()))
            .unwrap_or(Value::Null),
        num(row.awt_hours),
        num(row.service_staff),
        num(row.caf),
        num(row.iaf),
        num(row.completeness),
    ]
}

/// Everything an output format may show.
pub struct Report<'a> {
    pub study: &'a Study,
    pub results: &'a Results,
    pub warnings: Vec<&'a Problem>,
    pub settings: &'a ReportSettings,
}

/// Presentation settings (never the numbers).
#[derive(Debug, Clone, Default)]
pub struct ReportSettings {
    /// Colour status words in the terminal table.
    pub color: bool,
    /// Terminal width for the table, if known.
    pub width: Option<u16>,
    /// `--locale fr`: `;`, decimal comma and BOM in CSV.
    pub french_csv: bool,
    /// `--lang`: the language of human-facing text (never of machine names or CSV/JSON values).
    pub lang: crate::i18n::Lang,
    /// The status bands and rounding of the run (the reports' roll-ups use them).
    pub bands: crate::method::Bands,
    pub rounding: crate::method::Rounding,
    /// `--period`: the DHIS2 period of `--format dhis2-csv|dhis2-json`.
    pub period: Option<String>,
}

/// An output format.
pub trait Exporter {
    fn serialize(&self, report: &Report) -> anyhow::Result<Vec<u8>>;
}

/// The formats `wisn compute` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A table for people, on the terminal.
    Table,
    /// The spec's columns, full precision.
    Csv,
    /// `{"rows": [...], "warnings": [...]}`.
    Json,
    /// An Excel workbook: summary, charts, facilities, parameters, warnings (needs -o).
    Xlsx,
    /// One self-contained HTML page: tables, charts, sortable facility table (needs -o).
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
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            "txt" => Some(Format::Table),
            "xlsx" => Some(Format::Xlsx),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }

    pub fn exporter(&self) -> Box<dyn Exporter> {
        match self {
            Format::Table => Box::new(table::TableExporter),
            Format::Csv => Box::new(csv::CsvExporter),
            Format::Json => Box::new(json::JsonExporter),
            Format::Xlsx => Box::new(xlsx::XlsxExporter),
            Format::Html => Box::new(html::HtmlExporter),
            Format::Dhis2Csv => Box::new(dhis2::Dhis2Exporter { json: false }),
            Format::Dhis2Json => Box::new(dhis2::Dhis2Exporter { json: true }),
        }
    }

    /// Binary or page formats that make no sense on a terminal.
    pub fn needs_file(&self) -> bool {
        matches!(self, Format::Xlsx | Format::Html)
    }
}
