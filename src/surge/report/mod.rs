//! Outputs of `wisn surge`, one module per format behind one trait (as [`crate::report`] does
//! for `wisn compute`): a table for people, CSV and JSON with the spec's columns
//! ([`COLUMNS`], study-format §5), and xlsx and html reports with a line chart of the headcount
//! needed against the staff assigned over time, per cadre.

pub mod csv;
pub mod html;
pub mod json;
pub mod table;
pub mod text;
pub mod xlsx;

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::compute::{SurgeResults, SurgeRow};
use super::dates::iso;
use crate::diag::Problem;
use crate::i18n::Lang;
use crate::report::ReportSettings;

/// The output columns of `wisn surge`, in order: the spec's (study-format §5), then
/// `facility_type`, `awt_hours` and `largest_shortage` (additions, see docs/surge.md).
pub const COLUMNS: &[&str] = &[
    "level",
    "date",
    "facility_id",
    "facility_name",
    "district",
    "region",
    "cadre",
    "patients_mild",
    "patients_moderate",
    "patients_severe",
    "patients_critical",
    "load",
    "on_duty",
    "headcount_needed",
    "assigned",
    "available",
    "difference",
    "ratio",
    "status",
    "peak_date",
    "peak_headcount",
    "days_in_shortage",
    "facility_type",
    "awt_hours",
    "largest_shortage",
];

/// A value of an output cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Null,
    Text(&'a str),
    Number(f64),
    Integer(i64),
    Date(NaiveDate),
}

impl Value<'_> {
    /// The cell as CSV text: numbers at full precision, dates `YYYY-MM-DD`.
    pub fn to_text(&self) -> String {
        match self {
            Value::Null => String::new(),
            Value::Text(t) => t.to_string(),
            Value::Number(n) => crate::numbers::full_precision(*n),
            Value::Integer(i) => i.to_string(),
            Value::Date(d) => iso(*d),
        }
    }
}

fn text(s: &Option<String>) -> Value<'_> {
    s.as_deref().map(Value::Text).unwrap_or(Value::Null)
}

fn num(v: Option<f64>) -> Value<'static> {
    v.map(Value::Number).unwrap_or(Value::Null)
}

fn whole(v: Option<f64>) -> Value<'static> {
    match v {
        Some(v) if v.fract() == 0.0 && v.abs() < 9e15 => Value::Integer(v as i64),
        other => num(other),
    }
}

/// The cells of a row in [`COLUMNS`] order.
pub fn values(row: &SurgeRow) -> [Value<'_>; 25] {
    let p = |i: usize| num(row.patients.map(|p| p[i]));
    [
        Value::Text(row.level.as_str()),
        row.date.map(Value::Date).unwrap_or(Value::Null),
        text(&row.facility_id),
        text(&row.facility_name),
        text(&row.district),
        text(&row.region),
        Value::Text(&row.cadre),
        p(0),
        p(1),
        p(2),
        p(3),
        num(row.load),
        whole(row.on_duty),
        num(row.headcount_needed),
        Value::Number(row.assigned),
        Value::Number(row.available),
        num(row.difference),
        num(row.ratio),
        row.status
            .map(|s| Value::Text(s.as_str()))
            .unwrap_or(Value::Null),
        row.peak_date.map(Value::Date).unwrap_or(Value::Null),
        num(row.peak_headcount),
        row.days_in_shortage
            .map(|d| Value::Integer(i64::from(d)))
            .unwrap_or(Value::Null),
        text(&row.facility_type),
        num(row.awt_hours),
        num(row.largest_shortage),
    ]
}

/// Everything an output format may show.
pub struct SurgeReport<'a> {
    pub results: &'a SurgeResults,
    pub warnings: Vec<&'a Problem>,
    pub settings: &'a ReportSettings,
    /// The study as named on the command line (for titles).
    pub study_name: String,
    /// `--daily`: the terminal table lists every date too.
    pub daily: bool,
}

/// An output format of `wisn surge`.
pub trait SurgeExporter {
    fn serialize(&self, report: &SurgeReport) -> anyhow::Result<Vec<u8>>;
}

/// The formats `wisn surge` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SurgeFormat {
    /// The peak and shortages per site and cadre, on the terminal.
    Table,
    /// The spec's columns, full precision.
    Csv,
    /// `{"rows": [...], "warnings": [...]}`.
    Json,
    /// A workbook: every row, a summary sheet and a line chart per cadre.
    Xlsx,
    /// One self-contained page: summary tables and a line chart per cadre.
    Html,
}

impl SurgeFormat {
    /// The format a file name implies (`-o surge.xlsx` writes xlsx).
    pub fn from_path(path: &std::path::Path) -> Option<SurgeFormat> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "csv" => Some(SurgeFormat::Csv),
            "json" => Some(SurgeFormat::Json),
            "xlsx" => Some(SurgeFormat::Xlsx),
            "html" | "htm" => Some(SurgeFormat::Html),
            "txt" => Some(SurgeFormat::Table),
            _ => None,
        }
    }

    pub fn exporter(&self) -> Box<dyn SurgeExporter> {
        match self {
            SurgeFormat::Table => Box::new(table::TableExporter),
            SurgeFormat::Csv => Box::new(csv::CsvExporter),
            SurgeFormat::Json => Box::new(json::JsonExporter),
            SurgeFormat::Xlsx => Box::new(xlsx::XlsxExporter),
            SurgeFormat::Html => Box::new(html::HtmlExporter),
        }
    }
}

/// The place of a row: site, or the group's district and region.
type Place = (Option<String>, Option<String>, Option<String>);

/// Dated rows of one level grouped by place and cadre: places in the order first met, and within
/// a place the cadres in `covid_standards` order; each group's rows in date order.
pub fn by_place_and_cadre<'a>(rows: &[&'a SurgeRow]) -> Vec<Vec<&'a SurgeRow>> {
    let mut places: Vec<Place> = Vec::new();
    let mut groups: BTreeMap<(usize, usize), Vec<&SurgeRow>> = BTreeMap::new();
    for &r in rows {
        let place = (r.facility_id.clone(), r.district.clone(), r.region.clone());
        let p = match places.iter().position(|x| *x == place) {
            Some(p) => p,
            None => {
                places.push(place);
                places.len() - 1
            }
        };
        groups.entry((p, r.cadre_index)).or_default().push(r);
    }
    groups.into_values().collect()
}

pub use super::compute::{peak_of, Peak};

/// The lines that describe the run (sites, cadres, dates, what-if options).
pub fn describe(results: &SurgeResults, lang: Lang) -> Vec<String> {
    let mut lines = vec![text::sites_line(
        lang,
        results.site_count,
        results.cadres.len(),
        results
            .first_date
            .zip(results.last_date)
            .map(|(a, b)| (iso(a), iso(b))),
    )];
    let o = &results.options;
    let mut what_if = Vec::new();
    if o.scale_census != 1.0 {
        what_if.push(text::scaled(
            lang,
            &crate::numbers::full_precision(o.scale_census),
        ));
    }
    if o.absence_rate != 0.0 {
        what_if.push(text::absences(
            lang,
            &crate::numbers::full_precision(o.absence_rate * 100.0),
            &crate::numbers::full_precision(1.0 - o.absence_rate),
        ));
    }
    if !what_if.is_empty() {
        lines.push(format!(
            "{}: {}",
            text::t(lang, text::Text::WhatIf),
            what_if.join("; ")
        ));
    }
    lines
}
