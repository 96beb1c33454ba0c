//! Outputs of `wisn surge` on the output layer ([`crate::report`]): its rows ([`COLUMNS`], CSV
//! and JSON are the layer's), a table for people, and xlsx and html reports with a line chart of the headcount
//! needed against the staff assigned over time, per cadre.

pub mod html;
pub mod table;
pub mod xlsx;

use std::collections::BTreeMap;

use super::compute::{SurgeResults, SurgeRow};
use super::dates::iso;
use crate::diag::Problem;
use crate::i18n::{Lang, Text};
use crate::report::Format::{self, *};
use crate::report::{unsupported, Report, ReportSettings, Row, RowSlice, Rows, Value};

/// The output columns of `wisn surge`, in order: the contract's, then `facility_type`,
/// `awt_hours` and `largest_shortage` (additions, see docs/surge.md).
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

/// A whole number as an integer cell (staff on duty), else a number.
fn whole(v: Option<f64>) -> Value<'static> {
    match v {
        Some(v) if v.fract() == 0.0 && v.abs() < 9e15 => Value::Integer(v as i64),
        other => Value::opt_number(other),
    }
}

impl Row for SurgeRow {
    fn cells<'a>(&'a self, out: &mut Vec<Value<'a>>) {
        let num = Value::opt_number;
        let p = |i: usize| num(self.patients.map(|p| p[i]));
        out.extend([
            Value::text(self.level.as_str()),
            self.date.map(Value::Date).unwrap_or(Value::Null),
            Value::opt_text(self.facility_id.as_deref()),
            Value::opt_text(self.facility_name.as_deref()),
            Value::opt_text(self.district.as_deref()),
            Value::opt_text(self.region.as_deref()),
            Value::text(&self.cadre),
            p(0),
            p(1),
            p(2),
            p(3),
            num(self.load),
            whole(self.on_duty),
            num(self.headcount_needed),
            Value::Number(self.assigned),
            Value::Number(self.available),
            num(self.difference),
            num(self.ratio),
            Value::opt_text(self.status.map(|s| s.as_str())),
            self.peak_date.map(Value::Date).unwrap_or(Value::Null),
            num(self.peak_headcount),
            self.days_in_shortage
                .map(|d| Value::Integer(i64::from(d)))
                .unwrap_or(Value::Null),
            Value::opt_text(self.facility_type.as_deref()),
            num(self.awt_hours),
            num(self.largest_shortage),
        ]);
    }
}

/// The cells of a row in [`COLUMNS`] order.
pub fn values(row: &SurgeRow) -> Vec<Value<'_>> {
    let mut out = Vec::with_capacity(COLUMNS.len());
    row.cells(&mut out);
    out
}

/// Everything an output format of `wisn surge` may show.
pub struct SurgeReport<'a> {
    pub results: &'a SurgeResults,
    pub warnings: Vec<&'a Problem>,
    pub settings: &'a ReportSettings,
    /// The study as named on the command line (for titles).
    pub study_name: String,
    /// `--daily`: the terminal table lists every date too.
    pub daily: bool,
}

impl SurgeReport<'_> {
    /// Every row with [`COLUMNS`].
    pub fn surge_rows(&self) -> RowSlice<'_, SurgeRow> {
        RowSlice {
            columns: COLUMNS,
            rows: &self.results.rows,
        }
    }
}

impl Report for SurgeReport<'_> {
    const FORMATS: &'static [Format] = &[Table, Csv, Json, Xlsx, Html];

    fn settings(&self) -> &ReportSettings {
        self.settings
    }

    fn warnings(&self) -> &[&Problem] {
        &self.warnings
    }

    fn rows(&self) -> Option<Box<dyn Rows + '_>> {
        Some(Box::new(self.surge_rows()))
    }

    /// The peak tables, the workbook with its charts, the page with its charts.
    fn write(&self, format: Format) -> anyhow::Result<Vec<u8>> {
        match format {
            Table => table::write(self),
            Xlsx => xlsx::write(self),
            Html => html::write(self),
            other => Err(unsupported(other)),
        }
    }
}

/// The headers of a peak table after the place columns, in order.
pub const PEAK_HEADERS: [Text; 10] = [
    Text::Cadre,
    Text::Assigned,
    Text::Available,
    Text::PeakDate,
    Text::Patients,
    Text::OnDuty,
    Text::Needed,
    Text::StatusAtPeak,
    Text::DaysShort,
    Text::LargestShortage,
];

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
    let mut lines = vec![lang.surge_sites_line(
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
        what_if.push(lang.surge_scaled(&crate::numbers::full_precision(o.scale_census)));
    }
    if o.absence_rate != 0.0 {
        what_if.push(lang.surge_absences(
            &crate::numbers::full_precision(o.absence_rate * 100.0),
            &crate::numbers::full_precision(1.0 - o.absence_rate),
        ));
    }
    if !what_if.is_empty() {
        lines.push(format!("{}: {}", lang.t(Text::WhatIf), what_if.join("; ")));
    }
    lines
}
